"""A city's data kept in files: `ikg export --data` (tidy Turtle per kind), filled back or imported
with nothing changed, `ikg reset` saying what it drops, `ikg validate --store`."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from graph.cli.main import main
from graph.edit.importing import import_file
from graph.history.shipped import open_store
from graph.rdf.skolem import skolemise
from graph.render.data_export import data_graph, export_data
from tests.city.scenario import SOURCE, fill_template, start_city


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def shipped():
    return open_store("memory")


def test_export_of_the_shipped_data_fills_the_same_store(shipped, tmp_path, monkeypatch):
    written = export_data(shipped, tmp_path / "export")
    assert [p.name for p, _ in written] == [
        "activities.ttl", "actors.ttl", "agreements.ttl", "concepts.ttl", "dataset.ttl", "networks.ttl",
        "places.ttl", "policy.ttl", "projects.ttl", "review.ttl", "sources.ttl"]
    text = (tmp_path / "export" / "networks.ttl").read_text(encoding="utf-8")
    assert "owl:Class" not in text and "ikg:Change" not in text and "/.well-known/genid/" not in text
    assert "ikg:citation [" in text  # citations nested, as in data/
    monkeypatch.setenv("IKG_DATA", str(tmp_path / "export"))
    refilled = open_store("memory")
    assert set(refilled.graph()) == set(shipped.graph())


def test_importing_the_export_changes_nothing(shipped, tmp_path):
    before = set(shipped.graph())
    for path, _ in export_data(shipped, tmp_path / "export"):
        result = import_file(shipped, path, editor="test", lang="en", dry_run=True)
        assert "Nothing new: everything in the file is already in the graph." in result.describe("en"), path
    assert set(shipped.graph()) == before


def test_new_city_export_round_trip(city, tmp_path, capsys, monkeypatch):
    store, _ = city
    code, out, err = run(capsys, "export", "--data", str(tmp_path / "kept"), "--store", store)
    assert code == 0, err
    assert "wrote" in out and (tmp_path / "kept" / "agreements.ttl").exists()
    code, out, err = run(capsys, "init", "--store", str(tmp_path / "again"), "--data", str(tmp_path / "kept"),
                         "--name", "x", "--country", "NO")
    assert code == 1 and "already holds data" in err  # init never writes into a folder with data
    monkeypatch.setenv("IKG_DATA", str(tmp_path / "kept"))
    copy = open_store(str(tmp_path / "copy"))  # a new store folder, filled from the kept files
    assert set(skolemise(data_graph(copy))) == set(skolemise(data_graph(open_store(store))))  # same shape
    for path in sorted((tmp_path / "kept").glob("*.ttl")):
        assert "Nothing new" in import_file(copy, path, editor="test", dry_run=True).describe("en"), path
    kept = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "kept").glob("*.ttl"))
    assert "trondheim" not in kept.casefold()


def test_reset_says_what_it_drops_and_exports_it_first(city, tmp_path, capsys):
    store, data = city
    code, out, err = run(capsys, "export", "--data", str(tmp_path / "start"), "--store", store)
    code, out, err = run(capsys, "init", "--store", str(tmp_path / "s2"), "--data", str(tmp_path / "new"),
                         "--name", "Nyvik kommune", "--name-en", "Nyvik Municipality", "--city", "Nyvik",
                         "--country", "NO", "--lat", "60.1", "--long", "5.2",
                         "--document", "Strategi 2026 | Strategy 2026", "--target-area", "Klima | Climate")
    assert code == 0, err
    sheet = tmp_path / "template" / "country.csv"
    assert run(capsys, "template", "country", "--format", "csv", "--out", str(sheet.parent),
               "--store", str(tmp_path / "s2"))[0] == 0
    filled = fill_template(sheet, "country", [{"iso_code": "FI", "label_nb": "Finland", "label_en": "Finland",
                                                **SOURCE}], tmp_path / "fi.csv")
    code, out, err = run(capsys, "import", str(filled), "--kind", "country", "--store", str(tmp_path / "s2"),
                         "--editor", "test")
    assert code == 0, err
    code, out, err = run(capsys, "reset", "--from-data", "--yes", "--store", str(tmp_path / "s2"),
                         "--export-first", str(tmp_path / "saved"))
    assert code == 0, err
    assert f"8 facts were added or changed since the store was last filled from {(tmp_path / 'new').resolve()}" in out
    assert f"exported the data to {tmp_path / 'saved'} before the reset" in out
    assert "Finland" in (tmp_path / "saved" / "places.ttl").read_text(encoding="utf-8")
    # the folder it was rebuilt from, by name (it said «from the shipped files» of a city's own data folder)
    folder = (tmp_path / "new").resolve()
    rebuilt = f"rebuilt oxigraph:{tmp_path / 's2'} from the vocabulary and the data folder {folder}: "
    assert rebuilt in out, out
    code, out, err = run(capsys, "query", "counts", "--store", str(tmp_path / "s2"), "--format", "csv")
    assert "Country,1" in out


def test_validate_the_store(city, capsys):
    store, _ = city
    code, out, err = run(capsys, "validate", "--store", store)
    assert (code, out.strip()) == (0, f"oxigraph:{Path(store)}: valid, no problems in the store's data.")
    code, out, err = run(capsys, "validate", "--store", store, "--lang", "nb")
    assert out.strip() == f"oxigraph:{Path(store)}: gyldig, ingen problemer i dataene i lageret."


def test_export_refuses_a_folder_with_other_files(city, tmp_path, capsys):
    (tmp_path / "mine.ttl").write_text("# someone's own file\n", encoding="utf-8")
    code, out, err = run(capsys, "export", "--data", str(tmp_path), "--store", city[0])
    assert code == 1
    assert "holds other .ttl files than the export writes (mine.ttl)" in err
    assert (tmp_path / "mine.ttl").read_text(encoding="utf-8") == "# someone's own file\n"
    assert not (tmp_path / "dataset.ttl").exists()


def test_data_graph_has_no_vocabulary(shipped):
    g: Graph = data_graph(shipped)
    assert len(g) == 7892  # data/ less one citation written twice in networks.ttl (the same blank node content)


def test_exporting_into_the_stores_own_data_folder_leaves_it_current(tmp_path, capsys):
    """`ikg export --data` into the folder the store was filled from makes those files say what the store holds:
    no note may then call the store out of date (one did after every such export, naming «data/»). A change to
    the files made afterwards is noted, with the folder's own name, in the user's language."""
    store, data = str(tmp_path / "s"), tmp_path / "data"
    code, out, err = run(capsys, "init", "--store", store, "--data", str(data), "--name", "Nyvik kommune",
                         "--city", "Nyvik", "--country", "NO", "--lat", "60.1", "--long", "5.2",
                         "--document", "Strategi 2026 | Strategy 2026", "--target-area", "Klima | Climate")
    assert code == 0, err
    code, out, err = run(capsys, "export", "--data", str(data), "--store", store)
    assert code == 0 and f"wrote {data / 'places.ttl'}" in out, err
    code, out, err = run(capsys, "stats", "--store", store, "--lang", "nb")
    assert (code, err) == (0, "")
    (data / "places.ttl").write_text((data / "places.ttl").read_text(encoding="utf-8") + "# edited\n",
                                     encoding="utf-8")
    for lang, note in (("nb", f"ikg: merk: datamappen {data.resolve()} er endret siden oxigraph:{store} ble fylt; "
                              "kjør `ikg reset --from-data` for å bygge det på nytt\n"),
                       ("en", f"ikg: note: the data folder {data.resolve()} has changed since oxigraph:{store} was "
                              "filled; run `ikg reset --from-data` to rebuild it\n")):
        code, out, err = run(capsys, "stats", "--store", store, "--lang", lang)
        assert (code, err) == (0, note)


def test_export_refuses_the_data_folder_of_another_graph(tmp_path, capsys):
    """Exporting Trondheim's graph into the folder a county's graph was started from replaced the county's data
    with Trondheim's, and the store's next note then advised `ikg reset --from-data`, which would have replaced
    the county's graph too. Refused, naming the other graph; the folder is unchanged."""
    store, data = str(tmp_path / "s"), tmp_path / "data"
    code, out, err = run(capsys, "init", "--store", store, "--data", str(data), "--kind", "county",
                         "--name", "Nyland fylkeskommune | Nyland County Authority", "--city", "Nyvik",
                         "--country", "NO", "--lat", "60.1", "--long", "5.2",
                         "--document", "Strategi 2026 | Strategy 2026", "--target-area", "Klima | Climate")
    assert code == 0, err
    before = {p.name: p.read_bytes() for p in data.glob("*.ttl")}
    for lang, said in (("nb", f"ikg: Mappen {data} har dataene til en annen graf («Internasjonale relasjoner for "
                              "Nyland fylkeskommune»), og eksporten ville skrive over dem: velg en tom mappe, "
                              "eller mappen denne grafen ble startet fra.\n"),
                       ("en", f"ikg: The folder {data} holds the data of another graph (“International relations "
                              "of Nyland County Authority”), which the export would overwrite: choose an empty "
                              "folder, or the one this graph was started from.\n")):
        code, out, err = run(capsys, "export", "--data", str(data), "--store", "memory", "--lang", lang)
        assert (code, out, err) == (1, "", said)
    assert {p.name: p.read_bytes() for p in data.glob("*.ttl")} == before
    code, out, err = run(capsys, "export", "--data", str(data), "--store", store)  # its own graph: written
    assert code == 0 and f"wrote {data / 'dataset.ttl'}" in out, err


