"""Starting and keeping a city's own graph: `ikg init` (a new data folder, and the store filled from it)
and `ikg template` (the spreadsheets to fill in, for every kind)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from graph.cli.prompts import editor_name
from graph.edit.starter import (
    Document,
    Start,
    check_replace,
    fill_from_folder,
    names_in,
    organisation_names,
    write_starter,
)
from graph.edit.tabular.templates import FORMATS, write_templates
from graph.history.shipped import open_store
from graph.i18n import t


def add_parsers(sub: Any, common: argparse.ArgumentParser, editing: argparse.ArgumentParser) -> None:
    """These sub-commands on the `ikg` parser."""
    p = sub.add_parser(
        "init", parents=[common, editing],
        help="start a new city's graph: write a data folder and fill the store from it (asks, or takes flags)",
        epilog="Names are given in the data languages' order, 'Norwegian | English' by default (or one name for "
        "all); with --languages sv,en as 'Swedish | English'. Without the flags, and in a "
        "terminal, init asks for each answer. Afterwards every command uses that data folder for this store.")
    p.add_argument("--data", type=Path, required=True, help="the new data folder to write (must hold no .ttl yet)")
    p.add_argument("--name", help="the organisation's name in the first data language, e.g. 'Bergen kommune'")
    p.add_argument("--name-en", help="the organisation's name in English (default: the first one)")
    p.add_argument("--city", help="the home city, e.g. Bergen")
    p.add_argument("--country", help="the country's ISO 3166 code, e.g. NO")
    p.add_argument("--lat", help="the city's latitude, e.g. 60.39")
    p.add_argument("--long", help="the city's longitude, e.g. 5.32")
    p.add_argument("--languages", help="the languages of the data labels in order, e.g. sv,en (default nb,en): "
                   "every name is given in each of them")
    p.add_argument("--document", action="append", default=[], metavar="TITLE",
                   help="a strategy document, 'Norwegian | English' (repeat for several)")
    p.add_argument("--document-url", action="append", default=[], metavar="URL", help="its web address (in order)")
    p.add_argument("--document-date", action="append", default=[], metavar="DATE", help="its date (in order)")
    p.add_argument("--target-area", action="append", default=[], metavar="NAME",
                   help="a target area of the strategy, 'Norwegian | English' (repeat, in the strategy's order)")
    p.add_argument("--namespace", default="", help="the base of the city's IRIs (default from the name)")
    p.add_argument("--replace", action="store_true",
                   help="replace a store that holds recorded changes (one recorded change, undoable)")
    p.add_argument("--no-fill", action="store_true", help="only write the data folder")

    _extend_existing(sub)

    p = sub.add_parser("template", parents=[common],
                       help="write the spreadsheet templates to fill in, for one kind or all kinds")
    p.add_argument("kind", help="a kind (actor, network, membership, country, place, document, …) or all")
    p.add_argument("--out", type=Path, required=True, help="the folder to write into")
    p.add_argument("--format", choices=list(FORMATS), default="xlsx")


def _extend_existing(sub: Any) -> None:
    """Options of this issue on commands graph/cli/parser.py declares: `export --data`, `reset --export-first`."""
    export = sub.choices["export"]
    export.add_argument("--data", type=Path, metavar="FOLDER",
                        help="write the graph's data (no vocabulary, no history) as Turtle per kind, like data/")
    for action in export._actions:
        if action.dest in ("format", "out"):
            action.required = False  # not needed with --data
    reset = sub.choices["reset"]
    reset.add_argument("--export-first", type=Path, metavar="FOLDER",
                       help="write the store's data to this folder (as `export --data`) before the reset")


def _ask(args: argparse.Namespace, name: str, key: str, default: str = "") -> str:
    """A flag's value, or the answer typed at the terminal; '' without a terminal."""
    value = getattr(args, name, None)
    if value:
        return str(value)
    if not sys.stdin.isatty():
        return default
    hint = f" [{default}]" if default else ""
    return input(f"{t(key, args.lang)}{hint}: ").strip() or default


def _start(args: argparse.Namespace) -> Start:
    """The answers: the flags, and in a terminal a question for each one missing (in the order of `--help`)."""
    interactive = sys.stdin.isatty() and not (args.name and args.country)
    if interactive:
        print(t("city.init.intro", args.lang))
    name = _ask(args, "name", "city.init.ask.name")
    name_en = _ask(args, "name_en", "city.init.ask.name_en", name)
    city = _ask(args, "city", "city.init.ask.city")
    country = _ask(args, "country", "city.init.ask.country")
    lat, long = _ask(args, "lat", "city.init.ask.lat"), _ask(args, "long", "city.init.ask.long")
    languages = _ask(args, "languages", "city.init.ask.languages", "nb,en")
    documents = list(args.document)
    urls, dates = list(args.document_url), list(args.document_date)
    if not documents and interactive:
        documents = [_ask(args, "", "city.init.ask.document")]
        urls, dates = [_ask(args, "", "city.init.ask.document_url")], [_ask(args, "", "city.init.ask.document_date")]
    areas = list(args.target_area)
    if not areas and interactive:
        areas = [a for a in _ask(args, "", "city.init.ask.target_areas").split(";") if a.strip()]
    langs = tuple(dict.fromkeys(x.strip().lower() for x in languages.split(",") if x.strip()))
    docs = [Document(names_in(title, langs), urls[i] if i < len(urls) else "", dates[i] if i < len(dates) else "")
            for i, title in enumerate(documents) if title.strip()]
    return Start(
        organisation=organisation_names(name, name_en, langs), city=city, country=country, lat=lat, long=long,
        languages=langs, documents=docs, target_areas=[names_in(a, langs) for a in areas], namespace=args.namespace,
        editor=editor_name(args))


def cmd_init(args: argparse.Namespace) -> int:
    start = _start(args)
    store = None if args.no_fill else open_store(args.store, fill=False)
    changed = check_replace(store, args.replace, args.lang) if store is not None else False
    written = write_starter(args.data, start, args.lang)
    for path in written:
        print(t("city.init.wrote", args.lang, path=path))
    if store is None:
        return 0
    n = fill_from_folder(store, args.data, editor=start.editor, changed=changed)
    print(t("city.init.filled", args.lang, store=store.describe(), folder=args.data, n=n))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    store = open_store(args.store)
    for path in write_templates(args.kind, args.out, args.format, args.lang, store=store):
        print(t("city.template.wrote", args.lang, path=path))
    return 0


COMMANDS: dict[str, Any] = {"init": cmd_init, "template": cmd_template}
