"""The editor pages of the app (Edit and Import), driven by streamlit.testing.v1.AppTest.

Each test that writes gets its own data folder (the small fixture, plus a network the home city is
not yet a member of) and its own Oxigraph folder; see tests/ui/test_app.py for the helpers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import graph.edit.tabular as tabular
import graph.history.changes as history
import graph.history.shipped as shipped
import graph.questions.catalogue as queries
from graph.edit.editing import kind_spec
from graph.i18n import t
from graph.store.memory import MemoryStore
from tests.conftest import FIXTURE
from tests.ui.navigation import goto, menu
from tests.ui.test_app import APP, EDITOR_HASH, EX, PAGES, plain, problems, reset_caches, start, table, texts, use_data

IKG = "https://w3id.org/ikg/ontology#"
NET_C = """@prefix ikg: <https://w3id.org/ikg/ontology#> .
@prefix ex: <https://example.org/ikg/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:net-c a ikg:Network ; rdfs:label "Nettverk C"@nb , "Network C"@en ; ikg:targetArea ex:ta2 ;
    ikg:citation [ ikg:section ex:doc-plan-s2 ; ikg:quote "Nettverk C" ; ikg:evidence ikg:stated ] .
"""


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A fresh store for one test: the small fixture and Network C."""
    use_data(monkeypatch, tmp_path, ("small.ttl", FIXTURE), ("net-c.ttl", NET_C))
    yield tmp_path
    reset_caches()


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One store for the tests that only read."""
    tmp = tmp_path_factory.mktemp("app-editing")
    with pytest.MonkeyPatch.context() as mp:
        use_data(mp, tmp, ("small.ttl", FIXTURE), ("net-c.ttl", NET_C))
        yield tmp
    reset_caches()


def opened(tmp: Path):
    """The test's Oxigraph folder, opened after the app let go of it (the caller closes it)."""
    reset_caches()
    return shipped.open_store(str(tmp / "store"))


def recorded(tmp: Path) -> list[history.Change]:
    store = opened(tmp)
    try:
        return history.changes(store)
    finally:
        store.close()


def errors(at: AppTest) -> list[str]:
    return [plain(e.value) for e in at.error]


def successes(at: AppTest) -> list[str]:
    return [plain(s.value) for s in at.success]


def submit(at: AppTest, key: str) -> AppTest:
    return at.button(key=key).click().run()


def pick(at: AppTest, key: str, value) -> AppTest:
    return at.selectbox(key=key).set_value(value).run()


def edit_page(lang: str = "en", action: str = "add", kind: str = "membership") -> AppTest:
    at = start(lang, "edit")
    assert problems(at) == []
    if action != "add":
        at.radio(key=f"edit_action.{lang}").set_value(action).run()
    if at.selectbox(key=f"edit_kind.{lang}").value != kind:
        pick(at, f"edit_kind.{lang}", kind)
    assert problems(at) == []
    return at


def fill_membership(at: AppTest, lang: str = "en", *, member: str = EX + "hometown", network: str = EX + "net-c",
                    start_: str = "2021", source: bool = True) -> None:
    base = "edit_add_membership"
    at.selectbox(key=f"{base}.member.{lang}").set_value(member)
    at.selectbox(key=f"{base}.network.{lang}").set_value(network)
    at.text_input(key=f"{base}.start").input(start_)
    at.text_input(key=f"{base}.annual_cost").input("5000")
    if source:
        at.selectbox(key=f"{base}.source_section.{lang}").set_value(EX + "doc-plan-s2")
        at.text_area(key=f"{base}.source_quote").input("Hjemby er med i Nettverk C")


# ---------------------------------------------------------------------------------------------
# Adding
# ---------------------------------------------------------------------------------------------


