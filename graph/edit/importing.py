"""Import a file into the graph, all or nothing: `ikg import FILE` and the app's upload page.

`prepare` takes a file's name and bytes through the gate (graph.uploads), the checked parser
(graph.parsing) and every check below, and computes what would change, **without writing**. Any
problem refuses the whole file: `ImportErrors` lists every problem found (not just the first), each
with where it is (a line and column, or the entity) and how to fix it, in the user's language.
`apply` then writes the previewed change through `graph.history.commit` (one transaction, recorded
with action "import", undoable), after making sure the store has not changed in between.

The checks on RDF files (Turtle, N-Triples, JSON-LD):

- the syntax, and literals that do not fit their datatype ("2019-02-31"^^xsd:date);
- nothing is fetched: remote JSON-LD contexts and `owl:imports` are refused, never followed;
- a file holds data only: no statements about the vocabulary's own terms (ikg:, SKOS, ORG …), no
  misspelt ikg: terms, no change-history records, no relative IRIs without a base;
- no clashing identifiers: an IRI already in the graph keeps its type and its labels;
- every network, member, target area … that the file points at exists in the file or the graph;
- the SHACL shapes (ontology/shapes.ttl), on the change's neighbourhood (graph.validate.validate_change).

Re-importing a file changes nothing: blank nodes get IRIs from their content
(graph.store.skolemise), so the same file gives the same triples. CSV and XLSX tables are read by
graph.tabular.patch_from_table and then go through the same SHACL check and the same `apply`.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from urllib.parse import urljoin

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, TIME, XSD
from rdflib.term import Node

from graph.edit.uploads import check_upload, max_upload_bytes, size_text
from graph.errors import InputError
from graph.history.changes import CHANGE_BASE, Change, commit
from graph.i18n import number, t
from graph.rdf.parsing import ParseError, decode_text, literal_problems, parse_text, quiet_rdflib, read_bytes
from graph.rdf.shapes import Problem, shipped_ontology, validate_change
from graph.store.base import Store, is_iri, skolemise
from graph.vocab.namespaces import GEO, IKG, ORG, SCHEMA, SDG, bind_prefixes

RELATIVE_BASE = "https://relative.invalid/"  # never resolves; marks IRIs the file left relative
GENID = "/.well-known/genid/"
IKG_NS = str(IKG._NS)
SHAPES_NS = "https://w3id.org/ikg/shapes#"
# Terms of these vocabularies are defined by ontology/ (or by their owners), never by a data file.
VOCABULARIES = (IKG_NS, SHAPES_NS, str(SDG), str(RDF), str(RDFS), str(OWL), str(XSD), str(SKOS), str(ORG),
                str(TIME), str(PROV), str(DCTERMS), str(SCHEMA), str(GEO), str(FOAF), str(SH))
SDG_SCHEME = URIRef("http://metadata.un.org/sdg")
CHANGE_TERMS = {IKG.Change, IKG.added, IKG.removed, IKG.addedCount, IKG.removedCount, IKG.undoes, IKG.editor,
                IKG.action}
# Links whose target must exist, in the file or in the graph (SHACL then checks it is the right kind).
REFERENCES = {
    ORG.organization: (IKG.Network,),
    ORG.member: (IKG.Actor,),
    IKG.targetArea: (IKG.TargetArea,),
    IKG.participant: (IKG.Actor,),
    IKG.party: (IKG.Actor,),
    IKG.project: (IKG.Project,),
    IKG.responsibleUnit: (IKG.Actor,),
    IKG.location: (IKG.City,),
    IKG.partOf: (IKG.Network, IKG.Project, IKG.Agreement, IKG.WorkingGroup),
    IKG.programme: (IKG.FundingProgramme,),
    IKG.funder: (IKG.Actor,),
    IKG.theme: (IKG.Theme,),
    IKG.sdg: (IKG.SDG,),
    IKG.section: (IKG.Section,),
    IKG.homeActor: (IKG.Actor,),
    IKG.framework: (IKG.Agreement, IKG.Network),
    IKG.status: (IKG.Status,),
    IKG.agreementType: (IKG.AgreementType,),
    IKG.evidence: (IKG.Evidence,),
    ORG.role: (IKG.Role,),
    ORG.unitOf: (IKG.City, IKG.MunicipalUnit),
    SCHEMA.containedInPlace: (IKG.Country,),
    DCTERMS.isPartOf: (IKG.SourceDocument,),
}
BATCH = 200
MAX_LISTED = 8  # a missing link's possible targets are listed when there are at most this many


# ---------------------------------------------------------------------------------------------
# Problems
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    """One reason a file is refused: where (`location`: "line 3, column 5", or the entity) and what."""

    location: str
    message: str
    line: int | None = None
    column: int | None = None
    entity: str | None = None  # the IRI concerned, when there is one

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def _key(self):
        return (self.line is None, self.line or 0, self.column or 0, self.location, self.message)


class ImportErrors(InputError):  # noqa: N818 - the name the upload page and tabular.TableErrors share
    """A refused import: `.problems` lists every problem; `str()` is the list people read."""

    def __init__(self, name: str, problems: Iterable[ImportProblem], lang: str = "en", text: str | None = None):
        self.name, self.lang = name, lang
        self.problems = sorted(problems, key=ImportProblem._key)
        super().__init__(text if text is not None else _listing(name, self.problems, lang))


def _listing(name: str, problems: list[ImportProblem], lang: str) -> str:
    if len(problems) == 1:
        head = t("import.refused_one", lang, name=name)
    else:
        head = t("import.refused_many", lang, name=name, n=number(len(problems), lang))
    return "\n".join([head, *(f"- {problem}" for problem in problems)])


def _refused(name: str, error: InputError, lang: str) -> ImportErrors:
    """A one-line refusal (the gate, a syntax error) as ImportErrors whose text is that line."""
    if isinstance(error, ParseError):
        location = ""
        if error.line is not None:
            location = (t("import.at_line_col", lang, line=error.line, col=error.column) if error.column
                        else t("import.at_line", lang, line=error.line))
        problem = ImportProblem(location, error.detail, error.line, error.column)
    else:
        problem = ImportProblem("", str(error))
    return ImportErrors(name, [problem], lang, text=str(error))


# ---------------------------------------------------------------------------------------------
# What an import would change
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """A thing an import adds or changes, named as people see it."""

    iri: str
    label: str
    kind: str  # the class label in the user's language, e.g. "Network" / "Nettverk"


@dataclass
class Preview:
    """What importing a file would do; nothing is written until `apply`.

    `add` and `remove` hold only triples that change the graph (what is already there is not
    counted); `new` are entities the graph does not have yet, `changed` entities that it has and
    that gain or lose statements.
    """

    name: str
    file_type: str  # "turtle", "json-ld", "nt", "csv" or "xlsx"
    lang: str
    add: Graph
    remove: Graph
    new: list[Entity]
    changed: list[Entity]
    warnings: list[str] = field(default_factory=list)
    summary: str = ""  # the table reader's own summary (CSV/XLSX)
    kind: str | None = None  # what the table holds (CSV/XLSX), as given to prepare
    generation: int = 0
    store_id: int = 0
    data: bytes = b""
    max_bytes: int | None = None

    @property
    def added_count(self) -> int:
        return len(self.add)

    @property
    def removed_count(self) -> int:
        return len(self.remove)

    @property
    def is_empty(self) -> bool:
        return not len(self.add) and not len(self.remove)

    def new_by_kind(self) -> dict[str, list[Entity]]:
        """The new entities grouped by kind (kinds and entities sorted by name)."""
        groups: dict[str, list[Entity]] = defaultdict(list)
        for entity in self.new:
            groups[entity.kind].append(entity)
        return dict(sorted(groups.items()))

    def lines(self, lang: str | None = None) -> list[str]:
        """The preview as lines of text (for the CLI; the page shows the same parts as tables)."""
        lang = lang or self.lang
        out = [t("import.preview.title", lang, name=self.name)]
        if self.is_empty:
            out.append(t("import.preview.nothing", lang))
        else:
            out.append(t("import.preview.counts", lang, add=number(self.added_count, lang),
                         remove=number(self.removed_count, lang)))
        if self.summary:
            out.append(self.summary)
        if self.new:
            out.append(t("import.preview.new", lang, n=number(len(self.new), lang)))
            for kind, entities in self.new_by_kind().items():
                out.append("  " + t("import.preview.kind_count", lang, kind=kind, n=number(len(entities), lang)))
                out += [f"    - {_entity_text(e, lang)}" for e in entities]
        if self.changed:
            out.append(t("import.preview.changed", lang, n=number(len(self.changed), lang)))
            out += [f"  - {e.kind}: {_entity_text(e, lang)}" for e in self.changed]
        if self.warnings:
            out.append(t("import.preview.warnings", lang))
            out += [f"  - {warning}" for warning in self.warnings]
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _quote(text: str, lang: str) -> str:
    return f"«{text}»" if lang == "nb" else f"“{text}”"


def _entity_text(entity: Entity, lang: str) -> str:
    return f"{_quote(entity.label, lang)} <{entity.iri}>" if entity.label else f"<{entity.iri}>"


# ---------------------------------------------------------------------------------------------
# prepare / apply / import_file
# ---------------------------------------------------------------------------------------------


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
        raise _refused(name, error, lang) from None
    if file_type in ("csv", "xlsx"):
        add, remove, summary = _from_table(store, name, data, file_type, kind, lang)
        problems, warnings = [], []
        locator = checker = None
    else:
        try:
            text = decode_text(data, name, lang)
            graph = parse_text(text, file_type, name, base=RELATIVE_BASE, lang=lang)
        except ParseError as error:
            raise _refused(name, error, lang) from None
        locator = _Locator(text, file_type)
        bad = _bad_iris(graph)
        if bad:
            raise ImportErrors(name, [ImportProblem("", t("import.bad_iri", lang, iri=iri[:200]), entity=None)
                                      for iri in bad], lang)
        checker = _Checker(store, graph, text, name, lang, locator)
        add, problems, warnings = checker.run()
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
    problems += _shacl_problems(store, to_add, to_remove, lang, locator, checker.said if checker else set())
    if problems:
        raise ImportErrors(name, problems, lang)
    new, changed = _entities(store, to_add, to_remove, lang)
    return Preview(name=name, file_type=file_type, lang=lang, add=bind_prefixes(to_add), remove=to_remove,
                   new=new, changed=changed, warnings=warnings, summary=summary, kind=kind,
                   generation=generation, store_id=id(store), data=data, max_bytes=max_bytes)


def _bad_iris(graph: Graph) -> list[str]:
    """IRIs of a parsed file (datatypes included) that are not IRIs: characters IRIs may not hold, or no scheme.

    rdflib reads `<" } ; DROP ALL ; #>` or `<a\u0020b>` as an IRI; such a term must never reach a
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


