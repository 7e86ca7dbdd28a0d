"""A new city's first data folder: the organisation and its home city and country, the strategy
documents and their target areas, written as tidy Turtle a person never has to read (`ikg init`
and the app's first-run page both call `write_starter`).

Each answer is checked by graph.edit.start_checks; country names come from ISO 3166 through pycountry.

>>> country_names("SE")["nb"], country_names("SE")["en"]
('Sverige', 'Sweden')
>>> namespace_for("Ålesund kommune")
'https://w3id.org/ikg/alesund-kommune/'
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from graph.edit.home_kinds import DEFAULT_KIND, HOME_KINDS, kind_names
from graph.edit.start_checks import (
    LABEL_LANGS,
    coordinate_problem,
    country_names,
    country_problem,
    date_problem,
    languages_problem,
    url_problem,
)
from graph.edit.values import parse_when
from graph.errors import InputError
from graph.history.shipped import fill_from_shipped, remember_data_folder, reset_from_data
from graph.i18n import t
from graph.questions.languages import label_order
from graph.rdf.parsing import parse_rdf
from graph.store.base import Store
from graph.vocab.labels import pick_label
from graph.vocab.namespaces import GEO, IKG, SCHEMA, bind_prefixes

HAS_CHANGES = "ASK { ?change a ikg:Change }"
# a namespace for the city's own IRIs: a whole http(s) IRI ending in / or #, without the characters IRIs refuse
NAMESPACE = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d+)?(/[^\s<>\"{}|\\^`]*)?[/#]$")
FILES = ("dataset.ttl", "sources.ttl", "concepts.ttl")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-' (æ, ø, å spelt ae, o, a)."""
    text = text.replace("æ", "ae").replace("Æ", "Ae").replace("ø", "o").replace("Ø", "O")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def namespace_for(name: str) -> str:
    """The namespace of a new dataset's own IRIs, from the organisation's name."""
    return f"https://w3id.org/ikg/{slug(name) or 'city'}/"


def two_names(text: str) -> dict[str, str]:
    """'Norwegian name | English name' (or one name for both) as {'nb': …, 'en': …}."""
    return names_in(text, LABEL_LANGS)


def names_in(text: str, languages: Sequence[str]) -> dict[str, str]:
    """'name | name …' in the order of the data languages (the first name for those not given).

    >>> names_in("Klimat och miljö | Climate and environment", ("sv", "en"))
    {'sv': 'Klimat och miljö', 'en': 'Climate and environment'}
    >>> names_in("Göteborg", ("sv", "en"))
    {'sv': 'Göteborg', 'en': 'Göteborg'}
    """
    parts = [x.strip() for x in (text or "").split("|")]
    return {lang: (parts[i] if i < len(parts) and parts[i] else parts[0]) for i, lang in enumerate(languages)}


def organisation_names(name: str, name_en: str, languages: Sequence[str]) -> dict[str, str]:
    """The organisation's name per data language: `name` ('name | name …' in their order), `name_en` for
    English when given."""
    names = names_in(name, languages)
    if name_en.strip() and "en" in names:
        names["en"] = name_en.strip()
    return names


def _catalogue_text(key: str, lang: str, **params: str) -> str:
    """A starter text in a data language: its UI catalogue's, the English one for a language without one."""
    return t(key, lang, **params)


@dataclass
class Document:
    names: dict[str, str]
    url: str = ""
    date: str = ""  # YYYY or YYYY-MM-DD (DD.MM.YYYY, as Norwegians write it, is read as that day)

    def __post_init__(self) -> None:
        self.date = normal_date(self.date)


def normal_date(text: str) -> str:
    """A date as the forms take it (20.06.2024, 1.2.2024, 2024-06-20) as yyyy-mm-dd, a year as itself;
    anything else as given, trimmed.

    >>> normal_date(" 20.06.2024 "), normal_date("1.2.2024"), normal_date("2024"), normal_date("20/06/2024")
    ('2024-06-20', '2024-02-01', '2024', '20/06/2024')
    """
    try:
        return str(parse_when(text))  # the forms' reading of a date: the one definition
    except InputError:  # not a date the forms read: `problems` says what is wrong with it, as given
        return text.strip()


@dataclass
class Start:
    """What `ikg init` asks for."""

    organisation: dict[str, str]  # {'nb': …, 'en': …}
    city: str
    country: str  # ISO 3166-1 alpha-2, e.g. NO
    lat: str
    long: str
    languages: tuple[str, ...] = LABEL_LANGS
    documents: list[Document] = field(default_factory=list)
    target_areas: list[dict[str, str]] = field(default_factory=list)
    namespace: str = ""
    editor: str = "ikg init"
    kind: str = DEFAULT_KIND  # graph.edit.home_kinds: a municipality, a county authority or another organisation


