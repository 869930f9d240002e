"""The form of every kind of knowledge file (see docs/knowledge-files.md for the prose)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxguide.i18n import N_, SUPPORTED, _
from cxguide.knowledge.schema import (
    Boolean,
    Checker,
    Field,
    ListOf,
    Nullable,
    Number,
    Record,
    Ref,
    RefUse,
    Spec,
    Text,
    did_you_mean,
)
from cxguide.knowledge.yamlsource import PathKey

SCHEMA_VERSION = 1

SLUG = r"[a-z0-9]+(?:[-_][a-z0-9]+)*"
SLUG_HINT = N_("use lower-case letters, digits and '-' or '_', such as 'card-sorting'")
COUNTRY_ID = r"[A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,3}"
COUNTRY_ID_HINT = N_("use an ISO 3166-1 alpha-3 code such as 'DEU', or a subdivision code 'GB-NIR'")
ISO_DATE = r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
COMMIT = r"[0-9a-f]{40}"

EDITIONS = ("2014", "2022")
CONTEXTS = ("natural", "scripted", "not_using", "hybrid", "limited")
RELIABILITY = ("high", "medium-high", "medium", "low-medium", "low")
REMOTE = (
    "in_person_only",
    "in_person_usual",
    "either",
    "remote_usual",
    "remote_only",
    "no_sessions",
)
# Ordered from least to most: what a study needs to have in hand.
NEEDS_PRODUCT = (
    "nothing",
    "materials",
    "concept_or_design",
    "prototype_or_product",
    "working_product",
    "live_product",
)
FACT_KINDS = (
    "other_names",
    "typical_participants",
    "typical_participants_number",
    "remote",
    "needs_product",
    "duration_effort",
    "relative_cost",
    "strengths",
    "limitations",
)
BASES = ("source-stated", "definition")
MAP_STATUSES = ("latest_row", "earlier_row", "unknown", "not_on_map")
LANDSCAPE_DIMENSIONS = ("attitudinal_behavioral", "qual_quant")
VALUE_DIMENSIONS = ("traditional_secular", "survival_self_expression")

# The 2023 map's scores lie between about -2.3 and 3.2; anything beyond +/-4 is a typo.
SCORE_RANGE = (-4.0, 4.0)
SCORE_HINT = N_(
    "scores on the Inglehart-Welzel map lie between about -2.5 and 3.5; check the sign and the "
    "decimal point"
)
YEAR_RANGE = (1981, 2030)

KINDS = (
    "sources",
    "landscape",
    "methods",
    "practicalities",
    "cards_18f",
    "zones",
    "value_dimensions",
    "countries",
    "jurisdictions",
    "culture_notes",
    "notes",
    "translations",
)
USER_KINDS = ("notes", "methods", "sources", "translations")


def _slug() -> Text:
    return Text(pattern=SLUG, pattern_hint=SLUG_HINT)


def _sources(kind_help: str = N_("a list of source ids, such as [chart2014]")) -> Field:
    return Field(ListOf(Ref(kind="source"), min_items=1), help=kind_help)


def _text(required: bool = True, help: str = "") -> Field:
    return Field(Text(), required=required, help=help)


def _author_or_publisher(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
    if "citation" in value:
        return
    if "title" not in value:
        checker.report(
            where,
            _("the source has no title"),
            _("add 'title:', or 'citation:' with the whole citation as one text"),
        )
    if "author" not in value and "publisher" not in value:
        checker.report(
            where,
            _("the source names neither an author nor a publisher"),
            _("add 'author:' or 'publisher:' (the site or organisation that published it)"),
        )


def _locatable(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
    repo_parts = [k for k in ("repo", "path", "commit") if k in value]
    if repo_parts and len(repo_parts) != 3:
        missing = ", ".join(k for k in ("repo", "path", "commit") if k not in value)
        checker.report(
            where,
            _("a repository citation needs repo, path and commit together"),
            _("add {missing}, or use 'url:' or 'locator:' instead").format(missing=missing),
        )
    elif not repo_parts and "url" not in value and "locator" not in value:
        checker.report(
            where,
            _("the source says nowhere where it can be found"),
            _("add 'url:', or 'repo:' + 'path:' + 'commit:', or a 'locator:'"),
        )


SOURCE = Record(
    fields={
        "id": Field(
            Text(
                pattern=r"[A-Za-z][A-Za-z0-9_-]*",
                pattern_hint=N_("use letters, digits, '-' or '_'"),
            )
        ),
        "title": _text(required=False),
        "citation": _text(
            required=False, help=N_("the whole citation as one text, when it is not split up")
        ),
        "author": _text(required=False),
        "publisher": _text(required=False),
        "year": Field(Number(minimum=1900, maximum=2100, integer=True), required=False),
        "url": Field(
            Text(pattern=r"https?://\S+", pattern_hint=N_("write a full http(s):// address")),
            required=False,
        ),
        "repo": Field(
            Text(pattern=r"[\w.-]+/[\w.-]+", pattern_hint=N_("write owner/name")), required=False
        ),
        "path": _text(required=False),
        "commit": Field(
            Text(pattern=COMMIT, pattern_hint=N_("write the full 40-character commit hash")),
            required=False,
        ),
        "locator": _text(required=False),
        "reliability": Field(Text(choices=RELIABILITY)),
        "note": _text(required=False),
    },
    rules=(_author_or_publisher, _locatable),
)


def _pole(answers: bool) -> Record:
    fields = {
        "id": Field(_slug()),
        "chart_label": _text(),
    }
    if answers:
        fields["answers"] = _text()
    return Record(fields=fields)


LANDSCAPE_DIMENSION = Record(
    fields={
        "id": Field(Text(choices=LANDSCAPE_DIMENSIONS)),
        "name": _text(),
        "description": _text(),
        "negative_pole": Field(_pole(True)),
        "positive_pole": Field(_pole(True)),
        "sources": _sources(),
    }
)
CONTEXT = Record(
    fields={
        "id": Field(Text(choices=CONTEXTS)),
        "chart_label": _text(),
        "description": _text(),
        "editions": Field(ListOf(Text(choices=EDITIONS), min_items=1)),
        "sources": _sources(),
    }
)
PHASE = Record(
    fields={
        "id": Field(_slug()),
        "edition": Field(Text(choices=EDITIONS)),
        "name": _text(),
        "goal": _text(),
        "approach": _text(required=False),
        "description": _text(),
        "sources": _sources(),
    }
)
GUIDANCE = Record(fields={"id": Field(_slug()), "text": _text(), "sources": _sources()})


def _span_contains_position(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
    span = value.get("span")
    if span is not None and not span[0] <= value["position"] <= span[1]:
        checker.report(
            (*where, "span"),
            _("the span {low} to {high} does not contain the position {position}").format(
                low=span[0], high=span[1], position=value["position"]
            ),
            _("write the span as [low, high] around the position"),
        )


def _axis_value() -> Number:
    return Number(
        minimum=-1.0,
        maximum=1.0,
        range_hint=N_("positions on Rohrer's landscape run from -1 to +1 (0 is the midline)"),
    )


POSITION = Record(
    fields={
        "position": Field(_axis_value()),
        "span": Field(ListOf(_axis_value(), min_items=2, max_items=2), required=False),
        "source": Field(Ref(kind="source")),
    },
    rules=(_span_contains_position,),
)


def _needs(field_name: str, when: str) -> Any:
    def rule(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
        if value.get(when) and field_name not in value:
            checker.report(
                where,
                _("'{when}' is given without '{field}'").format(when=when, field=field_name),
                _("add '{field}:' naming the source of '{when}'").format(
                    field=field_name, when=when
                ),
            )

    return rule


def _edition_fields(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
    edition = str(value.get("edition"))
    if edition == "2014" and "from_2014" in value:
        checker.report(
            (*where, "from_2014"),
            _("'from_2014' belongs to 2022 methods only"),
            _("remove it, or set 'edition: \"2022\"'"),
            at_key=True,
        )


METHOD = Record(
    fields={
        "id": Field(_slug()),
        "edition": Field(Text(choices=EDITIONS)),
        "name": _text(),
        "chart_label": _text(required=False),
        "aliases": Field(ListOf(Text()), required=False),
        "description": _text(),
        "attitudinal_behavioral": Field(POSITION, required=False),
        "qual_quant": Field(POSITION, required=False),
        "contexts": Field(ListOf(Ref(kind="context")), help=N_("context ids, or [] if unknown")),
        "contexts_source": Field(Ref(kind="source"), required=False),
        "phases": Field(ListOf(Ref(kind="phase")), help=N_("phase ids, or [] if unknown")),
        "phases_basis": Field(
            Text(choices=("exact", "table-name-match", "table-approx", "stated")), required=False
        ),
        "phases_sources": Field(ListOf(Ref(kind="source"), min_items=1), required=False),
        "from_2014": Field(ListOf(Ref(kind="method-2014")), required=False),
        "note": _text(required=False),
        "sources": _sources(),
    },
    rules=(
        _needs("contexts_source", "contexts"),
        _needs("phases_sources", "phases"),
        _edition_fields,
    ),
)
EDITION = Record(
    fields={
        "id": Field(Text(choices=EDITIONS)),
        "title": _text(),
        "date": Field(Text()),
        "description": _text(),
        "sources": _sources(),
    }
)
ZONE = Record(
    fields={"id": Field(_slug()), "name": _text(), "description": _text(), "sources": _sources()}
)
ITEM = Record(
    fields={
        "code": Field(Text(pattern=r"[A-Z]\d{3}", pattern_hint=N_("write a code such as F063"))),
        "label": _text(),
        "loading": Field(
            Number(minimum=-1.0, maximum=1.0, range_hint=N_("factor loadings lie between -1 and 1"))
        ),
        "sources": _sources(),
    }
)
VALUE_POLE = Record(fields={"name": _text(), "meaning": _text(), "sources": _sources()})
VALUE_DIMENSION = Record(
    fields={
        "id": Field(Text(choices=VALUE_DIMENSIONS)),
        "name": _text(),
        "axis": Field(Text(choices=("x", "y"))),
        "variable": _text(),
        "negative_pole": Field(VALUE_POLE),
        "positive_pole": Field(VALUE_POLE),
        "items": Field(ListOf(ITEM, min_items=1)),
        "sources": _sources(),
    }
)


def _score() -> Number:
    return Number(minimum=SCORE_RANGE[0], maximum=SCORE_RANGE[1], range_hint=SCORE_HINT)


def _year() -> Number:
    return Number(
        minimum=YEAR_RANGE[0],
        maximum=YEAR_RANGE[1],
        integer=True,
        range_hint=N_("survey years run from 1981 (the first wave) to today"),
    )


SCORE = Record(
    fields={
        "year": Field(_year()),
        "traditional_secular": Field(_score()),
        "survival_self_expression": Field(_score()),
        "s025": Field(Number(minimum=0, integer=True)),
        "s025_label": _text(required=False),
        "source": Field(Ref(kind="source")),
    }
)


def _map_year_matches_status(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
    status, year = value["status"], value.get("year")
    if status in ("latest_row", "earlier_row") and year is None:
        checker.report(
            where,
            _("map status '{status}' needs the year of the row the map draws").format(
                status=status
            ),
            _("add 'year:' with that survey year"),
        )
    if status in ("unknown", "not_on_map") and year is not None:
        checker.report(
            (*where, "year"),
            _("map status '{status}' cannot name a year").format(status=status),
            _("set 'year: null', or change the status"),
        )


MAP_POINT = Record(
    fields={
        "status": Field(Text(choices=MAP_STATUSES)),
        "year": Field(Nullable(_year()), required=False),
        "note": _text(required=False),
    },
    rules=(_map_year_matches_status,),
)


def _scores_in_order(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
    years = [row["year"] for row in value["scores"]]
    for index in range(1, len(years)):
        if years[index] <= years[index - 1]:
            checker.report(
                (*where, "scores", index, "year"),
                _("survey year {year} is not after {previous}").format(
                    year=years[index], previous=years[index - 1]
                ),
                _("list each survey year once, oldest first"),
            )
    drawn = value["map_2023"].get("year")
    if drawn is not None and drawn not in years:
        checker.report(
            (*where, "map_2023", "year"),
            _("the map year {year} has no score row").format(year=drawn),
            _("use one of the country's survey years: {years}").format(
                years=", ".join(map(str, years))
            ),
        )


def _zone_needs_source(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
    if value.get("zone") is not None and value.get("zone_source") is None:
        checker.report(
            where,
            _("the zone is given without 'zone_source'"),
            _("add 'zone_source:' naming where the zone comes from"),
        )


COUNTRY = Record(
    fields={
        "id": Field(Text(pattern=COUNTRY_ID, pattern_hint=COUNTRY_ID_HINT)),
        "iso3": Field(Nullable(Text(pattern=r"[A-Z]{3}", pattern_hint=COUNTRY_ID_HINT))),
        "name": _text(),
        "zone": Field(Nullable(Ref(kind="zone"))),
        "zone_source": Field(Nullable(Ref(kind="source")), required=False),
        "map_2023": Field(MAP_POINT),
        "scores": Field(ListOf(SCORE, min_items=1)),
    },
    rules=(_scores_in_order, _zone_needs_source),
)
NOTE = Record(
    fields={
        "id": Field(_slug()),
        "country": Field(Ref(kind="country")),
        "topic": _text(required=False),
        "text": _text(),
        "author": _text(),
        "date": Field(
            Text(
                pattern=ISO_DATE,
                pattern_hint=N_("write the date as YYYY-MM-DD, such as 2026-11-02"),
            )
        ),
    }
)

# Topics of culture notes: how to enter the market and onboard colleagues (from the map's
# meaning), then the eight research topics of the reference guidance.
CULTURE_TOPICS = (
    "entering-the-market",
    "onboarding",
    "recruiting",
    "language",
    "moderation",
    "surveys/response-style",
    "incentives",
    "consent/privacy",
    "remote-vs-in-person",
    "interpreting-results",
)
LINK_BASES = ("none", "direct", "bridged", "source-markets")
CONFIDENCE = ("high", "medium", "low")
RANKING_EFFECTS = ("caveat", "lower")


@dataclass(frozen=True)
class ConditionText(Text):
    """An ``applies_when`` condition: parsed (never evaluated) and its zone names collected."""

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        from cxguide.logic.conditions import ConditionError, parse_condition

        if not super().check(value, where, checker):
            return False
        parsed = parse_condition(value)
        if isinstance(parsed, ConditionError):
            checker.report(
                where,
                _("the condition '{text}' cannot be read: {message} (at character {at})").format(
                    text=value, message=parsed.message, at=parsed.offset + 1
                ),
                parsed.hint,
            )
            return False
        for name in parsed.zone_names:
            checker.refs.append(RefUse("zone-name", name, where))
        return True


def _condition_needs_basis(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
    always = str(value["applies_when"]).strip() == "always"
    basis = value["link_basis"]
    if always != (basis == "none"):
        checker.report(
            (*where, "link_basis"),
            _("link_basis '{basis}' does not fit the condition '{condition}'").format(
                basis=basis, condition=value["applies_when"]
            ),
            _("use link_basis 'none' exactly when applies_when is 'always'"),
        )
    if basis in ("bridged", "source-markets", "direct") and "link_note" not in value:
        checker.report(
            where,
            _("a note tied to the map needs 'link_note:'"),
            _("say in a sentence or two why the condition follows from the sources"),
        )
    if value.get("effect", "caveat") == "lower" and "effect_note" not in value:
        checker.report(
            where,
            _("a note that lowers methods needs 'effect_note:'"),
            _("say which words of the guidance make the methods a poorer fit"),
        )


CULTURE_NOTE = Record(
    fields={
        "id": Field(_slug()),
        "topic": Field(Text(choices=CULTURE_TOPICS)),
        "applies_when": Field(
            ConditionText(),
            help=N_("'always', or a condition such as 'survival_self_expression < 0'"),
        ),
        "link_basis": Field(Text(choices=LINK_BASES)),
        "link_note": _text(required=False),
        "markets_studied": Field(ListOf(Text(), min_items=1), required=False),
        "jurisdictions": Field(ListOf(Ref(kind="jurisdiction"), min_items=1), required=False),
        "guidance": _text(),
        "evidence": _text(),
        "caveat": _text(required=False),
        "methods": Field(
            ListOf(Ref(kind="method-2022-or-all"), min_items=1),
            help=N_("2022 method ids, or [all]"),
        ),
        "effect": Field(Text(choices=RANKING_EFFECTS), required=False),
        "effect_note": _text(required=False),
        "confidence": Field(Text(choices=CONFIDENCE)),
        "sources": _sources(),
    },
    rules=(_condition_needs_basis,),
)
JURISDICTION = Record(
    fields={
        "id": Field(Text(pattern=r"[A-Za-z][A-Za-z0-9/_-]*", pattern_hint=N_("such as EU/EEA"))),
        "name": _text(),
        "countries": Field(ListOf(Ref(kind="country"), min_items=1)),
        "sources": _sources(),
    }
)


def _fact(value: Spec) -> Record:
    return Record(
        fields={
            "value": Field(value),
            "unit": _text(required=False),
            "condition": _text(required=False),
            "numeric": Field(Boolean(), required=False),
            "basis": Field(Text(choices=BASES)),
            "sources": _sources(),
            "note": _text(required=False),
        }
    )


TEXT_FACT = Record(
    fields={"text": _text(), "basis": Field(Text(choices=BASES)), "sources": _sources()}
)
OTHER_NAME = Record(fields={"value": _text(), "sources": _sources(), "note": _text(required=False)})
PRACTICALITIES = Record(
    fields={
        "method": Field(Ref(kind="method-any")),
        "editions": Field(ListOf(Text(choices=EDITIONS), min_items=1)),
        "counterpart": Field(Ref(kind="method-any"), required=False),
        "other_names": Field(ListOf(OTHER_NAME), required=False),
        "typical_participants": Field(ListOf(_fact(Text())), required=False),
        "remote": Field(ListOf(_fact(Text(choices=REMOTE))), required=False),
        "needs_product": Field(ListOf(_fact(Text(choices=NEEDS_PRODUCT))), required=False),
        "duration_effort": Field(ListOf(_fact(Text())), required=False),
        "relative_cost": Field(ListOf(_fact(Text())), required=False),
        "strengths": Field(ListOf(TEXT_FACT), required=False),
        "limitations": Field(ListOf(TEXT_FACT), required=False),
        "unknown": Field(ListOf(Text(choices=FACT_KINDS)), required=False),
    }
)

CARD_NEEDS = (
    "stimulus",
    "existing_product",
    "live_traffic",
    "prior_research",
    "prior_artifacts",
    "stakeholders",
    "experts",
    "facilitator",
    "permission",
    "in_person",
    "remote_ok",
    "unmoderated_ok",
    "statistical_power",
)
TIME_UNITS = ("minute", "hour", "day", "week", "month")


def _low_not_above_high(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
    low, high = value.get("low", value.get("min")), value.get("high", value.get("max"))
    if low is not None and high is not None and low > high:
        checker.report(
            where,
            _("the lower figure {low} is above the higher one {high}").format(low=low, high=high),
            _("swap the two figures"),
        )


def _count() -> Number:
    return Number(minimum=0, integer=True)


CARD = Record(
    fields={
        "id": Field(_slug()),
        "name": _text(),
        "category": Field(
            Nullable(Text(choices=("Discover", "Decide", "Make", "Validate", "Fundamentals")))
        ),
        "status": Field(Text(choices=("current", "archived"))),
        "kind": Field(
            Text(
                choices=(
                    "user-research",
                    "inspection",
                    "desk-review",
                    "synthesis",
                    "modeling",
                    "workshop",
                    "design-artifact",
                    "planning",
                    "research-ops",
                )
            )
        ),
        "time_required": _text(required=False),
        "time_parsed": Field(
            Record(
                fields={
                    "low": Field(Number(minimum=0)),
                    "high": Field(Number(minimum=0)),
                    "unit": Field(Text(choices=TIME_UNITS)),
                    "per": _text(required=False),
                    "elapsed": _text(required=False),
                },
                rules=(_low_not_above_high,),
            ),
            required=False,
        ),
        "participants": Field(
            Record(
                fields={
                    "who": _text(),
                    "min": Field(_count(), required=False),
                    "max": Field(_count(), required=False),
                    "evidence": _text(required=False),
                },
                rules=(_low_not_above_high,),
            ),
            required=False,
        ),
        "user_participation": Field(
            Text(
                choices=(
                    "required",
                    "recommended",
                    "optional",
                    "passive",
                    "not-required",
                    "not-stated",
                    "n/a",
                )
            )
        ),
        "needs": Field(
            ListOf(Record(fields={"need": Field(Text(choices=CARD_NEEDS)), "evidence": _text()})),
            required=False,
        ),
        "summary": _text(),
        "rohrer_2014": Field(ListOf(Ref(kind="method-2014"))),
        "rohrer_2022": Field(ListOf(Ref(kind="method-2022"))),
        "match_note": _text(required=False),
        "source": Field(Ref(kind="source")),
        "path": _text(),
    }
)

# --- translations ----------------------------------------------------------------------------

TRANSLATION_LANGUAGES = tuple(lang for lang in SUPPORTED if lang != "en")


@dataclass(frozen=True)
class TargetText(Text):
    """A translation's target, "<what> <id>" or "<what> <edition> <id>"; resolved later."""

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        from cxguide.knowledge.translations import TargetError, parse_target

        if not super().check(value, where, checker):
            return False
        parsed = parse_target(value)
        if isinstance(parsed, TargetError):
            checker.report(where, parsed.message, parsed.hint)
            return False
        checker.refs.append(RefUse("translation", value, where))
        return True


