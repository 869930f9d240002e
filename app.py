"""Thin launcher: ``python app.py`` opens cxguide, exactly like the ``cxguide`` command."""

from cxguide.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
