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
from babel.numbers import get_decimal_symbol
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, TIME
from rdflib.term import Node

import graph.analysis.network as analysis
from graph.errors import InputError
from graph.i18n import locale_of, t
from graph.questions.languages import data_label_picker
from graph.rdf.skolem import is_genid, is_skolem
from graph.store.base import Store
from graph.store.output_paths import make_folder, output_file, output_folder, writing
from graph.vocab.classes import subclasses
from graph.vocab.labels import REUSED_PROPERTIES
from graph.vocab.namespaces import IKG, ORG, PREFIXES, bind_prefixes

RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
EXPORT_FORMATS = ("ttl", "jsonld", "nt", "graphml", "csv", "xlsx")
# a file's ending and the export format it names (another format under it is refused)
SUFFIX_FORMATS = {**{f".{f}": f for f in EXPORT_FORMATS}, ".turtle": "ttl", ".json": "jsonld"}
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
    other = {code: analysis.collaboration_graph(store, code) for code in ("nb", "en")}
    for n, data in g.nodes(data=True):
        data["degree"] = float(cent.degree.get(n, 0.0))
        data["betweenness"] = float(cent.betweenness.get(n, 0.0))
        for code, graph_ in other.items():  # Gephi shows either language's names and kinds
            data[f"label_{code}"] = graph_.nodes[n].get("label", "") if n in graph_ else ""
            data[f"kind_{code}"] = graph_.nodes[n].get("kind", "") if n in graph_ else ""
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


def csv_text(columns: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[safe_cell(c) for c in row] for row in rows])
    return buf.getvalue()


