"""A disk cache of checked knowledge, so that a start-up does not re-parse unchanged YAML.

The key is cxguide's version, the language of the texts, and every knowledge file's path, size
and modification time (one cache file per language, so switching back and forth stays fast);
any edit, added or removed file misses the cache and the files are checked again. The cache lives
in the user's cache directory, is written atomically, and a cache that cannot be read or written
is simply ignored (it only ever saves time). Set ``CXGUIDE_NO_CACHE=1`` to bypass it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path

from cxguide import __version__
from cxguide.knowledge.models import Knowledge

ENV_NO_CACHE = "CXGUIDE_NO_CACHE"
ENV_CACHE_DIR = "CXGUIDE_CACHE_DIR"


def enabled() -> bool:
    """Whether the cache may be used in this process."""
    return os.environ.get(ENV_NO_CACHE, "") in ("", "0")


def cache_dir() -> Path:
    """Where cache files live: ``$CXGUIDE_CACHE_DIR`` or the platform's user cache directory."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path("cxguide", appauthor=False)


# The code that shapes a cached object: a change to it (even without a new version, as in an
# editable install) must miss the cache, or an old pickle could fill renamed or moved fields.
_CODE = tuple(
    Path(__file__).parent / name
    for name in ("models.py", "build.py", "schemas.py", "translations.py")
)


def fingerprint(paths: Sequence[Path], user_dir: Path | None, language: str = "en") -> str:
    """A key that changes whenever any knowledge file, the set of files, the models or the
    language change."""
    digest = hashlib.sha256(f"{__version__}\0{user_dir}\0{language}".encode())
    for path in (*_CODE, *paths):
        try:
            stat = path.stat()
        except OSError:
            digest.update(f"{path}\0missing".encode())
            continue
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}\n".encode())
    return digest.hexdigest()


def _file_for(key: str, language: str) -> Path:
    return cache_dir() / f"knowledge-{language}-{key[:32]}.pickle"


def read(key: str, language: str = "en") -> Knowledge | None:
    """The cached knowledge for ``key``, or None when absent, stale or unreadable."""
    try:
        with _file_for(key, language).open("rb") as handle:
            stored_key, knowledge = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    if stored_key != key or not isinstance(knowledge, Knowledge) or knowledge.language != language:
        return None
    return knowledge


def _stale(path: Path, target: Path, language: str) -> bool:
    """Another cache file of this language, or one named before languages were cached apart."""
    if path == target:
        return False
    middle = path.name.removeprefix("knowledge-").removesuffix(".pickle")
    return middle.startswith(f"{language}-") or "-" not in middle


def write(key: str, knowledge: Knowledge, language: str = "en") -> None:
    """Store ``knowledge`` under ``key`` atomically; failures are ignored (cache only)."""
    target = _file_for(key, language)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in target.parent.glob("knowledge-*.pickle"):
            if _stale(stale, target, language):
                stale.unlink(missing_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".knowledge-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((key, knowledge), out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return
