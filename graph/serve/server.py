"""`ikg serve`: one small HTTP server (the standard library's ThreadingHTTPServer) for other tools and
people: `/sparql` is the read-only SPARQL 1.1 Protocol endpoint, `/ikg/…` the pages of the graph's
IRIs, `/` a short page saying both. It never writes; it listens on 127.0.0.1 unless told otherwise,
and sends no CORS headers unless an origin is configured.
"""

from __future__ import annotations

import errno
import html
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import IO, Any
from urllib.parse import parse_qs, urlsplit

from graph import config
from graph.errors import IkgError, InputError
from graph.i18n import t
from graph.questions.isolated import Limits
from graph.serve.endpoint import Answer, EndpointError, answer_query, query_of
from graph.serve.pages import STYLE, page_language, path_of, resolve
from graph.store import folder_of
from graph.store.base import Store

SECURITY_HEADERS = (
    ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
)


class GraphServer(ThreadingHTTPServer):
    """The HTTP server, holding the store, the query limits and the allowed CORS origins."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: Store, limits: Limits, cors: list[str]) -> None:
        super().__init__(address, Handler)
        self.store = store
        self.query_store = store.with_timeout(limits.seconds) if hasattr(store, "with_timeout") else store
        self.limits = limits
        self.cors = list(cors)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


class Handler(BaseHTTPRequestHandler):
    server: GraphServer
    server_version = "ikg"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the standard library's name
        pass  # no access log on the terminal: the answers' status tells the client

    # --- routing -------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        self._handle("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle("GET", head=True)

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_OPTIONS(self) -> None:  # noqa: N802
        origin = self._allowed_origin()
        headers = [("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                   ("Access-Control-Allow-Headers", "Content-Type, Accept"), ("Access-Control-Max-Age", "600")]
        self._send(Answer(204 if origin else 403, "text/plain; charset=utf-8", b"", tuple(headers) if origin else ()))

    def do_PUT(self) -> None:  # noqa: N802
        self._refuse_write()

    def do_DELETE(self) -> None:  # noqa: N802
        self._refuse_write()

    def do_PATCH(self) -> None:  # noqa: N802
        self._refuse_write()

    def _handle(self, method: str, head: bool = False) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        lang = page_language(self.headers.get("Accept-Language", ""), params.get("lang", [""])[0])
        try:
            answer = self._answer(method, url.path, url.query, params, lang)
        except EndpointError as exc:
            answer = Answer(exc.status, "text/plain; charset=utf-8", (str(exc) + "\n").encode("utf-8"))
        except IkgError as exc:
            answer = Answer(400, "text/plain; charset=utf-8", (exc.text(lang) + "\n").encode("utf-8"))
        except Exception as exc:  # noqa: BLE001 - one line for the client, the detail on our terminal
            print(f"ikg serve: {self.command} {url.path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            answer = Answer(500, "text/plain; charset=utf-8", (t("serve.internal", lang) + "\n").encode("utf-8"))
        self._send(answer, head=head)

    def _answer(self, method: str, path: str, query: str, params: dict[str, list[str]], lang: str) -> Answer:
        accept = self.headers.get("Accept", "*/*")
        if path == "/sparql":
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(min(length, 1 << 20)) if method == "POST" else b""
            text, wanted = query_of(method, self.headers.get("Content-Type", ""), body, query, lang)
            return answer_query(self.server.query_store, text, accept, wanted, self.server.limits, lang)
        if method == "POST":
            return _write_refused(lang)
        if path == "/":
            return Answer(200, "text/html; charset=utf-8", home_page(self.server.store, self.server.url, lang))
        found = resolve(self.server.store, path, accept, self.headers.get("Accept-Language", ""),
                        params.get("format", [""])[0], params.get("lang", [""])[0])
        if found is not None:
            return found
        return Answer(404, "text/plain; charset=utf-8", (t("serve.not_found", lang) + "\n").encode("utf-8"))

    # --- answering ----------------------------------------------------------------------------
    def _refuse_write(self) -> None:
        self._send(_write_refused(page_language(self.headers.get("Accept-Language", ""))))

    def _allowed_origin(self) -> str | None:
        origin = self.headers.get("Origin")
        if not origin or not self.server.cors:
            return None
        if "*" in self.server.cors:
            return "*"
        return origin if origin in self.server.cors else None

    def _send(self, answer: Answer, head: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in (*SECURITY_HEADERS, *answer.headers):
            self.send_header(name, value)
        origin = self._allowed_origin()
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
        self.end_headers()
        if not head:
            self.wfile.write(answer.body)



def _write_refused(lang: str) -> Answer:
    return Answer(405, "text/plain; charset=utf-8", (t("endpoint.no_updates", lang) + "\n").encode("utf-8"),
                  (("Allow", "GET, HEAD, POST, OPTIONS"),))


def home_page(store: Store, url: str, lang: str) -> bytes:
    """The page at /: where the endpoint is, and the page of the home city as an example."""
    example = f"{url}/sparql?query=" + "ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"
    homes = [path_of(str(row[0])) for row in store.select("SELECT ?h WHERE { ?d ikg:homeActor ?h }").rows]
    home = next((path for path in homes if path), None)
    body = (f"<h1>{html.escape(t('serve.home_title', lang))}</h1>"
            f"<p>{html.escape(t('serve.home_sparql', lang))}: <code>{html.escape(url)}/sparql</code> "
            f"(<a href=\"{html.escape(example)}\">ASK</a>)</p>")
    if home:
        body += (f"<p>{html.escape(t('serve.home_pages', lang))}: "
                 f"<a href=\"{html.escape(home)}\"><code>{html.escape(home)}</code></a></p>")
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>'
            f"{html.escape(t('serve.home_title', lang))}</title><style>{STYLE}</style></head><body>{body}"
            "</body></html>\n").encode()


def make_server(store: Store, host: str = "127.0.0.1", port: int = 0, cors: list[str] | None = None,
                limits: Limits | None = None) -> GraphServer:
    """The server, bound (port 0: a free one) but not yet serving: call serve_forever() in a thread."""
    return GraphServer((host, port), store, limits or Limits.from_settings(), cors or [])


def serve_in_thread(server: GraphServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def serve_forever(store_setting: str | None, host: str, port: int, cors: list[str], lang: str,
                  out: IO[str]) -> int:
    """`ikg serve`: on a store folder, share it through Oxigraph's server first (so the app and ikg
    commands keep working), and stop that server again on the way out if it was started here."""
    from graph.history.shipped import open_store
    from graph.store import shared

    setting = config.store_setting(store_setting)
    folder = folder_of(setting)
    started = False
    if folder is not None:
        _, started = shared.start(folder)
    try:
        store = open_store(str(folder) if folder else setting)
        try:
            server = make_server(store, host, port, cors)
        except OSError as exc:  # said in the user's words, not the system's English
            key = "serve.port_in_use" if exc.errno == errno.EADDRINUSE else "serve.cannot_listen"
            raise InputError.of(key, lang, host=host, port=port) from None
        print(t("serve.listening", lang, url=server.url, store=store.describe()), file=out, flush=True)
        if host not in ("127.0.0.1", "localhost", "::1"):
            print(t("serve.open_to_network", lang, host=host), file=out, flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    finally:
        if started and folder is not None:
            shared.stop(folder)
    return 0
