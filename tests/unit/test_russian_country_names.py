"""Countries are found by their Russian (CLDR) names, in any case, in either language."""

from __future__ import annotations

import pytest

from cxguide.knowledge.models import Knowledge
from cxguide.logic.catalogue import find_country


@pytest.mark.parametrize(
    ("text", "country_id"),
    [
        ("Швеция", "SWE"),
        ("швеция", "SWE"),
        ("Германия", "DEU"),
        ("ЯПОНИЯ", "JPN"),
        ("Нигерия", "NGA"),
        ("Северная Ирландия", "GB-NIR"),
    ],
)
def test_russian_names_find_the_country(knowledge: Knowledge, text: str, country_id: str) -> None:
    found = find_country(knowledge, text).found
    assert found is not None and found.id == country_id


def test_a_misspelt_russian_name_gets_a_suggestion_not_a_guess(knowledge: Knowledge) -> None:
    lookup = find_country(knowledge, "Германи")
    assert lookup.found is None
    assert "Germany" in lookup.suggestions
