"""data/culture_notes.yaml and its sources against the reference research_across_cultures.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cxguide.knowledge.models import Knowledge

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference"


@pytest.fixture(scope="module")
def guidance_reference() -> dict[str, Any]:
    path = REFERENCE / "research_across_cultures.yaml"
    if not path.is_file():
        pytest.skip(f"reference file {path} not found (clone shared/ next to the repository)")
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


def _words(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def test_every_reference_entry_is_in_data_unchanged(
    knowledge: Knowledge, guidance_reference: dict[str, Any]
) -> None:
    ours = {n.id: n for n in knowledge.culture_notes}
    entries = guidance_reference["guidance"]
    assert len(entries) == 39
    for entry in entries:
        note = ours[entry["id"]]
        assert note.topic == entry["topic"]
        assert note.applies_when == entry["applies_when"]
        assert note.link_basis == entry["link_basis"]
        assert list(note.methods) == entry["methods"]
        assert note.confidence == entry["confidence"]
        assert list(note.sources) == entry["sources"]
        assert list(note.jurisdictions) == entry.get("jurisdictions", [])
        assert list(note.markets_studied) == entry.get("markets_studied", [])
        for field in ("guidance", "evidence", "caveat", "link_note"):
            assert _words(getattr(note, field)) == _words(entry.get(field)), (entry["id"], field)


def test_only_listed_notes_change_a_score(knowledge: Knowledge) -> None:
    lowering = {n.id for n in knowledge.culture_notes if n.effect == "lower"}
    assert lowering == {"rm-offline-population"}
    assert all(n.effect_note for n in knowledge.culture_notes if n.effect == "lower")


def test_every_cited_source_matches_the_reference(
    knowledge: Knowledge, guidance_reference: dict[str, Any]
) -> None:
    for source_id, entry in guidance_reference["sources"].items():
        source = knowledge.sources[source_id]
        if source.cited_as is not None:  # generated from the reference
            assert source.cited_as == _words(entry["cite"]), source_id
            assert source.url == entry["url"], source_id


def test_zone_names_of_the_conditions_are_the_zones_of_the_map(
    knowledge: Knowledge, guidance_reference: dict[str, Any]
) -> None:
    names = {z.name for z in knowledge.zones}
    assert set(guidance_reference["conditions"]["zones"]) == names
