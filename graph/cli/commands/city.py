"""Starting and keeping a city's own graph: `ikg init` (a new data folder, and the store filled from it)
and `ikg template` (the spreadsheets to fill in, for every kind)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.cli.prompts import ask, editor_name
from graph.cli.speaking import Texts
from graph.edit.home_kinds import DEFAULT_KIND, HOME_KINDS, home_kind, kind_label
from graph.edit.start_checks import coordinate_problem, country_problem, date_problem, languages_problem, url_problem
from graph.edit.starter import (
    Document,
    Start,
    check_folder,
    check_replace,
    check_start,
    fill_from_folder,
    names_in,
    organisation_names,
    write_starter,
)
from graph.edit.tabular.templates import FORMATS, write_templates
from graph.errors import InputError
from graph.history.shipped import open_store
from graph.i18n import number, t


def add_parsers(sub: Any, common: argparse.ArgumentParser, editing: argparse.ArgumentParser, x: Texts) -> None:
    """These sub-commands on the `ikg` parser, their help in x's language."""
    h, m = x.help, x.metavar
    p = sub.add_parser("init", parents=[common, editing], help=h("init"), epilog=h("init.epilog"))
    p.add_argument("--data", type=Path, required=True, metavar=m("folder"), help=h("init.data"))
    p.add_argument("--kind", metavar=m("kind"), help=h("init.kind"))
    p.add_argument("--name", metavar=m("name"), help=h("init.name"))
    p.add_argument("--name-en", metavar=m("name"), help=h("init.name_en"))
    p.add_argument("--city", metavar=m("city"), help=h("init.city"))
    p.add_argument("--country", metavar=m("country"), help=h("init.country"))
    p.add_argument("--lat", metavar=m("degrees"), help=h("init.lat"))
    p.add_argument("--long", metavar=m("degrees"), help=h("init.long"))
    p.add_argument("--languages", metavar=m("languages"), help=h("init.languages"))
    p.add_argument("--document", action="append", default=[], metavar=m("title"), help=h("init.document"))
    p.add_argument("--document-url", action="append", default=[], metavar=m("url"), help=h("init.document_url"))
    p.add_argument("--document-date", action="append", default=[], metavar=m("date"), help=h("init.document_date"))
    p.add_argument("--target-area", action="append", default=[], metavar=m("name"), help=h("init.target_area"))
    p.add_argument("--namespace", default="", metavar=m("iri"), help=h("init.namespace"))
    p.add_argument("--replace", action="store_true", help=h("init.replace"))
    p.add_argument("--no-fill", action="store_true", help=h("init.no_fill"))

    _extend_existing(sub, x)

    p = sub.add_parser("template", parents=[common], help=h("template"))
    p.add_argument("kind", metavar=m("kind"), help=h("template.kind"))
    p.add_argument("--out", type=Path, required=True, metavar=m("folder"), help=h("template.out"))
    p.add_argument("--format", choices=list(FORMATS), default="xlsx", help=h("format.file"))


def _extend_existing(sub: Any, x: Texts) -> None:
    """Options of this issue on commands graph/cli/parser.py declares: `export --data`, `reset --export-first`."""
    export = sub.choices["export"]
    export.add_argument("--data", type=Path, metavar=x.metavar("folder"), help=x.help("export.data"))
    for action in export._actions:
        if action.dest in ("format", "out"):
            action.required = False  # not needed with --data
    reset = sub.choices["reset"]
    reset.add_argument("--export-first", type=Path, metavar=x.metavar("folder"), help=x.help("reset.export_first"))


def _ask(args: argparse.Namespace, name: str, key: str, default: str = "", need: str = "",
         check: Callable[[str, str], str] | None = None) -> str:
    """A flag's value, or the answer typed at the terminal; the default without a terminal. An answer that is
    `need`ed is asked again until one is given, saying what is needed; one `check` finds wrong (a country code
    that is none, a latitude of 200) is asked again saying what is wrong (graph.edit.start_checks)."""
    value = getattr(args, name, None)
    if value:
        return str(value)
    if not sys.stdin.isatty():
        return default
    needed = t("city.init.required", args.lang, need=need) if need else ""
    checked = (lambda answer: check(answer, args.lang)) if check is not None else None
    return ask(t(key, args.lang), default=default, need=needed, check=checked)


