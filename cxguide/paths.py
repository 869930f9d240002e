"""Where cxguide finds its built-in knowledge and the user's own directory."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "CXGUIDE_DATA_DIR"
APP_NAME = "cxguide"


def builtin_data_dir() -> Path:
    """The built-in knowledge: inside the installed package, or ``data/`` in a source tree."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "data"


def default_user_dir() -> Path:
    """The platform's user config directory for cxguide (it may not exist yet)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def user_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The user's knowledge directory: ``--data-dir``, else ``$CXGUIDE_DATA_DIR``, else default."""
    if cli_value:
        return Path(cli_value).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser()
    return default_user_dir()
