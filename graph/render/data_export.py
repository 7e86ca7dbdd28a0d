"""The graph's own data as tidy Turtle files, one per kind, in the shape of `data/`: no vocabulary, no
change history, skolem IRIs turned back into nested `[ … ]`. A city keeps these files under version
control; filling a store from them, or importing them, gives the same graph back.

>>> from graph.history.shipped import open_store
>>> sorted(data_graphs(open_store("memory")))[:3]
['activities.ttl', 'actors.ttl', 'agreements.ttl']
"""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from graph.analysis.assessments import dataset_namespace
from graph.errors import InputError
from graph.history.changes import HISTORY
from graph.i18n import t
from graph.rdf.parsing import parse_file
from graph.rdf.skolem import is_genid, skolemise
from graph.store.base import Store
from graph.store.output_paths import make_folder, output_folder, writing
from graph.vocab.classes import subclasses
from graph.vocab.namespaces import IKG, ORG, PREFIXES, bind_prefixes

# Which file a thing goes to: the first entry one of its classes falls under (policy.ttl otherwise).
FILES: tuple[tuple[str, tuple[URIRef, ...]], ...] = (
    ("dataset.ttl", (IKG.Dataset,)),
    ("places.ttl", (IKG.Country, IKG.City)),
    ("networks.ttl", (IKG.Network, ORG.Membership)),
    ("agreements.ttl", (IKG.Agreement, IKG.CityRelation)),
    ("projects.ttl", (IKG.Project, IKG.Participation, IKG.FundingProgramme)),
    ("activities.ttl", (IKG.Activity, IKG.WorkingGroup)),
    ("actors.ttl", (IKG.Actor,)),
    ("concepts.ttl", (IKG.TargetArea, IKG.Theme, SKOS.ConceptScheme)),
    ("sources.ttl", (IKG.SourceDocument, IKG.Section)),
    ("review.ttl", (IKG.ReviewRound, IKG.Assessment)),
)
OTHER = "policy.ttl"
NAMES = frozenset([name for name, _ in FILES] + [OTHER])


def _vocabulary() -> Graph:
    from graph.history.shipped import shipped_files

    g = Graph()
    for path in shipped_files(include_data=False):
        g += skolemise(parse_file(path))
    return g


def data_graph(store: Store) -> Graph:
    """The store's data: everything but the vocabulary and the change history, skolem IRIs as blank nodes."""
    held = store.graph()
    drop = set(_vocabulary()) | set(store.construct(HISTORY))
    nodes: dict[Node, BNode] = {}

    def plain(node: Node) -> Node:
        return nodes.setdefault(node, BNode()) if is_genid(node) else node

    out = Graph()
    for s, p, o in held:
        if (s, p, o) not in drop:
            out.add((plain(s), p, plain(o)))
    return out


def _file_of(types: set[Node]) -> str:
    for name, classes in FILES:
        if types & subclasses(*classes):
            return name
    return OTHER


def data_graphs(store: Store) -> dict[str, Graph]:
    """The data split into the files of `data/`: each thing with its nested citations, periods and amounts."""
    g = data_graph(store)
    root: dict[Node, Node] = {}
    for node in g.subjects(unique=True):
        seen, current = set(), node
        while isinstance(current, BNode) and current not in seen:
            seen.add(current)
            current = next(g.subjects(None, current), current)
        root[node] = current
    namespace = dataset_namespace(store)
    prefix = next((k for k, v in PREFIXES.items() if v == namespace), "city")
    out: dict[str, Graph] = {}
    for s, p, o in g:
        name = _file_of(set(g.objects(root[s], RDF.type)))
        part = out.get(name)
        if part is None:
            part = out[name] = bind_prefixes(Graph())
            part.bind(prefix, namespace, override=True)
        part.add((s, p, o))
    return out


def _other_dataset(path: Path, ours: Graph | None, lang: str) -> str:
    """The name of the dataset `path` describes when it is not this store's (its data would be overwritten by
    another graph's); '' when the file is absent or describes this store's dataset."""
    if not path.is_file():
        return ""
    try:
        theirs = parse_file(path)
    except Exception:  # noqa: BLE001 - a file we cannot read is no proof of another graph: it is overwritten
        return ""
    mine = set(ours.subjects(RDF.type, IKG.Dataset)) if ours is not None else set()
    found = sorted(set(theirs.subjects(RDF.type, IKG.Dataset)) - mine, key=str)
    if not found:
        return ""
    names = {o.language: str(o) for o in theirs.objects(found[0], RDFS.label) if isinstance(o, Literal)}
    return names.get(lang) or names.get("en") or next(iter(names.values()), "") or str(found[0])


def export_data(store: Store, folder: Path, lang: str = "en") -> list[tuple[Path, int]]:
    """Write the data files into `folder` (refused when it holds other .ttl files than these); returns
    each file written with its number of triples."""
    folder = output_folder(folder, lang)  # a file named, or no folder to make it in: refused before any work
    foreign = sorted(p.name for p in folder.glob("*.ttl") if p.name not in NAMES) if folder.is_dir() else []
    if foreign:
        raise InputError(t("city.err.export_foreign", lang, folder=folder, files=", ".join(foreign)),
                         key="city.err.export_foreign")
    graphs = data_graphs(store)
    other = _other_dataset(folder / "dataset.ttl", graphs.get("dataset.ttl"), lang)
    if other:
        raise InputError(t("city.err.export_other_graph", lang, folder=folder, other=other),
                         key="city.err.export_other_graph")
    make_folder(folder, lang)
    written = []
    for name in sorted(NAMES):
        path = folder / name
        with writing(path, lang):
            if name not in graphs:
                path.unlink(missing_ok=True)
                continue
            header = "# " + t("city.export.header", "en", kind=name.removesuffix(".ttl")) + "\n\n"
            path.write_text(header + graphs[name].serialize(format="turtle"), encoding="utf-8")
        written.append((path, len(graphs[name])))
    return written
