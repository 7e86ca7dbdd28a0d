"""A spreadsheet row that would add a thing the graph, or an earlier row of the file, already has is a problem
of that row (graph/edit/duplicates.py): importing a file twice adds nothing, on every backend."""

from __future__ import annotations

import uuid

import pytest

import graph.edit.importing as importing
import graph.history.changes as history
from graph.edit.tabular import patch_from_table
from tests.conftest import BACKENDS, fixture_files, make_store
from tests.edit.test_tabular import read, refused, workbook

EX = "https://example.org/ikg/"
EDIT_EN = ("in the graph: to change it, do so on the Edit page; if the row is about something else, give it a name "
           "of its own; otherwise remove the row.")
EDIT_NB = ("i grafen: vil du endre oppføringen, gjør det på Rediger-siden; gjelder raden noe annet, gi det et eget "
           "navn; ellers tar du raden bort.")  # (format() leaves it as it is)


@pytest.fixture(params=BACKENDS)
def store(request):
    """A fresh store per test, for the tests that write what they import."""
    s = make_store(request.param, fixture_files(), request, f"dupes-{uuid.uuid4().hex[:10]}")
    yield s
    if request.param == "virtuoso":
        s.clear()


def imported(store, name: str, data: bytes, **kwargs) -> None:
    patch = patch_from_table(store, name, data, **kwargs)
    history.commit(store, add=patch.add, remove=patch.remove, editor="Kari", action="import", why=name)


def test_the_same_file_imported_twice_is_refused_row_by_row(store):
    imported(store, "networks-en.csv", read("networks-en.csv"), lang="en")
    again = refused(store, "networks-en.csv", read("networks-en.csv"), lang="en")
    assert again.problems == [
        (2, "Name in English", "The name “Climate Cities” is already used by the network “Climate Cities” "
                               f"<{EX}network-climate-cities> " + EDIT_EN),
        (3, "Name in English", "The name “Port Cities” is already used by the network “Port Cities” "
                               f"<{EX}network-port-cities> " + EDIT_EN)]
    nb = refused(store, "networks-nb.csv", read("networks-nb.csv"), lang="nb")  # the same networks, in bokmål
    assert nb.problems == [
        (2, "Navn på norsk *", f"Navnet «Klimabyer» er allerede brukt av nettverk «Klimabyer» <{EX}network-climate-"
                               "cities> " + EDIT_NB.format("Klimabyer")),
        (3, "Navn på norsk *", f"Navnet «Havnebyer» er allerede brukt av nettverk «Havnebyer» <{EX}network-port-"
                               "cities> " + EDIT_NB.format("Havnebyer"))]
    assert str(nb).splitlines()[0].startswith("Rad 2, kolonne Navn på norsk *: Navnet «Klimabyer» er allerede")


def test_a_workbook_imported_twice_names_the_column_letter(store):
    rows = [["Navn på norsk *", "Navn på engelsk *", "Annen kilde"], ["Eurocities", "Eurocities", "Brev"],
            ["Klimabyer", "Climate Cities", "Brev"], ["Havnebyer", "Port Cities", "Brev"]]
    data = workbook({"Nettverk": rows})
    imported(store, "networks.xlsx", data, lang="nb")
    again = refused(store, "networks.xlsx", data, lang="en")
    assert [(row, column) for row, column, _ in again.problems] == [
        (2, "Navn på engelsk * (B)"), (3, "Navn på engelsk * (B)"), (4, "Navn på engelsk * (B)")]
    assert again.problems[0][2] == f"The name “Eurocities” is already used by the network “Eurocities” " \
                                   f"<{EX}network-eurocities> " + EDIT_EN


def test_labels_match_in_any_language_without_case_or_spaces(fixture_store):
    data = b"Name in English,Name in Norwegian,Other source\nSomething new,  NETTVERK a ,Letter\n"
    error = refused(fixture_store, "n.csv", data, kind="network", lang="en")
    assert error.problems == [(2, "Name in Norwegian", "The name “NETTVERK a” is already used by the network "
                                                       f"“Network A” <{EX}net-a> " + EDIT_EN)]
    given = b"Identifier,Name in English,Name in Norwegian,Other source\nnet-new,Network B,Nytt,Letter\n"
    error = refused(fixture_store, "n.csv", given, kind="network", lang="en")  # a new identifier changes nothing
    assert error.problems == [(2, "Name in English", "The name “Network B” is already used by the network "
                                                     f"“Network B” <{EX}net-b> " + EDIT_EN)]


def test_an_actor_named_like_a_city_of_the_graph(fixture_store):
    data = b"Actor type,Name in English,Name in Norwegian,Other source\nCompany,Farcity,Fjernby AS,Letter\n"
    error = refused(fixture_store, "a.csv", data, kind="actor", lang="nb")
    assert error.problems == [(2, "Name in English", "Navnet «Farcity» er allerede brukt av by/kommune «Fjernby» "
                                                     f"<{EX}farcity> " + EDIT_NB.format("Fjernby"))]



