"""The SPARQL console behind the app's SPARQL page: read-only queries with a time limit and a row limit.

Only SELECT, ASK, CONSTRUCT and DESCRIBE run (graph.questions.readonly); updates, LOAD, SERVICE and
FROM are refused. The text is first read the way every engine reads it (graph.questions.lexical: the
\\u escapes expanded), and that one text is both checked and run. It runs in a forked child with a
memory cap that is killed at the time limit (graph.questions.isolated), so a panic, a memory blow-up
or a runaway ends there and never holds up the next query.

>>> from graph.history.shipped import open_store
>>> result = run_console(open_store("memory"), "SELECT ?x WHERE { ?x a ikg:TargetArea }", row_limit=2)
>>> len(result.table.rows), result.truncated
(2, True)
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.errors import IkgError, InputError
from graph.i18n import number, t
from graph.questions.isolated import Limits, QueryLimitError, run_isolated
from graph.questions.lexical import expand_escapes, names_a_remote_call
from graph.questions.library import get_question
from graph.questions.question import HEADER, Question
from graph.questions.readonly import QueryRefusedError, QueryUnreadableError, check_read_only
from graph.questions.table import WORDS, Table, display, in_words
from graph.store.base import Store, inject_values
from graph.vocab.collate import name_key
from graph.vocab.namespaces import PREFIXES


@dataclass
class ConsoleResult:
    """What a console query gave: a table (SELECT, or the triples of CONSTRUCT/DESCRIBE), a yes/no
    (ASK) or a graph, whether rows were cut at the row limit, and how long it took."""

    form: str
    table: Table | None = None
    answer: bool | None = None
    graph: Graph | None = None
    truncated: bool = False
    row_limit: int = 0
    seconds: float = 0.0

    @property
    def value(self) -> Table | bool | Graph | None:
        if self.form == "ASK":
            return bool(self.answer)
        if self.form == "SELECT":
            return self.table
        return self.graph

    def notice(self, lang: str = "en") -> str:
        """The row-limit message, or an empty string when every row is shown."""
        return t("console.truncated", lang, n=number(self.row_limit, lang)) if self.truncated else ""


def refusal(exc: InputError, lang: str = "en") -> InputError:
    """The error to show for a refused or unparsable query, in the user's language: a refusal as it is
    (its key is the sentence people read), anything unreadable as console.parse with the parser's detail."""
    if isinstance(exc, QueryRefusedError) and exc.key:
        return QueryRefusedError.of(exc.key, lang, **exc.params)
    detail = exc.text(lang) if isinstance(exc, QueryUnreadableError) else str(exc)
    # what the reader found, for a page that says it its own way: its key, where, and the parser's own words
    found = {name: exc.params[name] for name in ("line", "col") if name in exc.params}
    key = "console.parse_said" if exc.key in SAYS_UNREADABLE else "console.parse"  # "could not be read" once
    return InputError.of(key, lang, detail=detail, reason=exc.key, engine=exc.params.get("detail"), **found)


SAYS_UNREADABLE = ("readonly.unparsable", "readonly.unparsable_at")  # the reader's findings that say so themselves


def check_query(text: str, lang: str = "en") -> str:
    """The form of a person's query (SELECT, ASK, CONSTRUCT, DESCRIBE), or the refusal to show them.
    The text is checked as the engine will read it: escapes expanded, no SERVICE or LOAD anywhere."""
    return checked(text, lang)[1]


def checked(text: str, lang: str = "en") -> tuple[str, str]:
    """The text to run (its \\u escapes expanded) and its form, or the refusal to show.

    >>> checked(r'SELECT * WHERE { BIND("\\u0041" AS ?x) }')
    ('SELECT * WHERE { BIND("A" AS ?x) }', 'SELECT')
    """
    expanded = expand_escapes(text, lang)  # a bad escape is refused with its own message
    try:
        form = check_read_only(expanded, lang)
    except QueryRefusedError as exc:  # an update (LOAD among them), SERVICE or FROM, said as such
        raise refusal(exc, lang) from None
    except InputError as exc:  # unreadable: a call to a server is refused without the parser's detail
        if names_a_remote_call(text) or names_a_remote_call(expanded):
            raise QueryRefusedError.of("console.service", lang) from None
        raise refusal(exc, lang) from None
    if names_a_remote_call(expanded):  # hidden where a parser does not look (a comment, a string)
        raise QueryRefusedError.of("console.service", lang)
    return expanded, form


