"""What checking and building ask the store (and a batch's pending things): kinds, names, labels,
concepts, target areas, the home actor and the dataset's namespace; every answer cached.

>>> from graph.vocab.namespaces import IKG
>>> [local_name(c) for c in ordered_subclasses(IKG.Activity)]
['Activity', 'Delegation', 'Visit', 'Seminar', 'YouthExchange', 'CulturalEvent']
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from graph.analysis.assessments import dataset_namespace
from graph.edit.draft import Pending
from graph.edit.ids import SLUG, web_address_chars_ok
from graph.errors import InputError
from graph.i18n import t
from graph.questions.languages import label_order
from graph.rdf.skolem import is_genid
from graph.store.base import Store
from graph.vocab.classes import ontology, subclasses
from graph.vocab.collate import name_key, natural_key
from graph.vocab.labels import FALLBACK, local_name, pick_label
from graph.vocab.namespaces import IKG, ORG
from graph.vocab.text import closest


@functools.cache
def ordered_subclasses(root: URIRef, *, include_root: bool = True) -> tuple[URIRef, ...]:
    """The class and its subclasses (graph.vocab.classes.subclasses) in the order the ontology lists
    them, each class before its own subclasses: the order of a picker."""
    members = subclasses(root)
    out: list[URIRef] = []

    def walk(cls: URIRef) -> None:
        if cls in out or cls not in members:
            return
        out.append(cls)
        for sub in ontology().subjects(RDFS.subClassOf, cls):
            if isinstance(sub, URIRef):
                walk(sub)

    walk(root)
    return tuple(out if include_root else out[1:])


def class_label(cls: URIRef, lang: str) -> str:
    """A class's label in the shipped vocabulary, or its local name."""
    return pick_label(ontology().objects(cls, RDFS.label), lang) or local_name(cls)


