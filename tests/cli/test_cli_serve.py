"""`cxguide serve`: arguments, the warning for other hosts, addresses that cannot be used.

No browser here: the server is replaced by a stand-in, except in the last tests, which start the
real server in a subprocess and read its page over HTTP (tests/browser has the browser test).
"""

from __future__ import annotations

import errno
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cxguide import cli_serve

from .conftest import Run

pytestmark = pytest.mark.usefixtures("user_dir")


@dataclass
class FakeServer:
    """Stands in for textual-serve's server: records what it was given, serves nothing."""

    command: str
    host: str
    port: int
    error: BaseException | None = None
    served: list[bool] = field(default_factory=list)

    def serve(self) -> None:
        self.served.append(True)
        if self.error is not None:
            raise self.error


@pytest.fixture
def servers(monkeypatch: pytest.MonkeyPatch) -> list[FakeServer]:
    """Every server `serve` makes, as FakeServers that return at once."""
    made: list[FakeServer] = []

    def make(command: str, host: str, port: int) -> FakeServer:
        made.append(FakeServer(command, host, port))
        return made[-1]

    monkeypatch.setattr(cli_serve, "_make_server", make)
    return made


def _free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port on 127.0.0.1 that another program is listening on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", 0))
        other.listen(1)
        yield other.getsockname()[1]


# --- arguments ---------------------------------------------------------------------------------


def test_main_help_lists_serve(cli: Run) -> None:
    out = cli("--help").out
    assert re.search(r"^\s+serve\s+\S", out, re.MULTILINE), out


def test_serve_help(cli: Run) -> None:
    result = cli("serve", "--help")
    assert result.code == 0
    assert result.out.startswith("usage: cxguide serve ")
    assert "--host HOST" in result.out
    assert "--port PORT" in result.out
    flat = " ".join(result.out.split())
    assert "127.0.0.1" in flat
    assert "8000" in flat
    assert "no login" in flat


def test_defaults_are_this_computer_port_8000(cli: Run, servers: list[FakeServer]) -> None:
    # The default port may be busy on the machine running the tests: look at the parse only.
    from cxguide.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    port = _free_port()
    result = cli("serve", "--port", str(port))
    assert result.code == 0, result.err
    assert len(servers) == 1
    assert (servers[0].host, servers[0].port, servers[0].served) == ("127.0.0.1", port, [True])
    assert "warning" not in result.err
    assert "stopped" in result.err


@pytest.mark.parametrize("port", ["0", "65536", "-1", "eighty", "80.5", ""])
def test_bad_port_is_a_usage_error(cli: Run, servers: list[FakeServer], port: str) -> None:
    result = cli("serve", "--port", port)
    assert result.code == 2
    assert "--port" in result.err
    assert "1 to 65535" in result.err
    assert "Traceback" not in result.err
    assert servers == []


def test_empty_host_is_a_usage_error(cli: Run, servers: list[FakeServer]) -> None:
    result = cli("serve", "--host", " ")
    assert result.code == 2
    assert "host is empty" in result.err
    assert servers == []


# --- the command the page runs -----------------------------------------------------------------


def test_the_app_runs_with_this_python(cli: Run, servers: list[FakeServer]) -> None:
    assert cli("serve", "--port", str(_free_port())).code == 0
    assert shlex.split(servers[0].command) == [sys.executable, "-m", "cxguide"]


