"""Export the graph: Turtle, JSON-LD, N-Triples, GraphML (opens in Gephi), CSV and XLSX per kind.

Spreadsheet cells that start with =, +, - or @ are neutralised so no formula runs when opened.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

import graph.analysis.network as analysis
from graph.errors import InputError
from graph.store.base import Store
from graph.vocab.classes import subclasses
from graph.vocab.labels import pick_label
from graph.vocab.namespaces import IKG, ORG, PREFIXES, bind_prefixes

RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
EXPORT_FORMATS = ("ttl", "jsonld", "nt", "graphml", "csv", "xlsx")
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """Neutralise a spreadsheet cell that a spreadsheet program would run as a formula.

    >>> safe_cell("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    >>> safe_cell("Trondheim")
    'Trondheim'
    """
    return "'" + value if value.startswith(DANGEROUS_START) else value


def serialize_rdf(graph: Graph, fmt: str) -> bytes:
    """The graph in an RDF format (ttl, jsonld, nt)."""
    bind_prefixes(graph)
    if fmt == "jsonld":
        text = graph.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    else:
        text = graph.serialize(format=RDF_FORMATS[fmt])
    return text.encode("utf-8") if isinstance(text, str) else text


def graphml_bytes(store: Store, lang: str = "en") -> bytes:
    """The collaboration network as GraphML, with labels, kinds and centralities as attributes."""
    g = analysis.collaboration_graph(store, lang).copy()
    cent = analysis.centrality(store, lang)
    for n, data in g.nodes(data=True):
        data["degree"] = float(cent.degree.get(n, 0.0))
        data["betweenness"] = float(cent.betweenness.get(n, 0.0))
        for k, v in list(data.items()):
            if v is None:
                data[k] = ""
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue()


KIND_CLASSES = {
    "actors": IKG.Actor,
    "networks": IKG.Network,
    "memberships": ORG.Membership,
    "agreements": IKG.Agreement,
    "projects": IKG.Project,
    "participations": IKG.Participation,
    "activities": IKG.Activity,
    "working-groups": IKG.WorkingGroup,
}


def tables_per_kind(store: Store, lang: str = "en") -> dict[str, tuple[list[str], list[list[str]]]]:
    """One table per kind of thing: iri, labels, then one column per property (values joined by '; ')."""
    g = store.graph()
    literals: dict[str, list[Node]] = defaultdict(list)
    for s, o in g.subject_objects(RDFS.label):
        literals[str(s)].append(o)
    labels = {iri: label for iri, lits in literals.items() if (label := pick_label(lits, lang))}
    out = {}
    for kind, cls in KIND_CLASSES.items():
        subjects = sorted({s for c in subclasses(cls) for s in g.subjects(RDF.type, c) if isinstance(s, URIRef)})
        props: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        columns: list[str] = []
        for s in subjects:
            for p, o in g.predicate_objects(s):
                name = g.namespace_manager.normalizeUri(str(p))
                if name not in columns:
                    columns.append(name)
                text = labels.get(str(o), str(o)) if isinstance(o, URIRef) else _literal_text(o)
                props[str(s)][name].append(text)
        columns.sort()
        rows = [[str(s)] + ["; ".join(sorted(set(props[str(s)][c]))) for c in columns] for s in subjects]
        out[kind] = (["iri", *columns], rows)
    return out


def _literal_text(o: Node) -> str:
    if isinstance(o, Literal) and o.language:
        return f"{o}@{o.language}"
    return str(o)


def csv_text(columns: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[safe_cell(c) for c in row] for row in rows])
    return buf.getvalue()


def xlsx_bytes(sheets: dict[str, tuple[list[str], list[list[str]]]]) -> bytes:
    """A workbook with one sheet per table; every cell is written as text, formulas neutralised."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, (columns, rows) in sheets.items():
        ws = wb.create_sheet(title=name[:31])
        ws.append(columns)
        for row in rows:
            ws.append([safe_cell(c) for c in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export(store: Store, fmt: str, out: Path, lang: str = "en") -> list[Path]:
    """Write the store in `fmt` to `out` (a folder for csv, a file otherwise); returns what was written."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}")
    out = Path(out)
    try:
        if fmt in RDF_FORMATS:
            out.write_bytes(serialize_rdf(store.graph(), fmt))
            return [out]
        if fmt == "graphml":
            out.write_bytes(graphml_bytes(store, lang))
            return [out]
        tables = tables_per_kind(store, lang)
        if fmt == "xlsx":
            out.write_bytes(xlsx_bytes(tables))
            return [out]
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for kind, (columns, rows) in tables.items():
            path = out / f"{kind}.csv"
            path.write_text(csv_text(columns, rows), encoding="utf-8")
            written.append(path)
        return written
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None


def table_json(columns: list[str], rows: list[list[str]]) -> str:
    return json.dumps([dict(zip(columns, row, strict=True)) for row in rows], ensure_ascii=False, indent=2)
