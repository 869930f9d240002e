"""One step of the method finder: a question, what it means, an example, and the answers.

A step is described by a ``StepSpec`` (plain data: the screen writes the words); the widget shows
it and says ``QuestionStep.Answered`` whenever an answer changes. Moving through the options with
the arrow keys chooses them straight away, as radio buttons do in most programs, so the ranking
follows as you move.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, RadioButton, RadioSet, Select, Static

from cxguide.i18n import N_, _

AnswerValue = str | bool | int | None


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer to offer: the value it gives (None: don't know) and its label."""

    value: AnswerValue
    label: str


@dataclass(frozen=True, slots=True)
class ChoiceGroup:
    """One question of a step: a list of answers, or (no choices) a number to type.

    ``menu``: the answers are offered in a drop-down list (type to search in it), for long lists
    such as the countries.
    """

    field: str
    label: str
    choices: tuple[Choice, ...] = ()
    hint: str = ""
    menu: bool = False


@dataclass(frozen=True, slots=True)
class StepSpec:
    """The words of one step."""

    id: str
    short: str
    title: str
    meaning: str
    example: str
    groups: tuple[ChoiceGroup, ...] = ()


class ChoiceSet(RadioSet):
    """A RadioSet whose arrow keys choose the answer they move to."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose_next", N_("Choose"), show=True, key_display="↑↓"),
        Binding("up,left", "choose_previous", N_("Choose"), show=False),
    ]

    DEFAULT_CSS = """
    ChoiceSet {
        width: 1fr;
        border: none;
        padding: 0;
        background: transparent;
    }
    ChoiceSet:focus {
        border: none;
    }
    ChoiceSet > RadioButton {
        width: 1fr;
        background: transparent;
    }
    """

    def action_choose_next(self) -> None:
        """Move to the next answer and choose it."""
        self.action_next_button()
        self.action_toggle_button()

    def action_choose_previous(self) -> None:
        """Move to the previous answer and choose it."""
        self.action_previous_button()
        self.action_toggle_button()


class NumberInput(Input):
    """A field for a whole number that lets letters through to the keys of the screen."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and character.isdigit()


class QuestionStep(VerticalScroll):
    """One step: what the question means, an example, and one or more sets of answers.

    The question itself (``spec.title``) is for the screen to show, e.g. as a border title.
    """

    DEFAULT_CSS = """
    QuestionStep {
        height: 1fr;
        padding: 0 1;
    }
    QuestionStep .step-example, QuestionStep .step-hint {
        color: $text-muted;
    }
    QuestionStep .step-note {
        color: $text-warning;
    }
    QuestionStep .group-label {
        margin-top: 1;
        text-style: bold;
    }
    QuestionStep Input {
        width: 24;
    }
    QuestionStep Select {
        width: 40;
        max-width: 100%;
    }
    """

    class Answered(Message):
        """An answer changed: the Answers field and its new value (None: don't know)."""

        def __init__(self, step: QuestionStep, field: str, value: AnswerValue) -> None:
            super().__init__()
            self.step = step
            self.field = field
            self.value = value

        @property
        def control(self) -> QuestionStep:
            return self.step

    def __init__(self, spec: StepSpec, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.spec = spec
        self._groups = {group.field: group for group in spec.groups}

    def compose(self) -> ComposeResult:
        spec = self.spec
        yield Static(spec.meaning, classes="step-meaning", markup=False)
        if spec.example:
            yield Static(
                _("For example: {example}").format(example=spec.example),
                classes="step-example",
                markup=False,
            )
        if len(spec.groups) > 1:
            yield Static(
                _("{count} questions here: Tab moves to the next one.").format(
                    count=len(spec.groups)
                ),
                classes="step-hint",
                markup=False,
            )
        note = Static("", classes="step-note", markup=False)
        note.display = False
        yield note
        for group in spec.groups:
            if group.label:
                yield Label(group.label, classes="group-label", markup=False)
            if group.choices and group.menu:
                yield Select(
                    [(choice.label, index) for index, choice in enumerate(group.choices)],
                    value=0,
                    allow_blank=False,
                    compact=True,
                    id=f"answer-{group.field}",
                )
            elif group.choices:
                yield ChoiceSet(
                    *(
                        RadioButton(choice.label, value=index == 0)
                        for index, choice in enumerate(group.choices)
                    ),
                    id=f"answer-{group.field}",
                    compact=True,
                )
            else:
                yield NumberInput(
                    placeholder=_("don't know"),
                    restrict=r"[1-9]\d{0,4}|",
                    id=f"answer-{group.field}",
                    compact=True,
                )
            if group.hint:
                yield Static(group.hint, classes="step-hint", markup=False)

    def focus_first(self) -> None:
        """Focus the first set of answers (or the number field)."""
        for widget in self.query("ChoiceSet, Input, Select"):
            if widget.focusable:
                widget.focus()
                return
        self.focus()

    def set_note(self, text: str) -> None:
        """A warning shown under the example (hidden when empty)."""
        note = self.query_one(".step-note", Static)
        note.update(text)
        note.display = bool(text)

    def set_labels(self, field: str, labels: Sequence[str]) -> None:
        """Rename the answers of ``field`` (for example the phases of another edition)."""
        buttons = self.query_one(f"#answer-{field}", ChoiceSet).query(RadioButton)
        for button, label in zip(buttons, labels, strict=False):
            button.label = label

    def show_value(self, field: str, value: AnswerValue) -> None:
        """Show ``value`` as the answer to ``field`` (as if chosen)."""
        group = self._groups[field]
        widget: Widget = self.query_one(f"#answer-{field}")
        if isinstance(widget, Input):
            text = "" if value is None else str(value)
            if widget.value != text:
                widget.value = text
            return
        if isinstance(widget, Select):
            for index, choice in enumerate(group.choices):
                if choice.value == value and type(choice.value) is type(value):
                    if widget.value != index:
                        widget.value = index
                    return
            return
        for index, choice in enumerate(group.choices):
            if choice.value == value and type(choice.value) is type(value):
                button = list(widget.query(RadioButton))[index]
                button.value = True
                return

    def value_of(self, field: str) -> AnswerValue:
        """The answer the step shows for ``field``."""
        group = self._groups[field]
        widget: Widget = self.query_one(f"#answer-{field}")
        if isinstance(widget, Input):
            return int(widget.value) if widget.value else None
        if isinstance(widget, Select):
            chosen = widget.value
            return group.choices[chosen].value if isinstance(chosen, int) else None
        assert isinstance(widget, RadioSet)
        index = widget.pressed_index
        return group.choices[index].value if index >= 0 else None

    @on(RadioSet.Changed)
    def _chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        field = (event.radio_set.id or "").removeprefix("answer-")
        if field in self._groups:
            self.post_message(self.Answered(self, field, self.value_of(field)))

    @on(Select.Changed)
    def _picked(self, event: Select.Changed) -> None:
        event.stop()
        field = (event.select.id or "").removeprefix("answer-")
        if field in self._groups:
            self.post_message(self.Answered(self, field, self.value_of(field)))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        field = (event.input.id or "").removeprefix("answer-")
        if field in self._groups:
            self.post_message(self.Answered(self, field, self.value_of(field)))
