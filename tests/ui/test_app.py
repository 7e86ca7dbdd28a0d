"""The Streamlit app, driven by streamlit.testing.v1.AppTest on a throw-away store of the small fixture."""

from __future__ import annotations

import datetime as dt
import gc
import re
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import graph.edit.auth as auth
from graph.edit import login_pass
from graph.i18n import TEXT, t
from graph.ui.login import cookie_script
from tests.conftest import FIXTURE
from tests.support import ROOT
from tests.ui.navigation import SCRIPTS, goto, menu

APP = str(ROOT / "app.py")
PAGES = ["network", "collaborators", "gaps", "review", "map", "timeline", "sparql", "history", "about"]
EX = "https://example.org/ikg/"


def reset_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()
    gc.collect()  # closes the Oxigraph store of the previous test, releasing its folder


def use_data(monkeypatch, tmp_path: Path, *files: tuple[str, str | Path]) -> Path:
    """Point the app at a fresh data folder and a fresh Oxigraph folder."""
    data = tmp_path / "data"
    data.mkdir()
    for name, source in files:
        if isinstance(source, Path):
            shutil.copy(source, data / name)
        else:
            (data / name).write_text(source, encoding="utf-8")
    monkeypatch.setenv("IKG_DATA", str(data))
    monkeypatch.setenv("IKG_STORE", str(tmp_path / "store"))
    monkeypatch.delenv("IKG_DEBUG", raising=False)
    reset_caches()
    return data


@pytest.fixture(scope="module")
def shared_env(tmp_path_factory):
    """One store for the read-only tests of this module."""
    tmp = tmp_path_factory.mktemp("app")
    with pytest.MonkeyPatch.context() as mp:
        use_data(mp, tmp, ("small.ttl", FIXTURE))
        yield tmp
    reset_caches()


@pytest.fixture
def fresh_env(tmp_path, monkeypatch):
    use_data(monkeypatch, tmp_path, ("small.ttl", FIXTURE))
    yield tmp_path
    reset_caches()


EDITOR_PASSWORD = "correct horse battery staple"
EDITOR_HASH = auth.hash_password(EDITOR_PASSWORD, salt=b"0123456789abcdef")


def start(lang: str = "en", page: str = "network", editor: str | None = "Kari Nordmann") -> AppTest:
    """The app in `lang` on `page`; with an editor password configured and, unless editor=None, logged in."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["ikg"] = {"editor_password_hash": EDITOR_HASH}
    if editor:
        at.session_state["ikg_editor"] = editor
    at.run()
    assert not at.exception, at.exception
    if at.sidebar.radio(key="lang").value != lang:
        at.sidebar.radio(key="lang").set_value(lang).run()
    if page != "network":
        goto(at, page)
    return at


def table(at: AppTest, column: str):
    """The first table on the page with this column heading (AppTest does not expose dataframe keys)."""
    for df in [*at.dataframe, *at.table]:
        if column in df.value.columns:
            return df.value
    raise AssertionError(f"no table with a column {column!r}: {[list(d.value.columns) for d in at.dataframe]}")


def plain(markdown: str) -> str:
    """Markdown as the reader sees it (the app escapes data in messages)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def texts(at: AppTest) -> list[str]:
    return [e.value for e in at.text]


def problems(at: AppTest) -> list[str]:
    unexpected = (t("app.unexpected", "en", detail="")[:20], t("app.unexpected", "nb", detail="")[:20])
    return [e.value for e in at.error if e.value.startswith(unexpected)] + [str(e) for e in at.exception]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_both_languages(shared_env, page, lang):
    at = start(lang, page)
    assert problems(at) == []
    assert at.header[0].value == t(f"{'collab' if page == 'collaborators' else page}.title", lang)


def test_language_switch_changes_headings_and_labels(shared_env):
    at = start("nb", "review")
    assert at.header[0].value == "Gjennomgang av medlemskap og vennskapsbyavtaler"
    assert menu().heading == "Sider"
    assert at.button(key="review_save").label == "Lagre vurderingen"
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.header[0].value == "Review of memberships and twin-city agreements"
    assert menu().heading == "Pages"
    assert menu().page == "Membership review"  # the page stays when the language changes
    assert at.button(key="review_save").label == "Save the assessment"
    # data labels follow the language too
    assert "Hometown–Farcity (agreement)" in at.selectbox(key="review_item.en").options
    at.sidebar.radio(key="lang").set_value("nb").run()
    assert "Hjemby–Fjernby (avtale)" in at.selectbox(key="review_item.nb").options


