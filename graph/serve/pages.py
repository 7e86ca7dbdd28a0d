"""The graph's IRIs, resolved: `GET /ikg/trondheim/ntnu` describes https://w3id.org/ikg/trondheim/ntnu as
an HTML page for people (its facts, each source with its quote, what refers to it; bokmål or English)
or as Turtle, JSON-LD or N-Triples for machines. The page is static HTML: every label is escaped and
nothing is loaded from elsewhere (no script at all).

>>> iri_of("/ikg/trondheim/ntnu")
'https://w3id.org/ikg/trondheim/ntnu'
>>> iri_of("/sparql") is None
True
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from graph.i18n import has_text, language_name, languages, t
from graph.questions.languages import data_label_picker
from graph.serve.endpoint import GRAPH_TYPES, SHORT_NAMES, Answer, accepted
from graph.store.base import Store, is_iri
from graph.vocab.collate import name_key
from graph.vocab.labels import local_name, pick_label
from graph.vocab.namespaces import bind_prefixes

AUTHORITY = "https://w3id.org"
PATHS = ("/ikg/", "/.well-known/genid/")
PAGE_TYPES = {"text/html": "html", **GRAPH_TYPES}
MAX_REFERENCES = 500

ONTOLOGY = "https://w3id.org/ikg/ontology"
VOCABULARY = """
CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), "https://w3id.org/ikg/ontology")) }
"""
DESCRIPTION = """
CONSTRUCT { ?x ?p ?o . ?c ?cp ?co } WHERE { { ?x ?p ?o } UNION { ?x ikg:citation ?c . ?c ?cp ?co } }
"""
FACTS = """
SELECT ?p ?o ?pl ?ol WHERE {
  ?x ?p ?o . FILTER(?p != ikg:citation)
  OPTIONAL { ?p rdfs:label ?pl } OPTIONAL { ?o rdfs:label ?ol }
}
"""
SOURCES = """
SELECT ?c ?sec ?sl ?quote ?ev ?evl ?about ?al WHERE {
  ?x ikg:citation ?c .
  OPTIONAL { ?c ikg:section ?sec OPTIONAL { ?sec rdfs:label ?sl } }
  OPTIONAL { ?c ikg:quote ?quote }
  OPTIONAL { ?c ikg:evidence ?ev OPTIONAL { ?ev rdfs:label ?evl } }
  OPTIONAL { ?c ikg:aboutProperty ?about OPTIONAL { ?about rdfs:label ?al } }
}
"""
REFERENCES = f"""
SELECT DISTINCT ?s ?p ?sl ?pl WHERE {{
  ?s ?p ?x FILTER(?p != ikg:citation)
  OPTIONAL {{ ?s rdfs:label ?sl }} OPTIONAL {{ ?p rdfs:label ?pl }}
}} LIMIT {MAX_REFERENCES * 4}
"""
STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{width:14rem;color:#444;font-weight:600}code{font-size:.9em;color:#555}
blockquote{margin:.2rem 0 .2rem 1rem;color:#333;font-style:italic}nav{font-size:.9em;margin-bottom:1rem}
"""


def iri_of(path: str) -> str | None:
    """The IRI a request path stands for (under w3id.org/ikg/), or None."""
    if not path.startswith(PATHS):
        return None
    iri = AUTHORITY + path
    return iri if is_iri(iri) else None


def path_of(iri: str) -> str | None:
    """The path on this server that describes `iri`, when it is one of ours."""
    if iri.startswith(AUTHORITY + "/") and iri_of(iri[len(AUTHORITY):]):
        return iri[len(AUTHORITY):]
    return None


def page_language(header: str, wanted: str = "") -> str:
    """A language we write (graph.i18n.languages): a `lang=` parameter, else the first of the browser's.

    >>> page_language("nb-NO,nb;q=0.9,en;q=0.8"), page_language("de, en;q=0.5"), page_language("")
    ('nb', 'en', 'en')
    """
    ours = languages()
    if wanted in ours:
        return wanted
    for tag, _q in accepted(header or "en"):
        base = tag.split("-")[0].lower()
        if base in ("nb", "no", "nn"):
            return "nb"
        if base in ours:
            return base
    return "en"


def page_type(header: str, wanted: str = "") -> str | None:
    """The content type for an IRI: HTML for browsers, an RDF format for machines, None if none fits."""
    if wanted:
        media = "text/html" if wanted.lower() == "html" else SHORT_NAMES.get(wanted.lower(), wanted.lower())
        return media if media in PAGE_TYPES else None
    for media, _q in accepted(header):
        if media in PAGE_TYPES:
            return media
        if media in ("*/*", "text/*", "application/xhtml+xml"):
            return "text/html"
    return None


