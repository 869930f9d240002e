"""Which cited notes apply to a country, checked by hand against the reference.

Positions from shared/reference/inglehart_welzel.csv (the point the 2023 map draws):
Japan 2019 (1.6146, 1.302) Confucian; Nigeria 2018 (-1.3736, -1.1028) African-Islamic;
Germany 2018 (0.8909, 2.1561) Protestant Europe; China 2018 (0.5755, -0.1071) Confucian;
India 2012 (-0.7095, -0.8615) West & South Asia.
Conditions from shared/reference/research_across_cultures.yaml.
"""

from __future__ import annotations

import dataclasses

from cxguide.knowledge.models import Knowledge
from cxguide.logic.geo_notes import (
    RESEARCH_TOPICS,
    by_topic,
    find_topic,
    note_title,
    notes_for,
    research_notes,
)
from cxguide.logic.ranking import W_CULTURE_PENALTY, Answers, rank

MAP_BOUND = {
    # note id -> the countries (of the five above) where its condition holds
    "rs-acquiescence-survival-pole": {"NGA", "CHN", "IND"},  # survival < 0
    "rs-confucian-moderacy": {"JPN", "CHN"},  # zone == Confucian
    "md-status-gap": {"JPN", "CHN", "IND"},  # zone in [West & South Asia, Confucian]
    "md-indirect-criticism": {"NGA", "IND"},  # zone in [West & South Asia, African-Islamic]
    "rm-offline-population": {"NGA", "IND"},  # both axes < 0 (China is secular: excluded)
    "rm-latin-america-panels": set(),  # zone == Latin America
    "cp-gdpr-scope-and-consent": {"DEU"},  # EU/EEA
    "cp-china-pipl": {"CHN"},  # CN
    "en-secular-side": {"JPN", "DEU", "CHN"},  # traditional_secular > 0
    "en-survival-side": {"NGA", "CHN", "IND"},
}
COUNTRIES = ("JPN", "NGA", "DEU", "CHN", "IND")


def test_map_bound_notes_apply_exactly_where_the_reference_says(knowledge: Knowledge) -> None:
    for note_id, expected in MAP_BOUND.items():
        where = set()
        for cid in COUNTRIES:
            country = knowledge.country(cid)
            assert country is not None
            if note_id in {a.note.id for a in notes_for(knowledge, country)}:
                where.add(cid)
        assert where == expected, note_id


def test_always_notes_apply_everywhere(knowledge: Knowledge) -> None:
    always = {
        n.id for n in knowledge.culture_notes if n.applies_when == "always" and not n.jurisdictions
    }
    # the reference's 25 'always' entries less its 4 legal ones, plus 3 map-meaning notes
    assert len(always) == 24
    for cid in COUNTRIES:
        country = knowledge.country(cid)
        assert country is not None
        found = {a.note.id for a in notes_for(knowledge, country)}
        assert always <= found, cid


def test_the_reason_names_the_score_the_side_and_the_survey_year(knowledge: Knowledge) -> None:
    nigeria = knowledge.country("NGA")
    assert nigeria is not None
    applied = {a.note.id: a for a in notes_for(knowledge, nigeria)}
    assert applied["rs-acquiescence-survival-pole"].because == (
        "applies because survival–self-expression is −1.10, below 0 (2018 survey)"
    )
    assert applied["rm-offline-population"].because == (
        "applies because traditional–secular-rational is −1.37, below 0; "
        "survival–self-expression is −1.10, below 0 (2018 survey)"
    )
    assert applied["md-indirect-criticism"].because == (
        "applies because the zone is African-Islamic, one of West & South Asia, African-Islamic"
    )
    assert applied["rs-styles-confound-means"].because == "applies in every market"
    germany = knowledge.country("DEU")
    assert germany is not None
    gdpr = next(a for a in notes_for(knowledge, germany) if a.note.id == "cp-gdpr-transfers")
    assert gdpr.because == (
        "applies because Germany is in European Union and European Economic Area"
    )


