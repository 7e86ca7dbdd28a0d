"""Things that would be added again: already in the graph, or made by an earlier row of the same file. The
import refuses such a row, and the Edit page's Add form such a thing, each with its own words.

A thing is the same as another of its kind (or of a narrower kind: a city is an actor) when they share a
name, in any language, main name (rdfs:label) or other name (skos:altLabel) alike, compared as a person reads
it (case, spaces and hidden characters aside); a section only within its document and a target area only within
its scheme. Memberships, participations and twin-city agreements, whose labels are made from what they link, are
the same when they link the same things: the same member and network; the same participant and project; the same
two cities with the same type of agreement (a letter of intent and the formal twinning that follows it are two
agreements), unless their periods do not overlap (a network left in 2015 and joined again in 2019: two
memberships). Such a row is a problem of its own; rows with an identifier already in use are refused by the
forms' rules before they get here.

>>> same_text("  EuroCities "), same_text("eurocities")
('eurocities', 'eurocities')
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, TIME
from rdflib.term import Node

from graph.edit.draft import Draft, Pending
from graph.edit.kinds import Kind, kind_spec
from graph.edit.lookup import Lookup
from graph.edit.periods import day, period_of
from graph.edit.values import items
from graph.i18n import t
from graph.store.base import Store
from graph.vocab.classes import subclasses
from graph.vocab.labels import pick_label
from graph.vocab.namespaces import IKG, ORG
from graph.vocab.text import lookalike_key

# What a thing of a linking kind links: the same values of these properties make the same thing (the
# first two name the things linked in the messages).
LINKS: dict[str, tuple[URIRef, ...]] = {
    "membership": (ORG.member, ORG.organization),
    "participation": (IKG.participant, IKG.project),
    "twin-city-agreement": (IKG.party, IKG.party, IKG.agreementType),
}
# Kinds whose labels are only unique within something: a section's document, a target area's scheme.
SCOPES: dict[str, URIRef] = {"section": DCTERMS.isPartOf, "target-area": SKOS.inScheme}


Keys = dict[Hashable, Literal | None]
PERIOD = ("SELECT ?side ?value WHERE { ?x ?has ?period . VALUES ?side { time:hasBeginning time:hasEnd } "
          "?period ?side ?at . ?at time:inXSDDate|time:inXSDgYear ?value }")


def overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two periods share a day; an open end reaches as far as it can.

    >>> overlap(("2010-01-01", "2015-12-31"), ("2019-01-01", "")), overlap(("", ""), ("2019-01-01", ""))
    (False, True)
    """
    (a_start, a_end), (b_start, b_end) = a, b
    return not ((a_end and b_start and b_start > a_end) or (b_end and a_start and a_start > b_end))


@dataclass(frozen=True)
class Same:
    """The thing a row's thing is the same as: `row` of this file, or `iri` in the graph."""

    iri: URIRef
    row: int | None = None
    label: Literal | None = None  # the row's label the two share (None for a linking kind)


def same_text(text: str) -> str:
    """A label as labels are compared: as a person reads it (graph.vocab.text.lookalike_key: case-folded, runs of
    space one space, hidden characters and full-width letters seen through).

    >>> same_text("International\u200b  FORUM") == same_text("international forum")
    True
    """
    return lookalike_key(text)


def keys(kind: Kind, iri: Node, graph: Graph, scope: Node | None = None, lang: str = "en") -> Keys:
    """What makes a thing of `kind` the same as another, from its triples in `graph`: key -> its name (one key
    per name, the main names in `lang` first, then the others, then the other names; one key, with no name, for
    a linking kind)."""
    if kind.name in LINKS:
        linked = tuple(tuple(sorted(graph.objects(iri, prop), key=str)) for prop in LINKS[kind.name])
        return {(kind.name, *linked): None} if all(linked) else {}
    if kind.name in SCOPES and scope is None:
        scope = graph.value(iri, SCOPES[kind.name])
    labels = sorted((x for x in graph.objects(iri, RDFS.label) if isinstance(x, Literal) and x.strip()),
                    key=lambda x: (x.language != lang, x.language or "", str(x)))
    labels += sorted((x for x in graph.objects(iri, SKOS.altLabel) if isinstance(x, Literal) and x.strip()), key=str)
    out: Keys = {}
    for label in labels:
        out.setdefault((scope, same_text(label)), label)
    return out


