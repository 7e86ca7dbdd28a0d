"""Reading RDF files: bad input gives one plain line with file:line(:col), never a traceback."""

import pytest
from rdflib import BNode, Literal, URIRef

from graph.errors import InputError
from graph.rdf.parsing import parse_many, parse_rdf

PREFIXES = "@prefix ex: <https://example.org/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"


def error_of(path, **kwargs) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_rdf(path, **kwargs)
    # No chained parser exception: a CLI printing the error shows one line, no traceback.
    error = caught.value
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    return caught.value


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_good_turtle_parses():
    graph = parse_rdf("tests/fixtures/small.ttl")
    assert (URIRef("https://example.org/ikg/hometown"), None, None) in graph


def test_truncated_turtle(tmp_path):
    path = write(tmp_path, "x.ttl", PREFIXES + "ex:a ex:b ex:c ;\n    ex:d ")
    assert str(error_of(path)) == (
        f"{path}:4:9: unexpected end of file: the last statement is not finished; "
        "is the file cut short, or a '.', ']', ')' or closing quote missing?"
    )


def test_unknown_prefix(tmp_path):
    path = write(tmp_path, "x.ttl", PREFIXES + "\nex:a ex:b foo:c .\n")
    assert str(error_of(path)) == f"{path}:4:11: unknown prefix 'foo:' — declare it with @prefix foo: <…> ."


def test_missing_dot(tmp_path):
    path = write(tmp_path, "x.ttl", PREFIXES + "ex:a ex:b ex:c\nex:d ex:e ex:f .\n")
    assert str(error_of(path)) == (
        f"{path}:4:1: expected '.' to end the statement here; is a '.', ';' or ',' missing before this?"
    )


def test_unclosed_long_string_points_at_its_opening(tmp_path):
    path = write(tmp_path, "x.ttl", PREFIXES + 'ex:a ex:b """first line\n\nex:c ex:d ex:e .\n')
    assert str(error_of(path)) == f"{path}:3:11: this string is never closed; add the closing quotes"


def test_string_without_closing_quote(tmp_path):
    path = write(tmp_path, "x.ttl", PREFIXES + 'ex:a ex:b "Trondheim .\n')
    assert str(error_of(path)).startswith(f"{path}:3:")
    assert "a string has no closing quote on its line" in str(error_of(path))


def test_bad_year(tmp_path):
    body = "".join(f'ex:a{n} ex:b "200{n}"^^xsd:gYear .\n' for n in range(9)) + 'ex:z ex:b "19x6"^^xsd:gYear .\n'
    path = write(tmp_path, "x.ttl", PREFIXES + body)
    assert str(error_of(path)) == f"{path}:12: '19x6' is not a valid year (xsd:gYear); write four digits, e.g. 1996"


def test_bad_date_and_count_of_others(tmp_path):
    body = 'ex:a ex:b "2012-13-01"^^xsd:date .\nex:a ex:c "abc"^^xsd:decimal .\n'
    path = write(tmp_path, "x.ttl", PREFIXES + body)
    assert str(error_of(path)) == (
        f"{path}:3: '2012-13-01' is not a valid date (xsd:date); write year-month-day, e.g. 2012-05-03 "
        "(and 1 more such values)"
    )


def test_good_typed_literals_pass(tmp_path):
    body = 'ex:a ex:y "1996"^^xsd:gYear ; ex:d "2012-05-03"^^xsd:date ; ex:n 63.43 , 7 , 1.5E6 ; ex:t true .\n'
    graph = parse_rdf(write(tmp_path, "x.ttl", PREFIXES + body))
    assert Literal("1996", datatype="http://www.w3.org/2001/XMLSchema#gYear") in set(graph.objects())


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.ttl"
    assert str(error_of(path)) == f"{path}: no such file; check the name and folder"


def test_folder_instead_of_file(tmp_path):
    folder = tmp_path / "data.ttl"
    folder.mkdir()
    assert str(error_of(folder)) == (f"{folder}: is a folder, not a file to read; name the RDF files in it, of the "
                                     "types .json, .jsonld, .nq, .nt, .trig, .ttl, .turtle")


def test_binary_garbage(tmp_path):
    path = write(tmp_path, "x.ttl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert str(error_of(path)) == f"{path}:3: this is a binary file, not RDF text; give a .ttl, .nt or .jsonld file"


def test_not_utf8(tmp_path):
    path = write(tmp_path, "x.ttl", (PREFIXES + 'ex:a ex:b "Troms\u00f8" .\n').encode("latin-1"))
    assert str(error_of(path)) == f"{path}:3:17: not UTF-8 text (byte 0xf8); save the file as UTF-8"


def test_unknown_suffix(tmp_path):
    path = write(tmp_path, "x.csv", "a,b\n")
    assert str(error_of(path)).startswith(f"{path}: unknown file type '.csv'; use one of ")


def test_format_can_be_given(tmp_path):
    path = write(tmp_path, "x.txt", PREFIXES + "ex:a ex:b ex:c .\n")
    assert len(parse_rdf(path, format="turtle")) == 1


def test_bad_ntriples_line(tmp_path):
    path = write(tmp_path, "x.nt", '<https://e/a> <https://e/b> "x" .\n<https://e/a> <https://e/b> "x .\n')
    assert str(error_of(path)) == f"{path}:2: not a valid N-Triples line; write <subject> <predicate> object ."


def test_trig_gives_one_graph(tmp_path):
    path = write(tmp_path, "x.trig", PREFIXES + "ex:g { ex:a ex:b ex:c . }\nex:d ex:e ex:f .\n")
    assert len(parse_rdf(path)) == 2


def test_json_ld_inline_context(tmp_path):
    document = '{"@context": {"name": "https://schema.org/name"}, "@id": "https://e/a", "name": "A"}'
    path = write(tmp_path, "x.jsonld", document)
    assert (URIRef("https://e/a"), URIRef("https://schema.org/name"), Literal("A")) in parse_rdf(path)


def test_json_ld_remote_context_is_refused(tmp_path):
    path = write(tmp_path, "x.jsonld", '{\n  "@context": "https://schema.org/",\n  "name": "A"\n}')
    assert str(error_of(path)) == (
        f"{path}:2: the @context 'https://schema.org/' would be fetched from elsewhere; "
        "put the context in the file as a JSON object instead"
    )


def test_json_ld_nested_remote_context_is_refused(tmp_path):
    path = write(tmp_path, "x.jsonld", '{"@graph": [{"@context": ["local.jsonld"], "@id": "https://e/a"}]}')
    assert "the @context 'local.jsonld' would be fetched" in str(error_of(path))


def test_bad_json(tmp_path):
    path = write(tmp_path, "x.jsonld", '{"a": 1,,}')
    assert str(error_of(path)) == (f"{path}:1:9: not valid JSON: a name in double quotes was expected here, e.g. "
                                   '"@id"; is there a comma too many before it, or is the name in single quotes?')


def test_parse_many_keeps_blank_nodes_apart(tmp_path):
    one = write(tmp_path, "one.ttl", PREFIXES + "ex:a ex:b [ ex:c 1 ] .\n")
    two = write(tmp_path, "two.ttl", PREFIXES + "ex:a ex:b [ ex:c 2 ] .\n")
    merged = parse_many([one, two])
    assert len({o for o in merged.objects() if isinstance(o, BNode)}) == 2
