"""Property tests of the culture-map logic over every country and survey year in the data.

Neighbours come sorted by distance, never include the country itself and respect ``n``; the
distance is symmetric and never negative; a difference read the other way round has the
opposite delta; a comparison has one pair per two points.
"""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from cxguide.knowledge.models import Country, Knowledge
from cxguide.logic.culture import (
    AXES,
    SAME_WITHIN,
    Axis,
    comparison,
    describe_difference,
    distance,
    neighbours,
    point,
)

SETTINGS = settings(
    max_examples=int(os.environ.get("CXGUIDE_CULTURE_EXAMPLES", "200")), deadline=None
)


# A country and, perhaps, one of its survey years, drawn as indices and resolved in the test
# (the knowledge is a module fixture, so the strategies cannot name countries themselves).
Pick = tuple[int, int | None]
PICK: st.SearchStrategy[Pick] = st.tuples(
    st.integers(min_value=0, max_value=10_000),
    st.one_of(st.none(), st.integers(min_value=0, max_value=100)),
)
AXIS: st.SearchStrategy[Axis] = st.sampled_from(AXES)


def resolve(knowledge: Knowledge, pick: Pick) -> tuple[Country, int | None]:
    country = knowledge.countries[pick[0] % len(knowledge.countries)]
    which = pick[1]
    year = None if which is None else country.scores[which % len(country.scores)].year
    return country, year


@SETTINGS
@given(pick=PICK, n=st.integers(min_value=0, max_value=130))
def test_neighbours_sorted_never_self_and_n_respected(
    knowledge: Knowledge, pick: Pick, n: int
) -> None:
    country, year = resolve(knowledge, pick)
    near = neighbours(knowledge, country, n, year)
    assert len(near) == min(n, len(knowledge.countries) - 1)
    assert all(nb.point.country.id != country.id for nb in near)
    distances = [nb.distance for nb in near]
    assert distances == sorted(distances)
    assert len({nb.point.country.id for nb in near}) == len(near)
    origin = point(country, year)
    for nb in near:
        assert nb.distance >= 0
        assert nb.distance == round(distance(origin, nb.point), 4)


@SETTINGS
@given(pick=PICK, n=st.integers(min_value=1, max_value=114))
def test_nothing_left_out_is_nearer(knowledge: Knowledge, pick: Pick, n: int) -> None:
    country, year = resolve(knowledge, pick)
    near = neighbours(knowledge, country, n, year)
    everyone = neighbours(knowledge, country, 114, year)
    assert near == everyone[:n]


@SETTINGS
@given(first=PICK, second=PICK)
def test_distance_is_symmetric(knowledge: Knowledge, first: Pick, second: Pick) -> None:
    a, b = point(*resolve(knowledge, first)), point(*resolve(knowledge, second))
    assert distance(a, b) == distance(b, a)
    assert distance(a, b) >= 0
    assert distance(a, a) == 0


@SETTINGS
@given(first=PICK, second=PICK, axis=AXIS)
def test_difference_reversed_has_the_opposite_delta(
    knowledge: Knowledge, first: Pick, second: Pick, axis: Axis
) -> None:
    a, b = point(*resolve(knowledge, first)), point(*resolve(knowledge, second))
    forward = describe_difference(a, b, axis)
    backward = describe_difference(b, a, axis)
    assert forward.delta == -backward.delta
    assert forward.axis == backward.axis == axis
    same = abs(forward.delta) < SAME_WITHIN
    assert ("about the same" in forward.text) is same
    assert ("about the same" in backward.text) is same
    if not same:
        size = f"{abs(forward.delta):.1f}"
        assert f" by {size} on the map's scale." in forward.text
        assert f" by {size} on the map's scale." in backward.text


@SETTINGS
@given(picks=st.lists(st.integers(min_value=0, max_value=114), max_size=6, unique=True))
def test_comparison_has_every_pair_once(knowledge: Knowledge, picks: list[int]) -> None:
    points = [point(knowledge.countries[i]) for i in picks]
    result = comparison(points)
    k = len(points)
    assert len(result.pairs) == k * (k - 1) // 2
    seen = {(p.first.country.id, p.second.country.id) for p in result.pairs}
    assert len(seen) == len(result.pairs)
    for pair in result.pairs:
        assert pair.distance == round(distance(pair.first, pair.second), 4)
        assert [d.axis for d in pair.differences] == list(AXES)
