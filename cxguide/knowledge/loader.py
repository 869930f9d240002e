"""Load the built-in and user knowledge files: check, cross-check, build models, merge.

A file with any problem is set aside whole and its problems are kept, so a broken user file never
hides the built-in knowledge. Loading happens once per process (``load_knowledge`` is cached).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxguide.i18n import N_, _
from cxguide.knowledge.models import Knowledge, Origin
from cxguide.knowledge.problems import Problem
from cxguide.paths import builtin_data_dir

if TYPE_CHECKING:
    from cxguide.knowledge.schema import Checker, RefUse
    from cxguide.knowledge.yamlsource import Document

YAML_SUFFIXES = (".yaml", ".yml")
# Kinds in the order they are built: later kinds refer to ids defined by earlier ones.
BUILD_ORDER = (
    "sources",
    "zones",
    "landscape",
    "value_dimensions",
    "countries",
    "methods",
    "practicalities",
    "cards_18f",
    "jurisdictions",
    "culture_notes",
    "notes",
    "translations",
)


@dataclass(slots=True)
class CheckedFile:
    """One file after the schema check: its document, kind, problems and references."""

    path: Path
    user: bool
    document: Document | None = None
    kind: str | None = None
    problems: list[Problem] = field(default_factory=list)
    refs: list[RefUse] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return self.document is not None and self.kind is not None and not self.problems


def yaml_files(directory: Path) -> list[Path]:
    """The YAML files directly inside ``directory``, sorted by name."""
    return sorted(p for p in directory.iterdir() if p.suffix in YAML_SUFFIXES)


def check_file(path: Path, *, user: bool, any_kind: bool = False) -> CheckedFile:
    """Read one file and check it against the schema of the kind it declares.

    A user file may only hold the kinds users can add, unless ``any_kind`` (explicit validation).
    """
    from cxguide.knowledge.schema import Checker, did_you_mean
    from cxguide.knowledge.schemas import (
        BODIES,
        KINDS,
        SCHEMA_VERSION,
        USER_KINDS,
        file_record,
    )
    from cxguide.knowledge.yamlsource import read_document

    checked = CheckedFile(path=path, user=user)
    document, problems = read_document(path)
    checked.problems.extend(problems)
    if document is None:
        return checked
    checked.document = document
    data = document.data
    if not isinstance(data, dict):
        checked.problems.append(
            document.problem(
                (),
                _("the file should be a mapping of 'key: value' lines"),
                _("start it with 'kind:' and 'schema_version:' (see docs/knowledge-files.md)"),
            )
        )
        return checked
    kind = data.get("kind")
    if kind not in KINDS:
        where: tuple[str, ...] = ("kind",) if "kind" in data else ()
        message = (
            _("'{kind}' is not a kind of knowledge file").format(kind=kind)
            if "kind" in data
            else _("the file does not say what it holds ('kind:' is missing)")
        )
        options = _("use one of: {kinds}").format(kinds=", ".join(KINDS))
        hint = did_you_mean(str(kind), KINDS, options) if "kind" in data else options
        checked.problems.append(document.problem(where, message, hint))
        return checked
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        checked.problems.append(
            document.problem(
                ("schema_version",),
                _("this file is written for a newer cxguide (schema_version {found})").format(
                    found=version
                ),
                _("this cxguide reads schema_version {ours}; update cxguide").format(
                    ours=SCHEMA_VERSION
                ),
            )
        )
        return checked
    if user and not any_kind and kind not in USER_KINDS:
        checked.problems.append(
            document.problem(
                ("kind",),
                _("files of kind '{kind}' cannot be added in your knowledge directory").format(
                    kind=kind
                ),
                _("your directory can hold: {kinds}").format(kinds=", ".join(USER_KINDS)),
            )
        )
        return checked
    checker = Checker(document)
    file_record(kind).check(data, (), checker)
    for list_name in BODIES[kind]:
        items = data.get(list_name)
        if isinstance(items, list):
            _check_unique(items, kind, list_name, checker)
    checked.kind = kind
    checked.problems.extend(checker.problems)
    checked.refs = checker.refs
    return checked


def _key_fields(kind: str, list_name: str) -> tuple[str, ...]:
    from cxguide.knowledge.schemas import ID_FIELDS

    return ID_FIELDS.get((kind, list_name), ("id",))


def _item_key(item: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    parts = [item.get(f) for f in fields]
    if not all(isinstance(p, (str, int)) for p in parts):
        return None
    return "/".join(str(p) for p in parts)


def _check_unique(items: list[Any], kind: str, list_name: str, checker: Checker) -> None:
    """Report every item whose key repeats an earlier item's in the same list."""
    fields = _key_fields(kind, list_name)
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        key = _item_key(item, fields)
        if key is None:
            continue
        if key not in seen:
            seen[key] = index
            continue
        first = checker.document.mark((list_name, seen[key], fields[-1]))
        if fields == ("edition", "id"):
            message = _("duplicate id '{id}' in edition {edition} (first at line {line})").format(
                id=item["id"], edition=item["edition"], line=first.line
            )
        else:
            message = _("duplicate {field} '{id}' (first at line {line})").format(
                field=fields[-1], id=item[fields[-1]], line=first.line
            )
        checker.report(
            (list_name, index, fields[-1]),
            message,
            _("every id must be unique; rename or remove one of them"),
        )