def test_other_names_are_names_too(fixture_store):
    # «UNI» is the University's other name: as a new actor's other name or main name, the row is refused
    data = b"Actor type,Name in English,Name in Norwegian,Other names,Other source\nCompany,Nordlys,Nordlys AS," \
           b"Nordlys; uni,Letter\nCompany,Uni ,Uni AS,,Letter\n"
    error = refused(fixture_store, "a.csv", data, kind="actor", lang="en")
    assert error.problems == [
        (2, "Other names", "The name “uni” is already used by the university or college “The University” "
                           f"<{EX}uni> " + EDIT_EN),
        (3, "Name in English", "The name “Uni” is already used by the university or college “The University” "
                               f"<{EX}uni> " + EDIT_EN)]
    error = refused(fixture_store, "a.csv", data, kind="actor", lang="nb")
    assert error.problems[0] == (2, "Other names", "Navnet «uni» er allerede brukt av universitet eller høgskole "
                                                   f"«Universitetet» <{EX}uni> " + EDIT_NB.format("Universitetet"))

def test_a_row_repeated_in_one_file(fixture_store):
    data = (b"Name in English,Name in Norwegian,Other source\nClimate Cities,Klimabyer,Letter\n"
            b"Port Cities,Havnebyer,Letter\nclimate cities,Klimabyene,Letter\n")
    error = refused(fixture_store, "n.csv", data, kind="network", lang="en")
    assert error.problems == [(4, "Name in English", "The row adds the same network as row 2 of this file (“climate "
                                                     "cities”): keep only one of the two rows.")]
    error = refused(fixture_store, "n.csv", data, kind="network", lang="nb")
    assert error.problems == [(4, "Name in English", "Raden legger til samme nettverk som rad 2 i denne filen "
                                                     "(«climate cities»): behold bare én av radene.")]


def test_a_twin_city_agreement_row_repeated_in_one_file(fixture_store):
    agreement = "Twin-city agreement,,,,,,Newtown,Formal twinning,Active,Letter\n"
    data = ("Kind,Name in English,Name in Norwegian,Country,Latitude,Longitude,Twin city,Agreement type,Status,"
            "Other source\nCity,Newtown,Nyby,Sweden,59.3,18.1,,,,Letter\n" + agreement + agreement).encode()
    error = refused(fixture_store, "m.csv", data, lang="en")
    assert error.problems == [(4, "", "The row adds the same twin-city agreement as row 3 of this file (“Hometown "
                                      "Municipality–Newtown”): keep only one of the two rows.")]
    error = refused(fixture_store, "m.csv", data, lang="nb")
    assert error.problems == [(4, "", "Raden legger til samme vennskapsbyavtale som rad 3 i denne filen («Hjemby "
                                      "kommune–Nyby»): behold bare én av radene.")]
    once = patch_from_table(fixture_store, "m.csv", data.replace(agreement.encode(), b"", 1), lang="en")
    assert once.counts == {"twin-city-agreement": 1, "place": 1}


def test_a_membership_the_graph_has_already(fixture_store):
    data = b"Member,Network,Start,Other source\nThe University,Network B,2021,Letter\nLonely Ltd,Network B,,Letter\n"
    error = refused(fixture_store, "m.csv", data, kind="membership", lang="en")
    assert error.problems == [(2, "", "“The University” is already a member of “Network B” in the graph (“The "
                                      f"University in Network B” <{EX}m-uni-b>): to change that membership, do so on "
                                      "the Edit page; otherwise remove this row.")]
    error = refused(fixture_store, "m.csv", data, kind="membership", lang="nb")
    assert error.problems == [(2, "", "«Universitetet» er allerede medlem av «Nettverk B» i grafen («Universitetet i "
                                      f"Nettverk B» <{EX}m-uni-b>): vil du endre medlemskapet, gjør det på "
                                      "Rediger-siden; ellers tar du raden bort.")]
    new = patch_from_table(fixture_store, "m.csv", data.replace(b"The University,Network B", b"Lonely Ltd,Network A"),
                           kind="membership", lang="en")
    assert new.counts == {"membership": 2}


def test_a_membership_repeated_in_one_file(fixture_store):
    data = b"Member,Network,Other source\nLonely Ltd,Network B,Letter\nlonely ltd,NETWORK B,Letter\n"
    error = refused(fixture_store, "m.csv", data, kind="membership", lang="en")
    assert error.problems == [(3, "", "The row adds the same membership as row 2 of this file (“Lonely Ltd in "
                                      "Network B”): keep only one of the two rows.")]


