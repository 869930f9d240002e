"""The cultural map as a working tool: positions, paths, neighbours, zones, comparisons, movement.

Pure functions over the cited country scores. Rules, stated once:

- A country's *point* is the survey year the 2023 map draws where the sources say which
  (``map_2023``); otherwise, and for countries not on the map, its latest survey year. Every
  result says which year it used.
- Distances are straight lines on the map's two axes (traditional–secular-rational and
  survival–self-expression), in the map's own units: "on these two dimensions only", never a
  measure of overall cultural distance.
- A zone's centre is computed here, as the mean of its members' points; it is not a WVS figure.
- Differences smaller than ``SAME_WITHIN`` are described as "about the same", and a score
  closer to zero than that is read as "close to the middle", on neither side: zero is not
  exactly the average of the source table.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from cxguide.i18n import _
from cxguide.knowledge.models import (
    Country,
    Guidance,
    Knowledge,
    Score,
    ValueDimension,
    ValuePole,
    Zone,
)

SAME_WITHIN = 0.1  # map units; below this two scores are described as about the same
PointBasis = Literal["map_2023", "latest", "year"]
Side = Literal["negative", "positive", "middle"]
Axis = Literal["traditional_secular", "survival_self_expression"]
AXES: tuple[Axis, ...] = ("traditional_secular", "survival_self_expression")


@dataclass(frozen=True, slots=True)
class Point:
    """Where a country stands, which survey year that is, and why that year was used."""

    country: Country
    score: Score
    basis: PointBasis

    @property
    def x(self) -> float:
        """Survival (-) to self-expression (+): the map's horizontal axis."""
        return self.score.survival_self_expression

    @property
    def y(self) -> float:
        """Traditional (-) to secular-rational (+): the map's vertical axis."""
        return self.score.traditional_secular


@dataclass(frozen=True, slots=True)
class Neighbour:
    """Another country near this one on the two axes, with the distance between the points."""

    point: Point
    distance: float


@dataclass(frozen=True, slots=True)
class Difference:
    """How two points differ on one axis, as a number and in plain words."""

    axis: Axis
    delta: float  # second minus first, in map units
    text: str


@dataclass(frozen=True, slots=True)
class ZoneCentre:
    """The mean point of a zone's members (computed by cxguide, not a WVS figure)."""

    zone: Zone
    x: float
    y: float
    members: tuple[Point, ...]


def point(country: Country, year: int | None = None) -> Point:
    """The country's point for ``year``; without a year, the map's point or the latest one.

    Raises ``LookupError`` when the country has no survey in ``year``.
    """
    if year is not None:
        for score in country.scores:
            if score.year == year:
                return Point(country, score, "year")
        years = ", ".join(str(s.year) for s in country.scores)
        raise LookupError(
            _("{country} has no survey in {year}; its survey years are {years}").format(
                country=country.name, year=year, years=years
            )
        )
    drawn = country.map_score
    if drawn is not None:
        return Point(country, drawn, "map_2023")
    return Point(country, country.latest, "latest")


def path(country: Country) -> tuple[Point, ...]:
    """The country's point in every survey year, oldest first."""
    return tuple(Point(country, score, "year") for score in country.scores)


def distance(a: Point, b: Point) -> float:
    """The straight-line distance between two points on the map's two axes."""
    return math.hypot(a.x - b.x, a.y - b.y)


def neighbours(
    knowledge: Knowledge, country: Country, n: int = 5, year: int | None = None
) -> tuple[Neighbour, ...]:
    """The ``n`` countries nearest to ``country`` (ties by name), each at its own point."""
    origin = point(country, year)
    others = [
        Neighbour(p, round(distance(origin, p), 4))
        for p in (point(c) for c in knowledge.countries if c.id != country.id)
    ]
    others.sort(key=lambda nb: (nb.distance, nb.point.country.name.casefold()))
    return tuple(others[: max(n, 0)])


def zone_members(knowledge: Knowledge, zone_id: str | None) -> tuple[Country, ...]:
    """The countries of a zone (``None``: the countries no source places in a zone), by name."""
    chosen = (c for c in knowledge.countries if c.zone == zone_id)
    return tuple(sorted(chosen, key=lambda c: c.name.casefold()))


