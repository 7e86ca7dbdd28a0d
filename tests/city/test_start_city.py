"""A new city from nothing with the documented commands and templates only, every named question on it."""

from __future__ import annotations

import csv
import io

import pytest

from graph.cli.main import main
from graph.questions.library import list_questions
from tests.city.scenario import INIT

PARAMS = {
    "members": ["--param", "network=Coastal Cities Network"],
    "path": ["--param", "from=Eksempelvik University", "--param", "to=Südstadt"],
    "collaborators": ["--param", "actor=Eksempelvik"],
}


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def rows(out):
    return list(csv.reader(io.StringIO(out)))


def test_init_writes_a_valid_starting_dataset(city, capsys):
    store, data = city
    assert sorted(p.name for p in data.glob("*.ttl")) == ["concepts.ttl", "dataset.ttl", "sources.ttl"]
    code, out, err = run(capsys, "validate", *map(str, sorted(data.glob("*.ttl"))))
    assert (code, out.strip()) == (0, "valid: no problems found."), out + err
    code, out, _ = run(capsys, "query", "dataset", "--store", store, "--format", "csv")
    assert rows(out)[1][0] == "International relations of Eksempelvik Municipality"
    assert rows(out)[1][2] == "Eksempelvik Municipality"
    code, out, _ = run(capsys, "query", "coverage-target-areas", "--store", store, "--format", "csv", "--lang", "nb")
    assert [r[:2] for r in rows(out)[1:]] == [["1", "Klima og miljø"], ["2", "Utdanning og ungdom"]]


def test_imported_twin_cities_and_members(city, capsys):
    store, _ = city
    code, out, err = run(capsys, "query", "twin-cities", "--store", store, "--format", "csv")
    assert code == 0, err
    assert [r[:5] for r in rows(out)[1:]] == [["Nordby", "Sweden", "1949", "Formal twinning", "Ended"],
                                              ["Südstadt", "Germany", "1990", "Formal twinning", "Active"]]
    code, out, err = run(capsys, "query", "members", "--store", store, "--format", "csv",
                         *PARAMS["members"])
    assert [r[0] for r in rows(out)[1:]] == ["Eksempelvik Municipality", "Eksempelvik University"]


def test_inactivity_reads_end_years_and_ongoing_projects(city, capsys):
    """Nordby's tradition ran 1949–2022, Südstadt's school project (since 2001) is still active."""
    store, _ = city
    code, out, err = run(capsys, "query", "inactive-twin-cities", "--store", store, "--format", "csv")
    assert rows(out) == [["city", "agreement", "status", "last_activity"]], err
    code, out, err = run(capsys, "query", "inactive-twin-cities", "--store", store, "--format", "csv",
                         "--param", "since=2023")
    assert rows(out)[1:] == [["Nordby", "Formal twinning", "Ended", "2022"]], err


def test_sources_given_as_text_and_web_address_show(city, capsys):
    store, _ = city
    cited = "Årsmelding 2024 for Eksempelvik; https://eksempelvik.example/arsmelding"  # sorted, Å as A
    code, out, err = run(capsys, "query", "twin-cities", "--store", store, "--format", "csv")
    assert [r[5] for r in rows(out)[1:]] == [cited, cited]
    code, out, err = run(capsys, "query", "members", "--store", store, "--format", "csv", *PARAMS["members"])
    assert [r[5] for r in rows(out)[1:]] == [cited, "E-post fra universitetet 2. mars 2025"]
    code, out, err = run(capsys, "query", "networks", "--store", store, "--format", "csv")
    assert rows(out)[1:] == [["Coastal Cities Network", "Climate and environment", "1", cited]]
    code, out, err = run(capsys, "query", "unowned-networks", "--store", store, "--format", "csv")
    assert rows(out)[1:] == [["Coastal Cities Network", cited]]
    code, out, err = run(capsys, "query", "collaborators", "--store", store, "--format", "csv",
                         "--param", "actor=Eksempelvik University")
    assert [r[1:] for r in rows(out)[1:]] == [
        ["Coastal Cities Network", "Network", "Årsmelding 2024 for Eksempelvik; E-post fra universitetet 2. mars 2025; "
         "https://eksempelvik.example/arsmelding"],  # both members' sources
        ["Green Schools", "Project", cited]]


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_every_named_question_runs_without_trondheim(city, capsys, lang):
    store, _ = city
    for q in list_questions():
        code, out, err = run(capsys, "query", q.name, "--store", store, "--lang", lang, *PARAMS.get(q.name, []))
        assert code == 0, f"{q.name}: {err}"
        assert "trondheim" not in (out + err).casefold(), f"{q.name} says Trondheim:\n{out}"
    for command in (["gaps"], ["stats"], ["review"]):
        code, out, err = run(capsys, *command, "--store", store, "--lang", lang)
        assert code == 0, f"{command}: {err}"
        assert "trondheim" not in (out + err).casefold(), f"{command} says Trondheim:\n{out}"