def apply(store: Store, preview: Preview, *, editor: str, why: str = "", lang: str = "en") -> Change:
    """Write a prepared import in one transaction, recorded in the history with action "import".

    When the store changed since `prepare` (another edit, another import), the file is checked
    again against the graph as it is now, and refused if problems appear.
    """
    if not (editor or "").strip():
        raise InputError(t("err.editor", lang))
    if preview.store_id != id(store):
        raise InputError(t("import.other_store", lang))
    with store.write_lock:
        current = preview
        # A remote store can be written by others without our counter noticing: always check again.
        if store.generation != preview.generation or store.kind == "sparql":
            current = prepare(store, preview.name, preview.data, lang=lang, kind=preview.kind,
                              max_bytes=preview.max_bytes)
        if current.is_empty:
            raise InputError(t("import.nothing_new", lang, name=preview.name))
        return commit(store, add=current.add, remove=current.remove, editor=editor, action="import",
                      why=(why or "").strip() or t("import.why_default", lang, name=PurePath(preview.name).name),
                      lang=lang)


@dataclass
class ImportResult:
    """What `import_file` did: the preview and, unless it was a dry run, the recorded change."""

    preview: Preview
    change: Change | None = None

    def describe(self, lang: str | None = None) -> str:
        lang = lang or self.preview.lang
        lines = self.preview.lines(lang)
        if self.change is None:
            lines.append(t("import.dry_run", lang))
        else:
            lines.append(t("import.saved", lang, id=self.change.id, add=number(self.change.added_count, lang),
                           remove=number(self.change.removed_count, lang)))
        return "\n".join(lines)

    def __iter__(self):  # preview, change = import_file(...)
        return iter((self.preview, self.change))

    def __str__(self) -> str:
        return self.describe()