def test_the_add_form_is_made_from_the_kind_spec(shared):
    at = edit_page("en", "add", "membership")
    labels = [s.label for s in at.selectbox]
    assert labels == ["Kind of thing", "Member *", "Network *", "Role", "Status", "Responsible unit",
                      "Source: section", "Evidence"]
    assert at.selectbox(key="edit_add_membership.role.en").value == IKG + "MemberRole"  # the spec's defaults
    assert at.selectbox(key="edit_add_membership.status.en").value == IKG + "Active"
    assert at.selectbox(key="edit_add_membership.evidence.en").value == IKG + "stated"
    assert at.selectbox(key="edit_add_membership.member.en").value is None  # chosen, never typed
    assert at.selectbox(key="edit_add_membership.network.en").options == ["Network A", "Network B", "Network C"]
    start_field = at.text_input(key="edit_add_membership.start")
    assert start_field.label == "Start"
    assert "YYYY, YYYY-MM-DD or DD.MM.YYYY" in start_field.help
    assert at.text_input(key="edit_add_membership.currency").value == "NOK"
    pick(at, "edit_kind.en", "project")
    assert [m.label for m in at.multiselect] == ["Target areas", "SDGs", "Partners"]


def test_add_a_membership_it_shows_in_the_review_and_in_members(env):
    at = edit_page("en", "add", "membership")
    fill_membership(at)
    at.text_input(key="edit_add_membership.why").input("Joined in 2021")
    submit(at, "edit_add_membership.submit")
    assert problems(at) == [] and errors(at) == []
    [done] = successes(at)
    assert done.startswith("Added membership “Hometown Municipality in Network C” (change ")
    assert done.endswith("). You can undo it on the Change history page.")
    # the form is empty again, for the next one
    assert at.selectbox(key="edit_add_membership.network.en").value is None
    # the review table (a cached answer) shows it at once
    goto(at, "review")
    review = table(at, "recommendation")
    row = review[review["name"] == "Network C"].iloc[0]
    assert (row["kind"], row["since"], row["status"]) == ("membership", "2021", "Active")
    # and so does the named question, in the store itself
    changes = recorded(env)
    assert [(c.action, c.editor, c.comment) for c in changes] == [("add-membership", "Kari Nordmann",
                                                                   "Joined in 2021")]
    assert changes[0].id in done
    store = opened(env)
    try:
        members = queries.run(store, "members", {"network": "Network C"}, "en").dicts()
    finally:
        store.close()
    assert [(m["member"], m["since"], m["role"]) for m in members] == [("Hometown Municipality", "2021", "Member")]


def warnings(at: AppTest) -> list[str]:
    return [plain(w.value) for w in at.warning]


def test_saving_an_active_membership_that_ended_years_ago_is_pointed_out(env):
    at = edit_page("nb", "add", "membership")
    fill_membership(at, "nb", start_="2010")
    at.text_input(key="edit_add_membership.end").input("2015")
    submit(at, "edit_add_membership.submit")
    assert errors(at) == [] and len(successes(at)) == 1  # saved: the source may say it is active
    assert warnings(at) == ["«Hjemby kommune i Nettverk C» har status «Aktiv», men slutter i 2015, som er passert: "
                            "sett status «Avsluttet» hvis den er over, eller rett sluttdatoen."]
    at.run()
    assert warnings(at) == []  # said once
    # a correction that leaves it so is pointed out too (in English in English); one that sets it ended is not
    at = edit_page("en", "correct", "membership")
    pick(at, "edit_correct_thing.membership.en", EX + "m-home-a")
    base = "edit_correct_membership"
    assert at.selectbox(key=f"{base}.status.en").value == IKG + "Active"
    at.text_input(key=f"{base}.end").input("2016")
    at.text_input(key=f"{base}.source_reference").input("Minutes of the board, 2016")
    submit(at, f"{base}.submit")
    assert errors(at) == [] and successes(at)[0].startswith("Corrected membership")
    assert warnings(at) == ["“Hometown Municipality in Network A” has the status “Active” but ends in 2016, which "
                            "is past: set the status “Ended” if it is over, or correct the end date."]
    at.selectbox(key=f"{base}.status.en").set_value(IKG + "Ended")
    at.text_input(key=f"{base}.source_reference").input("Minutes of the board, 2016")
    submit(at, f"{base}.submit")
    assert errors(at) == [] and successes(at)[0].startswith("Corrected membership") and warnings(at) == []


