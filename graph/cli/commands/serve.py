"""Sharing the store and serving the graph: `ikg share` runs Oxigraph's server over the store folder so
the app and any number of `ikg` commands use it at once; `ikg serve` answers other tools (the
read-only SPARQL endpoint) and people (the pages of the graph's IRIs)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from graph import config
from graph.cli.speaking import Texts, choices_metavar
from graph.errors import InputError, StoreError
from graph.i18n import number, t
from graph.store import folder_of

# Commands that open the store themselves: `ikg` does not open it before them (that would lock the folder).
OPENS_ITS_OWN_STORE = frozenset({"share", "serve"})


def store_folder(args: argparse.Namespace) -> Path:
    """The store folder of --store / IKG_STORE / the default; refused for memory and SPARQL servers."""
    folder = folder_of(args.store)
    if folder is None:
        raise InputError.of("share.not_folder", args.lang, setting=config.store_setting(args.store))
    return folder


def cmd_share(args: argparse.Namespace) -> int:
    from graph.history.shipped import open_store
    from graph.store import shared

    folder = store_folder(args)
    lang = args.lang
    if args.action == "start":
        try:
            info, started = shared.start(folder, port=args.port)
        except StoreError as exc:  # said in the user's language
            raise StoreError.of(exc.key, lang, **exc.params) if exc.key else exc from None
        store = open_store(str(folder))  # fills a new folder from data/, through the server
        key = "share.started" if started else "share.already"
        print(t(key, lang, url=info.url, pid=info.pid, folder=folder, n=number(store.count(), lang)))
        return 0
    if args.action == "stop":
        print(t("share.stopped" if shared.stop(folder) else "share.none", lang, folder=folder))
        return 0
    found = shared.running(folder)
    if found is None:
        print(t("share.none", lang, folder=folder))
        return 3
    print(t("share.running", lang, url=found.url, pid=found.pid, folder=folder))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from graph.serve.server import serve_forever

    code: int = serve_forever(store_setting=args.store, host=args.host, port=args.port, cors=args.cors,
                         lang=args.lang, out=sys.stdout)
    return code


def add_parsers(sub: Any, common: argparse.ArgumentParser, editing: argparse.ArgumentParser, x: Texts) -> None:
    """These sub-commands on the `ikg` parser, their help in x's language."""
    h, m = x.help, x.metavar

    def port(text: str) -> int:
        """A port number, 0 to 65535 (0: any free port); anything else said as argparse says a bad value."""
        if not text.strip().isdigit() or int(text) > 65535:
            raise argparse.ArgumentTypeError(t("cli.err.port", x.lang, value=text))
        return int(text)

    p = sub.add_parser("share", parents=[common], help=h("share"), epilog=h("share.epilog"))
    actions = ["start", "stop", "status"]
    p.add_argument("action", choices=actions, metavar=choices_metavar(actions), help=h("share.action"))
    p.add_argument("--port", type=port, default=0, metavar=m("port"), help=h("share.port"))

    p = sub.add_parser("serve", parents=[common], help=h("serve"), epilog=h("serve.epilog"))
    p.add_argument("--host", default="127.0.0.1", metavar=m("host"), help=h("serve.host"))
    p.add_argument("--port", type=port, default=8000, metavar=m("port"), help=h("serve.port"))
    p.add_argument("--cors", action="append", default=[], metavar=m("origin"), help=h("serve.cors"))


COMMANDS: dict[str, Any] = {"share": cmd_share, "serve": cmd_serve}
