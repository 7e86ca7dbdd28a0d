"""Drop-down lists in the workbook templates (graph/edit/tabular/dropdowns.py): the columns of a closed set of
values or of things the store has offer them, from a hidden sheet, in the template's language; whatever a
list offers, the import takes."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from rdflib import URIRef
from rdflib.namespace import RDF

import graph.edit.tabular.reader as reader
from graph.edit.build import save
from graph.edit.choices import choices
from graph.edit.kinds import KIND_BY_NAME, KINDS, kind_spec
from graph.edit.lookup import Lookup, class_label
from graph.edit.tabular import header, patch_from_table, sheet_name, template
from graph.i18n import t
from graph.store.memory import MemoryStore
from graph.vocab.namespaces import IKG, ORG
from tests.conftest import fixture_files


def opened(data: bytes):
    return load_workbook(io.BytesIO(data))


def dropdowns(wb, kind: str, lang: str) -> dict[str, tuple[object, list[str]]]:
    """Header of each data column with a list validation -> (the validation, the values its range holds)."""
    ws = wb[sheet_name(KIND_BY_NAME[kind], lang)]
    out = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        (cells,) = dv.sqref.ranges
        assert (cells.min_row, cells.max_row, cells.min_col) == (2, reader.MAX_ROWS + 1, cells.max_col)
        sheet, _, area = dv.formula1.partition("!")
        values = [c.value for row in wb[sheet.strip("'")][area.replace("$", "")] for c in row]
        out[ws.cell(row=1, column=cells.min_col).value] = (dv, values)
    return out


def column(kind: str, name: str, lang: str) -> str:
    return header(kind_spec(kind, lang).get(name), lang)


def test_the_status_column_lists_the_statuses_the_import_takes(fixture_store):
    status = kind_spec("membership").get("status")
    look = Lookup(fixture_store, "nb")
    wanted = {iri for iri, _, _ in look.concepts(IKG.Statuses)}
    for store in (fixture_store, None):  # without a store, the shipped vocabulary's statuses
        dv, values = dropdowns(opened(template("membership", "xlsx", "nb", store=store)), "membership", "nb")[
            column("membership", "status", "nb")]
        parsed = [status.field_type.parse(status, v, look) for v in values]
        assert sorted(parsed) == sorted(wanted) and len(values) == len(wanted)  # each status once, each one taken
        assert values == [class_label(iri, "nb") for iri in parsed]  # in Norwegian
        assert "Aktiv" in values
        assert (dv.showErrorMessage, dv.errorStyle, dv.allow_blank) == (True, "stop", True)
        assert dv.errorTitle == t("tabular.list.refused_title", "nb")
        assert dv.error == t("tabular.list.refused", "nb", column="Status", help="Hjelp")


def test_english_template_lists_english_labels_and_messages(fixture_store):
    lists = dropdowns(opened(template("membership", "xlsx", "en", store=fixture_store)), "membership", "en")
    dv, values = lists["Status"]
    assert "Active" in values and "Aktiv" not in values
    assert dv.error == t("tabular.list.refused", "en", column="Status", help="Help")
    assert lists["Role"][1] == [label for _, label in choices(fixture_store, "role", "en")]


def test_member_and_network_columns_list_the_things_of_the_store(fixture_store):
    lists = dropdowns(opened(template("membership", "xlsx", "nb", store=fixture_store)), "membership", "nb")
    look = Lookup(fixture_store, "nb")
    for name, classes in (("member", (IKG.Actor,)), ("network", (IKG.Network,))):
        dv, values = lists[column("membership", name, "nb")]
        assert values == [label for _, label in choices(fixture_store, name, "nb")]
        assert {look.resolve(v, classes, name) for v in values} == {URIRef(i) for i, _ in look.entity_choices(classes)}
        # a thing may also be named by its identifier or a row further up: warned about, not refused
        assert (dv.showErrorMessage, dv.errorStyle) == (True, "warning")
        assert dv.error == t("tabular.list.unlisted", "nb", column=kind_spec("membership").get(name).label("nb"),
                                    help="Hjelp")


def test_without_a_store_only_the_fixed_lists(fixture_store):
    lists = dropdowns(opened(template("project", "xlsx", "en")), "project", "en")
    assert set(lists) == {"Status", "Currency", "SDGs", "Evidence"}
    assert lists["Currency"][1] == ["NOK", "EUR", "SEK", "DKK", "USD"]
    with_store = dropdowns(opened(template("project", "xlsx", "en", store=fixture_store)), "project", "en")
    assert {"Funding programme", "Target areas", "Partners", "Source: section"} <= set(with_store)
    actor = dropdowns(opened(template("actor", "xlsx", "nb")), "actor", "nb")
    assert actor[column("actor", "actor_type", "nb")][1][:2] == ["By/kommune", "Kommunal enhet"]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_columns_of_several_values_take_what_is_typed(fixture_store, lang):
    seen = set()
    for kind in KINDS:
        lists = dropdowns(opened(template(kind.name, "xlsx", lang, store=fixture_store)), kind.name, lang)
        for f in kind_spec(kind.name, lang).fields:
            if f.multiple and header(f, lang) in lists:
                dv, values = lists[header(f, lang)]
                assert dv.showErrorMessage is False, (kind.name, f.name)  # "1; 3" is not refused
                assert values and not any(";" in v for v in values)
                seen.add(f.name)
    assert seen == {"target_areas", "sdgs", "partners", "participants"}
    # what a list of several offers imports, one or several in a cell
    areas = dropdowns(opened(template("network", "xlsx", lang, store=fixture_store)), "network", lang)
    picked = "; ".join(areas[column("network", "target_areas", lang)][1][:2])
    f = kind_spec("network").get("target_areas")
    assert len(f.field_type.parse(f, picked, Lookup(fixture_store, lang))) == 2


def test_the_lists_sheet_is_hidden_and_named_in_the_language(fixture_store):
    nb = opened(template("membership", "xlsx", "nb", store=fixture_store))
    assert nb.sheetnames == ["Medlemskap", "Hjelp", "Lister"]
    assert nb["Lister"].sheet_state == "hidden" and nb["Medlemskap"].sheet_state == "visible"
    assert nb.active.title == "Medlemskap"
    assert nb["Lister"]["A1"].value == column("membership", "member", "nb")
    en = opened(template("network", "xlsx", "en"))
    assert en.sheetnames == ["Network", "Help", "Lists"] and en["Lists"].sheet_state == "hidden"


def test_messages_fit_what_excel_allows(fixture_store):
    for lang in ("nb", "en"):
        for kind in KIND_BY_NAME:
            found = dropdowns(opened(template(kind, "xlsx", lang, store=fixture_store)), kind, lang).values()
            assert any(dv.error for dv, _ in found), kind  # every kind has one (its source's evidence)
            for dv, _ in found:
                assert len(dv.errorTitle or "") <= 32 and len(dv.error or "") <= 255, (kind, dv.error)


def test_a_template_filled_from_the_lists_imports(fixture_store):
    wb = opened(template("membership", "xlsx", "nb", store=fixture_store))
    lists = dropdowns(wb, "membership", "nb")
    ws = wb["Medlemskap"]
    headers = [c.value for c in ws[1]]
    linked = {(str(a), str(b)) for a, b in fixture_store.select(
        "SELECT ?a ?b WHERE { ?m a org:Membership ; org:member ?a ; org:organization ?b }").rows}
    look = Lookup(fixture_store, "nb")
    member, network = next((m, n) for m in lists["Medlem *"][1] for n in lists["Nettverk *"][1]
                           if (str(look.resolve(m, (IKG.Actor,), "")), str(look.resolve(n, (IKG.Network,), "")))
                           not in linked)
    picked = {"Medlem *": member, "Nettverk *": network}
    for name, (_, values) in lists.items():  # every other listed column: its last value
        picked.setdefault(name, values[-1])
    assert set(picked) == {"Medlem *", "Nettverk *", "Rolle", "Status", "Ansvarlig enhet", "Valuta",
                           "Kilde: avsnitt", "Belegg"}
    typed = {"Kilde: sitat": "Byen er medlem av nettverket."}  # a section is quoted
    for i, h in enumerate(headers, start=1):
        ws.cell(row=2, column=i, value=picked.get(h, typed.get(h, ws.cell(row=2, column=i).value)))
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    table = reader.read("m.xlsx", data, None, "nb")  # the data sheet, not the lists or the help
    assert (table.sheet_kind.name, table.headers, [r[0] for r in table.rows]) == ("membership", headers, [2])
    patch = patch_from_table(fixture_store, "m.xlsx", data, lang="nb")
    assert (patch.kind, patch.rows, patch.counts) == ("membership", 1, {"membership": 1})
    same = patch_from_table(fixture_store, "m.xlsx", data, kind="membership", lang="nb")
    assert same.counts == {"membership": 1}
    (iri,) = patch.add.subjects(RDF.type, ORG.Membership)
    role, status = patch.add.value(iri, ORG.role), patch.add.value(iri, IKG.status)
    assert (class_label(role, "nb"), class_label(status, "nb")) == (picked["Rolle"], picked["Status"])


def test_names_in_the_lists_are_neutralised_and_still_import():
    s = MemoryStore()
    s.load(fixture_files())
    name = "=HYPERLINK(\"http://x\")"
    save(s, "network", {"label_nb": name, "label_en": name, "source_reference": "Letter"}, editor="Kari")
    wb = opened(template("membership", "xlsx", "en", store=s))
    _, values = dropdowns(wb, "membership", "en")["Network *"]
    assert "'" + name in values and name not in values
    cell = next(c for row in wb["Lists"].iter_rows() for c in row if c.value == "'" + name)
    assert cell.data_type == "s"
    ws = wb["Membership"]
    ws["C2"] = "'" + name  # picked from the drop-down
    ws["B2"] = dropdowns(wb, "membership", "en")["Member *"][1][0]
    buf = io.BytesIO()
    wb.save(buf)
    patch = patch_from_table(s, "m.xlsx", buf.getvalue(), lang="en")
    (iri,) = patch.add.subjects(RDF.type, ORG.Membership)
    assert Lookup(s, "en").label(patch.add.value(iri, ORG.organization)) == name


def test_sections_are_listed_by_their_numbers_in_the_form_and_the_lists_sheet(tmp_path):
    # as text ¶1, ¶10, ¶11, ¶2 and §5 before §2.1; by number ¶1, ¶2, ¶10, ¶11 and §2.1 before §5
    sections = "".join(
        f'ex:doc-plan-p{n.replace(".", "-")} a ikg:Section ; dcterms:isPartOf ex:doc-plan ; '
        f'rdfs:label "Plan 2020 {n}"@nb , "Plan 2020 {n}"@en .\n' for n in ("¶10", "¶2", "¶11", "¶1", "§5", "§2.1"))
    (tmp_path / "sections.ttl").write_text(
        "@prefix ex: <https://example.org/ikg/> .\n@prefix ikg: <https://w3id.org/ikg/ontology#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        + sections, encoding="utf-8")
    s = MemoryStore()
    s.load([*fixture_files(), tmp_path / "sections.ttl"])
    wanted = ["Plan 2020 §1", "Plan 2020 §2", "Plan 2020 §2.1", "Plan 2020 §5", "Plan 2020 ¶1", "Plan 2020 ¶2",
              "Plan 2020 ¶10", "Plan 2020 ¶11"]
    for lang in ("nb", "en"):
        offered = [label for _, label in choices(s, "source_section", lang)]  # the Edit page's pick list
        assert [x for x in offered if x.startswith("Plan 2020 ")] == wanted
        lists = dropdowns(opened(template("membership", "xlsx", lang, store=s)), "membership", lang)
        listed = lists[column("membership", "source_section", lang)][1]
        assert [x for x in listed if x.startswith("Plan 2020 ")] == wanted


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_target_area_is_offered_numbered_and_imports(memory_shipped, lang):
    """Trondheim's third target area has a comma in its name; the network template's list left it out, and
    offered the others by name while the help said to write numbers. All five are offered, numbered as the help
    and the forms show them, and each imports as its area, alone or with others."""
    lists = dropdowns(opened(template("network", "xlsx", lang, store=memory_shipped)), "network", lang)
    offered = lists[column("network", "target_areas", lang)][1]
    look = Lookup(memory_shipped, lang)
    assert offered == [f"{n} {label}" for n, _, label in look.target_areas()]
    assert [x.split()[0] for x in offered] == ["1", "2", "3", "4", "5"] and "," in offered[2]
    f = kind_spec("network").get("target_areas")
    areas = [iri for _, iri, _ in look.target_areas()]
    assert [f.field_type.parse(f, x, look) for x in offered] == [[a] for a in areas]
    assert f.field_type.parse(f, f"{offered[2]}; 1, 5", look) == [areas[2], areas[0], areas[4]]
    assert f.field_type.parse(f, offered[2].split(" ", 1)[1], look) == [areas[2]]  # its name alone