def test_bad_values_show_every_problem_by_field_and_write_nothing(env):
    at = edit_page("en", "add", "membership")
    fill_membership(at, start_="31.02.2019", source=False)
    submit(at, "edit_add_membership.submit")
    assert errors(at) == [
        "Nothing was saved. Fix this and try again:",
        "Start: The date “31.02.2019” does not exist: February 2019 has 28 days. Check the day and the month.",
        "Source: section: The source is missing: every new fact needs one. Choose the section and paste the "
        "quote, or describe the source under “Other source”.",
    ]
    assert successes(at) == []
    # the values stay in the form, to be fixed
    assert at.text_input(key="edit_add_membership.start").value == "31.02.2019"
    at.text_input(key="edit_add_membership.start").input("2019")
    at.text_input(key="edit_add_membership.annual_cost").input("-5")
    at.selectbox(key="edit_add_membership.source_section.en").set_value(EX + "doc-plan-s2")
    submit(at, "edit_add_membership.submit")
    assert errors(at) == [
        "Nothing was saved. Fix this and try again:",
        "Annual cost: The amount “-5” is negative: write the cost as a positive number.",
        "Source: quote: The quote is missing: paste the sentence from the section that states this, word for word.",
    ]
    assert recorded(env) == []


def test_the_problems_are_in_norwegian_in_norwegian(env):
    at = edit_page("nb", "add", "membership")
    assert at.selectbox(key="edit_add_membership.member.nb").label == "Medlem *"
    submit(at, "edit_add_membership.submit")
    assert errors(at) == [
        "Ingenting ble lagret. Rett dette og prøv igjen:",
        "«Medlem» mangler. Velg aktøren som er medlem.",
        "«Nettverk» mangler. Velg nettverket aktøren er medlem av.",
        "Kilde: avsnitt: Kilde mangler: hvert nytt faktum trenger en kilde. Velg avsnittet og lim inn sitatet, "
        "eller beskriv kilden under «Annen kilde».",
    ]
    assert recorded(env) == []



def toasts(at: AppTest) -> list[str]:
    return [plain(x.value) for x in at.toast]


def test_a_save_is_confirmed_in_a_toast_and_empties_the_why_field(env):
    # the long form is left at its emptied bottom: the confirmation shows in a toast too, wherever the page is
    at = edit_page("nb", "add", "membership")
    fill_membership(at, "nb")
    at.text_input(key="edit_add_membership.why").input("Meldt inn i 2021")
    submit(at, "edit_add_membership.submit")
    [done] = successes(at)
    assert done.startswith("La til medlemskap «Hjemby kommune i Nettverk C» (endring ")
    assert toasts(at) == [done]
    # the reason went with the change and is gone from the emptied form, like every other field
    assert at.text_input(key="edit_add_membership.why").value == ""
    assert at.text_input(key="edit_add_membership.start").value == ""
    assert [c.comment for c in recorded(env)] == ["Meldt inn i 2021"]
    at.run()
    assert toasts(at) == [] and successes(at) == []  # said once
    # a correction's reason is emptied too
    at = edit_page("en", "correct", "membership")
    pick(at, "edit_correct_thing.membership.en", EX + "m-home-a")
    at.text_input(key="edit_correct_membership.annual_cost").input("700")
    at.text_input(key="edit_correct_membership.source_reference").input("Budget 2026")
    at.text_input(key="edit_correct_membership.why").input("New fee")
    submit(at, "edit_correct_membership.submit")
    assert errors(at) == [] and toasts(at) == successes(at) and successes(at)[0].startswith("Corrected membership")
    assert at.text_input(key="edit_correct_membership.why").value == ""
    assert [c.comment for c in recorded(env)] == ["New fee", "Meldt inn i 2021"]


def test_a_refusal_is_listed_in_a_toast_too(env):
    # on a phone only the first line of the list under the button was in sight: the toast shows all of it
    at = edit_page("nb", "add", "membership")
    submit(at, "edit_add_membership.submit")
    assert toasts(at) == ["Ingenting ble lagret. Rett dette og prøv igjen:\n\n"
                          "- «Medlem» mangler. Velg aktøren som er medlem.\n\n"
                          "- «Nettverk» mangler. Velg nettverket aktøren er medlem av.\n\n"
                          "- Kilde: avsnitt: Kilde mangler: hvert nytt faktum trenger en kilde. Velg avsnittet og lim "
                          "inn sitatet, eller beskriv kilden under «Annen kilde»."]
    assert recorded(env) == []


