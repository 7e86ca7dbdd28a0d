"""The review form (issue 12, item 1) driven through Streamlit's AppTest on the small fixture with two
rounds: the form always shows the chosen item's own assessment in the chosen round, never values of the
item chosen before; unsaved edits are kept per item and listed; saving again replaces the assessment as
one recorded change; a closed round is read-only. (tests/ui/test_browser_review.py does the same in a
real browser.)"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from graph.analysis.assessments import all_assessments
from graph.history import changes
from graph.history.shipped import open_store
from tests.conftest import FIXTURE
from tests.ui.test_app import EX, plain, problems, reset_caches, start, table, use_data

A, B = EX + "m-home-a", EX + "agreement-farcity"
OPEN, CLOSED = EX + "review-round-spring-2025", EX + "review-round-autumn-2024"
ROUNDS = f"""
@prefix ikg: <https://w3id.org/ikg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<{CLOSED}> a ikg:ReviewRound ; rdfs:label "Høst 2024"@nb , "Autumn 2024"@en ; ikg:status ikg:Ended .
<{OPEN}> a ikg:ReviewRound ; rdfs:label "Vår 2025"@nb , "Spring 2025"@en ; ikg:status ikg:Active .
<{EX}assessment-autumn-2024-b> a ikg:Assessment ; ikg:assesses <{B}> ; ikg:reviewRound <{CLOSED}> ;
    ikg:recommendation ikg:Review ; ikg:reviewer "Per" ; dcterms:date "2024-10-01"^^xsd:date .
"""
DEFAULTS = {"rel": [0, 0, 0], "effect": "", "cb": "", "rec": None, "comment": "", "reviewer": "Kari Nordmann"}


@pytest.fixture
def env(tmp_path, monkeypatch):
    use_data(monkeypatch, tmp_path, ("small.ttl", FIXTURE), ("rounds.ttl", ROUNDS))
    yield tmp_path
    reset_caches()


def form(at: AppTest) -> dict:
    """What the form shows."""
    return {"rel": [at.select_slider(key=f"rel_{n}.en").value for n in "123"],
            "effect": at.text_area(key="review_effect").value, "cb": at.text_area(key="review_cb").value,
            "rec": at.radio(key="review_rec.en").value, "comment": at.text_area(key="review_comment").value,
            "reviewer": at.text_input(key="review_reviewer").value}


def fill(at: AppTest, rel, effect, rec, comment) -> None:
    """Change the fields as a person would (each change reruns the page)."""
    for n, score in zip("123", rel, strict=True):
        at.select_slider(key=f"rel_{n}.en").set_value(score).run()
    at.text_area(key="review_effect").input(effect).run()
    at.radio(key="review_rec.en").set_value(rec).run()
    at.text_area(key="review_comment").input(comment).run()


def choose(at: AppTest, item: str) -> None:
    at.selectbox(key="review_item.en").set_value(item).run()


def stored(round_iri: str = OPEN) -> dict[str, tuple]:
    """Every assessment in the round, read straight from the store: item -> (scores, effect, rec, comment)."""
    reset_caches()  # the app's store is one open folder: read it through a fresh handle
    store = open_store()
    try:
        return {a.item: ([a.relevance.get(n, 0) for n in "123"], a.effect_seen, a.recommendation, a.comment)
                for a in all_assessments(store, "en") if a.round == round_iri}
    finally:
        store.close()


def saved_meanwhile(date: str) -> list[str]:
    """The warnings over edits to Network A's assessment when Ola saved it meanwhile, on `date`."""
    return [f"This item's assessment was saved again after you began changing it ({date} by Ola Nordmann, from a "
            "workbook or by another editor, say). The form still shows your changes: if you save, they replace "
            "that assessment; if you discard them, you see it.",
            "Unsaved changes (kept until you save or discard them): Network A (membership)"]