def test_a_round_trip_through_the_data_folder_is_no_change(tmp_path, capsys):
    """A city's imports name their citations, periods and amounts at random; `ikg export --data` writes them as
    nested blank nodes, which the files name by content when read. A reset right after such an export announced
    124 facts added or changed, recorded «+124 −124», and with one quote edited in the files still said 124.
    Now the round trip is no change, and an edit is counted as what it changed."""
    store, data = start_city(tmp_path)
    code, out, err = run(capsys, "export", "--data", str(data), "--store", store)
    assert code == 0, err
    before = set(open_store(store).graph())
    code, out, err = run(capsys, "reset", "--from-data", "--yes", "--store", store)
    assert code == 0, err
    assert "facts were added or changed" not in out, out
    assert set(open_store(store).graph()) == before  # nothing renamed, nothing recorded
    code, out, err = run(capsys, "history", "--store", store)
    assert " reset " not in out and "import" in out
    networks = data / "networks.ttl"
    quote = "E-post fra universitetet 2. mars 2025"
    assert quote in networks.read_text(encoding="utf-8")
    networks.write_text(networks.read_text(encoding="utf-8").replace(quote, "E-post fra universitetet 3. mars 2025"),
                        encoding="utf-8")
    code, out, err = run(capsys, "reset", "--from-data", "--yes", "--store", store)
    assert code == 0, err
    # the edited citation is another citation: its three statements (held, a citation, its words) both ways
    assert f"3 facts were added or changed since the store was last filled from {data.resolve()}, and 3 facts " \
           "of the files are missing from the store" in out, out
