"""Any SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB …) as a Store, over the SPARQL 1.1 protocol.

Reads go to the query endpoint, usually anonymous; writes go as SPARQL Update to the update endpoint
with HTTP digest (Virtuoso's /sparql-auth) or basic authentication. Credentials come only from the
environment, never from the command line. Every failure becomes one StoreError or InputError line.

>>> store = SparqlStore("http://127.0.0.1:8890/sparql", graph="urn:ikg")
>>> store.read_only, store.describe()
(True, 'sparql:http://127.0.0.1:8890/sparql graph <urn:ikg> (read-only)')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import requests
from rdflib import BNode, Graph, URIRef
from rdflib.term import Literal, Node
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from graph import config, i18n
from graph.errors import InputError, StoreError
from graph.rdf.ntriples import line_chunks
from graph.store.base import Progress, Rows, Store, TextRow, Triple, Triples, data_text, inject_values
from graph.store.oxigraph import from_ox_triple
from graph.vocab.namespaces import bind_prefixes

# Virtuoso 7.2's SPARQL parser runs out of stack near 5,000 triples in one DATA block, requests of
# 12,000 triples loaded fastest (about 25,000 triples/s), and requests near 100,000 failed.
BLOCK = 4_000  # triples per INSERT DATA / DELETE DATA block
CHUNK = 12_000  # triples per update request (one transaction)
READ_ONLY = "this store is read-only"
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
AUTHENTICATION: dict[str, type[HTTPDigestAuth] | type[HTTPBasicAuth]] = {
    "digest": HTTPDigestAuth, "basic": HTTPBasicAuth}
LIMIT = re.compile(r"\bLIMIT\s+(\d+)", re.IGNORECASE)


class SparqlStore(Store):
    """A remote SPARQL 1.1 endpoint; without an update URL it is read-only.

    `graph` names the graph holding our data: queries then send default-graph-uri=graph and updates
    write into GRAPH <graph>. None means the server's default graph (on Virtuoso that is the union of
    all graphs, system graphs included: always name a graph there).
    """

    kind = "sparql"
    chunk: int | None = None  # triples per update request (None: CHUNK); a larger change is not one transaction

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        graph: str | None = None,
        timeout: float = 60,
        auth: str = "digest",
    ) -> None:
        super().__init__()
        self.query_url = query_url
        self.update_url = update_url or None
        self.graph_iri = graph or None
        self.timeout = timeout
        self.read_only = self.update_url is None
        self.session = requests.Session()
        self.auth: AuthBase | None = None
        if user and password is not None:
            if auth not in AUTHENTICATION:
                raise StoreError.of("store.bad_auth", "en", value=auth)
            self.auth = AUTHENTICATION[auth](user, password)
        if self.graph_iri and any(c in self.graph_iri for c in '<>"{}|^`\\ \n'):
            raise StoreError.of("store.bad_graph", "en", value=self.graph_iri)

    @classmethod
    def from_env(cls, url: str, environ: Mapping[str, str] | None = None) -> SparqlStore:
        """The store at `url`, with IKG_UPDATE_URL, IKG_USER, IKG_PASSWORD, IKG_GRAPH, IKG_AUTH, IKG_TIMEOUT.

        >>> SparqlStore.from_env("http://localhost:3030/ds/sparql", {"IKG_GRAPH": "urn:x"}).graph_iri
        'urn:x'
        """
        def env(name: str) -> str:
            return config.env(name, environ)

        try:
            timeout = float(env("IKG_TIMEOUT") or 60)
        except ValueError:
            raise StoreError.of("store.bad_timeout", "en", value=env("IKG_TIMEOUT")) from None
        return cls(
            url,
            update_url=env("IKG_UPDATE_URL") or None,
            user=env("IKG_USER") or None,
            password=env("IKG_PASSWORD") or None,
            graph=env("IKG_GRAPH") or None,
            timeout=timeout,
            auth=(env("IKG_AUTH") or "digest").lower(),
        )

    def describe(self) -> str:
        where = f" graph <{self.graph_iri}>" if self.graph_iri else ""
        return f"sparql:{self.query_url}{where}{' (read-only)' if self.read_only else ''}"

    def close(self) -> None:
        self.session.close()

    # --- HTTP ------------------------------------------------------------------------------
    def _post(self, url: str, data: dict[str, str], accept: str | None = None,
              auth: AuthBase | None = None) -> requests.Response:
        headers = {"Accept": accept} if accept else {}
        try:
            return self.session.post(url, data=data, headers=headers, auth=auth, timeout=self.timeout)
        except requests.Timeout:
            raise StoreError.of("store.timeout", "en", url=url, seconds=f"{self.timeout:g}") from None
        except requests.RequestException as exc:
            raise UnreachableError(url, *_reason(exc)) from None

    def _query(self, query: str, bindings: Mapping[str, Node], accept: str) -> requests.Response:
        # One VALUES block per variable: the same solutions, and Virtuoso 7.2 fails to compile some
        # queries (SP031 "no SPART_VARR_FIXED") when one block binds several variables.
        for name, value in reversed(list(bindings.items())):
            query = inject_values(query, {name: value})
        data = {"query": query}
        if self.graph_iri:
            data["default-graph-uri"] = self.graph_iri
        resp = self._post(self.query_url, data, accept)
        if resp.status_code >= 400:
            line = _first_line(resp)
            if resp.status_code == 400:
                raise InputError.of("store.query_refused", "en", detail=line)
            raise StoreError.of("store.server_failed", "en", url=self.query_url, status=resp.status_code, detail=line)
        # Virtuoso's "anytime" queries return what they found so far when time runs out.
        if resp.headers.get("X-SQL-State"):
            raise StoreError(
                f"the SPARQL server stopped the query early and sent an incomplete answer "
                f"({resp.headers.get('X-SQL-Message', resp.headers['X-SQL-State']).strip()}); "
                "simplify the query or raise the server's MaxQueryExecutionTime"
            )
        return resp

    def _json(self, query: str, bindings: Mapping[str, Node]) -> dict[str, Any]:
        resp = self._query(query, bindings, RESULTS_JSON)
        try:
            doc: dict[str, Any] = resp.json()
            return doc
        except ValueError:
            raise StoreError(
                f"the SPARQL server at {self.query_url} did not answer with SPARQL JSON results "
                f"(it sent {resp.headers.get('Content-Type', 'no content type')}); check the query URL"
            ) from None

    # --- reading ---------------------------------------------------------------------------
    def _select(self, query: str, bindings: Mapping[str, Node]) -> Rows:
        names, rows = self._rows(query, bindings, lambda b, names: tuple(_term(b.get(v)) for v in names))
        return Rows(names, rows)

    def _select_text(self, query: str, bindings: Mapping[str, Node]) -> list[TextRow]:
        # the JSON results' values as they are: no rdflib term made for each (the network's big reads)
        return self._rows(query, bindings,
                          lambda b, names: tuple(str(b[v]["value"]) if v in b else None for v in names))[1]

    def _rows(self, query: str, bindings: Mapping[str, Node],
              row: Callable[[dict[str, Any], list[str]], tuple[Any, ...]]) -> tuple[list[str], list[Any]]:
        """A SELECT's variables and its rows, each made by `row` from one JSON results binding."""
        resp = self._query(query, bindings, RESULTS_JSON)
        try:
            doc = resp.json()
            names = list(doc["head"]["vars"])
            rows = [row(b, names) for b in doc["results"]["bindings"]]
        except (ValueError, KeyError, TypeError):
            raise StoreError(
                f"the SPARQL server at {self.query_url} sent an answer that is not SPARQL JSON results"
            ) from None
        _check_cut_off(resp, len(rows), query)
        return names, rows

    def _ask(self, query: str, bindings: Mapping[str, Node]) -> bool:
        doc = self._json(query, bindings)
        if "boolean" not in doc:
            raise InputError("this is not an ASK query")
        return bool(doc["boolean"])

    def _construct(self, query: str, bindings: Mapping[str, Node]) -> Graph:
        resp = self._query(query, bindings, N_TRIPLES)
        g: Graph = bind_prefixes(Graph())
        try:
            for t in ox.parse(resp.content, format=ox.RdfFormat.N_TRIPLES):
                g.add(from_ox_triple(t))
        except SyntaxError as exc:
            raise StoreError(f"the SPARQL server sent triples that cannot be read: {exc}") from None
        return g

    def present(self, triples: Triples) -> set[Triple]:
        """Which triples the server holds: one constant pattern per triple (Virtuoso 7.2 answers a
        multi-row VALUES over three variables wrongly when a row holds a language-tagged literal)."""
        named = [(s, p, o) for s, p, o in triples if not any(isinstance(term, BNode) for term in (s, p, o))]
        found: set[Triple] = set()
        for start in range(0, len(named), 100):
            part = named[start : start + 100]
            branches = " UNION ".join(
                f"{{ {s.n3()} {p.n3()} {o.n3()} . BIND({i} AS ?i) }}" for i, (s, p, o) in enumerate(part))
            rows = self.select(f"SELECT ?i WHERE {{ {branches} }}").rows
            found.update(part[int(str(r[0]))] for r in rows)
        return found

    def graph(self) -> Graph:
        """Everything in our graph. Virtuoso cuts a CONSTRUCT off at ResultSetMaxRows without saying so,
        so the triples are counted too; without a named graph a SELECT, which it does flag, is used."""
        if not self.graph_iri:
            g: Graph = bind_prefixes(Graph())
            for s, p, o in self.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows:
                if s is not None and p is not None and o is not None:
                    g.add((s, p, o))
            return g
        g = self.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        expected = self.count()
        if len(g) < expected:
            raise StoreError(
                f"the SPARQL server sent {len(g)} of the {expected} triples (its result limit); raise "
                "ResultSetMaxRows in the [SPARQL] section of virtuoso.ini and restart it"
            )
        return g

    # --- writing ---------------------------------------------------------------------------
    def _update(self, text: str) -> None:
        if self.read_only or self.update_url is None:
            raise StoreError(READ_ONLY)
        resp = self._post(self.update_url, {"update": text}, auth=self.auth)
        if resp.status_code in (401, 403) or (resp.status_code >= 500 and _refusal(resp)):
            raise StoreError(
                f"{READ_ONLY}: the server refused the update (HTTP {resp.status_code}); "
                "set IKG_UPDATE_URL, IKG_USER and IKG_PASSWORD"
            )
        if resp.status_code == 400:  # e.g. Virtuoso refuses "x"^^xsd:integer
            raise InputError(f"the SPARQL server refused the data: {_first_line(resp)}")
        if resp.status_code >= 400:
            raise StoreError(
                f"the SPARQL server at {self.update_url} refused the update "
                f"(HTTP {resp.status_code}): {_first_line(resp)}"
            )

    def _in_graph(self, triples: str) -> str:
        return f"GRAPH <{self.graph_iri}> {{ {triples} }}" if self.graph_iri else triples

    def _apply(self, add: Triples | None, remove: Triples | None) -> None:
        """Removals then additions, in one request when they fit (CHUNK triples): one transaction.

        Larger changes go in several requests, and those are not one transaction: a failure part-way
        leaves the earlier requests applied. Virtuoso applies one request all or nothing (a bad value in
        its second operation also undoes the first).
        """
        removed = list(remove) if remove is not None else []
        added = list(add) if add is not None else []
        if any(isinstance(t, BNode) for triple in removed for t in triple):
            raise InputError(
                "blank nodes cannot be removed on a SPARQL server (they have no name there); "
                "data loaded through ikg has none, since its blank nodes are given IRIs"
            )
        ops = [(len(b), self._data("DELETE", data_text(b))) for b in _blocks(removed, BLOCK)]
        ops += [(len(b), self._data("INSERT", data_text(b), _has_blank(b))) for b in _blocks(added, BLOCK)]
        request: list[str] = []
        size = 0
        for n, op in ops:
            if request and size + n > (self.chunk or CHUNK):
                self._update(" ;\n".join(request))
                request, size = [], 0
            request.append(op)
            size += n
        if request:
            self._update(" ;\n".join(request))

    def _data(self, verb: str, triples: str, blank: bool = False) -> str:
        # Virtuoso refuses blank nodes in INSERT DATA; INSERT … WHERE {} means the same everywhere.
        if blank:
            return f"INSERT {{ {self._in_graph(triples)} }} WHERE {{}}"
        return f"{verb} DATA {{ {self._in_graph(triples)} }}"

    def load(self, paths: Iterable[Path], progress: Progress | None = None, *, lang: str = "en") -> int:
        """N-Triples files go to the server in chunks of lines, unparsed; other formats are parsed here."""
        files = [Path(p) for p in paths]
        if self.read_only:
            raise StoreError(READ_ONLY)
        total = 0
        for path in files:
            if path.suffix.lower() != ".nt":
                total += super().load([path], progress, lang=lang)
                continue
            added = 0
            with self.writing():
                for first, lines in line_chunks(path, self.chunk or CHUNK, lang):
                    text = " ;\n".join(self._data("INSERT", "\n".join(b)) for b in _blocks(lines, BLOCK))
                    try:
                        self._update(text)
                    except InputError as exc:
                        raise InputError.of("load.lines_from", lang, path=path, first=first,
                                            detail=exc.text(lang)) from None
                    added += len(lines)
            total += added
            if progress:
                progress(path, added, 1.0)
        return total

    def _clear(self) -> None:
        self._update(f"CLEAR SILENT GRAPH <{self.graph_iri}>" if self.graph_iri else "CLEAR SILENT DEFAULT")


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _term(binding: dict[str, Any] | None) -> Node | None:
    """A SPARQL JSON results term as an rdflib term (Virtuoso still says "typed-literal")."""
    if binding is None:
        return None
    kind, value = binding["type"], str(binding["value"])
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = binding.get("xml:lang")
        if lang:
            return Literal(value, lang=lang)
        datatype = binding.get("datatype")
        if datatype and datatype != XSD_STRING:
            return Literal(value, datatype=URIRef(datatype))
        return Literal(value)
    raise StoreError(f"the SPARQL server sent a term of unknown type {kind!r}")