def test_the_language_is_kept_in_the_address(shared_env):
    """A reload starts a new session: the language comes back from the address, ?lang=en."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"  # a reload in English, or a link copied from it
    at.run()
    assert at.sidebar.radio(key="lang").value == "en"
    assert at.header[0].value == t("network.title", "en") and menu().heading == "Pages"
    at.sidebar.multiselect(key="net_areas.en").set_value(["3"]).run()  # the network's own parameters too
    assert dict(at.query_params) == {"lang": "en", "ta": "3"}
    goto(at, "gaps")
    assert at.header[0].value == t("gaps.title", "en") and at.query_params["lang"] == "en"
    at.sidebar.radio(key="lang").set_value("nb").run()  # bokmål, the default, leaves the address clean
    assert at.header[0].value == t("gaps.title", "nb") and "lang" not in at.query_params
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "xx"  # no such language: bokmål, and the parameter is dropped
    at.run()
    assert at.header[0].value == t("network.title", "nb") and "lang" not in at.query_params


def test_i18n_has_the_same_keys_in_both_languages():
    assert set(TEXT["nb"]) == set(TEXT["en"])
    for key in TEXT["en"]:
        assert TEXT["nb"][key].count("{") == TEXT["en"][key].count("{"), key


def test_network_filters_change_the_node_count(shared_env):
    at = start("en", "network")
    assert texts(at)[0] == "Showing 13 of 13 nodes"
    at.sidebar.multiselect(key="net_kinds.en").set_value(["actors", "networks"]).run()
    assert texts(at)[0] == "Showing 4 of 4 nodes (13 in the whole network)"
    at.sidebar.multiselect(key="net_kinds.en").set_value(["actors", "networks", "projects", "agreements", "activities",
                                                       "working groups"]).run()
    at.sidebar.toggle(key="net_use_year").set_value(True).run()
    at.sidebar.slider(key="net_year").set_value(2000).run()  # before the projects, memberships and delegation
    assert texts(at)[0] == "Showing 10 of 10 nodes (13 in the whole network)"
    at.sidebar.multiselect(key="net_areas.en").set_value(["3"]).run()  # Research: Project X only
    assert problems(at) == []
    at.sidebar.radio(key="lang").set_value("nb").run()
    assert texts(at)[0] == "Viser 0 av 0 noder (13 i hele nettverket)"  # Project X starts after 2000
    assert at.sidebar.multiselect(key="net_areas.nb").value == ["3"]  # filters survive the language switch


def test_network_focus_shows_the_details_panel(shared_env):
    at = start("en", "network")
    at.selectbox(key="net_focus.en").set_value(EX + "uni").run()
    assert texts(at)[0] == "Showing 6 of 6 nodes (13 in the whole network)"
    assert at.main.subheader[-1].value == "The University"
    assert table(at, "collaborator")["collaborator"].tolist() == ["Hometown Municipality", "Innovation Agency"]
    assert table(at, "quote")["quote"].tolist() == ["Universitetet"]
    # facts and ties as lines that fit the narrow panel; the ties with their sources in a table beneath
    written = [plain(m.value) for m in at.main.markdown]
    assert "- Other names: UNI; Universitetet\n- Kind: University or college\n- Place: Hometown Municipality" in written
    assert "member of (2):\n- Network A · Board member, 2016–2019, Active\n- Network B · Member, Active" in written
    assert "takes part in (1):\n- Trade group" in written
    assert table(at, "relation").iloc[0].tolist() == [
        "Network A", "member of", "Board member", "2016–2019", "Active", "Plan 2020 §2"]
    at.radio(key="net_depth").set_value(2).run()
    assert texts(at)[0] == "Showing 13 of 13 nodes"  # two actor steps reach every node of the fixture


def test_the_network_page_focuses_on_a_network_too(shared_env):
    """Who collaborates through a network: the search offered actors only, so a network could be reached only by
    finding it in the drawing and clicking it. Networks and working groups are in the search now, with their kind."""
    at = start("en", "network")
    focus = at.selectbox(key="net_focus.en")
    assert focus.label == "Search an actor or a network to focus on"
    assert {"Network A (network)", "Network B (network)", "Trade group (working group)", "The University"} <= set(
        focus.options)
    focus.set_value(EX + "net-a").run()
    assert problems(at) == [] and at.main.subheader[-1].value == "Network A"
    assert texts(at)[0] == "Showing 9 of 9 nodes (13 in the whole network)"
    assert "member (2):\n- Hometown Municipality · Member, 2015–, Active\n- The University · Board member, " \
           "2016–2019, Active" in [plain(m.value) for m in at.main.markdown]
    at.sidebar.radio(key="lang").set_value("nb").run()
    focus = at.selectbox(key="net_focus.nb")
    assert focus.value == EX + "net-a" and at.main.subheader[-1].value == "Nettverk A"
    assert "Nettverk A (nettverk)" in focus.options


def test_the_collaborators_page_keeps_its_actor_in_the_address(shared_env):
    """A link to the Collaborators page opened on the home actor whatever was chosen; now ?actor=uni opens on The
    University, in either language, and an unknown one on the home actor."""
    at = start("en", "collaborators")
    at.selectbox(key="collab_actor.en").set_value(EX + "uni").run()
    assert dict(at.query_params) == {"lang": "en", "actor": "uni"}
    assert texts(at)[0] == "4 links for The University"
    at.selectbox(key="collab_actor.en").set_value(EX + "hometown").run()
    assert dict(at.query_params) == {"lang": "en"}
    for lang, query, shown in (("nb", "uni", EX + "uni"), ("en", "uni", EX + "uni"), ("en", "nobody", EX + "hometown")):
        at = AppTest.from_file(APP, default_timeout=60)  # the link opened in a new tab
        at.query_params.update({"actor": query, **({"lang": "en"} if lang == "en" else {})})
        goto(at, "collaborators")
        assert problems(at) == [] and at.selectbox(key=f"collab_actor.{lang}").value == shown


XSS = "<img src=x onerror=alert(1)>"
XSS_DATA = f"""@prefix ikg: <https://w3id.org/ikg/ontology#> .
@prefix ex: <https://example.org/ikg/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:evil a ikg:Company ; rdfs:label "{XSS}"@en , "{XSS}"@nb ;
    ikg:citation [ ikg:section ex:doc-plan-s1 ; ikg:quote "*not emphasis* [link](javascript:alert(1))" ;
                   ikg:evidence ikg:stated ] .
