"""Named questions: one `.rq` file per question in graph/queries/, loaded by name and run on any store.

Each file starts with comment lines that state the question (English and Norwegian) and its
parameters; user values reach the query only as bound variables (rdflib term objects).

>>> [q.name for q in list_questions()][:3]
['changes', 'collaborators', 'counts']
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.errors import InputError
from graph.store.base import Rows, Store, is_iri

QUERY_DIR = Path(__file__).resolve().parent / "rq"
LANGS = ("en", "nb")
PARAM_KINDS = ("actor", "network", "document", "year", "int")

# Values some questions produce as language-neutral words.
WORDS_NB = {
    "gone": "borte",
    "new": "ny",
    "both": "begge",
    "cost": "kostnad",
    "effect": "effekt",
    "membership": "medlemskap",
    "agreement": "avtale",
}


@dataclass
class Param:
    name: str
    kind: str
    optional: bool = False
    default: str | None = None
    help: str = ""


@dataclass
class Question:
    """A named question: its text, its description in both languages and its parameters."""

    name: str
    path: Path
    question_en: str
    question_nb: str
    params: list[Param] = field(default_factory=list)
    columns: list[str] | None = None
    sort: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)
    computed_by: str | None = None
    uses: str | None = None
    sparql: str = ""

    def description(self, lang: str = "en") -> str:
        return self.question_nb if lang == "nb" else self.question_en

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass
class Table:
    """A question's answer: column names and rows of display strings, plus the raw rows."""

    columns: list[str]
    rows: list[list[str]]
    raw: Rows | None = None

    def dicts(self) -> list[dict[str, str]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


HEADER = re.compile(r"^#\s*(Question|Spørsmål|Param|Columns|Sort|Lists|Computed-by|Uses):\s*(.*)$")
PARAM_LINE = re.compile(r"^(\w+)\s*\(([^)]*)\)\s*(?:—|-)?\s*(.*)$")


def parse_question(path: Path) -> Question:
    """Read a `.rq` file's header comments into a Question."""
    text = path.read_text(encoding="utf-8")
    q = Question(name=path.stem, path=path, question_en="", question_nb="", sparql=text)
    for line in text.splitlines():
        m = HEADER.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "Question":
            q.question_en = value
        elif key == "Spørsmål":
            q.question_nb = value
        elif key == "Param":
            q.params.append(_parse_param(value, path))
        elif key == "Columns":
            q.columns = _names(value)
        elif key == "Sort":
            q.sort = _names(value)
        elif key == "Lists":
            q.lists = _names(value)
        elif key == "Computed-by":
            q.computed_by = value
        elif key == "Uses":
            q.uses = value
    return q


def _names(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _parse_param(value: str, path: Path) -> Param:
    m = PARAM_LINE.match(value)
    if not m:
        raise ValueError(f"{path.name}: cannot read parameter line {value!r}")
    name, spec, help_text = m.groups()
    parts = [s.strip() for s in spec.split(",")]
    kind = parts[0]
    if kind not in PARAM_KINDS:
        raise ValueError(f"{path.name}: parameter {name} has unknown kind {kind!r}")
    p = Param(name=name, kind=kind, help=help_text.strip())
    for part in parts[1:]:
        if part == "optional":
            p.optional = True
        elif part.startswith("default "):
            p.default = part.removeprefix("default ").strip()
            p.optional = True
    return p


def list_questions() -> list[Question]:
    """Every named question, sorted by name."""
    return [parse_question(p) for p in sorted(QUERY_DIR.glob("*.rq"))]


def get_question(name_or_file: str) -> Question:
    """A named question by name, or a `.rq` file given by path."""
    path = QUERY_DIR / f"{name_or_file}.rq"
    if path.exists():
        return parse_question(path)
    candidate = Path(name_or_file)
    if candidate.suffix == ".rq":
        if not candidate.exists():
            raise InputError(f"no query file {candidate}")
        return parse_question(candidate)
    names = [q.name for q in list_questions()]
    hint = difflib.get_close_matches(name_or_file, names, n=1)
    more = f"; did you mean {hint[0]}?" if hint else f"; the questions are: {', '.join(names)}"
    raise InputError(f"no question called {name_or_file}{more}")


# ---------------------------------------------------------------------------------------------
# Resolving names to IRIs
# ---------------------------------------------------------------------------------------------

KIND_PATTERN = {
    "actor": "?x a ?t . ?t rdfs:subClassOf* ikg:Actor .",
    "network": "?x a ikg:Network .",
    "document": "?x a ikg:SourceDocument .",
}
KIND_WORD = {"actor": "actor", "network": "network", "document": "document"}

NAMES_QUERY = """
SELECT DISTINCT ?x ?name WHERE {{
  {pattern}
  ?x rdfs:label|skos:altLabel|skos:prefLabel|dcterms:title ?name .
}}
"""


def names_of(store: Store, kind: str) -> list[tuple[URIRef, str]]:
    """(IRI, label) for every thing of a kind, every label in every language (kept until the next write)."""
    key = (id(store), store.generation, kind)
    if key not in _name_cache:
        rows = store.select(NAMES_QUERY.format(pattern=KIND_PATTERN[kind]))
        if len(_name_cache) > 32:
            _name_cache.clear()
        _name_cache[key] = [(x, str(name)) for x, name in rows.rows]
    return _name_cache[key]


_name_cache: dict[tuple[int, int, str], list[tuple[URIRef, str]]] = {}


MATCH_QUERY = """
SELECT DISTINCT ?x WHERE {{
  ?x rdfs:label|skos:altLabel|skos:prefLabel|dcterms:title ?name .
  FILTER(LCASE(STR(?name)) = ?needle)
  {pattern}
}}
"""


def resolve(store: Store, kind: str, value: str) -> URIRef:
    """The IRI of the thing of `kind` named `value` (an IRI or any label, case-insensitive)."""
    value = value.strip()
    pattern = KIND_PATTERN[kind]
    if len(value) > MAX_NAME:
        raise InputError(f"a name is at most {MAX_NAME} characters; this one has {len(value)}")
    if value.startswith(("http://", "https://")) and not valid_iri(value):
        raise InputError(f"{value!r} is not a valid IRI: an IRI has no spaces and none of < > \" {{ }} | \\ ^ `")
    if value.startswith(("http://", "https://")) and store.ask(
        f"ASK {{ {pattern} }}", {"x": URIRef(value)}
    ):
        return URIRef(value)
    rows = store.select(MATCH_QUERY.format(pattern=pattern), {"needle": Literal(value.lower())})
    found = sorted({x for (x,) in rows.rows})
    if len(found) == 1:
        return found[0]
    word = KIND_WORD[kind]
    if len(found) > 1:
        raise InputError(f"{value!r} names more than one {word} ({', '.join(found)}); give the IRI instead")
    # Only on a miss: read every name of that kind to suggest the closest one.
    labels = sorted({name for _, name in names_of(store, kind)})
    wanted = value.casefold()
    close = difflib.get_close_matches(value, labels, n=1, cutoff=0.5) or [
        name for name in labels if wanted in name.casefold()
    ][:1]
    hint = f"; did you mean {close[0]}?" if close else ""
    raise InputError(f"no {word} called {value}{hint}")


MAX_NAME = 300


def valid_iri(text: str) -> bool:
    """An absolute http(s) IRI every backend can hold."""
    return text.startswith(("http://", "https://")) and is_iri(text)


def labels_of(store: Store, lang: str = "en") -> dict[str, str]:
    """IRI -> label in `lang` for everything labelled in that language."""
    rows = store.select(
        "SELECT ?x ?name WHERE { ?x rdfs:label ?name . FILTER(lang(?name) = ?lang) }", {"lang": Literal(lang)}
    )
    return {str(x): str(name) for x, name in rows.rows}


def actor_choices(store, lang: str) -> list[tuple[str, str]]:
    """(IRI, label in lang) of every actor, sorted by label."""
    labels = labels_of(store, lang)
    iris = {str(x) for x, _ in names_of(store, "actor")}
    return sorted(((iri, labels.get(iri, iri)) for iri in iris), key=lambda p: p[1].casefold())


# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------


def bind_params(store: Store, q: Question, params: dict[str, str], lang: str) -> dict[str, Node]:
    """Turn the user's text values into RDF terms, checking names, years and numbers."""
    if lang not in LANGS:
        raise InputError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")
    known = {p.name for p in q.params}
    for name in params:
        if name not in known:
            listing = ", ".join(sorted(known)) if known else "none"
            raise InputError(f"{q.name} has no parameter {name!r}; its parameters are: {listing}")
    bindings: dict[str, Node] = {"lang": Literal(lang)}
    for p in q.params:
        value = params.get(p.name, p.default)
        if value is None or value == "":
            if not p.optional:
                raise InputError(f"{q.name} needs --param {p.name}=… ({p.help})")
            continue
        bindings[p.name] = _term(store, p, value)
    return bindings


def _term(store: Store, p: Param, value: str) -> Node:
    if p.kind in ("year", "int"):
        pattern = r"\d{4}" if p.kind == "year" else r"-?\d+"
        if not re.fullmatch(pattern, value.strip()):
            what = "a four-digit year, e.g. 2010" if p.kind == "year" else "a whole number, e.g. 3"
            raise InputError(f"--param {p.name}={value}: not {what}")
        return Literal(int(value.strip()), datatype=XSD.integer)
    return resolve(store, p.kind, value)


def run(store: Store, name_or_file: str, params: dict[str, str] | None = None, lang: str = "en") -> Table:
    """Answer a named question (or a `.rq` file) on a store."""
    q = get_question(name_or_file)
    params = dict(params or {})
    bindings = bind_params(store, q, params, lang)
    if q.computed_by:
        import graph.analysis.network as analysis

        return getattr(analysis, q.computed_by)(store, bindings, lang)
    if q.name == "changes":
        _default_documents(store, bindings)
    if q.path.parent != QUERY_DIR:  # a user's own .rq file: read-only queries only
        from graph.questions.console import refusal
        from graph.questions.readonly import check_read_only

        try:
            check_read_only(q.sparql)
        except InputError as exc:
            raise InputError(refusal(exc, lang)) from None
    rows = store.select(q.sparql, bindings)
    return to_table(q, rows, lang)


def _default_documents(store: Store, bindings: dict[str, Node]) -> None:
    """`changes` compares a document with the one it replaces unless both are given."""
    if "older" in bindings and "newer" in bindings:
        return
    pairs = store.select(
        "SELECT ?newer ?older WHERE { ?newer dcterms:replaces ?older ; dcterms:date ?d } ORDER BY DESC(?d)"
    ).rows
    for newer, older in pairs:
        if bindings.get("newer", newer) == newer and bindings.get("older", older) == older:
            bindings.setdefault("newer", newer)
            bindings.setdefault("older", older)
            return
    raise InputError("changes needs --param older=… and --param newer=… (no document says which it replaces)")


def display(term: Node | None, lang: str = "en") -> str:
    """A term as the text a person reads: numbers without noise, words in their language."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, (float, Decimal)):
            return f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
        text = str(term)
        return WORDS_NB.get(text, text) if lang == "nb" else text
    return str(term)


def _sort_key(value: str):
    try:
        return (0, float(value), "")
    except ValueError:
        return (1, 0.0, value.casefold())


def to_table(q: Question, rows: Rows, lang: str = "en") -> Table:
    """Pick the question's columns, tidy list cells, and sort the same way on every backend."""
    columns = q.columns or [v for v in rows.vars]
    index = {name: i for i, name in enumerate(rows.vars)}
    missing = [c for c in columns if c not in index]
    if missing:
        raise InputError(f"{q.name}: the query has no column(s) {', '.join(missing)}")
    out = []
    for raw in rows.rows:
        row = []
        for c in columns:
            text = display(raw[index[c]], lang)
            if c in q.lists and text:
                text = "; ".join(sorted({t for t in text.split("; ") if t.strip()}, key=str.casefold))
            row.append(text)
        out.append(row)
    keys = [c for c in (q.sort or columns) if c in index]
    all_cols = list(rows.vars)

    def key(i_row):
        i, row = i_row
        raw = rows.rows[i]
        return [_sort_key(display(raw[all_cols.index(k)], lang)) for k in keys] + [
            [_sort_key(v) for v in row]
        ]

    order = sorted(enumerate(out), key=key)
    return Table(columns, [row for _, row in order], raw=Rows(rows.vars, [rows.rows[i] for i, _ in order]))
