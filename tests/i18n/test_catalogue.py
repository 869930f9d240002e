"""The Russian catalogue has every message of the code, translated, with the same placeholders.

The messages are extracted from cxguide/ by Babel here and now (about half a second), so a
string added to the code without a translation fails this test. The fix:

    .venv/bin/python scripts/i18n.py extract    # adds the new messages, empty
    # translate them in cxguide/locale/ru/LC_MESSAGES/cxguide.po
    .venv/bin/python scripts/i18n.py check
"""

from __future__ import annotations

import gettext
from types import ModuleType
from typing import Any

import pytest

from cxguide import i18n


@pytest.fixture(scope="module")
def template(i18n_tool: ModuleType) -> Any:
    return i18n_tool.extract_template()


def test_the_code_has_messages(template: Any) -> None:
    ids = [m.id for m in template if m.id]
    assert len(ids) > 500
    assert "usage: " in ids  # argparse's own words are in the catalogue too
    assert any(isinstance(i, tuple) for i in ids)  # and ngettext's pairs


def test_russian_catalogue_is_complete_and_consistent(i18n_tool: ModuleType, template: Any) -> None:
    problems = i18n_tool.problems("ru", template)
    assert not problems, (
        "run `python scripts/i18n.py extract`, translate the empty entries, then "
        "`python scripts/i18n.py check`:\n" + "\n".join(problems[:60])
    )


def test_russian_has_three_plural_forms(i18n_tool: ModuleType) -> None:
    catalog = i18n_tool.load("ru")
    assert catalog.num_plurals == 3
    plural = gettext.c2py(catalog.plural_expr)
    assert [plural(n) for n in (1, 2, 5, 11, 21, 22, 25, 111, 0)] == [0, 1, 2, 2, 0, 1, 2, 2, 2]
    for message in catalog:
        if isinstance(message.id, tuple):
            assert len(message.string) == 3 and all(message.string), message.id


def test_the_runtime_reader_agrees_with_babel(i18n_tool: ModuleType) -> None:
    """cxguide's own .po reader gives every translation Babel's reader gives."""
    catalog = i18n_tool.load("ru")
    ours = i18n._catalogue("ru")
    assert isinstance(ours, i18n.PoTranslations)
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not message.id or message.fuzzy or not all(strings):
            continue  # left out on purpose: the English shows (the test above reports it)
        if isinstance(message.id, tuple):
            for n, form in ((1, 0), (3, 1), (7, 2)):
                got = ours.ngettext(message.id[0], message.id[1], n)
                assert got == message.string[form], message.id
        else:
            assert ours.gettext(message.id) == message.string, message.id


def test_placeholder_check_catches_mistakes(i18n_tool: ModuleType) -> None:
    places = i18n_tool.placeholders
    assert places("{a} and {b:.1f}") == ["{a}", "{b:.1f}"]
    assert places("{a} {a}") == places("{a}")  # a field may be used more or fewer times
    assert places("%(prog)s: %s %%") == ["%(prog)s", "%s"]
    assert places("{{literal}}") == []
    assert places("{a}") != places("{b}")


def test_ngettext_picks_russian_forms() -> None:
    i18n.set_language("ru")
    words = [
        i18n.ngettext("{count} problem", "{count} problems", n).format(count=n)
        for n in (1, 3, 5, 21)
    ]
    assert words == ["1 ошибка", "3 ошибки", "5 ошибок", "21 ошибка"]
