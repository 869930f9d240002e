"""`cxguide map`: the map as text, SVG (parsed as XML) and JSON; options, files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from cxguide import cli as cli_module
from cxguide.knowledge.models import Knowledge
from cxguide.logic.culture_map import ZONE_GLYPHS

from .conftest import Result, Run

SVG = "{http://www.w3.org/2000/svg}"
ZONE_NAMES = (
    "Protestant Europe",
    "Catholic Europe",
    "English-Speaking",
    "Confucian",
    "Orthodox Europe",
    "West & South Asia",
    "Latin America",
    "African-Islamic",
)


def _json(cli: Run, *argv: str) -> dict[str, Any]:
    result = cli("map", *argv, "--format", "json")
    assert result.code == 0, result.err
    assert result.err == ""
    data = json.loads(result.out)
    assert isinstance(data, dict)
    return data


def _svg(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    return root


def _texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


# --- text --------------------------------------------------------------------------------------


def test_text_map_is_plain_characters_with_the_legend(cli: Run) -> None:
    result = cli("map")
    assert result.code == 0 and result.err == ""
    assert "\x1b" not in result.out  # not a terminal: no colour codes
    lines = result.out.splitlines()
    grid = lines[:32]
    assert max(len(line) for line in grid) <= 100
    assert grid[0].strip() == "↑ Secular-rational values"
    assert grid[-1].startswith("← Survival values")
    assert "↓ Traditional values" in grid[-1] and grid[-1].endswith("Self-expression values →")
    text = "\n".join(grid)
    for glyph in ZONE_GLYPHS:
        assert glyph in text
    legend = "\n".join(lines[32:35])
    for glyph, name in zip(ZONE_GLYPHS, ZONE_NAMES, strict=True):
        assert f"{glyph} {name}" in legend
    assert "○ No zone given" in legend
    assert "Sources:" in result.out
    assert "CulturalMapFinalEVSWVS_2023" in result.out
    assert "Qatar" in text and "Sweden" in text


def test_text_map_size_can_be_chosen(cli: Run) -> None:
    result = cli("map", "--width", "60", "--height", "16")
    assert result.code == 0
    lines = result.out.splitlines()
    assert max(len(line) for line in lines[:16]) <= 60
    assert lines[15].startswith("← Survival")


def test_zone_zooms_in_and_country_is_labelled_with_its_neighbours(cli: Run) -> None:
    result = cli("map", "--zone", "confucian", "--country", "Japan")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("Zoomed into Confucian")
    text = "\n".join(lines[:32])
    for name in ("Japan", "China", "South Korea", "Taiwan ROC", "Hong Kong SAR"):
        assert name in text
    assert (
        "◆ Japan (JPN) 2019 · self-expression +1.30 · secular-rational +1.61 · Confucian" in lines
    )


def test_path_is_drawn_with_its_years(cli: Run, knowledge: Knowledge) -> None:
    result = cli("map", "--country", "DEU", "--path", "--width", "160", "--height", "44")
    assert result.code == 0, result.err
    germany = knowledge.country("DEU")
    assert germany is not None
    text = "\n".join(result.out.splitlines()[:44])
    assert "Path of Germany, 1981–2018" in text
    assert "◦" in text and "·" in text
    shown = [s.year for s in germany.scores if str(s.year) in text]
    assert len(shown) >= len(germany.scores) - 2


def test_text_to_a_file(cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "map.txt"
    result = cli("map", "-o", str(target))
    assert result.code == 0 and result.out == ""
    assert result.err == f"Wrote {target}.\n"
    assert target.read_text(encoding="utf-8").splitlines()[0].strip() == (
        "↑ Secular-rational values"
    )


# --- SVG ---------------------------------------------------------------------------------------


def test_svg_is_valid_xml_with_title_axes_legend_labels_and_sources(cli: Run) -> None:
    result = cli("map", "--format", "svg")
    assert result.code == 0 and result.err == ""
    assert result.out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = _svg(result.out)
    texts = _texts(root)
    joined = "\n".join(texts)
    assert root.find(f"{SVG}title") is not None
    assert texts[0] == "The Inglehart–Welzel cultural map"
    assert "115 countries at the survey year the 2023 map draws (else their latest)" in texts
    assert (
        "Across: Survival vs self-expression values (left: Survival values; right: "
        "Self-expression values)." in texts
    )
    assert (
        "Up: Traditional vs secular-rational values (bottom: Traditional values; top: "
        "Secular-rational values)." in texts
    )
    for title in (
        "↑ Secular-rational values",
        "↓ Traditional values",
        "← Survival values",
        "Self-expression values →",
    ):
        assert title in texts
    for name in ZONE_NAMES:
        assert name in texts  # '&' came through the escaping and back
    assert "No zone given" in texts
    assert "Sources:" in texts
    assert "CulturalMapFinalEVSWVS_2023" in joined and "wvsa_map_2023" in joined
    for country in ("Sweden", "Qatar", "Japan", "Egypt"):
        assert country in texts


def test_svg_draws_one_marker_per_country_from_the_layout(cli: Run, knowledge: Knowledge) -> None:
    from cxguide.export.map_svg import GRID_HEIGHT, GRID_WIDTH
    from cxguide.logic.culture_map import map_view

    root = _svg(cli("map", "--format", "svg").out)
    view = map_view(knowledge, GRID_WIDTH, GRID_HEIGHT)
    shapes = [
        el
        for el in root.iter()
        if el.tag in (f"{SVG}circle", f"{SVG}rect", f"{SVG}polygon")
        and el.get("fill") not in ("#ffffff", "#fbfbfb")
    ]
    legend_shapes = len(view.keys)
    hollow = 1 + 1  # the Dominican Republic's ring and its legend entry are hollow (white fill)
    assert len(shapes) == len(view.chart.markers) + legend_shapes - hollow
    texts = _texts(root)
    for label in view.chart.labels:
        assert label.text in texts
    # A label sits on its cell: x = PAD + col * CELL_W.
    from cxguide.export.map_svg import CELL_W, PAD

    label = view.chart.label_of("QAT")
    assert label is not None
    found = [t for t in root.iter(f"{SVG}text") if t.text == "Qatar"]
    assert float(found[0].get("x", "0")) == pytest.approx(PAD + label.col * CELL_W)


def test_svg_zoomed_into_a_zone(cli: Run) -> None:
    root = _svg(cli("map", "--format", "svg", "--zone", "latin america").out)
    texts = _texts(root)
    assert any(t.endswith("· zoomed into Latin America") for t in texts)
    assert "Zoomed into Latin America" in texts


def test_svg_path_is_a_polyline(cli: Run) -> None:
    result = cli("map", "--format", "svg", "--zone", "latin-america", "--country", "MEX", "--path")
    root = _svg(result.out)
    assert root.find(f"{SVG}polyline") is not None
    texts = _texts(root)
    assert "Zoomed into Latin America · path of Mexico, 1981–2018" in texts
    for year in ("1981", "1990", "1996", "2000", "2005", "2012"):
        assert year in texts


def test_svg_escapes_every_text() -> None:
    from cxguide.export.map_svg import _text

    element = ET.fromstring(_text(1, 2, '<Sweden & "Norway">'))
    assert element.text == '<Sweden & "Norway">'


def test_svg_to_a_file_replaces_the_old_one_whole(cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_text("old", encoding="utf-8")
    result = cli("map", "--format", "svg", "-o", str(target))
    assert result.code == 0 and result.out == ""
    assert result.err == f"Wrote {target}.\n"
    _svg(target.read_text(encoding="utf-8"))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_interrupted_write_keeps_the_old_file(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.svg"
    target.write_text("old", encoding="utf-8")

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    result = cli("map", "--format", "svg", "-o", str(target))
    assert result.code == 1
    assert result.err == f"cxguide: could not write {target}: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_missing_directory_is_reported(cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "map.svg"
    result = cli("map", "--format", "svg", "-o", str(target))
    assert result.code == 1
    assert result.err.startswith(f"cxguide: could not write {target}: ")


# --- JSON --------------------------------------------------------------------------------------


def test_json_has_every_country_with_its_point_glyph_and_cell(
    cli: Run, knowledge: Knowledge
) -> None:
    data = _json(cli)
    assert data["schema_version"] == 1 and data["zone"] is None and data["selected"] is None
    assert len(data["points"]) == 115
    sweden = next(p for p in data["points"] if p["id"] == "SWE")
    assert sweden["year"] == 2017 and sweden["basis"] == "map_2023"
    assert (sweden["traditional_secular"], sweden["survival_self_expression"]) == (1.1067, 3.1133)
    assert sweden["glyph"] == "●" and sweden["drawn"] is True and len(sweden["cell"]) == 2
    assert sweden["label"] in ("Sweden", "SWE")
    assert [e["zone"] for e in data["legend"]] == [*(z.id for z in knowledge.zones), None]
    assert sum(e["countries"] for e in data["legend"]) == 115
    assert data["legend"][-1] == {
        "zone": None,
        "name": "No zone given",
        "glyph": "○",
        "colour": "#9C9C9C",
        "countries": 1,
    }
    axes = data["axes"]
    assert axes["x"]["variable"] == "survival_self_expression"
    assert axes["x"]["negative_pole"] == "Survival values"
    assert axes["y"]["positive_pole"] == "Secular-rational values"
    assert axes["x"]["shown_from"] < -2.3 and axes["x"]["shown_to"] > 3.2
    assert data["grid"] == {"width": 100, "height": 32}
    assert data["path"] is None
    assert "wvsa_map_2023" in data["sources"]


def test_json_zoomed_with_a_selection_and_a_path(cli: Run) -> None:
    data = _json(cli, "--zone", "Protestant Europe", "--country", "Sweden", "--path")
    assert data["zone"] == {"id": "protestant-europe", "name": "Protestant Europe"}
    assert data["selected"] == "SWE" and len(data["neighbours"]) == 5
    drawn = {p["id"] for p in data["points"] if p["drawn"]}
    assert {"SWE", "NOR", "DNK", "FIN", "DEU", "NLD", "ISL", "CHE"} <= drawn
    assert "NGA" not in drawn
    assert [s["year"] for s in data["path"]] == [1981, 1990, 1996, 1999, 2006, 2009, 2011, 2017]


# --- problems ------------------------------------------------------------------------------------


PROBLEMS = [
    (
        ("--zone", "Confucan"),
        1,
        "cxguide: unknown zone 'Confucan' — did you mean: Confucian?\n",
    ),
    (
        ("--country", "Swedn"),
        1,
        "cxguide: unknown country 'Swedn' — did you mean: Sweden?\n",
    ),
    (
        ("--path",),
        2,
        "cxguide map: error: --path draws the path of a country: add --country NAME\n",
    ),
    (
        ("--width", "10"),
        2,
        "cxguide map: error: the map needs at least 20 x 8 characters, not 10 x 32\n",
    ),
]


@pytest.mark.parametrize(("argv", "code", "message"), PROBLEMS)
def test_problems_exit_with_a_message(
    cli: Run, argv: Sequence[str], code: int, message: str
) -> None:
    result = cli("map", *argv)
    assert (result.code, result.out, result.err) == (code, "", message)


def test_a_country_outside_the_zoom_is_noted(cli: Run) -> None:
    result = cli("map", "--zone", "confucian", "--country", "Nigeria")
    assert result.code == 0
    assert result.err == "cxguide: note: Nigeria is outside the part of the map shown\n"


def test_bad_format_is_a_usage_error(cli: Run) -> None:
    result = cli("map", "--format", "markdown")
    assert result.code == 2
    assert "invalid choice: 'markdown'" in result.err


def test_help_lists_the_options(cli: Run) -> None:
    result = cli("map", "--help")
    assert result.code == 0
    for option in ("--zone", "--country", "--path", "--format", "-o FILE", "--width"):
        assert option in result.out


def test_runs_in_a_fresh_interpreter(cli_process: Callable[[Sequence[str]], Result]) -> None:
    result = cli_process(["map", "--format", "json", "--zone", "confucian"])
    assert result.code == 0, result.err
    assert json.loads(result.out)["zone"]["id"] == "confucian"


def test_every_format_leaves_textual_alone(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from cxguide.cli import main\n"
        "for fmt in ('text', 'svg', 'json'):\n"
        "    assert main(['map', '--format', fmt, '-o', f'out.{fmt}']) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('textual')))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, "CXGUIDE_DATA_DIR": str(tmp_path / "user")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"
    assert {p.name for p in tmp_path.glob("out.*")} == {"out.text", "out.svg", "out.json"}


def test_map_is_a_command() -> None:
    assert cli_module.COMMANDS["map"] is cli_module.cmd_map