def run_console(
    store: Store, text: str, row_limit: int = 1000, time_limit_s: float = 10, lang: str = "en"
) -> ConsoleResult:
    """Run a user's query read-only; raise InputError with a message for people when it may not run
    or when it ran past its limits (time, memory: IKG_QUERY_MEMORY_MB) or the engine failed on it."""
    if not text.strip():
        raise InputError.of("console.empty", lang)
    expanded, form = checked(text, lang)
    query = capped(expanded, form, row_limit)
    limits = Limits.from_settings(seconds=time_limit_s, rows=row_limit, lang=lang)
    start = time.perf_counter()
    value = run_limited(store, form, query, limits, lang)
    return _result(form, value, row_limit, time.perf_counter() - start)


def run_limited(store: Store, form: str, query: str, limits: Limits, lang: str = "en") -> Any:
    """Run an already checked query isolated under `limits`: the answer, or an InputError for people."""
    try:
        return run_isolated(store, form, query, limits, lang)
    except QueryLimitError as exc:
        if exc.key == "query.busy":
            raise QueryLimitError.of("console.busy", lang) from None
        raise
    except Exception as exc:  # noqa: BLE001 - the engine's, the server's or the store's own failure
        said = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
        key = exc.key if isinstance(exc, IkgError) else None
        engine = str(exc.params["detail"]) if isinstance(exc, IkgError) and "detail" in exc.params else said
        # `reason` (the store's key) and `engine` (its own words, without ours) let a page say it its own way
        raise InputError.of("console.failed", lang, detail=said, reason=key, engine=engine) from None


def capped(text: str, form: str, row_limit: int) -> str:
    """Append LIMIT row_limit+1 when the query has none at its end (checked by parsing the result), so an
    oversize answer is cut short and seen. The console and the endpoint both cap this way."""
    if form == "ASK":
        return text
    candidate = f"{text}\nLIMIT {row_limit + 1}"
    try:
        check_read_only(candidate)
    except InputError:  # it already ends with LIMIT, OFFSET or VALUES: keep it, cut rows afterwards
        return text
    return candidate


def _result(form: str, value: Any, row_limit: int, seconds: float) -> ConsoleResult:
    if form == "ASK":
        return ConsoleResult(form, answer=bool(value), seconds=seconds)
    if form == "SELECT":
        rows = [[cell(term) for term in row] for row in value.rows[:row_limit]]
        return ConsoleResult(
            form, table=Table(list(value.vars), rows), truncated=len(value.rows) > row_limit,
            row_limit=row_limit, seconds=seconds,
        )
    triples = sorted(value, key=lambda tr: tuple(str(x) for x in tr))
    rows = [[cell(s), cell(p), cell(o)] for s, p, o in triples[:row_limit]]
    return ConsoleResult(
        form, table=Table(["subject", "predicate", "object"], rows), graph=value,
        truncated=len(triples) > row_limit, row_limit=row_limit, seconds=seconds,
    )


