"""The gap analysis: which named questions reveal gaps in the portfolio, and why each matters."""

from __future__ import annotations

from dataclasses import dataclass

import graph.analysis.network as analysis
from graph.analysis import ties as network_ties
from graph.i18n import t
from graph.questions.catalogue import Table, run
from graph.store.base import Store


@dataclass(frozen=True)
class Gap:
    """A named question that reveals a gap; its title and why it matters are catalogue texts
    (gap.<question>.title / .why in graph.i18n)."""

    question: str

    def title(self, lang: str = "en") -> str:
        return t(f"gap.{self.question}.title", lang)

    def why(self, lang: str = "en") -> str:
        return t(f"gap.{self.question}.why", lang)


GAPS = [Gap(q) for q in ("thin-target-areas", "uncovered-sdgs", "inactive-twin-cities", "unowned-networks",
                         "unassessed-memberships", "overlapping-networks")]


def gap_tables(store: Store, lang: str = "en", since: int = 2010,
               thin_max: int | None = None) -> list[tuple[Gap, Table]]:
    """Each gap with its answer on the store. Thin target areas are those served by at most `thin_max`
    networks and projects together; by default the thinnest (so the list is never empty)."""
    out = []
    for gap in GAPS:
        params = {"since": str(since)} if gap.question == "inactive-twin-cities" else {}
        if gap.question == "thin-target-areas":
            params = {"max": str(thinnest(store, lang) if thin_max is None else thin_max)}
        out.append((gap, run(store, gap.question, params, lang)))
    return out


def thinnest(store: Store, lang: str = "en") -> int:
    """How many networks and projects together serve the thinnest target area (0 without any)."""
    totals = [int(r["networks"] or 0) + int(r["projects"] or 0)
              for r in run(store, "coverage-target-areas", {}, lang).dicts()]
    return min(totals, default=0)


def brokers_why(lang: str = "en") -> str:
    return t("gap.brokers.why", lang)


def isolated_why(lang: str = "en") -> str:
    return t("gap.isolated.why", lang)


def network_gaps(store: Store, lang: str = "en") -> tuple[list[str], list[str]]:
    """Names of brokers and of isolated actors, from the network analysis (as the network names them)."""
    names = network_ties.names(store, lang)
    brokers = [network_ties.name(names, n) for n in analysis.brokers(store, lang)]
    isolated = [network_ties.name(names, x) for x in analysis.isolated_actors(store, lang)]
    return sorted(brokers, key=str.casefold), sorted(isolated, key=str.casefold)
