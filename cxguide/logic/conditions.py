"""The little language of a culture note's ``applies_when``: parse it, and judge it for a country.

A condition is data, never code: it is tokenised and parsed here by hand (never ``eval``), so
any text gives either a ``Condition`` or a ``ConditionError`` saying where and what is wrong.

    condition := "always" | clause ("and" clause)* | clause ("or" clause)*
    clause    := AXIS ("<" | ">") NUMBER | "zone" "==" ZONE | "zone" "in" "[" ZONE ("," ZONE)* "]"
    AXIS      := traditional_secular | survival_self_expression

"and" and "or" cannot be mixed in one condition (there are no brackets to say which binds
first). Zone names are checked against the zones cxguide knows by the knowledge loader.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from cxguide.i18n import N_, _

Axis = Literal["traditional_secular", "survival_self_expression"]
AXES: tuple[Axis, ...] = ("traditional_secular", "survival_self_expression")
AXIS_WORDS = {
    "traditional_secular": N_("traditional–secular-rational"),
    "survival_self_expression": N_("survival–self-expression"),
}


@dataclass(frozen=True, slots=True)
class AxisClause:
    """The country's score on ``axis`` is below (``<``) or above (``>``) ``value``."""

    axis: Axis
    op: Literal["<", ">"]
    value: float


@dataclass(frozen=True, slots=True)
class ZoneClause:
    """The country's cultural zone is one of ``zones`` (zone names, as written)."""

    zones: tuple[str, ...]


Clause = AxisClause | ZoneClause


@dataclass(frozen=True, slots=True)
class Condition:
    """A parsed ``applies_when``: always, or clauses joined by one of "and" / "or"."""

    clauses: tuple[Clause, ...] = ()
    join: Literal["and", "or"] = "and"

    @property
    def always(self) -> bool:
        return not self.clauses

    @property
    def zone_names(self) -> tuple[str, ...]:
        """Every zone name the condition mentions, in order."""
        return tuple(z for c in self.clauses if isinstance(c, ZoneClause) for z in c.zones)


@dataclass(frozen=True, slots=True)
class ConditionError:
    """Why a condition text cannot be read: ``offset`` is the character it goes wrong at."""

    message: str
    hint: str
    offset: int


_TOKEN = re.compile(
    r"\s*(?:(?P<number>[-+\u2212]?(?:\d+(?:\.\d*)?|\.\d+))"
    r"|(?P<op>==|<|>|\[|\]|,)"
    r"|(?P<word>[^\s<>=\[\],]+))"
)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: Literal["number", "op", "word", "end"]
    text: str
    offset: int


def _tokens(text: str) -> list[_Token] | ConditionError:
    tokens: list[_Token] = []
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            tokens.append(_Token("end", "", len(text)))
            return tokens
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            return ConditionError(
                _("unexpected character '{char}'").format(char=text[position]),
                _("write a condition such as 'zone == Confucian' or 'traditional_secular < 0'"),
                position,
            )
        kind = cast(Literal["number", "op", "word"], match.lastgroup)
        tokens.append(_Token(kind, match.group(kind), match.start(kind)))
        position = match.end()


