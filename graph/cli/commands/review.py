"""The section 5.1 review: `ikg review` (the table with each item's assessment in a round, the files the
app offers), `ikg review rounds|progress`, `ikg review open|close|new ROUND` and `ikg review import FILE`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from graph.analysis.assessments import ReviewRound, review_rounds
from graph.analysis.review_items import progress, review_table
from graph.cli.output import emit
from graph.cli.prompts import editor_name
from graph.cli.speaking import Texts, choices_metavar
from graph.edit.assessments import import_workbook, new_round, set_round_status, unknown_round
from graph.errors import InputError
from graph.history.shipped import open_store
from graph.i18n import number, t
from graph.questions.table import Table
from graph.render import review_report
from graph.render.review_workbook import read_workbook
from graph.store.base import Store
from graph.store.output_paths import output_file, writing

ACTIONS = ("show", "rounds", "progress", "open", "close", "new", "import")
FILES = {"csv": review_report.export_csv, "xlsx": review_report.export_xlsx, "md": review_report.report_markdown,
         "html": review_report.report_html}
def add_parsers(sub: Any, common: argparse.ArgumentParser, editing: argparse.ArgumentParser, x: Texts) -> None:
    """The review's sub-commands on the `ikg` parser, their help in x's language."""
    h, m = x.help, x.metavar
    p = sub.add_parser("review", parents=[common, editing], epilog=h("review.epilog"),
                       formatter_class=argparse.RawDescriptionHelpFormatter, help=h("review"))
    p.add_argument("action", nargs="?", choices=ACTIONS, default="show", metavar=choices_metavar(ACTIONS),
                   help=h("review.action"))
    p.add_argument("target", nargs="?", metavar=m("target"), help=h("review.target"))
    p.add_argument("--round", metavar=m("round"), help=h("review.round"))
    p.add_argument("--format", choices=["table", "md", "csv", "xlsx", "html"], default="table",
                   help=h("review.format"))
    p.add_argument("--out", type=Path, metavar=m("file"), help=h("review.out"))
    p.add_argument("--dry-run", action="store_true", help=h("review.dry_run"))


def current_round(rounds: list[ReviewRound], wanted: str | None, lang: str) -> ReviewRound | None:
    """The round named `wanted` (IRI or label in any language), or the latest open one, or the latest."""
    if wanted:
        for r in rounds:
            if wanted.strip() in (r.iri, r.label):
                return r
        raise unknown_round(wanted, [r.label for r in rounds], lang)
    return next((r for r in reversed(rounds) if r.status == "open"), rounds[-1] if rounds else None)


def review_file(args: argparse.Namespace) -> str:
    """The example file name for --out in the chosen format."""
    return f"review.{'csv' if args.format == 'table' else args.format}"


# What each option is for; given to another action it would be dropped unsaid, so it is refused.
USED_BY = {"target": ("open", "close", "new", "import"), "round": ("show", "progress"), "out": ("show",),
           "dry_run": ("import",), "format": ("show", "rounds")}


def check_options(args: argparse.Namespace) -> None:
    """Refuse an option or a name the action does not use, naming it and the way to what was meant."""
    for name, actions in USED_BY.items():
        value = getattr(args, name)
        if args.action in actions or value in (None, False) or (name == "format" and value == "table"):
            continue
        given = f"«{value}»" if name == "target" and args.lang == "nb" else (
            f"“{value}”" if name == "target" else "--" + name.replace("_", "-"))
        key = "err.review_round_name" if name == "target" and args.action in ("show", "progress") else \
            "err.review_unused"
        raise InputError.of(key, args.lang, action=args.action, option=given, value=value)


def _which_round(store: Store, action: str, lang: str) -> InputError:
    """`ikg review open|close|new` with no round: what to write, and for open and close the rounds there are (it
    asked to give a new round a name, whichever the action)."""
    if action == "new":
        return InputError.of("err.round", lang)
    known = [r.label for r in review_rounds(store, lang)]
    if not known:
        return InputError.of("err.round_which_none", lang, action=action)
    return InputError.of("err.round_which", lang, action=action, known="; ".join(known), example=known[-1])


def cmd_review(args: argparse.Namespace) -> int:
    lang = args.lang
    check_options(args)
    if args.out is not None and args.action == "show":  # a wrong --out is refused before any work
        output_file(args.out, lang, example=review_file(args))
    store = open_store(args.store)
    if args.action in ("open", "close", "new"):
        if not args.target:
            raise _which_round(store, args.action, lang)
        if args.action == "new":
            new_round(store, args.target, editor_name(args), lang=lang)
            print(t("round.opened", lang, round=args.target.strip()))
        else:
            status = "open" if args.action == "open" else "closed"
            iri = set_round_status(store, args.target, status, editor_name(args), lang=lang)
            label = next(r.label for r in review_rounds(store, lang) if r.iri == iri)
            print(t(f"round.{'opened' if status == 'open' else 'closed'}", lang, round=label))
        return 0
    if args.action == "import":
        return import_file(store, args)
    rounds = review_rounds(store, lang)
    if args.action == "rounds":
        emit(rounds_table(rounds, lang), args.format if args.format in ("md", "csv") else "table", lang)
        return 0
    round_ = current_round(rounds, args.round, lang)
    rnd = round_.iri if round_ else None
    if round_ is not None:
        print(t("round.option", lang, label=round_.label, status=t(f"round.status.{round_.status}", lang)),
              file=sys.stderr)
    if args.action == "progress":
        done = progress(store, lang, rnd)
        print(t("progress.total", lang, done=done.done, total=done.total))
        for title, table in (("progress.by_kind", done.by_kind), ("progress.by_unit", done.by_unit),
                             ("progress.left", done.left)):
            print(f"\n{t(title, lang, n=len(done.left.rows))}")
            emit(table, "table", lang)
            if title == "progress.by_unit" and done.units_counted > done.total:  # why the sum is more (as the app)
                print(t("progress.units_overlap", lang, counted=done.units_counted, total=done.total))
            print()
        return 0
    return write_review(store, args, rnd)


def write_review(store: Any, args: argparse.Namespace, rnd: str | None) -> int:
    """The table (table, md, csv to the terminal) or the app's file (csv, md report, xlsx, html) to --out."""
    fmt, lang = args.format, args.lang
    if args.out is None:
        if fmt in ("xlsx", "html"):
            raise InputError.of("err.review_out", lang, format=fmt)
        table = review_table(store, lang, rnd)  # (emit writes its days as people of the language do)
        emit(Table(table.columns[1:], [row[1:] for row in table.rows], table.raw), fmt, lang)
        return 0
    content = FILES["csv" if fmt == "table" else fmt](store, lang, rnd)
    data = content.encode("utf-8") if isinstance(content, str) else content
    with writing(args.out, lang, example=review_file(args)):
        args.out.write_bytes(data)
    print(t("review.written", lang, path=str(args.out), size=number(len(data), lang)))
    return 0


