"""THE collaboration network: what ties an actor to what it works through, and what kind each node is.

One definition, used by the network view (graph.render.view), the chains of the `path` question and
the measures (graph.analysis.network). An actor is tied to
- a network it is a member of (`org:Membership`: org:member, org:organization),
- a project it is a partner in (`ikg:Participation`: ikg:participant, ikg:project),
- a working group or activity it takes part in (ikg:participant straight on the thing), and
- an agreement it is a party to (ikg:party).
Two actors collaborate when they are tied to the same thing. The ties are read from the structure
alone: they are the same in every language, whether or not a node has a label in it. A participation
is a tie, never a thing that links (one without a project links nothing).

>>> from graph.history.shipped import open_store
>>> store = open_store("memory")
>>> {t.relation for t in ties(store)} == set(RELATIONS)
True
"""

from __future__ import annotations

import functools
import re
import threading
import weakref
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from graph.questions.languages import label_order
from graph.questions.reads import question_reads
from graph.store.base import Store
from graph.store.derived import persisted
from graph.vocab import languages as vocab_languages
from graph.vocab.classes import RECORDS, actor_classes, superclasses
from graph.vocab.labels import local_name, pick_text
from graph.vocab.namespaces import IKG

IKG_NS = str(IKG)
RELATIONS = ("member", "partner", "party", "participant")  # the four kinds of tie, in the legend's order

# One flat query per kind of tie: portable across rdflib, Oxigraph and Virtuoso and quick at 1M triples.
# Memberships carry their own period and status; the other ties take theirs from the thing (see Tie).
MEMBERSHIPS_QUERY = """
SELECT ?actor ?x ?tie ?role ?st ?g1 ?g2 WHERE {
  ?tie org:member ?actor ; org:organization ?x .
  OPTIONAL { ?tie org:role ?role }
  OPTIONAL { ?tie ikg:status ?st }
  OPTIONAL { ?tie org:memberDuring ?d .
    OPTIONAL { ?d time:hasBeginning ?b . ?b time:inXSDgYear ?g1 }
    OPTIONAL { ?d time:hasEnd ?e . ?e time:inXSDgYear ?g2 } }
}
"""
PARTNERS_QUERY = """
SELECT ?actor ?x ?tie ?role ?st WHERE {
  ?tie ikg:participant ?actor ; ikg:project ?x .
  OPTIONAL { ?tie org:role ?role }
  OPTIONAL { ?tie ikg:status ?st }
}
"""
# Working groups and activities: ikg:participant straight on the thing (participations have ikg:project).
PARTICIPANTS_QUERY = """
SELECT ?actor ?x WHERE { ?x ikg:participant ?actor . OPTIONAL { ?x ikg:project ?p } FILTER(!BOUND(?p)) }
"""
PARTIES_QUERY = "SELECT ?actor ?x WHERE { ?x ikg:party ?actor }"
PARTICIPATIONS_QUERY = "SELECT ?x WHERE { ?x a ikg:Participation }"
TIE_QUERIES = (("member", MEMBERSHIPS_QUERY), ("partner", PARTNERS_QUERY), ("participant", PARTICIPANTS_QUERY),
               ("party", PARTIES_QUERY))

# Classes of our vocabulary that things are typed with (participations left out: they are ties; and the
# review's and the history's records, never in the network, so that saving one leaves the classes kept).
_LEFT_OUT = ", ".join(f"ikg:{local_name(c)}" for c in (IKG.Participation, *RECORDS))
TYPES_QUERY = f"""
SELECT ?x ?t WHERE {{ ?x a ?t . FILTER(STRSTARTS(STR(?t), STR(ikg:)) && ?t NOT IN ({_LEFT_OUT})) }}
"""
LABELS_QUERY = "SELECT ?x ?l (LANG(?l) AS ?lang) WHERE { ?x rdfs:label ?l FILTER(isLiteral(?l)) }"

# What the network's kept answers read (graph.questions.reads): a change that touches none of it (a
# review saved in an open round, a change's own record) carries them over to the new stamp unbuilt.
TIES_READ = (PARTICIPATIONS_QUERY, *(query for _, query in TIE_QUERIES))
CLASSES_READ = (TYPES_QUERY,)
NAMES_READ = (LABELS_QUERY, vocab_languages.QUERY)
NETWORK_READ = TIES_READ + CLASSES_READ + NAMES_READ

YEAR = re.compile(r"-?\d{1,4}")


class Tie(NamedTuple):
    """One actor tied to one thing. `tie` is the membership or participation that states it (the thing
    itself for participants and parties); role, status and dates are the tie's own, when it has them.
    (A named tuple: the network at 1M triples reads 67,000 of them from its kept file, three times as
    fast as frozen dataclasses.)"""

    relation: str  # member | partner | party | participant
    actor: str
    thing: str
    tie: str
    role: str | None = None  # role concept IRI
    status: str | None = None  # status concept IRI
    since: int | None = None
    until: int | None = None


def year(term: object) -> int | None:
    """The year of a gYear (or any text starting with one), else None.

    >>> year("2015"), year(None), year("n/a")
    (2015, None, None)
    """
    if term is None:
        return None
    m = YEAR.match(str(term).strip())
    return int(m.group()) if m else None


T = TypeVar("T")
_lock = threading.RLock()
_memo: dict[tuple[int, int, str], tuple[weakref.ref, object]] = {}