ex:wg-trade ikg:participant ex:evil .
"""


def test_labels_are_text_everywhere(tmp_path, monkeypatch):
    use_data(monkeypatch, tmp_path, ("small.ttl", FIXTURE), ("xss.ttl", XSS_DATA))
    at = start("en", "network")
    at.selectbox(key="net_focus.en").set_value(EX + "evil").run()
    assert problems(at) == []
    # the heading is Markdown with every special character escaped, so it shows these characters
    assert at.main.subheader[-1].value == "\\<img src=x onerror=alert(1)\\>"
    assert table(at, "quote")["quote"].tolist() == ["*not emphasis* [link](javascript:alert(1))"]
    goto(at, "collaborators")
    at.selectbox(key="collab_actor.en").set_value(EX + "agency").run()
    assert XSS in table(at, "collaborator")["collaborator"].tolist()
    assert all("unsafe" not in str(m.proto) for m in at.markdown)
    reset_caches()


def test_collaborators_opens_on_the_home_actor(shared_env):
    at = start("en", "collaborators")
    assert at.selectbox(key="collab_actor.en").value == EX + "hometown"
    assert any(text.endswith("links for Hometown Municipality") for text in texts(at))


AARDVARK = """@prefix ikg: <https://w3id.org/ikg/ontology#> .
@prefix ex: <https://example.org/ikg/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:aardvark a ikg:Company ; rdfs:label "Aardvark AS"@nb , "Aardvark Ltd"@en ;
    ikg:citation [ ikg:section ex:doc-old-s1 ; ikg:quote "Ensom AS" ; ikg:evidence ikg:stated ] .
