"""The languages of a dataset's labels, in the order it declares them: `ikg:languageOrder "sv,en"` on the
ikg:Dataset (written by `ikg init`), else its `dcterms:language` values (nb and en first), else nb, en.

Every label in the data is given in each of these languages (the shapes ask for it), so a question shows
the labels of exactly one of them: the app's language when the data has it, else the data's first.
The app and the CLI speak bokmål, English and any language with a catalogue file (graph.i18n); vocabulary
terms (kinds, statuses, agreement types, SDGs) have nb and en labels, so a further language reads them in
English (`vocabulary_language`).

>>> parse_languages("SV, en,,sv, x y")
('sv', 'en')
>>> order_of(["sv,en"], ["en", "sv"]), order_of([], ["en", "de"]), order_of([], [])
(('sv', 'en'), ('en', 'de'), ('nb', 'en'))
>>> label_language(("sv", "en"), "en"), label_language(("sv", "en"), "nb"), label_language(("nb", "en"), "nb")
('en', 'sv', 'nb')
>>> vocabulary_language("nb"), vocabulary_language("sv")
('nb', 'en')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF

from graph.vocab.namespaces import IKG

DEFAULT_DATA_LANGUAGES = ("nb", "en")  # a dataset that declares none (Trondheim's data declares these)
VOCABULARY_LANGUAGES = ("nb", "en")  # the languages of the ontology's own labels
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$")
QUERY = """SELECT ?order ?language WHERE { ?d a ikg:Dataset .
  OPTIONAL { ?d ikg:languageOrder ?order } OPTIONAL { ?d dcterms:language ?language } }"""


def vocabulary_language(ui_lang: str) -> str:
    """The language a reader in `ui_lang` sees the vocabulary's terms in: theirs if the ontology has it,
    else English."""
    return ui_lang if ui_lang in VOCABULARY_LANGUAGES else "en"


def parse_languages(text: str) -> tuple[str, ...]:
    """'sv, en' -> ('sv', 'en'): the valid tags of a comma-separated list, lower case, in order, once each."""
    tags = (x.strip().lower() for x in (text or "").split(","))
    return tuple(dict.fromkeys(x for x in tags if LANGUAGE_TAG.match(x)))


def order_of(orders: Iterable[object], languages: Iterable[object]) -> tuple[str, ...]:
    """The data languages from the values of ikg:languageOrder and dcterms:language (either may be empty)."""
    ordered = sorted(str(x) for x in orders if x is not None)
    found = parse_languages(ordered[0]) if ordered else ()
    if not found:
        declared = {tag for x in languages if x is not None for tag in parse_languages(str(x))}
        preferred = [x for x in DEFAULT_DATA_LANGUAGES if x in declared]
        found = (*preferred, *sorted(declared - set(preferred)))
    return found or DEFAULT_DATA_LANGUAGES


def graph_languages(graph: Graph) -> tuple[str, ...]:
    """The data languages a graph declares (the default when it holds no ikg:Dataset that says)."""
    datasets = list(graph.subjects(RDF.type, IKG.Dataset))
    orders = [o for d in datasets for o in graph.objects(d, IKG.languageOrder)]
    languages = [o for d in datasets for o in graph.objects(d, DCTERMS.language)]
    return order_of(orders, languages)


def declares_languages(graph: Graph) -> bool:
    """Whether a graph holds a dataset that states its languages."""
    return any((d, p, None) in graph for d in graph.subjects(RDF.type, IKG.Dataset)
               for p in (IKG.languageOrder, DCTERMS.language))


def label_language(languages: tuple[str, ...], ui_lang: str) -> str:
    """The language of the data labels shown to a person reading in `ui_lang`."""
    return ui_lang if ui_lang in languages else languages[0]
