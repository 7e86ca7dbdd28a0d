"""Adding a new thing: check every value of the form, name it, build its triples as a Draft (`build`)
and write them as one recorded change (`save`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

import graph.history.changes as history
from graph.edit.checks import Checker, FieldErrors, check_all, check_source, need_editor, shape_errors, source_of
from graph.edit.draft import Draft, Pending
from graph.edit.duplicates import Duplicates
from graph.edit.ids import SLUG, valid_web_address
from graph.edit.kinds import Kind, kind_spec
from graph.edit.lookup import Lookup
from graph.edit.triples import auto_labels, citation, group_triples, groups, mint, partner_triples
from graph.edit.values import raw
from graph.i18n import t
from graph.questions.languages import data_languages
from graph.store.base import Store
from graph.vocab.labels import pick_label


def identifier(checker: Checker, kind: Kind, given: str, p: dict[str, Any], taken: set[URIRef]) -> URIRef | None:
    """The IRI of a new thing: the given identifier (which must be free) or a minted one."""
    look = checker.look
    if given:
        if given.startswith(("http://", "https://")):
            ok = valid_web_address(given)
            iri = URIRef(given)
        else:
            ok = bool(SLUG.match(given))
            iri = URIRef(look.namespace() + given)
        if not ok:
            checker.add("id", "edit.err.id_invalid", value=given)
            return None
        if iri in look.pending.origin:
            checker.add("id", "edit.err.id_in_batch", value=given, where=look.pending.origin[iri])
            return None
        if look.exists(iri):
            checker.add("id", "edit.err.id_taken", value=given, label=look.label(iri), iri=iri)
            return None
        taken.add(iri)
        return iri
    named = [str(v) for n, v in p.items() if n.startswith("label_") and v]  # label_sv … in other data languages
    label = p.get("label_en") or p.get("label_nb") or next(iter(named), "") or (
        auto_labels(kind, p, look).get("en", "") if kind.auto_label else "")
    return mint(look, kind, label, taken)


def build(store: Store, kind: str, values: Mapping[str, Any], lang: str = "en", *,
          pending: Pending | None = None) -> Draft:
    """Check the values of a new thing of `kind` and return the triples that would add it.

    Raises FieldErrors listing every problem (field, message) and writes nothing. With `pending`
    (a batch such as a spreadsheet), earlier things of the batch count as existing and the SHACL
    check is left to the caller.
    """
    spec = kind_spec(kind, lang, data_languages(store))
    look = Lookup(store, lang, pending)
    checker = Checker(spec, look, lang)
    checker.unknown_fields(values)
    p = checker.read(values, [n for n in spec.names if n != "id"])
    check_all(checker, spec, p, values)
    check_source(checker, values)
    taken: set[URIRef] = set()
    iri = identifier(checker, spec, str(raw(values.get("id")) or ""), p, taken)
    if checker.problems or iri is None:
        raise FieldErrors(checker.problems, lang)
    g = Graph()
    for name in groups(spec):
        g += group_triples(spec, iri, name, p, look)
    source = source_of(p)
    citation(g, iri, source)
    created = [(spec.name, iri)]
    for partner in p.get("partners", []):
        part, triples = partner_triples(iri, partner, source, look, taken, g)
        g += triples
        created.append(("participation", part))
    if pending is None:
        shape_errors(store, g, Graph(), spec, lang)
    label = pick_label(g.objects(iri, RDFS.label), lang)
    summary = t("edit.summary.add", lang, kind=spec.label(lang).lower(), label=label, iri=iri, n=len(g))
    return Draft(spec.name, iri, g, Graph(), summary, label, created)


def save(store: Store, kind: str, values: Mapping[str, Any], *, editor: str, why: str = "",
         lang: str = "en") -> history.Change:
    """Check and add a new thing, recorded as one change (action add-KIND)."""
    need_editor(editor, lang)
    with store.write_lock:
        return save_draft(store, build(store, kind, values, lang), editor=editor, why=why, lang=lang)


def save_draft(store: Store, draft: Draft, *, editor: str, why: str = "", lang: str = "en") -> history.Change:
    """Add the new thing `build` made, recorded as one change, unless the graph has it already (the same name,
    or the same link in an overlapping period). Build it under the store's write lock, as `save` does."""
    need_editor(editor, lang)
    with store.write_lock:
        repeated = Duplicates(store, lang, Pending(), words="edit.err").problem(draft)
        if repeated is not None:
            raise FieldErrors([repeated], lang)
        return history.commit(store, add=draft.add, editor=editor, action=f"add-{draft.kind}", why=why, lang=lang)
