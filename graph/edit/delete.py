"""Deleting a thing entered by mistake, with the sub-nodes it holds; refused while others point at it."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.term import Node

import graph.history.changes as history
from graph.edit.checks import need_editor
from graph.edit.current import kind_of
from graph.edit.draft import Draft
from graph.edit.kinds import KIND_BY_NAME
from graph.edit.lookup import Lookup
from graph.edit.snapshot import Snapshot
from graph.errors import InputError
from graph.i18n import t
from graph.store.base import Store
from graph.store.holders import holder
from graph.vocab.collate import name_key
from graph.vocab.labels import quote
from graph.vocab.namespaces import IKG, SDG

MAX_REFERRERS_SHOWN = 10


def referrers(store: Store, iri: str | URIRef, lang: str = "en") -> list[tuple[Node, str]]:
    """(IRI, "label (kind)") of the things that point at a thing, other than its own sub-nodes."""
    iri = URIRef(str(iri))
    own = {iri} | {s for s, _, _ in Snapshot(store, iri).all()}
    rows = store.select("SELECT ?x ?s WHERE { ?s ?p ?x }", {"x": iri}).rows
    look = Lookup(store, lang)
    found: dict[Node, str] = {}
    for _, s in rows:
        if s is None or s in own:
            continue
        owner = holder(store, s)
        if owner != iri and owner not in found:
            word = look.kind_word(owner)
            found[owner] = f"{quote(look.label(owner), lang)} ({word})" if word else quote(look.label(owner), lang)
    return sorted(found.items(), key=lambda kv: (name_key(kv[1], lang), kv[1]))


def build_deletion(store: Store, iri: str | URIRef, *, confirm: str, lang: str = "en") -> Draft:
    """Check the deletion of a thing entered by mistake and return the triples to remove."""
    iri = URIRef(str(iri))
    if not store.ask("ASK WHERE { ?x ?p ?o }", {"x": iri}):
        raise InputError.of("edit.err.not_found", lang, iri=iri)
    look = Lookup(store, lang)
    label = look.label(iri)
    if str(iri).startswith((str(IKG._NS), str(SDG))):
        raise InputError.of("edit.err.vocabulary", lang, label=label)
    names = {str(iri).casefold()} | {str(x).strip().casefold() for x in look.labels(iri)}
    if (confirm or "").strip().casefold() not in names:
        raise InputError.of("edit.err.confirm", lang, label=label, iri=iri, value=(confirm or "").strip())
    pointing = referrers(store, iri, lang)
    if pointing:
        shown = [text for _, text in pointing[:MAX_REFERRERS_SHOWN]]
        more = len(pointing) - len(shown)
        things = ", ".join(shown) + (t("edit.err.and_more", lang, n=more) if more > 0 else "")
        raise InputError.of("edit.err.referenced", lang, label=label, things=things)
    remove = Graph()
    for triple in Snapshot(store, iri).all():
        remove.add(triple)
    name = kind_of(store, iri) or ""
    what = KIND_BY_NAME[name].label(lang).lower() if name else look.kind_word(iri)
    summary = t("edit.summary.delete", lang, kind=what, label=label, n=len(remove))
    return Draft(name, iri, Graph(), remove, summary, label, [])


def delete(store: Store, iri: str | URIRef, *, confirm: str, editor: str, why: str = "",
           lang: str = "en") -> history.Change:
    """Delete a thing entered by mistake, with the citations, periods and amounts it holds.

    `confirm` must be the thing's IRI or one of its names. Refused while other things point at it
    (the message names them): delete or correct those first. To end a relation, use `retire`.
    """
    need_editor(editor, lang)
    with store.write_lock:
        draft = build_deletion(store, iri, confirm=confirm, lang=lang)
        return history.commit(store, remove=draft.remove, editor=editor, action=f"delete-{draft.kind or 'thing'}",
                              why=why, lang=lang)
