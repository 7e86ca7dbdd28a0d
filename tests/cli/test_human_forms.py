"""What a person reads in `ikg query` and `ikg history` tables: whose collaborator each row is when no actor is
asked for, and in bokmål decimals, days and times as Norwegians write them (as the app writes them), while
English and CSV/JSON keep the forms scripts read."""

from __future__ import annotations

import datetime as dt
import json

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from tests.cli.test_cli import fixture_dir, ikg  # noqa: F401 - the fixture is used by name


def lines_of(capsys, *args: str) -> list[str]:
    code, out, err = ikg(capsys, *args)
    assert code == 0, err
    return out.splitlines()


def test_collaborators_of_every_actor_name_the_actor_first(capsys, fixture_dir):  # noqa: F811
    nb = lines_of(capsys, "--store", fixture_dir, "--lang", "nb", "query", "collaborators")
    assert nb[:5] == [
        "aktør              samarbeidspartner  gjennom                 slag               kilder",
        "-----------------  -----------------  ----------------------  -----------------  ---------------",
        "Fjernby            Hjemby kommune     Hjemby–Fjernby          Vennskapsbyavtale  Plan 2020 §2",
        "Fjernby            Hjemby kommune     Prosjekt X              Prosjekt           Plan 2020 §2",
        "Gammelby           Hjemby kommune     Hjemby–Gammelby         Vennskapsbyavtale  Program 2010 §1",
    ]
    en = lines_of(capsys, "--store", fixture_dir, "query", "collaborators")
    assert en[:4] == [
        "actor_name             collaborator           via                    via_type             source",
        "---------------------  ---------------------  ---------------------  -------------------  -----------------",
        "Culture unit           Hometown Municipality  Delegation to Farcity  Delegation           Programme 2010 §1",
        "Farcity                Hometown Municipality  Hometown–Farcity       Twin-city agreement  Plan 2020 §2",
    ]
    assert len(nb) == len(en) == 2 + 18
    code, out, _ = ikg(capsys, "--store", fixture_dir, "query", "collaborators", "--format", "csv")
    assert out.splitlines()[:2] == [
        "actor_name,collaborator,via,via_type,source",
        "Culture unit,Hometown Municipality,Delegation to Farcity,Delegation,Programme 2010 §1"]


def test_collaborators_of_one_actor_are_as_before(capsys, fixture_dir):  # noqa: F811
    nb = lines_of(capsys, "--store", fixture_dir, "--lang", "nb", "query", "collaborators", "--param",
                  "actor=Universitetet")
    assert nb == [
        "samarbeidspartner  gjennom        slag           kilder",
        "-----------------  -------------  -------------  ---------------",
        "Hjemby kommune     Handelsgruppa  Arbeidsgruppe  Program 2010 §1",
        "Hjemby kommune     Nettverk A     Nettverk       Plan 2020 §2",
        "Hjemby kommune     Nettverk B     Nettverk       Program 2010 §1",
        "Innovasjonsetaten  Handelsgruppa  Arbeidsgruppe  Program 2010 §1",
    ]


def test_places_and_documents_in_bokmal_write_decimal_commas_and_days(capsys, fixture_dir):  # noqa: F811
    assert lines_of(capsys, "--store", fixture_dir, "--lang", "nb", "query", "places") == [
        "by              rolle        breddegrad  lengdegrad  avtale               siden  status",
        "--------------  -----------  ----------  ----------  -------------------  -----  --------",
        "Hjemby kommune  hjemby       63,43       10,39",
        "Fjernby         vennskapsby  58,59       16,18       Formell vennskapsby  1946   Aktiv",
        "Gammelby        vennskapsby  62,39       17,3        Planlagt relasjon           Planlagt",
    ]
    assert lines_of(capsys, "--store", fixture_dir, "--lang", "nb", "query", "documents") == [
        "dokument      dato          beskrivelse",
        "------------  ------------  -----------",
        "Program 2010  1. juni 2010",
        "Plan 2020     1. jan. 2020",
    ]


def test_places_and_documents_in_english_and_csv_keep_the_machine_forms(capsys, fixture_dir):  # noqa: F811
    assert lines_of(capsys, "--store", fixture_dir, "query", "places") == [
        "city                   role  lat    long   agreement         since  status",
        "---------------------  ----  -----  -----  ----------------  -----  -------",
        "Hometown Municipality  home  63.43  10.39",
        "Farcity                twin  58.59  16.18  Formal twinning   1946   Active",
        "Oldtown                twin  62.39  17.3   Planned relation         Planned",
    ]
    assert lines_of(capsys, "--store", fixture_dir, "query", "documents")[2:] == [
        "Programme 2010  2010-06-01", "Plan 2020       2020-01-01"]
    assert lines_of(capsys, "--store", fixture_dir, "--lang", "nb", "query", "places", "--format", "csv")[1] == (
        "Hjemby kommune,home,63.43,10.39,,,")
    code, out, _ = ikg(capsys, "--store", fixture_dir, "--lang", "nb", "query", "documents", "--format", "json")
    assert [row["date"] for row in json.loads(out)] == ["2010-06-01", "2020-01-01"]


