"""The graph's IRIs resolve: `GET /ikg/trondheim/…` answers people with an HTML page (facts, sources with
their quotes, what refers to it; bokmål or English by the browser's language; labels escaped; no script)
and machines with Turtle, JSON-LD or N-Triples."""

from __future__ import annotations

import urllib.parse

import pytest
import requests
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from graph.serve.server import make_server, serve_in_thread
from graph.store import MemoryStore
from graph.vocab.namespaces import IKG, TRD
from tests.support import ROOT
from tests.support.browser import LOCAL_HOSTS, launch_chromium, require_chromium

NTNU = "/ikg/trondheim/ntnu"
SHOTS = ROOT / "docs" / "screenshots"


def test_a_person_gets_the_page_in_their_language(endpoint):
    nb = requests.get(endpoint + NTNU, headers={"Accept": "text/html", "Accept-Language": "nb-NO,nb;q=0.9"},
                      timeout=10)
    en = requests.get(endpoint + NTNU, headers={"Accept": "text/html,*/*;q=0.8", "Accept-Language": "en-GB"},
                      timeout=10)
    assert nb.status_code == en.status_code == 200
    assert '<html lang="nb">' in nb.text and "<h1>NTNU</h1>" in nb.text
    assert "<h2>Fakta</h2>" in nb.text and "<h2>Kilder</h2>" in nb.text and "<h2>Nevnt av</h2>" in nb.text
    assert "<h2>Facts</h2>" in en.text and "<h2>Sources</h2>" in en.text and "<h2>Referred to by</h2>" in en.text
    assert "<script" not in nb.text.lower() and "<script" not in en.text.lower()
    assert "default-src 'none'" in nb.headers["Content-Security-Policy"]
    assert "Vary" in nb.headers and "Accept-Language" in nb.headers["Vary"]


def test_the_page_shows_the_sources_quotes(endpoint, shared_store):
    quotes = [str(r[0]) for r in shared_store.select(
        "SELECT ?q WHERE { trd:ntnu ikg:citation ?c . ?c ikg:quote ?q }").rows]
    page = requests.get(endpoint + NTNU, headers={"Accept": "text/html"}, timeout=10).text
    assert quotes and all(f"<blockquote>{q.replace('&', '&amp;').replace('<', '&lt;')}" in page.replace("&#x27;", "'")
                          .replace("&quot;", '"') for q in quotes)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")
@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                         ("application/n-triples", "nt")])
def test_a_machine_gets_rdf_by_content_negotiation(endpoint, shared_store, accept, fmt):
    resp = requests.get(endpoint + NTNU, headers={"Accept": accept}, timeout=10)
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith(accept)
    got = Graph().parse(data=resp.text, format=fmt)
    ntnu = URIRef(TRD + "ntnu")
    assert set(got.triples((ntnu, None, None))) == set(shared_store.construct(
        "CONSTRUCT { trd:ntnu ?p ?o } WHERE { trd:ntnu ?p ?o }"))
    assert (ntnu, RDF.type, IKG.University) in got
    citations = set(got.objects(ntnu, IKG.citation))
    assert citations and all(set(got.objects(c, IKG.quote)) for c in citations)  # the sources come along


def test_format_parameter_and_unknown_iris(endpoint):
    turtle = requests.get(endpoint + NTNU + "?format=ttl", timeout=10)
    assert turtle.headers["Content-Type"].startswith("text/turtle")
    unknown = requests.get(endpoint + "/ikg/trondheim/no-such-thing", headers={"Accept-Language": "nb"}, timeout=10)
    assert unknown.status_code == 404
    assert "Grafen sier ingenting om https://w3id.org/ikg/trondheim/no-such-thing." in unknown.text
    elsewhere = requests.get(endpoint + "/etc/passwd", timeout=10)
    assert elsewhere.status_code == 404
    assert elsewhere.text.strip() == ("Nothing here: the SPARQL endpoint is /sparql, and the graph's IRIs are "
                                      "under /ikg/")
    refused = requests.get(endpoint + NTNU, headers={"Accept": "image/png"}, timeout=10)
    assert refused.status_code == 406


def test_labels_are_escaped():
    store = MemoryStore()
    evil = URIRef(TRD + "evil")
    label = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    store.apply(add=[(evil, RDFS.label, Literal(label, lang="en")), (evil, RDFS.comment, Literal("a & b <b>"))])
    server = make_server(store)
    serve_in_thread(server)
    try:
        page = requests.get(server.url + "/ikg/trondheim/evil", timeout=10).text
    finally:
        server.shutdown()
        server.server_close()
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "a &amp; b &lt;b&gt;" in page


@pytest.mark.browser
def test_the_page_in_a_real_browser_loads_nothing_from_elsewhere(endpoint):
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            context = browser.new_context(locale="nb-NO", viewport={"width": 1100, "height": 900})
            page = context.new_page()
            hosts: list[str] = []
            page.on("request", lambda r: hosts.append(urllib.parse.urlsplit(r.url).hostname or ""))
            page.goto(endpoint + NTNU)
            assert page.locator("h1").inner_text() == "NTNU"
            assert page.locator("h2").all_inner_texts()[:2] == ["Fakta", "Kilder"]
            page.screenshot(path=str(SHOTS / "iri-page-ntnu-nb.png"), full_page=False)
            page.get_by_role("link", name="English").click()
            assert page.locator("h2").first.inner_text() == "Facts"
            assert set(hosts) <= LOCAL_HOSTS
        finally:
            browser.close()


def test_the_front_page_names_the_endpoint_and_links_the_home_city(endpoint, shared_store):
    home = str(shared_store.select("SELECT ?h WHERE { ?d ikg:homeActor ?h }").rows[0][0])
    page = requests.get(endpoint + "/", headers={"Accept-Language": "nb"}, timeout=10)
    assert page.status_code == 200
    assert f"<code>{endpoint}/sparql</code>" in page.text
    path = home.removeprefix("https://w3id.org")
    assert f'<a href="{path}"><code>{path}</code></a>' in page.text
    assert requests.get(endpoint + path, timeout=10).status_code == 200


def test_the_ontology_terms_resolve_to_anchors_on_the_vocabulary_page(endpoint):
    page = requests.get(endpoint + "/ikg/ontology", headers={"Accept-Language": "en"}, timeout=10)
    assert page.status_code == 200
    assert '<tr id="University"><th>University or college<br><code>ikg:University</code></th>' in page.text
    ntnu = requests.get(endpoint + NTNU, headers={"Accept-Language": "en"}, timeout=10).text
    assert '<a href="/ikg/ontology#University">' in ntnu  # the type links to its term
    turtle = Graph().parse(data=requests.get(endpoint + "/ikg/ontology?format=ttl", timeout=10).text, format="turtle")
    assert (IKG.University, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in turtle
