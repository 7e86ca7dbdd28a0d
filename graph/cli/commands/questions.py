"""Commands that read the graph: `queries`, `query`, `stats` and `gaps`."""

from __future__ import annotations

import argparse
import sys

import graph.analysis.gaps as gaps
from graph.analysis.network import collaboration_graph
from graph.answers import ask
from graph.cli.output import emit, format_table, headed, parse_params
from graph.errors import InputError
from graph.history.shipped import open_store
from graph.i18n import number, t
from graph.questions.console import checked, run_console, run_limited
from graph.questions.isolated import Limits
from graph.questions.library import get_question, is_named, list_questions
from graph.questions.question import Question
from graph.questions.running import bind_params
from graph.questions.table import Table, to_table
from graph.store.base import Rows, Store, inject_values


def cmd_queries(args: argparse.Namespace) -> int:
    for q in list_questions():
        params = " ".join(f"[{p.name}=…]" if p.optional else f"{p.name}=…" for p in q.params)
        print(f"{q.name}{(' ' + params) if params else ''}")
        print(f"    {q.description(args.lang)}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    store = open_store(args.store)
    q = get_question(args.name, args.lang)
    if is_named(q) or q.computed_by:
        emit(ask(store, args.name, parse_params(args.param, args.lang), args.lang), args.format, args.lang, q.name)
        return 0
    table, cut = own_file(store, q, parse_params(args.param, args.lang), args.lang)
    emit(table, args.format, args.lang)
    if cut:  # said on stderr, after the rows: a script reading stdout gets the rows alone
        print(f"ikg: {t('query.rows_cut', args.lang, n=number(cut, args.lang))}", file=sys.stderr)
    return 0


def own_file(store: Store, q: Question, params: dict[str, str], lang: str) -> tuple[Table, int]:
    """A person's own .rq file, checked and run as the console runs queries: escapes expanded, read-only,
    no SERVICE or LOAD, isolated under IKG_QUERY_SECONDS, IKG_QUERY_MEMORY_MB and IKG_QUERY_ROWS. Its
    answer, and the number of rows it was cut to when it had more (0 when it is whole)."""
    text, form = checked(q.sparql, lang)
    limits = Limits.from_settings(lang=lang)
    if form != "SELECT":
        result = run_console(store, q.sparql, row_limit=limits.rows, time_limit_s=limits.seconds, lang=lang)
        table = result.table or Table(["answer"], [[str(result.answer).lower()]])
        return table, result.row_limit if result.truncated else 0
    bindings = bind_params(store, q, params, lang)
    query = inject_values(text, bindings)
    if checked(query, lang) != (query, form):  # a value holding a backslash-u code would read as another text
        raise InputError.of("console.bad_escape", lang, escape="\\u")
    rows, shown = run_limited(store, form, query, limits, lang), q.asked_with(bindings)
    if len(rows.rows) > limits.rows:  # (one row more is fetched, so the cut is seen)
        return to_table(shown, Rows(rows.vars, rows.rows[:limits.rows]), lang), limits.rows
    return to_table(shown, rows, lang), 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = open_store(args.store)
    emit(ask(store, "counts", {}, args.lang), "table", args.lang)
    g = collaboration_graph(store, args.lang)
    print()
    print(t("cli.stats.triples", args.lang, n=number(store.count(), args.lang)))
    print(t("cli.stats.network", args.lang, nodes=number(g.number_of_nodes(), args.lang),
            edges=number(g.number_of_edges(), args.lang)))
    return 0


def cmd_gaps(args: argparse.Namespace) -> int:
    if not 1000 <= args.since <= 9999:  # as the question's own year check, but named as the option
        raise InputError.of("param.bad_since", args.lang, value=args.since)
    store = open_store(args.store)
    for gap, table in gaps.gap_tables(store, args.lang, args.since):
        print(f"## {gap.title(args.lang)}")
        print(gap.why(args.lang))
        print()
        print(format_table(headed(table, args.lang), lang=args.lang))
        print()
    brokers, isolated = gaps.network_gaps(store, args.lang)
    for title, why, items in ((t("cli.gaps.brokers", args.lang), gaps.brokers_why, brokers),
                              (t("cli.gaps.isolated", args.lang), gaps.isolated_why, isolated)):
        print(f"## {title}")
        print(why(args.lang))
        print()
        print("\n".join(f"- {item}" for item in items) or t("common.none", args.lang))
        print()
    return 0


COMMANDS = {
    "queries": cmd_queries,
    "query": cmd_query,
    "stats": cmd_stats,
    "gaps": cmd_gaps,
}
