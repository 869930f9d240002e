"""scripts/build_countries.py, run again on the reference CSV, gives the committed file exactly.

The script writes to ``<its repo root>/data/countries.yaml`` (its parent's parent), so it is
copied into a scratch tree under tmp_path and run there; the real data/ is never touched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "build_countries.py"
COMMITTED = REPO_ROOT / "data" / "countries.yaml"


def _scratch_repo(root: Path) -> Path:
    repo = root / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy2(SCRIPT, repo / "scripts" / "build_countries.py")
    return repo


def _run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(repo / "scripts" / "build_countries.py"), *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_rebuild_from_csv_argument_is_byte_identical(tmp_path: Path, iw_csv_path: Path) -> None:
    repo = _scratch_repo(tmp_path)
    result = _run(repo, str(iw_csv_path))
    assert result.returncode == 0, result.stderr
    assert "115 countries, 414 score rows" in result.stdout
    built = repo / "data" / "countries.yaml"
    assert built.read_bytes() == COMMITTED.read_bytes()


def test_rebuild_from_default_reference_location(tmp_path: Path, iw_csv_path: Path) -> None:
    # Without an argument the script reads <repo>/../shared/reference/inglehart_welzel.csv.
    repo = _scratch_repo(tmp_path)
    shared = tmp_path / "shared" / "reference"
    shared.mkdir(parents=True)
    shutil.copy2(iw_csv_path, shared / "inglehart_welzel.csv")
    result = _run(repo)
    assert result.returncode == 0, result.stderr
    assert (repo / "data" / "countries.yaml").read_bytes() == COMMITTED.read_bytes()


def test_rebuild_refuses_a_truncated_csv(tmp_path: Path, iw_csv_path: Path) -> None:
    repo = _scratch_repo(tmp_path)
    lines = iw_csv_path.read_text(encoding="utf-8").splitlines(keepends=True)
    short = tmp_path / "short.csv"
    short.write_text("".join(lines[:-1]), encoding="utf-8")
    result = _run(repo, str(short))
    assert result.returncode != 0
    assert "expected 414 rows and 115 countries" in result.stderr
    assert not (repo / "data" / "countries.yaml").exists()
