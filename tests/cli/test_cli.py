"""The `ikg` command as a user meets it: exit codes, one-line errors, real output."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from graph.cli.main import main
from graph.cli.parser import build_parser
from tests.support import FIXTURES, ROOT

FIXTURE = FIXTURES / "small.ttl"


def ikg(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def fixture_dir(tmp_path):
    """An Oxigraph store folder holding the ontology and the fixture graph."""
    from graph.store.oxigraph import OxigraphStore
    from tests.conftest import fixture_files

    store = OxigraphStore(tmp_path / "store")
    store.load(fixture_files())
    store.close()
    del store
    return str(tmp_path / "store")


def test_query_twin_cities_csv(capsys, fixture_dir):
    code, out, err = ikg(capsys, "query", "twin-cities", "--store", fixture_dir, "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["city", "country", "since", "agreement", "status", "source"]
    assert rows[1] == ["Farcity", "Sweden", "1946", "Formal twinning", "Active", "Plan 2020 §2"]


def test_query_json_and_norwegian(capsys, fixture_dir):
    code, out, _ = ikg(capsys, "query", "members", "--store", fixture_dir, "--param", "network=nettverk a",
                       "--format", "json", "--lang", "nb")
    assert code == 0
    data = json.loads(out)
    assert [r["member"] for r in data] == ["Hjemby kommune", "Universitetet"]
    assert data[1]["role"] == "Styremedlem"


def test_query_path_is_answered_by_the_network(capsys, fixture_dir):
    """`path` is computed in Python (Computed-by in its .rq header), asked the same way as a SPARQL question."""
    code, out, err = ikg(capsys, "query", "path", "--store", fixture_dir, "--param", "from=Universitetet",
                         "--param", "to=Innovation Agency", "--format", "csv")
    assert code == 0, err
    assert out.splitlines() == ["steps,chain", "1,The University —[Trade group (Working group)]→ Innovation Agency"]


def test_query_table_is_readable(capsys, fixture_dir):
    code, out, _ = ikg(capsys, "query", "collaborators", "--store", fixture_dir, "--param", "actor=Universitetet")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["collaborator", "via", "via_type", "source"]
    assert "Innovation Agency" in lines[-1] and "Trade group" in lines[-1]


def test_unknown_actor_is_one_line_with_a_suggestion(capsys, fixture_dir):
    code, out, err = ikg(capsys, "query", "collaborators", "--store", fixture_dir, "--param", "actor=Universitete")
    assert code == 1
    assert err == "ikg: no actor called Universitete; did you mean Universitetet?\n"


def test_unknown_name_with_none_close_names_some_that_are_there(capsys, fixture_dir):
    """No name near the one asked for: the message says how many there are and names a few, one name for
    each in the reader's language, rather than leaving the user to guess."""
    code, _, err = ikg(capsys, "query", "members", "--store", fixture_dir, "--param", "network=Zzzz")
    assert code == 1
    assert err == "ikg: no network called Zzzz; the graph has 2 of them, such as Network A; Network B\n"
    code, _, err = ikg(capsys, "--lang", "nb", "query", "collaborators", "--store", fixture_dir, "--param",
                       "actor=Zzzz")
    assert err == "ikg: ingen aktør heter Zzzz; grafen har 7 slike, blant dem Ensom AS; Fjernby; Gammelby; …\n"


def test_unknown_param_name(capsys, fixture_dir):
    code, _, err = ikg(capsys, "query", "twin-cities", "--store", fixture_dir, "--param", "city=Oslo")
    assert code == 1
    assert err == "ikg: twin-cities has no parameter 'city'; its parameters are: none\n"


def test_param_without_equals(capsys, fixture_dir):
    code, _, err = ikg(capsys, "query", "members", "--store", fixture_dir, "--param", "network")
    assert code == 1
    assert err == "ikg: --param 'network': write it as KEY=VALUE, e.g. --param actor=NTNU\n"


def test_update_from_a_file_is_refused(capsys, fixture_dir, tmp_path):
    rq = tmp_path / "drop.rq"
    rq.write_text("DELETE WHERE { ?s ?p ?o }")
    code, _, err = ikg(capsys, "query", str(rq), "--store", fixture_dir)
    assert code == 1
    assert err == "ikg: this is an update; only SELECT, ASK, CONSTRUCT and DESCRIBE queries may run here\n"


def test_read_only_file_query_runs(capsys, fixture_dir, tmp_path):
    rq = tmp_path / "cities.rq"
    rq.write_text("SELECT ?c WHERE { ?c a ikg:City } ORDER BY ?c")
    code, out, _ = ikg(capsys, "query", str(rq), "--store", fixture_dir, "--format", "csv")
    assert code == 0
    assert out.splitlines() == ["c", "https://example.org/ikg/farcity", "https://example.org/ikg/hometown",
                                "https://example.org/ikg/oldcity"]


