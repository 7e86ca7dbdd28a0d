"""A workbook template in a real spreadsheet program: LibreOffice Calc opens it, offers the same drop-downs
with the same messages as the file says, and a row filled in Calc (a date and a number pasted in as values,
not text) and saved by Calc imports with exactly those values. Calc runs headless, driven through its own
Python bridge (tests/support/spreadsheet.py); ./scripts/test installs it (libreoffice-calc-nogui)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from graph.edit.kinds import kind_spec
from graph.edit.lookup import Lookup, class_label
from graph.edit.tabular import header, patch_from_table, template
from graph.edit.uploads import check_upload
from graph.store.memory import MemoryStore
from graph.vocab.namespaces import IKG, ORG, PREFIXES
from tests.conftest import fixture_files
from tests.edit.test_tabular_dropdowns import dropdowns
from tests.support.spreadsheet import in_calc

ALERT = {None: "STOP", "stop": "STOP", "warning": "WARNING", "information": "INFO"}  # no style: stop
PERIOD_AND_COST = """SELECT ?start ?end ?end_day ?value ?currency WHERE {
  ?m a org:Membership ; org:memberDuring ?p ; ikg:annualCost ?a .
  ?p time:hasBeginning/time:inXSDDate ?start ; time:hasEnd ?e . ?e time:inXSDgYear ?end .
  OPTIONAL { ?e time:inXSDDate ?end_day }
  ?a schema:value ?value ; schema:currency ?currency }"""


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_template_filled_and_saved_in_calc_imports_its_values(tmp_path, lang):
    store = MemoryStore()
    store.load(fixture_files())
    data = template("membership", "xlsx", lang, store=store)
    wanted = dropdowns(load_workbook(io.BytesIO(data)), "membership", lang)
    spec, look = kind_spec("membership", lang), Lookup(store, lang)
    col = {name: header(spec.get(name), lang) for name in ("member", "network", "role", "status", "start", "end",
                                                              "annual_cost", "currency", "source_reference")}
    linked = {(str(a), str(b)) for a, b in store.select(
        "SELECT ?a ?b WHERE { ?m a org:Membership ; org:member ?a ; org:organization ?b }").rows}
    member, network = next((m, n) for m in wanted[col["member"]][1] for n in wanted[col["network"]][1]
                           if (str(look.resolve(m, (IKG.Actor,), "")), str(look.resolve(n, (IKG.Network,), "")))
                           not in linked)
    fill: dict[str, object] = {
        col["member"]: member, col["network"]: network, col["role"]: wanted[col["role"]][1][0],
        col["status"]: class_label(IKG.Ended, lang),
        col["start"]: {"date": "2021-03-01"},  # pasted in as a date: Calc keeps a day number, shown as a date
        col["end"]: {"number": 2023},  # a year as a number
        col["annual_cost"]: {"number": 12500.5}, col["currency"]: "NOK",
        col["source_reference"]: "Bystyrets vedtak 12.03.2021"}
    seen, saved = in_calc(tmp_path, data, fill)

    # Calc offers the file's drop-downs, each with the file's values, alert and message, in the language
    lists = {h: v for h, v in seen["columns"].items() if v["type"] == "LIST"}
    assert set(lists) == set(wanted) and len(lists) == 8
    for head, (dv, values) in wanted.items():
        assert lists[head]["values"] == values, head
        assert (lists[head]["alert"], lists[head]["shows_error"]) == (ALERT[dv.errorStyle], dv.showErrorMessage)
        assert (lists[head]["title"], lists[head]["error"]) == (dv.errorTitle or "", dv.error or ""), head
    assert lists[col["member"]]["alert"] == "WARNING" and lists[col["status"]]["alert"] == "STOP"
    assert seen["sheets"] == {"nb": ["Medlemskap", "Hjelp", "Lister"], "en": ["Membership", "Help", "Lists"]}[lang]
    assert {h: seen["cells"][h]["kind"] for h in (col["start"], col["end"], col["annual_cost"])} == dict.fromkeys(
        (col["start"], col["end"], col["annual_cost"]), "VALUE")  # values, not text, as a spreadsheet keeps them

    # what Calc saved passes the upload gate and imports, with the values as typed
    assert check_upload("filled.xlsx", saved, lang) == "xlsx"
    patch = patch_from_table(store, "filled.xlsx", saved, lang=lang)
    assert (patch.kind, patch.rows, patch.counts) == ("membership", 1, {"membership": 1})
    (iri,) = patch.add.subjects(predicate=ORG.member)
    assert (look.label(patch.add.value(iri, ORG.member)), look.label(patch.add.value(iri, ORG.organization))) == (
        member, network)
    assert patch.add.value(iri, IKG.status) == IKG.Ended
    ((start, end, end_day, value, currency),) = list(patch.add.query(PERIOD_AND_COST, initNs=PREFIXES))
    assert (start.toPython().isoformat(), str(end), end_day, value.toPython(), str(currency)) == (
        "2021-03-01", "2023", None, Decimal("12500.5"), "NOK")  # a year stays a year, not a day
    assert (patch.examples, patch.stale) == ([], [])  # the example row replaced; ended, and said so