HELP = {
    "nb": {"country": "Velg landet byen ligger i (må for byer). Mangler landet i listen? Rediger-siden kan ikke "
                      "legge til land: gå til siden «Importer», velg «Land» under «Mal for», last ned malen, fyll inn "
                      "navnene og ISO-koden (f.eks. NL for Nederland), last den opp og trykk «Importer». Kom så "
                      "tilbake hit.",
           "made_name": "Frivillig: står det tomt, lages navnet av det som kobles sammen (medlem og nettverk, de to "
                        "byene, prosjekt og deltaker). Fyll det bare ut når kilden har et eget navn for dette.",
           "target_areas": "Velg ett eller flere målområder fra listen.",
           "evidence": "«Sagt i kilden» når kilden sier det, «Utledet av kurator» når du har sluttet deg til det.",
           "inferred": "Utledet av kurator"},
    "en": {"country": "Choose the country the city lies in (needed for cities). Country not in the list? The Edit "
                      "page cannot add countries: go to the “Import” page, choose “Country” under “Template for”, "
                      "download the template, fill in the names and the ISO code (e.g. NL for the Netherlands), "
                      "upload it and press “Import”. Then come back here.",
           "made_name": "Optional: when empty, the name is made from what is linked (member and network, the two "
                        "cities, project and participant). Fill it in only when the source has a name of its own for "
                        "this.",
           "target_areas": "Choose one or more target areas from the list.",
           "evidence": "“Stated by the source” when the source says it, “Inferred by the curator” when you concluded "
                       "it.",
           "inferred": "Inferred by the curator"},
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_help_of_a_field_fits_the_form(shared, lang):
    words = HELP[lang]
    at = edit_page(lang, "add", "actor")  # a city needs a country, and the list holds only the graph's
    assert at.selectbox(key=f"edit_add_actor.country.{lang}").help == words["country"]
    assert at.text_input(key="edit_add_actor.label_nb").help == t("edit.help.label_nb", lang)  # an actor's own name
    pick(at, f"edit_kind.{lang}", "membership")  # a membership's name is made from what it links
    assert [at.text_input(key=f"edit_add_membership.{n}").help for n in ("label_nb", "label_en")] == [
        words["made_name"]] * 2
    evidence = at.selectbox(key=f"edit_add_membership.evidence.{lang}")
    assert evidence.help == words["evidence"] and words["inferred"] in evidence.options
    pick(at, f"edit_kind.{lang}", "network")  # a pick list, not numbers typed
    assert at.multiselect(key=f"edit_add_network.target_areas.{lang}").help == words["target_areas"]

def test_add_a_network_with_a_free_text_source(env):
    at = edit_page("en", "add", "network")
    base = "edit_add_network"
    at.text_input(key=f"{base}.label_nb").input("Havnebyene")
    at.text_input(key=f"{base}.label_en").input("Harbour Cities")
    at.multiselect(key=f"{base}.target_areas.en").set_value([EX + "ta1", EX + "ta3"])
    at.multiselect(key=f"{base}.sdgs.en").set_value(["http://metadata.un.org/sdg/14"])
    at.text_input(key=f"{base}.start").input("01.03.2024")
    at.text_input(key=f"{base}.source_reference").input("E-mail from the harbour office, 3 March 2024")
    at.text_input(key=f"{base}.source_url").input("https://example.org/harbour")
    submit(at, f"{base}.submit")
    assert errors(at) == []
    assert successes(at)[0].startswith("Added network “Harbour Cities” (change ")
    # every page's pickers know it now
    pick(at, "edit_kind.en", "membership")
    network = at.selectbox(key="edit_add_membership.network.en")
    assert network.options == ["Harbour Cities", "Network A", "Network B", "Network C"]


# ---------------------------------------------------------------------------------------------
# Correcting, retiring, deleting
# ---------------------------------------------------------------------------------------------


def test_correct_a_label(env):
    at = edit_page("en", "correct", "network")
    pick(at, "edit_correct_thing.network.en", EX + "net-a")
    base = "edit_correct_network"
    assert at.text_input(key=f"{base}.label_en").value == "Network A"  # prefilled from the graph
    assert at.multiselect(key=f"{base}.target_areas.en").value == [EX + "ta1"]
    submit(at, f"{base}.submit")
    assert errors(at) == ["You have not changed anything in the form."]
    at.text_input(key=f"{base}.label_en").input("Network Alpha")
    submit(at, f"{base}.submit")
    assert errors(at) == []
    [done] = successes(at)
    assert done.startswith("Corrected network “Network Alpha” (change ")
    assert at.text_input(key=f"{base}.label_en").value == "Network Alpha"  # the form shows the graph again
    goto(at, "review")
    assert "Network Alpha" in table(at, "recommendation")["name"].tolist()
    assert [c.action for c in recorded(env)] == ["correct-network"]


def test_a_correction_of_a_fact_needs_a_source(env):
    at = edit_page("en", "correct", "membership")
    pick(at, "edit_correct_thing.membership.en", EX + "m-home-a")
    base = "edit_correct_membership"
    assert at.text_input(key=f"{base}.start").value == "2015"
    assert at.text_input(key=f"{base}.annual_cost").value == "10000"
    at.text_input(key=f"{base}.start").input("2014")
    submit(at, f"{base}.submit")
    assert errors(at)[1:] == ["Source: section: The source is missing: every new fact needs one. Choose the "
                              "section and paste the quote, or describe the source under “Other source”."]
    at.text_input(key=f"{base}.source_reference").input("Minutes of the board, 2014")
    submit(at, f"{base}.submit")
    assert errors(at) == []
    assert successes(at)[0].startswith("Corrected membership “Hometown Municipality in Network A” (change ")
    assert at.text_input(key=f"{base}.start").value == "2014"


def test_a_cost_added_in_a_correction_takes_the_currency_add_offers(env):
    """A membership without a cost: the correction form offers NOK as Add does (it was empty, and a cost
    typed in was refused for want of a currency); the amount is read as bokmål writes it and saved."""
    at = edit_page("nb", "correct", "membership")
    pick(at, "edit_correct_thing.membership.nb", EX + "m-uni-a")
    base = "edit_correct_membership"
    assert (at.text_input(key=f"{base}.annual_cost").value, at.text_input(key=f"{base}.currency").value) == ("", "NOK")
    at.text_input(key=f"{base}.annual_cost").input("1500,50")
    at.text_input(key=f"{base}.source_reference").input("Styrereferat 2024")
    submit(at, f"{base}.submit")
    assert errors(at) == []
    assert successes(at)[0].startswith("Rettet medlemskap")
    assert at.text_input(key=f"{base}.annual_cost").value == "1500,5"  # shown again as bokmål writes it
    assert [c.action for c in recorded(env)] == ["correct-membership"]


def test_retire_a_membership(env):
    at = edit_page("en", "retire", "membership")
    pick(at, "edit_retire_thing.membership.en", EX + "m-home-a")
    assert at.selectbox(key="edit_retire.status.en").value == IKG + "Ended"
    submit(at, "edit_retire.submit")
    assert errors(at)[1].startswith("“End” is missing. Write the year or the date it ended")
    at.text_input(key="edit_retire.end").input("31.12.2022")
    at.text_input(key="edit_retire.source_reference").input("Letter of resignation, 2022")
    submit(at, "edit_retire.submit")
    assert errors(at) == []
    assert successes(at)[0].startswith("Retired membership “Hometown Municipality in Network A” (change ")
    goto(at, "review")
    review = table(at, "recommendation")
    assert review[review["name"] == "Network A"].iloc[0]["status"] == "Ended"
    changes = recorded(env)
    assert [c.action for c in changes] == ["retire-membership"] and changes[0].removed_count > 0


def test_retire_an_activity_sets_its_end(env):
    at = edit_page("en", "retire", "activity")
    assert [s.key for s in at.selectbox if s.key.startswith("edit_retire.status")] == []  # activities have none
    at.text_input(key="edit_retire.end").input("2012")
    at.text_input(key="edit_retire.source_reference").input("Travel report")
    submit(at, "edit_retire.submit")
    assert errors(at) == []
    assert successes(at)[0].startswith("Retired activity “Delegation to Farcity” (change ")


def test_delete_is_refused_while_referenced_and_with_a_wrong_confirmation(env):
    at = edit_page("en", "delete", "network")
    pick(at, "edit_delete_thing.network.en", EX + "net-a")
    assert [plain(w.value) for w in at.warning] == [
        "These still point at “Network A” and must be deleted or corrected first:"]
    [listing] = [x for x in texts(at) if x.startswith("• ")]
    assert listing.split("\n") == ["• “Hometown Municipality in Network A” (membership)",
                                   "• “The University in Network A” (membership)", "• “Trade group” (working group)"]
    at.text_input(key="edit_delete.confirm").input("Network A")
    submit(at, "edit_delete.submit")
    [refused] = errors(at)
    assert refused.startswith("“Network A” cannot be deleted while other things point at it: ")
    assert successes(at) == []

    pick(at, "edit_kind.en", "actor")
    pick(at, "edit_delete_thing.actor.en", EX + "lonely")
    assert t("editpage.no_referrers", "en", label="Lonely Ltd") in [c.value for c in at.caption]
    at.text_input(key="edit_delete.confirm").input("Lonely")
    submit(at, "edit_delete.submit")
    assert errors(at) == ["Type the name (“Lonely Ltd”) or the identifier <https://example.org/ikg/lonely> to "
                          "confirm the deletion (capitals or not); you typed “Lonely”."]
    assert recorded(env) == []

    at = edit_page("en", "delete", "actor")
    pick(at, "edit_delete_thing.actor.en", EX + "lonely")
    at.text_input(key="edit_delete.confirm").input("lonely ltd")
    submit(at, "edit_delete.submit")
    assert errors(at) == []
    assert successes(at)[0].startswith("Deleted actor “Lonely Ltd” (change ")
    assert "Lonely Ltd" not in at.selectbox(key="edit_delete_thing.actor.en").options
    # nothing is chosen after the deletion (the next actor, with its warnings, looked as if it had failed)
    assert at.selectbox(key="edit_delete_thing.actor.en").value is None
    assert at.warning == [] and [k for k in (w.key for w in at.text_input) if k and k.startswith("edit_delete")] == []
    assert [c.action for c in recorded(env)] == ["delete-actor"]


# ---------------------------------------------------------------------------------------------
# Importing
# ---------------------------------------------------------------------------------------------


def template_csv(kind: str, rows: list[dict[str, str]]) -> bytes:
    """The kind's CSV template (English headers) with its example row replaced by `rows` (field -> value)."""
    store = MemoryStore()
    store.load(shipped.shipped_files(include_data=False) + [FIXTURE])
    text = tabular.template(kind, "csv", "en", store=store).decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    spec = kind_spec(kind)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(f.name, "") for f in spec.fields])
    return out.getvalue().encode("utf-8")


