"""Start-up and latency benchmark for cxguide: medians, each beside a yardstick run alongside it.

Information only, never a test: timings on a shared two-core machine wobble, so every figure is
a median over several runs and is printed as a ratio to a yardstick measured in the same loop
(interleaved run by run, so a busy moment slows both). Targets from the foundation issue:
CLI at most 1.3x its yardstick, TUI at most 1.15x a bare Textual app, knowledge load under 15 ms;
from the method-finder issue: re-ranking after an answer changes well under a frame (16 ms);
from the culture-map issue: moving the selection and redrawing the map at 160x48 within a frame.

Usage: python scripts/bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cxguide.knowledge.models import Edition, Knowledge

PYTHON = sys.executable
ROOT = Path(__file__).resolve().parent.parent

YARDSTICK_CLI = [PYTHON, "-c", "import yaml, rich.console"]

_HARNESS = """
import sys
from textual.pilot import Pilot

async def ready(pilot: Pilot) -> None:
    await pilot.pause()
    pilot.app.exit()

if sys.argv[1] == "bare":
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("cxguide")

    app = Bare()
else:
    from cxguide.tui.app import CxGuideApp

    app = CxGuideApp(data_dir=sys.argv[2])
app.run(headless=True, size=(100, 30), auto_pilot=ready)
"""


def _time_command(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def side_by_side(
    ours: Sequence[str], yardstick: Sequence[str], runs: int, env: dict[str, str]
) -> tuple[float, float]:
    """Medians (seconds) of ``ours`` and ``yardstick``, run alternately ``runs`` times each."""
    _time_command(ours, env)  # warm the file cache and the bytecode
    _time_command(yardstick, env)
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(_time_command(ours, env))
        theirs.append(_time_command(yardstick, env))
    return statistics.median(mine), statistics.median(theirs)


def in_process_median(action: Callable[[], object], runs: int) -> float:
    """Median seconds of ``action`` called ``runs`` times in this process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rerank_median(knowledge: Knowledge, runs: int) -> float:
    """Median seconds of rank() as a researcher changes one answer after another.

    Each call changes one answer from the call before (cycling through every question and its
    choices, both editions), as the method finder does on each key press.
    """
    from cxguide.logic.ranking import Answers, rank

    steps: list[tuple[str, Any]] = [
        ("learn", "say"), ("question", "why"), ("context", "natural"), ("phase", "assess"),
        ("remote_only", True), ("time", "days"), ("have", "prototype"), ("participants", 8),
        ("learn", "both"), ("question", "both"), ("context", None), ("have", "nothing"),
        ("learn", "do"), ("question", "how_many"), ("remote_only", None), ("time", None),
    ]  # fmt: skip
    answers = Answers()
    sequence: list[tuple[Answers, Edition]] = []
    for index in range(runs):
        name, value = steps[index % len(steps)]
        answers = dataclasses.replace(answers, **{name: value})
        sequence.append((answers, "2014" if index % 5 else "2022"))
    times = []
    for answers, edition in sequence:
        start = time.perf_counter()
        rank(knowledge, answers, edition)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def map_move_median(knowledge: Knowledge, runs: int) -> float:
    """Median seconds of one arrow-key move on the culture map at 160x48 and the repaint.

    In a headless app, each run moves the selection one country (the map is laid out again:
    the selected country's neighbours are labelled first) and renders every line of the widget
    (``render_lines``, as Textual does for the next frame); the compositor's own work is not
    counted.
    """
    import asyncio

    from textual.app import App, ComposeResult
    from textual.geometry import Region

    from cxguide.logic.chart_grid import Direction
    from cxguide.logic.culture_map import move, titles_from
    from cxguide.tui.widgets.culture_map import CultureMap

    class MapBench(App[None]):
        def compose(self) -> ComposeResult:
            yield CultureMap(
                knowledge.countries,
                zones=knowledge.zones,
                selected="DEU",
                titles=titles_from(knowledge.value_dimensions),
            )

    directions: tuple[Direction, ...] = ("left", "down", "down", "right", "up", "left", "up")
    times: list[float] = []

    async def measure() -> None:
        app = MapBench()
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            widget = app.query_one(CultureMap)
            for index in range(runs):
                # The first direction (from this run's turn) that leads somewhere.
                turn = [directions[(index + k) % len(directions)] for k in range(4)]
                direction = next((d for d in turn if move(widget.chart, d)), turn[0])
                start = time.perf_counter()
                widget.action_move(direction)
                widget.render_lines(Region(0, 0, *widget.size))
                times.append(time.perf_counter() - start)
                await pilot.pause()

    asyncio.run(measure())
    return statistics.median(times)


def _row(label: str, mine: float, theirs: float | None, target: str) -> str:
    ratio = f"{mine / theirs:5.2f}x" if theirs else "     -"
    yard = f"{theirs * 1000:8.1f} ms" if theirs else " " * 11
    return f"{label:<44} {mine * 1000:8.1f} ms  {yard}  {ratio}   {target}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=9, help="runs per figure (default 9)")
    args = parser.parse_args(argv)
    runs = max(3, args.runs)

    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ)
        env["CXGUIDE_DATA_DIR"] = str(Path(scratch) / "user")
        env["CXGUIDE_CACHE_DIR"] = str(Path(scratch) / "cache")
        env.pop("CXGUIDE_NO_CACHE", None)
        cxguide = [PYTHON, "-m", "cxguide"]
        harness = Path(scratch) / "tui_harness.py"
        harness.write_text(_HARNESS, encoding="utf-8")

        print(f"cxguide benchmark: median of {runs} runs, yardstick run alongside")
        print(f"{'figure':<44} {'cxguide':>11}  {'yardstick':>11}  {'ratio':>6}   target")
        version = side_by_side([*cxguide, "--version"], YARDSTICK_CLI, runs, env)
        print(_row("cxguide --version  vs import yaml, rich", *version, "<= 1.3x"))
        methods = side_by_side([*cxguide, "methods", "--format", "json"], YARDSTICK_CLI, runs, env)
        print(_row("cxguide methods --format json  vs same", *methods, "<= 1.3x"))

        os.environ.update({k: env[k] for k in ("CXGUIDE_DATA_DIR", "CXGUIDE_CACHE_DIR")})
        from cxguide.knowledge import cache
        from cxguide.knowledge.loader import load_knowledge

        def cold() -> object:
            load_knowledge.cache_clear()
            os.environ[cache.ENV_NO_CACHE] = "1"
            try:
                return load_knowledge(None)
            finally:
                del os.environ[cache.ENV_NO_CACHE]

        def warm() -> object:
            load_knowledge.cache_clear()
            return load_knowledge(None)

        warm()  # fills the disk cache
        print(
            _row(
                "load + validate all knowledge (no cache)",
                in_process_median(cold, runs),
                None,
                "< 15 ms",
            )
        )
        print(
            _row(
                "load knowledge (unchanged files, cached)",
                in_process_median(warm, runs),
                None,
                "< 15 ms",
            )
        )
        rerank = rerank_median(load_knowledge(None), max(200, runs * 50))
        print(_row("re-rank after an answer changes (rank())", rerank, None, "< 16 ms (one frame)"))
        moved = map_move_median(load_knowledge(None), max(60, runs * 10))
        print(_row("culture map: move + redraw at 160x48", moved, None, "< 16 ms"))

        tui = side_by_side(
            [PYTHON, str(harness), "cxguide", env["CXGUIDE_DATA_DIR"]],
            [PYTHON, str(harness), "bare"],
            runs,
            env,
        )
        print(_row("TUI start to first screen  vs bare Textual", *tui, "<= 1.15x"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