def import_file(store: Store, path: str | os.PathLike, *, editor: str = "", why: str = "", lang: str = "en",
                dry_run: bool = False, kind: str | None = None, max_bytes: int | None = None) -> ImportResult:
    """Import one file (the CLI's `ikg import FILE`): the preview, and the recorded change unless dry_run."""
    name = os.fspath(path)
    limit = max_upload_bytes(lang) if max_bytes is None else max_bytes
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0  # read_bytes below says what is wrong, in words
    if size > limit:  # refuse before reading a huge file into memory
        raise _refused(name, InputError(t("upload.too_big", lang, name=name, size=size_text(size, lang),
                                          limit=size_text(limit, lang))), lang)
    try:
        data = read_bytes(Path(path), name, lang)
    except ParseError as error:
        raise _refused(name, error, lang) from None
    preview = prepare(store, name, data, lang=lang, kind=kind, max_bytes=limit)
    if dry_run:
        return ImportResult(preview)
    return ImportResult(preview, apply(store, preview, editor=editor, why=why, lang=lang))


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------


def _from_table(store, name, data, file_type, kind, lang) -> tuple[Graph, Graph, str]:
    try:
        from graph.edit import tabular
    except ModuleNotFoundError as error:
        if error.name != f"{__package__}.tabular":
            raise
        raise _refused(name, InputError(t("import.tables_unavailable", lang, name=name)), lang) from None
    patch = tabular.patch_from_table(store, name, data, kind=kind, lang=lang)
    add, remove = Graph(), Graph()
    for triple in patch.add:
        add.add(triple)
    for triple in patch.remove:
        remove.add(triple)
    if any(isinstance(term, BNode) for triple in add for term in triple):
        add = skolemise(add)
    # TablePatch.preview(lang) is its one-sentence summary ("2 rows read from x.csv: 2 × Network.")
    summary = patch.preview(lang) if callable(getattr(patch, "preview", None)) else getattr(patch, "summary", "")
    return add, remove, str(summary or "")


