"""Every change to the graph, recorded with PROV-O: who, when, why, which triples went in and out.

All writes by people (forms, imports, review assessments, undo, reset, restore) go through
`commit`: it computes the change's real effect (triples already there are not "added" again,
triples not there are not "removed"), writes the effect and its record in **one** store
transaction, so a crash leaves the store as it was before or after, never in between, and a change
without its record (or a record without its change) cannot exist. `undo` writes the inverse of an
earlier change as a new change.

The added and removed triples are kept as N-Triples text in two literals of the record
(`ikg:added`, `ikg:removed`), so the history never mixes with the graph's own statements: a
question about networks cannot find a network that was deleted an hour ago.

>>> from graph.store.memory import MemoryStore
>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDFS
>>> store = MemoryStore()
>>> g = Graph(); _ = g.add((URIRef("https://example.org/x"), RDFS.label, Literal("X", lang="en")))
>>> change = commit(store, add=g, editor="Kari", action="add-actor", why="new partner")
>>> (change.added_count, change.removed_count, len(changes(store)))
(1, 0, 1)
>>> undo(store, change.id, editor="Kari").removed_count
1
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD
from rdflib.term import Node

from graph.errors import InputError
from graph.i18n import retold, t
from graph.rdf.ntriples import from_ntriples, to_ntriples
from graph.store.base import Store, Triple
from graph.store.holders import holder
from graph.vocab.labels import local_name, pick_label, quote
from graph.vocab.namespaces import IKG

CHANGE_BASE = "https://w3id.org/ikg/change/"
MIN_ID_PREFIX = 4
HISTORY = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a ikg:Change ; ?p ?o }"  # every triple of the change records


@dataclass(frozen=True)
class Change:
    """One recorded change, as the history page and `ikg history` show it."""

    id: str
    iri: str
    time: str  # ISO 8601, UTC
    editor: str
    action: str
    comment: str
    added_count: int
    removed_count: int
    undoes: str | None = None  # the id of the change this one undoes
    undone_by: str | None = None  # the id of the change that undid this one

    def why(self, lang: str) -> str:
        """Why, in `lang` when the program wrote it ("Imported from X" for an import made in bokmål)."""
        return retold(self.comment, DEFAULT_REASONS, lang)


DEFAULT_REASONS = ("import.why_default", "backup.why_default", "history.undo_of")  # written when none is given


def commit(
    store: Store,
    add: Iterable[Triple] | None = None,
    remove: Iterable[Triple] | None = None,
    *,
    editor: str,
    action: str,
    why: str = "",
    undoes: str | None = None,
    now: dt.datetime | None = None,
    lang: str = "en",
) -> Change:
    """Write a change and its record in one transaction; returns the record.

    Reads the current state and writes under the store's write lock, so concurrent editors in one
    process are serialised and none of their changes is lost. Raises InputError (and writes
    nothing) when the editor is missing or the change would change nothing.
    """
    editor = (editor or "").strip()
    if not editor:
        raise InputError.of("err.editor", lang)
    add_set: set[Triple] = {(s, p, o) for s, p, o in (add or ())}
    texts = [editor, why or "", *(str(o) for _, _, o in add_set if isinstance(o, Literal))]
    if any("\x00" in text for text in texts):
        raise InputError.of("err.nul", lang)
    remove_set: set[Triple] = {(s, p, o) for s, p, o in (remove or ())} - add_set
    with store.write_lock:
        present = existing(store, add_set | remove_set)
        added = sorted(add_set - present, key=_key)
        removed = sorted(remove_set & present, key=_key)
        if not added and not removed:
            raise InputError.of("err.no_change", lang)
        now = now or dt.datetime.now(dt.UTC)
        change_id = f"{now:%Y%m%d%H%M%S}-{uuid.uuid4().hex[:6]}"
        iri = URIRef(CHANGE_BASE + change_id)
        record = Graph()
        record.add((iri, RDF.type, IKG.Change))
        record.add((iri, DCTERMS.identifier, Literal(change_id)))
        precise = now.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
        record.add((iri, PROV.startedAtTime, Literal(precise, datatype=XSD.dateTime)))
        record.add((iri, IKG.editor, Literal(editor)))
        record.add((iri, IKG.action, Literal(action)))
        if why and why.strip():
            record.add((iri, RDFS.comment, Literal(why.strip())))
        record.add((iri, IKG.addedCount, Literal(len(added), datatype=XSD.integer)))
        record.add((iri, IKG.removedCount, Literal(len(removed), datatype=XSD.integer)))
        if added:
            record.add((iri, IKG.added, Literal(to_ntriples(added))))
        if removed:
            record.add((iri, IKG.removed, Literal(to_ntriples(removed))))
        if undoes:
            record.add((iri, IKG.undoes, URIRef(CHANGE_BASE + undoes)))
        store.apply(add=[*added, *record], remove=removed)
    return Change(change_id, str(iri), _stamp(now), editor, action, (why or "").strip(), len(added), len(removed),
                  undoes)


def existing(store: Store, triples: Iterable[Triple]) -> set[Triple]:
    """Which of these triples the store holds now."""
    return store.present(triples)


HISTORY_QUERY = """
SELECT ?c ?id ?time ?editor ?action ?comment ?added ?removed ?undoes_id ?undone_by_id
WHERE {
  ?c a ikg:Change ; dcterms:identifier ?id ; prov:startedAtTime ?time ; ikg:editor ?editor ;
     ikg:action ?action ; ikg:addedCount ?added ; ikg:removedCount ?removed .
  OPTIONAL { ?c rdfs:comment ?comment }
  OPTIONAL { ?c ikg:undoes ?u . ?u dcterms:identifier ?undoes_id }
  OPTIONAL { ?later ikg:undoes ?c . ?later dcterms:identifier ?undone_by_id }
}
"""


def changes(store: Store, limit: int | None = None) -> list[Change]:
    """The recorded changes, newest first."""
    out = []
    for r in store.select(HISTORY_QUERY).dicts():
        out.append((_sort_key(r["time"]), Change(
            id=str(r["id"]), iri=str(r["c"]), time=_time_text(r["time"]), editor=str(r["editor"]),
            action=str(r["action"]), comment=str(r["comment"] or ""),
            added_count=int(str(r["added"])), removed_count=int(str(r["removed"])),
            undoes=str(r["undoes_id"]) if r["undoes_id"] is not None else None,
            undone_by=str(r["undone_by_id"]) if r["undone_by_id"] is not None else None,
        )))
    out.sort(key=lambda pair: (pair[0], pair[1].id), reverse=True)
    listed = [change for _, change in out]
    return listed[:limit] if limit else listed


def _sort_key(term: Node | None) -> str:
    value = term.toPython() if isinstance(term, Literal) else term
    if isinstance(value, dt.datetime) and value.tzinfo:
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return str(term)


def find(store: Store, change_id: str, lang: str = "en") -> Change:
    """A change by its id or a unique prefix of it (at least 4 characters)."""
    change_id = (change_id or "").strip()
    all_changes = changes(store)
    exact = [c for c in all_changes if c.id == change_id]
    if exact:
        return exact[0]
    if len(change_id) >= MIN_ID_PREFIX:
        matches = [c for c in all_changes if c.id.startswith(change_id)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise InputError.of("err.change_ambiguous", lang, id=change_id, n=len(matches))
    raise InputError.of("err.change_unknown", lang, id=change_id)


def diff(store: Store, change_id: str, lang: str = "en") -> tuple[Graph, Graph]:
    """The triples a change added and removed."""
    change = find(store, change_id, lang)
    rows = store.select(
        "SELECT ?added ?removed WHERE { OPTIONAL { ?c ikg:added ?added } OPTIONAL { ?c ikg:removed ?removed } }",
        {"c": URIRef(change.iri)},
    ).rows
    added_text, removed_text = rows[0] if rows else (None, None)
    return from_ntriples(str(added_text or "")), from_ntriples(str(removed_text or ""))


SMALL_QUERY = """
SELECT ?id ?added ?removed WHERE {
  ?c a ikg:Change ; dcterms:identifier ?id ; ikg:addedCount ?n ; ikg:removedCount ?m .
  FILTER(?n + ?m <= ?most)
  OPTIONAL { ?c ikg:added ?added } OPTIONAL { ?c ikg:removed ?removed }
}
"""


def small_diffs(store: Store, most: int) -> dict[str, tuple[Graph, Graph]]:
    """The triples each change of at most `most` triples added and removed, by id, read in one query (the
    history's list names what each touched; an import or a reset is told by its reason instead)."""
    rows = store.select(SMALL_QUERY, {"most": Literal(most)}).rows
    return {str(i): (from_ntriples(str(a or "")), from_ntriples(str(r or ""))) for i, a, r in rows}


REMEMBERED = """
SELECT ?text WHERE {
  ?c a ikg:Change . { ?c ikg:removed ?text } UNION { ?c ikg:added ?text } FILTER(CONTAINS(STR(?text), ?subject))
}
"""


def remembered(store: Store, thing: URIRef) -> Graph:
    """What the recorded changes said of a thing (as subject), deleted or not: a deleted membership's
    member and network, a deleted actor's name, so the history can still name it in words."""
    subject = f"<{thing}> "
    rows = store.select(REMEMBERED, {"subject": Literal(subject)}).rows
    lines = {line for (text,) in rows for line in str(text or "").splitlines() if line.startswith(subject)}
    return from_ntriples("\n".join(sorted(lines)))


def undo(store: Store, change_id: str, *, editor: str, why: str = "", lang: str = "en") -> Change:
    """Undo a change by recording a new change that removes what it added and restores what it removed.

    Refused when the change was already undone. Triples a later change has since removed (or
    restored) are left as they are, so undoing never overwrites newer work.
    """
    with store.write_lock:
        change = find(store, change_id, lang)
        if change.undone_by:
            raise InputError.of("err.already_undone", lang, id=change.id, by=change.undone_by)
        added, removed = diff(store, change.id, lang)
        left = left_pointing(store, added, lang)
        if left:
            gone, things = left
            raise InputError.of("err.undo_leaves_pointers", lang, id=change.id, label=gone, things=things)
        try:
            return commit(store, add=removed, remove=added, editor=editor, action="undo",
                          why=why or t("history.undo_of", lang, id=change.id), undoes=change.id, lang=lang)
        except InputError as exc:
            if exc.key == "err.no_change":
                raise InputError.of("err.nothing_to_undo", lang, id=change.id) from None
            raise


SHOWN = 5  # things named in a refusal; the rest counted


def left_pointing(store: Store, added: Graph, lang: str) -> tuple[str, str] | None:
    """What undoing a change that added these triples would leave pointing at nothing: a thing the change
    made (its type is among them) that something made since points at (a membership in a network the
    change added). None when nothing would; else the thing's name and those pointing at it, named.
    Deleting is refused alike (graph/edit/delete.py): such a pointer is a broken record, and the app
    would show the lost thing by its identifier."""
    made = sorted({s for s, p, _ in added if p == RDF.type and isinstance(s, URIRef)})
    for thing in made:
        rows = store.select("SELECT ?s ?p WHERE { ?s ?p ?x }", {"x": thing}).rows
        pointing = sorted({holder(store, s) for s, p in rows if s is not None and (s, p, thing) not in added}
                          - {thing}, key=str)
        if pointing:
            names = [quote(_label(store, x, lang), lang) for x in pointing]
            shown = ", ".join(names[:SHOWN]) + (t("edit.err.and_more", lang, n=len(names) - SHOWN)
                                                if len(names) > SHOWN else "")
            return quote(_label(store, thing, lang, added), lang), shown
    return None


def _label(store: Store, node: Node, lang: str, extra: Graph | None = None) -> str:
    labels = [o for _, _, o in extra.triples((node, RDFS.label, None))] if extra is not None else []
    if not labels:
        labels = [r[0] for r in store.select("SELECT ?l WHERE { ?x rdfs:label ?l }", {"x": node}).rows
                  if r[0] is not None]
    return pick_label(labels, lang) or local_name(node)


def _key(triple: Triple) -> tuple[str, str, str]:
    s, p, o = triple
    return s.n3(), p.n3(), o.n3()


def _time_text(term: Node | None) -> str:
    value = term.toPython() if isinstance(term, Literal) else term
    return _stamp(value) if isinstance(value, dt.datetime) and value.tzinfo else str(term)


def _stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
