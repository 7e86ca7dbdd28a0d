"""The Change history page as a manager reads it: a membership named in words after it was deleted, an undo
saying which change it undid and what that was, and the undone change saying who undid it and when."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

import graph.history.changes as history
from graph.i18n import when
from graph.ui.cache import opened
from tests.ui.test_app import fresh_env, start  # noqa: F401 (fresh_env: a fixture)

EX = Namespace("https://example.org/ikg/")
ORG = Namespace("http://www.w3.org/ns/org#")
MEMBERSHIP = URIRef(EX + "membership-nordlys-test-agency-in-network-a")


def column(at, name: str) -> list[str]:
    return list(at.dataframe[0].value[name])


def test_a_deleted_membership_is_named_by_its_member_and_network_in_its_correction(fresh_env):  # noqa: F811
    start("en", "history")  # opens the store
    store = opened().store
    made = Graph()
    for triple in ((MEMBERSHIP, RDF.type, ORG.Membership), (MEMBERSHIP, ORG.member, EX.agency),
                   (MEMBERSHIP, ORG.organization, EX["net-a"]), (MEMBERSHIP, ORG.role, EX.MemberRole)):
        made.add(triple)
    history.commit(store, add=made, editor="Kari", action="add-membership")
    history.commit(store, add=[(MEMBERSHIP, ORG.role, EX.BoardMember)],
                   remove=[(MEMBERSHIP, ORG.role, EX.MemberRole)], editor="Kari", action="correct-membership")
    history.commit(store, remove=[*made, (MEMBERSHIP, ORG.role, EX.BoardMember)], editor="Kari",
                   action="delete-membership")
    for lang, name, action in (("nb", "Innovasjonsetaten i Nettverk A", "rettet et medlemskap"),
                               ("en", "Innovation Agency in Network A", "corrected a membership")):
        at = start(lang, "history")
        what = column(at, {"nb": "hva", "en": "what"}[lang])
        actions = column(at, {"nb": "handling", "en": "action"}[lang])
        assert what == [name] * 3 and actions[1] == action
        at.selectbox(key=f"history_pick.{lang}").set_value(history.changes(store)[1].id).run()  # the correction
        shown = " ".join(m.value for m in at.markdown)
        assert name in shown and "membership-nordlys" not in shown


def test_an_undo_says_what_it_undid_and_the_undone_change_who_undid_it(fresh_env):  # noqa: F811
    start("nb", "history")
    store = opened().store
    theatre = URIRef(EX + "testteateret")
    made = [(theatre, RDF.type, EX.Actor), (theatre, RDFS.label, Literal("Testteateret", lang="nb"))]
    added = history.commit(store, add=made, editor="Kari", action="add-actor")
    undone = history.undo(store, added.id, editor="Ola")
    listed = {c.id: c for c in history.changes(store)}
    for lang, action, undoes, undone_by in (
            ("nb", "angret «la til en aktør: Testteateret»", "angrer endringen fra {when}", "angret av Ola, {when}"),
            ("en", "undid “added an actor: Testteateret”", "undoes the change of {when}", "undone by Ola, {when}")):
        at = start(lang, "history")
        cols = {"nb": ("handling", "angring"), "en": ("action", "undo")}[lang]
        assert column(at, cols[0]) == [action, {"nb": "la til en aktør", "en": "added an actor"}[lang]]
        assert column(at, cols[1]) == [undoes.format(when=when(listed[added.id].time, lang)),
                                      undone_by.format(when=when(listed[undone.id].time, lang))]


def test_undoing_an_undo_says_what_it_restored(fresh_env):  # noqa: F811
    """Undoing an undo brings the change back: it read «angret «angret «la til en aktør …»»»."""
    start("nb", "history")
    store = opened().store
    theatre = URIRef(EX + "testteateret")
    added = history.commit(store, add=[(theatre, RDF.type, EX.Actor),
                                       (theatre, RDFS.label, Literal("Testteateret", lang="nb"))],
                           editor="Kari", action="add-actor")
    undone = history.undo(store, added.id, editor="Ola")
    history.undo(store, undone.id, editor="Kari")
    for lang, actions in (("nb", ["gjenopprettet «la til en aktør: Testteateret»",
                                  "angret «la til en aktør: Testteateret»", "la til en aktør"]),
                          ("en", ["restored “added an actor: Testteateret”", "undid “added an actor: Testteateret”",
                                  "added an actor"])):
        at = start(lang, "history")
        assert column(at, {"nb": "handling", "en": "action"}[lang]) == actions