# ---------------------------------------------------------------------------------------------
# Finding terms in the file's text
# ---------------------------------------------------------------------------------------------

_TURTLE_TOKENS = re.compile(
    r'(?P<long>"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\')'
    r'|(?P<string>"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<base>(?:@base|(?<![\w:])BASE)\s+<(?P<base_iri>[^>\s]*)>)"
    r"|<(?P<iri>[^>\s]*)>"
    r"|(?<![\w.:-])(?P<prefix>[A-Za-z][\w.-]*)?:(?P<local>(?:[\w-]|\.(?=[\w-]))*)",
    re.IGNORECASE,
)
_PREFIX_DECL = re.compile(r"(?:@prefix|(?<![\w:])PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]*)>", re.IGNORECASE)
_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


class _Locator:
    """Where each IRI first occurs in the file: one pass over the text, so a thousand problems cost one."""

    def __init__(self, text: str, file_type: str):
        self.text, self.json = text, file_type == "json-ld"
        self.first: dict[str, int] = {}
        self.first_subject: dict[str, int] = {}  # where a statement about it starts
        if self.json:
            self._scan_json()
        else:
            self._scan_turtle()

    def where(self, iri, *, subject: bool = False) -> tuple[int, int] | None:
        """Line and column where an IRI first occurs (as the subject of a statement, if asked and found)."""
        index = self.first_subject.get(str(iri)) if subject else None
        if index is None:
            index = self.first.get(str(iri))
        if index is None:
            return None
        line = self.text.count("\n", 0, index) + 1
        return line, index - (self.text.rfind("\n", 0, index) + 1) + 1

    def _note(self, iri: str, index: int) -> None:
        self.first.setdefault(iri, index)
        if iri not in self.first_subject and self._starts_statement(index):
            self.first_subject[iri] = index

    def _starts_statement(self, index: int) -> bool:
        before = self.text[max(0, index - 2000) : index]
        if self.json:
            return bool(re.search(r'"@id"\s*:\s*$', before))
        # Skip blank lines and comment lines; a subject follows the '.' that ends the previous statement.
        lines = [line for line in before.split("\n") if line.strip() and not line.lstrip().startswith("#")]
        last = lines[-1].rstrip() if lines else ""
        return not last or last.endswith((".", "{", "}"))

    def _scan_turtle(self) -> None:
        prefixes = {(p or ""): ns for p, ns in _PREFIX_DECL.findall(self.text)}
        base = RELATIVE_BASE
        for match in _TURTLE_TOKENS.finditer(self.text):
            if match.group("base_iri") is not None:
                base = _resolve(base, match.group("base_iri"))
            elif match.group("iri") is not None:
                self._note(_resolve(base, match.group("iri")), match.start())
            elif match.group("local") is not None and (match.group("prefix") or "") in prefixes:
                self._note(_resolve(base, prefixes[match.group("prefix") or ""]) + match.group("local"), match.start())

    def _scan_json(self) -> None:
        try:
            terms = dict(_json_terms(json.loads(self.text)))
        except (ValueError, RecursionError):
            terms = {}
        for match in _JSON_STRING.finditer(self.text):
            try:
                value = json.loads(match.group(0))
            except ValueError:
                continue
            for iri in _json_iris(value, terms):
                self._note(iri, match.start())


def _resolve(base: str, reference: str) -> str:
    """An IRI reference made absolute (urljoin alone would drop the '#' that ends a namespace)."""
    return reference if re.match(r"[A-Za-z][\w+.-]*:", reference) else urljoin(base, reference)


