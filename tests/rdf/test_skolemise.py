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


@pytest.mark.parametrize(("lang", "missing", "not_utf8"), [
    ("nb", "filen finnes ikke; sjekk navnet og mappen", "ikke UTF-8-tekst (byte 0xff); lagre filen som UTF-8"),
    ("en", "no such file; check the name and folder", "not UTF-8 text (byte 0xff); save the file as UTF-8"),
])
def test_a_file_sent_to_a_server_in_chunks_that_cannot_be_read_is_said_so_in_the_language(tmp_path, lang, missing,
                                                                                         not_utf8):
    from graph.errors import InputError
    from graph.rdf.ntriples import line_chunks

    latin = tmp_path / "latin.nt"
    latin.write_bytes(b'<http://e/a> <http://e/b> "\xff" .\n')
    for path, told in ((tmp_path / "nope.nt", missing), (latin, not_utf8)):
        with pytest.raises(InputError) as err:
            list(line_chunks(path, 10, lang))
        assert str(err.value) == f"{path}: {told}"
