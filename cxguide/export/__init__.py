"""Render knowledge and results as text a person or a program keeps: Markdown, JSON, tables.

Pure functions from models to strings; Rich is imported only inside the text renderer.
"""