@dataclass(slots=True)
class _Ids:
    """The ids every kind of reference can resolve to."""

    by_kind: dict[str, set[str]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    phases_by_edition: dict[str, set[str]] = field(default_factory=dict)
    contexts_by_edition: dict[str, set[str]] = field(default_factory=dict)
    # Translation targets ("method 2014 card-sorting") -> the fields with English text, and
    # other names of targets (a landscape pole by its id) -> the target.
    targets: dict[str, frozenset[str]] = field(default_factory=dict)
    target_aliases: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, ident: str) -> None:
        self.by_kind.setdefault(kind, set()).add(ident)


_REF_LISTS = {
    "source": ("sources", "sources"),
    "zone": ("zones", "zones"),
    "country": ("countries", "countries"),
    "jurisdiction": ("jurisdictions", "jurisdictions"),
}


def _collect_ids(files: Iterable[CheckedFile]) -> _Ids:
    from cxguide.knowledge.translations import english_items

    ids = _Ids()
    for checked in files:
        if not checked.usable or checked.document is None:
            continue
        data = checked.document.data
        kind = checked.kind
        for item in english_items(kind or "", data):
            ids.targets[item.target] = frozenset(item.fields)
            ids.target_aliases.update(dict.fromkeys(item.aliases, item.target))
        for ref_kind, (file_kind, list_name) in _REF_LISTS.items():
            if kind == file_kind:
                for item in data.get(list_name, []):
                    ids.add(ref_kind, item["id"])
                    if kind == "countries":
                        ids.country_names[item["name"].casefold()] = item["id"]
        if kind == "zones":
            for zone in data["zones"]:
                ids.add("zone-name", zone["name"])
        if kind == "landscape":
            for phase in data["phases"]:
                ids.phases_by_edition.setdefault(str(phase["edition"]), set()).add(phase["id"])
            for context in data["contexts"]:
                for edition in context["editions"]:
                    ids.contexts_by_edition.setdefault(str(edition), set()).add(context["id"])
        if kind == "methods":
            for method in data["methods"]:
                ids.add("method-any", method["id"])
                ids.add(f"method-{method['edition']}", method["id"])
                if str(method["edition"]) == "2022":
                    ids.add("method-2022-or-all", method["id"])
    return ids


_REF_WORDS = {
    "source": (N_("source id"), N_("define it in a file of kind 'sources'")),
    "zone": (N_("zone"), N_("use a zone id from data/zones.yaml")),
    "country": (N_("country"), N_("use a country id such as DEU, or its English name")),
    "method-2014": (N_("2014 method id"), N_("use the id of a method of edition 2014")),
    "method-2022": (N_("2022 method id"), N_("use the id of a method of edition 2022")),
    "method-any": (N_("method id"), N_("use the id of a method in a file of kind 'methods'")),
    "method-2022-or-all": (
        N_("2022 method id"),
        N_("use the id of a method of edition 2022, or 'all' for every method"),
    ),
    "zone-name": (N_("zone name"), N_("use a zone name as written in data/zones.yaml")),
    "jurisdiction": (N_("jurisdiction"), N_("use an id from a file of kind 'jurisdictions'")),
    "phase": (N_("phase"), N_("use a phase id of the method's edition")),
    "context": (N_("context of use"), N_("use a context id of the method's edition")),
}