def test_init_refuses_bad_answers_and_writes_nothing(tmp_path, capsys):
    bad = [a if a != "NO" else "XX" for a in INIT]
    bad = [a if a != "62.47" else "162" for a in bad]
    code, out, err = run(capsys, "init", "--store", str(tmp_path / "s"), "--data", str(tmp_path / "d"), *bad)
    assert code == 1
    assert "There is no country with the ISO 3166 code “XX”" in err
    assert "The latitude “162” is not a number from -90 to 90" in err
    assert not (tmp_path / "d").exists()


def test_init_refuses_a_made_up_language_code(tmp_path, capsys):
    """`--languages nb,xx` wrote the English texts tagged @xx, a language that is none; refused, as at the
    terminal, naming the code."""
    code, out, err = run(capsys, "init", "--store", str(tmp_path / "s"), "--data", str(tmp_path / "d"), *INIT,
                         "--languages", "nb,xx", "--lang", "nb")
    assert (code, out) == (1, "")
    assert "Ukjent språkkode: xx. Skriv koder på to bokstaver, f.eks. nb, en, sv." in err
    assert not (tmp_path / "d").exists()


def test_init_takes_both_names_from_one_name_option(tmp_path, capsys):
    """--name "Norwegian | English" without --name-en: the English name is the part after the bar (it was the
    whole text, bar and all, in the English labels and in the namespace)."""
    named = [a for a in INIT if a not in ("--name-en", "Eksempelvik Municipality")]
    named[named.index("Eksempelvik kommune")] = "Eksempelvik kommune | Eksempelvik Municipality"
    data = tmp_path / "d"
    code, out, err = run(capsys, "init", "--store", str(tmp_path / "s"), "--data", str(data), *named)
    assert code == 0, err
    dataset = (data / "dataset.ttl").read_text(encoding="utf-8")
    assert "<https://w3id.org/ikg/eksempelvik-municipality/>" in dataset
    assert '"International relations of Eksempelvik Municipality"@en' in dataset
    assert "|" not in dataset


def test_init_refuses_a_folder_with_data(city, tmp_path, capsys):
    _, data = city
    code, out, err = run(capsys, "init", "--store", "memory", "--data", str(data), "--lang", "nb", *INIT)
    assert code == 1
    assert f"Mappen {data} har allerede data (.ttl-filer): velg en ny eller tom mappe." in err


def test_template_of_an_unknown_kind_names_the_kinds(tmp_path, capsys):
    code, out, err = run(capsys, "template", "planet", "--out", str(tmp_path), "--store", "memory")
    assert code == 1
    assert err.strip() == ("ikg: Unknown kind “planet”; the kinds are: actor, network, membership, "
                           "twin-city-agreement, project, participation, activity, country, place, document, "
                           "section, target-area, funding-programme.")
    assert not list(tmp_path.iterdir())
