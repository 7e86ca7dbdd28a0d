"""Changing an existing thing: correcting some of its fields (a new fact needs a source) and retiring
a relation by ending its period; each planned as a Draft, then written as one recorded change."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, TIME
from rdflib.term import Node

import graph.history.changes as history
from graph.edit.checks import Checker, FieldErrors, check_all, check_source, need_editor, shape_errors
from graph.edit.current import existing_kind, period_value, values_from
from graph.edit.draft import Draft, Pending
from graph.edit.duplicates import Duplicates
from graph.edit.kinds import BASE_FIELDS, LABEL_FIELDS, PROPS, RETIRABLE, SOURCE_FIELDS, Kind, kind_spec
from graph.edit.lookup import Lookup
from graph.edit.snapshot import Snapshot, Triple
from graph.edit.triples import citation, group, group_triples, partner_triples
from graph.edit.values import is_empty, raw
from graph.errors import InputError
from graph.i18n import t
from graph.rdf.skolem import is_genid
from graph.store.base import Store
from graph.vocab.namespaces import IKG

ExtraCheck = Callable[[Checker, Kind, Snapshot, dict[str, Any]], None]


def current_group(snap: Snapshot, kind: Kind, name: str, look: Lookup) -> list[Triple]:
    """The triples now in the store for one group of fields (what a correction replaces)."""
    iri = snap.iri
    if name == "type":
        f = kind.field("actor_type") or kind.field("activity_type")
        options = f.options if f else (kind.cls,)
        return [(iri, RDF.type, o) for o in snap.objects(RDF.type) if o in options]
    if name.startswith("label_"):
        language = name.removeprefix("label_")
        return [(iri, RDFS.label, o) for o in snap.objects(RDFS.label) if getattr(o, "language", None) == language]
    if name in ("period", "amount"):
        prop = kind.period if name == "period" else kind.amount
        out: list[Triple] = []
        for node in snap.objects(prop):
            if prop is not None:
                out.append((iri, prop, node))
            out += snap.tree(node) if is_genid(node) else []
        return out
    if name == "city":
        return [(iri, IKG.party, o) for o in snap.objects(IKG.party) if o != look.home()]
    if name == "partners":
        return []
    return [(iri, PROPS[name], o) for o in snap.objects(PROPS[name])]


def unchanged_left_out(old: list[Triple], new: Graph) -> tuple[list[Triple], list[Triple]]:
    """A group's triples to remove and to add, leaving out what stays: the same triple, and a name given
    again as plain text, which keeps its language tag (the form shows other names without their tags, so
    adding one to a list must not strip the tags off the rest).

    >>> from rdflib import Literal, URIRef
    >>> x, p = URIRef("x:a"), URIRef("x:p")
    >>> new = Graph()
    >>> for text in ("NTNU", "NTH"):
    ...     _ = new.add((x, p, Literal(text)))
    >>> gone, came = unchanged_left_out([(x, p, Literal("NTNU", lang="nb")), (x, p, Literal("Old"))], new)
    >>> [o for _s, _p, o in gone], [o for _s, _p, o in came]
    ([rdflib.term.Literal('Old')], [rdflib.term.Literal('NTH')])
    """
    plain = {(s, p, str(o)): (s, p, o) for s, p, o in new
             if isinstance(o, Literal) and o.language is None and o.datatype is None}
    stays: set[Triple] = set()
    gone: list[Triple] = []
    for s, p, o in old:
        if (s, p, o) in new:
            stays.add((s, p, o))
        elif isinstance(o, Literal) and (s, p, str(o)) in plain:
            stays.add(plain[(s, p, str(o))])
        else:
            gone.append((s, p, o))
    return gone, [triple for triple in new if triple not in stays]


def same(new: Any, old: Any) -> bool:
    """Whether a parsed value is what is there now (lists in any order).

    >>> same(["b", "a"], ["a", "b"]), same("2019", None)
    (True, False)
    """
    if isinstance(new, list) or isinstance(old, list):
        return sorted(map(str, new or [])) == sorted(map(str, old or []))
    return bool(new == old)


def plan_correction(store: Store, iri: URIRef, values: Mapping[str, Any], lang: str, action: str = "correct",
                    extra_check: ExtraCheck | None = None) -> Draft:
    """The triples that change the given fields of an existing thing; other fields stay as they are."""
    kind = existing_kind(store, iri, lang)
    look = Lookup(store, lang)
    snap = Snapshot(store, iri)
    current = values_from(snap, kind, look)
    checker = Checker(kind, look, lang)
    checker.unknown_fields(values)
    given_id = str(raw(values.get("id")) or "")
    if given_id and given_id not in (str(iri), str(iri).removeprefix(look.namespace())):
        checker.add("id", "edit.err.id_fixed")
    names = [n for n in kind.names if n != "id" and n not in SOURCE_FIELDS]
    merged = {n: (values[n] if n in values else current[n]) for n in names}
    old = Checker(kind, look, lang).read(current, names)  # what is there now (not checked again)
    given = [n for n in names if n in values]
    new = {n: v for n, v in old.items() if n not in given}
    new.update(checker.read(merged, given))
    changed = [n for n in given if not same(new.get(n), old.get(n))]
    check_all(checker, kind, new, merged)
    if extra_check:
        extra_check(checker, kind, snap, new)
    facts = [n for n in changed if n not in LABEL_FIELDS]
    source_given = any(not is_empty(values.get(n)) for n in SOURCE_FIELDS if n != "evidence")
    if facts or source_given:
        check_source(checker, values)
    source = dict(checker.read(values, SOURCE_FIELDS)) if source_given else {}
    if checker.problems:
        raise FieldErrors(checker.problems, lang)
    add, remove = Graph(), Graph()
    done: list[str] = []
    for name in changed:
        if group(name) in done:
            continue
        done.append(group(name))
        gone, came = unchanged_left_out(current_group(snap, kind, group(name), look),
                                        group_triples(kind, iri, group(name), new, look))
        for triple in gone:
            remove.add(triple)
        for triple in came:
            add.add(triple)
    if "partners" in done:
        _correct_partners(store, iri, new.get("partners", []), old.get("partners", []), source, look, add, remove)
    if source:
        props = {PROPS.get(n) or (kind.period if group(n) == "period" else kind.amount) for n in facts}
        citation(add, iri, source, next(iter(props)) if len(props) == 1 else None)
    if not add and not remove:
        raise InputError.of("err.no_change", lang)
    shape_errors(store, add, remove, kind, lang)
    label = look.label(iri)
    fields = ", ".join(kind.get(n).label(lang).lower() for n in changed) or t("edit.summary.source_only", lang)
    summary = t(f"edit.summary.{action}", lang, kind=kind.label(lang).lower(), label=label, fields=fields)
    return Draft(kind.name, iri, add, remove, summary, label, [])


def _correct_partners(store: Store, iri: URIRef, new: list[Node], old: list[Node], source: dict[str, Any],
                      look: Lookup, add: Graph, remove: Graph) -> None:
    """New partners get a participation; partners taken off the list lose theirs."""
    taken: set[URIRef] = set()
    for partner in new:
        if partner not in old and isinstance(partner, URIRef):
            _, triples = partner_triples(iri, partner, source, look, taken)
            add += triples
    gone = [p for p in old if p not in new]
    if not gone:
        return
    rows = store.select("SELECT ?x ?p ?a WHERE { ?p ikg:project ?x ; ikg:participant ?a }", {"x": iri}).rows
    for _, participation, actor in rows:
        if actor in gone and isinstance(participation, URIRef):
            for triple in Snapshot(store, participation).all():
                remove.add(triple)


def build_correction(store: Store, iri: str | URIRef, values: Mapping[str, Any], lang: str = "en") -> Draft:
    """Check a correction of an existing thing and return its triples (nothing is written).

    Only the fields in `values` change. A new fact (anything but the names) needs a source, given
    in the source fields like in a new form; it is cited with ikg:aboutProperty when one property changed.
    """
    return plan_correction(store, URIRef(str(iri)), values, lang)


def correct(store: Store, iri: str | URIRef, values: Mapping[str, Any], *, editor: str, why: str = "",
            lang: str = "en") -> history.Change:
    """Change fields of an existing thing, recorded as one change (action correct-KIND)."""
    need_editor(editor, lang)
    with store.write_lock:
        draft = build_correction(store, iri, values, lang)
        _refuse_a_repeat(store, draft, lang)
        return history.commit(store, add=draft.add, remove=draft.remove, editor=editor,
                              action=f"correct-{draft.kind}", why=why, lang=lang)


def _refuse_a_repeat(store: Store, draft: Draft, lang: str) -> None:
    """Refuse a correction that makes the thing the same as another (another's name; the same link in an
    overlapping period). One that already was the same as that other before (data from before the check) may
    still be corrected, or the two could never be told apart again."""
    before = Graph()
    for triple in Snapshot(store, draft.iri).all():
        before.add(triple)
    after = (before - draft.remove) + draft.add
    repeats, kind = Duplicates(store, lang, Pending(), words="edit.err.correct"), kind_spec(draft.kind)
    found = repeats.find(kind, replace(draft, add=after))
    was = repeats.find(kind, replace(draft, add=before)) if found is not None else None
    if found is None or (was is not None and was.iri == found.iri):
        return
    raise FieldErrors([repeats.explain(kind, replace(draft, add=after), found)], lang)


def _source_values(source: Any) -> dict[str, Any]:
    if source is None:
        return {}
    if isinstance(source, str):
        return {"source_reference": source}
    return {k: v for k, v in dict(source).items() if k in SOURCE_FIELDS}


def _not_ended(checker: Checker, kind: Kind, snap: Snapshot, new: dict[str, Any]) -> None:
    ended = period_value(snap, kind, TIME.hasEnd)
    if ended:
        checker.add("end", "edit.err.already_ended", label=checker.look.label(snap.iri), end=ended)


def build_retirement(store: Store, iri: str | URIRef, *, end: Any, status: Any = IKG.Ended, source: Any = None,
                     lang: str = "en") -> Draft:
    """Check the retirement of a membership, agreement, network, project or activity (nothing is written)."""
    iri = URIRef(str(iri))
    kind = existing_kind(store, iri, lang)
    if kind.name not in RETIRABLE:
        look = Lookup(store, lang)
        raise InputError.of("edit.err.not_retirable", lang, label=look.label(iri), what=kind.label(lang).lower())
    values = {"end": end, **_source_values(source)}
    if "status" in kind.names:  # an activity has an end but no status
        values["status"] = str(status) if isinstance(status, URIRef) else status
    if is_empty(end):
        raise FieldErrors([("end", t("edit.err.required", lang, field=BASE_FIELDS["end"].label(lang),
                                     help=t("edit.help.retire_end", lang)))], lang)
    return plan_correction(store, iri, values, lang, action="retire", extra_check=_not_ended)


def retire(store: Store, iri: str | URIRef, *, end: Any, status: Any = IKG.Ended, source: Any = None, editor: str,
           why: str = "", lang: str = "en") -> history.Change:
    """End a membership, agreement, network, project or activity: add the end of its period and set
    the status (default ended). Nothing is deleted, so the history of the relation stays in the graph.

    `end` is a year or a day; `source` is a dict of the source fields (or a free-text reference).
    """
    need_editor(editor, lang)
    with store.write_lock:
        draft = build_retirement(store, iri, end=end, status=status, source=source, lang=lang)
        return history.commit(store, add=draft.add, remove=draft.remove, editor=editor,
                              action=f"retire-{draft.kind}", why=why, lang=lang)