def test_switching_items_never_carries_values_over_and_each_save_keeps_its_own(env):
    at = start("en", "review")
    assert at.selectbox(key="review_round_pick.en").value == OPEN
    choose(at, A)
    assert form(at) == DEFAULTS
    fill(at, [0, 1, 1], "A effect", "leave", "A comment")
    at.button(key="review_save").click().run()
    assert problems(at) == [] and [plain(s.value) for s in at.success] == [
        "The assessment of Network A (membership) in the round “Spring 2025” is saved."]

    choose(at, B)  # B has no assessment in this round: the defaults, nothing of A's
    assert form(at) == DEFAULTS
    assert [plain(i.value) for i in at.info][-1] == "Previous round (Autumn 2024): Review (Per, 1 Oct 2024)"
    fill(at, [0, 0, 1], "B effect", "review", "B comment")
    at.button(key="review_save").click().run()

    choose(at, A)  # A opens with its own saved values
    assert form(at) == {**DEFAULTS, "rel": [0, 1, 1], "effect": "A effect", "rec": "leave", "comment": "A comment"}
    assert stored() == {A: ([0, 1, 1], "A effect", "leave", "A comment"),
                        B: ([0, 0, 1], "B effect", "review", "B comment")}

    choose(at, B)  # saving B again replaces its assessment: one of B in the round, one change old -> new
    assert form(at)["effect"] == "B effect"
    at.text_area(key="review_effect").input("B effect, revised").run()
    at.button(key="review_save").click().run()
    assert [plain(s.value) for s in at.success] == [
        "The assessment of Hometown–Farcity (agreement) in the round “Spring 2025” is saved (it replaced the "
        "earlier one)."]
    assert stored()[B] == ([0, 0, 1], "B effect, revised", "review", "B comment")
    store = open_store()
    try:
        assert len([a for a in all_assessments(store) if a.item == B and a.round == OPEN]) == 1
        newest = changes.changes(store)[0]
        added, removed = changes.diff(store, newest.id)
        assert [str(o) for _, p, o in removed if str(p).endswith("effectSeen")] == ["B effect"]
        assert [str(o) for _, p, o in added if str(p).endswith("effectSeen")] == ["B effect, revised"]
        changes.undo(store, newest.id, editor="Kari Nordmann")
    finally:
        store.close()
    assert stored()[B] == ([0, 0, 1], "B effect", "review", "B comment")  # undo restored the earlier save


def test_unsaved_edits_are_kept_per_item_and_listed(env):
    at = start("en", "review")
    choose(at, A)
    at.text_area(key="review_comment").input("typed for A, not saved").run()
    choose(at, B)
    assert form(at) == DEFAULTS  # never A's text
    assert [plain(w.value) for w in at.warning] == [
        "Unsaved changes (kept until you save or discard them): Network A (membership)"]
    choose(at, A)
    assert form(at)["comment"] == "typed for A, not saved"
    at.button(key="review_discard").click().run()
    assert form(at)["comment"] == "" and len(at.warning) == 0
    assert stored() == {}


def test_a_closed_round_is_read_only_and_can_be_reopened(env):
    at = start("en", "review")
    at.selectbox(key="review_round_pick.en").set_value(CLOSED).run()
    assert "The round “Autumn 2024” is closed: its assessments can be read but not changed." in [
        plain(i.value) for i in at.info]
    choose(at, B)
    assert form(at)["rec"] == "review" and at.radio(key="review_rec.en").disabled
    assert not [b for b in at.button if b.key == "review_save"]
    at.button(key="review_round_open").click().run()
    assert [plain(s.value) for s in at.success] == ["The round “Autumn 2024” is open."]
    assert not at.radio(key="review_rec.en").disabled
    at.button(key="review_round_closed").click().run()
    assert [plain(s.value) for s in at.success] == ["The round “Autumn 2024” is closed."]
    assert problems(at) == []


def test_the_form_follows_the_language_without_losing_a_draft(env):
    at = start("en", "review")
    choose(at, A)
    at.select_slider(key="rel_2.en").set_value(3).run()
    at.sidebar.radio(key="lang").set_value("nb").run()
    assert at.select_slider(key="rel_2.nb").value == 3
    assert at.button(key="review_save").label == "Lagre vurderingen"
    assert [at.text_area(key=k).label for k in ("review_effect", "review_cb", "review_comment")] == [
        "Effekt sett", "Kost-nytte", "Kommentar"]  # a field's label, not a table's lower-case heading