"""


def test_the_chains_open_on_the_home_city_and_its_first_collaborator(tmp_path, monkeypatch):
    """Not on the actor whose name sorts first, which may have no chain to show (Aardvark Ltd has no ties)."""
    use_data(monkeypatch, tmp_path, ("small.ttl", FIXTURE), ("aardvark.ttl", AARDVARK))
    try:
        at = start("en", "collaborators")
        first = table(at, "collaborator")["collaborator"].tolist()[0]
        pick = at.selectbox(key="chain_to.en")
        assert at.selectbox(key="chain_from.en").value == EX + "hometown" and pick.format_func(pick.value) == first
        assert not any(plain(i.value).startswith("No chain") for i in at.info)
        assert any(text.startswith("Hometown Municipality —[") for text in texts(at))
    finally:
        reset_caches()


def test_the_chain_follows_the_actor_chosen_and_keeps_ends_a_reader_chose(shared_env):
    """«From actor» stayed on the first actor shown whichever actor was chosen above it."""
    at = start("en", "collaborators")
    at.selectbox(key="collab_actor.en").set_value(EX + "uni").run()
    assert (at.selectbox(key="chain_from.en").value, at.selectbox(key="chain_to.en").value) == (
        EX + "uni", EX + "hometown")  # from the actor, to its first collaborator
    at.selectbox(key="chain_to.en").set_value(EX + "farcity").run()
    at.number_input(key="chain_max").set_value(4).run()
    assert (at.selectbox(key="chain_from.en").value, at.selectbox(key="chain_to.en").value) == (
        EX + "uni", EX + "farcity")
    at.selectbox(key="collab_actor.en").set_value(EX + "agency").run()
    assert at.selectbox(key="chain_from.en").value == EX + "agency"
    assert any(text.startswith("Innovation Agency —[") for text in texts(at))


def test_collaborators_and_chains(shared_env):
    at = start("en", "collaborators")
    at.selectbox(key="collab_actor.en").set_value(EX + "uni").run()
    assert "4 links for The University" in texts(at)
    df = table(at, "collaborator")
    assert list(df.columns) == ["collaborator", "through", "kind", "sources"]
    assert df.values.tolist() == [
        ["Hometown Municipality", "Network A", "Network", "Plan 2020 §2"],
        ["Hometown Municipality", "Network B", "Network", "Programme 2010 §1"],
        ["Hometown Municipality", "Trade group", "Working group", "Programme 2010 §1"],
        ["Innovation Agency", "Trade group", "Working group", "Programme 2010 §1"],
    ]
    at.selectbox(key="chain_from.en").set_value(EX + "agency").run()
    at.selectbox(key="chain_to.en").set_value(EX + "farcity").run()
    assert "Innovation Agency —[Trade group (Working group)]→ Hometown Municipality —[Hometown–Farcity" in "\n".join(
        texts(at)
    )
    at.number_input(key="chain_max").set_value(1).run()
    assert any(plain(i.value).startswith("No chain between Innovation Agency and Farcity") for i in at.info)


ZETA_GROUP = """@prefix ikg: <https://w3id.org/ikg/ontology#> .
@prefix ex: <https://example.org/ikg/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:aaa-group a ikg:WorkingGroup ; rdfs:label "Zetagruppa"@nb , "Zeta group"@en ;
    ikg:participant ex:agency , ex:hometown ;
    ikg:citation [ ikg:section ex:doc-old-s1 ; ikg:quote "Zetagruppa" ; ikg:evidence ikg:stated ] .
