"""Checks of what a file adds to things already in the graph, and of the names it gives: every added
statement about an existing thing needs a source (a citation on that thing in the same file), no name may
hide characters (control, bidi, zero-width: "Trond\\u202eheim"), and no name may make lookup by name
ambiguous ("Innovasjon\\u200b Norge" beside "Innovasjon Norge"). Free text (comments, quotes) is not a
name: it is stored as the file gives it."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from graph.edit.importing.locator import Locator
from graph.edit.importing.lookup import TYPES, by_subject, owner
from graph.edit.importing.problems import ImportProblem
from graph.edit.importing.vocabulary import is_vocabulary_term
from graph.i18n import t
from graph.rdf.skolem import is_skolem
from graph.store.base import Store
from graph.vocab.labels import local_name
from graph.vocab.namespaces import IKG
from graph.vocab.text import lookalike_key, unsafe_characters

NAMES = {RDFS.label: "rdfs:label", SKOS.altLabel: "skos:altLabel"}


def hidden_characters(text: str) -> list[str]:
    """The characters a name may not hold, as U+XXXX in the order met: those of
    graph.vocab.text.unsafe_characters, and tabs and line breaks (a name is one line).

    >>> hidden_characters("Trond\\u202eheim\\n"), hidden_characters("Trondheim")
    (['U+202E', 'U+000A'], [])
    """
    found: list[str] = []
    for char in text:
        if char in "\t\n" or unsafe_characters(char):
            code = f"U+{ord(char):04X}"
            if code not in found:
                found.append(code)
    return found


def _cited(file: Graph, entity: URIRef) -> bool:
    """The file gives a citation on `entity` with a section and a quote, or a free-text reference.

    The whole file counts, also a citation the graph already holds: a file that repeats a present
    citation beside its new statements cites them."""
    for node in file.objects(entity, IKG.citation):
        if (node, IKG.reference, None) in file:
            return True
        if (node, IKG.section, None) in file and (node, IKG.quote, None) in file:
            return True
    return False


def _problem(locator: Locator | None, entity: URIRef, message: str, lang: str) -> ImportProblem:
    """A problem placed where the file first says something about `entity` (else named by its IRI)."""
    place = locator.where(entity, subject=True) if locator is not None else None
    if place is None:
        return ImportProblem(str(entity), message, entity=str(entity))
    location = t("import.at_line_col", lang, line=place[0], col=place[1])
    return ImportProblem(location, message, place[0], place[1], str(entity))


def source_problems(store: Store, file: Graph, add: Graph, lang: str,
                    locator: Locator | None = None) -> list[ImportProblem]:
    """Things already in the graph that gain statements without a citation in the file, and names that
    would be ambiguous or hold hidden characters. `file` is the whole (skolemised) file, `add` only the
    triples the graph lacks."""
    # A type alone is checked by graph.edit.importing.identity (a thing keeps its type; a broader one is no news).
    holders = sorted({o for o in (owner(file, s, store) for s, p, _ in add if p != RDF.type)
                      if isinstance(o, URIRef) and not is_skolem(o) and not is_vocabulary_term(o)})
    existing = by_subject(store, TYPES, holders)
    problems = [_problem(locator, entity, t("import.needs_source", lang, iri=entity), lang)
                for entity in holders if entity in existing and not _cited(file, entity)]
    return problems + name_problems(store, add, existing, lang, locator)


def _field(prop: Node, name: Literal) -> str:
    return NAMES[prop] + (f"@{name.language}" if name.language else "")  # type: ignore[index]


def name_problems(store: Store, add: Graph, existing: Mapping[Node, object], lang: str,
                  locator: Locator | None = None) -> list[ImportProblem]:
    """Added names with hidden characters (`hidden_characters`), and names another thing already has,
    compared as people see them (graph.vocab.text.lookalike_key)."""
    added = sorted({(s, p, o) for p in NAMES for s, o in add.subject_objects(p)
                    if isinstance(s, URIRef) and isinstance(o, Literal)}, key=str)
    if not added:
        return []
    problems: list[ImportProblem] = []
    taken: dict[str, set[tuple[URIRef, str]]] = {}
    rows = store.select("SELECT ?s ?n WHERE { { ?s rdfs:label ?n } UNION { ?s skos:altLabel ?n } }").rows
    for s, n in rows:
        if isinstance(s, URIRef) and isinstance(n, Literal):
            taken.setdefault(lookalike_key(str(n)), set()).add((s, str(n)))
    for subject, prop, name in added:
        bad = hidden_characters(str(name))
        if bad:
            problems.append(_problem(locator, subject, t("import.unsafe_name", lang, iri=subject,
                                                         field=_field(prop, name), chars=", ".join(bad)), lang))
            continue
        others = sorted((other, text) for other, text in taken.get(lookalike_key(str(name)), set())
                        if other != subject)
        if not others:
            continue
        other, text = others[0]
        # A new thing named exactly like another keeps the older warning (import.same_name) unless it is
        # only a look-alike; a thing already in the graph may not take another's name.
        if subject in existing or text != str(name) or (subject, RDF.type, None) not in add:
            problems.append(_problem(locator, subject, t("import.ambiguous_name", lang, iri=subject, name=name,
                                                         other=other, other_name=text, short=local_name(other)), lang))
    return problems
