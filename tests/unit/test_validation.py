"""The schema and cross-file checks, through check_file, check_files and validate_paths.

Every expected line and column is counted from the YAML written in the test itself.
"""

from __future__ import annotations

from pathlib import Path

from cxguide.knowledge.loader import check_file, check_files, validate_paths, yaml_files
from cxguide.knowledge.schemas import KINDS as ALL_KINDS
from cxguide.paths import builtin_data_dir

KINDS = ", ".join(ALL_KINDS)


def validated(path: Path) -> list[str]:
    return [str(p) for p in validate_paths([path])]


def builtin_background():
    return [check_file(p, user=False) for p in yaml_files(builtin_data_dir())]


# --- the header: kind and schema_version -----------------------------------------------------


def test_missing_kind(write_yaml):
    path = write_yaml("schema_version: 1\nnotes: []\n")
    checked = check_file(path, user=False)
    assert checked.kind is None and not checked.usable
    assert [str(p) for p in checked.problems] == [
        f"{path}:1:1: the file does not say what it holds ('kind:' is missing) — "
        f"use one of: {KINDS}"
    ]


def test_missing_kind_is_located_at_the_first_key_after_comments(write_yaml):
    path = write_yaml("# my notes\n\nschema_version: 1\n")
    assert validated(path) == [
        f"{path}:3:1: the file does not say what it holds ('kind:' is missing) — "
        f"use one of: {KINDS}"
    ]


def test_unknown_kind_suggests_the_close_one(write_yaml):
    path = write_yaml("kind: method\nschema_version: 1\nmethods: []\n")
    assert validated(path) == [
        f"{path}:1:7: 'method' is not a kind of knowledge file — did you mean 'methods'?"
    ]


def test_unknown_kind_without_a_close_one_lists_the_kinds(write_yaml):
    path = write_yaml("kind: recipes\nschema_version: 1\n")
    assert validated(path) == [
        f"{path}:1:7: 'recipes' is not a kind of knowledge file — use one of: {KINDS}"
    ]


def test_schema_version_from_the_future(write_yaml):
    path = write_yaml("kind: notes\nschema_version: 2\nnotes: []\n")
    assert validated(path) == [
        f"{path}:2:17: this file is written for a newer cxguide (schema_version 2) — "
        "this cxguide reads schema_version 1; update cxguide"
    ]


def test_schema_version_written_as_text(write_yaml):
    path = write_yaml('kind: notes\nschema_version: "1"\nnotes: []\n')
    assert validated(path) == [
        f"{path}:2:17: 'schema_version' should be a number, not the text '1' — "
        "write a whole number without quotes, such as 2018"
    ]


def test_file_that_is_a_list_not_a_mapping(write_yaml):
    path = write_yaml("- kind: notes\n")
    assert validated(path) == [
        f"{path}:1:1: the file should be a mapping of 'key: value' lines — "
        "start it with 'kind:' and 'schema_version:' (see docs/knowledge-files.md)"
    ]


def test_missing_body_list(write_yaml):
    path = write_yaml("kind: zones\nschema_version: 1\n")
    assert validated(path) == [f"{path}:1:1: the required field 'zones' is missing — add 'zones:'"]


# --- field types, required and unknown fields ------------------------------------------------

SOURCE_OK = """\
kind: sources
schema_version: 1
sources:
  - id: mysource
    title: My source
    author: Me
    url: https://example.org/x
    reliability: high
"""


def test_a_valid_file_has_no_problems(write_yaml):
    assert validated(write_yaml(SOURCE_OK)) == []


def test_text_where_a_number_is_expected(write_yaml):
    path = write_yaml(SOURCE_OK + "    year: recent\n")
    assert validated(path) == [
        f"{path}:9:11: 'year' should be a number, not the text 'recent' — "
        "write a whole number without quotes, such as 2018"
    ]


def test_fraction_where_a_whole_number_is_expected(write_yaml):
    path = write_yaml(SOURCE_OK + "    year: 2014.5\n")
    assert validated(path) == [
        f"{path}:9:11: 'year' should be a number, not the number 2014.5 — "
        "write a whole number without quotes, such as 2018"
    ]


def test_missing_required_field_is_located_at_its_record(write_yaml):
    path = write_yaml(SOURCE_OK.replace("    title: My source\n", ""))
    assert validated(path) == [
        f"{path}:4:5: the source has no title — add 'title:', or 'citation:' with the whole "
        "citation as one text"
    ]


