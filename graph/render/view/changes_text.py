"""A recorded change in plain words: "Annual cost of Trondheim in ICORN: – → 25 000 NOK", one line per
item and property, with names, numbers and dates in the reader's language and no machine identifiers.

A value held in a node of its own (an amount: schema:value and schema:currency under a generated IRI)
is told as that value, under the property that points to it and the item that owns it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from babel.numbers import format_decimal
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, TIME, XSD
from rdflib.term import Node

from graph.history.changes import remembered
from graph.i18n import day, locale_of, t, when
from graph.questions.languages import data_label_picker
from graph.rdf.skolem import is_genid, is_skolem
from graph.store.base import Store
from graph.vocab.labels import REUSED_PROPERTIES, local_name
from graph.vocab.namespaces import IKG

SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
NUMBERS = {XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}
FACTS = "SELECT ?p ?o WHERE { ?x ?p ?o }"
OWNER = "SELECT ?s ?p WHERE { ?s ?p ?x }"
MEMBERSHIP = "SELECT ?m ?o WHERE { ?x org:member ?m ; org:organization ?o }"
NAMING = {RDFS.label, URIRef(ORG + "member"), URIRef(ORG + "organization"), IKG.assesses}  # what names a thing


@dataclass(frozen=True)
class Line:
    item: str
    what: str
    before: str
    after: str

    def text(self, lang: str) -> str:
        what = f"{self.what[:1].upper()}{self.what[1:]}"
        return t("changes.line", lang, what=what, item=self.item, before=self.before, after=self.after)


class Words:
    """Names of things, properties and values in one language, read from the store and the change."""

    def __init__(self, store: Store, lang: str, *graphs: Graph):
        self.store, self.lang, self.graphs = store, lang, graphs
        self.pick = data_label_picker(store, lang)  # the data's names as the questions show them
        self.facts: dict[URIRef, dict[str, list[Node]]] = {}  # what the store says of a thing, read once
        self.past: dict[URIRef, Graph] = {}  # what the history says of a thing the store no longer holds

    def objects(self, s: Node, p: URIRef) -> list[Node]:
        out = [o for g in self.graphs for o in g.objects(s, p)]
        if not out and isinstance(s, URIRef) and not self._made(s):
            facts = self._facts(s)
            out = list(facts.get(str(p), ()))
            if not facts and p in NAMING:  # gone from the store (deleted since): named as the history knew it
                out = list(self._past(s).objects(s, p))
        return out

    def _past(self, s: URIRef) -> Graph:
        """What the recorded changes said of a thing the store no longer holds, read once."""
        if s not in self.past:
            try:
                self.past[s] = remembered(self.store, s)
            except Exception:  # noqa: BLE001 - a name is a nicety: fall back to the local name
                self.past[s] = Graph()
        return self.past[s]

    def _made(self, s: URIRef) -> bool:
        """A value node the change makes (an amount, a period, a citation, minted anew): all it holds is in the
        change, so the store is not asked (an import of 1,000 rows makes 3,000 of them)."""
        graphs = self.graphs
        return (is_genid(s) or is_skolem(s)) and len(graphs) > 1 and (s, None, None) in graphs[0] and (
            (s, None, None) not in graphs[1])

    def _facts(self, s: URIRef) -> dict[str, list[Node]]:
        """Every (property, value) the store has of `s`, in one query (a line asks for several)."""
        if s not in self.facts:
            found: dict[str, list[Node]] = defaultdict(list)
            try:
                for p, o in self.store.select(FACTS, {"x": s}).rows:
                    if p is not None and o is not None:
                        found[str(p)].append(o)
            except Exception:  # noqa: BLE001 - a name is a nicety: fall back to the local name
                pass
            self.facts[s] = found
        return self.facts[s]

    def name(self, node: Node) -> str:
        """A thing's label in the language; a membership as "member in organisation"; else its local name."""
        if isinstance(node, Literal):
            return self.value(node)
        labels = [o for o in self.objects(node, RDFS.label) if isinstance(o, Literal)]
        if isinstance(node, URIRef) and not self._made(node) and all(x.language != self.lang for x in labels):
            labels += self._own_labels(node)  # a change of the English name alone: still named in bokmål
        found = self.pick(labels)
        if found:
            return found
        member = self.objects(node, URIRef(ORG + "member"))
        org = self.objects(node, URIRef(ORG + "organization"))
        if member and org:
            return t("changes.in", self.lang, member=self.name(member[0]), org=self.name(org[0]))
        assessed = self.objects(node, IKG.assesses)
        if assessed:  # an assessment in a review: of what it assesses
            return t("changes.assessment", self.lang, item=self.name(assessed[0]))
        return local_name(node)

    def _own_labels(self, node: URIRef) -> list[Literal]:
        """The labels the store has of a thing, else those the history knew it by (deleted since)."""
        facts = self._facts(node)
        held = facts.get(str(RDFS.label), []) if facts else list(self._past(node).objects(node, RDFS.label))
        return [x for x in held if isinstance(x, Literal)]

    def prop(self, p: URIRef) -> str:
        if str(p) in REUSED_PROPERTIES:
            return t(f"prop.{REUSED_PROPERTIES[str(p)]}", self.lang)
        return self.name(p) if not str(p).startswith(str(RDFS)) else local_name(p)

    def value(self, o: Node) -> str:
        """A value as people say it: a number or date as the language writes it, an amount with its currency,
        a period as its years (2015–2019, 2015–), a citation as its source, else the thing's name."""
        if isinstance(o, Literal):
            if o.datatype in NUMBERS:
                return str(format_decimal(o.toPython(), locale=locale_of(self.lang), decimal_quantization=False))
            if o.datatype == XSD.date:
                return day(str(o), self.lang)
            if o.datatype == XSD.dateTime:
                return when(str(o), self.lang)
            return str(o)
        amount = self.objects(o, URIRef(SCHEMA + "value"))
        if amount:
            currency = self.objects(o, URIRef(SCHEMA + "currency"))
            return f"{self.value(amount[0])} {currency[0] if currency else ''}".strip()
        cited = [*map(self.name, self.objects(o, IKG.section)), *map(str, self.objects(o, IKG.reference)),
                 *map(str, self.objects(o, URIRef(SCHEMA + "url")))]
        if cited:  # a citation: its section, reference or web address
            return "; ".join(cited)
        begin, end = self.objects(o, TIME.hasBeginning), self.objects(o, TIME.hasEnd)
        if begin or end:
            return f"{self._moment(begin)}–{self._moment(end)}"
        return self._moment([o]) or self.name(o)

    def _moment(self, nodes: list[Node]) -> str:
        """The year or day of an instant ('' for none)."""
        for node in nodes:
            for p in (TIME.inXSDDate, TIME.inXSDgYear):
                found = self.objects(node, p)
                if found:
                    return str(found[0]) if p == TIME.inXSDgYear else self.value(found[0])
        return ""

    def owner(self, node: Node) -> tuple[Node, URIRef] | None:
        """The item and property that point to a value node (in the change, else in the store)."""
        for g in self.graphs:
            for s, p in g.subject_predicates(node):
                return s, URIRef(str(p))
        try:
            rows = self.store.select(OWNER, {"x": node}).rows
        except Exception:  # noqa: BLE001
            rows = []
        return (rows[0][0], URIRef(str(rows[0][1]))) if rows and rows[0][0] is not None else None


