"""A fictional city started from nothing the way the README tells an officer to: `ikg init`, then the
templates from `ikg template` filled in and imported with `ikg import`. No Turtle is written here."""

from __future__ import annotations

import csv
from pathlib import Path

from graph.cli.main import main
from graph.edit.kinds import kind_spec

INIT = [
    "--name", "Eksempelvik kommune", "--name-en", "Eksempelvik Municipality", "--city", "Eksempelvik",
    "--country", "NO", "--lat", "62.47", "--long", "6.15",
    "--document", "Internasjonal strategi 2025–2028 | International strategy 2025–2028",
    "--document-url", "https://eksempelvik.example/strategi-2025.pdf", "--document-date", "2025-01-15",
    "--document", "Internasjonal strategi 2019–2022 | International strategy 2019–2022",
    "--document-url", "https://eksempelvik.example/strategi-2019.pdf", "--document-date", "2019-02-01",
    "--target-area", "Klima og miljø | Climate and environment",
    "--target-area", "Utdanning og ungdom | Education and youth",
    "--editor", "test",
]
SOURCE = {"source_reference": "Årsmelding 2024 for Eksempelvik", "source_url": "https://eksempelvik.example/arsmelding"}

# What the officer types into each template, in the order the templates are imported.
ROWS: list[tuple[str, list[dict[str, str]]]] = [
    ("country", [{"iso_code": "SE", "label_nb": "Sverige", "label_en": "Sweden", **SOURCE},
                 {"iso_code": "DE", "label_nb": "Tyskland", "label_en": "Germany", **SOURCE}]),
    ("place", [{"label_nb": "Nordby", "label_en": "Nordby", "country": "Sweden", "lat": "59.33", "long": "18.06",
                **SOURCE},
               {"label_nb": "Südstadt", "label_en": "Südstadt", "country": "Germany", "lat": "48.14",
                "long": "11.58", **SOURCE}]),
    ("funding-programme", [{"label_nb": "Erasmus+", "label_en": "Erasmus+", **SOURCE}]),
    ("actor", [{"actor_type": "University", "label_nb": "Eksempelvik universitet",
                "label_en": "Eksempelvik University", "location": "Eksempelvik", **SOURCE}]),
    ("network", [{"label_nb": "Kystbynettverket", "label_en": "Coastal Cities Network", "target_areas": "1",
                  "sdgs": "11; 14", "status": "Active", "start": "2015", **SOURCE}]),
    ("membership", [{"member": "Eksempelvik", "network": "Coastal Cities Network", "start": "2016",
                     "annual_cost": "15000", "currency": "NOK", **SOURCE},
                    {"member": "Eksempelvik University", "network": "Coastal Cities Network", "start": "2018",
                     "source_reference": "E-post fra universitetet 2. mars 2025"}]),
    ("twin-city-agreement", [{"city": "Nordby", "agreement_type": "Formal twinning", "status": "Ended",
                              "start": "1949", "end": "2022", **SOURCE},
                             {"city": "Südstadt", "agreement_type": "Formal twinning", "status": "Active",
                              "start": "1990", "target_areas": "2", **SOURCE}]),
    ("project", [{"label_nb": "Grønne skoler", "label_en": "Green Schools", "programme": "Erasmus+",
                  "status": "Active", "start": "2023", "end": "2028", "target_areas": "2", "sdgs": "4",
                  "partners": "Eksempelvik; Eksempelvik University", **SOURCE},
                 {"label_nb": "Vennskapsskoler", "label_en": "Twin Schools", "status": "Active", "start": "2001",
                  "partners": "Südstadt; Eksempelvik", **SOURCE}]),
    ("activity", [{"activity_type": "Cultural event", "label_nb": "Juletretradisjonen",
                   "label_en": "Christmas tree tradition", "start": "1949", "end": "2022",
                   "part_of": "Eksempelvik Municipality–Nordby", **SOURCE}]),
]


def ikg(*args: str) -> int:
    return main(list(args))


def fill_template(template: Path, kind: str, rows: list[dict[str, str]], out: Path,
                  languages: tuple[str, ...] = ("nb", "en")) -> Path:
    """The template's own header row, and one row per dict (a field's value under its column); the name
    columns are those of the data's `languages`."""
    with template.open(encoding="utf-8-sig", newline="") as f:
        headers = next(csv.reader(f))
    names = kind_spec(kind, languages=languages).names
    assert len(headers) == len(names), headers
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([row.get(name, "") for name in names])
    return out


def start_city(tmp: Path, init: list[str] = INIT, sheets: list[tuple[str, list[dict[str, str]]]] = ROWS,
               languages: tuple[str, ...] = ("nb", "en")) -> tuple[str, Path]:
    """A city in a new store folder with the documented commands only (`ikg init` with `init`, the templates
    of `ikg template` filled with `sheets`, `ikg import`): (store, data folder)."""
    store, data = str(tmp / "store"), tmp / "data"
    assert ikg("init", "--store", store, "--data", str(data), *init) == 0
    assert ikg("template", "all", "--store", store, "--format", "csv", "--out", str(tmp / "templates")) == 0
    for kind, rows in sheets:
        filled = fill_template(tmp / "templates" / f"{kind}.csv", kind, rows, tmp / f"{kind}-filled.csv", languages)
        assert ikg("import", str(filled), "--kind", kind, "--store", store, "--editor", "test") == 0, kind
    return store, data