def problems(start: Start, lang: str = "en", *, options: bool = True) -> list[str]:
    """Everything wrong with the answers, each a sentence saying how to fix it ([] when they are fine);
    with `options`, naming the `ikg init` option to give (the app's form has fields, not options)."""
    out = []

    def option(name: str) -> str:
        return t(f"city.option.{name}", lang) if options else ""

    if start.kind not in HOME_KINDS:
        out.append(t("city.err.kind", lang, value=start.kind, known=kind_names(lang)))
    if not all(start.organisation.get(x, "").strip() for x in start.languages):
        out.append(t("city.err.organisation", lang, option=option("organisation")))
    if not start.city.strip():
        out.append(t("city.err.city", lang, option=option("city")))
    if not start.country.strip():
        out.append(t("city.err.no_country", lang, option=option("country")))
    elif wrong := country_problem(start.country, lang):
        out.append(wrong)
    out += [p for p in (coordinate_problem("lat", start.lat, lang), coordinate_problem("long", start.long, lang)) if p]
    if not start.documents:
        out.append(t("city.err.no_document", lang, option=option("document")))
    for doc in start.documents:
        if not all(doc.names.get(x) for x in start.languages):
            out.append(t("city.err.document_name", lang))
        out += [p for p in (url_problem(doc.url, lang), date_problem(doc.date, lang)) if p]
    if not start.target_areas:
        out.append(t("city.err.no_target_area", lang, option=option("target_area")))
    if any(not all(area.get(x) for x in start.languages) for area in start.target_areas):
        out.append(t("city.err.target_area_name", lang))
    if not start.languages:
        out.append(t("city.err.language", lang, value=""))
    out += [p for p in [languages_problem(",".join(start.languages), lang)] if p]
    if start.namespace and not NAMESPACE.match(start.namespace):
        out.append(t("city.err.namespace", lang, value=start.namespace))
    return out


def check_start(start: Start, lang: str = "en") -> None:
    """InputError listing every problem of the answers (`problems`), before anything is written."""
    found = problems(start, lang)
    if found:
        raise InputError("\n".join(found), key="city.err.start")