def import_page(lang: str = "en") -> AppTest:
    at = start(lang, "import")
    assert problems(at) == []
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    return at.get("file_uploader")[0].set_value((name, data, "text/csv")).run()


def test_import_a_csv_made_from_the_template(env):
    data = template_csv("network", [
        {"label_nb": "Havnebyene", "label_en": "Harbour Cities", "target_areas": "1", "start": "2024",
         "source_reference": "E-mail from the harbour office, 3 March 2024"},
        {"label_nb": "Fjellbyene", "label_en": "Mountain Cities", "sdgs": "11; 15", "status": "Active",
         "source_section": "Plan 2020 §2", "source_quote": "Fjellbyene"},
    ])
    at = import_page("en")
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download the CSV template", "Download the Excel template (XLSX)"]
    upload(at, "networks.csv", data)
    assert problems(at) == [] and errors(at) == []
    assert "22 facts (RDF triples) to add, 0 to remove." in texts(at)
    assert "2 rows read from networks.csv: 2 × Network." in texts(at)
    new = table(at, "identifier")
    assert new.values.tolist() == [["Network", "Harbour Cities", EX + "network-harbour-cities"],
                                   ["Network", "Mountain Cities", EX + "network-mountain-cities"]]
    values = table(at, "what")  # every value read, to check before confirming
    assert list(values.columns) == ["thing", "what", "after"]  # nothing the graph has changes: no "before"
    assert values.values.tolist()[:4] == [
        ["Harbour Cities", "Citation", "E-mail from the harbour office, 3 March 2024"],
        ["Harbour Cities", "Kind", "Network"],
        ["Harbour Cities", "Name", "Harbour Cities; Havnebyene"],
        ["Harbour Cities", "Period", "2024–"]]
    assert ["Mountain Cities", "SDG", "Life on land; Sustainable cities and communities"] in values.values.tolist()
    assert recorded(env) == []  # a preview writes nothing

    at = import_page("en")  # a new session: the same file, then confirmed
    upload(at, "networks.csv", data)
    at.text_input(key="import_why").input("Networks of the harbour office")
    submit(at, "import_confirm")
    assert errors(at) == []
    [done] = successes(at)
    assert done.startswith("networks.csv is imported as change ")
    assert done.endswith(" (22 facts added). You can undo it on the Change history page.")
    assert at.get("file_uploader")[0].value is None  # a fresh uploader for the next file
    goto(at, "history")
    assert at.dataframe[0].value["action"].tolist() == ["import"]
    assert at.dataframe[0].value["why"].tolist() == ["Networks of the harbour office"]
    changes = recorded(env)
    assert [(c.action, c.added_count) for c in changes] == [("import", 22)]
    assert changes[0].id in done