def import_file(store: Any, args: argparse.Namespace) -> int:
    """`ikg review import FILE`: all of the workbook or, listing every problem, nothing."""
    lang = args.lang
    if not args.target:
        raise InputError.of("err.wb_file", lang)
    path = Path(args.target)
    if not path.is_file():
        raise InputError.of("err.wb_missing", lang, path=str(path))
    data = path.read_bytes()
    changed = import_workbook(store, data, editor_name(args), lang=lang, dry_run=args.dry_run, name=str(path))
    round_ = read_workbook(store, data, lang).round
    label = next((r.label for r in review_rounds(store, lang) if r.iri == round_), round_)
    if not changed:
        print(t("wb.nothing", lang))
    elif args.dry_run:
        print(t("wb.dry_run", lang, n=len(changed), items="; ".join(changed)))
    else:
        print(t("wb.imported", lang, n=len(changed), round=label, items="; ".join(changed)))
    return 0


def rounds_table(rounds: list[ReviewRound], lang: str) -> Table:
    return Table(["round", "status", "period", "lead", "iri"], [
        [r.label, t(f"round.status.{r.status}", lang), "–".join(p for p in (r.begin, r.end) if p), r.lead, r.iri]
        for r in rounds])


COMMANDS = {
    "review": cmd_review,
}
