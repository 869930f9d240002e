"""A session saved without a name reads as unnamed in whichever language the app speaks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cxguide.i18n import set_language
from cxguide.tui.workshop import shown_name


@pytest.fixture
def russian() -> Iterator[None]:
    set_language("ru")
    yield
    set_language("en")


def test_default_names_follow_the_language(russian: None) -> None:
    assert shown_name("Unnamed session") == "Сессия без названия"
    assert shown_name("Сессия без названия") == "Сессия без названия"
    assert shown_name("Acme workshop") == "Acme workshop"


def test_english_shows_the_english_default() -> None:
    assert shown_name("Сессия без названия") == "Unnamed session"
