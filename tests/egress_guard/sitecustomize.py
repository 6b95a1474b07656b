"""Loaded into the app's subprocess by the privacy tests (PYTHONPATH): refuse and record egress.

Every attempt to resolve or reach a host that is not this machine is appended to the file
named by EGRESS_RECORD and fails with OSError, as it would on a machine without a network.
At exit, the offline switches the process ended with are written to EGRESS_SWITCHES.
"""

from __future__ import annotations

import atexit
import errno
import ipaddress
import json
import os
import socket
import sys
import traceback

_RECORD = os.environ.get("EGRESS_RECORD", "")
_SWITCHES = os.environ.get("EGRESS_SWITCHES", "")
_LOCAL_NAMES = {"", "localhost", "localhost.localdomain", "ip6-localhost", "0.0.0.0", "::"}


def _is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    name = str(host).strip("[]").split("%", 1)[0].lower()
    if name in _LOCAL_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _refuse(call: str, target: object) -> None:
    entry = {
        "call": call,
        "target": repr(target),
        "pid": os.getpid(),
        "stack": traceback.format_stack(limit=14)[:-2],
    }
    if _RECORD:
        with open(_RECORD, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")
    raise OSError(errno.ENETUNREACH, f"network access refused by the test guard: {target!r}")


def _inet(sock: socket.socket) -> bool:
    return sock.family in (socket.AF_INET, socket.AF_INET6)


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto
_getaddrinfo = socket.getaddrinfo
_gethostbyname = socket.gethostbyname
_gethostbyname_ex = socket.gethostbyname_ex
_create_connection = socket.create_connection


def connect(self, address):
    if _inet(self) and isinstance(address, tuple) and not _is_local(address[0]):
        _refuse("connect", address)
    return _connect(self, address)


def connect_ex(self, address):
    if _inet(self) and isinstance(address, tuple) and not _is_local(address[0]):
        _refuse("connect_ex", address)
    return _connect_ex(self, address)


def sendto(self, data, *args):
    address = args[-1] if args else None
    if _inet(self) and isinstance(address, tuple) and not _is_local(address[0]):
        _refuse("sendto", address)
    return _sendto(self, data, *args)


def getaddrinfo(host, *args, **kwargs):
    if not _is_local(host):
        _refuse("getaddrinfo", host)
    return _getaddrinfo(host, *args, **kwargs)


def gethostbyname(host):
    if not _is_local(host):
        _refuse("gethostbyname", host)
    return _gethostbyname(host)


def gethostbyname_ex(host):
    if not _is_local(host):
        _refuse("gethostbyname_ex", host)
    return _gethostbyname_ex(host)


def create_connection(address, *args, **kwargs):
    if not _is_local(address[0]):
        _refuse("create_connection", address)
    return _create_connection(address, *args, **kwargs)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.socket.sendto = sendto
socket.getaddrinfo = getaddrinfo
socket.gethostbyname = gethostbyname
socket.gethostbyname_ex = gethostbyname_ex
socket.create_connection = create_connection


@atexit.register
def _report_switches() -> None:
    if not _SWITCHES:
        return
    names = (
        "GRADIO_ANALYTICS_ENABLED",
        "HF_HUB_OFFLINE",
        "HF_HUB_DISABLE_TELEMETRY",
        "ANONYMIZED_TELEMETRY",
        "DO_NOT_TRACK",
        "TRANSFORMERS_OFFLINE",
    )
    report: dict[str, object] = {"env": {name: os.environ.get(name) for name in names}}
    analytics = sys.modules.get("gradio.analytics")
    if analytics is not None:
        report["gradio_analytics_enabled"] = analytics.analytics_enabled()
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:
        report["hf_hub_offline"] = bool(getattr(constants, "HF_HUB_OFFLINE", False))
    report["imported"] = sorted(
        m for m in ("gradio", "chromadb", "llama_cpp", "huggingface_hub", "posthog") if m in sys.modules
    )
    with open(_SWITCHES, "w", encoding="utf-8") as handle:
        json.dump(report, handle)