def zone_centre(knowledge: Knowledge, zone: Zone) -> ZoneCentre | None:
    """The mean point of the zone's members, or None for a zone without members."""
    members = tuple(point(c) for c in zone_members(knowledge, zone.id))
    if not members:
        return None
    return ZoneCentre(
        zone=zone,
        x=round(sum(p.x for p in members) / len(members), 4),
        y=round(sum(p.y for p in members) / len(members), 4),
        members=members,
    )


def _value(p: Point, axis: Axis) -> float:
    return p.y if axis == "traditional_secular" else p.x


def describe_difference(first: Point, second: Point, axis: Axis) -> Difference:
    """How ``second`` differs from ``first`` on ``axis``, e.g. 'more secular-rational by 0.8'."""
    delta = round(_value(second, axis) - _value(first, axis), 4)
    size = abs(delta)
    a, b = second.country.name, first.country.name
    if size < SAME_WITHIN:
        if axis == "traditional_secular":
            text = _("{a} and {b} are about the same on traditional–secular values.")
        else:
            text = _("{a} and {b} are about the same on survival–self-expression values.")
        return Difference(axis, delta, text.format(a=a, b=b))
    if axis == "traditional_secular":
        text = (
            _("{a} is more secular-rational than {b} by {size:.1f} on the map's scale.")
            if delta > 0
            else _("{a} is more traditional than {b} by {size:.1f} on the map's scale.")
        )
    else:
        text = (
            _("{a} is more self-expression-oriented than {b} by {size:.1f} on the map's scale.")
            if delta > 0
            else _("{a} is more survival-oriented than {b} by {size:.1f} on the map's scale.")
        )
    return Difference(axis, delta, text.format(a=a, b=b, size=size))


def compare(points: Iterable[Point]) -> tuple[tuple[Point, Point, tuple[Difference, ...]], ...]:
    """Every pair of the given points (in the given order), with both axes' differences."""
    chosen = list(points)
    pairs = []
    for i, first in enumerate(chosen):
        for second in chosen[i + 1 :]:
            diffs = tuple(describe_difference(first, second, axis) for axis in AXES)
            pairs.append((first, second, diffs))
    return tuple(pairs)


def movement(country: Country, from_year: int, to_year: int) -> tuple[Difference, ...]:
    """How the country moved on both axes between two of its survey years."""
    start, end = point(country, from_year), point(country, to_year)
    result = []
    for axis in AXES:
        delta = round(_value(end, axis) - _value(start, axis), 4)
        if abs(delta) < SAME_WITHIN:
            text = (
                _(
                    "About the same on traditional–secular values from {start} to {end} "
                    "(change under {same})."
                )
                if axis == "traditional_secular"
                else _(
                    "About the same on survival–self-expression values from {start} to {end} "
                    "(change under {same})."
                )
            )
        elif axis == "traditional_secular":
            text = (
                _("Moved towards secular-rational values by {size:.1f} from {start} to {end}.")
                if delta > 0
                else _("Moved towards traditional values by {size:.1f} from {start} to {end}.")
            )
        else:
            text = (
                _("Moved towards self-expression values by {size:.1f} from {start} to {end}.")
                if delta > 0
                else _("Moved towards survival values by {size:.1f} from {start} to {end}.")
            )
        result.append(
            Difference(
                axis,
                delta,
                text.format(size=abs(delta), start=from_year, end=to_year, same=SAME_WITHIN),
            )
        )
    return tuple(result)


@dataclass(frozen=True, slots=True)
class Nearby:
    """A country's point and the countries nearest to it, each with its distance."""

    origin: Point
    neighbours: tuple[Neighbour, ...]


def nearest(knowledge: Knowledge, country: Country, n: int = 5, year: int | None = None) -> Nearby:
    """``neighbours`` together with the point they are measured from."""
    return Nearby(point(country, year), neighbours(knowledge, country, n, year))


@dataclass(frozen=True, slots=True)
class Pair:
    """Two compared points: both axes' differences (second minus first) and the distance."""

    first: Point
    second: Point
    differences: tuple[Difference, ...]
    distance: float


@dataclass(frozen=True, slots=True)
class Comparison:
    """Several points and every pair of them, in the order given."""

    points: tuple[Point, ...]
    pairs: tuple[Pair, ...]


def comparison(points: Iterable[Point]) -> Comparison:
    """Every pair of the given points with its differences in plain words and its distance."""
    chosen = tuple(points)
    return Comparison(
        points=chosen,
        pairs=tuple(
            Pair(first, second, diffs, round(distance(first, second), 4))
            for first, second, diffs in compare(chosen)
        ),
    )


