"""The network's kept answers say what they read (graph.render.view.data.network_read and the parts in
graph.analysis.ties): every query their builds run is among the texts they declare, and a change that
touches none of it (a review saved in a round already open, a change's own record) carries them over
to the new stamp unbuilt, equal to the network read anew. A change the network shows builds them anew."""

from __future__ import annotations

import json

from rdflib import Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS

import graph.analysis.network as analysis
import graph.render.view.data as view_data
import graph.store.derived as derived
from graph.analysis import ties as network_ties
from graph.history.changes import commit
from graph.history.shipped import open_store
from graph.questions import languages
from graph.questions.reads import question_reads
from graph.render.view import cache as view_cache
from graph.render.view.queries import attr_queries
from graph.store.base import PREFIX_HEADER
from graph.vocab.namespaces import IKG
from tests.store.test_derived import folder, fresh  # noqa: F401 - the fixture
from tests.store.test_keeper import GRAZ, _review, keepers, started, wait_for  # noqa: F401 - the fixture

LANGS = ("en", "nb")
ATTRS = {f"attrs-{what}.json" for what in attr_queries()}


def forget() -> None:
    """What this process holds in memory of the network, as a new process would start."""
    view_cache.data_cache.clear()
    view_data._structure_cache.clear()
    network_ties._memo.clear()
    analysis._cache.clear()
    languages._cache.clear()


def recorded(store) -> list[str]:
    """The query texts that reach `store` from now on (a list that fills as they do)."""
    ran: list[str] = []
    for method in ("_select", "_select_text", "_ask", "_construct"):
        real = getattr(store, method)
        setattr(store, method, lambda q, b, real=real: ran.append(q.removeprefix(PREFIX_HEADER)) or real(q, b))
    return ran


def test_every_query_the_network_and_its_parts_are_read_with_is_one_they_declare():
    store = open_store("memory")
    parts = {
        "ties": (network_ties.ties, network_ties.TIES_READ),
        "classes": (network_ties.classes, network_ties.CLASSES_READ),
        "names": (lambda s: [network_ties.names(s, lang) for lang in LANGS], network_ties.NAMES_READ),
        "actors": (network_ties.actor_side, network_ties.TIES_READ + network_ties.CLASSES_READ),
        "network": (lambda s: [view_data.network_data(s, lang) for lang in LANGS], view_data.network_read()),
    }
    for what, (build, declared) in parts.items():
        forget()
        ran = recorded(store)
        build(store)
        assert ran, what
        assert set(ran) <= set(declared), (what, set(ran) - set(declared))
        assert question_reads(declared) is not None, what  # no query of it reads every triple
    forget()


def test_the_review_s_records_are_never_things_of_the_network():
    """A review's assessment and scores, its round and a change's record are left out of the classes
    and target areas the network reads: that is what lets saving a review keep the network."""
    store = open_store("memory")
    item = store.select("SELECT ?m WHERE { ?m a org:Membership } ORDER BY ?m LIMIT 1").rows[0][0]
    forget()
    before = {lang: json.dumps(view_data._data_out(view_data.network_data(store, lang))) for lang in LANGS}
    _review(store, str(item))
    forget()
    classes = network_ties.classes(store)
    assert not {IKG.Assessment, IKG.Relevance, IKG.ReviewRound, IKG.Change} & {IKG[c] for c in classes.values()}
    assert not [x for x, a in view_data.attrs(store).items() if "ta" in a and "relevance" in x]
    after = {lang: json.dumps(view_data._data_out(view_data.network_data(store, lang))) for lang in LANGS}
    assert after == before
    forget()


def test_a_status_set_reads_the_statuses_anew_and_each_other_attribute_from_its_file(folder, monkeypatch):  # noqa: F811
    store = fresh(folder)
    view_data.network_data(store, "en")  # its parts kept
    net = store.select("SELECT ?n WHERE { ?n a ikg:Network ; ikg:status ikg:Active } ORDER BY ?n LIMIT 1").rows[0][0]
    commit(store, add=[(net, IKG.status, IKG.Ended)], remove=[(net, IKG.status, IKG.Active)], editor="Kari",
           action="edit")
    ran = recorded(store)
    after = view_data.network_data(store, "en")
    assert after.nodes[str(net)].status == str(IKG.Ended)
    queries = attr_queries()
    assert queries["status"] in ran
    assert not {queries["type"], queries["ta"], queries["sdg"]} & set(ran)
    assert _plain(after) == built_anew(store, monkeypatch)[0]["en"]
    store.close()


