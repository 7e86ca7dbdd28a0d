"""How an import's messages name things: classes in the user's language, terms as prefixed names
(ikg:Network), and the near miss of a misspelt term.

>>> short(IKG.Network), short("https://example.org/x")
('ikg:Network', '<https://example.org/x>')
>>> short(near(URIRef(IKG_NS + "Netwrok"), [IKG.Network, IKG.Project]))
'ikg:Network'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from graph.vocab.classes import ontology, superclasses
from graph.vocab.labels import local_name, pick_label
from graph.vocab.namespaces import IKG, bind_prefixes

IKG_NS = str(IKG._NS)

_PREFIXES = bind_prefixes(Graph()).namespace_manager


class Kinds:
    """Class names in one language, from the shipped vocabulary."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def name(self, cls: Node) -> str:
        return pick_label(ontology().objects(cls, RDFS.label), self.lang) or local_name(cls)

    def word(self, cls: Node) -> str:
        """The class name as a word inside a sentence ("target area", "nettverk")."""
        name = self.name(cls)
        return name[:1].lower() + name[1:] if not name[1:2].isupper() else name

    def kind(self, types: Iterable[Node]) -> str:
        """The most specific of some types, named ("Network"; "City, Twin …" when several)."""
        named = {ty for ty in types if isinstance(ty, URIRef)}
        supers = {sup for ty in named for sup in superclasses(ty) if sup != ty}
        return ", ".join(sorted(self.name(ty) for ty in named - supers))


def short(iri: object) -> str:
    """ikg:Network for a term of a known vocabulary, else <iri>."""
    try:
        prefix, _, local = _PREFIXES.compute_qname(str(iri), generate=False)
    except (ValueError, KeyError):
        return f"<{iri}>"
    return f"{prefix}:{local}"


def near(iri: object, candidates: Iterable[Node]) -> URIRef | None:
    """The candidate in the same namespace whose local name is closest to this one's, if close enough."""
    ns = namespace(iri)
    local = {str(c)[len(ns):]: c for c in candidates if namespace(c) == ns}
    close = difflib.get_close_matches(str(iri)[len(ns):], list(local), n=1, cutoff=0.75)
    return URIRef(str(local[close[0]])) if close else None


def namespace(iri: object) -> str:
    """Everything up to the last '#' or '/'."""
    text = str(iri)
    cut = max(text.rfind("#"), text.rfind("/"))
    return text[: cut + 1]


def namespace_text(ns: str) -> str:
    """A namespace with its usual prefix: 'ikg: <https://w3id.org/ikg/ontology#>'."""
    for prefix, known in _PREFIXES.namespaces():
        if str(known) == ns:
            return f"{prefix}: <{ns}>"
    return f"<{ns}>"