@dataclass(frozen=True)
class TextMap(Spec):
    """A mapping of field names to non-empty texts (at least one)."""

    expected: str = "a mapping of 'field: text' lines"

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        if not isinstance(value, dict):
            return self.wrong_type(value, where, checker)
        if not value:
            checker.report(
                where,
                _("'fields' is empty"),
                _("add the translated text of at least one field, such as 'name: ...'"),
            )
            return False
        ok = True
        for key, text in value.items():
            ok = Text().check(text, (*where, key), checker) and ok
        return ok

    def example_hint(self) -> str:
        return _("write one 'field: text' line per translated field, indented under 'fields:'")


@dataclass(frozen=True)
class OneOrMore(Spec):
    """One value of ``inner``, or a list of at least one."""

    inner: Spec = field(default_factory=Text)
    expected: str = "a text or a list of texts"

    def check(self, value: Any, where: PathKey, checker: Checker) -> bool:
        if isinstance(value, list):
            return ListOf(self.inner, min_items=1).check(value, where, checker)
        return self.inner.check(value, where, checker)


def _translation_fields(value: dict[str, Any], where: PathKey, checker: Checker) -> None:
    from cxguide.knowledge.translations import FIELDS, Target, parse_target

    parsed = parse_target(value["target"])
    if isinstance(parsed, Target):
        allowed = FIELDS[parsed.what]
        for key in value["fields"]:
            if key not in allowed:
                checker.report(
                    (*where, "fields", key),
                    _("the {field} of a {what} is not translated").format(
                        field=key, what=parsed.what
                    ),
                    did_you_mean(
                        str(key),
                        allowed,
                        _("the fields of a {what} to translate: {fields}").format(
                            what=parsed.what, fields=", ".join(allowed)
                        ),
                    ),
                    at_key=True,
                )
    if value["basis"] == "practitioners" and "terms_ru" not in value:
        checker.report(
            (*where, "basis"),
            _("a translation with basis 'practitioners' needs 'terms_ru:'"),
            _(
                "name the entry of terms_ru.yaml the term comes from, such as "
                "methods.card-sorting, or write 'basis: own'"
            ),
        )


