"""``cxguide serve`` end to end: a real server, a headless Chromium, the app's text on the page.

The page draws the terminal with xterm.js on a canvas, so the app's text is not in the DOM. The
test drives Chromium over the DevTools protocol (aiohttp's websocket client, installed with
textual-serve), finds the page's xterm.js ``Terminal`` among the page's objects
(``Runtime.queryObjects``, matched by xterm's public API: ``buffer.active.getLine``) and reads
its buffer: the characters the app drew, row by row. A screenshot and the text read are saved to
``$CXGUIDE_ARTIFACTS_DIR``, else ``artifacts/`` at the repository root.

Without Chromium on PATH (``chromium``, ``chromium-browser`` or ``google-chrome``) the test is
skipped, with the reason shown in pytest's summary.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="browser test skipped because it manages process groups (POSIX)"
)

ROOT = Path(__file__).resolve().parents[2]
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
# Generous: the machines that run this are slow and shared.
SERVER_START_TIMEOUT = 90.0  # `cxguide serve` answers HTTP
BROWSER_START_TIMEOUT = 60.0  # Chromium's DevTools endpoint is up
APP_TIMEOUT = 180.0  # the app, started for the page, has drawn its first screen
STOP_TIMEOUT = 30.0  # Ctrl+C to exit
# The first screen: the header shows the app's title and the first area, the method finder.
EXPECTED = ("cxguide", "Method finder")
# The broken file in the --data-dir given to `serve` is set aside, and the app says so: proof
# that the served app was started with that directory.
SET_ASIDE = "set aside"

FIND_TERMINAL = """
function () {
  for (const candidate of this) {
    try {
      if (candidate && typeof candidate === "object" && "buffer" in candidate
          && "cols" in candidate && typeof candidate.loadAddon === "function") {
        const active = candidate.buffer && candidate.buffer.active;
        if (active && typeof active.getLine === "function") {
          window.__cxguideTerminal = candidate;
          return true;
        }
      }
    } catch (error) {}
  }
  return false;
}
"""

READ_TERMINAL = """
(() => {
  const terminal = window.__cxguideTerminal;
  if (!terminal) return null;
  const buffer = terminal.buffer.active;
  const lines = [];
  for (let row = 0; row < buffer.length; row++) {
    const line = buffer.getLine(row);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
})()
"""


def _chromium() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "browser test skipped because no Chromium was found on PATH (looked for "
        + ", ".join(BROWSERS)
        + "); .ci/run installs Debian's chromium package"
    )


def _artifacts_dir() -> Path:
    directory = Path(os.environ.get("CXGUIDE_ARTIFACTS_DIR") or ROOT / "artifacts")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill ``process`` and everything it started (it leads its own process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def _live_group_members(group: int) -> list[int]:
    """The processes of ``group`` that are still running (Linux /proc; [] elsewhere)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group and fields[0] not in ("Z", "X"):
                members.append(int(stat.parent.name))
    return members


@dataclass
class Served:
    """A running `cxguide serve`."""

    url: str
    process: subprocess.Popen[bytes]
    out: Path
    err: Path
    timings: dict[str, float] = field(default_factory=dict)

    def output(self) -> str:
        return (
            "--- stdout ---\n"
            + self.out.read_text(encoding="utf-8", errors="replace")
            + "\n--- stderr ---\n"
            + self.err.read_text(encoding="utf-8", errors="replace")
        )


def _wait_for_http(served: Served, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            pytest.fail(
                f"`cxguide serve` exited with {served.process.returncode} before serving\n"
                + served.output()
            )
        try:
            with urllib.request.urlopen(served.url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    pytest.fail(
        f"`cxguide serve` did not answer on {served.url} in {timeout:.0f} s\n" + served.output()
    )


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """`cxguide --data-dir DIR serve --port PORT` in its own process group; killed at the end."""
    data_dir = tmp_path / "my knowledge"  # a space: the served command must quote it
    data_dir.mkdir()
    (data_dir / "broken.yaml").write_text("kind: notes\nnotes: [\n", encoding="utf-8")
    port = _free_port()
    out, err = tmp_path / "serve.out", tmp_path / "serve.err"
    started = time.monotonic()
    with out.open("wb") as out_file, err.open("wb") as err_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "cxguide", "--data-dir", str(data_dir), "serve"]
            + ["--port", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=out_file,
            stderr=err_file,
            cwd=tmp_path,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            start_new_session=True,
        )
    result = Served(f"http://127.0.0.1:{port}/", process, out, err)
    try:
        _wait_for_http(result, SERVER_START_TIMEOUT)
        result.timings["server answers HTTP"] = time.monotonic() - started
        yield result
    finally:
        _kill_group(process)


class DevTools:
    """A minimal Chrome DevTools protocol client over one page's websocket."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self._websocket = websocket
        self._next_id = 0
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self._websocket:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            waiting = self._pending.pop(data.get("id", -1), None)
            if waiting is not None and not waiting.done():
                waiting.set_result(data)
        for waiting in self._pending.values():
            if not waiting.done():
                waiting.set_exception(ConnectionError("the DevTools connection closed"))

    async def call(self, method: str, timeout: float = 60.0, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        waiting: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = waiting
        await self._websocket.send_str(
            json.dumps({"id": self._next_id, "method": method, "params": params})
        )
        answer = await asyncio.wait_for(waiting, timeout)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        result: dict[str, Any] = answer.get("result", {})
        return result

    async def evaluate(self, expression: str) -> Any:
        answer = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return answer.get("result", {}).get("value")

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.call("Browser.close", timeout=10)
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await self._reader


async def _devtools_port(profile: Path, browser: subprocess.Popen[bytes], log: Path) -> int:
    """Chromium writes the port it chose to DevToolsActivePort in its profile directory."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + BROWSER_START_TIMEOUT
    while time.monotonic() < deadline:
        if browser.poll() is not None:
            pytest.fail(
                f"Chromium exited with {browser.returncode} at start\n"
                + log.read_text(encoding="utf-8", errors="replace")[-4000:]
            )
        with contextlib.suppress(OSError, ValueError, IndexError):
            return int(marker.read_text(encoding="utf-8").splitlines()[0])
        await asyncio.sleep(0.2)
    pytest.fail(f"Chromium's DevTools did not start in {BROWSER_START_TIMEOUT:.0f} s")


@contextlib.asynccontextmanager
async def _browser_page(executable: str, workdir: Path) -> AsyncIterator[DevTools]:
    """Headless Chromium with one blank page, driven over DevTools; killed at the end."""
    profile = workdir / "chromium-profile"
    profile.mkdir()
    log = workdir / "chromium.log"
    with log.open("wb") as log_file:
        browser = subprocess.Popen(
            [
                executable,
                "--headless=new",
                "--no-sandbox",  # CI containers often run as root, where the sandbox refuses
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-networking",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                f"--user-data-dir={profile}",
                "--window-size=1280,800",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=log_file,
            start_new_session=True,
        )
    try:
        port = await _devtools_port(profile, browser, log)
        timeout = aiohttp.ClientTimeout(total=30)
        async with aiohttp.ClientSession(timeout=timeout) as http:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as response:
                targets = await response.json()
            page = next(t for t in targets if t.get("type") == "page")
            async with http.ws_connect(
                page["webSocketDebuggerUrl"], max_msg_size=0, timeout=aiohttp.ClientWSTimeout()
            ) as websocket:
                devtools = DevTools(websocket)
                try:
                    yield devtools
                finally:
                    await devtools.close()
    finally:
        _kill_group(browser)


async def _find_terminal(devtools: DevTools) -> bool:
    """Keep the page's xterm.js Terminal as window.__cxguideTerminal; False until it exists."""
    prototype = await devtools.call("Runtime.evaluate", expression="Object.prototype")
    everything = await devtools.call(
        "Runtime.queryObjects", prototypeObjectId=prototype["result"]["objectId"]
    )
    found = await devtools.call(
        "Runtime.callFunctionOn",
        functionDeclaration=FIND_TERMINAL,
        objectId=everything["objects"]["objectId"],
        returnByValue=True,
    )
    await devtools.call("Runtime.releaseObjectGroup", objectGroup="")
    return bool(found.get("result", {}).get("value"))


async def _wait_for_text(devtools: DevTools, wanted: tuple[str, ...], timeout: float) -> str:
    """The terminal's text once it holds every string in ``wanted``, else the last text read."""
    deadline = time.monotonic() + timeout
    found, text = False, ""
    while time.monotonic() < deadline:
        if not found:
            found = await _find_terminal(devtools)
        if found:
            text = await devtools.evaluate(READ_TERMINAL) or ""
            if all(w in text for w in wanted):
                return text
        await asyncio.sleep(0.5)
    return text


@pytest.fixture
def chromium() -> str:
    """The browser's executable; the test is skipped, saying why, when there is none."""
    return _chromium()


async def test_serve_shows_the_app_in_a_browser(
    chromium: str, served: Served, tmp_path: Path
) -> None:
    artifacts = _artifacts_dir()
    started = time.monotonic()
    async with _browser_page(chromium, tmp_path) as devtools:
        served.timings["browser up"] = time.monotonic() - started
        # The page asks Google Fonts for a font; a CI machine may have no internet.
        await devtools.call("Network.enable")
        await devtools.call(
            "Network.setBlockedURLs", urls=["*fonts.googleapis.com*", "*fonts.gstatic.com*"]
        )
        await devtools.call("Page.enable")
        # A projector's size; the app lays itself out for the terminal the page fits in it.
        await devtools.call(
            "Emulation.setDeviceMetricsOverride",
            width=1280,
            height=720,
            deviceScaleFactor=1,
            mobile=False,
        )
        navigated = time.monotonic()
        await devtools.call("Page.navigate", url=served.url)
        text = await _wait_for_text(devtools, (*EXPECTED, SET_ASIDE), APP_TIMEOUT)
        served.timings["page shows the app"] = time.monotonic() - navigated
        await asyncio.sleep(1)  # let the canvas catch up with the buffer before the picture
        shot = await devtools.call("Page.captureScreenshot", format="png")
        (artifacts / "serve-browser.png").write_bytes(base64.b64decode(shot["data"]))
        (artifacts / "serve-browser.txt").write_text(text + "\n", encoding="utf-8")
        for wanted in EXPECTED:
            assert wanted in text, f"{wanted!r} is not on the page; it shows:\n{text}"
        assert SET_ASIDE in text, f"the served app did not use --data-dir; the page shows:\n{text}"

        # Ctrl+C, with the tab still open, stops the server at once and cleanly.
        stopping = time.monotonic()
        served.process.send_signal(signal.SIGINT)
        while served.process.poll() is None and time.monotonic() - stopping < STOP_TIMEOUT:
            await asyncio.sleep(0.2)
        served.timings["Ctrl+C to exit"] = time.monotonic() - stopping
        if served.process.poll() is None:
            pytest.fail(
                f"`cxguide serve` ignored Ctrl+C for {STOP_TIMEOUT:.0f} s\n" + served.output()
            )
        # The page learns that the session ended.
        ended = False
        while not ended and time.monotonic() - stopping < STOP_TIMEOUT:
            ended = bool(await devtools.evaluate("document.body.classList.contains('-closed')"))
            await asyncio.sleep(0.2)

    timings = "\n".join(f"{name}: {secs:.1f} s" for name, secs in served.timings.items())
    print(timings)
    with (artifacts / "serve-browser.txt").open("a", encoding="utf-8") as notes:
        notes.write(f"\n--- timings ---\n{timings}\n")
    output = served.output()
    assert served.process.returncode == 0, output
    assert "Traceback" not in output, output
    assert "served at http://127.0.0.1:" in output, output
    assert ended, "the page did not show that the session ended"
    # The app the server started for the page has quit too.
    deadline = time.monotonic() + STOP_TIMEOUT
    while _live_group_members(served.process.pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _live_group_members(served.process.pid) == [], "processes left after Ctrl+C"
