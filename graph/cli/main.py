"""The `ikg` command: validate, ask the named questions, analyse, review and export the graph.

Every command opens the graph through `graph.store.open_store`; errors are one clear line.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import graph.analysis.gaps as gaps
import graph.analysis.network as analysis
import graph.questions.catalogue as queries
import graph.render.exports as io
from graph import __version__
from graph.errors import IkgError, InputError
from graph.questions.catalogue import Table
from graph.store.base import open_store

EPILOG = """\
store: --store PATH (an Oxigraph folder, the default is .ikg-store in the project), --store memory
(a throw-away graph from data/), or --store http://host/sparql (a SPARQL 1.1 server; IKG_UPDATE_URL,
IKG_USER and IKG_PASSWORD from the environment). IKG_STORE sets the default.

examples:
  ikg query twin-cities
  ikg query collaborators --param actor="Innovasjon Norge"
  ikg query members --param network=ICORN --format csv
  ikg gaps --since 2010
  ikg review --format md
  ikg export --format graphml --out network.graphml
  ikg import memberships.xlsx --dry-run
  ikg history
  ikg undo 20261122
  ikg backup backups/ikg-2026-11-22.nt.gz
"""


def build_parser() -> argparse.ArgumentParser:
    # --store and --lang may stand before or after the command; SUPPRESS keeps the sub-command's
    # missing option from overwriting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", default=argparse.SUPPRESS,
                        help="where the graph is: a folder, 'memory' or a SPARQL endpoint URL")
    common.add_argument("--lang", choices=["en", "nb"], default=argparse.SUPPRESS,
                        help="language of labels and messages (default en)")

    parser = argparse.ArgumentParser(
        prog="ikg",
        description="A knowledge graph of a city's international relationships: actors, networks, memberships, "
        "twin cities, projects, target areas and SDGs, every fact with its source.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"ikg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", parents=[common], help="check the shipped data, or given files, against the shapes")
    p.add_argument("files", nargs="*", type=Path, help="Turtle/JSON-LD files to check (default: the shipped data)")

    sub.add_parser("queries", parents=[common], help="list the named questions, each with what it asks")

    p = sub.add_parser("query", parents=[common], help="answer a named question or run a read-only .rq file")
    p.add_argument("name", help="a question name (see `ikg queries`) or a path to a .rq file")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a parameter, e.g. actor=NTNU")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")

    sub.add_parser("stats", parents=[common], help="count what the graph holds, and the size of the network")

    p = sub.add_parser("gaps", parents=[common], help="gaps in the portfolio, each with why it matters")
    p.add_argument("--since", type=int, default=2010,
                   help="twin cities with no activity since this year (default 2010)")

    p = sub.add_parser("review", parents=[common], help="the section 5.1 review table of memberships and agreements")
    p.add_argument("--format", choices=["table", "md", "csv"], default="table")

    p = sub.add_parser("export", parents=[common],
                       help="write the graph as ttl, jsonld, nt, graphml (Gephi), csv or xlsx")
    p.add_argument("--format", choices=list(io.EXPORT_FORMATS), required=True)
    p.add_argument("--out", type=Path, required=True, help="file to write (a folder for csv)")

    p = sub.add_parser("load", parents=[common], help="bulk-load RDF files into the configured store")
    p.add_argument("files", nargs="+", type=Path)

    p = sub.add_parser("reset", parents=[common], help="rebuild the store from ontology/ and data/ (asks first)")
    p.add_argument("--from-data", action="store_true", required=True, help="rebuild from the shipped files")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--drop-assessments", action="store_true", help="also remove the review assessments")

    editing = argparse.ArgumentParser(add_help=False)
    editing.add_argument("--editor", help="your name, saved with the change (default: IKG_EDITOR or your login)")
    editing.add_argument("--why", default="", help="why you make this change (saved with it)")

    p = sub.add_parser("import", parents=[common, editing],
                       help="import a CSV, XLSX, Turtle or JSON-LD file: all of it or, if anything is wrong, nothing")
    p.add_argument("file", type=Path)
    p.add_argument("--kind", help="for CSV: which kind of thing the rows are (see the templates)")
    p.add_argument("--dry-run", action="store_true", help="check and show what would change, write nothing")

    p = sub.add_parser("history", parents=[common], help="list the recorded changes, or show one with --show ID")
    p.add_argument("--limit", type=int, default=30, help="how many changes to list (newest first; default 30)")
    p.add_argument("--show", metavar="ID", help="show the triples one change added and removed")

    p = sub.add_parser("undo", parents=[common, editing], help="undo a recorded change (as a new change)")
    p.add_argument("id", help="the change's id from `ikg history` (a unique prefix of 4+ characters is enough)")

    p = sub.add_parser("backup", parents=[common], help="write a consistent snapshot of the store to a file")
    p.add_argument("path", type=Path, help="an .nt or .nt.gz file")

    sub.add_parser("password", parents=[common],
                   help="make the editor_password_hash line for .streamlit/secrets.toml (asks for the password)")

    p = sub.add_parser("restore", parents=[common, editing],
                       help="replace the store's content by a backup (asks first; recorded, so it can be undone)")
    p.add_argument("path", type=Path)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def editor_name(args) -> str:
    """Who makes a change from the command line: --editor, IKG_EDITOR, or the login name."""
    import getpass

    if getattr(args, "editor", None):
        return args.editor
    if os.environ.get("IKG_EDITOR"):
        return os.environ["IKG_EDITOR"]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ikg"


def confirmed(args, what: str, question: str) -> bool:
    """--yes, or a yes typed in a terminal; refuses without a terminal rather than guess."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise InputError(f"{what} needs confirmation: run it in a terminal, or add --yes")
    if input(f"{question} [y/N] ").strip().lower() in ("y", "yes", "j", "ja"):
        return True
    print("nothing changed.")
    return False