@dataclass(frozen=True, slots=True)
class Reading:
    """Which side of one axis a point is on, and what that pole means."""

    axis: Axis
    value: float
    side: Side
    dimension: ValueDimension | None
    text: str  # e.g. "secular-rational side (+0.39)"

    @property
    def pole(self) -> ValuePole | None:
        """The pole the point leans towards; None close to the middle or without a dimension."""
        if self.dimension is None or self.side == "middle":
            return None
        return (
            self.dimension.positive_pole
            if self.side == "positive"
            else self.dimension.negative_pole
        )


def read_axis(knowledge: Knowledge, p: Point, axis: Axis) -> Reading:
    """The side of ``axis`` the point is on, in plain words, with the value signed."""
    value = _value(p, axis)
    shown = f"{value:+.2f}"
    dimension = next((d for d in knowledge.value_dimensions if d.id == axis), None)
    side: Side
    if abs(value) < SAME_WITHIN:
        side = "middle"
        text = _("close to the middle ({value}), on neither side").format(value=shown)
    elif axis == "traditional_secular":
        side = "positive" if value > 0 else "negative"
        text = (
            _("secular-rational side ({value})") if value > 0 else _("traditional side ({value})")
        ).format(value=shown)
    else:
        side = "positive" if value > 0 else "negative"
        text = (
            _("self-expression side ({value})") if value > 0 else _("survival side ({value})")
        ).format(value=shown)
    return Reading(axis, value, side, dimension, text)


def read_position(knowledge: Knowledge, p: Point) -> tuple[Reading, ...]:
    """The point read on both axes: traditional–secular first, then survival–self-expression."""
    return tuple(read_axis(knowledge, p, axis) for axis in AXES)


AVERAGES_CAVEAT = "averages-not-people"
NEAR_ZERO_CAVEAT = "zero-is-not-the-average"


def caveat(knowledge: Knowledge, caveat_id: str) -> Guidance | None:
    """The value-map caveat with this id, if the knowledge has it."""
    return next((c for c in knowledge.value_caveats if c.id == caveat_id), None)


def averages_caveat(knowledge: Knowledge) -> Guidance:
    """That a country's average says nothing certain about any one person (with its sources)."""
    found = caveat(knowledge, AVERAGES_CAVEAT)
    if found is not None:
        return found
    return Guidance(
        AVERAGES_CAVEAT, _("A country's average says nothing certain about any one person."), ()
    )


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything shown about one country: point, path, neighbours, meaning, caveats, sources."""

    country: Country
    zone: Zone | None
    point: Point
    path: tuple[Point, ...]
    movement: tuple[Difference, ...]  # first to latest survey year; empty with a single year
    neighbours: tuple[Neighbour, ...]
    readings: tuple[Reading, ...]
    caveats: tuple[Guidance, ...]
    sources: tuple[str, ...]  # source ids, in the order first used


def profile(knowledge: Knowledge, country: Country, year: int | None = None, n: int = 5) -> Profile:
    """The country's profile at its map point, or at survey ``year`` (``LookupError`` if none)."""
    chosen = point(country, year)
    near = neighbours(knowledge, country, n, year)
    readings = read_position(knowledge, chosen)
    caveats = [averages_caveat(knowledge)]
    if any(r.side == "middle" for r in readings):
        near_zero = caveat(knowledge, NEAR_ZERO_CAVEAT)
        if near_zero is not None:
            caveats.append(near_zero)
    first, last = country.scores[0].year, country.latest.year
    moved = movement(country, first, last) if first != last else ()
    sources: dict[str, None] = {}
    sources.update(dict.fromkeys(s.source for s in country.scores))
    if country.zone_source:
        sources[country.zone_source] = None
    for reading in readings:
        if reading.pole is not None:
            sources.update(dict.fromkeys(reading.pole.sources))
    for item in caveats:
        sources.update(dict.fromkeys(item.sources))
    sources.update(dict.fromkeys(nb.point.score.source for nb in near))
    return Profile(
        country=country,
        zone=knowledge.zone(country.zone),
        point=chosen,
        path=path(country),
        movement=moved,
        neighbours=near,
        readings=readings,
        caveats=tuple(caveats),
        sources=tuple(sources),
    )