"""


def test_chains_are_listed_shortest_first_as_people_read_them(tmp_path, monkeypatch):
    """The chains are chosen by their nodes' IRIs, and shown by their text: a group whose IRI sorts first
    (ex:aaa-group) and whose name sorts last ("Zeta group") comes after "Trade group"."""
    use_data(monkeypatch, tmp_path, ("small.ttl", FIXTURE), ("zeta.ttl", ZETA_GROUP))
    try:
        at = start("en", "collaborators")
        at.selectbox(key="chain_from.en").set_value(EX + "agency").run()
        at.selectbox(key="chain_to.en").set_value(EX + "farcity").run()
        at.number_input(key="chain_max").set_value(2).run()
        (shown,) = [text for text in texts(at) if "—[" in text]
        firsts = [line.split("]→")[0] for line in shown.split("\n")]
        assert firsts == ["Innovation Agency —[Trade group (Working group)"] * 2 + [
            "Innovation Agency —[Zeta group (Working group)"] * 2
    finally:
        reset_caches()


def test_gaps_page_lists_every_gap_with_why(shared_env):
    from graph.analysis.gaps import GAPS, brokers_why, isolated_why

    at = start("nb", "gaps")
    subheaders = [s.value for s in at.subheader]
    for gap in GAPS:
        assert gap.title("nb") in subheaders
    written = [m.value for m in at.markdown]
    for why in [g.why("nb") for g in GAPS] + [brokers_why("nb"), isolated_why("nb")]:
        assert why in written
    assert "• Ensom AS" in texts(at)  # the isolated actor of the fixture


def test_review_form_saves_and_a_new_session_reads_it_back(fresh_env):
    at = start("en", "review")
    at.text_input(key="review_new_round").input("Spring review").run()
    at.button(key="review_new_round_create").click().run()
    at.selectbox(key="review_item.en").set_value(EX + "m-home-a").run()
    at.select_slider(key="rel_1.en").set_value(3)
    at.text_area(key="review_effect").input("Two study visits")
    at.text_area(key="review_cb").input("Worth the fee")
    at.radio(key="review_rec.en").set_value("leave")
    at.text_area(key="review_comment").input("<b>not bold</b>")
    at.text_input(key="review_reviewer").input("Kari Nordmann")
    at.button(key="review_save").click().run()
    assert problems(at) == []
    assert [plain(s.value) for s in at.success] == [
        "The assessment of Network A (membership) in the round “Spring review” is saved."
    ]
    side = table(at, "Spring review")
    assert list(side.columns) == ["name", "Spring review"]
    assert side.iloc[0].tolist()[0] == "Network A"
    assert side.iloc[0].tolist()[1].startswith("Leave (Kari Nordmann, ")

    # a restart: forget the open store and every cached answer, then a new session on the same folder
    reset_caches()
    again = start("nb", "review")
    assert again.selectbox(key="review_round_pick.nb").value == EX + "review-round-spring-review"
    rows = table(again, "anbefaling")
    row = rows[rows["navn"] == "Nettverk A"].iloc[0]
    assert row["anbefaling"] == "Avslutt"
    assert row["relevans"] == "1 Handel: 3; 2 Kultur: 0; 3 Forskning: 0"
    assert row["kommentar"] == "<b>not bold</b>"
    assert row["vurdert av"] == "Kari Nordmann"


def test_review_form_refuses_a_missing_reviewer(fresh_env):
    at = start("nb", "review")
    assert at.text_input(key="review_reviewer").value == "Kari Nordmann"  # the editor, by default
    at.text_input(key="review_reviewer").set_value("   ")
    at.radio(key="review_rec.nb").set_value("keep").run()
    at.button(key="review_save").click().run()
    assert [e.value for e in at.error] == ["Skriv navnet på den som vurderer."]
    assert at.success == [] or len(at.success) == 0


def test_review_downloads_are_offered(shared_env):
    at = start("en", "review")
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["CSV", "Excel (XLSX)", "Report (Markdown)", "Report (HTML, printable)"]


@pytest.mark.parametrize(
    "query, message",
    [
        ("INSERT DATA { <a:b> <a:c> <a:d> }",
         "This is an update; only SELECT, ASK, CONSTRUCT and DESCRIBE queries may run here."),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
         "SERVICE is not allowed: queries run only on this graph, never on other servers."),
    ],
)
def test_sparql_page_refuses_updates_and_service(shared_env, query, message):
    at = start("en", "sparql")
    at.text_area(key="sparql_text").input(query)
    at.button(key="sparql_run").click().run()
    assert [plain(e.value) for e in at.error] == [message]


def test_sparql_page_runs_an_example(shared_env):
    at = start("en", "sparql")
    at.selectbox(key="sparql_example.en").set_value("twin-cities").run()
    assert "twin-cities" in at.text_area(key="sparql_text").value or "TwinCityAgreement" in at.text_area(
        key="sparql_text"
    ).value
    at.button(key="sparql_run").click().run()
    assert problems(at) == [] and [e.value for e in at.error] == []
    df = table(at, "city")
    assert df["city"].tolist() == ["Farcity", "Oldtown"]
    assert "2 rows" in texts(at)


def test_map_lists_twin_and_partner_cities(shared_env):
    at = start("en", "map")
    df = table(at, "city")
    assert df["city"].tolist() == ["Farcity", "Hometown Municipality", "Oldtown"]
    assert df["agreement"].tolist() == ["Formal twinning", "the home city", "Planned relation"]


def test_about_shows_sources_and_counts(shared_env):
    at = start("en", "about")  # an editor: where the store is
    docs = table(at, "document")
    assert docs["document"].tolist() == ["Programme 2010", "Plan 2020"]
    where = f"triples in the store (oxigraph:{shared_env / 'store'})."
    assert any(line.endswith(where) for line in texts(at))
    at = start("nb", "about", editor=None)  # a visitor: the count alone, the sources' days as bokmål writes them
    assert str(shared_env) not in " ".join(texts(at))
    assert any(re.fullmatch(r"[\d\xa0]+ tripler i lageret\.", line) for line in texts(at))
    assert table(at, "dokument")["dato"].tolist() == ["1. juni 2010", "1. jan. 2020"]


def test_a_broken_data_file_shows_which_file_and_what_is_wrong(tmp_path, monkeypatch):
    broken = "@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e \"unclosed .\n"
    data = use_data(monkeypatch, tmp_path, ("small.ttl", FIXTURE), ("broken.ttl", broken))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Grafen kunne ikke åpnes"
    [error] = [plain(e.value) for e in at.error]
    assert error.startswith("Dataene kunne ikke leses: ")
    assert str(data / "broken.ttl") in error and ":3" in error
    assert "Traceback" not in error
    reset_caches()


# ---------------------------------------------------------------------------------------------
# Who may edit
# ---------------------------------------------------------------------------------------------


def edit_controls(at: AppTest) -> list[str]:
    keys = [getattr(w, "key", None) or "" for w in (*at.button, *at.text_input, *at.get("form_submit_button"))]
    return [k for k in keys if k.startswith(("review_save", "undo", "edit", "import"))]


@pytest.mark.parametrize("page", PAGES)
def test_a_visitor_sees_no_edit_controls(shared_env, page):
    at = start("en", page, editor=None)
    assert problems(at) == []
    assert edit_controls(at) == []
    assert menu().titles == [t(f"page.{p}", "en") for p in PAGES]


@pytest.mark.parametrize("page", ["edit", "import"])
def test_a_visitor_cannot_reach_editor_pages_by_link(shared_env, page):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["ikg"] = {"editor_password_hash": EDITOR_HASH}
    at.query_params["page"] = page  # an old link, ?page=edit
    at.run()
    assert menu().page == t("page.network", "nb")
    assert at.header[0].value == t("network.title", "nb")
    assert [w.value for w in at.sidebar.warning] == [t("login.required", "nb")]
    assert edit_controls(at) == []
    with pytest.raises(ValueError, match="Could not find a navigation page"):  # its script is not in the app
        goto(at, page)


def test_every_page_has_its_own_address(shared_env):
    at = start("en", editor=None)
    for page in PAGES:
        goto(at, page)
        assert problems(at) == []
        assert at.header[0].value == t(f"{'collab' if page == 'collaborators' else page}.title", "en")
        assert menu().page == t(f"page.{page}", "en")
    assert set(SCRIPTS) == {*PAGES, "edit", "import"}


def test_an_old_link_opens_the_page_at_its_address(shared_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = "gaps"
    at.run()
    assert at.header[0].value == t("gaps.title", "nb")
    assert menu().page == t("page.gaps", "nb")
    assert "page" not in at.query_params  # the link's parameter is gone: the address is the page's own
    at.query_params["page"] = "no-such-page"
    at.run()
    assert at.header[0].value == t("gaps.title", "nb") and "page" not in at.query_params


def test_without_a_configured_login_editing_is_off(shared_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["ikg_editor"] = "Mallory"  # a forged session value does not make an editor
    at.run()
    assert t("login.off", "nb") in [c.value for c in at.sidebar.caption]
    assert "edit" not in menu().titles and t("page.edit", "nb") not in menu().titles


def login(at: AppTest, name: str, password: str) -> AppTest:
    at.sidebar.text_input(key="login_name").input(name)
    at.sidebar.text_input(key="login_password").input(password)
    return at.sidebar.get("form_submit_button")[0].click().run()


def test_password_login_opens_the_editor_pages(shared_env):
    at = start("en", editor=None)
    login(at, "Kari", "wrong")
    assert [e.value for e in at.sidebar.error] == ["Wrong password."]
    assert "edit" not in menu().titles and t("page.edit", "en") not in menu().titles
    login(at, "Kari", EDITOR_PASSWORD)
    assert menu().titles == [t(f"page.{p}", "en") for p in [*PAGES, "edit", "import"]]
    assert t("login.as", "en", name="Kari") in [x.value for x in at.sidebar.text]


def cookie_scripts(at: AppTest) -> list[str]:
    """The bodies of the sidebar's script elements (the pass given to the browser, or taken back)."""
    bodies = [e.proto.body for e in at.sidebar.get("html")]
    return [b for b in bodies if "document.cookie" in b]