def test_data_dir_is_passed_on_absolute_and_quoted(
    cli: Run, servers: list[FakeServer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my notes").mkdir()
    result = cli("--data-dir", "my notes", "serve", "--port", str(_free_port()))
    assert result.code == 0, result.err
    assert shlex.split(servers[0].command) == [
        sys.executable,
        "-m",
        "cxguide",
        "--data-dir",
        str(tmp_path / "my notes"),
    ]


def test_app_command_quotes_awkward_paths() -> None:
    awkward = "/tmp/it's a $dir; rm -rf ~"
    command = cli_serve.app_command(awkward)
    assert shlex.split(command)[-2:] == ["--data-dir", awkward]


# --- other hosts -------------------------------------------------------------------------------


def test_every_address_warns_that_anyone_can_use_it(cli: Run, servers: list[FakeServer]) -> None:
    port = _free_port("0.0.0.0")
    result = cli("serve", "--host", "0.0.0.0", "--port", str(port))
    assert result.code == 0, result.err
    assert servers[0].host == "0.0.0.0"
    flat = " ".join(result.err.split())
    assert "warning" in flat
    assert "0.0.0.0" in flat
    assert "Anyone" in flat
    assert "no login" in flat
    assert result.out == ""  # the warning goes to stderr only


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_this_computer_gets_no_warning(cli: Run, servers: list[FakeServer], host: str) -> None:
    result = cli("serve", "--host", host, "--port", str(_free_port()))
    assert result.code == 0, result.err
    assert "warning" not in result.err


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.0.2.7", False),
        ("", False),
        ("no such host.invalid", False),
    ],
)
def test_is_local(host: str, local: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def lookup(name: str, *args: object, **kwargs: object) -> object:
        if name and name.endswith(".invalid"):  # no DNS traffic from the tests
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    assert cli_serve.is_local(host) is local


# --- addresses that cannot be used -------------------------------------------------------------


def test_port_in_use(cli: Run, servers: list[FakeServer], taken_port: int) -> None:
    result = cli("serve", "--port", str(taken_port))
    assert result.code == 1
    assert servers == []  # stopped before starting a server
    flat = " ".join(result.err.split())
    assert f"port {taken_port} is already in use" in flat
    assert "--port" in flat
    assert "Traceback" not in result.err
    assert result.out == ""


def test_unknown_host(cli: Run, servers: list[FakeServer], monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    result = cli("serve", "--host", "projector.invalid")
    assert result.code == 1
    assert servers == []
    assert "unknown host 'projector.invalid'" in result.err
    assert "Traceback" not in result.err


def test_host_that_is_not_this_computer(cli: Run, servers: list[FakeServer]) -> None:
    # 192.0.2.0/24 is reserved for documentation: no computer has it.
    result = cli("serve", "--host", "192.0.2.7", "--port", str(_free_port()))
    assert result.code == 1
    assert servers == []
    assert "'192.0.2.7' is not an address of this computer" in result.err


def test_port_taken_after_the_check(
    cli: Run, servers: list[FakeServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server's own bind error gets the same message (the port went between check and start)."""
    made: list[FakeServer] = []

    def make(command: str, host: str, port: int) -> FakeServer:
        made.append(FakeServer(command, host, port, OSError(errno.EADDRINUSE, "in use")))
        return made[-1]

    monkeypatch.setattr(cli_serve, "_make_server", make)
    port = _free_port()
    result = cli("serve", "--port", str(port))
    assert result.code == 1
    assert f"port {port} is already in use" in " ".join(result.err.split())
    assert "Traceback" not in result.err


def test_ctrl_c_before_the_server_handles_it(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def make(command: str, host: str, port: int) -> FakeServer:
        return FakeServer(command, host, port, KeyboardInterrupt())

    monkeypatch.setattr(cli_serve, "_make_server", make)
    result = cli("serve", "--port", str(_free_port()))
    assert result.code == 0
    assert "stopped" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (socket.gaierror(socket.EAI_NONAME, "x"), "unknown host 'h'"),
        (OSError(errno.EADDRINUSE, "x"), "port 80 is already in use on h"),
        (OSError(errno.EACCES, "x"), "not allowed to listen on port 80"),
        (OSError(errno.EADDRNOTAVAIL, "x"), "'h' is not an address of this computer"),
        (OSError(errno.ENETDOWN, "Network is down"), "cannot listen on h port 80: Network is down"),
    ],
)
def test_bind_error_messages(error: OSError, expected: str) -> None:
    message = cli_serve.bind_error_message(error, "h", 80)
    assert message.startswith("cxguide serve: error: ")
    assert expected in message


# --- the real server, over HTTP ----------------------------------------------------------------


@pytest.fixture
def real_server(
    user_dir: Path, cache_dir: Path, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], int, Path]]:
    """`cxguide serve` in a subprocess (its own process group, killed at the end)."""
    port = _free_port()
    err = tmp_path / "serve.err"
    with err.open("wb") as err_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "cxguide", "serve", "--port", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err_file,
            cwd=tmp_path,
            env={
                **os.environ,
                "CXGUIDE_DATA_DIR": str(user_dir),
                "CXGUIDE_CACHE_DIR": str(cache_dir),
                "PYTHONIOENCODING": "utf-8",
            },
            start_new_session=True,
        )
    try:
        yield process, port, err
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)


def _get(url: str, host_header: str | None, process: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + 90
    request = urllib.request.Request(url, headers={"Host": host_header} if host_header else {})
    while time.monotonic() < deadline:
        assert process.poll() is None, "`cxguide serve` exited before serving"
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                body: str = response.read().decode("utf-8")
                return body
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    pytest.fail(f"no answer from {url}")


@pytest.mark.skipif(os.name != "posix", reason="skipped because it sends SIGINT (POSIX only)")
def test_real_server_page_and_ctrl_c(
    real_server: tuple[subprocess.Popen[bytes], int, Path],
) -> None:
    process, port, err = real_server
    page = _get(f"http://127.0.0.1:{port}/", None, process)
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
    assert "<div>cxguide</div>" in page  # the title, not the long command
    # A browser that came by another name (say, the computer's name on the network) is sent to
    # the websocket by that name, not by the address the server listens on.
    page = _get(f"http://127.0.0.1:{port}/", "projector.example:8123", process)
    assert 'data-session-websocket-url="ws://projector.example:8123/ws"' in page

    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    text = err.read_text(encoding="utf-8")
    assert "Traceback" not in text
    assert "stopped" in text


# --- start-up cost -----------------------------------------------------------------------------

PROBE = """
import json, sys
from cxguide.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
heavy = sorted(
    m for m in sys.modules if m.split(".")[0] in ("textual", "textual_serve", "aiohttp", "rich")
)
sys.__stdout__.write("\\nMODULES " + json.dumps([code, heavy]) + "\\n")
"""


@pytest.mark.parametrize("argv", [["serve", "--help"], ["serve", "--port", "TAKEN"]])
def test_serve_imports_textual_serve_only_to_serve(
    argv: list[str], taken_port: int, user_dir: Path, cache_dir: Path, tmp_path: Path
) -> None:
    argv = [str(taken_port) if a == "TAKEN" else a for a in argv]
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        cwd=tmp_path,
        env={**os.environ, "CXGUIDE_DATA_DIR": str(user_dir), "CXGUIDE_CACHE_DIR": str(cache_dir)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    line = next(ln for ln in completed.stdout.splitlines() if ln.startswith("MODULES "))
    code, heavy = json.loads(line.removeprefix("MODULES "))
    assert code == (0 if "--help" in argv else 1), completed.stderr
    assert heavy == []
