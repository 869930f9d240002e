"""The built-in knowledge: it loads cleanly, completely, with every citation resolving."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from cxguide.knowledge import Knowledge, load_knowledge
from cxguide.knowledge.loader import yaml_files
from cxguide.paths import builtin_data_dir


@pytest.fixture(scope="module")
def builtin() -> Knowledge:
    load_knowledge.cache_clear()
    return load_knowledge(None)


def test_builtin_knowledge_has_no_problems(builtin):
    assert [str(p) for p in builtin.problems] == []


def test_builtin_knowledge_is_complete(builtin):
    assert len(builtin.methods) == 40
    assert len(builtin.methods_of("2014")) == 20
    assert len(builtin.methods_of("2022")) == 20
    assert [e.id for e in builtin.editions] == ["2014", "2022"]
    assert len(builtin.countries) == 115
    assert len(builtin.zones) == 8
    assert [d.id for d in builtin.value_dimensions] == [
        "traditional_secular",
        "survival_self_expression",
    ]
    assert [d.id for d in builtin.landscape.dimensions] == ["attitudinal_behavioral", "qual_quant"]
    assert {c.id for c in builtin.landscape.contexts} == {
        "natural",
        "scripted",
        "not_using",
        "hybrid",
        "limited",
    }
    assert builtin.notes == ()
    assert list(builtin.files) == yaml_files(builtin_data_dir())


def test_builtin_ids_are_unique(builtin):
    method_keys = [(m.edition, m.id) for m in builtin.methods]
    assert len(set(method_keys)) == len(method_keys)
    country_ids = [c.id for c in builtin.countries]
    assert len(set(country_ids)) == len(country_ids)
    zone_ids = [z.id for z in builtin.zones]
    assert len(set(zone_ids)) == len(zone_ids)


def test_2014_methods_are_positioned_and_2022_are_not(builtin):
    for m in builtin.methods_of("2014"):
        assert m.attitudinal_behavioral is not None and m.qual_quant is not None, m.id
        for axis in (m.attitudinal_behavioral, m.qual_quant):
            assert -1 <= axis.low <= axis.value <= axis.high <= 1, m.id
    for m in builtin.methods_of("2022"):
        assert m.attitudinal_behavioral is None and m.qual_quant is None, m.id


def test_country_zones_and_map_rows_resolve(builtin):
    zones = {z.id for z in builtin.zones}
    for country in builtin.countries:
        assert country.zone is None or country.zone in zones, country.id
        if country.map_2023.year is not None:
            assert country.map_score is not None, country.id
        years = [s.year for s in country.scores]
        assert years == sorted(set(years)), country.id


def test_builtin_origins_point_at_the_real_line(builtin):
    path = builtin_data_dir() / "methods.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    for m in builtin.methods:
        assert m.origin.user is False
        assert m.origin.path == path
        assert m.origin.describe() == "built-in"
        assert lines[m.origin.line - 1] == f"  - id: {m.id}", m.id
    germany = builtin.country("DEU")
    assert germany is not None and germany.name == "Germany"
    country_lines = germany.origin.path.read_text(encoding="utf-8").splitlines()
    assert country_lines[germany.origin.line - 1] == "  - id: DEU"


SOURCE_FIELDS = ("source", "sources")


def _cited(value: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every (where, source id) named by a field called *source(s) anywhere inside ``value``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            inner = getattr(value, f.name)
            here = f"{where}.{f.name}"
            if f.name.endswith(SOURCE_FIELDS):
                if isinstance(inner, str):
                    yield here, inner
                    continue
                if isinstance(inner, tuple) and all(isinstance(i, str) for i in inner):
                    yield from ((here, i) for i in inner)
                    continue
            yield from _cited(inner, here)
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            yield from _cited(inner, f"{where}[{key!r}]")
    elif isinstance(value, (tuple, list)):
        for index, inner in enumerate(value):
            yield from _cited(inner, f"{where}[{index}]")


def test_every_cited_source_id_resolves(builtin):
    cited = list(_cited(dataclasses.replace(builtin, sources={}), "knowledge"))
    # the walk really reaches every kind of citing field
    fields = {where.rsplit(".", 1)[-1].split("[")[0] for where, _ in cited}
    assert {"sources", "source", "zone_source", "contexts_source", "phases_sources"} <= fields
    assert len(cited) > 500
    unresolved = [(where, ident) for where, ident in cited if ident not in builtin.sources]
    assert unresolved == []


def test_every_builtin_source_is_complete(builtin):
    for ident, source in builtin.sources.items():
        assert source.id == ident
        # who wrote it is either a field of its own or part of the whole citation
        assert source.author or source.publisher or source.cited_as, ident
        assert source.where, ident
        assert source.citation().endswith(source.where), ident


def test_load_knowledge_is_cached(tmp_path):
    assert load_knowledge(None) is load_knowledge(None)
    assert load_knowledge(tmp_path) is load_knowledge(tmp_path)
    load_knowledge.cache_clear()
    first = load_knowledge(None)
    load_knowledge.cache_clear()
    assert load_knowledge(None) is not first


def test_missing_user_directory_is_no_problem(tmp_path):
    knowledge = load_knowledge(tmp_path / "does-not-exist")
    assert knowledge.problems == ()
    assert len(knowledge.methods) == 40


def test_user_directory_that_is_a_file(tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x", encoding="utf-8")
    knowledge = load_knowledge(not_a_dir)
    assert [str(p) for p in knowledge.problems] == [
        f"{not_a_dir}: your knowledge directory is a file, not a directory — "
        "point --data-dir or CXGUIDE_DATA_DIR at a directory"
    ]
    assert len(knowledge.methods) == 40


def test_disk_cache_sees_an_edited_user_file(tmp_path, monkeypatch):
    monkeypatch.delenv("CXGUIDE_NO_CACHE")
    monkeypatch.setenv("CXGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    user_dir = tmp_path / "mine"
    user_dir.mkdir()
    note = user_dir / "notes.yaml"
    text = (
        "kind: notes\nschema_version: 1\nnotes:\n"
        "  - {id: n, country: DEU, text: first, author: A, date: 2026-01-02}\n"
    )
    note.write_text(text, encoding="utf-8")
    assert [n.text for n in load_knowledge(user_dir).notes] == ["first"]
    load_knowledge.cache_clear()
    assert [n.text for n in load_knowledge(user_dir).notes] == ["first"]
    note.write_text(text.replace("first", "second one"), encoding="utf-8")
    load_knowledge.cache_clear()
    assert [n.text for n in load_knowledge(user_dir).notes] == ["second one"]


def test_builtin_data_dir_holds_the_data():
    assert (builtin_data_dir() / "methods.yaml").is_file()
    assert isinstance(builtin_data_dir(), Path)