def test_no_recommendation_is_made_for_the_reviewer(env):
    """An item not yet assessed had "Keep" chosen already, so saving only an effect recorded a decision nobody
    made. Now none is chosen (not even the previous round's), and saving without one says so and saves nothing."""
    at = start("en", "review")
    choose(at, B)  # "Review" in the previous round
    assert form(at)["rec"] is None
    at.text_area(key="review_effect").input("Only the effect so far").run()
    at.button(key="review_save").click().run()
    assert [plain(e.value) for e in at.error] == ["Choose a recommendation: keep, review or leave."]
    at.sidebar.radio(key="lang").set_value("nb").run()
    assert at.radio(key="review_rec.nb").value is None and at.text_area(key="review_effect").value == (
        "Only the effect so far")
    at.button(key="review_save").click().run()
    assert [plain(e.value) for e in at.error] == ["Velg en anbefaling: behold, vurder nærmere eller avslutt."]
    assert stored() == {}
    at.radio(key="review_rec.nb").set_value("keep").run()
    at.button(key="review_save").click().run()
    assert stored() == {B: ([0, 0, 0], "Only the effect so far", "keep", "")}


def test_the_portfolio_view_shows_the_chart_areas_and_changes(env):
    at = start("en", "review")
    choose(at, B)
    at.radio(key="review_rec.en").set_value("keep").run()
    at.button(key="review_save").click().run()  # keep, in Spring 2025 (it was "review" in Autumn 2024)
    at.segmented_control(key="review_view.en").set_value("portfolio").run()
    assert problems(at) == []
    assert [s.value for s in at.subheader][:3] == ["The portfolio: relevance against cost",
                                                    "Target area × recommendation", "Changes between two rounds"]
    assert "Download the chart (PNG)" in [b.label for b in at.get("download_button")]
    assert "3 items are not assessed in the round and are not in the chart." in [c.value for c in at.caption]
    areas = table(at, "target area")
    assert areas.values.tolist() == [["1 Trade", "0", "0", "0", "2"], ["(no target area)", "1", "0", "0", "1"]]
    changes_ = table(at, "change")
    assert changes_.values.tolist() == [["Hometown–Farcity", "Review", "Keep", "recommendation changed"]]
    at.sidebar.radio(key="lang").set_value("nb").run()
    assert problems(at) == [] and at.subheader[0].value == "Porteføljen: relevans mot kostnad"


def test_an_editor_creates_a_round_and_assesses_in_it(tmp_path, monkeypatch):
    use_data(monkeypatch, tmp_path, ("small.ttl", FIXTURE))  # no round in the data
    try:
        at = start("en", "review")
        at.text_input(key="review_new_round").set_value("Spring review")
        at.button(key="review_new_round_create").click().run()
        assert [plain(s.value) for s in at.success] == ["The round “Spring review” is open."]
        assert at.selectbox(key="review_round_pick.en").value == EX + "review-round-spring-review"
        choose(at, A)
        at.radio(key="review_rec.en").set_value("leave").run()
        at.button(key="review_save").click().run()
        assert [plain(s.value) for s in at.success] == [
            "The assessment of Network A (membership) in the round “Spring review” is saved."]
        assert stored(EX + "review-round-spring-review") == {A: ([0, 0, 0], "", "leave", "")}
        at.text_input(key="review_new_round").set_value("Spring review")  # the same name again is refused
        at.button(key="review_new_round_create").click().run()
        assert [plain(e.value) for e in at.error] == ["There is already a round called “Spring review”."]
    finally:
        reset_caches()


