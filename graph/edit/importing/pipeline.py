"""The import of one file: `prepare` checks it and previews the change without writing, `apply` writes
it in one recorded transaction, `import_file` does both for a file on disk (`ikg import FILE`)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from rdflib import BNode, Graph, Literal, URIRef

import graph.edit.tabular as tabular
from graph import config
from graph.edit.importing.checks import check_file
from graph.edit.importing.entities import Preview, entities
from graph.edit.importing.locator import RELATIVE_BASE, Locator
from graph.edit.importing.problems import ImportErrors, ImportProblem, refused
from graph.edit.importing.shapes import shape_problems
from graph.edit.importing.sources import source_problems
from graph.edit.uploads import check_upload, max_upload_bytes, read_upload, size_text
from graph.errors import InputError
from graph.history.changes import Change, commit
from graph.history.shipped import open_store
from graph.i18n import number, t
from graph.rdf.parsing import ParseError, decode_text, parse_text, read_bytes
from graph.rdf.skolem import skolemise
from graph.render.view.changes_text import change_rows
from graph.store.base import Store, is_iri
from graph.vocab.namespaces import bind_prefixes


def prepare(store: Store, name: str, data: bytes, *, lang: str = "en", kind: str | None = None,
            max_bytes: int | None = None) -> Preview:
    """Check a file and compute what importing it would change, without writing anything.

    Raises ImportErrors (an InputError) listing every problem; for CSV/XLSX the table reader's
    TableErrors (also an InputError, with `.problems` as (row, column, message)) comes through as is.
    """
    generation = store.generation
    try:
        file_type = check_upload(name, data, lang, max_bytes)
    except InputError as error:
        raise refused(name, error, lang) from None
    problems: list[ImportProblem] = []
    warnings: list[str] = []
    said: set[tuple[str, str]] = set()
    locator: Locator | None = None
    rows: dict[str, int] = {}  # a table's things and the rows that make them
    if file_type in ("csv", "xlsx"):
        add, remove, summary, rows, warnings = _from_table(store, name, data, kind, lang)
    else:
        try:
            text = decode_text(data, name, lang)
            parsed = parse_text(text, file_type, name, base=RELATIVE_BASE, lang=lang)
        except ParseError as error:
            raise refused(name, error, lang) from None
        if len(parsed) > max_triples():
            raise ImportErrors(name, [ImportProblem("", t("import.too_many_triples", lang, name=name,
                                                          n=number(len(parsed), lang),
                                                          limit=number(max_triples(), lang)))], lang)
        locator = Locator(text, file_type)
        bad = _bad_iris(parsed)
        if bad:
            raise ImportErrors(name, [ImportProblem("", t("import.bad_iri", lang, iri=iri[:200])) for iri in bad],
                               lang)
        add, found = check_file(store, parsed, text, name, lang, locator)
        problems, warnings, said = found.problems, found.warnings, found.said
        remove, summary = Graph(), ""
    present = store.present(list(add) + list(remove)) if len(add) or len(remove) else set()
    to_add, to_remove = Graph(), Graph()
    for triple in add:
        if triple not in present:
            to_add.add(triple)
    for triple in remove:
        if triple in present:
            to_remove.add(triple)
    # The shapes see the graph as it would be after the real change (what is already there stays).
    problems += shape_problems(store, to_add, to_remove, lang, locator, said)
    if locator is not None:  # an RDF file: facts on existing things need a source, names must stay unique
        problems += source_problems(store, add, to_add, lang, locator)
    else:  # a table makes new things, each with its source; their names must keep lookup unambiguous too
        named = source_problems(store, add, to_add, lang)
        if named:
            raise tabular.TableErrors(sorted(((rows.get(p.entity or ""), "", p.message) for p in named),
                                             key=lambda problem: (problem[0] or 0, problem[2])), lang)
    if problems:
        raise ImportErrors(name, problems, lang)
    new, changed = entities(store, to_add, to_remove, lang)
    told = len(to_add) + len(to_remove) <= MOST_TOLD
    values = change_rows(store, to_add, to_remove, lang) if told else []
    return Preview(name=name, file_type=file_type, lang=lang, add=bind_prefixes(to_add), remove=to_remove,
                   new=new, changed=changed, warnings=warnings, values=values, values_told=told,
                   summary=summary, kind=kind,
                   generation=generation, store_id=id(store), data=data, max_bytes=max_bytes)


MOST_TOLD = 20_000  # a preview lists the values of a change of up to this many triples


def max_triples() -> int:
    """The most triples one import may hold: IKG_MAX_TRIPLES, or 200,000 when unset or not a positive number."""
    setting = config.env("IKG_MAX_TRIPLES")
    return int(setting) if setting.isdigit() and int(setting) > 0 else 200_000


def _bad_iris(graph: Graph) -> list[str]:
    """IRIs of a parsed file (datatypes included) that are not IRIs: characters IRIs may not hold, or no scheme.

    rdflib reads `<" } ; DROP ALL ; #>` or `<a\\u0020b>` as an IRI; such a term must never reach a
    store, an update or a change record."""
    bad = set()
    for triple in graph:
        for term in triple:
            iris = [term] if isinstance(term, URIRef) else (
                [term.datatype] if isinstance(term, Literal) and term.datatype is not None else [])
            for iri in iris:
                text = str(iri)
                if not is_iri(text):
                    bad.add(text)
    return sorted(bad)


def _from_table(store: Store, name: str, data: bytes, kind: str | None,
                lang: str) -> tuple[Graph, Graph, str, dict[str, int], list[str]]:
    """A CSV or XLSX file read by graph.edit.tabular: the triples to add and remove, its summary, the
    row of each thing it makes and its warnings."""
    patch = tabular.patch_from_table(store, name, data, kind=kind, lang=lang)
    add, remove = Graph(), Graph()
    for triple in patch.add:
        add.add(triple)
    for triple in patch.remove:
        remove.add(triple)
    if any(isinstance(term, BNode) for triple in add for term in triple):
        add = skolemise(add)
    rows = {iri: number for number, iri, _ in patch.items}
    # its sentence: "2 rows read from x.csv: 2 × Network."
    return add, remove, patch.preview(lang), rows, patch.warnings(lang)


def apply(store: Store, preview: Preview, *, editor: str, why: str = "", lang: str = "en") -> Change:
    """Write a prepared import in one transaction, recorded in the history with action "import".

    When the store changed since `prepare` (another edit, another import), the file is checked
    again against the graph as it is now, and refused if problems appear.
    """
    if not (editor or "").strip():
        raise InputError.of("err.editor", lang)
    if preview.store_id != id(store):
        raise InputError.of("import.other_store", lang)
    with store.write_lock:
        current = preview
        # A remote store can be written by others without our counter noticing: always check again.
        if store.generation != preview.generation or store.kind == "sparql":
            current = prepare(store, preview.name, preview.data, lang=lang, kind=preview.kind,
                              max_bytes=preview.max_bytes)
        if current.is_empty:
            raise InputError.of("import.nothing_new", lang, name=preview.name)
        return commit(store, add=current.add, remove=current.remove, editor=editor, action="import",
                      why=(why or "").strip() or t("import.why_default", lang, name=PurePath(preview.name).name),
                      lang=lang)


@dataclass
class ImportResult:
    """What `import_file` did: the preview and, unless it was a dry run, the recorded change."""

    preview: Preview
    change: Change | None = None

    def describe(self, lang: str | None = None, preview: bool = True) -> str:
        """The preview's lines (unless preview=False: shown already), then what was written or that nothing was."""
        lang = lang or self.preview.lang
        lines = self.preview.lines(lang) if preview else []
        if self.change is None:
            lines.append(t("import.dry_run", lang))
        else:
            lines.append(t("import.saved", lang, id=self.change.id, add=number(self.change.added_count, lang),
                           remove=number(self.change.removed_count, lang)))
        return "\n".join(lines)

    def __iter__(self) -> Iterator[Preview | Change | None]:  # preview, change = import_file(...)
        return iter((self.preview, self.change))

    def __str__(self) -> str:
        return self.describe()


