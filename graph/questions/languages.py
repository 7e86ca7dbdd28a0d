"""A store's data languages (see graph.vocab.languages) and the bindings of a question's label languages:
?lang, the language a person reads (the vocabulary's labels: kinds, statuses, agreement types, SDGs), and
?dlang, the language of the data's own labels shown to them (`label_language`).

>>> from graph.store.memory import MemoryStore
>>> store = MemoryStore()
>>> data_languages(store), label_language(store, "en")
(('nb', 'en'), 'en')
>>> from rdflib import RDF, Literal, URIRef
>>> from graph.vocab.namespaces import IKG
>>> d = URIRef("https://example.org/d")
>>> store.apply(add=[(d, RDF.type, IKG.Dataset), (d, IKG.languageOrder, Literal("sv,en"))])
>>> data_languages(store), label_language(store, "nb"), sorted(label_bindings(store, "en").items())
(('sv', 'en'), 'sv', [('dlang', rdflib.term.Literal('en')), ('lang', rdflib.term.Literal('en'))])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import Literal
from rdflib.term import Node

from graph.store.base import Store
from graph.vocab import languages as vocab_languages
from graph.vocab.labels import FALLBACK, pick_label
from graph.vocab.languages import order_of

_cache: dict[tuple[int, int], tuple[str, ...]] = {}


def data_languages(store: Store) -> tuple[str, ...]:
    """The dataset's label languages in order (read once per store generation)."""
    key = (id(store), store.generation)
    if key not in _cache:
        rows = store.select(vocab_languages.QUERY).rows
        if len(_cache) > 32:
            _cache.clear()
        _cache[key] = order_of([r[0] for r in rows], [r[1] for r in rows])
    return _cache[key]


def label_language(store: Store, ui_lang: str) -> str:
    """The language of the data labels a person reading in `ui_lang` sees: it, if the data has it, else
    the data's first language."""
    return vocab_languages.label_language(data_languages(store), ui_lang)


def label_bindings(store: Store, lang: str) -> dict[str, Node]:
    """?lang (the vocabulary terms' language for the reader) and ?dlang (the data labels') for a query."""
    return {"lang": Literal(vocab_languages.vocabulary_language(lang)), "dlang": Literal(label_language(store, lang))}


def label_order(store: Store, lang: str) -> tuple[str | None, ...]:
    """The languages a label is picked in, best first (for graph.vocab.labels.pick_label): the data
    labels' language, the reader's (vocabulary terms have nb and en only), the data's others, then
    English, bokmål and an untagged label."""
    return tuple(dict.fromkeys((label_language(store, lang), lang, *data_languages(store), *FALLBACK)))


def pick_data_label(store: Store, literals: Iterable[Node], lang: str) -> str:
    """A thing's name for a person reading in `lang` (the first of `label_order` it has, else any)."""
    return data_label_picker(store, lang)(literals)


def data_label_picker(store: Store, lang: str) -> Callable[[Iterable[Node]], str]:
    """`pick_data_label` with the order read once, for naming many things on one page or in one table."""
    first, *rest = label_order(store, lang)
    return lambda literals: pick_label(literals, str(first), rest)
