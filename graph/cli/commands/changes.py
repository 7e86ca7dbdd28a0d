"""Commands on the recorded changes: `history` lists or shows them, `undo` takes one back."""

from __future__ import annotations

import argparse

from graph.cli.output import format_table, safe, safe_lines
from graph.cli.prompts import editor_name
from graph.history.shipped import open_store
from graph.questions.table import Table

HISTORY_COLUMNS = ["id", "time", "editor", "action", "triples", "undo", "why"]


def cmd_history(args: argparse.Namespace) -> int:
    from graph.history.changes import changes, diff, find

    store = open_store(args.store)
    if args.show:
        change = find(store, args.show, args.lang)
        added, removed = diff(store, change.id, args.lang)
        print(safe_lines(f"change {change.id}  {change.time}  {safe(change.editor)}  {change.action}"
                         + (f"  — {safe(change.comment)}" if change.comment else "")))
        for sign, graph in (("-", removed), ("+", added)):
            names = graph.namespace_manager
            for s, p, o in sorted(graph, key=lambda tr: tuple(term.n3() for term in tr)):
                print(f"{sign} {safe(s.n3(names))} {safe(p.n3(names))} {safe(o.n3(names))}")
        return 0
    rows = [[c.id, c.time, c.editor, c.action, f"+{c.added_count} -{c.removed_count}",
             (f"undone by {c.undone_by}" if c.undone_by else "") + (f"undoes {c.undoes}" if c.undoes else ""),
             c.comment] for c in changes(store, limit=args.limit)]
    print(format_table(Table(HISTORY_COLUMNS, rows)))
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from graph.history.changes import undo

    store = open_store(args.store)
    change = undo(store, args.id, editor=editor_name(args), why=args.why, lang=args.lang)
    print(f"undid change {change.undoes}: new change {change.id} "
          f"(+{change.added_count} -{change.removed_count} triples)")
    return 0


COMMANDS = {
    "history": cmd_history,
    "undo": cmd_undo,
}
