"""``cxguide serve``: the app in a web browser (for a projector), through textual-serve.

Every browser tab that opens the page gets its own copy of the app, run as
``sys.executable -m cxguide`` (with ``--data-dir`` passed on). The server listens on this
computer only unless another host is asked for; then anyone who can reach that address can use
the app, and there is no login, so a warning says so.

textual-serve (and with it Textual, aiohttp and Rich) is imported only when the server starts.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import os
import socket
import subprocess
import sys
from typing import Any

from cxguide.i18n import _

EXIT_OK, EXIT_BAD_INPUT = 0, 1
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
APP_TITLE = "cxguide"


def add_commands(commands: Any) -> None:
    """Add ``serve`` to the argparse sub-parsers action ``commands``."""
    serve = commands.add_parser(
        "serve",
        help=_("open the app in a web browser (for a projector)"),
        description=_(
            "Serve the app to a web browser: open the address it prints, and every browser "
            "tab gets its own copy of the app. Only this computer can connect unless you give "
            "another --host; then anyone who can reach that address can use the app, and there "
            "is no login. Press Ctrl+C to stop."
        ),
    )
    serve.add_argument(
        "--host",
        type=_host,
        default=DEFAULT_HOST,
        metavar="HOST",
        help=_(
            "the address to listen on (default: {host}, this computer only); "
            "0.0.0.0 means every network address of this computer"
        ).format(host=DEFAULT_HOST),
    )
    serve.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        metavar="PORT",
        help=_("the port to listen on (default: {port})").format(port=DEFAULT_PORT),
    )


def _host(text: str) -> str:
    host = text.strip()
    if not host:
        raise argparse.ArgumentTypeError(
            _("the host is empty: give a name or an address such as {host}").format(
                host=DEFAULT_HOST
            )
        )
    return host


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a port number (use a whole number from 1 to 65535)").format(
                text=text
            )
        ) from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(
            _("{value} is not a port number: use a whole number from 1 to 65535").format(
                value=value
            )
        )
    return value


def app_command(data_dir: str | None) -> str:
    """The shell command that starts one copy of the app: this Python, this cxguide."""
    argv = [sys.executable, "-m", "cxguide"]
    if data_dir:
        argv += ["--data-dir", os.path.abspath(os.path.expanduser(data_dir))]
    if os.name == "nt":
        return subprocess.list2cmdline(argv)
    import shlex

    return shlex.join(argv)


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def _addresses(host: str, port: int) -> list[tuple[Any, ...]]:
    """What ``host`` resolves to, as the server will bind it (raises socket.gaierror)."""
    return socket.getaddrinfo(
        host, port, family=socket.AF_UNSPEC, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )


def is_local(host: str) -> bool:
    """True when every address ``host`` stands for is this computer's loopback address."""
    try:
        found = _addresses(host, 0)
    except (OSError, UnicodeError):
        return False
    ips = {str(info[4][0]).split("%", 1)[0] for info in found}
    try:
        return bool(ips) and all(ipaddress.ip_address(ip).is_loopback for ip in ips)
    except ValueError:
        return False


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def unknown_host_message(host: str) -> str:
    return _(
        "cxguide serve: error: unknown host '{host}' — give a name this computer can "
        "look up, or an address such as {default}"
    ).format(host=host, default=DEFAULT_HOST)


def bind_error_message(error: OSError, host: str, port: int) -> str:
    """A plain-words message for an address the server cannot listen on."""
    if isinstance(error, socket.gaierror):
        return unknown_host_message(host)
    if error.errno == errno.EADDRINUSE:
        return _(
            "cxguide serve: error: port {port} is already in use on {host} — "
            "stop the program using it, or choose another port with --port"
        ).format(port=port, host=host)
    if error.errno in (errno.EACCES, errno.EPERM):
        return _(
            "cxguide serve: error: not allowed to listen on port {port} — "
            "choose a port above 1023 with --port"
        ).format(port=port)
    if error.errno == errno.EADDRNOTAVAIL:
        return _(
            "cxguide serve: error: '{host}' is not an address of this computer — "
            "give one of its own addresses, or leave out --host"
        ).format(host=host)
    reason = error.strerror or str(error)
    return _("cxguide serve: error: cannot listen on {host} port {port}: {reason}").format(
        host=host, port=port, reason=reason
    )