def _check_cut_off(resp: requests.Response, count: int, query: str) -> None:
    """Virtuoso silently stops at ResultSetMaxRows, but sends X-SPARQL-MaxRows when it may have."""
    limit = resp.headers.get("X-SPARQL-MaxRows")
    if not limit or not limit.strip().isdigit() or count < int(limit):
        return
    asked = [int(n) for n in LIMIT.findall(query)]
    if asked and max(asked) <= count:
        return  # the query itself asked for at most this many rows
    raise StoreError(
        f"the SPARQL server cut the answer off at {count} rows (its result limit); raise ResultSetMaxRows "
        "in the [SPARQL] section of virtuoso.ini and restart it, or narrow the query"
    )


class UnreachableError(StoreError):
    """The SPARQL server cannot be reached; `text(lang)` says so, and why (store.reason.*), in `lang`."""

    def __init__(self, url: str, reason: str, detail: str = "") -> None:
        super().__init__("", key="store.unreachable", url=url, reason=reason, detail=detail)
        self.args = (self.text("en"),)

    def __reduce__(self) -> tuple[type[UnreachableError], tuple[str, str, str]]:  # pickled as it was made
        return UnreachableError, (self.params["url"], self.params["reason"], self.params["detail"])

    def text(self, lang: str) -> str:
        reason = i18n.t(self.params["reason"], lang, detail=self.params["detail"])
        return i18n.t("store.unreachable", lang, url=self.params["url"], reason=reason)


