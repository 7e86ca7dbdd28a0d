"""Exports re-parse with a second, independent parser (pyoxigraph) to the same graph."""

from __future__ import annotations

import csv

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

import graph.render.exports as gio
from graph.errors import InputError
from graph.store.memory import MemoryStore
from graph.store.oxigraph import from_ox
from tests.conftest import fixture_files

OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


@pytest.fixture(scope="module")
def store():
    s = MemoryStore()
    s.load(fixture_files())
    return s


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_rdf_export_reparses_with_pyoxigraph(store, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    gio.export(store, fmt, out)
    reparsed = Graph()
    for t in ox.parse(path=str(out), format=OX_FORMATS[fmt]):
        reparsed.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    assert len(reparsed) == store.count()
    assert isomorphic(reparsed, store.graph())


def test_graphml_opens_as_a_network(store, tmp_path):
    out = tmp_path / "net.graphml"
    gio.export(store, "graphml", out)
    g = nx.read_graphml(out)
    assert g.nodes["https://example.org/ikg/uni"]["label"] == "The University"
    assert g.has_edge("https://example.org/ikg/uni", "https://example.org/ikg/net-a")
    assert "betweenness" in g.nodes["https://example.org/ikg/uni"]


def test_csv_per_kind_neutralises_formulas(tmp_path):
    s = MemoryStore()
    s.load(fixture_files())
    s.apply(add=_triples((URIRef("https://example.org/ikg/uni"), URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
                          Literal("=HYPERLINK(\"http://evil\")"))))
    written = gio.export(s, "csv", tmp_path / "csv")
    assert sorted(p.name for p in written) == sorted(f"{k}.csv" for k in gio.KIND_CLASSES)
    rows = list(csv.DictReader((tmp_path / "csv" / "actors.csv").open(encoding="utf-8")))
    uni = next(r for r in rows if r["iri"] == "https://example.org/ikg/uni")
    assert "'=HYPERLINK" in uni["skos:altLabel"]
    networks = list(csv.DictReader((tmp_path / "csv" / "networks.csv").open(encoding="utf-8")))
    assert [r["iri"] for r in networks] == ["https://example.org/ikg/net-a", "https://example.org/ikg/net-b"]


def test_xlsx_has_a_sheet_per_kind(store, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "graph.xlsx"
    gio.export(store, "xlsx", out)
    wb = load_workbook(out)
    assert wb.sheetnames == list(gio.KIND_CLASSES)


def test_unknown_format_and_unwritable_target(store, tmp_path):
    message = "^unknown export format 'rdfxml'; use one of: ttl, jsonld, nt, graphml, csv, xlsx$"
    with pytest.raises(InputError, match=message):
        gio.export(store, "rdfxml", tmp_path / "x")
    with pytest.raises(InputError, match="^cannot write "):
        gio.export(store, "ttl", tmp_path / "missing-folder" / "x.ttl")


def _triples(*triples):
    g = Graph()
    for t in triples:
        g.add(t)
    return g