def _resolve_translation(checked: CheckedFile, ref: RefUse, ids: _Ids) -> None:
    """A translation's target must name an item, and each field one the item has in English."""
    from cxguide.knowledge.schema import did_you_mean
    from cxguide.knowledge.translations import FIELDS, canonical

    document = checked.document
    assert document is not None
    target = canonical(ref.value, ids.target_aliases)
    present = ids.targets.get(target)
    if present is None:
        what = target.split()[0]
        same_kind = sorted(t for t in ids.targets if t.split()[0] == what)
        checked.problems.append(
            document.problem(
                ref.where,
                _("unknown translation target '{target}'").format(target=ref.value),
                did_you_mean(
                    target,
                    same_kind or sorted(ids.targets),
                    _("name an item of the English knowledge files, such as '{example}'").format(
                        example=same_kind[0] if same_kind else "zone confucian"
                    ),
                ),
            )
        )
        return
    entry_where = ref.where[:-1]
    entry = document.data
    for part in entry_where:
        entry = entry[part]
    allowed = FIELDS[target.split()[0]]
    for name in entry["fields"]:
        if name in allowed and name not in present:
            checked.problems.append(
                document.problem(
                    (*entry_where, "fields", name),
                    _("{target} has no {field} in English").format(target=target, field=name),
                    _("remove it: only a text the English item has can be translated"),
                    at_key=True,
                )
            )


def _resolve_refs(checked: CheckedFile, ids: _Ids) -> None:
    from cxguide.knowledge.schema import did_you_mean

    document = checked.document
    if document is None:
        return
    for ref in checked.refs:
        if ref.kind == "translation":
            _resolve_translation(checked, ref, ids)
            continue
        if ref.kind in ("phase", "context"):
            method = document.data["methods"][ref.where[1]]
            edition = str(method.get("edition"))
            if edition not in ids.phases_by_edition:
                continue  # the edition itself is wrong; that problem is reported already
            table = ids.phases_by_edition if ref.kind == "phase" else ids.contexts_by_edition
            known = table.get(edition, set())
        elif ref.kind == "country":
            known = ids.by_kind.get("country", set())
            if ref.value.casefold() in ids.country_names or ref.value.upper() in known:
                continue
            known = known | {name.title() for name in ids.country_names}
        elif ref.kind == "zone-name":
            known = ids.by_kind.get("zone-name", set())
            if ref.value.casefold() in {name.casefold() for name in known}:
                continue
        else:
            known = ids.by_kind.get(ref.kind, set())
            if ref.kind == "method-2022-or-all":
                known = known | {"all"}
        if ref.value in known:
            continue
        word, otherwise = _REF_WORDS[ref.kind]
        checked.problems.append(
            document.problem(
                ref.where,
                _("unknown {what} '{value}'").format(what=_(word), value=ref.value),
                did_you_mean(ref.value, sorted(known), _(otherwise)),
            )
        )


def _report_overlaps(primary: Sequence[CheckedFile], background: Sequence[CheckedFile]) -> None:
    """Ids defined twice across files (sources, zones, countries, notes; user sources too)."""
    from cxguide.knowledge.schemas import BODIES

    seen: dict[tuple[str, str], tuple[Path, int]] = {}
    for checked in background:
        if checked.usable and checked.document is not None and checked.kind == "sources":
            for item in checked.document.data["sources"]:
                seen[("sources", item["id"])] = (checked.path, 0)
    for checked in primary:
        if not checked.usable or checked.document is None:
            continue
        if checked.kind in ("methods", "practicalities", "translations"):
            continue  # user methods (and translations) may replace built-ins
        for list_name in BODIES[checked.kind or ""]:
            for index, item in enumerate(checked.document.data.get(list_name, [])):
                ident = _item_key(item, _key_fields(checked.kind or "", list_name))
                if ident is None:
                    continue
                key = (list_name, ident)
                mark = checked.document.mark((list_name, index, "id"))
                if key in seen:
                    path, line = seen[key]
                    where = f"{path}:{line}" if line else _("the built-in knowledge")
                    checked.problems.append(
                        checked.document.problem(
                            (list_name, index, "id"),
                            _("id '{id}' is already defined in {where}").format(
                                id=item["id"], where=where
                            ),
                            _("every id must be unique across files; rename this one"),
                        )
                    )
                else:
                    seen[key] = (checked.path, mark.line)


@dataclass(frozen=True, slots=True)
class Checked:
    """The outcome of checking a set of files."""

    files: tuple[CheckedFile, ...]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]


