"""The example rows of the starter kinds' templates (countries, places, documents, sections, target
areas, funding programmes): valid on the store when one is given, so a template imports as it is."""

from __future__ import annotations

from rdflib import URIRef

from graph.edit.choices import home_actor, label_of
from graph.edit.start_checks import country_names
from graph.i18n import t
from graph.store.base import Store

PREFERRED_COUNTRIES = ("SE", "DK", "FI", "IS", "EE", "LT", "LV", "DE", "NL", "PL", "FR", "ES", "IT", "PT")
# a place's example coordinates without a home city that has some: the ones `ikg init` gives as its example
EXAMPLE_LAT, EXAMPLE_LONG = "60.39", "5.32"


def _first(store: Store | None, query: str) -> str:
    if store is None:
        return ""
    rows = store.select(query).rows
    return str(rows[0][0]) if rows and rows[0][0] is not None else ""


def _country(store: Store | None, lang: str) -> dict[str, str]:
    taken = set()
    if store is not None:
        taken = {str(r[0]) for r in store.select("SELECT ?c WHERE { ?x a ikg:Country ; schema:identifier ?c }").rows}
    code = next((c for c in PREFERRED_COUNTRIES if c not in taken), "SE")
    names = country_names(code)
    return {"iso_code": code, "label_nb": names["nb"], "label_en": names["en"],
            "source_reference": "ISO 3166-1", "source_url": "https://www.iso.org/iso-3166-country-codes.html"}


def home_place(store: Store | None) -> URIRef | None:
    """The home city: the home actor when it is a city, else the city it is based in (ikg:location); or None."""
    home = home_actor(store) if store is not None else None
    if store is None or home is None:
        return None
    if store.ask("ASK { ?h a ikg:City }", {"h": home}):
        return home
    found = _first(store, f"SELECT ?p WHERE {{ <{home}> ikg:location ?p . ?p a ikg:City }} ORDER BY ?p LIMIT 1")
    return URIRef(found) if found else None


def _place(store: Store | None, lang: str) -> dict[str, str]:
    """A new place in the home city's country, at the home city's coordinates (the example ones without)."""
    home = home_place(store)
    country, lat, long = "", EXAMPLE_LAT, EXAMPLE_LONG
    if store is not None and home is not None:
        found = _first(store, f"SELECT ?c WHERE {{ <{home}> schema:containedInPlace ?c }}")
        country = label_of(store, found, lang) if found else ""
        rows = store.select(f"SELECT ?lat ?long WHERE {{ <{home}> geo:lat ?lat ; geo:long ?long }} LIMIT 1").rows
        if rows and None not in rows[0]:
            lat, long = str(rows[0][0]), str(rows[0][1])
    return {"label_nb": t("city.example.place", "nb"), "label_en": t("city.example.place", "en"),
            "country": country, "lat": lat, "long": long}


def _section(store: Store | None, lang: str) -> dict[str, str]:
    doc = _first(store, "SELECT ?d WHERE { ?d a ikg:SourceDocument } ORDER BY ?d LIMIT 1")
    if store is None or not doc:
        return {"section_number": "1", "label_nb": t("city.example.section_nb", "nb"),
                "label_en": t("city.example.section_en", "en")}
    return {"document": label_of(store, doc, lang), "section_number": "9",
            "label_nb": label_of(store, doc, "nb") + " §9", "label_en": label_of(store, doc, "en") + " §9"}


def _target_area(store: Store | None, lang: str) -> dict[str, str]:
    scheme = _first(store, "SELECT ?s WHERE { ?a a ikg:TargetArea ; skos:inScheme ?s } ORDER BY ?s LIMIT 1")
    numbers = [] if store is None else [
        str(r[0]) for r in store.select("SELECT ?n WHERE { ?a a ikg:TargetArea ; skos:notation ?n }").rows]
    free = next(n for n in range(1, 1000) if str(n) not in numbers)
    return {"notation": str(free), "scheme": label_of(store, scheme, lang) if store is not None and scheme else "",
            "label_nb": t("city.example.target_area_nb", "nb"), "label_en": t("city.example.target_area_en", "en")}


def starter_example(kind: str, store: Store | None, lang: str) -> dict[str, str]:
    """The example values of a starter kind's template ({} for the other kinds).

    >>> starter_example("funding-programme", None, "en")["label_en"]
    'Erasmus+'
    """
    if kind == "country":
        return _country(store, lang)
    if kind == "place":
        return _place(store, lang)
    if kind == "document":
        return {"label_nb": t("city.example.document_nb", "nb"), "label_en": t("city.example.document_en", "en")}
    if kind == "section":
        return _section(store, lang)
    if kind == "target-area":
        return _target_area(store, lang)
    if kind == "funding-programme":
        return {"label_nb": t("city.example.programme", "nb"), "label_en": t("city.example.programme", "en")}
    return {}