def test_the_import_page_offers_the_template_of_every_kind_countries_and_places_too(env):
    at = import_page("nb")  # a new city adds its twin cities' countries before the cities
    shown = ['Aktør', 'Nettverk', 'Medlemskap', 'Vennskapsbyavtale', 'Prosjekt', 'Prosjektdeltakelse', 'Aktivitet',
             'Land', 'By', 'Kildedokument', 'Avsnitt', 'Målområde', 'Finansieringsprogram']
    assert at.selectbox(key="import_tpl_kind.nb").options == shown
    assert at.selectbox(key="import_kind.nb").options == ["(se av filen)", *shown]
    at.selectbox(key="import_tpl_kind.nb").set_value("country").run()
    data = template_csv("country", [{"label_nb": "Island", "label_en": "Iceland", "iso_code": "IS",
                                     "source_reference": "Brev fra ordføreren, 3. mars 2024"}])
    upload(at, "land.csv", data)
    assert problems(at) == [] and errors(at) == [], table(at, "problem").values.tolist()
    assert "1 rad lest fra land.csv: 1 × Land." in texts(at)


def test_a_rejected_csv_lists_every_problem_by_row_and_column_and_writes_nothing(env):
    data = template_csv("membership", [
        {"member": "Hometown Municipality", "network": "Network Q", "start": "31.02.2019",
         "source_reference": "x"},
        {"member": "The University", "network": "Network C", "start": "2020"},
    ])
    at = import_page("en")
    upload(at, "members.csv", data)
    assert errors(at) == [
        "members.csv was not imported, and nothing was saved. Fix these 3 problems and upload the file again:"]
    problems_ = table(at, "problem")
    assert list(problems_.columns) == ["row", "column", "problem"]
    assert problems_.values.tolist() == [
        ["2", "Network *", "There is no network called “Network Q” in the graph: write its name as the graph has "
                           "it, or its identifier, or add it first."],
        ["2", "Start", "The date “31.02.2019” does not exist: February 2019 has 28 days. Check the day and the "
                       "month."],
        ["3", "Source: section", "The source is missing: every new fact needs one. Choose the section and paste the "
                                 "quote, or describe the source under “Other source”."],
    ]
    assert [b.key for b in at.button if b.key == "import_confirm"] == []
    assert recorded(env) == []