TRANSLATION = Record(
    fields={
        "target": Field(
            TargetText(),
            help=N_("'<what> <id>' or '<what> <edition> <id>', such as 'zone confucian'"),
        ),
        "fields": Field(
            TextMap(), help=N_("the translated text of each field, such as 'name: ...'")
        ),
        "basis": Field(Text(choices=("practitioners", "own"))),
        "terms_ru": Field(
            OneOrMore(
                Text(
                    pattern=r"[a-z_]+(\.[^.]+)+",
                    pattern_hint=N_(
                        "write the key path in terms_ru.yaml, such as methods.card-sorting"
                    ),
                )
            ),
            required=False,
        ),
    },
    rules=(_translation_fields,),
)

# What each kind holds below the two header keys: list name -> (item spec, required).
BODIES: dict[str, dict[str, tuple[Spec, bool]]] = {
    "sources": {"sources": (SOURCE, True)},
    "landscape": {
        "dimensions": (LANDSCAPE_DIMENSION, True),
        "contexts": (CONTEXT, True),
        "phases": (PHASE, True),
        "guidance": (GUIDANCE, True),
    },
    "methods": {"editions": (EDITION, False), "methods": (METHOD, True)},
    "practicalities": {"methods": (PRACTICALITIES, True)},
    "cards_18f": {"cards": (CARD, True)},
    "zones": {"zones": (ZONE, True)},
    "value_dimensions": {"dimensions": (VALUE_DIMENSION, True), "caveats": (GUIDANCE, False)},
    "countries": {"countries": (COUNTRY, True)},
    "jurisdictions": {"jurisdictions": (JURISDICTION, True)},
    "culture_notes": {"guidance": (CULTURE_NOTE, True)},
    "notes": {"notes": (NOTE, True)},
    "translations": {"translations": (TRANSLATION, True)},
}
# Header keys some kinds have besides 'kind' and 'schema_version'.
HEADERS: dict[str, dict[str, Field]] = {
    "translations": {
        "language": Field(
            Text(choices=TRANSLATION_LANGUAGES),
            help=N_("the language of the texts, such as ru"),
        )
    },
}

# How items are keyed for duplicate detection: (kind, list name) -> fields forming the key;
# every other list is keyed by its "id".
ID_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("methods", "methods"): ("edition", "id"),
    ("landscape", "phases"): ("edition", "id"),
    ("practicalities", "methods"): ("method",),
}


def file_record(kind: str) -> Record:
    """The spec of a whole file of ``kind``."""
    fields: dict[str, Field] = {
        "kind": Field(Text(choices=KINDS)),
        "schema_version": Field(Number(integer=True, minimum=1)),
        **HEADERS.get(kind, {}),
    }
    for name, (item, required) in BODIES[kind].items():
        fields[name] = Field(ListOf(item), required=required)
    return Record(fields=fields)