def a_change_at_18_40(store_dir: str) -> str:
    """A change recorded on 7 December 2026 at 18:40 UTC; its id."""
    from graph.history.changes import commit
    from graph.history.shipped import open_store

    store = open_store(store_dir)
    change = commit(store, add=[(URIRef("https://example.org/ikg/x"), RDFS.label, Literal("X"))], editor="Kari",
                    action="add-actor", why="ny", now=dt.datetime(2026, 12, 7, 18, 40, tzinfo=dt.UTC))
    store.close()
    return change.id


def test_history_in_bokmal_writes_the_time_as_the_app_does(capsys, fixture_dir):  # noqa: F811
    change = a_change_at_18_40(fixture_dir)
    assert lines_of(capsys, "--store", fixture_dir, "--lang", "nb", "history") == [
        "id                     tidspunkt                hvem  handling         tripler  angring  hvorfor",
        "---------------------  -----------------------  ----  ---------------  -------  -------  -------",
        f"{change}  7. des. 2026, 18:40 UTC  Kari  la til en aktør  +1 -0             ny",
    ]
    assert lines_of(capsys, "--store", fixture_dir, "--lang", "nb", "history", "--show", change) == [
        f"endring {change}  7. des. 2026, 18:40 UTC  Kari  la til en aktør  — ny",
        '+ <https://example.org/ikg/x> rdfs:label "X"',
    ]


def test_history_in_bokmal_writes_the_time_in_the_chosen_zone_and_names_it(capsys, fixture_dir, monkeypatch):  # noqa: F811
    """A change made at 18:40 UTC was made at 19:40 in Trondheim: with IKG_TIMEZONE=Europe/Oslo the history says
    so, and names the zone, so no reader takes a time in one zone for a time in another."""
    change = a_change_at_18_40(fixture_dir)
    monkeypatch.setenv("IKG_TIMEZONE", "Europe/Oslo")
    assert lines_of(capsys, "--store", fixture_dir, "--lang", "nb", "history", "--show", change)[0] == (
        f"endring {change}  7. des. 2026, 19:40 CET  Kari  la til en aktør  — ny")


def test_history_in_english_keeps_the_recorded_time(capsys, fixture_dir):  # noqa: F811
    change = a_change_at_18_40(fixture_dir)
    assert lines_of(capsys, "--store", fixture_dir, "history") == [
        "id                     time                  editor  action     triples  undo  why",
        "---------------------  --------------------  ------  ---------  -------  ----  ---",
        f"{change}  2026-12-07T18:40:00Z  Kari    add-actor  +1 -0          ny",
    ]
    assert lines_of(capsys, "--store", fixture_dir, "history", "--show", change)[0] == (
        f"change {change}  2026-12-07T18:40:00Z  Kari  add-actor  — ny")


def test_an_own_query_in_bokmal_writes_a_time_and_a_decimal_as_norwegians_do(capsys, fixture_dir, tmp_path):  # noqa: F811
    a_change_at_18_40(fixture_dir)
    own = tmp_path / "when.rq"
    own.write_text("SELECT ?when ?lat WHERE { ?c a ikg:Change ; prov:startedAtTime ?when .\n"
                   "  ?city geo:lat ?lat . FILTER(?lat > 63) }\n", encoding="utf-8")
    assert lines_of(capsys, "--store", fixture_dir, "--lang", "nb", "query", str(own)) == [
        "when                     breddegrad", "-----------------------  ----------",
        "7. des. 2026, 18:40 UTC  63,43"]
    assert lines_of(capsys, "--store", fixture_dir, "--lang", "nb", "query", str(own), "--format", "csv") == [
        "when,lat", "2026-12-07T18:40:00+00:00,63.43"]


def test_what_changed_between_documents_heads_its_names_as_names(capsys):
    """`ikg query changes` lists things by name: its column was headed «sak (IRI)» / "item (IRI)" over names."""
    for lang, head in (("nb", ["slag", "sak", "endring"]), ("en", ["kind", "item", "change"])):
        lines = lines_of(capsys, "--store", "memory", "--lang", lang, "query", "changes")
        assert lines[0].split() == head
        assert "https://" not in "\n".join(lines)


def test_a_twin_city_with_no_recorded_activity_says_so_to_a_person_and_is_blank_to_a_script(capsys):
    nb = lines_of(capsys, "--store", "memory", "--lang", "nb", "query", "inactive-twin-cities")
    assert nb[0].split() == ["by", "avtale", "status", "siste", "aktivitet"]
    assert nb[2].startswith("Darmstadt") and nb[2].endswith("Aktiv   ingen registrert")
    en = lines_of(capsys, "--store", "memory", "query", "inactive-twin-cities")
    assert en[2].startswith("Darmstadt") and en[2].endswith("Active  none recorded")
    assert lines_of(capsys, "--store", "memory", "query", "inactive-twin-cities", "--format", "csv")[1] == (
        "Darmstadt,Formal twinning,Active,")