def cmd_import(args) -> int:
    from graph.edit.importing import import_file

    store = open_store(args.store)
    result = import_file(store, args.file, editor=editor_name(args), why=args.why, lang=args.lang,
                         dry_run=args.dry_run, kind=args.kind)
    print(result.describe(args.lang) if hasattr(result, "describe") else result)
    return 0


def cmd_history(args) -> int:
    from graph.history.changes import changes, diff, find

    store = open_store(args.store)
    if args.show:
        change = find(store, args.show, args.lang)
        added, removed = diff(store, change.id, args.lang)
        print(f"change {change.id}  {change.time}  {change.editor}  {change.action}"
              + (f"  — {change.comment}" if change.comment else ""))
        for sign, graph in (("-", removed), ("+", added)):
            for s, p, o in sorted(graph, key=lambda tr: tuple(term.n3() for term in tr)):
                print(f"{sign} {s.n3(graph.namespace_manager)} {p.n3(graph.namespace_manager)} "
                      f"{o.n3(graph.namespace_manager)}")
        return 0
    rows = [[c.id, c.time, c.editor, c.action, f"+{c.added_count} -{c.removed_count}",
             (f"undone by {c.undone_by}" if c.undone_by else "") + (f"undoes {c.undoes}" if c.undoes else ""),
             c.comment] for c in changes(store, limit=args.limit)]
    print(format_table(Table(["id", "time", "editor", "action", "triples", "undo", "why"], rows)))
    return 0


def cmd_undo(args) -> int:
    from graph.history.changes import undo

    store = open_store(args.store)
    change = undo(store, args.id, editor=editor_name(args), why=args.why, lang=args.lang)
    print(f"undid change {change.undoes}: new change {change.id} "
          f"(+{change.added_count} -{change.removed_count} triples)")
    return 0


def cmd_password(args) -> int:
    import getpass

    from graph.edit.auth import hash_password

    first = getpass.getpass("editor password: ")
    if len(first) < 10:
        raise InputError("the password is too short: use at least 10 characters (a few words are easy to remember)")
    if getpass.getpass("again: ") != first:
        raise InputError("the two passwords differ; nothing was made")
    print("# put these two lines in .streamlit/secrets.toml (never commit that file)")
    print("[ikg]")
    print(f'editor_password_hash = "{hash_password(first)}"')
    return 0


def cmd_backup(args) -> int:
    from graph.history.backup import backup

    store = open_store(args.store)
    n = backup(store, args.path)
    print(f"wrote {n} triples from {store.describe()} to {args.path}")
    return 0


def cmd_restore(args) -> int:
    from graph.history.backup import read_backup, restore

    store = open_store(args.store, fill=False)
    n = len(read_backup(args.path))  # check the whole file before asking
    if not confirmed(args, "restore", f"Replace everything in {store.describe()} with the {n} triples of {args.path}?"):
        return 1
    restore(store, args.path, editor=editor_name(args), why=args.why, lang=args.lang)
    print(f"restored {n} triples from {args.path} into {store.describe()} (undo with `ikg undo`)")
    return 0


def parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--param {pair!r}: write it as KEY=VALUE, e.g. --param actor=NTNU")
        params[key.strip()] = value.strip()
    return params