def test_missing_required_field_with_help(write_yaml):
    path = write_yaml(
        """\
        kind: zones
        schema_version: 1
        zones:
          - id: my-zone
            name: My zone
            description: A zone of my own.
        """
    )
    assert validated(path) == [
        f"{path}:4:5: the required field 'sources' is missing — "
        "add 'sources:' (a list of source ids, such as [chart2014])"
    ]


def test_unknown_field_suggests_the_close_one(write_yaml):
    path = write_yaml(
        """\
        kind: zones
        schema_version: 1
        zones:
          - id: my-zone
            name: My zone
            descripton: A zone of my own.
            sources: [wvs_map_image_2023]
        """
    )
    # The misspelt key is reported at the key, and the field it was meant to be is missing.
    assert validated(path) == [
        f"{path}:6:5: unknown field 'descripton' — did you mean 'description'?",
        f"{path}:4:5: the required field 'description' is missing — add 'description:'",
    ]


def test_unknown_field_without_a_close_one_lists_the_fields(write_yaml):
    path = write_yaml(
        """\
        kind: zones
        schema_version: 1
        zones:
          - id: my-zone
            name: My zone
            description: A zone of my own.
            colour: blue
            sources: [wvs_map_image_2023]
        """
    )
    assert validated(path) == [
        f"{path}:7:5: unknown field 'colour' — allowed fields: id, name, description, sources"
    ]


def test_choice_with_a_close_one(write_yaml):
    path = write_yaml(SOURCE_OK.replace("reliability: high", "reliability: hihg"))
    assert validated(path) == [
        f"{path}:8:18: 'hihg' is not a valid reliability — did you mean 'high'?"
    ]


def test_empty_text(write_yaml):
    path = write_yaml(SOURCE_OK.replace("title: My source", 'title: ""'))
    assert validated(path) == [
        f"{path}:5:12: 'title' is empty — write a value, or leave the field out if it is optional"
    ]


# --- ranges ----------------------------------------------------------------------------------

COUNTRY = """\
kind: countries
schema_version: 1
countries:
  - id: XYZ
    iso3: XYZ
    name: Nowhere
    zone: {zone}
    zone_source: wvs_map_image_2023
    map_2023: {{status: latest_row, year: 2018}}
    scores:
      - {{year: 2018, traditional_secular: {score}, survival_self_expression: 0.1, s025: 1, source: wvsa_map_2023}}
"""  # noqa: E501 (the score row is one line, as in data/countries.yaml)


def test_country_score_out_of_range(write_yaml):
    path = write_yaml(COUNTRY.format(zone="protestant-europe", score="5.2"))
    assert validated(path) == [
        f"{path}:11:43: 'traditional_secular' is 5.2, outside the range -4.0 to 4.0 — "
        "scores on the Inglehart-Welzel map lie between about -2.5 and 3.5; "
        "check the sign and the decimal point"
    ]


def test_a_valid_country_file(write_yaml):
    assert validated(write_yaml(COUNTRY.format(zone="protestant-europe", score="1.2"))) == []


def test_unknown_zone_suggests_the_close_one(write_yaml):
    path = write_yaml(COUNTRY.format(zone="protestant-europa", score="1.2"))
    assert validated(path) == [
        f"{path}:7:11: unknown zone 'protestant-europa' — did you mean 'protestant-europe'?"
    ]


def test_country_map_year_without_a_score_row(write_yaml):
    text = COUNTRY.format(zone="null", score="1.2").replace("year: 2018}", "year: 2020}", 1)
    path = write_yaml(text.replace("    zone_source: wvs_map_image_2023\n", ""))
    assert validated(path) == [
        f"{path}:8:42: the map year 2020 has no score row — "
        "use one of the country's survey years: 2018"
    ]


METHOD = """\
kind: methods
schema_version: 1
methods:
  - id: my-method
    edition: "{edition}"
    name: My method
    description: A method of my own.
    attitudinal_behavioral: {{position: {position}, source: chart2014}}
    qual_quant: {{position: 0.5, span: [{low}, 0.9], source: {source}}}
    contexts: [{context}]
    contexts_source: chart2014
    phases: [{phase}]
    phases_sources: [chart2014]
    sources: [{source}]
"""


