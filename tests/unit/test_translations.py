"""Knowledge texts in Russian: translations files, their checks, completeness and applying."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxguide import i18n
from cxguide.knowledge import cache, load_knowledge, validate_paths
from cxguide.knowledge.loader import check_file, yaml_files
from cxguide.knowledge.models import english, translated_by
from cxguide.knowledge.translations import missing_translations, parse_target
from cxguide.logic.catalogue import find_country, find_zone
from cxguide.logic.geo_notes import notes_for
from cxguide.paths import builtin_data_dir

METHODS = """\
kind: methods
schema_version: 1
methods:
  - id: guerrilla-testing
    edition: "2022"
    name: Guerrilla testing
    description: Quick tests with people in a cafe.
    contexts: []
    phases: []
    sources: [chart2014]
"""

TRANSLATIONS = """\
kind: translations
schema_version: 1
language: ru
translations:
  - target: method 2022 guerrilla-testing
    fields:
      name: Партизанское тестирование
      description: Быстрые тесты с людьми в кафе.
    basis: own
  - target: zone confucian
    fields:
      name: Наша конфуцианская зона
    basis: practitioners
    terms_ru: wvs_zones.Confucian
"""


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    return folder


def problems(path: Path) -> list[str]:
    return [str(p) for p in validate_paths([path])]


# --- applying ----------------------------------------------------------------------------------


def test_russian_texts_replace_english_ones(write_yaml, user_dir):
    write_yaml(METHODS, name="methods.yaml", directory=user_dir)
    write_yaml(TRANSLATIONS, name="ru.yaml", directory=user_dir)
    knowledge = load_knowledge(user_dir, "ru")
    assert knowledge.problems == ()
    assert knowledge.language == "ru"
    method = next(m for m in knowledge.methods if m.id == "guerrilla-testing")
    assert method.name == "Партизанское тестирование"
    assert method.description == "Быстрые тесты с людьми в кафе."
    # The English name stays searchable, and the model says whose translation it is.
    assert "Guerrilla testing" in method.aliases
    assert english(method, "name") == "Guerrilla testing"
    assert translated_by(method, "name") == "own"
    assert translated_by(method, "description") == "own"
    # The user's text wins over the built-in one; a term keeps its entry's basis.
    zone = knowledge.zone("confucian")
    assert zone is not None and zone.name == "Наша конфуцианская зона"
    assert translated_by(zone, "name") == "practitioners"
    assert translated_by(zone, "description") == "own"  # a sentence: always the project's own
    assert english(zone, "name") == "Confucian"


def test_english_is_unchanged(write_yaml, user_dir):
    write_yaml(METHODS, name="methods.yaml", directory=user_dir)
    write_yaml(TRANSLATIONS, name="ru.yaml", directory=user_dir)
    knowledge = load_knowledge(user_dir, "en")
    assert knowledge.problems == ()
    assert knowledge.language == "en"
    method = next(m for m in knowledge.methods if m.id == "guerrilla-testing")
    assert (method.name, method.aliases, method.translated) == ("Guerrilla testing", (), None)
    assert all(z.translated is None for z in knowledge.zones)
    assert knowledge.zone("confucian").name == "Confucian"  # type: ignore[union-attr]
    assert translated_by(method, "name") is None


def test_builtin_russian_texts_keep_english_for_search_and_conditions():
    ru = load_knowledge(None, "ru")
    en = load_knowledge(None, "en")
    assert ru.problems == ()
    ru_zone = find_zone(ru, "Confucian").found
    assert ru_zone is not None and ru_zone.name != "Confucian"
    assert find_zone(ru, ru_zone.name).found == ru_zone
    # Culture notes name zones in English: the same notes apply in both languages.
    for country_id in ("CHN", "DEU", "NGA"):
        ru_notes = [a.note.id for a in notes_for(ru, find_country(ru, country_id).found)]  # type: ignore[arg-type]
        en_notes = [a.note.id for a in notes_for(en, find_country(en, country_id).found)]  # type: ignore[arg-type]
        assert ru_notes == en_notes


def test_language_defaults_to_the_interface_language(monkeypatch):
    monkeypatch.setattr(i18n, "current_language", lambda: "ru")
    assert load_knowledge().language == "ru"
    monkeypatch.setattr(i18n, "current_language", lambda: "en")
    assert load_knowledge().language == "en"
    assert load_knowledge(None, "xx").language == "en"  # unsupported: English


def test_pole_named_by_its_id_or_its_end(write_yaml, user_dir):
    write_yaml(
        """\
        kind: translations
        schema_version: 1
        language: ru
        translations:
          - target: pole qual_quant/negative
            fields: {answers: Почему и как исправить (наш текст)}
            basis: own
        """,
        name="ru.yaml",
        directory=user_dir,
    )
    knowledge = load_knowledge(user_dir, "ru")
    assert knowledge.problems == ()
    pole = knowledge.landscape.dimensions[1].negative_pole
    assert pole.answers == "Почему и как исправить (наш текст)"
    assert english(pole, "answers") == "Why & how to fix"


# --- checking ----------------------------------------------------------------------------------


def test_each_problem_is_located(write_yaml):
    path = write_yaml(
        """\
        kind: translations
        schema_version: 1
        language: ru
        translations:
          - target: zone confucan
            fields: {name: Конфуцианская}
            basis: own
          - target: zone confucian
            fields:
              nam: Конфуцианская
            basis: own
          - target: method 2022 surveys
            fields:
              chart_label: Опросы
            basis: practitioners
          - target: place x
            fields: {name: x}
            basis: own
          - target: phase design
            fields: {name: x}
            basis: own
        """
    )
    found = problems(path)
    assert (
        f"{path}:5:13: unknown translation target 'zone confucan' — did you mean 'zone confucian'?"
        in found
    )
    assert f"{path}:10:7: the nam of a zone is not translated — did you mean 'name'?" in found
    assert (
        f"{path}:15:12: a translation with basis 'practitioners' needs 'terms_ru:' — name the "
        "entry of terms_ru.yaml the term comes from, such as methods.card-sorting, or write "
        "'basis: own'"
    ) in found
    assert (
        f"{path}:16:13: 'place' is not something that can be translated — did you mean 'pole'?"
        in found
    )
    assert (
        f"{path}:19:13: the target 'phase design' should have 3 words — write 'phase <edition> "
        "<id>', such as 'phase 2014 strategize'"
    ) in found
    assert (
        f"{path}:14:7: method 2022 surveys has no chart_label in English — remove it: only a "
        "text the English item has can be translated"
    ) in found
    assert len(found) == 6


def test_a_field_the_english_item_lacks_is_reported(write_yaml):
    # method 2022 surveys has no chart label and no note in data/methods.yaml.
    path = write_yaml(
        """\
        kind: translations
        schema_version: 1
        language: ru
        translations:
          - target: method 2022 surveys
            fields:
              name: Опросы
              chart_label: Опросы
            basis: own
        """
    )
    assert problems(path) == [
        f"{path}:8:7: method 2022 surveys has no chart_label in English — remove it: only a "
        "text the English item has can be translated"
    ]


def test_a_field_translated_twice_is_reported(write_yaml):
    path = write_yaml(
        """\
        kind: translations
        schema_version: 1
        language: ru
        translations:
          - target: pole qual_quant/qualitative
            fields: {answers: Почему}
            basis: own
          - target: pole qual_quant/negative
            fields: {chart_label: КАЧЕСТВЕННЫЕ, answers: Почему и как}
            basis: own
        """
    )
    assert problems(path) == [
        f"{path}:9:41: the answers of pole qual_quant/negative is already translated at "
        f"{path}:6 — keep one of the two texts"
    ]


def test_a_broken_translations_file_is_set_aside(write_yaml, user_dir):
    write_yaml(
        """\
        kind: translations
        schema_version: 1
        language: ru
        translations:
          - target: zone confucian
            fields: {name: Наша зона, colour: red}
            basis: own
        """,
        name="ru.yaml",
        directory=user_dir,
    )
    knowledge = load_knowledge(user_dir, "ru")
    assert [p.line for p in knowledge.problems] == [6]
    assert knowledge.zone("confucian").name != "Наша зона"  # type: ignore[union-attr]


def test_parse_target():
    assert str(parse_target(" method  2014   card-sorting ")) == "method 2014 card-sorting"
    assert str(parse_target("value_pole traditional_secular/negative")) == (
        "value_pole traditional_secular/negative"
    )
    assert not hasattr(parse_target("value_pole traditional_secular"), "what")


# --- completeness ------------------------------------------------------------------------------

ZONES = """\
kind: zones
schema_version: 1
zones:
  - id: first
    name: First zone
    description: The first one.
    sources: [wvs_map2023]
  - id: second
    name: Second zone
    description: The second one.
    sources: [wvs_map2023]