def test_the_form_follows_an_assessment_saved_elsewhere_and_never_saves_over_it_unseen(env):
    """The form is open on an item; the item's assessment is saved elsewhere (another editor here; a workbook
    taken back or an undo work the same). Untouched, the form shows the new assessment, with no "unsaved
    changes", so saving it keeps what was saved; with edits typed in, the edits stay and a warning says what
    saving would replace."""
    at = start("en", "review")
    choose(at, A)
    assert form(at) == DEFAULTS
    other = start("en", "review", editor="Ola Nordmann")
    choose(other, A)
    fill(other, [2, 0, 1], "Saved elsewhere", "leave", "")
    other.button(key="review_save").click().run()
    assert stored() == {A: ([2, 0, 1], "Saved elsewhere", "leave", "")}

    at.run()  # the first person's next click
    assert form(at) == {**DEFAULTS, "rel": [2, 0, 1], "effect": "Saved elsewhere", "rec": "leave",
                        "reviewer": "Ola Nordmann"}
    assert len(at.warning) == 0  # no "unsaved changes": nothing was typed here
    at.button(key="review_save").click().run()
    assert stored() == {A: ([2, 0, 1], "Saved elsewhere", "leave", "")}  # saving it again lost nothing

    at.text_area(key="review_comment").input("My comment, typed before the other save").run()
    fill(other, [3, 3, 3], "Saved elsewhere again", "review", "")
    other.button(key="review_save").click().run()
    at.run()
    assert form(at)["comment"] == "My comment, typed before the other save"  # the edits stay
    assert form(at)["effect"] == "Saved elsewhere"  # as the person saw it when typing
    date = at.session_state["review_date"].strftime("%-d %b %Y")
    assert [plain(w.value) for w in at.warning] == saved_meanwhile(date)
    stored_caption = f"The form shows the saved assessment of {date} by Ola Nordmann."
    assert stored_caption not in [plain(c.value) for c in at.caption]  # it shows the edits, as the warning says
    at.button(key="review_discard").click().run()
    assert form(at) == {**DEFAULTS, "rel": [3, 3, 3], "effect": "Saved elsewhere again", "rec": "review",
                        "reviewer": "Ola Nordmann"} and len(at.warning) == 0
    assert stored_caption in [plain(c.value) for c in at.caption]


def test_edits_over_an_assessment_undone_elsewhere_stay_and_say_so(env):
    other = start("en", "review", editor="Ola Nordmann")
    choose(other, A)
    other.radio(key="review_rec.en").set_value("keep").run()
    other.button(key="review_save").click().run()  # Ola saves A's assessment (the defaults, and keep)
    at = start("en", "review")
    choose(at, A)
    assert form(at)["reviewer"] == "Ola Nordmann"
    at.text_area(key="review_comment").input("Typed over Ola's assessment").run()
    reset_caches()
    store = open_store()
    try:  # Ola's change undone in the change history (another tab, or `ikg undo`)
        changes.undo(store, changes.changes(store)[0].id, editor="Ola Nordmann")
    finally:
        store.close()
    at.run()
    assert stored() == {} and form(at)["comment"] == "Typed over Ola's assessment"
    assert [plain(w.value) for w in at.warning][0] == (
        "This item's assessment was removed after you began changing it (undone in the change history, say). The "
        "form still shows your changes: if you save, they become a new assessment.")
    at.button(key="review_save").click().run()
    assert stored() == {A: ([0, 0, 0], "", "keep", "Typed over Ola's assessment")}


def test_a_draft_of_another_item_chosen_again_says_its_assessment_changed_meanwhile(env):
    """Edits typed for one item stay as its draft while another item is shown; if that item's assessment is saved
    elsewhere in the meantime, choosing it again shows the edits with the same warning as when the form was open
    on it, so they are never saved over an assessment the person has not seen."""
    at = start("en", "review")
    choose(at, A)
    at.text_area(key="review_comment").input("Typed for A, then left").run()
    choose(at, B)
    assert form(at) == DEFAULTS and len(at.warning) == 1  # "Unsaved changes … Network A"
    other = start("en", "review", editor="Ola Nordmann")
    choose(other, A)
    fill(other, [1, 2, 3], "Saved while A was not shown", "review", "")
    other.button(key="review_save").click().run()

    choose(at, A)
    assert form(at) == {**DEFAULTS, "comment": "Typed for A, then left"}  # the draft, as it was typed
    date = at.session_state["review_date"].strftime("%-d %b %Y")
    assert [plain(w.value) for w in at.warning] == saved_meanwhile(date)
    at.text_area(key="review_effect").input("Seen the warning, typed more").run()
    at.radio(key="review_rec.en").set_value("keep").run()
    assert len(at.warning) == 2  # the warning stays while the edits do
    at.button(key="review_save").click().run()
    assert stored() == {A: ([0, 0, 0], "Seen the warning, typed more", "keep", "Typed for A, then left")}
    assert len(at.warning) == 0

    choose(at, B)
    at.text_area(key="review_comment").input("Typed for B").run()
    choose(at, A)
    choose(at, B)  # B's assessment did not change meanwhile: its draft comes back with no warning of that
    assert form(at)["comment"] == "Typed for B"
    assert [plain(w.value).split(":")[0] for w in at.warning] == [
        "Unsaved changes (kept until you save or discard them)"]