def _kind(args: argparse.Namespace, interactive: bool) -> str:
    """--kind (a key or a name, graph.edit.home_kinds), or at a terminal the one chosen from the numbered list;
    a municipality otherwise. A kind that is not one is kept as given, for `problems` to name."""
    if args.kind or not interactive:
        return home_kind(args.kind or DEFAULT_KIND) or args.kind
    lang, kinds = args.lang, list(HOME_KINDS)
    print(t("city.init.kinds", lang))
    for n, kind in enumerate(kinds, start=1):
        print(f"  {n:>2}  {kind_label(kind, lang)}")

    def chosen(text: str) -> str | None:
        return kinds[int(text) - 1] if text.isdigit() and 1 <= int(text) <= len(kinds) else home_kind(text)

    answer = ask(t("city.init.ask.kind", lang), default="1",
                 check=lambda x: "" if chosen(x) else t("city.init.kind_choice", lang, value=x, n=len(kinds)))
    return chosen(answer) or DEFAULT_KIND


def _start(args: argparse.Namespace) -> Start:
    """The answers: the flags, and in a terminal a question for each one missing (in the order of `--help`);
    a required one left empty is asked again."""
    interactive = sys.stdin.isatty() and not (args.name and args.country)
    if interactive:
        print(t("city.init.intro", args.lang))
    lang, kind = args.lang, _kind(args, interactive)
    name = _ask(args, "name", "city.init.ask.name", need=t("city.err.organisation", lang, option=""))
    name_en = _ask(args, "name_en", "city.init.ask.name_en", names_in(name, ("", "en"))["en"])
    city = _ask(args, "city", "city.init.ask.city" if kind == DEFAULT_KIND else "city.init.ask.seat",
                need=t("city.err.city", lang, option=""))
    country = _ask(args, "country", "city.init.ask.country", need=t("city.err.no_country", lang, option=""),
                   check=country_problem)
    lat = _ask(args, "lat", "city.init.ask.lat", need=t("city.init.need.lat", lang),
               check=lambda x, lg: coordinate_problem("lat", x, lg))
    long = _ask(args, "long", "city.init.ask.long", need=t("city.init.need.long", lang),
                check=lambda x, lg: coordinate_problem("long", x, lg))
    languages = _ask(args, "languages", "city.init.ask.languages", "nb,en", check=languages_problem)
    documents = list(args.document)
    urls, dates = list(args.document_url), list(args.document_date)
    if not documents and interactive:
        documents = [_ask(args, "", "city.init.ask.document", need=t("city.err.no_document", lang, option=""))]
        urls = [_ask(args, "", "city.init.ask.document_url", check=url_problem)]
        dates = [_ask(args, "", "city.init.ask.document_date", check=date_problem)]
    areas = list(args.target_area)
    if not areas and interactive:
        needed = t("city.err.no_target_area", lang, option="")
        areas = [a for a in _ask(args, "", "city.init.ask.target_areas", need=needed).split(";") if a.strip()]
    langs = tuple(dict.fromkeys(x.strip().lower() for x in languages.split(",") if x.strip()))
    docs = [Document(names_in(title, langs), urls[i] if i < len(urls) else "", dates[i] if i < len(dates) else "")
            for i, title in enumerate(documents) if title.strip()]
    return Start(
        organisation=organisation_names(name, name_en, langs), city=city, country=country, lat=lat, long=long,
        languages=langs, documents=docs, target_areas=[names_in(a, langs) for a in areas], namespace=args.namespace,
        editor=editor_name(args), kind=kind)


def cmd_init(args: argparse.Namespace) -> int:
    check_folder(args.data, args.lang)  # the folder, then every answer, before anything is opened or written
    try:
        start = _start(args)
    except EOFError:  # Ctrl-D at a question: nothing is written
        raise InputError.of("city.init.ended", args.lang) from None
    check_start(start, args.lang)
    store = None if args.no_fill else open_store(args.store, fill=False)
    changed = check_replace(store, args.replace, args.lang) if store is not None else False
    written = write_starter(args.data, start, args.lang)
    for path in written:
        print(t("city.init.wrote", args.lang, path=path))
    if store is None:
        return 0
    n = fill_from_folder(store, args.data, editor=start.editor, changed=changed, lang=args.lang)
    print(t("city.init.filled", args.lang, store=store.describe(), folder=args.data, n=number(n, args.lang)))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    store = open_store(args.store)
    for path in write_templates(args.kind, args.out, args.format, args.lang, store=store):
        print(t("city.template.wrote", args.lang, path=path))
    return 0


COMMANDS: dict[str, Any] = {"init": cmd_init, "template": cmd_template}
