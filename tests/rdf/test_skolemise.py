"""Blank nodes of a bulk-loaded chunk become IRIs unique to the load: the fast chunk rewrite gives what
rewriting each line on its own gives, on every shape of line N-Triples allows."""

from __future__ import annotations

import itertools

import pyoxigraph as ox
import pytest

from graph.rdf.ntriples import skolemise_chunk, skolemise_line

PREFIX = "urn:genid:load-"
LINES = [
    "_:a <urn:p> _:b .",
    "_:a <urn:p> <urn:o> .",
    "<urn:s> <urn:p> _:b.c .",  # a dot inside a label
    "<urn:s> <urn:p> _:b .",
    "<urn:s> <urn:p> _:b.",  # no space before the end
    "<urn:s> <urn:p> _:b\t.",  # a tab before the end
    "<urn:s> <urn:p> _:b . # a comment",
    "   _:a <urn:p> <urn:o> .",  # indented
    '<urn:s> <urn:p> "_:not a node" .',
    '<urn:s> <urn:p> "ends in _:x ." .',
    '_:a <urn:p> "_:x"@en .',
    "<urn:s> <urn:p> <urn:o> .",
    "# _:a comment line",
    "",
]


def by_line(text: str) -> str:
    return "\n".join(skolemise_line(line, PREFIX) if "_:" in line else line for line in text.split("\n"))


def triples(text: str) -> set:
    return {(t.subject, t.predicate, t.object) for t in ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES)}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_chunk_is_rewritten_as_its_lines_are(newline):
    for pair in itertools.permutations(LINES, 2):
        for end in (newline, ""):
            text = newline.join(pair) + end
            got = triples(skolemise_chunk(text.encode(), PREFIX).decode())
            assert got == triples(by_line(text.replace("\r\n", "\n"))), text
            assert not any(isinstance(term, ox.BlankNode) for triple in got for term in triple), text
    assert len(triples("\n".join(LINES))) == 8  # the three ways to write <urn:s> <urn:p> _:b are one triple


def test_the_same_label_is_the_same_iri_in_every_chunk():
    first = skolemise_chunk(b"_:a <urn:p> _:b .\n", PREFIX)
    second = skolemise_chunk(b"<urn:s> <urn:p> _:a .\n", PREFIX)
    assert first == b"<urn:genid:load-a> <urn:p> <urn:genid:load-b> .\n"
    assert second == b"<urn:s> <urn:p> <urn:genid:load-a> .\n"
