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


def test_graphml_gives_every_node_its_kind_and_names_in_both_languages(store, tmp_path):
    out = tmp_path / "net.graphml"
    gio.export(store, "graphml", out)
    g = nx.read_graphml(out)
    assert all(d["kind"] and d["kind_nb"] and d["label_nb"] and d["label_en"] for _n, d in g.nodes(data=True))
    uni = g.nodes["https://example.org/ikg/uni"]
    assert (uni["label_nb"], uni["label_en"]) == ("Universitetet", "The University")
    assert uni["kind_en"] == "University or college"
    assert isinstance(uni["degree"], float) and isinstance(uni["betweenness"], float)
    igraph = pytest.importorskip("igraph", reason="igraph (a test extra) reads the file independently")
    ig = igraph.Graph.Read_GraphML(str(out))
    assert ig.vcount() == g.number_of_nodes() and ig.ecount() == g.number_of_edges()
    assert set(ig.vs["kind_en"]) == {d["kind_en"] for _n, d in g.nodes(data=True)} and "" not in ig.vs["kind_en"]


def test_csv_per_kind_is_for_people_and_neutralises_formulas(tmp_path):
    """One CSV per kind, as the workbook's sheets: names instead of identifiers, headings and text in the language,
    no language tags; opened by a spreadsheet in that language (a byte-order mark; ';' apart in bokmål)."""
    s = MemoryStore()
    s.load(fixture_files())
    s.apply(add=_triples((URIRef("https://example.org/ikg/uni"), URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
                          Literal("=HYPERLINK(\"http://evil\")"))))
    written = gio.export(s, "csv", tmp_path / "csv")
    assert sorted(p.name for p in written) == sorted(f"{k}.csv" for k in gio.KIND_CLASSES)
    rows = list(csv.DictReader((tmp_path / "csv" / "actors.csv").open(encoding="utf-8-sig")))
    uni = next(r for r in rows if r["Name"] == "The University")
    assert uni["other names"].startswith("'=HYPERLINK(\"http://evil\")")
    networks = list(csv.DictReader((tmp_path / "csv" / "networks.csv").open(encoding="utf-8-sig")))
    assert [r["Name"] for r in networks] == ["Network A", "Network B"]
    gio.export(s, "csv", tmp_path / "nb", lang="nb")
    text = (tmp_path / "nb" / "memberships.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeffNavn;Type;ansvarlig enhet;medlem;medlemsperiode;nettverk;rolle;status;"
                           "årlig kostnad (NOK);kilder\r\n")
    # the period in years and the sources by name, where the identifiers of their structures were
    assert "\r\nHjemby kommune i Nettverk A;Medlemskap;Kulturenheten;Hjemby kommune;2015–;Nettverk A;Medlem;Aktiv;" \
           "10000;Plan 2020 §2\r\n" in text
    assert "\r\nUniversitetet i Nettverk A;Medlemskap;;Universitetet;2016–2019;Nettverk A;Styremedlem;Aktiv;;" \
           "Plan 2020 §2\r\n" in text
    every = "".join(p.read_text(encoding="utf-8-sig") for p in (tmp_path / "nb").iterdir()).replace("http://evil", "")
    assert not any(marker in every for marker in ("http", "@nb", "@en", "genid", "ikg:", "rdfs:"))


def test_xlsx_has_a_sheet_per_kind(store, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "graph.xlsx"
    gio.export(store, "xlsx", out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Actors", "Networks", "Memberships", "Agreements", "Projects", "Project participations",
                             "Activities", "Working groups"]


def test_xlsx_for_people_in_bokmal(tmp_path):
    from openpyxl import load_workbook
    from rdflib import Namespace
    from rdflib.namespace import RDF, XSD

    from graph.rdf.skolem import fresh_genid

    s = MemoryStore()
    s.load(fixture_files())
    ikg, schema = Namespace("https://w3id.org/ikg/ontology#"), Namespace("https://schema.org/")
    amount = fresh_genid()
    m = URIRef("https://example.org/ikg/m-uni-a")
    s.apply(add=_triples((m, ikg.annualCost, amount), (amount, RDF.type, schema.MonetaryAmount),
                         (amount, schema.value, Literal("25000", datatype=XSD.decimal)),
                         (amount, schema.currency, Literal("NOK"))))
    out = tmp_path / "graph.xlsx"
    gio.export(s, "xlsx", out, lang="nb")
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["Aktører", "Nettverk", "Medlemskap"]
    ws = wb["Medlemskap"]
    head = [c.value for c in ws[1]]
    assert head[:2] == ["Navn", "Type"] and "årlig kostnad (NOK)" in head and "medlem" in head
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == ws.dimensions and all(c.font.b for c in ws[1])
    rows = [dict(zip(head, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    uni = next(r for r in rows if r["medlem"] == "Universitetet")
    assert uni["årlig kostnad (NOK)"] == 25000 and isinstance(uni["årlig kostnad (NOK)"], int | float)
    every = [str(c.value) for sheet in wb for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not any(v.startswith(("http", "ikg:")) or "@nb" in v or "@en" in v or "genid" in v for v in every)
    assert ws.column_dimensions["A"].width >= len("Universitetet i Nettverk A") - 2  # fits the names


def test_unknown_format_and_unwritable_target(store, tmp_path):
    message = "^unknown export format 'rdfxml'; use one of: ttl, jsonld, nt, graphml, csv, xlsx$"
    with pytest.raises(InputError, match=message):
        gio.export(store, "rdfxml", tmp_path / "x")
    with pytest.raises(InputError, match="^.*/missing-folder: no such folder; create it first$"):
        gio.export(store, "ttl", tmp_path / "missing-folder" / "x.ttl")


def _triples(*triples):
    g = Graph()
    for t in triples:
        g.add(t)
    return g
