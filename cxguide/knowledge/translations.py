"""Knowledge texts in other languages: targets, what can be translated, completeness, applying.

A file of kind ``translations`` (the built-in ones in ``data/<language>/``) gives, per knowledge
item, the texts of its translatable fields in one language. Items are named by a *target*:
``"<what> <id>"``, or ``"<what> <edition> <id>"`` for methods and phases (see
docs/knowledge-files.md, "kind: translations"). This module knows every target the English
files define (``english_items``), finds English texts without a translation
(``missing_translations``) and puts translations into the frozen models (``apply``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from cxguide.i18n import N_, _
from cxguide.knowledge.models import (
    Country,
    Guidance,
    Knowledge,
    LandscapeDimension,
    Method,
    Translated,
    ValueDimension,
)
from cxguide.knowledge.problems import Problem

if TYPE_CHECKING:
    from cxguide.knowledge.loader import CheckedFile
    from cxguide.knowledge.yamlsource import PathKey

T = TypeVar("T")

# What a target can name, and the fields of each that carry text to translate, in file order.
FIELDS: dict[str, tuple[str, ...]] = {
    "method": ("name", "chart_label", "description", "note"),
    "edition": ("title", "description"),
    "dimension": ("name", "description"),
    "pole": ("chart_label", "answers"),
    "context": ("chart_label", "description"),
    "phase": ("name", "goal", "approach", "description"),
    "guidance": ("text",),
    "zone": ("name", "description"),
    "value_dimension": ("name",),
    "value_pole": ("name", "meaning"),
    "value_caveat": ("text",),
    "culture_note": ("guidance", "evidence", "caveat", "link_note", "effect_note"),
}
WHATS = tuple(FIELDS)
# Targets that name an edition before the id: "method 2014 card-sorting", "phase 2022 design".
EDITIONED = ("method", "phase")
# Poles are named "<dimension id>/<end>"; a landscape pole may also be named by its own id
# ("pole qual_quant/qualitative" is "pole qual_quant/negative").
POLES = ("pole", "value_pole")
ENDS = ("negative", "positive")
# Fields that hold a term (a name or a label). Their basis is the entry's ``basis``; every other
# field is a sentence of cxguide's own words, so its Russian text is always the project's own.
TERM_FIELDS = frozenset({"name", "chart_label", "answers", "title", "approach"})
BASES = ("practitioners", "own")
LANGUAGE_NAMES = {"ru": N_("Russian")}
# The kinds whose items can be translated.
TRANSLATED_KINDS = ("methods", "landscape", "zones", "value_dimensions", "culture_notes")


@dataclass(frozen=True, slots=True)
class Target:
    """A parsed target: what it names, the edition (methods and phases) and the id."""

    what: str
    edition: str | None
    ident: str

    def __str__(self) -> str:
        if self.edition is not None:
            return f"{self.what} {self.edition} {self.ident}"
        return f"{self.what} {self.ident}"

    def describe(self) -> str:
        """How messages name the item: "method 2014 'card-sorting'"."""
        if self.edition is not None:
            return f"{self.what} {self.edition} '{self.ident}'"
        return f"{self.what} '{self.ident}'"


@dataclass(frozen=True, slots=True)
class TargetError:
    """Why a target cannot be read, and how to write it."""

    message: str
    hint: str


def parse_target(text: str) -> Target | TargetError:
    """Read ``"<what> <id>"`` or ``"<what> <edition> <id>"``; never raises."""
    from cxguide.knowledge.schema import did_you_mean

    words = text.split()
    if not words:
        return TargetError(_("the target is empty"), _("write '<what> <id>'"))
    what = words[0]
    if what not in FIELDS:
        return TargetError(
            _("'{what}' is not something that can be translated").format(what=what),
            did_you_mean(
                what,
                WHATS,
                _("start the target with one of: {whats}").format(whats=", ".join(WHATS)),
            ),
        )
    wanted = 3 if what in EDITIONED else 2
    if len(words) != wanted:
        example = (
            _("write '{what} <edition> <id>', such as '{example}'").format(
                what=what,
                example=f"{what} 2014 " + ("card-sorting" if what == "method" else "strategize"),
            )
            if what in EDITIONED
            else _("write '{what} <id>'").format(what=what)
        )
        return TargetError(
            _("the target '{text}' should have {count} words").format(text=text, count=wanted),
            example,
        )
    edition = words[1] if what in EDITIONED else None
    ident = words[-1]
    if what in POLES:
        dimension, _slash, end = ident.partition("/")
        if not dimension or not end:
            return TargetError(
                _("a pole is named '<dimension id>/<end>', not '{ident}'").format(ident=ident),
                _("write '{what} <dimension id>/negative' or '/positive'").format(what=what),
            )
    return Target(what, edition, ident)


def canonical(text: str, aliases: Mapping[str, str]) -> str:
    """The target as the English items name it (spaces tidied, pole ids as negative/positive)."""
    tidy = " ".join(text.split())
    return aliases.get(tidy, tidy)


@dataclass(frozen=True, slots=True)
class EnglishItem:
    """A translatable item of an English file: its target, the path of each text it has, and
    other names of the target (a landscape pole's id)."""

    target: str
    fields: dict[str, PathKey]
    aliases: tuple[str, ...] = ()


def _records(data: Mapping[str, Any], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    items = data.get(name)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("id"), (str, int)):
                yield index, item


def _texts(item: Mapping[str, Any], what: str, where: PathKey) -> dict[str, PathKey]:
    return {
        name: (*where, name)
        for name in FIELDS[what]
        if isinstance(item.get(name), str) and item[name].strip()
    }


def english_items(kind: str, data: Any) -> Iterator[EnglishItem]:
    """Every translatable item of a file of ``kind`` (read defensively: the file may be broken)."""
    if not isinstance(data, dict):
        return
    if kind == "methods":
        for i, item in _records(data, "editions"):
            yield EnglishItem(f"edition {item['id']}", _texts(item, "edition", ("editions", i)))
        for i, item in _records(data, "methods"):
            target = f"method {item.get('edition')} {item['id']}"
            yield EnglishItem(target, _texts(item, "method", ("methods", i)))
    elif kind == "landscape":
        for i, item in _records(data, "dimensions"):
            where: PathKey = ("dimensions", i)
            yield EnglishItem(f"dimension {item['id']}", _texts(item, "dimension", where))
            for end in ENDS:
                pole = item.get(f"{end}_pole")
                if isinstance(pole, dict):
                    pole_where = (*where, f"{end}_pole")
                    alias = f"pole {item['id']}/{pole.get('id')}"
                    yield EnglishItem(
                        f"pole {item['id']}/{end}", _texts(pole, "pole", pole_where), (alias,)
                    )
        for i, item in _records(data, "contexts"):
            yield EnglishItem(f"context {item['id']}", _texts(item, "context", ("contexts", i)))
        for i, item in _records(data, "phases"):
            target = f"phase {item.get('edition')} {item['id']}"
            yield EnglishItem(target, _texts(item, "phase", ("phases", i)))
        for i, item in _records(data, "guidance"):
            yield EnglishItem(f"guidance {item['id']}", _texts(item, "guidance", ("guidance", i)))
    elif kind == "zones":
        for i, item in _records(data, "zones"):
            yield EnglishItem(f"zone {item['id']}", _texts(item, "zone", ("zones", i)))
    elif kind == "value_dimensions":
        for i, item in _records(data, "dimensions"):
            where = ("dimensions", i)
            yield EnglishItem(
                f"value_dimension {item['id']}", _texts(item, "value_dimension", where)
            )
            for end in ENDS:
                pole = item.get(f"{end}_pole")
                if isinstance(pole, dict):
                    yield EnglishItem(
                        f"value_pole {item['id']}/{end}",
                        _texts(pole, "value_pole", (*where, f"{end}_pole")),
                    )
        for i, item in _records(data, "caveats"):
            yield EnglishItem(
                f"value_caveat {item['id']}", _texts(item, "value_caveat", ("caveats", i))
            )
    elif kind == "culture_notes":
        for i, item in _records(data, "guidance"):
            yield EnglishItem(
                f"culture_note {item['id']}", _texts(item, "culture_note", ("guidance", i))
            )


def field_basis(name: str, basis: str) -> str:
    """The basis of one field's text: the entry's for a term, "own" for a sentence."""
    return basis if name in TERM_FIELDS else "own"


def entries(data: Any, language: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(index, target, fields) of each readable entry of a translations file in ``language``."""
    if not isinstance(data, dict) or data.get("language") != language:
        return
    items = data.get("translations")
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        target, fields = item.get("target"), item.get("fields")
        if isinstance(target, str) and isinstance(fields, dict):
            yield index, target, fields


def builtin_languages(data_dir: Path) -> tuple[str, ...]:
    """The languages the built-in data translates: those with a subdirectory of ``data_dir``."""
    from cxguide.i18n import SUPPORTED

    return tuple(lang for lang in SUPPORTED if lang != "en" and (data_dir / lang).is_dir())


def missing_translations(
    files: Iterable[CheckedFile], language: str, english: Callable[[Path], bool]
) -> list[Problem]:
    """A problem at every English text (of the files ``english`` accepts) that has no text in
    ``language`` in any translations file among ``files``, in file and line order.

    Translations files with problems still count, so one typo does not report a hundred texts.
    """
    files = list(files)
    aliases: dict[str, str] = {}
    found: list[tuple[CheckedFile, EnglishItem]] = []
    for checked in files:
        if checked.document is None or checked.kind not in TRANSLATED_KINDS:
            continue
        for item in english_items(checked.kind or "", checked.document.data):
            aliases.update(dict.fromkeys(item.aliases, item.target))
            if english(checked.path):
                found.append((checked, item))
    done: set[tuple[str, str]] = set()
    for checked in files:
        if checked.document is not None and checked.kind == "translations":
            for _index, target, fields in entries(checked.document.data, language):
                done.update((canonical(target, aliases), str(name)) for name in fields)
    word = _(LANGUAGE_NAMES.get(language, language))
    problems: list[Problem] = []
    for checked, item in found:
        assert checked.document is not None
        parsed = parse_target(item.target)
        shown = parsed.describe() if isinstance(parsed, Target) else item.target
        for name, where in item.fields.items():
            if (item.target, name) in done:
                continue
            problems.append(
                checked.document.problem(
                    where,
                    _("no {language} text for the {field} of {target}").format(
                        language=word, field=name, target=shown
                    ),
                    _(
                        "add it to a translations file in data/{code}/ "
                        "(see docs/knowledge-files.md)"
                    ).format(code=language),
                )
            )
    return sorted(problems)


# ----------------------------------------------------------------------------------------------
# Applying translations to the models
# ----------------------------------------------------------------------------------------------

Table = dict[str, dict[str, tuple[str, str]]]  # target -> field -> (text, basis)


def _translate(item: T, target: str, table: Table, language: str) -> T:
    texts = table.get(target)
    if not texts:
        return item
    changes = {
        name: text
        for name, (text, _basis) in texts.items()
        if isinstance(getattr(item, name, None), str)
    }
    if not changes:
        return item
    marker = Translated(
        language=language,
        english=tuple((name, str(getattr(item, name))) for name in changes),
        basis=tuple((name, texts[name][1]) for name in changes),
    )
    result: T = replace(item, **changes, translated=marker)  # type: ignore[type-var]
    return result


def _method(method: Method, table: Table, language: str) -> Method:
    translated = _translate(method, f"method {method.edition} {method.id}", table, language)
    if translated is method:
        return method
    # The English name and chart label stay searchable.
    extra = [method.name, method.chart_label or ""]
    known = {a.casefold() for a in (translated.name, *translated.aliases)}
    aliases = list(translated.aliases)
    for alias in extra:
        if alias and alias.casefold() not in known:
            aliases.append(alias)
            known.add(alias.casefold())
    return replace(translated, aliases=tuple(aliases))


def _dimension(dimension: LandscapeDimension, table: Table, language: str) -> LandscapeDimension:
    result = _translate(dimension, f"dimension {dimension.id}", table, language)
    return replace(
        result,
        negative_pole=_translate(
            dimension.negative_pole, f"pole {dimension.id}/negative", table, language
        ),
        positive_pole=_translate(
            dimension.positive_pole, f"pole {dimension.id}/positive", table, language
        ),
    )


def _value_dimension(dimension: ValueDimension, table: Table, language: str) -> ValueDimension:
    result = _translate(dimension, f"value_dimension {dimension.id}", table, language)
    return replace(
        result,
        negative_pole=_translate(
            dimension.negative_pole, f"value_pole {dimension.id}/negative", table, language
        ),
        positive_pole=_translate(
            dimension.positive_pole, f"value_pole {dimension.id}/positive", table, language
        ),
    )


def _guidance(
    items: tuple[Guidance, ...], what: str, table: Table, lang: str
) -> tuple[Guidance, ...]:
    return tuple(_translate(g, f"{what} {g.id}", table, lang) for g in items)


def table_for(knowledge: Knowledge, language: str) -> Table:
    """Every text of ``language`` by target and field; the user's entries win over built-in."""
    aliases = {
        f"pole {d.id}/{pole.id}": f"pole {d.id}/{end}"
        for d in knowledge.landscape.dimensions
        for end, pole in (("negative", d.negative_pole), ("positive", d.positive_pole))
    }
    table: Table = {}
    chosen = [t for t in knowledge.translations if t.language == language]
    for entry in sorted(chosen, key=lambda t: t.origin.user):  # stable: file order kept
        texts = table.setdefault(canonical(entry.target, aliases), {})
        for name, text in entry.fields:
            texts[name] = (text, field_basis(name, entry.basis))
    return table


def apply(knowledge: Knowledge, language: str) -> Knowledge:
    """``knowledge`` with the texts of ``language`` in place of the English ones.

    English (or a language without translations) returns the knowledge as it is. A field with
    no translation keeps its English text.
    """
    if language == "en":
        return knowledge
    table = table_for(knowledge, language)
    landscape = knowledge.landscape
    return replace(
        knowledge,
        language=language,
        editions=tuple(
            _translate(e, f"edition {e.id}", table, language) for e in knowledge.editions
        ),
        methods=tuple(_method(m, table, language) for m in knowledge.methods),
        landscape=replace(
            landscape,
            dimensions=tuple(_dimension(d, table, language) for d in landscape.dimensions),
            contexts=tuple(
                _translate(c, f"context {c.id}", table, language) for c in landscape.contexts
            ),
            phases=tuple(
                _translate(p, f"phase {p.edition} {p.id}", table, language)
                for p in landscape.phases
            ),
            guidance=_guidance(landscape.guidance, "guidance", table, language),
        ),
        zones=tuple(_translate(z, f"zone {z.id}", table, language) for z in knowledge.zones),
        value_dimensions=tuple(
            _value_dimension(d, table, language) for d in knowledge.value_dimensions
        ),
        value_caveats=_guidance(knowledge.value_caveats, "value_caveat", table, language),
        culture_notes=tuple(
            _translate(n, f"culture_note {n.id}", table, language) for n in knowledge.culture_notes
        ),
        countries=_countries(knowledge.countries, language),
    )


def _countries(countries: tuple[Country, ...], language: str) -> tuple[Country, ...]:
    """Country names in ``language`` from CLDR (Babel), the English name kept for search."""
    from cxguide.i18n import country_name
    from cxguide.logic.catalogue import ISO2  # the code table lives with the name lookup

    iso2_of = {iso3: iso2 for iso2, iso3 in ISO2.items()}
    named = []
    for country in countries:
        name = country_name(iso2_of.get(country.id), country.name, language)
        if name == country.name:
            named.append(country)
            continue
        marker = Translated(language, (("name", country.name),), (("name", "cldr"),))
        named.append(replace(country, name=name, translated=marker))
    return tuple(named)