_REASONS = {"connection refused": "refused", "name or service not known": "unknown_host", "no route to host":
            "no_route", "temporary failure in name resolution": "unknown_host", "network is unreachable": "no_route"}


def _reason(exc: requests.RequestException) -> tuple[str, str]:
    """Why a request failed: a store.reason.* key, and urllib3's own words ('connection refused' …)."""
    m = re.search(r"\[Errno -?\d+\] ([^'\")]+)", str(exc))
    if m:
        return "store.reason." + _REASONS.get(m.group(1).strip().lower(), "other"), m.group(1).strip().lower()
    if isinstance(exc, requests.exceptions.SSLError):
        return "store.reason.tls", ""
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return "store.reason.bad_url", ""
    return "store.reason.other", type(exc).__name__


def _first_line(resp: requests.Response) -> str:
    text = re.sub(r"<[^>]+>", " ", resp.text or "")
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:300]
    return resp.reason or "no message"


def _refusal(resp: requests.Response) -> bool:
    """Virtuoso answers an update by a user without SPARQL_UPDATE with HTTP 500 and SR186:SECURITY."""
    return bool(re.search(r"SECURITY|permission", resp.text or "", re.IGNORECASE))


def _blocks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _has_blank(triples: Triples) -> bool:
    return any(isinstance(t, BNode) for triple in triples for t in triple)