def format_table(table: Table, width: int = 60) -> str:
    """A plain-text table for the terminal; long cells are cut with an ellipsis."""
    if not table.rows:
        return "(no rows)"

    def cut(text: str) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    # The last column (sources, chains) is printed whole; the others are cut to keep rows readable.
    rows = [[cut(c) for c in row[:-1]] + row[-1:] for row in table.rows]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(table.columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join([line.rstrip(), rule, *body])


def markdown_table(table: Table) -> str:
    def esc(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    head = "| " + " | ".join(table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    return "\n".join([head, rule, *("| " + " | ".join(esc(c) for c in row) + " |" for row in table.rows)])


def emit(table: Table, fmt: str) -> None:
    if fmt == "csv":
        sys.stdout.write(io.csv_text(table.columns, table.rows))
    elif fmt == "json":
        print(io.table_json(table.columns, table.rows))
    elif fmt == "md":
        print(markdown_table(table))
    else:
        print(format_table(table))


def cmd_validate(args) -> int:
    from graph.rdf.shapes import format_problem, validate_files

    files = args.files or None
    problems = validate_files(files, lang=args.lang) if files else validate_files(None, lang=args.lang)
    for problem in problems:
        print(format_problem(problem))
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("valid: no problems found." if args.lang == "en" else "gyldig: ingen problemer funnet.")
    return 0


def cmd_queries(args) -> int:
    for q in queries.list_questions():
        params = " ".join(f"[{p.name}=…]" if p.optional else f"{p.name}=…" for p in q.params)
        print(f"{q.name}{(' ' + params) if params else ''}")
        print(f"    {q.description(args.lang)}")
    return 0


def cmd_query(args) -> int:
    store = open_store(args.store)
    table = queries.run(store, args.name, parse_params(args.param), args.lang)
    emit(table, args.format)
    return 0


def cmd_stats(args) -> int:
    store = open_store(args.store)
    emit(queries.run(store, "counts", {}, args.lang), "table")
    g = analysis.collaboration_graph(store, args.lang)
    print()
    print(f"triples: {store.count()}")
    print(f"collaboration network: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    return 0


def cmd_gaps(args) -> int:
    store = open_store(args.store)
    for gap, table in gaps.gap_tables(store, args.lang, args.since):
        print(f"## {gap.title[args.lang]}")
        print(gap.why[args.lang])
        print()
        print(format_table(table))
        print()
    brokers, isolated = gaps.network_gaps(store, args.lang)
    head = {"en": ("Brokers", "Isolated actors"), "nb": ("Meglere", "Isolerte aktører")}[args.lang]
    for title, why, items in ((head[0], gaps.BROKERS_WHY, brokers), (head[1], gaps.ISOLATED_WHY, isolated)):
        print(f"## {title}")
        print(why[args.lang])
        print()
        print("\n".join(f"- {item}" for item in items) or "(none)")
        print()
    return 0


def cmd_review(args) -> int:
    store = open_store(args.store)
    emit(queries.run(store, "review", {}, args.lang), args.format)
    return 0


def cmd_export(args) -> int:
    store = open_store(args.store)
    written = io.export(store, args.format, args.out, args.lang)
    for path in written:
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


def cmd_load(args) -> int:
    store = open_store(args.store, fill=False)
    start = time.perf_counter()
    missing = [str(f) for f in args.files if not f.exists()]
    if missing:
        raise InputError(f"no such file: {', '.join(missing)}")

    def progress(path: Path, n: int, fraction: float) -> None:
        bar = "#" * int(30 * fraction)
        end = "\n" if fraction >= 1.0 else ""
        print(f"\r  {path.name} [{bar:<30}] {fraction:4.0%} {n:,} triples {time.perf_counter() - start:.1f} s",
              end=end, file=sys.stderr, flush=True)

    total = store.load(args.files, progress=progress)
    seconds = time.perf_counter() - start
    print(f"loaded {total} triples in {seconds:.1f} s into {store.describe()}")
    return 0


def cmd_reset(args) -> int:
    from graph.store.base import reset_from_data

    store = open_store(args.store, fill=False)
    kept = "" if args.drop_assessments else " Review assessments are kept."
    if not confirmed(args, "reset", f"Replace everything in {store.describe()} with ontology/ and data/?{kept}"):
        return 1
    start = time.perf_counter()
    n = reset_from_data(store, keep_assessments=not args.drop_assessments, editor=editor_name(args))
    seconds = time.perf_counter() - start
    print(f"rebuilt {store.describe()} from the shipped files: {n} triples in {seconds:.1f} s.{kept}")
    return 0


def warn_if_stale(args) -> None:
    """Tell the user when data/ changed after the store was filled (their store is not rebuilt silently)."""
    from graph.store.base import is_stale

    if args.command in ("validate", "queries", "reset", "load", "password", "restore", "backup"):
        return
    try:
        store = open_store(args.store)
    except IkgError:
        return
    if is_stale(store):
        print(f"ikg: note: data/ has changed since {store.describe()} was filled; "
              "run `ikg reset --from-data` to rebuild it", file=sys.stderr)


COMMANDS = {
    "validate": cmd_validate,
    "queries": cmd_queries,
    "query": cmd_query,
    "stats": cmd_stats,
    "gaps": cmd_gaps,
    "review": cmd_review,
    "export": cmd_export,
    "load": cmd_load,
    "reset": cmd_reset,
    "import": cmd_import,
    "history": cmd_history,
    "undo": cmd_undo,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "password": cmd_password,
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.store = getattr(args, "store", None)
    args.lang = getattr(args, "lang", "en")
    if not args.command:
        parser.print_help()
        return 0
    try:
        warn_if_stale(args)
        return COMMANDS[args.command](args)
    except IkgError as exc:
        print(f"ikg: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("ikg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except Exception as exc:  # last resort: never a traceback for a user
        if os.environ.get("IKG_DEBUG"):
            raise
        print(f"ikg: unexpected error: {exc} (run with IKG_DEBUG=1 for details)", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