def spreadsheet_csv(columns: list[str], rows: list[list[str]], lang: str = "en") -> bytes:
    """A CSV for a person to open in a spreadsheet in `lang`: UTF-8 with a byte-order mark (without one, Excel
    reads æ, ø and å as Windows-1252), lines ended as Windows ends them, and fields apart by ';' where the
    language writes decimals with a comma (Excel's list separator there: with commas, a Norwegian Excel puts
    each line in one cell). Formulas neutralised; the import reads it back (graph.edit.tabular.reader).

    >>> spreadsheet_csv(["navn", "kostnad"], [["Tromsø", "1,5"]], "nb")
    b'\\xef\\xbb\\xbfnavn;kostnad\\r\\nTroms\\xc3\\xb8;1,5\\r\\n'
    >>> spreadsheet_csv(["name"], [["=1+1"]], "en")
    b"\\xef\\xbb\\xbfname\\r\\n'=1+1\\r\\n"
    """
    buf = io.StringIO()
    comma = get_decimal_symbol(locale_of(lang)) == ","
    writer = csv.writer(buf, delimiter=";" if comma else ",", lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    writer.writerows([[safe_cell(c) for c in row] for row in rows])
    return buf.getvalue().encode("utf-8-sig")


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
    if fmt != "csv":  # one file; csv is a folder of one file per kind
        out = output_file(out, lang, example=f"ikg-export.{fmt}")
        named = SUFFIX_FORMATS.get(out.suffix.lower())
        if named is not None and named != fmt:  # g.csv holding a workbook: opened as garbage, by name
            raise InputError.of("cli.export.suffix", lang, name=out.name, format=fmt, stem=out.stem)
        if fmt in RDF_FORMATS:
            data = serialize_rdf(store.graph(), fmt)
        else:
            data = graphml_bytes(store, lang) if fmt == "graphml" else people_xlsx(store, lang)
        with writing(out, lang, example=f"ikg-export.{fmt}"):
            out.write_bytes(data)
        return [out]
    out = output_folder(out, lang)
    tables = people_tables(store, lang)  # the workbook's sheets, in KIND_CLASSES' order
    make_folder(out, lang)
    written = []
    comma = get_decimal_symbol(locale_of(lang))
    for kind, (columns, rows) in zip(KIND_CLASSES, tables.values(), strict=True):
        path = out / f"{kind}.csv"
        text = [[str(c).replace(".", comma) if isinstance(c, float) else str(c) for c in row] for row in rows]
        with writing(path, lang, example=f"{kind}.csv"):
            path.write_bytes(spreadsheet_csv(columns, text, lang))
        written.append(path)
    return written


SCHEMA_VALUE = URIRef("https://schema.org/value")
SCHEMA_CURRENCY = URIRef("https://schema.org/currency")
SCHEMA_URL = URIRef("https://schema.org/url")
TIME_VALUES = (TIME.inXSDgYear, TIME.inXSDDate, TIME.inXSDDateTimeStamp)  # an instant's year or day
HIDDEN = {str(RDF.type), str(IKG.citation), str(RDFS.label)}  # the kind and name get columns of their own


def people_tables(store: Store, lang: str = "en") -> dict[str, tuple[list[str], list[list[object]]]]:
    """One table per kind for people: sheet and column names in the language, a name and kind first,
    labels instead of identifiers, one language's text, amounts and years as numbers; no IRIs."""
    g = store.graph()
    literals: dict[str, list[Node]] = defaultdict(list)
    for subject, o in g.subject_objects(RDFS.label):
        literals[str(subject)].append(o)

    pick = data_label_picker(store, lang)  # the data's names as the questions show them

    def name(node: Node) -> str:
        found = pick(literals.get(str(node), []))
        if found:
            return found
        member, org = next(iter(g.objects(node, ORG.member)), None), next(iter(g.objects(node, ORG.organization)), None)
        if member is not None and org is not None:  # a membership without a name of its own
            return t("changes.in", lang, member=name(member), org=name(org))
        return str(node).rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def period(o: Node) -> str | None:
        """A period as its years or days apart by a dash ("2009–", "2019–2022"), None when `o` is no period."""
        ends = [next((str(v) for end in g.objects(o, edge) for p in TIME_VALUES for v in g.objects(end, p)), "")
                for edge in (TIME.hasBeginning, TIME.hasEnd)]
        if not any(ends):
            return None
        return ends[0] if ends[0] == ends[1] else "–".join(ends)

    def sources(x: Node) -> str:
        """Where the thing is cited from: document sections by name, references and web addresses."""
        found = {name(v) if p == IKG.section else str(v) for c in g.objects(x, IKG.citation)
                 for p, v in g.predicate_objects(c) if p in (IKG.section, IKG.reference, SCHEMA_URL)}
        return "; ".join(sorted(found, key=str.casefold))

    def value(o: Node) -> object:
        if isinstance(o, Literal):
            py = o.toPython()
            if type(py).__name__ == "Decimal":  # an amount: whole kroner as a whole number
                py = int(py) if py == int(py) else float(py)
            return py if isinstance(py, int | float) and not isinstance(py, bool) else str(o)
        amount = next(iter(g.objects(o, SCHEMA_VALUE)), None)
        if amount is not None:
            return value(amount)
        return name(o)

    out: dict[str, tuple[list[str], list[list[object]]]] = {}
    for kind, cls in KIND_CLASSES.items():
        subjects = sorted({x for c in subclasses(cls) for x in g.subjects(RDF.type, c) if isinstance(x, URIRef)},
                          key=lambda x: name(x).casefold())
        columns: dict[str, str] = {}
        cells: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
        for x in subjects:
            for p, o in g.predicate_objects(x):
                if str(p) in HIDDEN or (isinstance(o, Literal) and o.language and o.language != lang):
                    continue
                if (is_genid(o) or is_skolem(o)) and next(iter(g.objects(o, SCHEMA_VALUE)), None) is None:
                    shown = period(o)  # a period as its years; other structures have no text: no identifiers
                    if shown is None:
                        continue
                    o = Literal(shown)
                heading = t(f"prop.{REUSED_PROPERTIES[str(p)]}", lang) if str(p) in REUSED_PROPERTIES else name(p)
                currency = next(iter(g.objects(o, SCHEMA_CURRENCY)), None) if not isinstance(o, Literal) else None
                if currency is not None:
                    heading = f"{heading} ({currency})"
                columns.setdefault(heading, heading)
                cells[str(x)][heading].append(value(o))
        heads = sorted(columns, key=str.casefold)
        rows = []
        for x in subjects:
            kinds = sorted({name(c) for c in g.objects(x, RDF.type) if str(c) in literals}, key=str.casefold)
            row: list[object] = [name(x), "; ".join(kinds)]
            for h in heads:
                vals = cells[str(x)].get(h, [])
                row.append(vals[0] if len(vals) == 1 else "; ".join(sorted(str(v) for v in vals)))
            rows.append([*row, sources(x)])
        titles = [t("export.col.name", lang), t("export.col.kind", lang), *heads, t("col.source", lang)]
        out[t(f"export.sheet.{kind}", lang)] = (titles, rows)
    return out


def people_xlsx(store: Store, lang: str = "en") -> bytes:
    """people_tables as a workbook: bold frozen header, a filter on every column, widths to fit, numbers
    as numbers, text cells neutralised against formulas."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for title, (columns, rows) in people_tables(store, lang).items():
        ws = wb.create_sheet(title=title[:31])
        ws.append(columns)
        for row in rows:
            ws.append([safe_cell(c) if isinstance(c, str) else c for c in row])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for i, heading in enumerate(columns, start=1):
            longest = max([len(str(heading)), *(len(str(r[i - 1])) for r in rows[:500])])
            ws.column_dimensions[get_column_letter(i)].width = min(max(10, longest + 2), 60)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def table_json(columns: list[str], rows: list[list[str]]) -> str:
    return json.dumps([dict(zip(columns, row, strict=True)) for row in rows], ensure_ascii=False, indent=2)
