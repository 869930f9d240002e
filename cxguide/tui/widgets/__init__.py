"""Reusable widgets of the cxguide app."""