def test_a_country_without_a_zone_gets_zone_notes_as_may_apply(knowledge: Knowledge) -> None:
    japan = knowledge.country("JPN")
    assert japan is not None
    zoneless = dataclasses.replace(japan, zone=None)
    applied = {a.note.id: a for a in notes_for(knowledge, zoneless)}
    assert applied["rs-confucian-moderacy"].applies is None
    assert applied["rs-confucian-moderacy"].because == (
        "may apply: this country's cultural zone is unknown"
    )


def test_topics_filter_and_group_in_order(knowledge: Knowledge) -> None:
    china = knowledge.country("CHN")
    assert china is not None
    only = notes_for(knowledge, china, ["consent/privacy"])
    assert {a.note.topic for a in only} == {"consent/privacy"}
    groups = [topic for topic, _items in by_topic(notes_for(knowledge, china))]
    assert groups[0] == "entering-the-market"
    assert groups[1] == "onboarding"
    assert {a.note.topic for a in research_notes(knowledge, china)} <= set(RESEARCH_TOPICS)
    assert find_topic("Consent") == "consent/privacy"
    assert find_topic("surveys") == "surveys/response-style"
    assert find_topic("nonsense") is None


def test_a_note_title_is_its_first_sentence(knowledge: Knowledge) -> None:
    note = next(n for n in knowledge.culture_notes if n.id == "rm-web-sample-skew")
    assert note_title(note) == (
        "Expect web and online-panel samples to over-represent young, male, single, "
        "well-educated and better-off people."
    )


def test_no_country_means_no_culture_reasons(knowledge: Knowledge) -> None:
    ranking = rank(knowledge, Answers(learn="say"))
    assert all(r.answer != "country" for m in ranking.methods for r in m.reasons)
    assert ranking.country is None and ranking.country_notes == ()


def test_a_lowering_note_lowers_only_the_methods_it_names(knowledge: Knowledge) -> None:
    base = {m.method.id: m for m in rank(knowledge, Answers(learn="say")).methods}
    nigeria = {m.method.id: m for m in rank(knowledge, Answers(learn="say", country="NGA")).methods}
    # rm-offline-population names unmoderated-testing (2014: unmoderated-ux-studies) and
    # surveys (2014: intercept-surveys, email-surveys): lowered by the cited penalty
    for method_id in ("unmoderated-ux-studies", "intercept-surveys", "email-surveys"):
        lowered = [r for r in nigeria[method_id].reasons if r.points == W_CULTURE_PENALTY]
        assert len(lowered) == 1, method_id
        assert "itu2019" in lowered[0].sources
        assert "(2018 survey)" in lowered[0].fact
        assert nigeria[method_id].score == round(base[method_id].score + W_CULTURE_PENALTY, 2)
    # an interview gets caveats only: the score does not move
    assert nigeria["interviews"].score == base["interviews"].score
    assert any(r.answer == "country" for r in nigeria["interviews"].reasons)
    # a method with no 2022 successor has no note naming it: no culture reason at all
    assert all(r.answer != "country" for r in nigeria["true-intent-studies"].reasons)


def test_in_germany_the_offline_note_does_not_apply(knowledge: Knowledge) -> None:
    germany = rank(knowledge, Answers(learn="say", country="DEU"))
    assert all(r.points == 0 for m in germany.methods for r in m.reasons if r.answer == "country")
    assert germany.country is not None and germany.country.name == "Germany"
    assert {a.note.id for a in germany.country_notes} >= {"cp-local-and-home-rules"}
    assert all("all" in a.note.methods for a in germany.country_notes)


def test_the_plan_carries_the_culture_caveats_of_its_picks(knowledge: Knowledge) -> None:
    ranking = rank(knowledge, Answers(learn="both", question="both", country="JPN"))
    assert ranking.plan
    interviews = next(p for p in ranking.plan if p.method.id == "interviews")
    assert interviews.culture
    assert all(r.answer == "country" for r in interviews.culture)
