"""The wheel holds the package, its built-in knowledge and the console script, and works alone."""

from __future__ import annotations

import configparser
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import cxguide

REPO_ROOT = Path(__file__).resolve().parents[1]
# Every knowledge file, the translations in data/<language>/ too ("ru/methods.yaml").
DATA_FILES = sorted(
    p.relative_to(REPO_ROOT / "data").as_posix() for p in (REPO_ROOT / "data").rglob("*.yaml")
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built in-process by hatchling from the source tree."""
    from hatchling.builders.wheel import WheelBuilder

    out = tmp_path_factory.mktemp("dist")
    built = [Path(p) for p in WheelBuilder(str(REPO_ROOT)).build(directory=str(out))]
    assert len(built) == 1, built
    assert built[0].suffix == ".whl"
    return built[0]


@pytest.fixture(scope="module")
def names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def _dist_info(names: list[str], file: str) -> str:
    matches = [n for n in names if n.endswith(f".dist-info/{file}")]
    assert len(matches) == 1, matches
    return matches[0]


def test_wheel_name_has_the_version(wheel: Path) -> None:
    assert wheel.name.startswith(f"cxguide-{cxguide.__version__}-")
    assert wheel.name.endswith("-py3-none-any.whl")


def test_wheel_holds_every_data_file(wheel: Path, names: list[str]) -> None:
    assert len(DATA_FILES) >= 7
    packaged = sorted(
        n.removeprefix("cxguide/data/") for n in names if n.startswith("cxguide/data/")
    )
    assert packaged == DATA_FILES
    with zipfile.ZipFile(wheel) as archive:
        for name in DATA_FILES:
            assert archive.read(f"cxguide/data/{name}") == (REPO_ROOT / "data" / name).read_bytes()


def test_wheel_holds_the_package_modules(names: list[str]) -> None:
    sources = sorted(
        p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "cxguide").rglob("*.py")
    )
    assert sources
    missing = [s for s in sources if s not in names]
    assert missing == []
    assert not [n for n in names if n.startswith(("tests/", "scripts/", "data/"))]


def test_wheel_declares_the_console_script(wheel: Path, names: list[str]) -> None:
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(_dist_info(names, "entry_points.txt")).decode("utf-8")
        metadata = archive.read(_dist_info(names, "METADATA")).decode("utf-8")
    entry_points = configparser.ConfigParser()
    entry_points.read_string(text)
    assert dict(entry_points["console_scripts"]) == {"cxguide": "cxguide.cli:main"}
    assert f"Version: {cxguide.__version__}" in metadata.splitlines()
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    for dependency in ("textual", "rich", "pyyaml", "platformdirs"):
        assert any(dependency in line.lower() for line in requires), dependency


def test_unpacked_wheel_loads_its_own_knowledge(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    user_dir = tmp_path / "user"
    user_dir.mkdir()
    code = textwrap.dedent(
        """
        import json
        import cxguide, cxguide.paths
        from cxguide.knowledge.loader import load_knowledge
        knowledge = load_knowledge(language="ru")  # reads data/ru/ too
        print(json.dumps({
            "package": cxguide.__file__,
            "data": str(cxguide.paths.builtin_data_dir()),
            "methods": len(knowledge.methods),
            "countries": len(knowledge.countries),
            "problems": [str(p) for p in knowledge.problems],
            "files": [str(f) for f in knowledge.files],
        }))
        """
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")
    }
    env.update(
        PYTHONPATH=str(unpacked),
        CXGUIDE_DATA_DIR=str(user_dir),
        CXGUIDE_NO_CACHE="1",
        CXGUIDE_CACHE_DIR=str(tmp_path / "cache"),
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    root = unpacked.resolve()
    assert Path(report["package"]).resolve().is_relative_to(root)
    assert Path(report["data"]).resolve() == root / "cxguide" / "data"
    assert report["problems"] == []
    assert report["methods"] == 40
    assert report["countries"] == 115
    data = Path(report["data"])
    assert sorted(Path(f).relative_to(data).as_posix() for f in report["files"]) == DATA_FILES
    assert all(Path(f).resolve().is_relative_to(root) for f in report["files"])