def method(
    edition="2014",
    position="0.2",
    low="0.1",
    source="chart2014",
    context="scripted",
    phase="execute",
):
    return METHOD.format(
        edition=edition, position=position, low=low, source=source, context=context, phase=phase
    )


def test_a_valid_method_file(write_yaml):
    assert validated(write_yaml(method())) == []


def test_method_position_out_of_range(write_yaml):
    path = write_yaml(method(position="1.5"))
    assert validated(path) == [
        f"{path}:8:40: 'position' is 1.5, outside the range -1.0 to 1.0 — "
        "positions on Rohrer's landscape run from -1 to +1 (0 is the midline)"
    ]


def test_method_span_not_containing_its_position(write_yaml):
    path = write_yaml(method(low="0.6"))
    assert validated(path) == [
        f"{path}:9:39: the span 0.6 to 0.9 does not contain the position 0.5 — "
        "write the span as [low, high] around the position"
    ]


def test_unknown_source_id_suggests_the_close_one(write_yaml):
    path = write_yaml(method(source="chart2041"))
    # Every use of the unknown id is reported where it stands.
    assert validated(path) == [
        f"{path}:9:59: unknown source id 'chart2041' — did you mean 'chart2014'?",
        f"{path}:14:15: unknown source id 'chart2041' — did you mean 'chart2014'?",
    ]


def test_unknown_source_id_without_a_close_one(write_yaml):
    path = write_yaml(method(source="zzzzzz"))
    assert validated(path)[-1] == (
        f"{path}:14:15: unknown source id 'zzzzzz' — define it in a file of kind 'sources'"
    )


def test_context_of_another_edition_is_unknown(write_yaml):
    # 'hybrid' is a context of the 2014 chart only.
    text = method(edition="2022", context="hybrid", phase="design")
    path = write_yaml(
        text.replace("    attitudinal_behavioral: {position: 0.2, source: chart2014}\n", "")
    )
    assert validated(path) == [
        f"{path}:9:16: unknown context of use 'hybrid' — use a context id of the method's edition"
    ]
    # ... and it is known in a 2014 method.
    assert validated(write_yaml(method(context="hybrid"), name="ok.yaml")) == []


def test_phase_of_another_edition_is_unknown(write_yaml):
    path = write_yaml(method(edition="2022", context="natural", phase="execute"))
    assert validated(path) == [
        f"{path}:12:14: unknown phase 'execute' — use a phase id of the method's edition"
    ]


def test_unquoted_edition_is_accepted(write_yaml):
    path = write_yaml(method().replace('edition: "2014"', "edition: 2014"))
    assert validated(path) == []


def test_contexts_without_their_source(write_yaml):
    path = write_yaml(method().replace("    contexts_source: chart2014\n", ""))
    assert validated(path) == [
        f"{path}:4:5: 'contexts' is given without 'contexts_source' — "
        "add 'contexts_source:' naming the source of 'contexts'"
    ]


def test_from_2014_in_a_2014_method(write_yaml):
    path = write_yaml(method() + "    from_2014: [usability-lab-studies]\n")
    assert validated(path) == [
        f"{path}:15:5: 'from_2014' belongs to 2022 methods only — "
        "remove it, or set 'edition: \"2022\"'"
    ]


def test_from_2014_naming_an_unknown_method(write_yaml):
    text = method(edition="2022", context="natural", phase="design")
    path = write_yaml(text + "    from_2014: [usability-lab-study]\n")
    assert validated(path) == [
        f"{path}:15:17: unknown 2014 method id 'usability-lab-study' — "
        "did you mean 'usability-lab-studies'?"
    ]


# --- duplicate ids ---------------------------------------------------------------------------


def test_duplicate_id_in_the_same_file(write_yaml):
    path = write_yaml(
        """\
        kind: zones
        schema_version: 1
        zones:
          - id: my-zone
            name: One
            description: First.
            sources: [wvs_map_image_2023]
          - id: my-zone
            name: Two
            description: Second.
            sources: [wvs_map_image_2023]
        """
    )
    assert validated(path) == [
        f"{path}:8:9: duplicate id 'my-zone' (first at line 4) — "
        "every id must be unique; rename or remove one of them"
    ]