def test_a_password_login_gives_the_browser_a_pass_and_logging_out_ends_it(shared_env):
    at = start("en", editor=None)
    assert at.sidebar.expander[0].label == "Log in to edit" and cookie_scripts(at) == []
    login(at, "Kari", EDITOR_PASSWORD)
    assert at.sidebar.expander[0].label == "Logged in as an editor"
    token = at.session_state["ikg_editor_pass"]
    kept = shared_env / "store.passes"  # beside the store folder
    assert login_pass.Passes(kept).name(token, EDITOR_HASH) == "Kari"
    assert cookie_scripts(at) == [cookie_script(token)]
    at.sidebar.button(key="logout").click().run()
    assert at.sidebar.expander[0].label == "Log in to edit"
    assert login_pass.Passes(kept).name(token, EDITOR_HASH) is None  # a copy of the cookie opens nothing now,
    assert "Kari" not in kept.read_text()  # not in an app started again either; the file holds no name
    assert cookie_scripts(at) == [cookie_script(None)]  # the browser's is taken back
    assert "edit" not in menu().titles


def test_the_cookie_script_carries_nothing_but_a_pass():
    token = login_pass.Passes().give("Kari", EDITOR_HASH, now=1_800_000_000.0)
    script = cookie_script(token)
    assert script == ('<script>document.cookie = "ikg_editor=' + token + '; Path=/; SameSite=Strict"'
                      ' + (location.protocol === "https:" ? "; Secure" : "");</script>')
    for bad in ('x"; alert(1); "', "a b", "</script>", "ø"):
        with pytest.raises(ValueError):
            cookie_script(bad)
    named = login_pass.Passes().give("Åse Øvergård", EDITOR_HASH)
    assert cookie_script(named).count(named) == 1  # a name outside ASCII travels in a cookie-safe pass