def check_folder(folder: Path, lang: str = "en") -> None:
    """InputError when `folder` cannot take the starter files: it is a file, or it already holds data."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError.of("city.err.folder_is_file", lang, folder=folder)
    if folder.exists() and any(folder.glob("*.ttl")):
        raise InputError(t("city.err.folder_has_data", lang, folder=folder), key="city.err.folder_has_data")


def _labels(g: Graph, iri: URIRef, names: dict[str, str], languages: Sequence[str]) -> None:
    for lang in languages:
        g.add((iri, RDFS.label, Literal(names[lang], lang=lang)))


def _cite(g: Graph, iri: URIRef, reference: str, url: str = "") -> None:
    node = BNode()
    g.add((iri, IKG.citation, node))
    g.add((node, IKG.reference, Literal(reference)))
    if url:
        g.add((node, SCHEMA.url, URIRef(url)))
    g.add((node, IKG.evidence, IKG.stated))


def _home(g: Graph, start: Start, ns: Namespace, country: URIRef, given: str) -> URIRef:
    """The home actor, written into `g`: a municipality is the home city (ikg:City, with its country and
    coordinates); another kind of organisation is an actor of its class based in (ikg:location) the home city."""
    city = ns[slug(start.city) or "home"]
    g.add((city, RDF.type, IKG.City))
    g.add((city, SCHEMA.containedInPlace, country))
    for prop, text in ((GEO.lat, start.lat), (GEO.long, start.long)):
        g.add((city, prop, Literal(Decimal(str(text).replace(",", ".").strip()), datatype=XSD.decimal)))
    _cite(g, city, given)
    if start.kind == DEFAULT_KIND:
        _labels(g, city, start.organisation, start.languages)
        if start.city.strip() not in start.organisation.values():
            g.add((city, SKOS.altLabel, Literal(start.city.strip())))
        return city
    _labels(g, city, names_in(start.city, start.languages), start.languages)
    name = slug(start.organisation[start.languages[0]]) or start.kind
    home = ns[name if ns[name] != city else f"{name}-{start.kind}"]
    g.add((home, RDF.type, HOME_KINDS[start.kind]))
    _labels(g, home, start.organisation, start.languages)
    g.add((home, IKG.location, city))
    _cite(g, home, given)
    return home


def starter_graphs(start: Start, lang: str = "en", today: dt.date | None = None) -> dict[str, Graph]:
    """The triples of each starter file; InputError listing every problem when an answer is wrong."""
    check_start(start, lang)
    langs = start.languages
    first = langs[0]
    ns = Namespace(start.namespace or namespace_for(start.organisation.get("en") or start.organisation[first]))
    when = (today or dt.date.today()).isoformat()
    given = t("city.given_reference", lang, date=when)
    dataset, sources, concepts = (bind_prefixes(Graph()) for _ in FILES)
    for g in (dataset, sources, concepts):
        g.bind("city", str(ns))
        g.bind("geo", str(GEO), replace=True)
    country = ns[f"country-{start.country.strip().lower()}"]
    home = _home(dataset, start, ns, country, given)
    d = ns["dataset"]
    dataset.add((d, RDF.type, IKG.Dataset))
    _labels(dataset, d, {x: _catalogue_text("city.dataset_label", x, name=start.organisation[x]) for x in langs},
            langs)
    dataset.add((d, IKG.homeActor, home))
    for code in langs:
        dataset.add((d, DCTERMS.language, Literal(code)))
    dataset.add((d, IKG.languageOrder, Literal(",".join(langs))))
    dataset.add((country, RDF.type, IKG.Country))
    _labels(dataset, country, country_names(start.country, langs), langs)
    dataset.add((country, SCHEMA.identifier, Literal(start.country.strip().upper())))
    first_doc: tuple[str, str] = ("", "")
    for n, doc in enumerate(start.documents, start=1):
        iri = ns[f"doc-{n}"]
        sources.add((iri, RDF.type, IKG.SourceDocument))
        _labels(sources, iri, doc.names, langs)
        sources.add((iri, DCTERMS.title, Literal(doc.names[first], lang=first)))
        sources.add((iri, DCTERMS.publisher, home))
        if doc.url:
            sources.add((iri, SCHEMA.url, URIRef(doc.url)))
        if doc.date:
            sources.add((iri, DCTERMS.date, Literal(doc.date, datatype=XSD.date if len(doc.date) > 4 else XSD.gYear)))
        first_doc = first_doc if first_doc[0] else (doc.names.get("en") or doc.names[first], doc.url)
    scheme = ns["target-areas"]
    concepts.add((scheme, RDF.type, SKOS.ConceptScheme))
    scheme_names = {x: _catalogue_text("city.scheme_label", x, document=start.documents[0].names[x]) for x in langs}
    _labels(concepts, scheme, scheme_names, langs)
    for x in langs:
        concepts.add((scheme, SKOS.prefLabel, Literal(scheme_names[x], lang=x)))
    concepts.add((scheme, DCTERMS.source, ns["doc-1"]))
    for n, area in enumerate(start.target_areas, start=1):
        iri = ns[f"target-area-{n}"]
        concepts.add((iri, RDF.type, IKG.TargetArea))
        concepts.add((iri, SKOS.inScheme, scheme))
        concepts.add((iri, SKOS.topConceptOf, scheme))
        concepts.add((iri, SKOS.notation, Literal(str(n))))
        _labels(concepts, iri, area, langs)
        for x in langs:
            concepts.add((iri, SKOS.prefLabel, Literal(area[x], lang=x)))
        _cite(concepts, iri, first_doc[0], first_doc[1])
    return dict(zip(FILES, (dataset, sources, concepts), strict=True))


def dataset_title(store: Store, lang: str = "en") -> str:
    """The dataset's name in `lang` (another language's when it has none), or the neutral app title.

    >>> from graph.store.memory import MemoryStore
    >>> dataset_title(MemoryStore(), "nb")
    'Internasjonale relasjoner'
    """
    labels = [row[0] for row in store.select("SELECT ?l WHERE { ?d a ikg:Dataset ; rdfs:label ?l }").rows]
    first, *rest = label_order(store, lang)  # the data labels' language first (a Swedish dataset's in bokmål)
    return pick_label([x for x in labels if x is not None], str(first), rest) or t("app.title", lang)


def write_starter(folder: Path, start: Start, lang: str = "en") -> list[Path]:
    """Write the starter files into `folder` (created when missing); refused when it already holds data."""
    folder = Path(folder)
    check_folder(folder, lang)
    graphs = starter_graphs(start, lang)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, g in graphs.items():
        path = folder / name
        header = "# " + t("city.file." + name.removesuffix(".ttl"), "en") + "\n\n"
        path.write_text(header + g.serialize(format="turtle"), encoding="utf-8")
        written.append(path)
    return written


def check_replace(store: Store, replace: bool, lang: str) -> bool:
    """Whether the store holds recorded changes (then `replace` must be given, else InputError)."""
    changed = bool(store.count()) and store.ask(HAS_CHANGES)
    if changed and not replace:
        raise InputError(t("city.err.store_has_data", lang, store=store.describe()), key="city.err.store_has_data")
    return changed


def fill_from_folder(store: Store, folder: Path, *, editor: str, changed: bool, lang: str = "en") -> int:
    """Fill the store from a new data folder. A store with recorded changes is replaced in one recorded
    change (undoable); one that only holds a fill is cleared and filled. Returns the triples read.
    Every file of the folder is read first, so one that cannot be is told in `lang` and nothing changes."""
    for path in sorted(Path(folder).glob("*.ttl")):
        parse_rdf(path, lang=lang)
    remember_data_folder(store, folder)
    if changed:
        return reset_from_data(store, keep_assessments=False, editor=editor, why="ikg init", data=folder)
    store.clear()
    return fill_from_shipped(store, data=folder)
