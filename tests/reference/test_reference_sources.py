"""Every source id the knowledge cites is defined, and every defined source is a full citation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from cxguide.knowledge.models import Fact, Knowledge, TextFact

COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")


def _cited(knowledge: Knowledge) -> Iterator[tuple[str, str]]:
    """(where, source id) for every source reference anywhere in the knowledge."""
    for edition in knowledge.editions:
        for sid in edition.sources:
            yield f"edition {edition.id}", sid
    for method in knowledge.methods:
        where = f"method {method.edition}/{method.id}"
        for sid in method.sources:
            yield where, sid
        if method.contexts_source is not None:
            yield f"{where} contexts_source", method.contexts_source
        for sid in method.phases_sources:
            yield f"{where} phases_sources", sid
        for axis in (method.attitudinal_behavioral, method.qual_quant):
            if axis is not None:
                yield f"{where} position", axis.source
    landscape = knowledge.landscape
    for dimension in landscape.dimensions:
        for sid in dimension.sources:
            yield f"landscape dimension {dimension.id}", sid
    for context in landscape.contexts:
        for sid in context.sources:
            yield f"landscape context {context.id}", sid
    for phase in landscape.phases:
        for sid in phase.sources:
            yield f"landscape phase {phase.edition}/{phase.id}", sid
    for guidance in landscape.guidance:
        for sid in guidance.sources:
            yield f"landscape guidance {guidance.id}", sid
    for zone in knowledge.zones:
        for sid in zone.sources:
            yield f"zone {zone.id}", sid
    for value_dimension in knowledge.value_dimensions:
        where = f"value dimension {value_dimension.id}"
        for sid in value_dimension.sources:
            yield where, sid
        for pole in (value_dimension.negative_pole, value_dimension.positive_pole):
            for sid in pole.sources:
                yield f"{where} pole {pole.name}", sid
        for item in value_dimension.items:
            for sid in item.sources:
                yield f"{where} item {item.code}", sid
    for caveat in knowledge.value_caveats:
        for sid in caveat.sources:
            yield f"value caveat {caveat.id}", sid
    for key, practical in knowledge.practicalities.items():
        where = f"practicalities {key}"
        facts: tuple[Fact | TextFact, ...] = (
            *practical.other_names,
            *practical.typical_participants,
            *practical.remote,
            *practical.needs_product,
            *practical.duration_effort,
            *practical.relative_cost,
            *practical.strengths,
            *practical.limitations,
        )
        for fact in facts:
            for sid in fact.sources:
                yield where, sid
    for country in knowledge.countries:
        if country.zone_source is not None:
            yield f"country {country.id} zone_source", country.zone_source
        for score in country.scores:
            yield f"country {country.id} {score.year}", score.source


def test_every_cited_source_is_defined(knowledge: Knowledge) -> None:
    cited = list(_cited(knowledge))
    assert len(cited) > 500  # sanity: the walk really visits the knowledge
    missing = [f"{where}: {sid}" for where, sid in cited if sid not in knowledge.sources]
    assert missing == []


def test_every_fact_names_a_source(knowledge: Knowledge) -> None:
    for method in knowledge.methods:
        assert method.sources, method.id
    for dimension in knowledge.landscape.dimensions:
        assert dimension.sources, dimension.id
    for context in knowledge.landscape.contexts:
        assert context.sources, context.id
    for zone in knowledge.zones:
        assert zone.sources, zone.id
    for country in knowledge.countries:
        assert (country.zone is None) == (country.zone_source is None), country.id


def test_every_reference_source_is_defined(knowledge: Knowledge, rohrer: dict[str, Any]) -> None:
    missing = sorted(set(rohrer["sources"]) - set(knowledge.sources))
    assert missing == []


def test_every_source_is_a_full_citation(knowledge: Knowledge) -> None:
    assert knowledge.sources
    for sid, source in knowledge.sources.items():
        assert source.id == sid
        assert source.title and source.title.strip(), sid
        # the reference's culture-guidance sources give one citation text with the author in it
        assert source.author or source.publisher or source.cited_as, f"{sid}: no author"
        full_repo = bool(source.repo and source.path and source.commit)
        assert source.url or full_repo or source.locator, (
            f"{sid}: no url, repo+path+commit, locator"
        )
        if source.commit is not None:
            assert COMMIT_RE.match(source.commit), f"{sid}: commit {source.commit!r}"
        assert source.where, sid
        assert not source.origin.user


def test_reference_repo_citations_agree(knowledge: Knowledge, rohrer: dict[str, Any]) -> None:
    # Where rohrer_methods.yaml gives a source as "github owner/repo @ commit, path", the defined
    # source must point at the same repository, commit and path.
    pattern = re.compile(r"^github (?P<repo>\S+) @ (?P<commit>[0-9a-f]{40}), (?P<path>\S+)$")
    checked = 0
    for sid, ref in rohrer["sources"].items():
        match = pattern.match(str(ref["where"]))
        if match is None:
            continue
        source = knowledge.sources[sid]
        assert (source.repo, source.commit, source.path) == (
            match["repo"],
            match["commit"],
            match["path"],
        ), sid
        checked += 1
    assert checked >= 3  # chart2014, questions2014, dwarvesf
