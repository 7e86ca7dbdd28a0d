"""The portfolio view's content (issue 12, item 4): the items placed by relevance and cost, target area ×
recommendation, changes between rounds, and the chart as PNG and SVG in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.analysis.assessments import target_areas
from graph.analysis.review_items import area_summary, portfolio, round_changes
from graph.edit.assessments import save_assessment
from graph.render.review_portfolio import figure, portfolio_png, positions
from graph.store.memory import MemoryStore
from tests.conftest import fixture_files

EX = "https://example.org/ikg/"


@pytest.fixture(scope="module")
def store():
    store = MemoryStore()
    store.load(fixture_files())
    for item, rnd, rec, scores in ((EX + "m-home-a", "R1", "keep", {"1": 3, "2": 1}),
                                   (EX + "agreement-farcity", "R1", "review", {"1": 0}),
                                   (EX + "m-home-a", "R2", "leave", {"1": 1}),
                                   (EX + "m-home-b", "R2", "keep", {"3": 2}),
                                   (EX + "agreement-farcity", "R3", "keep", {"1": 2}),  # R3: no item has a cost
                                   (EX + "m-home-b", "R3", "leave", {"1": 2})):
        save_assessment(store, item, rnd, scores, "", "", rec, "", "Kari", "2025-03-01",
                        now=dt.datetime(2025, 3, 1, tzinfo=dt.UTC))
    return store


def test_portfolio_items(store):
    items = {p.name: p for p in portfolio(store, "en", "R1")}
    a = items["Network A"]
    assert (a.relevance, a.cost, a.currency, a.recommendation, a.target_areas) == (2.0, 10000.0, "NOK", "keep",
                                                                                  ["Trade"])
    assert items["Hometown–Farcity"].relevance == 0.0 and items["Network B"].relevance is None
    assert items["Hometown–Farcity"].activities >= 1
    assert area_summary(list(items.values()), "en").rows == [
        ["(no target area)", "0", "1", "0", "1"], ["Trade", "1", "0", "0", "1"]]
    # named and ordered by number as everywhere else (they stood unnumbered, A to Z); items with none last
    assert area_summary(list(items.values()), "en", target_areas(store, "en")).rows == [
        ["1 Trade", "1", "0", "0", "1"], ["(no target area)", "0", "1", "0", "1"]]


def test_changes_between_rounds(store):
    assert round_changes(store, "en", "R1", "R2").rows == [
        ["Hometown–Farcity", "Review", "", "not in the round"],
        ["Network A", "Keep", "Leave", "recommendation changed"],
        ["Network B", "", "Keep", "new in the round"]]
    assert round_changes(store, "nb", "R1", "R2").rows[1] == ["Nettverk A", "Behold", "Avslutt", "anbefaling endret"]


def test_positions_keep_items_without_cost_apart(store):
    items = portfolio(store, "en", "R2")
    where = positions(items)
    assert where[EX + "m-home-a"] == (10000.0, 1.0)
    assert where[EX + "m-home-b"][0] < 0  # no recorded cost: the strip left of zero


@pytest.mark.parametrize("lang, title", [("en", "The portfolio: relevance against cost"),
                                         ("nb", "Porteføljen: relevans mot kostnad")])
def test_the_chart_in_both_languages(store, lang, title):
    fig = figure(portfolio(store, lang, "R1"), lang)
    ax = fig.axes[0]
    assert ax.get_title() == title
    assert {x.get_text() for x in ax.texts} == ({"Network A", "Hometown–Farcity", "no cost recorded"} if lang == "en"
                                                else {"Nettverk A", "Hjemby–Fjernby", "ingen kostnad registrert"})
    assert [x.get_text() for x in ax.get_legend().get_texts()] == (
        ["Recommended to keep", "Recommended for closer review (no cost recorded)"] if lang == "en"
        else ["Anbefales beholdt", "Anbefales vurdert nærmere (ingen kostnad registrert)"])
    fig.canvas.draw()
    ticks = [x.get_text() for x in ax.get_yticklabels() if x.get_text()]
    assert {"0.5", "2.5"} <= set(ticks) if lang == "en" else {"0,5", "2,5"} <= set(ticks)  # a decimal comma in bokmål
    assert not any("." in x for x in ticks) if lang == "nb" else not any("," in x for x in ticks)
    assert portfolio_png(store, lang, "R1").startswith(b"\x89PNG")


@pytest.mark.parametrize("lang, label", [
    ("en", "None of the items has an annual cost recorded, so they stand side by side. An annual cost (Edit page, on "
           "the membership or agreement) places them by cost."),
    ("nb", "Ingen av sakene har en årlig kostnad registrert, så de står side om side. En årlig kostnad (Rediger-siden, "
           "på medlemskapet eller avtalen) plasserer dem etter kostnad.")])
def test_a_round_with_no_cost_recorded_stands_the_items_side_by_side(store, lang, label):
    """With no cost in the round the chart had a cost axis with ticks but no numbers, the items squeezed at its
    left edge and a lone line at zero on the right. Now the items stand across the whole width, and the axis says
    how to place them by cost."""
    items = portfolio(store, lang, "R3")
    fig = figure(items, lang)
    ax = fig.axes[0]
    assert ax.get_xlabel().replace("\n", " ") == label and list(ax.get_xticks()) == [] and ax.get_xlim() == (-1.0, 0.0)
    assert not ax.lines  # no line at zero cost
    xs = sorted(round(x, 2) for x, _ in positions(items).values())
    assert xs == [-0.75, -0.25]  # the two items (the same relevance) side by side, a quarter in from each edge