def check_files(paths: Iterable[str | os.PathLike[str]], lang: str = "en") -> None:
    """`ikg validate FILE …`: refuse what `ikg import` refuses, with the same messages (ImportErrors).

    Each file is checked as an import into the shipped graph (a store in memory, so no store of the user's
    is opened or locked) would check it: size read, gate, syntax, IRIs, vocabulary, names, ranges, links,
    sources and shapes. A file whose statements are all in the shipped data passes (nothing would change).
    """
    store: Store | None = None
    for path in paths:
        name = os.fspath(path)
        if Path(name).suffix.lower() in (".csv", ".xlsx"):
            raise InputError.of("validate.tables", lang, name=name)
        data = _read(path, name, max_upload_bytes(lang), lang)
        try:
            check_upload(name, data, lang)  # the gate first: an empty or binary file needs no graph
        except InputError as error:
            raise refused(name, error, lang) from None
        store = store or open_store("memory")
        prepare(store, name, data, lang=lang)


def _read(path: str | os.PathLike[str], name: str, limit: int, lang: str) -> bytes:
    """A file's bytes, never more than `limit` whatever the file system says; ImportErrors in words."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0  # reading below says what is wrong, in words
    if size > limit:  # refuse before reading a huge file into memory
        raise refused(name, InputError.of("upload.too_big", lang, name=name, size=size_text(size, lang),
                                          limit=size_text(limit, lang)), lang)
    try:
        return read_upload(path, lang, limit)
    except InputError as error:
        raise refused(name, error, lang) from None
    except OSError:
        try:
            return read_bytes(Path(path), name, lang)  # says in words why the file cannot be read
        except ParseError as error:
            raise refused(name, error, lang) from None


def import_file(store: Store, path: str | os.PathLike[str], *, editor: str = "", why: str = "", lang: str = "en",
                dry_run: bool = False, kind: str | None = None, max_bytes: int | None = None) -> ImportResult:
    """Import one file (the CLI's `ikg import FILE`): the preview, and the recorded change unless dry_run."""
    name = os.fspath(path)
    limit = max_upload_bytes(lang) if max_bytes is None else max_bytes
    data = _read(path, name, limit, lang)
    preview = prepare(store, name, data, lang=lang, kind=kind, max_bytes=limit)
    if dry_run:
        return ImportResult(preview)
    return ImportResult(preview, apply(store, preview, editor=editor, why=why, lang=lang))
