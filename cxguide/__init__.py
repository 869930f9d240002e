"""cxguide: choose UX research methods and read a market's culture, in the terminal.

Only the version lives here, so that ``import cxguide`` stays instant.
"""

__version__ = "0.1.0"