def test_a_twin_city_agreement_and_a_participation_the_graph_has_already(fixture_store):
    twin = b"Twin city,Agreement type,Status,Other source\nFarcity,Formal twinning,Active,Letter\n"
    error = refused(fixture_store, "t.csv", twin, kind="twin-city-agreement", lang="nb")
    assert error.problems == [(2, "", "Grafen har allerede en vennskapsbyavtale av typen «Formell vennskapsby» "
                                      "mellom «Hjemby kommune» og «Fjernby» («Hjemby–Fjernby» "
                                      f"<{EX}agreement-farcity>): vil du endre avtalen, gjør det på Rediger-siden; "
                                      "ellers tar du raden bort.")]
    error = refused(fixture_store, "t.csv", twin, kind="twin-city-agreement", lang="en")
    assert error.problems == [(2, "", "The graph already has a twin-city agreement of the type “Formal twinning” "
                                      "between “Hometown Municipality” and “Farcity” (“Hometown–Farcity” "
                                      f"<{EX}agreement-farcity>): to change it, do so on the Edit page; otherwise "
                                      "remove this row.")]
    # another type of agreement with the same city is another agreement (a letter of intent, then the twinning)
    other = patch_from_table(fixture_store, "t.csv", twin.replace(b"Formal twinning", b"Letter of intent"),
                             kind="twin-city-agreement", lang="en")
    assert other.counts == {"twin-city-agreement": 1}
    taking_part = b"Project,Participant,Other source\nProject X,Farcity,Letter\n"
    error = refused(fixture_store, "p.csv", taking_part, kind="participation", lang="en")
    assert error.problems == [(2, "", "“Farcity” already takes part in “Project X” in the graph (“Farcity in Project "
                                      f"X” <{EX}px-farcity>): to change that participation, do so on the Edit page; "
                                      "otherwise remove this row.")]


def test_a_partner_of_a_project_row_is_not_added_again(fixture_store):
    data = (b"Kind,Name in English,Name in Norwegian,Partners,Project,Participant,Other source\n"
            b"Project,Project Z,Prosjekt Z,The University,,,Letter\nParticipation,,,,Project Z,The University,Letter\n")
    error = refused(fixture_store, "p.csv", data, lang="en")
    assert error.problems == [(3, "", "The row adds the same project participation as row 2 of this file (“The "
                                      "University in Project Z”): keep only one of the two rows.")]


def test_a_section_name_is_only_taken_within_its_document(fixture_store):
    data = ("Document,Section number,Name in English,Name in Norwegian,Other source\n"
            "Programme 2010,2,Plan 2020 §1,Plan 2020 §1,Letter\n").encode()
    assert patch_from_table(fixture_store, "s.csv", data, kind="section", lang="en").counts == {"section": 1}
    error = refused(fixture_store, "s.csv", data.replace(b"Programme 2010", b"Plan 2020"), kind="section", lang="en")
    assert [(row, column) for row, column, _ in error.problems] == [(2, "Name in English")]


def test_a_network_left_and_joined_again_is_a_second_membership(store):
    imported(store, "m1.csv", b"Member,Network,Start,End,Status,Other source\n"
                              b"Lonely Ltd,Network B,2010,2015,Ended,Letter\n", kind="membership", lang="en")
    again = b"Member,Network,Start,Other source\nLonely Ltd,Network B,2019,Letter\n"
    preview = importing.prepare(store, "m2.csv", again, kind="membership", lang="en")
    assert [(e.kind, e.label) for e in preview.new] == [("Membership", "Lonely Ltd in Network B")]
    error = refused(store, "m3.csv", again.replace(b",2019,", b",2014,"), kind="membership", lang="en")
    [(row, column, message)] = error.problems  # a period that overlaps the first: the same membership
    assert (row, column) == (2, "") and message.startswith("“Lonely Ltd” is already a member of “Network B” in the "
                                                           "graph (“Lonely Ltd in Network B” <")
    both = (b"Member,Network,Start,End,Status,Other source\nLonely Ltd,Network A,2010,2015,Ended,Letter\n"
            b"Lonely Ltd,Network A,2016-03-01,,Active,Letter\n")
    assert patch_from_table(store, "m4.csv", both, kind="membership", lang="en").counts == {"membership": 2}


def test_a_row_with_other_problems_is_told_it_repeats_a_name_at_once(fixture_store):
    """A row that repeats a network of the graph and has a wrong start year was told only of the year; mended, it
    was then refused again for the name. Both are told at once, as is a name of an earlier row of the file."""
    data = (b"Name in English,Name in Norwegian,Start,Other source\nNetwork B,Nettverk B2,20x5,Letter\n"
            b"Port Cities,Havnebyer,2019,Letter\nport cities,Havnebyene,19x9,Letter\n")
    error = refused(fixture_store, "n.csv", data, kind="network", lang="en")
    assert [(row, column) for row, column, _ in error.problems] == [
        (2, "Start"), (2, "Name in English"), (4, "Start"), (4, "Name in English")]
    assert error.problems[1][2] == (
        f"The name “Network B” is already used by the network “Network B” <{EX}net-b> " + EDIT_EN)
    assert error.problems[3][2] == ("The row adds the same network as row 3 of this file (“port cities”): keep only "
                                    "one of the two rows.")