def describe(store: Store, iri: str) -> Graph:
    """The triples about `iri` and those of its citations; for the ontology's IRI, every term of it
    (its terms' IRIs end in #Term, a fragment the browser keeps to itself)."""
    if iri == ONTOLOGY:
        return store.construct(VOCABULARY)
    return store.construct(DESCRIPTION, {"x": URIRef(iri)})


def resolve(store: Store, path: str, accept: str, accept_language: str, wanted: str = "",
            lang_wanted: str = "") -> Answer | None:
    """The answer for a GET on `path`, or None when the path is not an IRI path."""
    iri = iri_of(path)
    if iri is None:
        return None
    lang = page_language(accept_language, lang_wanted)
    vary = (("Vary", "Accept, Accept-Language"),)
    media = page_type(accept, wanted)
    if media is None:
        text = t("iri_page.not_acceptable", lang, types=", ".join(PAGE_TYPES))
        return Answer(406, "text/plain; charset=utf-8", text.encode("utf-8"), vary)
    graph = describe(store, iri)
    references = store.select(REFERENCES, {"x": URIRef(iri)}).rows
    if not len(graph) and not references:
        body = _document(t("iri_page.unknown_title", lang), f"<p>{_e(t('iri_page.unknown', lang, iri=iri))}</p>", lang)
        return Answer(404, "text/html; charset=utf-8", body, vary)
    if media != "text/html":
        data = bind_prefixes(graph).serialize(format=PAGE_TYPES[media], encoding="utf-8")
        return Answer(200, f"{media}; charset=utf-8", data if isinstance(data, bytes) else str(data).encode(), vary)
    if iri == ONTOLOGY:
        return Answer(200, "text/html; charset=utf-8", vocabulary_page(graph, lang), vary)
    return Answer(200, "text/html; charset=utf-8", entity_page(store, iri, references, lang), vary)


def vocabulary_page(graph: Graph, lang: str) -> bytes:
    """The ontology's terms, each under an anchor named by it (so …/ontology#Network lands on it)."""
    rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    terms = sorted({str(s) for s in graph.subjects() if str(s).startswith(ONTOLOGY + "#")}, key=str.casefold)
    rows = []
    for term in terms:
        label = pick_label(list(graph.objects(URIRef(term), URIRef(rdfs + "label"))), lang)
        comment = pick_label(list(graph.objects(URIRef(term), URIRef(rdfs + "comment"))), lang)
        name = local_name(term)
        rows.append(f'<tr id="{_e(name)}"><th>{_e(label or name)}<br><code>ikg:{_e(name)}</code></th>'
                    f"<td>{_e(comment)}</td></tr>")
    title = t("iri_page.vocabulary", lang)
    body = f"<h1>{_e(title)}</h1><table>{''.join(rows)}</table>{_formats(ONTOLOGY, lang)}"
    return _document(title, body, lang)


Pick = Callable[[Iterable[Node]], str]  # a name from literals, in the order of the page's reader


def entity_page(store: Store, iri: str, references: list, lang: str) -> bytes:
    """The HTML page about one thing: names in the data's label language for `lang` (as the questions
    show them), the vocabulary's in `lang`."""
    pick: Pick = data_label_picker(store, lang)
    x = {"x": URIRef(iri)}
    labels: dict[str, list[Node]] = defaultdict(list)
    facts: dict[tuple[str, Node], None] = {}
    for p, o, pl, ol in store.select(FACTS, x).rows:
        assert p is not None and o is not None
        facts[(str(p), o)] = None
        for term, label in ((p, pl), (o, ol)):
            if label is not None and label not in labels[str(term)]:
                labels[str(term)].append(label)
    own = [o for (p, o) in facts if p == "http://www.w3.org/2000/01/rdf-schema#label"]
    title = pick(own) or local_name(iri)
    rows = []
    for prop, value in sorted(facts, key=lambda f: (name_key(_name(f[0], labels, lang, pick), lang), str(f[1]))):
        shown = _value(value, labels, lang, pick)
        rows.append(f"<tr><th>{_e(_name(prop, labels, lang, pick))}</th><td>{shown}</td></tr>")
    parts = [f"<nav>{_e(t('iri_page.kind', lang))} · <code>{_e(iri)}</code></nav>", f"<h1>{_e(title)}</h1>",
             f"<h2>{_e(t('iri_page.facts', lang))}</h2>", f"<table>{''.join(rows)}</table>",
             _sources(store, iri, lang, pick), _references(references, lang, pick), _formats(iri, lang)]
    return _document(title, "\n".join(p for p in parts if p), lang)


