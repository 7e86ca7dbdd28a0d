"""Names to IRIs: the actor, network or document a person means by any of its labels (any language, any
case) or by its IRI, with a suggestion when nothing is called that.

What each kind of name may stand for comes from the ontology (graph.vocab.classes): an actor is an
instance of ikg:Actor or any class below it.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Literal, URIRef

from graph.errors import InputError
from graph.i18n import number, t
from graph.questions.languages import label_bindings
from graph.questions.reads import question_reads
from graph.store.base import Store, is_iri
from graph.store.derived import persisted
from graph.vocab import languages as vocab_languages
from graph.vocab.classes import actor_classes
from graph.vocab.namespaces import IKG
from graph.vocab.text import closest

MAX_NAME = 300

# The classes a name of each kind may stand for, and the word for the kind in messages (graph/i18n).
KIND_CLASSES: dict[str, Callable[[], frozenset[URIRef]]] = {
    "actor": actor_classes,
    "network": lambda: frozenset({IKG.Network}),
    "document": lambda: frozenset({IKG.SourceDocument}),
}
KIND_WORD = {"actor": "kind.actor", "network": "kind.network", "document": "kind.document"}


def kind_pattern(kind: str) -> str:
    """A SPARQL pattern binding ?x to the things of `kind` (an unknown kind is a KeyError). A FILTER, not
    VALUES: rdflib joins a VALUES block with the rest of the group as a cross product.

    >>> kind_pattern("network")
    '?x a <https://w3id.org/ikg/ontology#Network> .'
    """
    classes = sorted(KIND_CLASSES[kind]())
    if len(classes) == 1:
        return f"?x a <{classes[0]}> ."
    return f"?x a ?t . FILTER(?t IN ({', '.join(f'<{c}>' for c in classes)}))"


HOME_QUERY = "SELECT ?h WHERE { ?d ikg:homeActor ?h }"
ACTOR_LABELS_QUERY = "SELECT ?x ?name WHERE {{ {pattern} ?x rdfs:label ?name . FILTER(lang(?name) = ?dlang) }}"
NAMES_QUERY = """
SELECT DISTINCT ?x ?name WHERE {{
  {pattern}
  ?x rdfs:label|skos:altLabel|skos:prefLabel|dcterms:title ?name .
  FILTER(isIRI(?x))
}}
"""

MATCH_QUERY = """
SELECT DISTINCT ?x WHERE {{
  ?x rdfs:label|skos:altLabel|skos:prefLabel|dcterms:title ?name .
  FILTER(LCASE(STR(?name)) = ?needle)
  {pattern}
}}
"""

_name_cache: dict[tuple[int, int, str], list[tuple[URIRef, str]]] = {}


def names_of(store: Store, kind: str) -> list[tuple[URIRef, str]]:
    """(IRI, label) for every thing of a kind, every label in every language (kept until the next write)."""
    key = (id(store), store.generation, kind)
    if key not in _name_cache:
        rows = store.select_text(NAMES_QUERY.format(pattern=kind_pattern(kind)))  # as text: 13,838 rows at 1M
        if len(_name_cache) > 32:
            _name_cache.clear()
        _name_cache[key] = [(URIRef(x), name) for x, name in rows]
    return _name_cache[key]


def valid_iri(text: str) -> bool:
    """An absolute http(s) IRI every backend can hold.

    >>> valid_iri("https://example.org/ikg/uni"), valid_iri("https://example.org/a b"), valid_iri("uni")
    (True, False, False)
    """
    return text.startswith(("http://", "https://")) and is_iri(text)


def resolve(store: Store, kind: str, value: str, lang: str = "en") -> URIRef:
    """The IRI of the thing of `kind` named `value` (an IRI or any label, case-insensitive)."""
    value = value.strip()
    pattern = kind_pattern(kind)
    if len(value) > MAX_NAME:
        raise InputError.of("name.too_long", lang, max=MAX_NAME, n=len(value))
    if value.startswith(("http://", "https://")) and not valid_iri(value):
        raise InputError.of("name.bad_iri", lang, value=value)
    if value.startswith(("http://", "https://")) and store.ask(f"ASK {{ {pattern} }}", {"x": URIRef(value)}):
        return URIRef(value)
    rows = store.select(MATCH_QUERY.format(pattern=pattern), {"needle": Literal(value.lower())})
    found = sorted({x for (x,) in rows.rows if isinstance(x, URIRef)})
    if len(found) == 1:
        return found[0]
    word = t(KIND_WORD[kind], lang)
    if len(found) > 1:
        raise InputError.of("name.ambiguous", lang, value=value, word=word, iris=", ".join(found))
    # Only on a miss: read every name of that kind to suggest the closest one, or else a few that are there.
    named = names_of(store, kind)
    labels = sorted({name for _, name in named}, key=str.casefold)
    wanted = value.casefold()
    close = closest(value, labels, cutoff=0.5) or next((name for name in labels if wanted in name.casefold()), None)
    if close:
        raise InputError.of("name.unknown_close", lang, word=word, value=value, close=close)
    if not named:
        raise InputError.of("name.unknown_none", lang, word=word, value=value)
    things = {x for x, _ in named}
    shown = labels_of(store, lang)  # one name for each, in the reader's language
    some = sorted((shown.get(str(x)) or min(name for y, name in named if y == x) for x in things), key=str.casefold)
    text = "; ".join(some[:SOME]) + ("; …" if len(some) > SOME else "")
    if len(things) == 1:
        raise InputError.of("name.unknown_one", lang, word=word, value=value, some=text)
    raise InputError.of("name.unknown", lang, word=word, value=value, n=number(len(things), lang), some=text)


SOME = 3  # names shown when none is close to the one asked for


def labels_of(store: Store, lang: str = "en") -> dict[str, str]:
    """IRI -> label for everything labelled in the language of the data labels a person reading in `lang`
    sees (graph.questions.languages.label_language)."""
    rows = store.select_text(
        "SELECT ?x ?name WHERE { ?x rdfs:label ?name . FILTER(lang(?name) = ?dlang) }", label_bindings(store, lang)
    )
    return dict(rows)


def actor_choices(store: Store, lang: str) -> list[tuple[str, str]]:
    """(IRI, label in lang) of every actor, sorted by label (kept beside a store folder while the store
    is unchanged: graph.store.derived)."""

    pattern = kind_pattern("actor")

    def build() -> list[tuple[str, str]]:
        rows = store.select_text(ACTOR_LABELS_QUERY.format(pattern=pattern), label_bindings(store, lang))
        labels: dict[str, str] = dict(rows)
        iris = {str(x) for x, _ in names_of(store, "actor")}
        return sorted(((iri, labels.get(iri, iri)) for iri in iris), key=lambda p: (p[1].casefold(), p[0]))

    def reads() -> frozenset[str] | None:  # what build() asks: carried over a change of none of it
        return question_reads((ACTOR_LABELS_QUERY.format(pattern=pattern), NAMES_QUERY.format(pattern=pattern),
                               vocab_languages.QUERY))

    return persisted(store, f"actor-choices-{lang}", build, lambda v: v, lambda v: [(a, b) for a, b in v],
                     again=lambda s: actor_choices(s, lang), reads=reads)


def home_actor(store: Store) -> str | None:
    """The IRI of the home actor the app opens on: the first by IRI when a graph names several (a graph of
    several cities), None when it names none."""
    homes = sorted(h for (h,) in store.select_text(HOME_QUERY) if h)
    return homes[0] if homes else None