class _Parser:
    """Recursive descent over the token list; every failure becomes a ``ConditionError``."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.index = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def at_end(self) -> bool:
        return self.token.kind == "end"

    def advance(self) -> _Token:
        token = self.token
        if token.kind != "end":
            self.index += 1
        return token

    def fail(self, message: str, hint: str, token: _Token | None = None) -> ConditionError:
        return ConditionError(message, hint, (token or self.token).offset)

    def found(self, token: _Token | None = None) -> str:
        token = token or self.token
        return _("the end") if token.kind == "end" else f"'{token.text}'"

    def condition(self) -> Condition | ConditionError:
        if self.token.kind == "word" and self.token.text == "always":
            self.advance()
            if not self.at_end():
                return self.fail(
                    _("'always' stands alone, but {found} follows it").format(found=self.found()),
                    _("write only 'always', or only clauses"),
                )
            return Condition()
        clauses: list[Clause] = []
        join: str | None = None
        while True:
            clause = self.clause()
            if isinstance(clause, ConditionError):
                return clause
            clauses.append(clause)
            if self.token.kind == "end":
                return Condition(tuple(clauses), "or" if join == "or" else "and")
            word = self.token
            if word.kind != "word" or word.text not in ("and", "or"):
                return self.fail(
                    _("expected 'and', 'or' or the end, not {found}").format(found=self.found()),
                    _("join clauses with 'and' or with 'or'"),
                )
            if join is not None and word.text != join:
                return self.fail(
                    _("'and' and 'or' are mixed in one condition"),
                    _("use only 'and' or only 'or'; write two notes if you need both"),
                )
            join = word.text
            self.advance()

    def clause(self) -> Clause | ConditionError:
        start = self.token
        if start.kind != "word":
            return self.fail(
                _("expected an axis or 'zone', not {found}").format(found=self.found()),
                _("start a clause with traditional_secular, survival_self_expression or zone"),
            )
        if start.text == "zone":
            self.advance()
            return self.zone_clause()
        if start.text in AXES:
            self.advance()
            return self.axis_clause(start.text)
        from cxguide.knowledge.schema import did_you_mean

        return self.fail(
            _("unknown axis '{word}'").format(word=start.text),
            did_you_mean(
                start.text,
                [*AXES, "zone", "always"],
                _("use traditional_secular, survival_self_expression or zone"),
            ),
        )

    def axis_clause(self, axis: str) -> Clause | ConditionError:
        op = self.token
        if op.kind != "op" or op.text not in ("<", ">"):
            return self.fail(
                _("expected '<' or '>' after the axis, not {found}").format(found=self.found()),
                _("write, for example, '{axis} < 0'").format(axis=axis),
            )
        self.advance()
        number = self.token
        if number.kind != "number":
            return self.fail(
                _("expected a number, not {found}").format(found=self.found()),
                _("write a number such as 0 or -0.5"),
            )
        self.advance()
        value = float(number.text.replace("\u2212", "-"))
        if not math.isfinite(value):
            return self.fail(_("the number is too large"), _("write a number such as 0"), number)
        return AxisClause(axis, op.text, value)  # type: ignore[arg-type]

    def zone_clause(self) -> Clause | ConditionError:
        op = self.token
        if op.kind == "op" and op.text == "==":
            self.advance()
            name = self.zone_name(stop=("and", "or"))
            return name if isinstance(name, ConditionError) else ZoneClause((name,))
        if op.kind == "word" and op.text == "in":
            self.advance()
            if not (self.token.kind == "op" and self.token.text == "["):
                return self.fail(
                    _("expected '[' after 'zone in', not {found}").format(found=self.found()),
                    _("write 'zone in [Confucian, Latin America]'"),
                )
            self.advance()
            names: list[str] = []
            while True:
                name = self.zone_name(stop=())
                if isinstance(name, ConditionError):
                    return name
                names.append(name)
                if self.token.kind == "op" and self.token.text == ",":
                    self.advance()
                    continue
                if self.token.kind == "op" and self.token.text == "]":
                    self.advance()
                    return ZoneClause(tuple(names))
                return self.fail(
                    _("expected ',' or ']' in the zone list, not {found}").format(
                        found=self.found()
                    ),
                    _("separate zone names with commas and close the list with ']'"),
                )
        return self.fail(
            _("expected '==' or 'in' after 'zone', not {found}").format(found=self.found()),
            _("write 'zone == Confucian' or 'zone in [Confucian, Latin America]'"),
        )

    def zone_name(self, stop: Sequence[str]) -> str | ConditionError:
        """One zone name: consecutive words (names have spaces and '&'), up to a stop word."""
        words: list[str] = []
        while self.token.kind == "word" and not (words and self.token.text in stop):
            words.append(self.advance().text)
        if not words:
            return self.fail(
                _("expected a zone name, not {found}").format(found=self.found()),
                _("write a zone name such as Confucian or Latin America"),
            )
        return " ".join(words)


def parse_condition(text: str) -> Condition | ConditionError:
    """Parse ``text``; never raises. Case and spacing of keywords follow the grammar exactly."""
    tokens = _tokens(text)
    if isinstance(tokens, ConditionError):
        return tokens
    if tokens[0].kind == "end":
        return ConditionError(
            _("the condition is empty"),
            _("write 'always' or a condition such as 'zone == Confucian'"),
            0,
        )
    return _Parser(tokens).condition()


@dataclass(frozen=True, slots=True)
class Judgement:
    """Whether a condition holds for one country, and the plain-words reason why (or why not).

    ``applies`` is None when the country lacks the data the condition needs (no map point or
    no zone): the note is then shown as "may apply" with the reason, never silently dropped.
    """

    applies: bool | None
    reasons: tuple[str, ...]


def _axis_text(clause: AxisClause, score: float) -> tuple[bool, str]:
    holds = score < clause.value if clause.op == "<" else score > clause.value
    side = (
        (_("below {value}") if holds else _("not below {value}"))
        if clause.op == "<"
        else (_("above {value}") if holds else _("not above {value}"))
    ).format(value=_number(clause.value))
    return holds, _("{axis} is {score}, {side}").format(
        axis=_(AXIS_WORDS[clause.axis]), score=_number(score), side=side
    )


def _number(value: float) -> str:
    """A score as people read it: two decimals (whole numbers bare), a true minus sign."""
    text = str(int(value)) if value == int(value) and abs(value) < 1e15 else f"{value:.2f}"
    if text.lstrip("-") in ("0", "0.00"):
        return text.lstrip("-")
    return "\u2212" + text[1:] if text.startswith("-") else text


def judge(
    condition: Condition,
    scores: dict[str, float] | None,
    zone_name: str | None,
    zone_label: str | None = None,
) -> Judgement:
    """Judge ``condition`` for a country with map ``scores`` (axis -> score) and zone name.

    Zone names compare case-insensitively with ``zone_name`` (the English name, as conditions
    are written); the reasons show ``zone_label`` (the name in the reader's language) if given.
    Pure: the caller picks the map point (the same one the culture map draws) and says in its
    own words which year it comes from.
    """
    if condition.always:
        return Judgement(True, (_("applies in every market"),))
    verdicts: list[bool | None] = []
    texts: list[str] = []
    for clause in condition.clauses:
        if isinstance(clause, AxisClause):
            score = None if scores is None else scores.get(clause.axis)
            if score is None:
                verdicts.append(None)
                texts.append(
                    _("{axis} is unknown for this country").format(axis=_(AXIS_WORDS[clause.axis]))
                )
                continue
            holds, text = _axis_text(clause, score)
        else:
            if zone_name is None:
                verdicts.append(None)
                texts.append(_("this country's cultural zone is unknown"))
                continue
            wanted = {z.casefold() for z in clause.zones}
            holds = zone_name.casefold() in wanted
            listed = ", ".join(clause.zones)
            shown = zone_label or zone_name
            text = (
                _("the zone is {zone}").format(zone=shown)
                if holds and len(clause.zones) == 1
                else _("the zone is {zone}, one of {zones}").format(zone=shown, zones=listed)
                if holds
                else _("the zone is {zone}, not {zones}").format(zone=shown, zones=listed)
            )
        verdicts.append(holds)
        texts.append(text)
    applies = _combine(verdicts, condition.join)
    if applies is True and condition.join == "or":
        texts = [t for t, v in zip(texts, verdicts, strict=True) if v]
    elif applies is False and condition.join == "and":
        texts = [t for t, v in zip(texts, verdicts, strict=True) if v is False]
    return Judgement(applies, tuple(texts))


def _combine(verdicts: Sequence[bool | None], join: str) -> bool | None:
    """Three-valued and/or: unknown only when the known clauses cannot decide it."""
    if join == "and":
        if False in verdicts:
            return False
        return None if None in verdicts else True
    if True in verdicts:
        return True
    return None if None in verdicts else False
