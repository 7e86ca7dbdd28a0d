"""The SPARQL page as a reader sees it: an example's answer in the page's language, the example picker only while
the text is the example's, and each refusal as one sentence in the page's language with the engine's own words
in the expander (AppTest on the small fixture; the time limit and a SPARQL server's refusal through the console
and the page's `explain`, on a memory store and a local stand-in for a server)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import graph.questions.console as console
from graph.errors import IkgError
from graph.history.shipped import open_store
from graph.i18n import t
from graph.store.sparql import SparqlStore
from graph.ui.pages.sparql import explain
from graph.vocab.collate import name_key
from tests.ui.test_app import plain, problems, shared_env, start, table  # noqa: F401 (shared_env: a fixture)

ENGLISH_CODES = {"target area", "SDG", "network", "project"}


def run_example(lang: str, name: str):
    at = start(lang, "sparql")
    at.selectbox(key=f"sparql_example.{lang}").set_value(name).run()
    at.button(key="sparql_run").click().run()
    assert problems(at) == [] and [e.value for e in at.error] == []
    return at


@pytest.mark.usefixtures("shared_env")
def test_an_example_answer_in_bokmal_has_the_questions_words_not_its_english_codes():
    at = run_example("nb", "coverage-matrix")
    df = table(at, "slag")
    assert set(df["slag"]) == {"nettverk", "prosjekt"}
    assert set(df["dimensjon"]) == {"målområde", "bærekraftsmål"}
    assert not ENGLISH_CODES & {value for column in df.columns for value in df[column]}
    assert t("sparql.in_words", "nb") in [c.value for c in at.caption]


@pytest.mark.usefixtures("shared_env")
def test_an_example_answer_in_english_keeps_the_codes_which_read_as_words():
    at = run_example("en", "coverage-matrix")
    assert set(table(at, "kind")["kind"]) == {"network", "project"}
    assert t("sparql.in_words", "en") not in [c.value for c in at.caption]


@pytest.mark.usefixtures("shared_env")
def test_a_query_of_ones_own_shows_the_values_as_they_are():
    at = start("nb", "sparql")
    at.text_area(key="sparql_text").input('SELECT ?kind WHERE { BIND("project" AS ?kind) }')
    at.button(key="sparql_run").click().run()
    assert table(at, "slag")["slag"].tolist() == ["project"]
    assert t("sparql.in_words", "nb") not in [c.value for c in at.caption]


@pytest.mark.usefixtures("shared_env")
def test_the_examples_are_named_by_what_they_ask_in_the_language():
    """In bokmål the examples began with English code names ("coverage-matrix — Hvilke …"); now each is what it asks
    in the page's language, in that language's order, with its name for `ikg query` after it."""
    for lang, first in (("nb", "Hva "), ("en", "What ")):
        options = start(lang, "sparql").selectbox(key=f"sparql_example.{lang}").options[1:]
        assert len(options) == 20 and all(o.endswith(")") and not o.startswith(("coverage", "changes"))
                                          for o in options)
        assert any(o.startswith(first) for o in options)
        texts = [o.rsplit(" (", 1)[0] for o in options]
        assert texts == sorted(texts, key=lambda x: name_key(x, lang))
    matrix = next(o for o in options if o.endswith(" (coverage-matrix)"))  # the last language's: English
    assert matrix.startswith("Which networks and projects")


@pytest.mark.usefixtures("shared_env")
def test_the_example_is_shown_only_while_the_text_is_the_examples():
    at = start("nb", "sparql")
    picker = "sparql_example.nb"
    at.selectbox(key=picker).set_value("coverage-matrix").run()
    description = next(c.value for c in at.caption if c.value.startswith("Hvilke nettverk og prosjekter"))
    at.text_area(key="sparql_text").input('SELECT ?kind WHERE { BIND("project" AS ?kind) }').run()
    assert at.selectbox(key=picker).value == ""
    assert description not in [c.value for c in at.caption]
    at.button(key="sparql_run").click().run()
    assert table(at, "slag")["slag"].tolist() == ["project"]  # the text's own answer, not the example's words
    at.selectbox(key=picker).set_value("coverage-matrix").run()  # picked again: the example and its caption
    assert description in [c.value for c in at.caption]
    assert 'BIND("target area" AS ?dimension)' in at.text_area(key="sparql_text").value


@pytest.mark.usefixtures("shared_env")
@pytest.mark.parametrize(
    "lang, query, message, detail",
    [
        ("nb", "SELECT ?s WHERE { ?s ?p }",
         "Feil i spørringen ved linje 1, kolonne 19: sjekk skrivemåten rett før dette stedet (parenteser, punktum, "
         "stavemåten av nøkkelord).", "Expected SelectQuery"),
        ("en", "SELECT ?s WHERE { ?s ?p }",
         "Error in the query at line 1, column 19: check the writing just before this place (brackets, full stops, "
         "the spelling of keywords).", "Expected SelectQuery"),
        ("nb", "SELECT ?s WHERE { ?s a foo:Nothing }",
         "Feil i spørringen ved linje 1, kolonne 35: prefikset «foo:» er ikke definert; legg til linjen PREFIX foo: "
         "<…> øverst.", "Prefix not found"),
        ("nb", "INSERT DATA { <a:b> <a:c> <a:d> }",
         "Dette er en endring; bare SELECT-, ASK-, CONSTRUCT- og DESCRIBE-spørringer kan kjøres her.", None),
        ("en", "INSERT DATA { <a:b> <a:c> <a:d> }",
         "This is an update; only SELECT, ASK, CONSTRUCT and DESCRIBE queries may run here.", None),
    ],
)
def test_a_refusal_is_one_sentence_in_the_pages_language_and_the_engines_words_are_in_the_expander(
        lang, query, message, detail):
    at = start(lang, "sparql")
    at.text_area(key="sparql_text").input(query)
    at.button(key="sparql_run").click().run()
    assert [plain(e.value) for e in at.error] == [message]
    shown = [e.label for e in at.expander]
    if detail is None:
        assert t("sparql.engine_detail", lang) not in shown
    else:
        assert t("sparql.engine_detail", lang) in shown
        assert [c.value for c in at.code if detail in c.value]
        assert detail not in message
    assert len(at.dataframe) == 0  # no answer below the refusal


def refusal_of(store, query: str, lang: str, seconds: float = 10) -> tuple[str, str | None]:
    with pytest.raises(IkgError) as caught:
        console.run_console(store, query, time_limit_s=seconds, lang=lang)
    return explain(caught.value, lang)


def test_a_query_stopped_at_the_time_limit_is_told_as_a_sentence():
    store = open_store("memory")
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    assert refusal_of(store, runaway, "nb", 1) == (
        "Spørringen tok mer enn 1 s og ble stoppet; avgrens den eller legg til LIMIT.", None)
    assert refusal_of(store, runaway, "en", 1) == (
        "The query took longer than 1 s and was stopped; narrow it down or add LIMIT.", None)


def test_an_unknown_prefix_on_the_memory_store_is_said_once():
    message, detail = refusal_of(open_store("memory"), "SELECT ?s WHERE { ?s a foo:Nothing }", "nb")
    assert message == "Feil i spørringen: prefikset «foo:» er ikke definert; legg til linjen PREFIX foo: <…> øverst."
    assert detail == "Unknown namespace prefix : foo"


VIRTUOSO_SAYS = "Virtuoso 37000 Error SP030: SPARQL compiler, line 3: syntax error at 'WHERE'"


@pytest.fixture
def refusing_server():
    """A stand-in for a SPARQL server that refuses every query as Virtuoso does (HTTP 400, its message)."""

    class Refusing(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the name http.server calls
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            body = (VIRTUOSO_SAYS + "\n\nSPARQL query:\n...").encode()
            self.send_response(400)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("lang, message", [
    ("nb", "SPARQL-serveren avviste spørringen; serverens egen melding står under."),
    ("en", "The SPARQL server refused the query; its own message is below."),
])
def test_a_sparql_servers_refusal_is_said_in_the_pages_language_with_its_words_below(refusing_server, lang, message):
    store = SparqlStore(refusing_server, timeout=5)
    assert refusal_of(store, "SELECT ?s WHERE { ?s ?p ?o }", lang) == (message, VIRTUOSO_SAYS)


@pytest.mark.usefixtures("shared_env")
@pytest.mark.parametrize("lang, said, member, source, members", [
    ("nb", "# Eksempel: ?network er «Nettverk A» (VALUES nedenfor); bytt IRI-en for å spørre om noe annet.",
     "medlem", "kilder", ["Hjemby kommune", "Universitetet"]),
    ("en", "# Example: ?network is “Network A” (VALUES below); change the IRI to ask about another one.",
     "member", "sources", ["Hometown Municipality", "The University"]),
])
def test_the_members_example_asks_about_one_network_it_names_and_its_sources_have_no_empty_parts(
        lang, said, member, source, members):
    """Run as loaded, the example left ?network unbound: every network's members in rows that did not say of
    which network, and sources ending in "; ; " (the named question tidies its `# Lists:` columns)."""
    at = run_example(lang, "members")
    assert said in at.text_area(key="sparql_text").value.splitlines()
    df = table(at, member)
    assert list(df[member]) == members  # Network A's; Network B's Hometown membership is not among them
    assert all(cell and not cell.endswith(";") and "; ;" not in cell and not cell.startswith(";")
               for cell in df[source])


@pytest.mark.usefixtures("shared_env")
@pytest.mark.parametrize("lang, one, two", [("nb", "1 rad", "2 rader"), ("en", "1 row", "2 rows")])
def test_a_single_row_is_counted_in_the_singular(lang, one, two):
    at = start(lang, "sparql")
    for query, count in (('SELECT ?x WHERE { BIND("a" AS ?x) }', one),
                         ('SELECT ?x WHERE { VALUES ?x { "a" "b" } }', two)):
        at.text_area(key="sparql_text").input(query)
        at.button(key="sparql_run").click().run()
        assert count in [x.value for x in at.text]


@pytest.mark.usefixtures("shared_env")
@pytest.mark.parametrize("lang, title", [
    ("nb", "Hvilke målområder tjenes av færrest nettverk og prosjekter (høyst 2 til sammen)?"),
    ("en", "Which target areas are served by the fewest networks and projects (at most 2 together)?"),
])
def test_an_examples_title_writes_its_parameters_default_not_its_name(lang, title):
    at = start(lang, "sparql")
    options = at.selectbox(key=f"sparql_example.{lang}").options
    assert f"{title} (thin-target-areas)" in options and not [o for o in options if "`" in o]
    at.selectbox(key=f"sparql_example.{lang}").set_value("thin-target-areas").run()
    assert title in [c.value for c in at.caption]