"""

ZONES_RU = """\
kind: translations
schema_version: 1
language: ru
translations:
  - target: zone first
    fields: {name: Первая зона, description: Первая.}
    basis: own
  - target: zone second
    fields: {name: Вторая зона}
    basis: own
"""


def test_missing_translation_is_reported_at_the_english_line(write_yaml, tmp_path):
    zones = write_yaml(ZONES, name="zones.yaml")
    ru = write_yaml(ZONES_RU, name="zones.yaml", directory=tmp_path / "ru")
    files = [check_file(zones, user=False), check_file(ru, user=False)]
    assert [str(p) for p in missing_translations(files, "ru", lambda path: True)] == [
        f"{zones}:10:18: no Russian text for the description of zone 'second' — add it to a "
        "translations file in data/ru/ (see docs/knowledge-files.md)"
    ]
    # Every missing text at once, each at its English value.
    alone = missing_translations([files[0]], "ru", lambda path: True)
    assert [(p.line, p.column) for p in alone] == [(5, 11), (6, 18), (9, 11), (10, 18)]


def test_completeness_is_checked_when_builtin_files_are_validated(tmp_path, monkeypatch):
    # A copy of the built-in data whose Russian texts lack one method's name.
    data = tmp_path / "data"
    (data / "ru").mkdir(parents=True)
    for path in yaml_files(builtin_data_dir()):
        (data / path.name).write_bytes(path.read_bytes())
    for path in yaml_files(builtin_data_dir() / "ru"):
        (data / "ru" / path.name).write_bytes(path.read_bytes())
    methods_ru = data / "ru" / "methods.yaml"
    text = methods_ru.read_text(encoding="utf-8")
    assert "target: method 2014 card-sorting" in text
    start = text.index("target: method 2014 card-sorting")
    name_at = text.index("      name:", start)
    end = text.index("\n", name_at) + 1
    methods_ru.write_text(text[:name_at] + text[end:], encoding="utf-8")
    monkeypatch.setattr("cxguide.knowledge.loader.builtin_data_dir", lambda: data)
    found = [str(p) for p in validate_paths([data])]
    line = next(
        number
        for number, row in enumerate((data / "methods.yaml").read_text().splitlines(), start=1)
        if row == "  - id: card-sorting"
    )
    assert len(found) == 1
    assert found[0].startswith(f"{data / 'methods.yaml'}:")
    assert found[0].endswith(
        "no Russian text for the name of method 2014 'card-sorting' — add it to a translations "
        "file in data/ru/ (see docs/knowledge-files.md)"
    )
    assert int(found[0].split(":")[1]) > line
    # A user's file alone is not held to the built-in completeness.
    user = tmp_path / "user.yaml"
    user.write_text(METHODS, encoding="utf-8")
    assert validate_paths([user]) == []


# --- caching -----------------------------------------------------------------------------------


def test_cache_is_keyed_by_language(monkeypatch, tmp_path):
    assert load_knowledge(None, "ru") is load_knowledge(None, "ru")
    assert load_knowledge(None, "ru") is not load_knowledge(None, "en")
    paths = yaml_files(builtin_data_dir())
    assert cache.fingerprint(paths, None, "ru") != cache.fingerprint(paths, None, "en")
    # The disk cache keeps one file per language and returns the right one.
    monkeypatch.setenv("CXGUIDE_NO_CACHE", "0")
    monkeypatch.setenv("CXGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    load_knowledge.cache_clear()
    en, ru = load_knowledge(None, "en"), load_knowledge(None, "ru")
    assert len(list((tmp_path / "cache").glob("knowledge-*.pickle"))) == 2
    load_knowledge.cache_clear()
    again_ru, again_en = load_knowledge(None, "ru"), load_knowledge(None, "en")
    assert again_ru is not ru and again_ru == ru and again_ru.language == "ru"
    assert again_en == en and again_en.methods[0].name == en.methods[0].name
    assert again_ru.methods[0].name != again_en.methods[0].name