def test_logging_out_in_one_tab_logs_out_the_other_in_any_app_on_the_store(shared_env):
    token = login_pass.PASSES.give("Kari", EDITOR_HASH)
    at = start("en", editor=None)
    at.session_state["ikg_editor"], at.session_state["ikg_editor_pass"] = "Kari", token  # came with the pass
    at.run()
    assert t("login.as", "en", name="Kari") in [x.value for x in at.sidebar.text]
    login_pass.Passes(shared_env / "store.passes").withdraw(token)  # "Log out" in another app on the store
    at.run()
    assert at.sidebar.expander[0].label == "Log in to edit" and "edit" not in menu().titles


def test_login_hours_0_keeps_the_login_in_the_session_only(shared_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["ikg"] = {"editor_password_hash": EDITOR_HASH, "login_hours": 0}
    at.run()
    login(at, "Kari", EDITOR_PASSWORD)
    assert t("login.as", "nb", name="Kari") in [x.value for x in at.sidebar.text]
    assert at.sidebar.expander[0].label == "Innlogget som redaktør"
    assert "ikg_editor_pass" not in at.session_state and cookie_scripts(at) == []


def test_too_many_wrong_passwords_lock_the_login(shared_env, monkeypatch):
    auth.THROTTLE.clear()
    monkeypatch.setattr(auth.THROTTLE, "_clock", lambda: 0.0)  # the message names the seconds left
    at = start("en", editor=None)
    for _ in range(auth.MAX_FAILURES):
        login(at, "Mallory", "guess")
    login(at, "Mallory", EDITOR_PASSWORD)  # even the right one, while locked
    assert [e.value for e in at.sidebar.error] == [t("login.locked", "en", seconds=auth.LOCK_SECONDS)]
    assert "edit" not in menu().titles and t("page.edit", "en") not in menu().titles
    auth.THROTTLE.clear()


def test_history_page_shows_an_assessment_and_undoes_it(fresh_env):
    at = start("en", "review")
    at.radio(key="review_rec.en").set_value("keep").run()
    at.button(key="review_save").click().run()
    goto(at, "history")
    frame_ = at.dataframe[0].value
    assert list(frame_["action"]) == ["assessment"] and list(frame_["who"]) == ["Kari Nordmann"]
    assert list(frame_.columns) == ["time", "who", "action", "what", "why", "undo", "triples", "id"]
    what = f"assessment of Hometown–Farcity; Review {dt.date.today().year}"  # the round the first save opens
    assert list(frame_["what"]) == [what]  # what a manager looks for
    assert "+ " in at.code[0].value and "ikg:Assessment" in at.code[0].value
    at.checkbox(key="undo_sure").check()
    at.get("form_submit_button")[0].click().run()
    assert at.success[0].value.startswith("Change ")
    assert list(at.dataframe[0].value["action"]) == [f"undid “assessment: {what}”", "assessment"]
    assert list(at.dataframe[0].value["what"]) == [what] * 2


def test_timeline_says_how_many_it_leaves_out_for_want_of_a_year(shared_env):
    """The fixture has five things with years and three without: the page says so, in each language."""
    at = start("en", "timeline")
    assert texts(at)[0] == "Showing 5 of 5"
    assert ("Without a year, and so not here: 3 memberships, agreements, projects and activities. They are in "
            "the network and on the Membership review page; a start or end year (Edit page) gives them a bar."
            ) in [c.value for c in at.caption]
    at = start("nb", "timeline")
    assert any(c.value.startswith("Uten årstall, og derfor ikke her: 3 medlemskap") for c in at.caption)


def test_history_page_for_a_visitor_has_no_undo(fresh_env):
    at = start("en", "review")
    at.radio(key="review_rec.en").set_value("keep").run()
    at.button(key="review_save").click().run()
    at = start("en", "history", editor=None)
    assert len(at.dataframe[0].value) == 1
    assert t("history.login_to_undo", "en") in [c.value for c in at.caption]
    assert edit_controls(at) == []


SECOND_UNIT = """@prefix ikg: <https://w3id.org/ikg/ontology#> . @prefix ex: <https://example.org/ikg/> .
@prefix org: <http://www.w3.org/ns/org#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:youth-unit a ikg:MunicipalUnit ; org:unitOf ex:hometown ; rdfs:label "Ungdomsenheten"@nb , "Youth unit"@en .
ex:m-home-a ikg:responsibleUnit ex:youth-unit .
"""


def test_review_progress_says_why_the_units_add_up_to_more_than_the_items(tmp_path, monkeypatch):
    """A membership two units are responsible for counts under each: the page says so, where a reader saw
    the units' totals add up to one more than «Vurdert: 0 av N» and took it for an error."""
    use_data(monkeypatch, tmp_path, ("small.ttl", FIXTURE), ("units.ttl", SECOND_UNIT))
    at = start("nb", "review")
    total = int(re.search(r"av (\d+)", at.get("progress")[0].proto.text).group(1))
    told = [c.value for c in at.caption if "telles under hver" in c.value]
    assert told == [f"En sak med flere ansvarlige enheter telles under hver av dem, så tallene her summerer til "
                    f"{total + 1}, ikke {total}."]
    at.sidebar.radio(key="lang").set_value("en").run()
    assert [c.value for c in at.caption if "counts under each" in c.value] == [
        f"An item with several responsible units counts under each of them, so the totals here add up to "
        f"{total + 1}, not {total}."]


def test_a_twin_city_with_no_recorded_activity_says_so(shared_env):
    """The inactive twin cities' «siste aktivitet» was a blank cell for every city with none recorded: it now
    says so, in each language (a city with an activity before the chosen year keeps its year: test_start_city)."""
    for lang, row in (("nb", {"by": "Gammelby", "avtale": "Planlagt relasjon", "status": "Planlagt",
                              "siste aktivitet": "ingen registrert"}),
                      ("en", {"city": "Oldtown", "agreement": "Planned relation", "status": "Planned",
                              "last activity": "none recorded"})):
        at = start(lang, "gaps")
        (frame,) = [d.value for d in at.dataframe if list(d.value.columns) == list(row)]
        assert frame.to_dict("records") == [row]