def _sources(store: Store, iri: str, lang: str, pick: Pick) -> str:
    cites: dict[str, dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for c, sec, sl, quote, ev, evl, about, al in store.select(SOURCES, {"x": URIRef(iri)}).rows:
        entry = cites[str(c)]
        for key, value in (("sec", sec), ("sl", sl), ("quote", quote), ("evl", evl), ("about", about), ("al", al),
                           ("ev", ev)):
            if value is not None and value not in entry[key]:
                entry[key].append(value)
    if not cites:
        return ""
    items = []
    for entry in sorted(cites.values(), key=lambda e: pick(e["sl"])):
        section = pick(entry["sl"]) or (local_name(entry["sec"][0]) if entry["sec"] else "")
        link = path_of(str(entry["sec"][0])) if entry["sec"] else None
        head = f'<a href="{_e(link)}">{_e(section)}</a>' if link else _e(section)
        details = [pick(entry["evl"]) or (local_name(entry["ev"][0]) if entry["ev"] else "")]
        if entry["about"]:
            what = pick(entry["al"]) or local_name(entry["about"][0])
            details.append(t("iri_page.about", lang, what=what))
        quotes = "".join(f"<blockquote>{_e(str(q))}</blockquote>" for q in entry["quote"])
        items.append(f"<li>{head} <small>({_e('; '.join(d for d in details if d))})</small>{quotes}</li>")
    return f"<h2>{_e(t('iri_page.sources', lang))}</h2><ul>{''.join(items)}</ul>"


def _references(rows: Iterable[tuple[Node | None, ...]], lang: str, pick: Pick) -> str:
    found: dict[tuple[str, str], dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for s, p, sl, pl in rows:
        entry = found[(str(s), str(p))]
        for key, value in (("sl", sl), ("pl", pl)):
            if value is not None:
                entry[key].append(value)
    if not found:
        return ""
    items = []
    for (who, how), entry in sorted(found.items(), key=lambda kv: (pick(kv[1]["pl"]), kv[0][0])):
        subject = pick(entry["sl"]) or local_name(who)
        link = path_of(who)
        shown = f'<a href="{_e(link)}">{_e(subject)}</a>' if link else _e(subject)
        items.append(f"<li>{shown} <small>({_e(pick(entry['pl']) or _name(how, {}, lang, pick))})</small></li>")
    return f"<h2>{_e(t('iri_page.references', lang))}</h2><ul>{''.join(items)}</ul>"


def _formats(iri: str, lang: str) -> str:
    path = path_of(iri) or ""
    links = " · ".join(f'<a href="{_e(path)}?format={f}">{n}</a>'
                       for f, n in (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples")))
    switch = " · ".join(f'<a href="{_e(path)}?lang={x}">{_e(language_name(x))}</a>' for x in languages() if x != lang)
    return f"<p><small>{_e(t('iri_page.formats', lang))}: {links} · {switch}</small></p>"


def _name(iri: str, labels: dict[str, list[Node]], lang: str, pick: Pick) -> str:
    """A property's or thing's label; standard terms without one in the graph (rdfs:label …) from our texts."""
    found = pick(labels.get(iri, []))
    if found:
        return found
    key = f"iri_page.term.{local_name(iri)}"
    return t(key, lang) if has_text(key) else local_name(iri)


def _value(term: Node, labels: dict[str, list[Node]], lang: str, pick: Pick) -> str:
    if isinstance(term, Literal):
        tag = f" <small>@{_e(term.language)}</small>" if term.language else ""
        return _e(str(term)) + tag
    shown = _e(_name(str(term), labels, lang, pick))
    link = path_of(str(term))
    if link:
        return f'<a href="{_e(link)}">{shown}</a>'
    if str(term).startswith(("http://", "https://")):
        return f'<a href="{_e(str(term))}" rel="nofollow noopener">{shown}</a>'
    return shown


def _document(title: str, body: str, lang: str) -> bytes:
    page = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title>'
            f"<style>{STYLE}</style></head><body>{body}</body></html>\n")
    return page.encode("utf-8")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)
