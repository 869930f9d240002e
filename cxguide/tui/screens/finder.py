"""The method finder: six steps of questions, and the ranking that follows every answer.

The screen keeps the answers (an ``Answers``), asks ``rank()`` for a new ``Ranking`` whenever
one changes (bursts of changes become one ranking), and hands that ranking to the table, the
chart, the reasons and the plan; none of them scores anything. Answers stay as they are when
moving between steps, switching edition, or going to another area and back.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, ContentSwitcher, DataTable, Header, Static

from cxguide.i18n import N_, _, ngettext
from cxguide.knowledge.models import Edition, Knowledge, Method
from cxguide.logic.geo_notes import topic_label
from cxguide.logic.landscape_points import axis_titles, pole_answers
from cxguide.logic.ranking import (
    HAVE_VALUES,
    TIME_VALUES,
    Answers,
    RankedMethod,
    Ranking,
    answer_label,
    choice_label,
    rank,
)
from cxguide.tui.screens.base import AreaScreen
from cxguide.tui.widgets.country_picker import country_label
from cxguide.tui.widgets.info import InfoText, Page
from cxguide.tui.widgets.key_bar import KeyBar
from cxguide.tui.widgets.landscape_chart import LandscapeChart
from cxguide.tui.widgets.question_step import (
    AnswerValue,
    Choice,
    ChoiceGroup,
    QuestionStep,
    StepSpec,
)
from cxguide.tui.widgets.ranking_table import RankingTable, top_picks
from cxguide.tui.widgets.reasons_pane import ReasonsPane

View = Literal["list", "chart"]
EDITIONS: tuple[Edition, ...] = ("2014", "2022")
PLAN_STEP = "plan"
# The 2014 phase answers, as the 2022 edition names its phases.
PHASES_2022 = {"strategize": "strategize", "execute": "design", "assess": "launch_assess"}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _dont_know() -> Choice:
    return Choice(None, _("Don't know / no preference"))


def phase_labels(knowledge: Knowledge, edition: Edition) -> list[str]:
    """'Don't know', then each phase of ``edition`` with its goal, in answer order."""
    phases = {p.id: p for p in knowledge.landscape.phases if p.edition == edition}
    labels = [_dont_know().label]
    for answer in ("strategize", "execute", "assess"):
        phase = phases.get(answer if edition == "2014" else PHASES_2022[answer])
        labels.append(
            f"{phase.name} — {phase.goal}" if phase else _capital(choice_label("phase", answer))
        )
    return labels


def market_choices(knowledge: Knowledge) -> tuple[Choice, ...]:
    """'No particular country', then every country of the map by name."""
    countries = sorted(knowledge.countries, key=lambda c: c.name.casefold())
    return (
        Choice(None, _("No particular country")),
        *(Choice(c.id, country_label(c)) for c in countries),
    )