def kept_now(store) -> tuple:
    """The network in both languages and its betweenness as the next process reads them: from the files
    (what this process holds left as it was)."""
    forget()
    held = dict(derived._held)
    derived._held.clear()
    try:
        out = ({lang: _plain(view_data.network_data(store, lang)) for lang in LANGS}, analysis.betweenness(store))
    finally:
        derived._held.clear()
        derived._held.update(held)
    forget()
    return out


def built_anew(store, monkeypatch) -> tuple:
    """The same, read from the graph: nothing kept is read."""
    forget()
    with monkeypatch.context() as m:
        for module in (network_ties, view_data, analysis):
            m.setattr(module, "persisted", lambda s, name, build, *args, **kwargs: build())
        out = ({lang: _plain(view_data._read_network(store, lang)) for lang in LANGS}, analysis.betweenness(store))
    forget()
    return out


def _plain(data) -> dict:
    out = json.loads(json.dumps(view_data._data_out(data)))
    out["notation_labels"].sort()  # read into a dict, in the order the rows came
    return out


def test_a_review_in_an_open_round_carries_the_network_over_and_what_it_shows_builds_it_anew(
        folder, keepers, monkeypatch):  # noqa: F811
    store = fresh(folder)
    keeper = started(keepers, store)
    kept_now(store)  # built, kept and remembered
    for lang in LANGS:
        view_data.network_data(store, lang)
    analysis.betweenness(store)
    items = [str(m) for (m,) in store.select("SELECT ?m WHERE { ?m a org:Membership } ORDER BY ?m LIMIT 2").rows]
    net = store.select("SELECT ?n WHERE { ?n a ikg:Network ; ikg:status ikg:Active } ORDER BY ?n LIMIT 1").rows[0][0]
    actor = store.select("SELECT ?a WHERE { ?m org:member ?a } ORDER BY ?a LIMIT 1").rows[0][0]
    membership = URIRef("https://example.org/test/network-kept-m")

    def change(add, remove=()):
        return lambda: commit(store, add=add, remove=remove, editor="Kari", action="edit")

    edits = {
        "the first review of a round": lambda: _review(store, items[0]),  # and the round's label and status
        "the next review in the round": lambda: _review(store, items[1]),
        "a city's label": change([(GRAZ, RDFS.label, Literal("Graz an der Mur", lang="en"))],
                                 [(GRAZ, RDFS.label, Literal("Graz", lang="en"))]),
        "a network's status": change([(net, IKG.status, IKG.Ended)], [(net, IKG.status, IKG.Active)]),
        "a membership": change([(membership, RDF.type, ORG.Membership), (membership, ORG.member, actor),
                                (membership, ORG.organization, net)]),
    }
    files_read: list[str] = []  # kept files read in the keeper's rounds
    real_read = derived._read

    def reading(path, *args):
        found = real_read(path, *args)
        if found is not derived._MISSING:
            files_read.append(path.name)
        return found

    monkeypatch.setattr(derived, "_read", reading)
    carried = {}
    for i, (what, edit) in enumerate(edits.items()):
        shown = {lang: view_data.network_data(store, lang) for lang in LANGS}  # a page's, before the edit
        files_read.clear()
        edit()
        wait_for(lambda n=i + 1: keeper.rounds == n)
        carried[what] = set(keeper.carried) & {"network-en", "network-nb", "betweenness"}
        # carried over or built, the keeper leaves them in memory: the next page does not read the files
        key = (id(store), store.generation)
        now = {lang: view_cache.get(view_cache.data_cache, (*key, lang), store) for lang in LANGS}
        assert all(now.values()) and (*key, "betweenness", "") in analysis._cache, what
        # what it carried over it held: it read no kept file; nor, from the second round on, the network's
        # parts it built the network anew from (before, this process had read the network whole)
        assert set(files_read) <= ({"ties.json", "classes.json", "periods.json", "cites.json", *ATTRS}
                                   if i == 0 else set()), (what, files_read)
        assert (now["en"] is shown["en"]) == ("network-en" in carried[what]), what
        assert kept_now(store) == built_anew(store, monkeypatch), what
    every = {"network-en", "network-nb", "betweenness"}
    assert carried == {
        "the first review of a round": {"betweenness"},  # the round's label: the network names everything
        "the next review in the round": every,
        "a city's label": {"betweenness"},  # the betweenness of the network's shape: its ties alone
        "a network's status": {"betweenness"},
        "a membership": set(),
    }