def test_the_xlsx_template_imports_as_it_is_in_norwegian(shared):
    store = MemoryStore()
    store.load(shipped.shipped_files(include_data=False) + [FIXTURE])
    data = tabular.template("network", "xlsx", "nb", store=store)
    at = import_page("nb")
    at.get("file_uploader")[0].set_value(("nettverk.xlsx", data, tabular_mime())).run()
    assert problems(at) == [] and errors(at) == []
    assert "1 rad lest fra nettverk.xlsx: 1 × Nettverk." in texts(at)
    assert table(at, "identifikator")["navn"].tolist() == ["Eksempelnettverket"]
    assert at.button(key="import_confirm").label == "Importer"


def tabular_mime() -> str:
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_rejected_turtle_file_lists_line_and_column(shared):
    at = import_page("nb")
    bad = b'@prefix ex: <https://example.org/ikg/> .\nex:a ex:b "unclosed .\n'
    at.get("file_uploader")[0].set_value(("bad.ttl", bad, "text/turtle")).run()
    assert errors(at)[0] == ("bad.ttl ble ikke importert, og ingenting er lagret. Rett dette problemet og last opp "
                             "filen på nytt:")
    problems_ = table(at, "problem")
    assert list(problems_.columns) == ["linje", "kolonne", "problem"]  # no empty «hvor» column
    assert problems_.iloc[0]["linje"] == "2"


