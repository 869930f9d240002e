"""The terminal app (Textual). Presents the knowledge; never computes it.

Imported only when the app starts: ``cxguide.cli.run_tui`` imports ``cxguide.tui.app``.
"""
