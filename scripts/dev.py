"""Set up and run cxguide from a fresh clone with nothing but Python 3.11+.

    python3 scripts/dev.py run [ARGS...]    create .venv if missing, install, open the app
    python3 scripts/dev.py test [ARGS...]   create .venv if missing, install with the test
                                            tools, run the whole test suite (ARGS go to pytest)
    python3 scripts/dev.py check            ruff and mypy --strict (installs the dev tools)

The virtual environment lives in .venv beside this project. Installation is skipped when
pyproject.toml has not changed since the last one, so the commands stay quick after the first.
Standard library only: this script runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
MIN_PIP = (25, 1)  # the first pip that installs PEP 735 dependency groups (--group)


def say(message: str) -> None:
    print(f"[dev] {message}", file=sys.stderr, flush=True)


def ensure_venv() -> None:
    """Create .venv when it is missing or broken."""
    if PYTHON.exists():
        return
    say(f"creating the virtual environment in {VENV}")
    venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)


def pip_version() -> tuple[int, ...]:
    out = subprocess.run(
        [str(PYTHON), "-m", "pip", "--version"], capture_output=True, text=True, check=True
    ).stdout
    return tuple(int(p) for p in out.split()[1].split(".")[:2] if p.isdigit())


def ensure_installed(groups: Sequence[str]) -> None:
    """Install cxguide (editable) with ``groups`` unless they are installed already.

    The stamp records pyproject.toml's hash and the groups installed with it; an install with
    the test tools also serves ``run``.
    """
    stamp = VENV / ".cxguide-install"
    project = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    installed: set[str] = set()
    if stamp.exists():
        recorded, _, names = stamp.read_text(encoding="utf-8").strip().partition(" ")
        if recorded == project:
            installed = {n for n in names.split(",") if n} | {"base"}
    if "base" in installed and set(groups) <= installed:
        return
    if pip_version() < MIN_PIP:
        say("upgrading pip (dependency groups need pip 25.1 or newer)")
        subprocess.run([str(PYTHON), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    wanted = sorted(set(groups) | (installed - {"base"}))
    command = [str(PYTHON), "-m", "pip", "install", "-q", "-e", str(ROOT)]
    for group in wanted:
        command += ["--group", f"{ROOT / 'pyproject.toml'}:{group}"]
    say("installing cxguide" + (f" with the {', '.join(wanted)} tools" if wanted else ""))
    subprocess.run(command, check=True)
    stamp.write_text(f"{project} {','.join(wanted)}\n", encoding="utf-8")


def run(command: Sequence[str]) -> int:
    """Run ``command`` from the project root and return its exit code."""
    return subprocess.run(list(command), cwd=ROOT).returncode


def main(argv: Sequence[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    action, rest = argv[0], list(argv[1:])
    ensure_venv()
    if action == "run":
        ensure_installed([])
        return run([str(PYTHON), "-m", "cxguide", *rest])
    if action == "test":
        ensure_installed(["test"])
        return run([str(PYTHON), "-m", "pytest", *rest])
    ensure_installed(["dev"])
    ruff = run([str(PYTHON), "-m", "ruff", "check", "."])
    mypy = run([str(PYTHON), "-m", "mypy"])
    return ruff or mypy


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
