"""The cultural map as a working tool: positions, paths, neighbours, zones, comparisons, movement.

Pure functions over the cited country scores. Rules, stated once:

- A country's *point* is the survey year the 2023 map draws where the sources say which
  (``map_2023``); otherwise, and for countries not on the map, its latest survey year. Every
  result says which year it used.
- Distances are straight lines on the map's two axes (traditional–secular-rational and
  survival–self-expression), in the map's own units: "on these two dimensions only", never a
  measure of overall cultural distance.
- A zone's centre is computed here, as the mean of its members' points; it is not a WVS figure.
- Differences smaller than ``SAME_WITHIN`` are described as "about the same".
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from cxguide.i18n import _
from cxguide.knowledge.models import Country, Knowledge, Score, Zone

SAME_WITHIN = 0.1  # map units; below this two scores are described as about the same
PointBasis = Literal["map_2023", "latest", "year"]
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
            text = _("About the same from {start} to {end} (change under {same}).")
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