# ---------------------------------------------------------------------------------------------
# Both languages; visitors
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_action_and_the_import_page_render_in_both_languages(shared, lang):
    at = edit_page(lang, "add", "membership")
    assert at.header[0].value == t("editpage.title", lang)
    for action in ("correct", "retire", "delete", "add"):
        at.radio(key=f"edit_action.{lang}").set_value(action).run()
        assert problems(at) == [] and errors(at) == []
        if action == "delete":  # its form shows once a thing is chosen
            assert at.selectbox(key=f"edit_delete_thing.membership.{lang}").value is None
            pick(at, f"edit_delete_thing.membership.{lang}", EX + "m-home-a")
        assert at.button(key=f"edit_{action}{'_membership' if action in ('add', 'correct') else ''}.submit").label \
            == t(f"editpage.submit.{action}", lang)
    for kind in [k for k in ("actor", "network", "twin-city-agreement", "project", "participation", "activity")]:
        pick(at, f"edit_kind.{lang}", kind)
        assert problems(at) == [] and errors(at) == []
    goto(at, "import")
    assert problems(at) == []
    assert at.header[0].value == t("importpage.title", lang)
    other = "en" if lang == "nb" else "nb"
    at.sidebar.radio(key="lang").set_value(other).run()  # the page stays, in the other language
    assert at.header[0].value == t("importpage.title", other)


def editor_keys(at: AppTest) -> list[str]:
    keys = [getattr(w, "key", None) or "" for w in (*at.button, *at.text_input, *at.selectbox, *at.radio,
                                                    *at.get("file_uploader"), *at.get("form_submit_button"))]
    return [k for k in keys if k.startswith(("edit", "import"))]


def test_a_visitor_has_none_of_the_editor_pages(shared):
    at = start("en", editor=None)
    assert menu().titles == [t(f"page.{p}", "en") for p in PAGES]
    for page in ("edit", "import"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):  # not at its address either
            goto(at, page)
        at = AppTest.from_file(APP, default_timeout=60)
        at.secrets["ikg"] = {"editor_password_hash": EDITOR_HASH}
        at.query_params["page"] = page  # an old link, ?page=edit
        at.run()
        assert menu().page == t("page.network", "nb")
        assert at.header[0].value == t("network.title", "nb")
        assert editor_keys(at) == []
    # a session that is on an editor page, without a login (any more), is sent to the network
    at = start("en", "edit")
    assert editor_keys(at) != []
    del at.session_state["ikg_editor"]
    at.run()
    assert menu().page == t("page.network", "en")
    assert at.header[0].value == t("network.title", "en")
    assert [w.value for w in at.sidebar.warning] == [t("login.required", "en")]
    assert not any(k.startswith("edit") for k in (getattr(w, "key", None) or "" for w in at.selectbox))
    assert editor_keys(at) == []


def test_logging_out_leaves_the_edit_page(shared):
    at = edit_page("en", "add", "membership")
    at.sidebar.button(key="logout").click().run()
    assert menu().page == t("page.network", "en")
    assert at.header[0].value == t("network.title", "en")
    assert [w.value for w in at.sidebar.warning] == [t("login.required", "en")]
    assert [s.key for s in at.selectbox if (s.key or "").startswith("edit")] == []
