"""`serve`: the page on 127.0.0.1, after the address and the login are checked."""

from __future__ import annotations

import argparse

from assistant.cli.common import backend_options, settings_from


def run_serve(args: argparse.Namespace) -> int:
    from assistant.ui.access import listen_access, read_auth
    from assistant.ui.server import serve

    settings = settings_from(args)
    secret = settings.auth_password.get_secret_value() if settings.auth_password is not None else None
    auth = read_auth(args.auth_user, password=secret)
    # Refuse a reachable address before spending seconds loading a model.
    listen_access(args.host or settings.host, allow_remote=args.allow_remote, auth=auth)
    return serve(
        settings,
        host=args.host,
        port=args.port,
        model_flag=args.model,
        ephemeral=args.ephemeral,
        allow_remote=args.allow_remote,
        auth=auth,
        **backend_options(args),
    )