def test_duplicate_method_id_within_an_edition(write_yaml):
    body = method().split("methods:\n")[1]
    text = (
        method()
        + body
        + body.replace('edition: "2014"', 'edition: "2022"')
        .replace("execute", "design")
        .replace("    attitudinal_behavioral: {position: 0.2, source: chart2014}\n", "")
    )
    path = write_yaml(text)
    # Lines 4 and 15 hold the same id in edition 2014; line 26 holds it in 2022, which is fine.
    assert validated(path) == [
        f"{path}:15:9: duplicate id 'my-method' in edition 2014 (first at line 4) — "
        "every id must be unique; rename or remove one of them"
    ]


def test_id_already_defined_by_the_builtin_knowledge(write_yaml):
    path = write_yaml(SOURCE_OK.replace("id: mysource", "id: chart2014"))
    assert validated(path) == [
        f"{path}:4:9: id 'chart2014' is already defined in the built-in knowledge — "
        "every id must be unique across files; rename this one"
    ]


def test_id_defined_in_two_given_files(write_yaml):
    first = write_yaml(SOURCE_OK, name="a.yaml")
    second = write_yaml(SOURCE_OK, name="b.yaml")
    assert [str(p) for p in validate_paths([first, second])] == [
        f"{second}:4:9: id 'mysource' is already defined in {first}:4 — "
        "every id must be unique across files; rename this one"
    ]


# --- sources ---------------------------------------------------------------------------------


def test_source_with_neither_author_nor_publisher(write_yaml):
    path = write_yaml(SOURCE_OK.replace("    author: Me\n", ""))
    assert validated(path) == [
        f"{path}:4:5: the source names neither an author nor a publisher — "
        "add 'author:' or 'publisher:' (the site or organisation that published it)"
    ]


def test_source_with_repo_but_no_commit(write_yaml):
    path = write_yaml(
        SOURCE_OK.replace(
            "    url: https://example.org/x\n", "    repo: owner/name\n    path: a/b.png\n"
        )
    )
    assert validated(path) == [
        f"{path}:4:5: a repository citation needs repo, path and commit together — "
        "add commit, or use 'url:' or 'locator:' instead"
    ]


def test_source_that_says_nowhere_where_it_is(write_yaml):
    path = write_yaml(SOURCE_OK.replace("    url: https://example.org/x\n", ""))
    assert validated(path) == [
        f"{path}:4:5: the source says nowhere where it can be found — "
        "add 'url:', or 'repo:' + 'path:' + 'commit:', or a 'locator:'"
    ]


def test_source_with_bad_commit_and_url(write_yaml):
    path = write_yaml(
        SOURCE_OK.replace("https://example.org/x", "example.org")
        + "    repo: owner/name\n    path: a.png\n    commit: abc123\n"
    )
    assert validated(path) == [
        f"{path}:7:10: 'example.org' is not a valid url — write a full http(s):// address",
        f"{path}:11:13: 'abc123' is not a valid commit — write the full 40-character commit hash",
    ]


# --- notes and country references ------------------------------------------------------------

NOTE = """\
kind: notes
schema_version: 1
notes:
  - id: my-note
    country: {country}
    text: Our agency needs three weeks' notice.
    author: Anna
    date: 2026-11-02
"""


def test_note_country_by_id_code_or_name(write_yaml):
    for i, country in enumerate(["DEU", "deu", "Germany", "germany"]):
        path = write_yaml(NOTE.format(country=country), name=f"n{i}.yaml")
        assert validated(path) == [], country


def test_note_with_unknown_country_suggests_a_name(write_yaml):
    path = write_yaml(NOTE.format(country="Germani"))
    assert validated(path) == [f"{path}:5:14: unknown country 'Germani' — did you mean 'Germany'?"]


# --- many problems, one run ------------------------------------------------------------------