def _is_value(node: Node) -> bool:
    """A node that only holds part of a value (a blank node or its skolem IRI), not a thing of its own."""
    return isinstance(node, BNode) or is_genid(node) or is_skolem(node)


def change_lines(store: Store, added: Graph, removed: Graph, lang: str = "en") -> list[str]:
    """The change as lines "What of item: before → after" ('–' for nothing), sorted by item.

    >>> from graph.store.memory import MemoryStore
    >>> from rdflib import BNode, Graph, Literal, URIRef
    >>> g = Graph(); _ = g.add((URIRef("https://example.org/x"), RDFS.label, Literal("X", lang="en")))
    >>> change_lines(MemoryStore(), g, Graph(), "en")
    ['Name of X: – → X']
    """
    return [line.text(lang) for line in change_rows(store, added, removed, lang)]


def change_rows(store: Store, added: Graph, removed: Graph, lang: str = "en") -> list[Line]:
    """The change as (item, what, before, after), one per item and property that changed, sorted by item
    (an import's preview shows them as a table)."""
    words = Words(store, lang, added, removed)
    before: dict[tuple[str, str], set[str]] = defaultdict(set)
    after: dict[tuple[str, str], set[str]] = defaultdict(set)
    relevance = {o: s for g in (added, removed) for s, o in g.subject_objects(IKG.relevance)}
    for graph_, side in ((removed, before), (added, after)):
        for s, p, o in graph_:
            if p == IKG.relevance:  # told by the relevance's own score, under the assessment
                continue
            if s not in relevance and p == IKG.score:  # a score changed alone: its assessment from the store
                owner = words.owner(s)
                if owner is not None and owner[1] == IKG.relevance:
                    relevance[s] = owner[0]
            if s in relevance:  # an assessment's score for a target area: "relevance to <area>" of it
                areas = words.objects(s, IKG.targetArea)
                if p == IKG.score and areas:
                    what = t("changes.relevance", lang, area=words.name(areas[0]))
                    side[(words.name(relevance[s]), what)].add(words.value(o))
                continue
            if _is_value(s):  # part of a value (an amount, a period, its beginning): told under its owner
                part, owner = s, words.owner(s)
                while owner is not None and _is_value(owner[0]):  # a period's beginning: told as the period
                    part, owner = owner[0], words.owner(owner[0])
                if owner is None or p in (RDF.type,):
                    continue
                if p == URIRef(SCHEMA + "currency"):
                    continue
                item, prop = owner
                side[(words.name(item), words.prop(prop))].add(words.value(part))
                continue
            side[(words.name(s), words.prop(URIRef(str(p))))].add(words.value(o))
    lines: list[Line] = []
    for key in sorted(set(before) | set(after), key=lambda k: (k[0].casefold(), k[1].casefold())):
        old, new = before.get(key, set()), after.get(key, set())
        if old == new:
            continue
        lines.append(Line(key[0], key[1], "; ".join(sorted(old - new or old)) or "–",
                          "; ".join(sorted(new - old or new)) or "–"))
    return lines


def items(store: Store, added: Graph, removed: Graph, lang: str = "en") -> list[str]:
    """The names of the things a change touched, sorted: a value's owner for the value (an amount's
    membership), an assessment as what it assesses.

    >>> from graph.store.memory import MemoryStore
    >>> g = Graph(); _ = g.add((URIRef("https://example.org/x"), RDFS.label, Literal("X", lang="en")))
    >>> items(MemoryStore(), g, Graph(), "en")
    ['X']
    """
    words = Words(store, lang, added, removed)
    relevance = {o: s for g in (added, removed) for s, o in g.subject_objects(IKG.relevance)}
    found: set[str] = set()
    for s in {s for g in (added, removed) for s in g.subjects()}:
        s = relevance.get(s, s)
        seen = 0
        while _is_value(s) and seen < 4:
            owner = words.owner(s)
            if owner is None:
                break
            s, seen = relevance.get(owner[0], owner[0]), seen + 1
        if not _is_value(s):
            found.add(words.name(s))
    return sorted(found, key=str.casefold)
