"""The user's own knowledge directory: merged over the built-in knowledge, or set aside whole."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cxguide.knowledge import load_knowledge
from cxguide.knowledge.schemas import USER_KINDS
from cxguide.paths import ENV_DATA_DIR, default_user_dir, user_data_dir

NOTES = """\
kind: notes
schema_version: 1
notes:
  - id: de-recruiting
    country: DEU
    topic: recruiting
    text: Our Berlin agency needs three weeks' notice.
    author: Anna
    date: 2026-11-02
  - id: jp-incentives
    country: Japan
    text: Gift cards work better than cash.
    author: Ken
    date: 2026-11-03
"""

METHODS = """\
kind: methods
schema_version: 1
methods:
  - id: usability-lab-studies
    edition: "2014"
    name: Our lab tests
    description: How we run usability tests in our own lab.
    contexts: []
    phases: []
    sources: [chart2014]
  - id: guerrilla-testing
    edition: "2022"
    name: Guerrilla testing
    description: Quick tests with people in a cafe.
    contexts: [natural]
    contexts_source: chart2014
    phases: [design]
    phases_sources: [chart2014]
    sources: [chart2014]
"""


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    return folder


def assert_builtin_intact(knowledge) -> None:
    assert len(knowledge.methods_of("2014")) == 20
    assert len(knowledge.methods_of("2022")) == 20
    assert len(knowledge.countries) == 115
    assert all(not m.origin.user for m in knowledge.methods)


def test_user_notes_are_loaded_with_their_origin(write_yaml, user_dir):
    path = write_yaml(NOTES, name="notes.yaml", directory=user_dir)
    knowledge = load_knowledge(user_dir)
    assert knowledge.problems == ()
    assert [(n.id, n.country, n.topic, n.author, n.date) for n in knowledge.notes] == [
        ("de-recruiting", "DEU", "recruiting", "Anna", "2026-11-02"),
        ("jp-incentives", "Japan", None, "Ken", "2026-11-03"),
    ]
    first, second = knowledge.notes
    assert (first.origin.path, first.origin.line, first.origin.user) == (path, 4, True)
    assert (second.origin.path, second.origin.line, second.origin.user) == (path, 10, True)
    assert first.origin.describe() == f"{path}:4"
    assert path in knowledge.files


def test_user_method_replaces_the_builtin_in_place_and_a_new_one_is_added(write_yaml, user_dir):
    builtin = load_knowledge(None)
    path = write_yaml(METHODS, name="methods.yml", directory=user_dir)
    knowledge = load_knowledge(user_dir)
    assert knowledge.problems == ()
    assert len(knowledge.methods) == 41
    # replaced in place: same position as the built-in one, same count in 2014
    index = [(m.edition, m.id) for m in builtin.methods].index(("2014", "usability-lab-studies"))
    replaced = knowledge.methods[index]
    assert (replaced.edition, replaced.id, replaced.name) == (
        "2014",
        "usability-lab-studies",
        "Our lab tests",
    )
    assert replaced.attitudinal_behavioral is None  # the user's version has no position
    assert (replaced.origin.path, replaced.origin.line, replaced.origin.user) == (path, 4, True)
    assert len(knowledge.methods_of("2014")) == 20
    # added: a new 2022 method after the built-in ones
    added = knowledge.methods[-1]
    assert (added.edition, added.id, added.contexts, added.phases) == (
        "2022",
        "guerrilla-testing",
        ("natural",),
        ("design",),
    )
    assert (added.origin.line, added.origin.user) == (11, True)
    assert len(knowledge.methods_of("2022")) == 21
    # everything else is the built-in knowledge, untouched
    others = [m for m in knowledge.methods if m is not replaced and m is not added]
    assert others == [
        m for m in builtin.methods if m.id != "usability-lab-studies" or m.edition != "2014"
    ]


def test_same_id_in_the_other_edition_adds_rather_than_replaces(write_yaml, user_dir):
    text = METHODS.replace('edition: "2014"', 'edition: "2022"', 1)
    write_yaml(text, name="methods.yaml", directory=user_dir)
    knowledge = load_knowledge(user_dir)
    assert knowledge.problems == ()
    assert len(knowledge.methods_of("2014")) == 20
    assert len(knowledge.methods_of("2022")) == 22
    builtin_lab = [m for m in knowledge.methods if m.id == "usability-lab-studies"]
    assert [(m.edition, m.origin.user) for m in builtin_lab] == [("2014", False), ("2022", True)]


def test_user_sources_can_be_cited_by_user_methods(write_yaml, user_dir):
    write_yaml(
        """\
        kind: sources
        schema_version: 1
        sources:
          - id: our-wiki
            title: Our research wiki
            publisher: ACME
            locator: wiki page 42
            reliability: medium
        """,
        name="sources.yaml",
        directory=user_dir,
    )
    write_yaml(
        METHODS.replace("sources: [chart2014]", "sources: [our-wiki]"),
        name="methods.yaml",
        directory=user_dir,
    )
    knowledge = load_knowledge(user_dir)
    assert knowledge.problems == ()
    assert knowledge.sources["our-wiki"].origin.user is True
    assert knowledge.methods[-1].sources == ("our-wiki",)


def test_broken_user_file_is_set_aside_whole(write_yaml, user_dir):
    notes = write_yaml(
        NOTES.replace("date: 2026-11-03", "date: 3 November"), name="notes.yaml", directory=user_dir
    )
    write_yaml(METHODS, name="methods.yaml", directory=user_dir)
    knowledge = load_knowledge(user_dir)
    assert [str(p) for p in knowledge.problems] == [
        f"{notes}:14:11: '3 November' is not a valid date — "
        "write the date as YYYY-MM-DD, such as 2026-11-02"
    ]
    # neither note is loaded, not even the good first one; the good methods file still is
    assert knowledge.notes == ()
    assert len(knowledge.methods) == 41
    assert len(knowledge.countries) == 115


def test_user_file_with_a_yaml_error_leaves_the_builtin_knowledge(write_yaml, user_dir):
    path = write_yaml("kind: methods\nmethods: [\n", name="methods.yaml", directory=user_dir)
    knowledge = load_knowledge(user_dir)
    assert [str(p) for p in knowledge.problems] == [
        f"{path}:3:1: YAML syntax error: did not find expected node content — "
        "check the indentation and quoting on this line and the one above"
    ]
    assert_builtin_intact(knowledge)
    assert len(knowledge.zones) == 8


def test_user_method_citing_an_unknown_source_is_set_aside(write_yaml, user_dir):
    path = write_yaml(
        METHODS.replace("sources: [chart2014]", "sources: [chart2041]", 1),
        name="methods.yaml",
        directory=user_dir,
    )
    knowledge = load_knowledge(user_dir)
    assert [str(p) for p in knowledge.problems] == [
        f"{path}:10:15: unknown source id 'chart2041' — did you mean 'chart2014'?"
    ]
    assert_builtin_intact(knowledge)


def test_file_set_aside_lends_no_ids_to_other_user_files(write_yaml, user_dir):
    # The sources file repeats a built-in id, so it is set aside; the methods file citing its
    # other source must then be set aside too, or a method would cite a source never loaded.
    sources = write_yaml(
        """\
        kind: sources
        schema_version: 1
        sources:
          - id: our-wiki
            title: Our research wiki
            publisher: ACME
            locator: wiki page 42
            reliability: medium
          - id: chart2014
            title: Our copy of the chart
            publisher: ACME
            locator: shelf 3
            reliability: high
        """,
        name="a-sources.yaml",
        directory=user_dir,
    )
    methods = write_yaml(
        METHODS.replace("sources: [chart2014]", "sources: [our-wiki]", 1),
        name="b-methods.yaml",
        directory=user_dir,
    )
    knowledge = load_knowledge(user_dir)
    builtin_sources = load_knowledge(None).sources["chart2014"].origin.path
    assert [str(p) for p in knowledge.problems] == [
        f"{sources}:9:9: id 'chart2014' is already defined in {builtin_sources}:9 — "
        "every id must be unique across files; rename this one",
        f"{methods}:10:15: unknown source id 'our-wiki' — define it in a file of kind 'sources'",
    ]
    assert "our-wiki" not in knowledge.sources
    assert_builtin_intact(knowledge)


def test_user_file_of_a_kind_users_cannot_add_is_refused(write_yaml, user_dir):
    assert "countries" not in USER_KINDS
    assert {"notes", "methods"} <= set(USER_KINDS)
    path = write_yaml(
        """\
        kind: countries
        schema_version: 1
        countries: []
        """,
        name="countries.yaml",
        directory=user_dir,
    )
    knowledge = load_knowledge(user_dir)
    assert [str(p) for p in knowledge.problems] == [
        f"{path}:1:7: files of kind 'countries' cannot be added in your knowledge directory — "
        f"your directory can hold: {', '.join(USER_KINDS)}"
    ]
    assert len(knowledge.countries) == 115


def test_only_yaml_files_in_the_directory_are_read(write_yaml, user_dir):
    write_yaml("not yaml at all: [", name="README.txt", directory=user_dir)
    write_yaml("kind: notes\n", name="notes.yaml~", directory=user_dir)
    write_yaml(NOTES, name="notes.yaml", directory=user_dir)
    knowledge = load_knowledge(user_dir)
    assert knowledge.problems == ()
    assert len(knowledge.notes) == 2


def test_user_notes_id_repeated_across_user_files(write_yaml, user_dir):
    first = write_yaml(NOTES, name="a.yaml", directory=user_dir)
    second = write_yaml(NOTES, name="b.yaml", directory=user_dir)
    knowledge = load_knowledge(user_dir)
    assert [str(p) for p in knowledge.problems] == [
        f"{second}:4:9: id 'de-recruiting' is already defined in {first}:4 — "
        "every id must be unique across files; rename this one",
        f"{second}:10:9: id 'jp-incentives' is already defined in {first}:10 — "
        "every id must be unique across files; rename this one",
    ]
    assert [n.origin.path for n in knowledge.notes] == [first, first]


def test_environment_directory_is_what_the_app_loads(write_yaml, isolated_knowledge):
    write_yaml(NOTES, name="notes.yaml", directory=isolated_knowledge)
    assert user_data_dir() == isolated_knowledge
    assert len(load_knowledge(user_data_dir()).notes) == 2


# --- where the user's directory is -----------------------------------------------------------


def test_data_dir_option_beats_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert user_data_dir(str(tmp_path / "from-option")) == tmp_path / "from-option"
    assert user_data_dir(tmp_path / "as-path") == tmp_path / "as-path"


def test_environment_beats_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert user_data_dir() == tmp_path / "from-env"
    assert user_data_dir(None) == tmp_path / "from-env"
    assert user_data_dir("") == tmp_path / "from-env"


def test_default_is_the_platform_config_directory(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_DATA_DIR)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert user_data_dir() == default_user_dir()
    if sys.platform.startswith("linux"):
        assert default_user_dir() == tmp_path / "config" / "cxguide"
    monkeypatch.setenv(ENV_DATA_DIR, "")
    assert user_data_dir() == default_user_dir()


def test_home_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_data_dir("~/mine") == tmp_path / "mine"
    monkeypatch.setenv(ENV_DATA_DIR, "~/env")
    assert user_data_dir() == tmp_path / "env"