def check_files(primary: Sequence[CheckedFile], background: Sequence[CheckedFile] = ()) -> Checked:
    """Cross-check ``primary`` files; ``background`` files only lend their ids."""
    _report_overlaps(primary, background)
    # A file set aside lends no ids, so the files that use them are checked again without them:
    # otherwise a model could cite a source (or 2014 method) that was never loaded.
    pending = [checked for checked in primary if checked.usable]
    # Files already set aside for schema problems are cross-checked once too, so that one run
    # reports every problem in them.
    ids = _collect_ids([*background, *primary])
    for checked in primary:
        if not checked.usable and checked.document is not None and checked.kind is not None:
            _resolve_refs(checked, ids)
    while pending:
        ids = _collect_ids([*background, *primary])
        for checked in pending:
            _resolve_refs(checked, ids)
        still_usable = [checked for checked in pending if checked.usable]
        if len(still_usable) == len(pending):
            break
        pending = still_usable
    _report_repeated_translations(primary, background, ids)
    return Checked(tuple(primary))


def _report_repeated_translations(
    primary: Sequence[CheckedFile], background: Sequence[CheckedFile], ids: _Ids
) -> None:
    """A field of an item translated twice into one language, among built-in files or among
    the user's (a user's text may replace a built-in one)."""
    from cxguide.knowledge.translations import canonical, entries

    seen: dict[tuple[str, bool, str, str], tuple[Path, int]] = {}
    listed = {id(checked) for checked in primary}
    for checked in (*background, *primary):
        document = checked.document
        if document is None or checked.kind != "translations":
            continue
        language = str(document.data.get("language"))
        for index, target, fields in entries(document.data, language):
            key_target = canonical(target, ids.target_aliases)
            for name in fields:
                key = (language, checked.user, key_target, str(name))
                where = ("translations", index, "fields", name)
                line = document.key_mark(where).line
                if key not in seen:
                    seen[key] = (checked.path, line)
                    continue
                if id(checked) not in listed:
                    continue
                path, first = seen[key]
                checked.problems.append(
                    document.problem(
                        where,
                        _("the {field} of {target} is already translated at {where}").format(
                            field=name, target=key_target, where=f"{path}:{first}"
                        ),
                        _("keep one of the two texts"),
                        at_key=True,
                    )
                )


def _origin(checked: CheckedFile, list_name: str, index: int) -> Origin:
    assert checked.document is not None
    line = checked.document.mark((list_name, index)).line
    return Origin(path=checked.path, line=line, user=checked.user)


def assemble(files: Sequence[CheckedFile]) -> Knowledge:
    """Build the models from every usable file, user files merged over built-in ones."""
    from cxguide.knowledge import build

    usable = [f for f in files if f.usable]
    usable.sort(key=lambda f: (BUILD_ORDER.index(f.kind or "notes"), f.user, str(f.path)))
    parts = build.Parts()
    for checked in usable:
        assert checked.document is not None and checked.kind is not None
        build.add_file(
            parts, checked.kind, checked.document.data, functools.partial(_origin, checked)
        )
    problems = tuple(p for f in files for p in f.problems)
    return Knowledge(
        sources=dict(parts.sources),
        editions=tuple(parts.editions.values()),
        methods=tuple(parts.methods.values()),
        landscape=parts.landscape(),
        zones=tuple(parts.zones),
        value_dimensions=tuple(parts.value_dimensions),
        value_caveats=tuple(parts.value_caveats),
        practicalities=dict(parts.practicalities),
        cards_18f=tuple(parts.cards_18f),
        countries=tuple(parts.countries),
        jurisdictions=tuple(parts.jurisdictions),
        culture_notes=tuple(parts.culture_notes),
        notes=tuple(parts.notes),
        translations=tuple(parts.translations),
        problems=problems,
        files=tuple(f.path for f in files),
    )


def translation_paths(directory: Path, language: str) -> list[Path]:
    """The translations files of ``language`` in ``directory``'s subdirectory of that name."""
    folder = directory / language
    if language == "en" or not folder.is_dir():
        return []
    try:
        return yaml_files(folder)
    except OSError:
        return []


def _user_paths(user_dir: Path | None, language: str) -> tuple[list[Path], list[Problem]]:
    if user_dir is None or not user_dir.exists():
        return [], []
    if not user_dir.is_dir():
        return [], [
            Problem(
                user_dir,
                0,
                0,
                _("your knowledge directory is a file, not a directory"),
                _("point --data-dir or CXGUIDE_DATA_DIR at a directory"),
            )
        ]
    try:
        return yaml_files(user_dir) + translation_paths(user_dir, language), []
    except OSError as error:
        return [], [
            Problem(
                user_dir,
                0,
                0,
                _("your knowledge directory cannot be read ({reason})").format(
                    reason=error.strerror or error
                ),
                _("check its permissions"),
            )
        ]