def step_specs(knowledge: Knowledge, edition: Edition) -> tuple[StepSpec, ...]:
    """The words of the six steps."""
    say, do = pole_answers(knowledge, "attitudinal_behavioral")
    why, how_many = pole_answers(knowledge, "qual_quant")
    phases = phase_labels(knowledge, edition)
    return (
        StepSpec(
            "learn",
            _("Learn"),
            _("What do you need to learn?"),
            _(
                "Do you need people's opinions and wishes, or to see what they actually do? The "
                "two often differ."
            ),
            _(
                "'Would people pay for this?' is what they say; 'Where do people give up at "
                "checkout?' is what they do."
            ),
            (
                ChoiceGroup(
                    "learn",
                    "",
                    (
                        _dont_know(),
                        Choice("say", say),
                        Choice("do", do),
                        Choice("both", _("Both")),
                    ),
                ),
            ),
        ),
        StepSpec(
            "question",
            _("Question"),
            _("What is your question?"),
            _(
                "Why something happens and how to fix it (watch or listen to a few people), or "
                "how many and how much (measure many people through a tool)."
            ),
            _(
                "'Why do people miss the search box?' asks why; 'How many people use search "
                "each week?' asks how many."
            ),
            (
                ChoiceGroup(
                    "question",
                    "",
                    (
                        _dont_know(),
                        Choice("why", why),
                        Choice("how_many", how_many),
                        Choice("both", _("Both")),
                    ),
                ),
            ),
        ),
        StepSpec(
            "context",
            _("Context"),
            _("What can you offer people during the study?"),
            _(
                "How people meet the product while you study them: as they normally would, "
                "doing tasks you set, or not at all."
            ),
            _(
                "Watching people use the live app at home is natural use; asking them to book "
                "a ticket in a test session is scripted use."
            ),
            (
                ChoiceGroup(
                    "context",
                    "",
                    (
                        _dont_know(),
                        Choice("natural", _("Natural use of the product")),
                        Choice("scripted", _("Scripted use, e.g. a task in a lab")),
                        Choice("none", _("No product yet, or not using it")),
                        Choice("mixed", _("A mix, or limited use of the product")),
                    ),
                ),
            ),
        ),
        StepSpec(
            "phase",
            _("Phase"),
            _("Where is your product in its life?"),
            _(
                "The phase decides what research is for: finding new directions, improving a "
                "design, or measuring how the product performs."
            ),
            _(
                "A team deciding whether to build a new service is strategizing; a team "
                "polishing its sign-up form is improving a design."
            ),
            (
                ChoiceGroup(
                    "phase",
                    "",
                    tuple(
                        Choice(value, label)
                        for value, label in zip(
                            (None, "strategize", "execute", "assess"), phases, strict=True
                        )
                    ),
                ),
            ),
        ),
        StepSpec(
            "limits",
            _("Limits"),
            _("What are your practical limits?"),
            _(
                "What you can really run: where, in how much time, with what in hand, with how "
                "many people, and in which country. A limit can rule a method out."
            ),
            _(
                "A team with a paper concept and no travel budget: remote only, a few days, a "
                "concept, 5 people, in Nigeria."
            ),
            (
                ChoiceGroup(
                    "remote_only",
                    _("Must the study be remote?"),
                    (
                        _dont_know(),
                        Choice(True, _("Yes, remote only")),
                        Choice(False, _("No, we can meet people in person")),
                    ),
                ),
                ChoiceGroup(
                    "time",
                    _("How much time do you have?"),
                    (
                        _dont_know(),
                        *(Choice(v, _capital(choice_label("time", v))) for v in TIME_VALUES),
                    ),
                ),
                ChoiceGroup(
                    "have",
                    _("What do you have to show people?"),
                    (
                        _dont_know(),
                        *(Choice(v, _capital(choice_label("have", v))) for v in HAVE_VALUES),
                    ),
                ),
                ChoiceGroup(
                    "participants",
                    _("How many participants can you reach?"),
                    hint=_("Type a number, or leave it empty if you don't know."),
                ),
                ChoiceGroup(
                    "country",
                    _("Which country is the research for (the target market)?"),
                    market_choices(knowledge),
                    hint=_(
                        "Enter opens the list; type a name to jump to it. Cited notes on "
                        "research there are added to the reasons of the methods they concern."
                    ),
                    menu=True,
                ),
            ),
        ),
        StepSpec(
            PLAN_STEP,
            _("Plan"),
            _("Your plan"),
            _(
                "Methods that work well together: one for each end of the chart you asked "
                "for, so together they answer your whole question."
            ),
            "",
        ),
    )


def plan_page(ranking: Ranking) -> Page:
    """The plan picks with their reasons, or how to get a plan; then the answers given."""
    page = Page()
    if ranking.plan:
        for pick in ranking.plan:
            page.field(pick.method.name, _("covers {covers}").format(covers=pick.covers))
            page.text(pick.reason, dim=True, indent=2)
            for reason in pick.culture:
                page.text(
                    _("{country}: {advice} ({fact})").format(
                        country=ranking.country.name if ranking.country else "",
                        advice=reason.text,
                        fact=reason.fact,
                    ),
                    dim=True,
                    indent=2,
                )
    else:
        page.text(
            _(
                "A plan appears when you answer 'Both' in step 1 (say and do) or in step 2 "
                "(why and how many): it then proposes one method for each end."
            )
        )
    if ranking.plan_note:
        page.blank()
        page.text(ranking.plan_note)
    picks = top_picks(ranking)
    if picks:
        page.heading(_("Your best fits so far"))
        for item in picks:
            page.bullet(f"{item.rank}. {item.method.name}")
    add_country_notes(page, ranking)
    page.heading(_("Your answers"))
    answers = ranking.answers
    for field in dataclasses.fields(answers):
        value = getattr(answers, field.name)
        text = str(value) if field.name == "participants" and value else None
        if field.name == "country" and ranking.country is not None:
            text = country_label(ranking.country)
        page.field(answer_label(field.name), text or choice_label(field.name, value))
    page.field(_("Edition"), ranking.edition)
    return page


