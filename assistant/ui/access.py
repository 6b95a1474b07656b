"""Who may reach the page: this machine only, unless the leader asks for more and sets a login.

Listening on another address exposes incidents about real people to the network, so it
needs two deliberate steps: `--allow-remote` and a username with a password. The password
comes from REPAIR_AUTH_PASSWORD or a prompt, never the command line (it would show in the
shell history and the process list).
"""

from __future__ import annotations

import getpass
import ipaddress
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

from assistant.core.errors import UsageError

log = logging.getLogger(__name__)

PASSWORD_ENV = "REPAIR_AUTH_PASSWORD"


@dataclass(frozen=True)
class Access:
    """Where to listen, and the login Gradio asks for (None: no login)."""

    host: str
    auth: tuple[str, str] | None = None


def is_loopback(host: str) -> bool:
    name = (host or "").strip().strip("[]")
    if name.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def normalise_host(host: str | None) -> str:
    name = (host or "127.0.0.1").strip().strip("[]")
    return "127.0.0.1" if name.lower() == "localhost" else name


def listen_access(
    host: str | None, *, allow_remote: bool = False, auth: tuple[str, str] | None = None
) -> Access:
    """The address to bind, refusing anything beyond this machine without both switches."""
    address = normalise_host(host)
    if is_loopback(address):
        return Access(address, auth)
    if not allow_remote:
        raise UsageError(
            f"Refusing to listen on {address}: other computers could reach the app there, so start "
            "it with --allow-remote and --auth-user NAME (the password from "
            f"{PASSWORD_ENV} or typed when asked)."
        )
    if auth is None:
        raise UsageError(
            f"Refusing to listen on {address} without a login: add --auth-user NAME and set "
            f"{PASSWORD_ENV} or type the password when asked."
        )
    log.warning("listening on %s with a login; the connection is not encrypted", address)
    return Access(address, auth)


def read_auth(
    user: str | None,
    *,
    password: str | None = None,
    prompt: Callable[[str], str] | None = None,
    interactive: bool | None = None,
) -> tuple[str, str] | None:
    """(user, password) for --auth-user: the password from the settings (REPAIR_AUTH_PASSWORD),
    else typed at a prompt."""
    if user is None:
        return None
    user = user.strip()
    if not user:
        raise UsageError("--auth-user needs a name, for example --auth-user lead.")
    password = password or ""
    if not password:
        can_ask = sys.stdin.isatty() if interactive is None else interactive
        if not can_ask:
            raise UsageError(
                f"--auth-user needs a password: set {PASSWORD_ENV}, or start the app in a terminal "
                "to type it."
            )
        password = (prompt or getpass.getpass)(f"Password for {user}: ")
    if not password.strip():
        raise UsageError("The password for --auth-user must not be empty.")
    return user, password