def cell(term: Node | None) -> str:
    """A term as text: IRIs shortened with our prefixes, literals as display() writes them.

    >>> cell(URIRef("https://w3id.org/ikg/ontology#Network"))
    'ikg:Network'
    """
    if isinstance(term, URIRef):
        iri = str(term)
        for prefix, ns in PREFIXES.items():
            if iri.startswith(ns) and all(c.isalnum() or c in "-_." for c in iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        return iri
    if isinstance(term, Literal):
        return display(term)  # the value as stored: no translation of words in a user's own query
    return "" if term is None else str(term)


def example_text(q: Question, lang: str, dlang: str | None = None,
                 examples: Mapping[str, tuple[Node, str]] | None = None) -> str:
    """A named question as runnable text: its languages (the reader's and the data labels') and default
    parameter values bound by VALUES, and `examples` (a parameter it needs -> a value and its name, from
    example_values) bound there too, with a line saying so; its description and parameters in the reader's
    language only.

    >>> from graph.questions.library import get_question
    >>> [line for line in example_text(get_question("members"), "nb").splitlines() if line.startswith("# ")][:2]
    ['# Spørsmål: Hvem er medlemmer av et nettverk, fra når, til når og med hvilken rolle?', \
'# Param-nb: network — nettverket: IRI-en eller et av navnene']
    """
    bindings: dict[str, Node] = {"lang": Literal(lang), "dlang": Literal(dlang or lang)}
    for p in q.params:
        if p.default is not None and p.kind in ("year", "int"):
            bindings[p.name] = Literal(int(p.default), datatype=XSD.integer)
    other = OTHER_LANGUAGE_LINES["en" if lang == "nb" else "nb"]
    text = "\n".join(line for line in q.sparql.splitlines() if not line.startswith(other))
    lines = (text if lang == "en" else without_notes(text)).splitlines()
    for name, (value, label) in (examples or {}).items():
        bindings[name] = value
        first = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
        lines.insert(first, "# " + t("console.example_value", lang, name=name, label=label))
    return inject_values("\n".join(lines), bindings)


# The thing an example of a question that needs one is asked about: the one with the most ties of that kind.
EXAMPLE_QUERIES = {
    "network": "SELECT ?x ?l (COUNT(?m) AS ?n) WHERE { ?m org:organization ?x . ?x rdfs:label ?l . "
               "FILTER(lang(?l) = ?dlang) } GROUP BY ?x ?l ORDER BY DESC(?n) ?l LIMIT 1",
    "actor": "SELECT ?x ?l (COUNT(?m) AS ?n) WHERE { ?m org:member ?x . ?x rdfs:label ?l . "
             "FILTER(lang(?l) = ?dlang) } GROUP BY ?x ?l ORDER BY DESC(?n) ?l LIMIT 1",
}


def example_values(store: Store, q: Question, dlang: str) -> dict[str, tuple[Node, str]]:
    """A value and its name for each parameter the question needs (not optional, no default): run as it is,
    an example left unbound would answer for every network at once, in rows that do not say whose they are."""
    out: dict[str, tuple[Node, str]] = {}
    for p in q.params:
        if p.optional or p.default is not None or p.kind not in EXAMPLE_QUERIES:
            continue
        rows = store.select(EXAMPLE_QUERIES[p.kind], {"dlang": Literal(dlang)}).rows
        if rows and rows[0][0] is not None:
            out[p.name] = (rows[0][0], str(rows[0][1]))
    return out


def example_title(q: Question, lang: str) -> str:
    """What an example asks, in `lang`, its parameters written as the example binds them (their defaults).

    >>> from graph.questions.library import get_question
    >>> example_title(get_question("thin-target-areas"), "nb")
    'Hvilke målområder tjenes av færrest nettverk og prosjekter (høyst 2 til sammen)?'
    """
    def value(m: re.Match[str]) -> str:
        p = q.param(m.group(1))
        return p.default if p is not None and p.default is not None else m.group(1)

    return re.sub(r"`(\w+)`", value, q.description(lang))


def without_notes(text: str) -> str:
    r"""The query without its notes (the comments its authors wrote, in English, on how it is made for each
    engine): what a reader of another language is shown. The header's lines stay, and so does the code.

    >>> without_notes('# Columns: a\n# Why this is fast.\nSELECT ?a  # a note\nWHERE { ?a <x:y#z> "a # b" }')
    '# Columns: a\nSELECT ?a\nWHERE { ?a <x:y#z> "a # b" }'
    """
    out = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            if HEADER.match(line.lstrip()):
                out.append(line)
            continue
        note = _NOTE.search(line)
        if note and line[:note.start()].count('"') % 2 == 0:  # a note after the code, not a # inside a string
            line = line[:note.start()].rstrip()
        out.append(line)
    return "\n".join(out)


_NOTE = re.compile(r"\s#\s")  # an IRI holds no space around its #


# A question's header lines in one language: in the other's example they are left out.
OTHER_LANGUAGE_LINES = {"en": ("# Question:", "# Param:"), "nb": ("# Spørsmål:", "# Param-nb:")}


def as_named(table: Table, question: str, lang: str) -> Table:
    """An example's answer as its named question shows it everywhere else in the app: the words some questions
    write as codes ("project", "gone") in `lang`, and its `# Lists:` cells without empty parts and sorted. Only
    for an example run as it was loaded; a person's own query shows exactly what the data and the query hold.

    >>> as_named(Table(["kind", "change"], [["project", "gone"]]), "coverage-matrix", "nb").rows
    [['prosjekt', 'borte']]
    >>> as_named(Table(["member", "source"], [["A", "Plan ¶2; ; "]]), "members", "nb").rows
    [['A', 'Plan ¶2']]
    """
    lists = {i for i, column in enumerate(table.columns) if column in get_question(question).lists}
    rows = [[tidy(value, lang) if i in lists else t(f"word.{value}", lang) if value in WORDS else value
             for i, value in enumerate(row)] for row in table.rows]
    return in_words(Table(table.columns, rows, table.raw), question, lang)


def tidy(cell: str, lang: str) -> str:
    """A "; "-separated list as the named questions show it: no empty parts, each once, sorted by name."""
    parts = {part.strip() for part in cell.split("; ") if part.strip()}
    return "; ".join(sorted(parts, key=lambda x: (name_key(x, lang), x)))