def add_country_notes(page: Page, ranking: Ranking) -> Page:
    """The target market's cited notes that concern every method, each once, with why."""
    country = ranking.country
    if country is None:
        return page
    page.heading(_("Notes for research in {country}").format(country=country.name))
    if not ranking.country_notes:
        page.text(_("No cited note about every method applies there."), dim=True)
    for applied in ranking.country_notes:
        page.bullet(
            _("{topic}: {advice}").format(
                topic=topic_label(applied.note.topic), advice=applied.title
            )
        )
        page.text(applied.because, dim=True, indent=2)
        page.text(
            _("Sources: {ids}").format(ids=", ".join(applied.note.sources)), dim=True, indent=2
        )
    page.text(
        _(
            "Notes about some methods only are among those methods' reasons. The Notes area "
            "(key 3) has every note on {country} in full."
        ).format(country=country.name),
        dim=True,
    )
    return page


def country_notes_pointer(ranking: Ranking) -> str:
    """A line under every method's reasons: where the notes about every method are."""
    if ranking.country is None or not ranking.country_notes:
        return ""
    return ngettext(
        "Also for research in {country}: {count} cited note about every method, in step 6 (Plan).",
        "Also for research in {country}: {count} cited notes about every method, in step 6 (Plan).",
        len(ranking.country_notes),
    ).format(country=ranking.country.name, count=len(ranking.country_notes))