def resolve_language(language: str | None) -> str:
    """``language`` if cxguide supports it; by default the interface's current language."""
    from cxguide import i18n

    if language is None:
        current = getattr(i18n, "current_language", None)
        language = current() if callable(current) else i18n.DEFAULT
    return language if language in i18n.SUPPORTED else i18n.DEFAULT


def _load(user_dir: Path | None, language: str) -> Knowledge:
    from cxguide.knowledge import cache
    from cxguide.knowledge.translations import apply

    builtin_dir = builtin_data_dir()
    builtin_paths = yaml_files(builtin_dir) + translation_paths(builtin_dir, language)
    user_paths, dir_problems = _user_paths(user_dir, language)
    key = cache.fingerprint([*builtin_paths, *user_paths], user_dir, language)
    if cache.enabled():
        cached = cache.read(key, language)
        if cached is not None:
            return cached
    builtin = [check_file(p, user=False) for p in builtin_paths]
    user = [check_file(p, user=True) for p in user_paths]
    checked = check_files([*builtin, *user])
    knowledge = apply(assemble(checked.files), language)
    if dir_problems:
        knowledge = _with_problems(knowledge, dir_problems)
    if cache.enabled():
        cache.write(key, knowledge, language)
    return knowledge


_load_cached = functools.cache(_load)


class _KnowledgeLoader:
    """``load_knowledge``: a function cached per (user directory, language)."""

    def __call__(self, user_dir: Path | None = None, language: str | None = None) -> Knowledge:
        """Load, check and merge the built-in knowledge and the user's (once per process).

        ``language`` (default: the interface's current language, ``i18n.current_language()``)
        chooses the texts: for "ru" the translations in ``data/ru/`` (and the user's) replace
        the English texts in the models; English ones stay where search needs them (see
        ``cxguide.knowledge.translations``). Unchanged files are not parsed again: the checked
        result is kept in a disk cache, keyed by the language too.
        """
        return _load_cached(user_dir, resolve_language(language))

    def cache_clear(self) -> None:
        """Forget every loaded knowledge (files changed, or a test needs a fresh load)."""
        _load_cached.cache_clear()


load_knowledge = _KnowledgeLoader()


def _with_problems(knowledge: Knowledge, problems: list[Problem]) -> Knowledge:
    from dataclasses import replace

    return replace(knowledge, problems=(*knowledge.problems, *problems))


def _in_directory(path: Path, directory: Path) -> bool:
    return path.resolve().is_relative_to(directory.resolve())


def validate_paths(paths: Sequence[Path]) -> list[Problem]:
    """Check the given files and directories, each against the built-in knowledge's ids.

    A directory is read with its translations subdirectories (``ru/``). When any given file
    belongs to the built-in knowledge, every built-in English text must also have a text in
    each language the built-in data translates (a ``data/<language>/`` directory exists).
    """
    from cxguide.i18n import SUPPORTED
    from cxguide.knowledge.translations import builtin_languages, missing_translations

    targets: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            try:
                found = yaml_files(path)
            except OSError as error:
                problems.append(
                    Problem(
                        path,
                        0,
                        0,
                        _("the directory cannot be read ({reason})").format(
                            reason=error.strerror or error
                        ),
                        _("check its permissions"),
                    )
                )
                continue
            for language in SUPPORTED:
                found.extend(translation_paths(path, language))
            if not found:
                problems.append(
                    Problem(
                        path,
                        0,
                        0,
                        _("the directory holds no .yaml files"),
                        _("name a directory of knowledge files, or the files themselves"),
                    )
                )
            targets.extend(found)
        else:
            targets.append(path)
    resolved = {p.resolve() for p in targets}
    builtin_dir = builtin_data_dir()
    languages = builtin_languages(builtin_dir)
    builtin_paths = yaml_files(builtin_dir)
    for language in languages:
        builtin_paths.extend(translation_paths(builtin_dir, language))
    primary = [check_file(p, user=True, any_kind=True) for p in targets]
    background = [check_file(p, user=False) for p in builtin_paths if p.resolve() not in resolved]
    problems.extend(check_files(primary, background).problems)
    if any(_in_directory(p, builtin_dir) for p in targets):
        for language in languages:
            problems.extend(
                missing_translations(
                    [*primary, *background],
                    language,
                    lambda path: _in_directory(path, builtin_dir),
                )
            )
    return problems


def builtin_problems() -> list[Problem]:
    """Every problem of the built-in knowledge, its translations and their completeness."""
    return validate_paths([builtin_data_dir()])