def _json_terms(node) -> Iterable[tuple[str, str]]:
    """(term, IRI) for every term a JSON-LD document's inline contexts define."""
    if isinstance(node, list):
        for item in node:
            yield from _json_terms(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                for context in value if isinstance(value, list) else [value]:
                    if isinstance(context, dict):
                        for term, definition in context.items():
                            target = definition.get("@id") if isinstance(definition, dict) else definition
                            if isinstance(target, str) and not term.startswith("@"):
                                yield term, target
            else:
                yield from _json_terms(value)


def _json_iris(value: str, terms: dict[str, str]) -> list[str]:
    out = [value, _resolve(RELATIVE_BASE, value)]
    if value in terms:
        out.append(terms[value])
    prefix, colon, local = value.partition(":")
    if colon and prefix in terms:
        out.append(terms[prefix] + local)
    return out


# ---------------------------------------------------------------------------------------------
# The checks on an RDF file
# ---------------------------------------------------------------------------------------------


class _Checker:
    """Runs every check on a parsed file and collects the problems (and a few warnings)."""

    def __init__(self, store: Store, graph: Graph, text: str, name: str, lang: str, locator: _Locator):
        self.store, self.graph, self.text, self.name, self.lang = store, graph, text, name, lang
        self.locator = locator
        self.problems: list[ImportProblem] = []
        self.warnings: list[str] = []
        # (entity IRI, field) already reported here, so the shapes' message on the same field is not repeated
        self.said: set[tuple[str, str]] = set()
        self.ontology = shipped_ontology()
        self.names = _Kinds(self.ontology, lang)
        self.instances: dict[tuple, list[URIRef]] = {}  # things of some classes, for suggestions

    def problem(self, term, message: str, entity=None, *, subject: bool = False) -> None:
        place = self.locator.where(term, subject=subject) if term is not None else None
        if place:
            line, column = place
            location = t("import.at_line_col", self.lang, line=line, col=column)
            self.problems.append(ImportProblem(location, message, line, column, str(entity or term)))
        else:
            self.problems.append(ImportProblem(str(entity or term or ""), message, entity=str(entity or term or "")))

    def run(self) -> tuple[Graph, list[ImportProblem], list[str]]:
        if not len(self.graph):
            raise ImportErrors(self.name, [ImportProblem("", t("import.no_triples", self.lang))], self.lang)
        self._literals()
        self._relative_iris()
        self._imports()
        self._vocabulary()
        self._foreign_terms()
        self._change_records()
        graph = skolemise(self.graph)
        bad = {problem.lexical for problem in self.bad_literals}
        for s, p, o in graph:  # the shapes would say the same about an ill-formed value, less clearly
            if isinstance(o, Literal) and str(o) in bad:
                self.said.add((str(_owner(graph, s)), _short(p)))
        self._identifiers(graph)
        self._references(graph)
        self._same_names(graph)
        return graph, self.problems, self.warnings

    def _literals(self) -> None:
        self.bad_literals = literal_problems(self.graph, self.text, self.lang)
        for bad in self.bad_literals:
            location = t("import.at_line_col", self.lang, line=bad.line, col=bad.column) if bad.line else ""
            self.problems.append(ImportProblem(location, bad.message, bad.line or None, bad.column or None))

    def _relative_iris(self) -> None:
        seen = set()
        for triple in self.graph:
            for term in triple:
                if isinstance(term, URIRef) and str(term).startswith(RELATIVE_BASE) and term not in seen:
                    seen.add(term)
                    self.problem(term, t("import.relative_iri", self.lang, iri=str(term)[len(RELATIVE_BASE):]))

    def _imports(self) -> None:
        for url in sorted(set(self.graph.objects(None, OWL.imports))):
            self.problem(url, t("import.owl_imports", self.lang, url=url))

    def _vocabulary(self) -> None:
        reported = set()
        for subject in sorted(set(self.graph.subjects())):
            if isinstance(subject, URIRef) and (subject == SDG_SCHEME or str(subject).startswith(VOCABULARIES)):
                reported.add(subject)
                self.problem(subject, t("import.ontology_term", self.lang, term=_short(subject)), subject=True)
                self.said.add((str(subject), "*"))
        known = {term for term in self.ontology.subjects() if str(term).startswith(IKG_NS)}
        used = set()
        for _, p, o in self.graph:
            used.add(p)
            if isinstance(o, URIRef):
                used.add(o)
        for term in sorted(used - known - reported):
            if str(term).startswith(IKG_NS):
                close = _near(term, known)
                hint = t("import.did_you_mean", self.lang, term=_short(close)) if close else ""
                self.problem(term, t("import.unknown_term", self.lang, term=_short(term), hint=hint))

    def _foreign_terms(self) -> None:
        """Properties and classes outside the known vocabularies: refused when their namespace is a near
        miss of a known one (a misspelt @prefix), else a warning when the graph does not use them either."""
        props = {p for p in self.graph.predicates() if isinstance(p, URIRef)}
        classes = {o for o in self.graph.objects(None, RDF.type) if isinstance(o, URIRef)}
        foreign = sorted(term for term in props | classes
                         if not str(term).startswith(VOCABULARIES) and not str(term).startswith(RELATIVE_BASE))
        if not foreign:
            return
        known = set(self.ontology.subjects())
        for start in range(0, len(foreign), BATCH):
            values = " ".join(term.n3() for term in foreign[start : start + BATCH])
            known |= {row[0] for row in self.store.select(
                f"SELECT DISTINCT ?t WHERE {{ VALUES ?t {{ {values} }} {{ ?s ?t ?o }} UNION {{ ?s a ?t }} }}").rows}
        for term in foreign:
            if term in known:
                continue
            namespace = _namespace(term)
            close = difflib.get_close_matches(namespace, VOCABULARIES, n=1, cutoff=0.85)
            if close:
                fixed = URIRef(close[0] + str(term)[len(namespace):])
                checkable = close[0] == IKG_NS  # our own terms are all in ontology/ikg.ttl
                plausible = (fixed, None, None) in self.ontology if checkable else True
                hint = t("import.did_you_mean", self.lang, term=_short(fixed)) if plausible else ""
                self.problem(term, t("import.misspelt_namespace", self.lang, iri=term, ns=_namespace_text(close[0]),
                                     hint=hint))
            else:
                self.warnings.append(t("import.foreign_term", self.lang, iri=term))

    def _change_records(self) -> None:
        records = {s for s, p, o in self.graph
                   if (isinstance(s, URIRef) and str(s).startswith(CHANGE_BASE)) or p in CHANGE_TERMS
                   or (p == RDF.type and o == IKG.Change)}
        for subject in sorted(records, key=str):
            self.problem(subject, t("import.change_record", self.lang, iri=subject), subject=True)
            self.said.add((str(subject), "*"))  # the whole record goes: its fields need no advice

    def _identifiers(self, graph: Graph) -> None:
        """An IRI already in the graph keeps its type and its labels."""
        subjects = sorted({s for s in graph.subjects() if isinstance(s, URIRef) and GENID not in str(s)
                           and not str(s).startswith(VOCABULARIES)})
        old_types = _by_subject(self.store, "SELECT ?x ?v WHERE { VALUES ?x { %s } ?x a ?v }", subjects)
        old_labels = _by_subject(self.store, "SELECT ?x ?v WHERE { VALUES ?x { %s } ?x rdfs:label ?v }", subjects)
        for subject in subjects:
            had = old_types.get(subject, set())
            # A type the thing already has, or a broader one (ikg:Actor for a city), changes nothing.
            broader = {sup for ty in had for sup in self.ontology.transitive_objects(ty, RDFS.subClassOf)}
            other = set(graph.objects(subject, RDF.type)) - had - broader
            label = _pick(old_labels.get(subject, set()), self.lang)
            if had and other:
                self.problem(subject, t("import.type_conflict", self.lang, iri=subject, old=self.names.kind(had),
                                        label=f" {_quote(label, self.lang)}" if label else "",
                                        new=self.names.kind(other)), subject=True)
            for new in sorted(graph.objects(subject, RDFS.label)):
                if not isinstance(new, Literal):
                    continue
                same_language = [old for old in old_labels.get(subject, ()) if old.language == new.language]
                if same_language and new not in same_language:
                    self.problem(subject, t("import.label_conflict", self.lang, iri=subject, old=same_language[0],
                                            new=new, tag=new.language or "-"), subject=True)
                    self.said.add((str(subject), "rdfs:label"))

    def _references(self, graph: Graph) -> None:
        """Every network, member, target area … pointed at exists in the file or in the graph."""
        wanted = {}
        for s, p, o in graph:
            if p in REFERENCES and isinstance(o, URIRef) and GENID not in str(o) and (o, RDF.type, None) not in graph:
                wanted.setdefault(o, (s, p))
        known = set(_by_subject(self.store, "SELECT ?x ?v WHERE { VALUES ?x { %s } ?x a ?v }", sorted(wanted)))
        for target, (subject, prop) in sorted(wanted.items()):
            if target in known or str(target).startswith(RELATIVE_BASE):
                continue
            classes = REFERENCES[prop]
            kinds = f" {t('import.or', self.lang)} ".join(self.names.word(c) for c in classes)
            if classes not in self.instances:
                self.instances[classes] = _instances(self.store, classes)
            existing = self.instances[classes]
            if 0 < len(existing) <= MAX_LISTED:  # a short list (the target areas): name them all
                hint = t("import.known_ones", self.lang, items=", ".join(_short(e) for e in existing))
            else:
                close = _near(target, existing)
                hint = t("import.did_you_mean", self.lang, term=_short(close)) if close else ""
            message = t("import.missing_ref", self.lang, kinds=kinds, iri=target, prop=_short(prop), hint=hint)
            self.problem(target, message, entity=target)
            self.said.add((str(_owner(graph, subject)), _short(prop)))

    def _same_names(self, graph: Graph) -> None:
        """A warning (not a refusal) when a new thing has the name of another thing of its kind."""
        new = [s for s in set(graph.subjects(RDF.type, None)) if isinstance(s, URIRef) and GENID not in str(s)]
        labels = {label: s for s in new for label in graph.objects(s, RDFS.label) if isinstance(label, Literal)}
        if not labels:
            return
        rows = []
        items = sorted(labels, key=str)
        for start in range(0, len(items), BATCH):
            values = " ".join(label.n3() for label in items[start : start + BATCH])
            rows += self.store.select(
                f"SELECT ?label ?other ?t WHERE {{ VALUES ?label {{ {values} }} ?other rdfs:label ?label ; a ?t }}"
            ).rows
        for label, other, other_type in rows:
            subject = labels[label]
            if other != subject and (subject, RDF.type, other_type) in graph:
                self.warnings.append(t("import.same_name", self.lang, label=label, iri=subject,
                                       kind=self.names.word(other_type), other=other))
        self.warnings = sorted(set(self.warnings))


def _shacl_problems(store, add: Graph, remove: Graph, lang: str, locator: _Locator | None,
                    said: set[tuple[str, str]]) -> list[ImportProblem]:
    """The shapes' problems with the graph after the change, minus those the checks above already named."""
    if not len(add) and not len(remove):
        return []
    with quiet_rdflib():
        found = validate_change(store, add=add, remove=remove, lang=lang)
    return [_from_shacl(problem, lang, locator) for problem in found if not _already_said(problem, said)]


def _already_said(problem: Problem, said: set[tuple[str, str]]) -> bool:
    return any(problem.focus == focus and (prop == "*" or problem.field.endswith(f"({prop})")) for focus, prop in said)


def _from_shacl(problem: Problem, lang: str, locator: _Locator | None) -> ImportProblem:
    entity = " ".join(part for part in (problem.kind, _quote(problem.label, lang) if problem.label else "") if part)
    entity = f"{entity} <{problem.focus}>".strip()
    place = locator.where(problem.focus, subject=True) if locator else None
    location = f"{t('import.at_line', lang, line=place[0])}, {entity}" if place else entity
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    return ImportProblem(location, message, place[0] if place else None, None, problem.focus)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


class _Kinds:
    """Class names in one language, from the vocabulary."""

    def __init__(self, ontology: Graph, lang: str):
        self.ontology, self.lang = ontology, lang

    def name(self, cls) -> str:
        return _pick(set(self.ontology.objects(cls, RDFS.label)), self.lang) or _local(cls)

    def word(self, cls) -> str:
        """The class name as a word inside a sentence ("target area", "nettverk")."""
        name = self.name(cls)
        return name[:1].lower() + name[1:] if not name[1:2].isupper() else name

    def kind(self, types: Iterable[Node]) -> str:
        """The most specific of some types, named ("Network"; "City, Twin …" when several)."""
        types = {ty for ty in types if isinstance(ty, URIRef)}
        supers = {sup for ty in types for sup in self.ontology.transitive_objects(ty, RDFS.subClassOf) if sup != ty}
        return ", ".join(sorted(self.name(ty) for ty in types - supers))


def _pick(literals: Iterable, lang: str) -> str:
    by_lang = {}
    for literal in sorted(literals, key=str):
        if isinstance(literal, Literal):
            by_lang.setdefault(literal.language, str(literal))
    for choice in (lang, "en", "nb", None):
        if by_lang.get(choice):
            return by_lang[choice]
    return next(iter(by_lang.values()), "")


def _local(iri) -> str:
    return str(iri).rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


_PREFIXES = bind_prefixes(Graph()).namespace_manager


def _short(iri) -> str:
    """ikg:Network for a term of a known vocabulary, else <iri>."""
    try:
        prefix, namespace, local = _PREFIXES.compute_qname(str(iri), generate=False)
    except (ValueError, KeyError):
        return f"<{iri}>"
    return f"{prefix}:{local}"


def _near(iri, candidates) -> URIRef | None:
    """The candidate in the same namespace whose local name is closest to this one's, if close enough."""
    namespace = _namespace(iri)
    local = {str(c)[len(namespace):]: c for c in candidates if _namespace(c) == namespace}
    close = difflib.get_close_matches(str(iri)[len(namespace):], list(local), n=1, cutoff=0.75)
    return URIRef(local[close[0]]) if close else None


def _namespace(iri) -> str:
    text = str(iri)
    cut = max(text.rfind("#"), text.rfind("/"))
    return text[: cut + 1]


def _namespace_text(namespace: str) -> str:
    for prefix, ns in _PREFIXES.namespaces():
        if str(ns) == namespace:
            return f"{prefix}: <{namespace}>"
    return f"<{namespace}>"


def _by_subject(store: Store, query: str, nodes: list) -> dict:
    """Run `SELECT ?x ?v WHERE { VALUES ?x { %s } … }` in batches; {x: {v, …}}."""
    found: dict = defaultdict(set)
    for start in range(0, len(nodes), BATCH):
        values = " ".join(n.n3() for n in nodes[start : start + BATCH])
        for x, v in store.select(query % values).rows:
            found[x].add(v)
    return found


def _instances(store: Store, classes) -> list[URIRef]:
    """IRIs of the things of some classes (subclasses too), to suggest a near miss."""
    values = " ".join(c.n3() for c in classes)
    rows = store.select(f"SELECT DISTINCT ?x WHERE {{ VALUES ?c {{ {values} }} ?t rdfs:subClassOf* ?c . ?x a ?t }}")
    return sorted({row[0] for row in rows.rows if isinstance(row[0], URIRef) and GENID not in str(row[0])})


def _owner(graph: Graph, node, store: Store | None = None):
    """The named entity that holds a skolemised blank node (a citation, a period), else the node itself."""
    for _ in range(6):
        if GENID not in str(node):
            return node
        holder = next(iter(sorted(graph.subjects(None, node))), None)
        if holder is None and store is not None:
            rows = store.select("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 1", {"o": node}).rows
            holder = rows[0][0] if rows else None
        if holder is None:
            return node
        node = holder
    return node


_LINKS = ((ORG.member, ORG.organization), (IKG.participant, IKG.project))


def _entities(store: Store, add: Graph, remove: Graph, lang: str) -> tuple[list[Entity], list[Entity]]:
    both = Graph()
    both += add
    both += remove
    owners = {_owner(both, s, store) for s in both.subjects()}
    owners = sorted(o for o in owners if isinstance(o, URIRef))
    old_types = _by_subject(store, "SELECT ?x ?v WHERE { VALUES ?x { %s } ?x a ?v }", owners)
    old_labels = _by_subject(store, "SELECT ?x ?v WHERE { VALUES ?x { %s } ?x rdfs:label ?v }", owners)
    kinds = _Kinds(shipped_ontology(), lang)
    # A membership or participation has no name of its own: call it "member – network".
    ends = {owner: [next(iter(sorted(both.objects(owner, p))), None) for p in pair]
            for owner in owners if owner not in old_labels and (owner, RDFS.label, None) not in add
            for pair in _LINKS if all((owner, p, None) in both for p in pair)}
    names = _by_subject(store, "SELECT ?x ?v WHERE { VALUES ?x { %s } ?x rdfs:label ?v }",
                        sorted({e for pair in ends.values() for e in pair if isinstance(e, URIRef)}))
    new, changed = [], []
    for owner in owners:
        types = old_types.get(owner) or set(add.objects(owner, RDF.type))
        label = _pick(set(add.objects(owner, RDFS.label)) or old_labels.get(owner, set()), lang)
        if not label and owner in ends:
            label = " – ".join(_pick(set(add.objects(e, RDFS.label)) or names.get(e, set()), lang) or _local(e)
                               for e in ends[owner])
        entity = Entity(str(owner), label, kinds.kind(types) or t("import.no_kind", lang))
        (changed if owner in old_types else new).append(entity)
    order = lambda e: (e.kind, e.label.casefold(), e.iri)  # noqa: E731
    return sorted(new, key=order), sorted(changed, key=order)