class Lookup:
    """Questions about the store (and pending things) that checking and building need; answers cached."""

    def __init__(self, store: Store, lang: str, pending: Pending | None = None) -> None:
        self.store, self.lang = store, lang
        self.pending = pending if pending is not None else Pending()
        self.cache = self.pending.cache
        self.extra = self.pending.graph

    def _cached(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def _out(self, iri: Node) -> list[tuple[Node, Node]]:
        """(property, value) of every triple of the thing in the store (one query, cached)."""
        return self._cached(("out", iri), lambda: [
            (p, o) for _, p, o in self.store.select("SELECT ?x ?p ?o WHERE { ?x ?p ?o }", {"x": iri}).rows])

    def values(self, iri: Node, prop: URIRef) -> list[Node]:
        return [o for p, o in self._out(iri) if p == prop] + list(self.extra.objects(iri, prop))

    def types(self, iri: Node) -> set[Node]:
        return set(self.values(iri, RDF.type))

    def is_a(self, iri: Node, classes: tuple[URIRef, ...]) -> bool:
        return bool(self.types(iri) & subclasses(*classes))

    def exists(self, iri: URIRef) -> bool:
        if iri in self.pending.origin or (iri, None, None) in self.extra or (None, None, iri) in self.extra:
            return True
        return bool(self._out(iri)) or self.store.ask("ASK WHERE { ?s ?q ?x }", {"x": iri})

    def labels(self, iri: Node) -> list[Node]:
        return self.values(iri, RDFS.label)

    def label(self, iri: Node, lang: str | None = None) -> str:
        """The thing's label in `lang` (or another language); unlabelled links are named by what they link."""
        order = (lang,) if lang else label_order(self.store, self.lang)  # the data labels' language first
        found = pick_label(self.labels(iri), str(order[0]), order[1:] or FALLBACK)
        if found:
            return found
        for a_prop, b_prop in ((ORG.member, ORG.organization), (IKG.participant, IKG.project)):
            a, b = self.values(iri, a_prop), self.values(iri, b_prop)
            if a and b and not is_genid(iri):
                return t("edit.auto.in", lang or self.lang, a=self.label(a[0], lang), b=self.label(b[0], lang))
        return local_name(iri)

    def names(self, classes: tuple[URIRef, ...]) -> list[tuple[Node, str]]:
        """(IRI, name) for every thing of these classes: every label, other name and preferred label."""
        closure = subclasses(*classes)

        def compute() -> list[tuple[Node, str]]:
            values = " ".join(c.n3() for c in sorted(closure))
            rows = self.store.select(
                f"SELECT ?x ?name WHERE {{ VALUES ?t {{ {values} }} ?x a ?t . "
                "?x rdfs:label|skos:altLabel|skos:prefLabel ?name }").rows
            return sorted({(x, str(name)) for x, name in rows if x is not None}, key=lambda r: (str(r[0]), r[1]))

        found: list[tuple[Node, str]] = list(self._cached(("names", classes), compute))
        for x in set(self.extra.subjects(RDF.type, None)):
            if self.is_a(x, classes):
                found += [(x, str(n)) for p in (RDFS.label, SKOS.altLabel) for n in self.extra.objects(x, p)]
        return found

    def home(self) -> URIRef | None:
        def compute() -> Node | None:
            rows = self.store.select("SELECT ?d ?h WHERE { ?d a ikg:Dataset ; ikg:homeActor ?h } ORDER BY ?d").rows
            return rows[0][1] if rows else None

        return self._cached(("home",), compute)

    def namespace(self) -> str:
        return self._cached(("namespace",), lambda: dataset_namespace(self.store))

    def target_areas(self) -> list[tuple[str, URIRef, str]]:
        """(notation, IRI, label) of every target area, in number order."""
        def compute() -> list[tuple[str, Node, str]]:
            rows = self.store.select(
                "SELECT ?ta ?n ?l WHERE { ?ta a ikg:TargetArea ; skos:notation ?n . OPTIONAL { ?ta rdfs:label ?l } }"
            ).rows
            labels: dict[tuple[str, Node | None], list[Node | None]] = {}
            for ta, n, label in rows:
                labels.setdefault((str(n), ta), []).append(label)
            return sorted(((n, ta, pick_label([x for x in ls if x is not None], self.lang) or n)
                           for (n, ta), ls in labels.items() if ta is not None), key=lambda r: (len(r[0]), r[0]))

        return self._cached(("areas", self.lang), compute)

    def target_areas_named(self, text: str) -> list[URIRef]:
        """The target areas `text` names: by number, name, both ("3 Research, business …") or IRI."""
        key = text.casefold()
        return [iri for n, iri, label in self.target_areas()
                if key in (n.casefold(), str(iri).casefold(), label.casefold(), f"{n} {label}".casefold())]

    def concepts(self, scheme: URIRef | None) -> list[tuple[URIRef, str, list[str]]]:
        """(IRI, label, every name incl. notation) of the concepts of a scheme, sorted by label."""
        def compute() -> list[tuple[Node, str, list[str]]]:
            rows = self.store.select(
                "SELECT ?scheme ?c ?n ?l WHERE { ?c skos:inScheme ?scheme . "
                "OPTIONAL { ?c skos:notation ?n } OPTIONAL { ?c rdfs:label ?l } }",
                {"scheme": scheme} if scheme is not None else None).rows
            found: dict[Node, list[Node]] = {}
            for _, c, n, label in rows:
                if c is None:
                    continue
                found.setdefault(c, [])
                found[c] += [x for x in (n, label) if x is not None]
            out = []
            for c, names in found.items():
                labels = [x for x in names if isinstance(x, Literal) and x.language]
                out.append((c, pick_label(labels, self.lang) or local_name(c), sorted({str(x) for x in names})))
            return sorted(out, key=lambda r: (name_key(r[1], self.lang), r[1]))

        return self._cached(("concepts", scheme, self.lang), compute)

    def class_label(self, cls: URIRef, lang: str | None = None) -> str:
        return class_label(cls, lang or self.lang)

    def kind_word(self, iri: Node) -> str:
        """What a thing is, in words: its most specific class's label (lower-case)."""
        types = {c for c in self.types(iri) if isinstance(c, URIRef)}
        supers = {s for c in types for s in subclasses(c) if s != c}
        specific = sorted(types - supers) or sorted(types)
        named = [c for c in specific if (c, RDFS.label, None) in ontology()]
        return self.class_label(named[0]).lower() if named else ""

    def resolve(self, text: str, classes: tuple[URIRef, ...], what: str) -> URIRef:
        """The thing of these classes named by an IRI, an identifier or any of its names; `what` names
        what is wanted in the messages ("the network")."""
        lang = self.lang
        text = text.strip()
        candidates: list[URIRef] = []
        if text.startswith(("http://", "https://")):
            candidates = [URIRef(text)] if web_address_chars_ok(text) else []
        elif SLUG.match(text):
            candidates = [URIRef(self.namespace() + text)]
        wrong = None
        for iri in candidates:
            if self.is_a(iri, classes):
                return iri
            if self.types(iri):
                wrong = iri
        names = self.names(classes)
        matches = sorted({URIRef(str(iri)) for iri, name in names if name.casefold() == text.casefold()})
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            listing = ", ".join(f"{self.label(m)} <{m}>" for m in matches)
            raise InputError.of("edit.err.ambiguous", lang, value=text, what=what, things=listing)
        if wrong is not None:
            raise InputError.of("edit.err.wrong_kind", lang, value=self.label(wrong),
                                is_kind=self.kind_word(wrong), what=what)
        close = closest(text, sorted({n for _, n in names}))
        hint = t("edit.err.did_you_mean", lang, name=close) if close else ""
        raise InputError.of("edit.err.unknown_entity", lang, value=text, what=what, hint=hint)

    def entity_choices(self, classes: Iterable[URIRef],
                       keep: Callable[[set[Node]], bool] | None = None) -> list[tuple[str, str]]:
        """(IRI, label) of the things of these classes (and their subclasses), sorted by label; with
        `keep`, only the things whose set of classes it accepts."""
        closure = sorted(subclasses(*classes))
        values = " ".join(c.n3() for c in closure)
        rows = self.store.select(
            f"SELECT ?x ?t ?l WHERE {{ VALUES ?t {{ {values} }} ?x a ?t . OPTIONAL {{ ?x rdfs:label ?l }} }}").rows
        labels: dict[Node, list[Node]] = {}
        for x, _, label in rows:
            if x is None:
                continue
            labels.setdefault(x, [])
            if label is not None:
                labels[x].append(label)
        if keep is not None:
            rows = self.store.select(f"SELECT ?x ?t WHERE {{ VALUES ?k {{ {values} }} ?x a ?k . ?x a ?t }}").rows
            types: dict[Node, set[Node]] = {}
            for x, typ in rows:
                if x is not None and typ is not None:
                    types.setdefault(x, set()).add(typ)
            labels = {x: ls for x, ls in labels.items() if keep(types.get(x, set()))}
        out = [(str(x), pick_label(ls, self.lang) or self.label(x)) for x, ls in labels.items()]
        return sorted(out, key=lambda p: (natural_key(p[1], self.lang), p[1], p[0]))  # ¶2 before ¶10