def check_address(host: str, port: int) -> str | None:
    """Try to listen on ``host``:``port`` the way the server will; None, or what went wrong.

    The sockets are closed at once: this only finds a taken port or a bad host before the
    server starts (a second check, on the server's own error, covers a port taken meanwhile).
    """
    try:
        found = _addresses(host, port)
    except (OSError, UnicodeError):  # UnicodeError: a name IDNA cannot encode
        return unknown_host_message(host)
    errors: list[OSError] = []
    bound = 0
    for family, kind, proto, _name, address in found:
        try:
            with socket.socket(family, kind, proto) as probe:
                # As asyncio's create_server does, so a port in TIME_WAIT is not "in use".
                if os.name == "posix" and sys.platform != "cygwin":
                    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                    probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                probe.bind(address)
                probe.listen(1)
            bound += 1
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return bind_error_message(error, host, port)
            errors.append(error)
    # asyncio skips an address family that is not enabled (EADDRNOTAVAIL), as long as one works.
    fatal = [e for e in errors if e.errno != errno.EADDRNOTAVAIL]
    if fatal or not bound:
        return bind_error_message((fatal or errors)[0], host, port)
    return None


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the app until Ctrl+C; 1 when the address cannot be used."""
    host: str = args.host
    port: int = args.port
    problem = check_address(host, port)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    if not is_local(host):
        print(
            _(
                "cxguide serve: warning: listening on {host}, not only on this computer. "
                "Anyone who can reach this address over the network can use the app, and there "
                "is no login. Leave out --host to serve this computer only."
            ).format(host=host),
            file=sys.stderr,
        )
    try:
        server = _make_server(app_command(args.data_dir), host, port)
    except ImportError as error:
        print(
            _(
                "cxguide serve: error: textual-serve cannot be imported ({reason}) — "
                "reinstall cxguide"
            ).format(reason=error),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        server.serve()
    except OSError as error:  # the port was taken between the check and the start
        print(bind_error_message(error, host, port), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:  # Ctrl+C before the server's own handler was in place
        pass
    print(_("cxguide serve: stopped."), file=sys.stderr)
    return EXIT_OK


def _make_server(command: str, host: str, port: int) -> Any:
    """A textual-serve server for ``command``, speaking in cxguide's words."""
    import asyncio

    from aiohttp import web
    from textual_serve.server import Server

    url = _url(host, port)
    if _is_wildcard(host):
        url = _url(socket.gethostname(), port)

    class _CxguideServer(Server):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._sessions: set[asyncio.Task[Any]] = set()

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            # One browser tab, one app: remember the task so that Ctrl+C can end it at once.
            task = asyncio.current_task()
            if task is not None:
                self._sessions.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self._sessions.discard(task)

        async def on_shutdown(self, app: web.Application) -> None:
            # aiohttp would wait up to a minute for open browser tabs before ending them;
            # cancelling a session closes its websocket and tells its app to quit.
            sessions = [task for task in self._sessions if not task.done()]
            for task in sessions:
                task.cancel()
            if sessions:
                await asyncio.wait(sessions, timeout=10)

        async def on_startup(self, app: web.Application) -> None:
            print(
                _("cxguide is served at {url} — open it in a web browser.").format(url=url),
                flush=True,
            )
            print(_("Press Ctrl+C to stop."), flush=True)

        async def handle_index(self, request: web.Request) -> Any:
            # The page tells the browser where the app's websocket is; use the address the
            # browser used (textual-serve would give the bound host, such as 0.0.0.0, which a
            # browser on another computer cannot reach). Nothing awaits before it is read.
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

    return _CxguideServer(command, host=host, port=port, title=APP_TITLE)


COMMANDS = {"serve": cmd_serve}