class Duplicates:
    """The things of an import so far (row by row) and those of the graph (one query per kind, when needed)."""

    def __init__(self, store: Store, lang: str, pending: Pending, *, words: str = "tabular.err") -> None:
        self.store, self.lang = store, lang
        self.words = words  # the messages' keys: what to do ("remove the row", "choose Correct", "rename it")
        self.look = Lookup(store, lang, pending)
        self.rows: dict[Hashable, list[tuple[int, URIRef, frozenset[Node]]]] = {}  # key -> (row, IRI, types)
        self.known: dict[str, dict[Hashable, list[URIRef]]] = {}  # kind -> key -> things of the graph

    def problem(self, draft: Draft) -> tuple[str, str] | None:
        """(field, message) when the thing of the row is already in the graph or in an earlier row, else None;
        the field is the label that matched ("" for the whole row)."""
        kind = kind_spec(draft.kind)
        found = self.find(kind, draft)
        return None if found is None else self.explain(kind, draft, found)

    def problem_of_names(self, kind_name: str, values: Mapping[str, object],
                         told: list[tuple[str, str]]) -> tuple[str, str] | None:
        """(field, message) when the names of a row the forms' rules refused (with the problems `told`) already
        belong to a thing of the graph or of an earlier row, else None: told beside the row's other problems, not
        after they are mended; not when a field's problem already names that thing (its identifier is taken).
        Linked and scoped kinds need the row built to tell, and are left to `problem`."""
        kind = kind_spec(kind_name)
        if kind.name in LINKS or kind.name in SCOPES:
            return None
        iri, names = URIRef("urn:ikg:row"), Graph()  # (a row not built has no identifier of its own)
        for name, value in values.items():
            if name.startswith("label_") and isinstance(value, str) and value.strip():
                names.add((iri, RDFS.label, Literal(" ".join(value.split()), lang=name.removeprefix("label_"))))
            elif name == "alt_labels" and isinstance(value, str):
                names += [(iri, SKOS.altLabel, Literal(" ".join(x.split()))) for x in items(value) if x.strip()]
        draft = Draft(kind.name, iri, names, Graph(), "", pick_label(names.objects(iri, RDFS.label), self.lang))
        found = self.find(kind, draft)
        if found is None:
            return None
        repeated = self.explain(kind, draft, found)
        return None if any(f"<{found.iri}>" in said or field == repeated[0] for field, said in told) else repeated

    def explain(self, kind: Kind, draft: Draft, found: Same) -> tuple[str, str]:
        """(field, message) for a thing found the same as the draft's: the name that matched (a main name's
        field, else "alt_labels"; "" for the whole row) and why the thing is refused."""
        field = ""
        if found.label is not None:
            main = found.label in set(draft.add.objects(draft.iri, RDFS.label))
            field = "alt_labels" if not main else f"label_{found.label.language}" if found.label.language else ""
        return field, self.message(kind, draft, found)

    def add(self, draft: Draft, number: int) -> None:
        """Remember the things a row made (a project's partners too), for the rows after it."""
        for name, iri in draft.created:
            kind = kind_spec(name)
            types = frozenset(draft.add.objects(iri, RDF.type))
            for key in keys(kind, iri, draft.add):
                self.rows.setdefault(key, []).append((number, iri, types))

    def find(self, kind: Kind, draft: Draft) -> Same | None:
        """The first thing of the graph, else of an earlier row, that is the same as the draft's thing. Two
        links of the same things whose periods do not overlap are two (a network left and joined again)."""
        mine = keys(kind, draft.iri, draft.add, lang=self.lang)
        known = self._known(kind)
        span = period_of(draft.add, draft.iri) if kind.name in LINKS else None
        for key, label in mine.items():
            for iri in known.get(key, []):
                if iri != draft.iri and (span is None or overlap(span, self._period(iri))):  # (a correction: itself)
                    return Same(iri, None, label)
        closure = subclasses(kind.cls)
        for key, label in mine.items():
            for row, iri, types in self.rows.get(key, []):
                if types & closure and (span is None or overlap(span, period_of(self.look.extra, iri))):
                    return Same(iri, row, label)
        return None

    def _period(self, iri: URIRef) -> tuple[str, str]:
        """The first and last day of a link of the graph ("" for an open end)."""
        rows = self.store.select(PERIOD, {"x": iri}).rows
        found = {str(side): str(value) for side, value in rows if side is not None and value is not None}
        return day(found.get(str(TIME.hasBeginning), ""), first=True), day(found.get(str(TIME.hasEnd), ""))

    def _known(self, kind: Kind) -> dict[Hashable, list[URIRef]]:
        """key -> the things of the graph of this kind (and narrower kinds) with that key."""
        if kind.name in self.known:
            return self.known[kind.name]
        values = " ".join(c.n3() for c in sorted(subclasses(kind.cls)))
        graph, scopes = Graph(), {}
        if kind.name in LINKS:
            props = LINKS[kind.name]
            links = " ; ".join(f"{prop.n3()} ?v{i}" for i, prop in enumerate(props))
            query = (f"SELECT DISTINCT ?x {' '.join(f'?v{i}' for i in range(len(props)))} WHERE {{ "
                     f"VALUES ?t {{ {values} }} ?x a ?t ; {links} }}")
            for x, *linked in self.store.select(query).rows:
                if isinstance(x, URIRef):
                    for prop, value in zip(props, linked, strict=True):
                        if value is not None:
                            graph.add((x, prop, value))
        else:
            scope = f"OPTIONAL {{ ?x {SCOPES[kind.name].n3()} ?s }}" if kind.name in SCOPES else ""
            query = (f"SELECT DISTINCT ?x ?p ?l ?s WHERE {{ VALUES ?t {{ {values} }} VALUES ?p {{ rdfs:label "
                     f"skos:altLabel }} ?x a ?t ; ?p ?l . {scope} }}")
            for x, has, label, s in self.store.select(query).rows:
                if isinstance(x, URIRef) and isinstance(has, URIRef) and label is not None:
                    graph.add((x, has, label))
                    if s is not None:
                        scopes[x] = s
        out: dict[Hashable, list[URIRef]] = {}
        for x in sorted({s for s in graph.subjects() if isinstance(s, URIRef)}):
            for key in keys(kind, x, graph, scopes.get(x)):
                out.setdefault(key, []).append(x)
        self.known[kind.name] = out
        return out

    def message(self, kind: Kind, draft: Draft, found: Same) -> str:
        """Why the row is refused, naming the thing it repeats and what to do instead."""
        lang, look = self.lang, self.look
        what = kind.label(lang).lower()
        if found.row is not None:
            text = str(found.label).strip() if found.label is not None else draft.label
            return t("tabular.err.same_as_row", lang, kind=what, row=found.row, label=text)
        label = look.label(found.iri)
        if found.label is not None:
            what = look.kind_word(found.iri) or what  # what the thing is: "city" for an actor row's city
            return t(f"{self.words}.exists", lang, value=str(found.label).strip(), kind=what, label=label,
                     iri=found.iri)
        first, second, *more = LINKS[kind.name]
        a, b = list(draft.add.objects(draft.iri, first)), list(draft.add.objects(draft.iri, second))
        if kind.name == "twin-city-agreement":  # the home city first, then the twin city
            home = look.home()
            a = sorted(a, key=lambda x: (x != home, str(x)))
            a, b = a[:1], a[1:] or a
        kinds = [look.label(x) for prop in more for x in draft.add.objects(draft.iri, prop)]  # the agreement's type
        return t(f"{self.words}.exists.{kind.name}", lang, a=look.label(a[0]), b=look.label(b[0]), label=label,
                 iri=found.iri, type=", ".join(kinds))
