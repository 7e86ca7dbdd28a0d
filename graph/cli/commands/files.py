"""Commands that take files in or write them out: `validate`, `export`, `load` and `import`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import graph.render.ready as ready
from graph.cli.output import safe_lines
from graph.cli.prompts import confirmed, editor_name
from graph.edit.uploads import ACCEPTED
from graph.errors import InputError
from graph.history.shipped import exported_into, open_store
from graph.i18n import decimal, languages, number, t
from graph.render.exports import export
from graph.store import undone_if_failed


def cmd_validate(args: argparse.Namespace) -> int:
    from graph.edit.importing import ImportErrors, check_files
    from graph.rdf.shapes import format_problem, validate_files

    if args.store and not args.files:
        return _validate_store(args)
    for path in args.files or []:  # a type neither check reads: said as validate's, not as an import's refusal
        if path.is_file() and path.suffix.lower() not in ACCEPTED:  # the import's types: tables are told apart
            raise InputError.of("cli.validate.unknown_type", args.lang, name=path)
    try:
        check_files(args.files or [], lang=args.lang)  # what `ikg import` refuses, with its messages (issue 10)
    except ImportErrors as error:
        raise error.as_check() from None
    problems = validate_files(args.files or None, lang=args.lang)
    for problem in problems:
        print(format_problem(problem))
    if problems:
        print(t("cli.validate.problems", args.lang, n=number(len(problems), args.lang)), file=sys.stderr)
        return 1
    print(t("cli.validate.ok", args.lang))
    return 0


def _validate_store(args: argparse.Namespace) -> int:
    """`ikg validate --store S`: the store's data (without its change history) against the shapes."""
    from graph.rdf.shapes import format_problem, validate
    from graph.render.data_export import data_graph

    store = open_store(args.store)
    problems = validate(data_graph(store), lang=args.lang)
    for problem in problems:
        print(format_problem(problem))
    if problems:
        print(t("city.validate.store", args.lang, store=store.describe(), n=len(problems)), file=sys.stderr)
        return 1
    print(t("city.validate.store_ok", args.lang, store=store.describe()))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if getattr(args, "data", None) and (args.format or args.out):  # one or the other: neither is dropped unsaid
        raise InputError(t("city.err.export_both", args.lang))
    if not getattr(args, "data", None) and not (args.format and args.out):
        raise InputError(t("city.err.export_needs", args.lang))
    store = open_store(args.store)
    if getattr(args, "data", None):
        from graph.render.data_export import export_data

        for path, n in export_data(store, args.data, args.lang):
            print(t("city.export.wrote", args.lang, path=path, n=number(n, args.lang)))
        exported_into(store, args.data)
        return 0
    written = export(store, args.format, args.out, args.lang)
    for path in written:
        print(t("cli.export.wrote", args.lang, path=path, size=number(path.stat().st_size, args.lang)))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from graph.rdf.parsing import file_format

    missing = [str(f) for f in args.files if not f.exists()]
    if missing:
        raise InputError.of("cli.load.missing", args.lang, files=", ".join(missing))
    for path in args.files:  # a folder or a file of no RDF type: refused before the store is opened
        file_format(path, args.lang)
    start = time.perf_counter()

    def progress(path: Path, n: int, fraction: float) -> None:
        bar = "#" * int(30 * fraction)
        end = "\n" if fraction >= 1.0 else ""
        triples = t("cli.load.progress", args.lang, n=number(n, args.lang))
        took = decimal(time.perf_counter() - start, args.lang, 1)
        print(f"\r  {path.name} [{bar:<30}] {fraction:4.0%} {triples} {took} s",
              end=end, file=sys.stderr, flush=True)

    with undone_if_failed(args.store):  # a first load that fails leaves no empty store folder behind
        store = open_store(args.store, fill=False)
        total = store.load(args.files, progress=progress, lang=args.lang)
    seconds = time.perf_counter() - start
    print(t("cli.load.done", args.lang, n=number(total, args.lang), seconds=decimal(seconds, args.lang, 1),
            store=store.describe()))
    if not store.ask("ASK { ikg:Network rdfs:label ?name }"):  # data without the vocabulary: kinds unnamed
        print(t("cli.load.no_vocabulary", args.lang), file=sys.stderr)
    start = time.perf_counter()

    def readying(done: int, of: int) -> None:
        bar = "#" * (30 * done // of)
        took = decimal(time.perf_counter() - start, args.lang, 1)
        print(f"\r  {t('cli.load.preparing', args.lang)} [{bar:<30}] {done}/{of} {took} s",
              end="\n" if done == of else "", file=sys.stderr, flush=True)

    if ready.prepare(store, languages(), readying):
        print(t("cli.load.prepared", args.lang, seconds=decimal(time.perf_counter() - start, args.lang, 1),
                folder=store.derived_folder))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Preview the file, then write it; a preview with notes (an example row, a guessed encoding) asks first."""
    from graph.edit.importing import ImportResult, apply, import_file

    if args.file.is_dir():  # the import's own types (the parser's listed .nq and .trig, which it refuses)
        raise InputError.of("cli.import.folder", args.lang, name=args.file, known=", ".join(sorted(ACCEPTED)))
    store = open_store(args.store)
    editor = editor_name(args)
    preview = import_file(store, args.file, editor=editor, why=args.why, lang=args.lang, dry_run=True,
                          kind=args.kind).preview
    if args.dry_run:
        print(safe_lines(ImportResult(preview).describe(args.lang)))  # labels from the file: no escape sequence runs
        return 0
    asked = bool(preview.warnings)
    if asked:  # the whole preview, its notes last, before the question
        print(safe_lines("\n".join(preview.lines(args.lang))))
        if not confirmed(args, "import", t("cli.import.question", args.lang, name=args.file.name)):
            return 1
    done = ImportResult(preview, apply(store, preview, editor=editor, why=args.why, lang=args.lang))
    print(safe_lines(done.describe(args.lang, preview=not asked)))
    return 0


COMMANDS = {
    "validate": cmd_validate,
    "export": cmd_export,
    "load": cmd_load,
    "import": cmd_import,
}
