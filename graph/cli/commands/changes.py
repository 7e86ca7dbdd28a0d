"""Commands on the recorded changes: `history` lists or shows them, `undo` takes one back."""

from __future__ import annotations

import argparse

from graph.cli.output import format_table, safe, safe_lines
from graph.cli.prompts import editor_name
from graph.errors import InputError
from graph.history.shipped import open_store
from graph.i18n import TEXT, t, when
from graph.questions.table import Table

HISTORY_COLUMNS = ["id", "time", "editor", "action", "triples", "undo", "why"]


def action_name(code: str, lang: str) -> str:
    """A change's action as the terminal shows it: in English its recorded code (scripts read it), in
    Norwegian in words as the app's history page says it ('correct-membership' -> 'rettet et medlemskap').

    >>> action_name("correct-membership", "en"), action_name("correct-membership", "nb")
    ('correct-membership', 'rettet et medlemskap')
    """
    if lang == "en":
        return code
    if f"explorer.action.{code}" in TEXT["en"]:
        return t(f"explorer.action.{code}", lang)
    verb, _, kind = code.partition("-")
    if kind and f"explorer.action.{verb}" in TEXT["en"]:
        name = t(f"explorer.kind.{kind}", lang) if f"explorer.kind.{kind}" in TEXT["en"] else kind.replace("-", " ")
        return t(f"explorer.action.{verb}", lang, kind=name)
    return code


def time_text(iso: str, lang: str) -> str:
    """A change's time as the terminal shows it: in English as recorded (ISO 8601, UTC; scripts read it), in
    another language as the app's history page writes it, in the zone of graph.config.time_zone and naming it
    ('2026-12-07T18:40:00Z' -> '7. des. 2026, 19:40 CET' in Norway).

    >>> time_text("2026-12-07T12:00:00Z", "en"), time_text("2026-12-07T12:00:00Z", "nb")[:14]
    ('2026-12-07T12:00:00Z', '7. des. 2026, ')
    """
    return iso if lang == "en" else when(iso, lang)


def cmd_history(args: argparse.Namespace) -> int:
    from graph.history.changes import changes, diff, find

    lang = args.lang
    if args.limit < 1:  # (a slice would drop the oldest changes instead)
        raise InputError.of("cli.history.bad_limit", lang, value=args.limit)
    store = open_store(args.store)
    if args.show:
        change = find(store, args.show, lang)
        added, removed = diff(store, change.id, lang)
        head = t("cli.history.change", lang, id=change.id, time=time_text(change.time, lang),
                 editor=safe(change.editor), action=action_name(change.action, lang))
        print(safe_lines(head + (f"  — {safe(change.why(lang))}" if change.comment else "")))
        for sign, graph in (("-", removed), ("+", added)):
            names = graph.namespace_manager
            for s, p, o in sorted(graph, key=lambda tr: tuple(term.n3() for term in tr)):
                print(f"{sign} {safe(s.n3(names))} {safe(p.n3(names))} {safe(o.n3(names))}")
        return 0
    rows = [[c.id, time_text(c.time, lang), c.editor, action_name(c.action, lang),
             f"+{c.added_count} -{c.removed_count}",
             t("history.undone_by", lang, id=c.undone_by) if c.undone_by else (
                 t("history.undoes", lang, id=c.undoes) if c.undoes else ""),
             c.why(lang)] for c in changes(store, limit=args.limit)]
    columns = HISTORY_COLUMNS if lang == "en" else [t(f"history.col.{name}", lang) for name in HISTORY_COLUMNS]
    print(format_table(Table(columns, rows), lang=lang))
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from graph.history.changes import undo

    store = open_store(args.store)
    change = undo(store, args.id, editor=editor_name(args), why=args.why, lang=args.lang)
    print(t("cli.undo.done", args.lang, undone=change.undoes, id=change.id, added=change.added_count,
            removed=change.removed_count))
    return 0


COMMANDS = {
    "history": cmd_history,
    "undo": cmd_undo,
}