def test_every_problem_in_a_file_is_reported_in_one_run(write_yaml):
    path = write_yaml(
        """\
        kind: notes
        schema_version: 1
        notes:
          - id: Bad Id
            country: DEU
            text: hello
            author: Anna
            date: 2026-13-02
            topic: recruiting
            topic: again
          - id: second
            country: DEU
            txet: hi
            author: 42
            date: 2026-11-02
          - id: second
            country: DEU
            text: again
            author: Anna
            date: 2026-11-02
        """
    )
    assert validated(path) == [
        f"{path}:10:5: duplicate key 'topic' (first at line 9) — "
        "YAML would silently keep only the last one; remove or rename one",
        f"{path}:4:9: 'Bad Id' is not a valid id — "
        "use lower-case letters, digits and '-' or '_', such as 'card-sorting'",
        f"{path}:8:11: '2026-13-02' is not a valid date — "
        "write the date as YYYY-MM-DD, such as 2026-11-02",
        f"{path}:13:5: unknown field 'txet' — did you mean 'text'?",
        f"{path}:11:5: the required field 'text' is missing — add 'text:'",
        f"{path}:14:13: 'author' should be text, not the number 42 — "
        "see docs/knowledge-files.md for the form of this field",
        f"{path}:16:9: duplicate id 'second' (first at line 11) — "
        "every id must be unique; rename or remove one of them",
    ]


def test_problems_of_several_files_in_one_run(write_yaml, tmp_path):
    folder = tmp_path / "mine"
    good = write_yaml(SOURCE_OK, name="good.yaml", directory=folder)
    bad = write_yaml("kind: method\nschema_version: 1\n", name="bad.yml", directory=folder)
    write_yaml("not: yaml-extension", name="ignored.txt", directory=folder)
    missing = tmp_path / "missing.yaml"
    assert good.exists()
    assert [str(p) for p in validate_paths([folder, missing])] == [
        f"{bad}:1:7: 'method' is not a kind of knowledge file — did you mean 'methods'?",
        f"{missing}: the file does not exist — check the path and its spelling",
    ]


def test_directory_without_yaml_files(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    assert [str(p) for p in validate_paths([folder])] == [
        f"{folder}: the directory holds no .yaml files — "
        "name a directory of knowledge files, or the files themselves"
    ]


# --- check_files directly --------------------------------------------------------------------


def test_check_files_resolves_against_background_only_when_given(write_yaml):
    path = write_yaml(method())
    alone = check_files([check_file(path, user=True)])
    # Without a landscape file there are no phases or contexts to check against: only sources.
    assert [str(p) for p in alone.problems] == [
        f"{path}:8:53: unknown source id 'chart2014' — define it in a file of kind 'sources'",
        f"{path}:9:59: unknown source id 'chart2014' — define it in a file of kind 'sources'",
        f"{path}:11:22: unknown source id 'chart2014' — define it in a file of kind 'sources'",
        f"{path}:13:22: unknown source id 'chart2014' — define it in a file of kind 'sources'",
        f"{path}:14:15: unknown source id 'chart2014' — define it in a file of kind 'sources'",
    ]
    with_builtin = check_files([check_file(path, user=True)], builtin_background())
    assert with_builtin.problems == []
    assert len(with_builtin.files) == 1 and with_builtin.files[0].usable


def test_validating_a_builtin_file_by_itself_is_clean():
    for path in yaml_files(builtin_data_dir()):
        assert validate_paths([path]) == [], path


# --- culture notes: the applies_when condition is data, checked with a line --------------------

CULTURE_NOTE = """\
kind: culture_notes
schema_version: 1
guidance:
  - id: my-note
    topic: moderation
    applies_when: {condition}
    link_basis: {basis}
    link_note: Because.
    guidance: Do this.
    evidence: They found that.
    methods: [interviews]
    confidence: low
    sources: [chart2014]
"""


def test_a_bad_condition_is_a_problem_with_file_and_line(write_yaml):
    path = write_yaml(
        CULTURE_NOTE.format(condition="zone == Confucian and survival < 0", basis="bridged")
    )
    assert validated(path) == [
        f"{path}:6:19: the condition 'zone == Confucian and survival < 0' cannot be read: "
        "unknown axis 'survival' (at character 23) — use traditional_secular, "
        "survival_self_expression or zone"
    ]


def test_an_unknown_zone_name_in_a_condition_gets_a_suggestion(write_yaml):
    path = write_yaml(CULTURE_NOTE.format(condition="zone == Confucan", basis="source-markets"))
    assert validated(path) == [
        f"{path}:6:19: unknown zone name 'Confucan' — did you mean 'Confucian'?"
    ]


def test_always_goes_with_link_basis_none(write_yaml):
    path = write_yaml(CULTURE_NOTE.format(condition="always", basis="bridged"))
    assert validated(path) == [
        f"{path}:7:17: link_basis 'bridged' does not fit the condition 'always' — use "
        "link_basis 'none' exactly when applies_when is 'always'"
    ]
