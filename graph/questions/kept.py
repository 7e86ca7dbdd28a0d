"""Named questions' answers kept beside a store folder (graph.store.derived), so another process (the app
started again, every `ikg query`, a second app on the shared store) answers them from the file while the
store is unchanged, instead of asking the graph again.

An answer is kept per question, language and bound parameters; a question that reads today's date
(`NOW()`) per day as well. It is kept only when asking took KEEP_AFTER_S or more: a quick answer is
asked again. Any write replaces the store's stamp, and with it every kept answer (the first ask after a
change reads the graph). A person's own `.rq` file is never kept, nor anything on a store without a
folder (in memory, on a SPARQL server).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Callable, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from graph.questions.library import is_named
from graph.questions.question import Question
from graph.questions.reads import question_reads
from graph.questions.table import Table
from graph.store.base import Rows, Store
from graph.store.derived import persisted

KEEP_AFTER_S = 0.01  # reading a small kept answer takes 0.1–2 ms
ENABLED = True  # bench/run.py times the questions with it off, then the kept answers


def kept(store: Store, q: Question, bindings: Mapping[str, Node], lang: str,
         build: Callable[[Store], Table], reads: tuple[str, ...] | None = None) -> Table:
    """`build(store)`, or the answer kept for this question, language and parameters at the store's stamp.
    `reads`: the query texts the build reads (a question computed in Python), else the question's own."""
    if not ENABLED or not is_named(q):
        return build(store)
    texts = reads if reads is not None else (q.sparql or "", *q.variants.values())
    return persisted(store, f"answers/{key(q, bindings, lang)}", lambda: build(store), _out, _in,
                     worth=lambda seconds: seconds >= KEEP_AFTER_S,
                     again=lambda s: kept(s, q, bindings, lang, build, reads),
                     reads=lambda: question_reads(texts))  # parsed when needed


def key(q: Question, bindings: Mapping[str, Node], lang: str) -> str:
    """The file name of an answer: the question, the language, the bound terms (and today, for NOW())."""
    parts: list[object] = [q.name, lang, sorted((k, v.n3()) for k, v in bindings.items())]
    if re.search(r"\bNOW\s*\(", q.sparql or "", re.IGNORECASE):
        parts.append(datetime.date.today().isoformat())
    return f"{q.name}-{hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:24]}"


def _out(table: Table) -> dict:
    out: dict = {"columns": table.columns, "rows": table.rows}
    if table.raw is not None:
        index: dict[Node | None, int] = {None: 0}
        terms: list[list[str] | None] = [None]

        def at(term: Node | None) -> int:
            try:
                return index[term]
            except KeyError:
                index[term] = len(terms)
                terms.append(_term_out(term))  # type: ignore[arg-type]
                return index[term]

        out["raw"] = {"vars": table.raw.vars, "terms": terms, "rows": [[at(x) for x in row] for row in table.raw.rows]}
    return out


def _in(v: dict) -> Table:
    raw = v.get("raw")
    return Table(v["columns"], v["rows"], None if raw is None else _KeptRows(raw["vars"], raw["terms"], raw["rows"]))


class _KeptRows(Rows):
    """Kept raw rows, made rdflib terms only when read: most tables are shown as their text alone (a
    37k-row answer reads in half the time)."""

    def __init__(self, names: list[str], terms: list, rows: list[list[int]]) -> None:  # noqa: D107
        self.vars = names
        self._kept: tuple[list, list[list[int]]] | None = (terms, rows)
        self._rows: list[tuple[Node | None, ...]] = []

    def __eq__(self, other: object) -> bool:  # as Rows: the same names and terms
        return isinstance(other, Rows) and (self.vars, self.rows) == (other.vars, other.rows)

    __hash__ = None  # type: ignore[assignment]

    @property
    def rows(self) -> list[tuple[Node | None, ...]]:
        if self._kept is not None:
            terms, rows = self._kept
            made = [None if t is None else _term_in(t) for t in terms]
            self._rows, self._kept = [tuple(made[i] for i in row) for row in rows], None
        return self._rows

    @rows.setter
    def rows(self, value: list[tuple[Node | None, ...]]) -> None:
        self._rows, self._kept = value, None


def _term_out(term: Node) -> list[str]:
    if isinstance(term, Literal):
        return ["l", str(term), term.language or "", str(term.datatype or "")]
    if isinstance(term, BNode):
        return ["b", str(term)]
    if isinstance(term, URIRef):
        return ["i", str(term)]
    raise TypeError(f"cannot keep {term!r}")  # graph.store.derived then keeps nothing


def _term_in(t: list[str]) -> Node:
    if t[0] == "l":
        return Literal(t[1], lang=t[2] or None, datatype=URIRef(t[3]) if t[3] else None)
    return BNode(t[1]) if t[0] == "b" else URIRef(t[1])