class ConfirmReset(ModalScreen[bool]):
    """Ask before clearing every answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", N_("Yes, clear"), show=True, id="reset.yes"),
        Binding("n,escape", "answer(False)", N_("No, keep"), show=True, id="reset.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="reset-dialog"):
            yield Static(_("Clear every answer and start again?"), markup=False)
            yield Static(
                _("Every method goes back to a score of 0; the edition stays as it is."),
                classes="listing-note",
                markup=False,
            )
            with Horizontal(id="reset-buttons"):
                yield Button(_("Yes, clear (y)"), variant="warning", id="reset-yes")
                yield Button(_("No, keep them (n)"), id="reset-no")
        yield KeyBar(classes="-modal")

    def on_mount(self) -> None:
        self.query_one("#reset-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "reset-yes")

    def action_answer(self, clear: bool) -> None:
        self.dismiss(clear)


class FinderScreen(AreaScreen):
    """Questions on one side, the live ranking (table or chart) and its reasons on the other."""

    class AnswersChanged(Message):
        """The answers or the edition changed (for example, to save a session)."""

        def __init__(self, answers: Answers, edition: Edition) -> None:
            super().__init__()
            self.answers = answers
            self.edition = edition

    AUTO_FOCUS = "#step-learn ChoiceSet"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n,right_square_bracket",
            "next_step",
            N_("Next step"),
            show=True,
            priority=True,
            id="finder.next",
        ),
        Binding(
            "p,left_square_bracket",
            "previous_step",
            N_("Back"),
            show=True,
            priority=True,
            id="finder.previous",
        ),
        # Presentation clickers send Page Down / Page Up: they move between steps too.
        Binding(
            "pagedown", "next_step", N_("Next step"), show=False, priority=True, id="finder.pgdn"
        ),
        Binding("pageup", "previous_step", N_("Back"), show=False, priority=True, id="finder.pgup"),
        Binding(
            "e", "switch_edition", N_("Edition"), show=True, priority=True, id="finder.edition"
        ),
        Binding("c", "toggle_view", N_("Chart/list"), show=True, priority=True, id="finder.view"),
        Binding("r", "reset", N_("Reset"), show=True, priority=True, id="finder.reset"),
    ]

    def __init__(self) -> None:
        super().__init__(_("Method finder"))
        self.answers = Answers()
        """The answers given so far."""
        self.edition: Edition = "2014"
        self.step = 0
        """The index of the step shown (0 to 5)."""
        self.view: View = "list"
        self.ranking: Ranking = rank(self.knowledge, self.answers, self.edition)
        """The ranking shown: always ``rank(knowledge, answers, edition)``."""
        self._specs = step_specs(self.knowledge, self.edition)
        self._highlighted: str | None = None
        self._pinned = False
        self._rank_pending = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="finder"):
            with Vertical(id="questions"):
                yield Static("", id="step-trail")
                with ContentSwitcher(id="steps", initial="step-learn"):
                    for spec in self._specs:
                        if spec.id == PLAN_STEP:
                            with VerticalScroll(id=f"step-{spec.id}", classes="plan-step"):
                                yield Static(spec.meaning, markup=False)
                                yield InfoText(id="plan-text")
                        else:
                            yield QuestionStep(spec, id=f"step-{spec.id}")
            with Vertical(id="ranking"):
                yield Static("", id="edition-note", markup=False)
                yield RankingTable(id="ranking-table")
                yield LandscapeChart(titles=axis_titles(self.knowledge), id="ranking-chart")
            yield ReasonsPane(id="reasons")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_step()
        self._show_edition()
        self._apply_rank()

    # ------------------------------------------------------------------ ranking

    def _request_rank(self) -> None:
        """Rank again once the messages waiting now are handled (a burst ranks once)."""
        if not self._rank_pending:
            self._rank_pending = True
            self.call_later(self._apply_rank)

    def _apply_rank(self) -> None:
        self._rank_pending = False
        self.ranking = rank(self.knowledge, self.answers, self.edition)
        ranking = self.ranking
        keep = self._highlighted if self._pinned else None
        table = self.query_one(RankingTable)
        table.border_title = _("Best fit first — {edition} edition ({count})").format(
            edition=ranking.edition, count=len(ranking.methods)
        )
        table.show_ranking(ranking, keep)
        methods = [m.method for m in ranking.methods]
        picks = [m.method.id for m in top_picks(ranking)]
        ruled_out = [m.method.id for m in ranking.methods if m.ruled_out]
        chart = self.query_one(LandscapeChart)
        chart.show(methods, highlighted=picks, dimmed=ruled_out)
        chart.border_title = _("Rohrer's landscape, {edition} edition").format(
            edition=ranking.edition
        )
        self._highlight(table.highlighted_id, force=True)
        self.query_one("#plan-text", InfoText).show(plan_page(ranking))
        self._show_trail()

    def ranked(self, method_id: str | None) -> RankedMethod | None:
        """The ranking's entry for ``method_id``."""
        return next((m for m in self.ranking.methods if m.method.id == method_id), None)

    def _highlight(self, method_id: str | None, *, force: bool = False) -> None:
        """Show the reasons of ``method_id``, with the table and the chart on it."""
        if method_id == self._highlighted and not force:
            return
        self._highlighted = method_id
        table = self.query_one(RankingTable)
        if method_id is not None and table.highlighted_id != method_id:
            table.highlight(method_id)
        chart = self.query_one(LandscapeChart)
        if method_id is not None and chart.selected != method_id:
            chart.select(method_id)
        self.query_one(ReasonsPane).show(
            self.ranked(method_id),
            len(self.ranking.methods),
            footer=country_notes_pointer(self.ranking),
        )

    @property
    def highlighted_method(self) -> Method | None:
        """The method whose reasons are shown."""
        item = self.ranked(self._highlighted)
        return item.method if item else None

    # ------------------------------------------------------------------ steps

    @property
    def steps(self) -> list[QuestionStep]:
        return list(self.query(QuestionStep))

    def _show_step(self) -> None:
        spec = self._specs[self.step]
        self.query_one("#steps", ContentSwitcher).current = f"step-{spec.id}"
        questions = self.query_one("#questions")
        questions.border_title = _("Step {number} of {count}: {question}").format(
            number=self.step + 1, count=len(self._specs), question=spec.title
        )
        self._show_trail()

    def _answered_step(self, spec: StepSpec) -> bool:
        return any(getattr(self.answers, g.field, None) is not None for g in spec.groups)

    def _show_trail(self) -> None:
        parts = []
        for index, spec in enumerate(self._specs):
            text = f" {index + 1} {spec.short}" + (" ✓ " if self._answered_step(spec) else " ")
            style = "bold $text on $primary" if index == self.step else ""
            parts.append(Content.styled(text, style).stylize(f"@click=screen.go_step({index})"))
        self.query_one("#step-trail", Static).update(Content("").join(parts))

    def go_step(self, index: int) -> None:
        """Show step ``index`` (0 to 5) and put the focus on its first answer."""
        self.step = max(0, min(index, len(self._specs) - 1))
        self._show_step()
        current = self.query_one("#steps", ContentSwitcher).visible_content
        if isinstance(current, QuestionStep):
            current.focus_first()
        elif current is not None:
            current.focus()

    def action_go_step(self, index: int) -> None:
        self.go_step(index)

    def action_next_step(self) -> None:
        """Go to the next step."""
        self.go_step(self.step + 1)

    def action_previous_step(self) -> None:
        """Go back one step."""
        self.go_step(self.step - 1)

    @on(QuestionStep.Answered)
    def _answered(self, event: QuestionStep.Answered) -> None:
        self.set_answer(event.field, event.value)

    def set_answer(self, field: str, value: AnswerValue) -> None:
        """Change one answer (the step follows); the ranking follows soon after."""
        if field == "participants" and isinstance(value, int) and value < 1:
            value = None
        changes: dict[str, Any] = {field: value}
        answers = dataclasses.replace(self.answers, **changes)
        for step in self.steps:
            if any(g.field == field for g in step.spec.groups) and step.value_of(field) != value:
                step.show_value(field, value)
        if answers != self.answers:
            self.answers = answers
            self._request_rank()
            self._answers_changed()

    def _answers_changed(self) -> None:
        self.post_message(self.AnswersChanged(self.answers, self.edition))

    def load_answers(self, answers: Answers, edition: Edition) -> None:
        """Set every step from saved ``answers`` and switch to ``edition`` (resuming a session).

        A target market that is not on the map is left out.
        """
        if answers.country is not None and self.knowledge.country(answers.country) is None:
            answers = dataclasses.replace(answers, country=None)
        for step in self.steps:
            for group in step.spec.groups:
                step.show_value(group.field, getattr(answers, group.field))
        self.answers = answers
        self._pinned = False
        if edition != self.edition:
            self.edition = edition
            self._show_edition()
        self._apply_rank()
        self._answers_changed()

    # ------------------------------------------------------------------ edition, view, reset

    def _show_edition(self) -> None:
        note = ""
        step_note = ""
        if self.edition == "2022":
            note = _(
                "2022 edition: its chart positions were never measured, so steps 1 and 2 (say "
                "or do, why or how many) move nothing and the chart stays empty. Press e for "
                "2014."
            )
            step_note = _("2022 edition: this answer moves nothing (positions never measured).")
        edition_note = self.query_one("#edition-note", Static)
        edition_note.update(note)
        edition_note.set_class(bool(note), "-shown")
        for step in self.steps:
            if step.spec.id in ("learn", "question"):
                step.set_note(step_note)
            if step.spec.id == "phase":
                step.set_labels("phase", phase_labels(self.knowledge, self.edition))
        self.query_one("#questions").border_subtitle = (
            _("2022 edition: positions never measured, steps 1 and 2 move nothing")
            if self.edition == "2022"
            else _("2014 edition")
        )

    def show_edition(self, edition: Edition) -> None:
        """Rank the methods of ``edition``; the answers stay."""
        if edition != self.edition:
            self.edition = edition
            self._pinned = False
            self._show_edition()
            self._apply_rank()
            self._answers_changed()

    def action_switch_edition(self) -> None:
        """Switch between the 2014 and the 2022 edition."""
        self.show_edition("2022" if self.edition == "2014" else "2014")

    def action_toggle_view(self) -> None:
        """Show the chart in place of the list, or the list again."""
        self.view = "chart" if self.view == "list" else "list"
        ranking = self.query_one("#ranking")
        ranking.set_class(self.view == "chart", "-chart")
        if self.view == "chart":
            self.query_one(LandscapeChart).focus()
        else:
            self.query_one(RankingTable).focus()

    def action_reset(self) -> None:
        """Clear every answer, after asking."""

        def done(clear: bool | None) -> None:
            if clear:
                self.reset_answers()

        self.app.push_screen(ConfirmReset(), done)

    def reset_answers(self) -> None:
        """Every answer back to "don't know", and back to step 1."""
        for step in self.steps:
            for group in step.spec.groups:
                step.show_value(group.field, None)
        changed = self.answers != Answers()
        self.answers = Answers()
        self._pinned = False
        self._apply_rank()
        self.go_step(0)
        if changed:
            self._answers_changed()

    # ------------------------------------------------------------------ methods

    @on(DataTable.RowHighlighted, "#ranking-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(RankingTable)
        if table.has_focus:
            self._pinned = True
        self._highlight(table.highlighted_id)

    @on(DataTable.RowSelected, "#ranking-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_method(self.query_one(RankingTable).highlighted_id)

    @on(LandscapeChart.Selected)
    def _chart_selected(self, event: LandscapeChart.Selected) -> None:
        self._pinned = True
        self._highlight(event.method_id)

    @on(LandscapeChart.Opened)
    def _chart_opened(self, event: LandscapeChart.Opened) -> None:
        self._highlight(event.method_id)
        self.open_method(event.method_id)

    def open_method(self, method_id: str | None) -> None:
        """Open the full view of ``method_id`` over the finder."""
        from cxguide.tui.screens.method_view import MethodViewScreen

        item = self.ranked(method_id)
        if item is None:
            return
        self.app.push_screen(
            MethodViewScreen(self.knowledge, item.method, item, len(self.ranking.methods))
        )

    @property
    def pinned_method(self) -> str | None:
        """The method the user highlighted (in the table or on the chart), if any."""
        return self._highlighted if self._pinned else None

    def show_method(self, method_id: str, edition: Edition) -> bool:
        """Switch to ``edition`` and highlight the method; False when it is not there."""
        self.show_edition(edition)
        if self.ranked(method_id) is None:
            return False
        self._pinned = True
        self._highlight(method_id)
        return True
