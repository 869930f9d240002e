"""Build ``data/culture_notes.yaml`` and ``data/sources_research.yaml`` from the cited reference.

What it does: reads ``research_across_cultures.yaml`` and ``SOURCES-research_across_cultures.md``
(by default in ``../shared/reference/`` next to the repository root, or the directory given as
the first argument) and writes:

- ``data/culture_notes.yaml``: every guidance entry, field for field (condition, topic, basis,
  texts, methods, confidence, sources), in the ``kind: culture_notes`` format of
  docs/knowledge-files.md. The texts are the reference's own paraphrase of its sources, kept
  word for word so that a claim never drifts from what was checked against the source.
- ``data/sources_research.yaml``: every source the entries cite that cxguide does not define yet,
  with the reference's citation and address, and its reliability from the SOURCES tables.

The only judgement added here is ``RANKING_EFFECTS`` below: which notes lower the methods they
name in the finder's ranking (all others are caveats that move nothing), with the words of the
guidance that justify it. The output is deterministic; ``tests/reference`` checks it against the
reference so nothing drifts.

Usage: ``python scripts/build_culture_notes.py [path/to/reference/dir]``
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
NOTES_OUT = DATA / "culture_notes.yaml"
SOURCES_OUT = DATA / "sources_research.yaml"
FIELDS = (
    "id",
    "topic",
    "applies_when",
    "link_basis",
    "link_note",
    "markets_studied",
    "jurisdictions",
    "guidance",
    "evidence",
    "caveat",
    "methods",
    "confidence",
    "sources",
)

# Notes whose guidance says the methods it names reach people poorly in the markets where it
# applies: the finder lowers those methods (W_CULTURE_PENALTY) instead of only adding a caveat.
RANKING_EFFECTS = {
    "rm-offline-population": (
        "The guidance says online-only recruiting and unmoderated tools reach a minority of "
        "people in these markets, and points to phone-based or in-person methods instead."
    ),
}

RELIABILITY_WORDS = (
    ("medium–high", "medium-high"),
    ("medium-high", "medium-high"),
    ("low–medium", "low-medium"),
    ("low-medium", "low-medium"),
    ("high", "high"),
    ("medium", "medium"),
    ("low", "low"),
)


def reliability(text: str) -> str:
    """The reliability grade a SOURCES table cell starts with, in cxguide's words."""
    cell = text.strip().lower()
    for word, grade in RELIABILITY_WORDS:
        if cell.startswith(word):
            return grade
    raise SystemExit(f"unreadable reliability {text!r}")


def source_table(markdown: str) -> dict[str, dict[str, str]]:
    """The rows of every '| id | Citation | Where read | What was read | Reliability |' table."""
    rows: dict[str, dict[str, str]] = {}
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 5 or cells[0] in ("id", "") or set(cells[0]) <= {"-"}:
            continue
        ids = [i.strip() for i in re.split(r"[/,]", cells[0])]  # a row may cover several ids
        if not all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids):
            continue
        if not cells[4]:  # a cross-reference row ("see section 4"): the full row is elsewhere
            continue
        for ident in ids:
            rows[ident] = {"read": cells[3], "reliability": cells[4]}
    return rows


def defined_source_ids() -> set[str]:
    """Source ids cxguide's other source files already define."""
    ids: set[str] = set()
    for path in sorted(DATA.glob("sources_*.yaml")):
        if path == SOURCES_OUT:
            continue
        ids |= {s["id"] for s in yaml.safe_load(path.read_text(encoding="utf-8"))["sources"]}
    return ids


def block(key: str, value: Any, indent: int) -> list[str]:
    """One YAML field: short scalars inline, long texts folded, lists in flow style."""
    pad = " " * indent
    if isinstance(value, list):
        items = ", ".join(scalar(v) for v in value)
        line = f"{pad}{key}: [{items}]"
        if len(line) <= 100:
            return [line]
        return [f"{pad}{key}:"] + [f"{pad}  - {scalar(v)}" for v in value]
    text = " ".join(str(value).split())
    line = f"{pad}{key}: {scalar(text)}"
    if len(line) <= 100:
        return [line]
    wrapped = textwrap.wrap(text, width=96 - indent, break_on_hyphens=False)
    return [f"{pad}{key}: >-"] + [f"{pad}  {w}" for w in wrapped]


def scalar(value: Any) -> str:
    """A YAML scalar, quoted only where plain style would change its meaning."""
    text = str(value)
    try:
        loaded = yaml.safe_load(f"k: {text}") if text else None
    except yaml.YAMLError:
        loaded = None
    if isinstance(loaded, dict) and loaded.get("k") == text and not re.search(r"[\[\]{},#]", text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_notes(reference: dict[str, Any]) -> str:
    lines = [
        "# Cited guidance on researching in (and entering) markets, keyed to the cultural map.",
        "# GENERATED by scripts/build_culture_notes.py from shared/reference/",
        "# research_across_cultures.yaml: edit the reference and rerun, do not edit by hand.",
        "# Provenance and reliability of every source: SOURCES-research_across_cultures.md.",
        "",
        "kind: culture_notes",
        "schema_version: 1",
        "guidance:",
    ]
    for entry in reference["guidance"]:
        lines.append("")
        first = True
        for key in FIELDS:
            if key not in entry:
                continue
            rendered = block(key, entry[key], 4)
            if first:
                rendered[0] = "  - " + rendered[0][4:]
                first = False
            lines.extend(rendered)
        if entry["id"] in RANKING_EFFECTS:
            lines.extend(block("effect", "lower", 4))
            lines.extend(block("effect_note", RANKING_EFFECTS[entry["id"]], 4))
    return "\n".join(lines) + "\n"


def build_sources(reference: dict[str, Any], table: dict[str, dict[str, str]]) -> str:
    defined = defined_source_ids()
    used = [s for e in reference["guidance"] for s in e["sources"]]
    lines = [
        "# Sources of the culture notes (data/culture_notes.yaml) that no other file defines.",
        "# GENERATED by scripts/build_culture_notes.py from shared/reference/",
        "# research_across_cultures.yaml and SOURCES-research_across_cultures.md.",
        "",
        "kind: sources",
        "schema_version: 1",
        "sources:",
    ]
    for ident in dict.fromkeys(used):
        if ident in defined:
            continue
        source = reference["sources"][ident]
        row = table.get(ident)
        if row is None:
            raise SystemExit(f"{ident} has no row in the SOURCES tables")
        lines.append("")
        lines.append(f"  - id: {ident}")
        lines.extend(block("citation", source["cite"], 4))
        lines.append(f"    url: {scalar(source['url'])}")  # never folded: a break would add a space
        lines.extend(block("reliability", reliability(row["reliability"]), 4))
        note = f"What was read: {row['read']}. Reliability: {row['reliability']}."
        lines.extend(block("note", note.replace("**", "").replace("`", ""), 4))
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    reference_dir = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "reference"
    reference = yaml.safe_load(
        (reference_dir / "research_across_cultures.yaml").read_text(encoding="utf-8")
    )
    table = source_table(
        (reference_dir / "SOURCES-research_across_cultures.md").read_text(encoding="utf-8")
    )
    NOTES_OUT.write_text(build_notes(reference), encoding="utf-8")
    SOURCES_OUT.write_text(build_sources(reference, table), encoding="utf-8")
    print(f"wrote {NOTES_OUT.relative_to(ROOT)} and {SOURCES_OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