def per_generation(store: Store, what: str, build: Callable[[], T],
                   kept: tuple[Callable[[T], Any], Callable[[Any], T]] | None = None,
                   reads: tuple[str, ...] | None = None) -> T:
    """`build()` once per store, store generation and `what` (older generations are dropped). With
    `kept` = (encode, decode), the answer is also kept beside a store folder for the next process while
    the store is unchanged (graph.store.derived), and after a change that touched nothing the query
    texts `reads` read."""
    key = (id(store), store.generation, what)
    with _lock:
        hit = _memo.get(key)
        if hit is not None and hit[0]() is store:
            return hit[1]  # type: ignore[return-value]
        for k in [k for k in _memo if k[0] == key[0] and k[1] != key[1]]:
            del _memo[k]
        if len(_memo) > 64:
            _memo.clear()
    value = build() if kept is None else persisted(store, what.replace(" ", "-"), build, *kept,
                                                   reads=None if reads is None else lambda: question_reads(reads),
                                                   held=True)  # held here per generation
    with _lock:
        _memo[key] = (weakref.ref(store), value)
    return value


def ties(store: Store) -> tuple[Tie, ...]:
    """Every tie, sorted by actor, thing, relation and tie (cached per store generation)."""
    return per_generation(store, "ties", lambda: _read_ties(store), (_ties_out, _ties_in), TIES_READ)


def _ties_out(found: tuple[Tie, ...]) -> list[list]:
    return [[t.relation, t.actor, t.thing, t.tie, t.role, t.status, t.since, t.until] for t in found]


def _ties_in(rows: list[list]) -> tuple[Tie, ...]:
    return tuple(map(Tie._make, rows))


def _read_ties(store: Store) -> tuple[Tie, ...]:
    participations = {x for (x,) in store.select_text(PARTICIPATIONS_QUERY)}
    found: dict[tuple[str, str, str], Tie] = {}
    for relation, query in TIE_QUERIES:
        for row in sorted(store.select_text(query), key=_row_key):  # the same choice on every backend
            actor, thing, tie, role, st, g1, g2 = (list(row) + [None] * 7)[:7]
            if relation == "participant" and thing in participations:  # a participation without a project
                continue
            key = (actor, thing, tie if tie is not None else thing)
            if key in found:  # several roles or statuses: keep the first
                continue
            found[key] = Tie(relation, key[0], thing, key[2], role, st, year(g1), year(g2))
    return tuple(sorted(found.values(), key=lambda t: (t.actor, t.thing, t.relation, t.tie)))


def _row_key(row: tuple) -> tuple:
    return tuple("" if term is None else term for term in row)


@functools.cache
def _depth(cls: str) -> int:
    return len(superclasses(IKG[cls]))


@functools.cache
def _actor_class_names() -> frozenset[str]:
    return frozenset(str(c)[len(IKG_NS):] for c in actor_classes() if str(c).startswith(IKG_NS))


def classes(store: Store) -> dict[str, str]:
    """IRI -> the most specific ikg class it is typed with (local name), for everything typed with one."""

    def build() -> dict[str, str]:
        out: dict[str, str] = {}
        for iri, t in store.select_text(TYPES_QUERY):
            cls = t[len(IKG_NS):]
            if iri not in out or (_depth(cls), cls) > (_depth(out[iri]), out[iri]):
                out[iri] = cls
        return out

    return per_generation(store, "classes", build, (dict, dict), CLASSES_READ)


def is_actor_class(cls: str) -> bool:
    """Whether an ikg class (local name) is an actor class in the ontology.

    >>> is_actor_class("University"), is_actor_class("Network")
    (True, False)
    """
    return cls in _actor_class_names()


def actor_side(store: Store) -> set[str]:
    """The nodes of the network that are actors: typed with an actor class, or untyped and never the
    thing of a tie. (An actor can be the thing too: a company whose members are cities.)"""

    def build() -> set[str]:
        kinds = classes(store)
        all_ties = ties(store)
        things = {t.thing for t in all_ties}
        nodes = {t.actor for t in all_ties} | things
        return {n for n in nodes if is_actor_class(kinds.get(n, "")) or (n not in kinds and n not in things)}

    return per_generation(store, "actors", build, (sorted, set), TIES_READ + CLASSES_READ)


def names(store: Store, lang: str) -> dict[str, str]:
    """IRI -> its name for a person reading in `lang` for everything labelled (graph.vocab.labels.pick_label
    in graph.questions.languages.label_order: the data labels' language, the reader's, the data's others,
    English or Norwegian, else any)."""

    def grouped() -> dict[str, list[tuple[str, str | None]]]:
        out: dict[str, list[tuple[str, str | None]]] = {}
        for x, label, tag in store.select_text(LABELS_QUERY):
            out.setdefault(x, []).append((label, tag))
        return out

    def build() -> dict[str, str]:
        order = label_order(store, lang)
        first, rest = str(order[0]), order[1:]
        grouped_labels = per_generation(store, "labels", grouped)
        return {iri: pick_text(labels, first, rest) for iri, labels in grouped_labels.items()}

    return per_generation(store, f"names {lang}", build, (dict, dict), NAMES_READ)


def name(names_: dict[str, str], iri: str) -> str:
    """The name of a node, or its IRI's local name when it has no label."""
    return names_.get(iri) or local_name(iri)
