"""Parameters a question works out when the user leaves them out, named in a `.rq` file's `# Defaults:`
header (e.g. `changes` compares a document with the one it replaces)."""

from __future__ import annotations

from collections.abc import Callable

from rdflib.term import Node

from graph.errors import InputError
from graph.store.base import Store

# A filler completes the bindings in place: (store, question name, bindings, language).
Filler = Callable[[Store, str, dict[str, Node], str], None]


def replaced_documents(store: Store, question: str, bindings: dict[str, Node], lang: str) -> None:
    """`older` and `newer`: two dated source documents next to each other in time (by default the newest
    and the one before it), agreeing with whichever of the two the user gave. Only source documents
    count: a document the data merely mentions (one the strategy replaces, say) has no cited facts."""
    if "older" in bindings and "newer" in bindings:
        return
    rows = store.select("SELECT ?doc ?d WHERE { ?doc a ikg:SourceDocument ; dcterms:date ?d } ORDER BY DESC(?d)").rows
    documents = [doc for doc, _ in rows if doc is not None]
    for newer, older in zip(documents, documents[1:], strict=False):
        if bindings.get("newer", newer) == newer and bindings.get("older", older) == older:
            bindings.setdefault("newer", newer)
            bindings.setdefault("older", older)
            return
    raise InputError.of("question.no_replaced", lang, question=question)


FILLERS: dict[str, Filler] = {"replaced-documents": replaced_documents}