def test_an_answer_cut_at_the_row_limit_says_so_after_its_rows(capsys, fixture_dir, tmp_path, monkeypatch):
    rq = tmp_path / "cities.rq"
    rq.write_text("SELECT ?c WHERE { ?c a ikg:City } ORDER BY ?c")
    monkeypatch.setenv("IKG_QUERY_ROWS", "2")
    code, out, err = ikg(capsys, "query", str(rq), "--store", fixture_dir, "--format", "csv")
    assert (code, out.splitlines()) == (0, ["c", "https://example.org/ikg/farcity", "https://example.org/ikg/hometown"])
    assert err == "ikg: showing the first 2 rows of the answer; set IKG_QUERY_ROWS to see more\n"
    rq.write_text("CONSTRUCT { ?c a ikg:City } WHERE { ?c a ikg:City }")
    code, out, err = ikg(capsys, "query", str(rq), "--store", fixture_dir, "--lang", "nb")
    assert code == 0 and err == "ikg: viser de første 2 radene av svaret; sett IKG_QUERY_ROWS for å se flere\n"
    monkeypatch.setenv("IKG_QUERY_ROWS", "3")  # every row: nothing said
    code, out, err = ikg(capsys, "query", str(rq), "--store", fixture_dir)
    assert code == 0 and err == ""


def test_queries_lists_every_question(capsys):
    from graph.questions.library import list_questions

    code, out, _ = ikg(capsys, "queries")
    assert code == 0
    for q in list_questions():
        assert q.name in out and q.question_en in out


def test_gaps_and_review(capsys, fixture_dir):
    code, out, _ = ikg(capsys, "gaps", "--store", fixture_dir, "--since", "2011")
    assert code == 0
    assert "## Networks with no responsible unit" in out and "Network B" in out
    assert "## Twin cities with no recorded activity since the chosen year" in out and "Oldtown" in out
    code, out, _ = ikg(capsys, "review", "--store", fixture_dir, "--format", "md")
    assert code == 0
    assert out.splitlines()[0].startswith("| kind | name | since |")
    assert "| membership | Network A | 2015 | Active | Trade | Culture unit | 10000 | NOK |" in out


@pytest.mark.parametrize(("lang", "since", "told"), [("en", "99999", "not a four-digit year, e.g. 2010"),
                                                     ("nb", "-5", "ikke et firesifret årstall, f.eks. 2010")])
def test_gaps_refuses_a_year_that_is_not_one_by_its_own_option(capsys, fixture_dir, lang, since, told):
    code, out, err = ikg(capsys, "--lang", lang, "gaps", "--store", fixture_dir, "--since", since)
    assert (code, out, err) == (1, "", f"ikg: --since {since}: {told}\n")


def test_stats(capsys, fixture_dir):
    code, out, _ = ikg(capsys, "stats", "--store", fixture_dir)
    assert code == 0
    assert any(line.split() == ["Twin-city", "agreement", "2"] for line in out.splitlines())
    assert "collaboration network:" in out


def test_every_command_is_in_help_and_readme():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in commands:
        assert f"ikg {name}" in readme, name
        assert commands[name].format_help()


def test_every_command_has_one_function():
    from graph.cli.commands import COMMANDS, NO_STALENESS_NOTE

    commands = build_parser()._subparsers._group_actions[0].choices
    assert set(COMMANDS) == set(commands)
    assert NO_STALENESS_NOTE <= set(COMMANDS)


def test_every_question_is_in_readme():
    from graph.questions.library import list_questions

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for q in list_questions():
        assert f"`{q.name}`" in readme, q.name


def test_no_traceback_in_a_real_process(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ")
    proc = subprocess.run([sys.executable, "-m", "graph.cli", "validate", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert f"{bad}:2:" in proc.stdout + proc.stderr


def test_reset_rebuilds_from_data_and_keeps_assessments(capsys, tmp_path, monkeypatch):
    from graph.analysis.assessments import assessments
    from graph.edit.assessments import save_assessment
    from graph.history.shipped import fill_from_shipped, is_stale
    from graph.store import _open_folders
    from graph.store.oxigraph import OxigraphStore

    folder = tmp_path / "store"
    store = OxigraphStore(folder)
    fill_from_shipped(store)
    _open_folders[folder.resolve()] = store
    item = "https://w3id.org/ikg/trondheim/membership-trondheim-icorn"
    save_assessment(store, item, "2026", {"5": 3}, "Refugee writers hosted", "good", "keep", "",
                           "Kari", "2026-11-01")
    store.apply(remove=store.construct(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . FILTER(?s = trd:darmstadt) }"))
    assert not store.ask("ASK { trd:darmstadt ?p ?o }")
    (folder / "IKG_SHIPPED").write_text("an older version\n")
    assert is_stale(store)

    code, _, err = ikg(capsys, "stats", "--store", str(folder))
    assert f"the data folder {ROOT / 'data'} has changed since" in err and "ikg reset --from-data" in err

    code, out, _ = ikg(capsys, "reset", "--from-data", "--yes", "--store", str(folder))
    assert code == 0 and "Review assessments are kept." in out
    assert store.ask("ASK { trd:darmstadt ?p ?o }")
    assert not is_stale(store)
    assert [a.reviewer for a in assessments(store, "en")] == ["Kari"]


def test_reset_asks_first(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = ikg(capsys, "reset", "--from-data", "--store", str(tmp_path / "s"))
    assert code == 1
    assert err == "ikg: reset needs confirmation: run it in a terminal, or add --yes\n"
