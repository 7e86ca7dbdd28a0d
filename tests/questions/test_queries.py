"""Every named question answers with exact rows on the small fixture graph, on every backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.answers import ask
from graph.errors import InputError
from graph.questions.library import get_question, list_questions
from graph.questions.names import resolve

# question -> (params, columns, rows): the rows a person reading tests/fixtures/small.ttl expects.
EXPECTED = {
    'changes': (
        {'older': 'Program 2010', 'newer': 'Plan 2020'},
        ['kind', 'item', 'change'],
        [
            ['Network', 'Network B', 'gone'],
            ['Twin-city agreement', 'Hometown–Oldtown', 'gone'],
            ['Working group', 'Trade group', 'gone'],
            ['Network', 'Network A', 'new'],
            ['Project', 'Project X', 'new'],
            ['Twin-city agreement', 'Hometown–Farcity', 'new'],
        ],
    ),
    'collaborators': (
        {'actor': 'universitetet'},
        ['collaborator', 'via', 'via_type', 'source'],
        [
            ['Hometown Municipality', 'Network A', 'Network', 'Plan 2020 §2'],
            ['Hometown Municipality', 'Network B', 'Network', 'Programme 2010 §1'],
            ['Hometown Municipality', 'Trade group', 'Working group', 'Programme 2010 §1'],
            ['Innovation Agency', 'Trade group', 'Working group', 'Programme 2010 §1'],
        ],
    ),
    'counts': (
        {},
        ['kind', 'count'],
        [
            ['Agreement type', '9'],
            ['City or municipality', '3'],
            ['Company', '1'],
            ['Country', '2'],
            ['Dataset', '1'],
            ['Delegation', '1'],
            ['Evidence', '2'],
            ['Funding programme', '1'],
            ['Membership', '4'],
            ['Municipal unit', '1'],
            ['Network', '2'],
            ['Project', '1'],
            ['Project participation', '2'],
            ['Recommendation', '3'],
            ['Role', '13'],
            ['Section', '3'],
            ['Source document', '2'],
            ['State agency', '1'],
            ['Status', '4'],
            ['Sustainable Development Goal', '17'],
            ['Target area', '3'],
            ['Twin-city agreement', '2'],
            ['University or college', '1'],
            ['Working group', '1'],
        ],
    ),
    'coverage-sdgs': (
        {},
        ['sdg_no', 'sdg', 'networks', 'projects', 'partners'],
        [
            ['1', 'No poverty', '0', '0', '0'],
            ['2', 'Zero hunger', '0', '0', '0'],
            ['3', 'Good health and well-being', '0', '0', '0'],
            ['4', 'Quality education', '0', '0', '0'],
            ['5', 'Gender equality', '0', '0', '0'],
            ['6', 'Clean water and sanitation', '0', '0', '0'],
            ['7', 'Affordable and clean energy', '0', '1', '2'],
            ['8', 'Decent work and economic growth', '0', '0', '0'],
            ['9', 'Industry, innovation and infrastructure', '0', '0', '0'],
            ['10', 'Reduced inequalities', '0', '0', '0'],
            ['11', 'Sustainable cities and communities', '1', '1', '3'],
            ['12', 'Responsible consumption and production', '0', '0', '0'],
            ['13', 'Climate action', '0', '0', '0'],
            ['14', 'Life below water', '0', '0', '0'],
            ['15', 'Life on land', '0', '0', '0'],
            ['16', 'Peace, justice and strong institutions', '0', '0', '0'],
            ['17', 'Partnerships for the goals', '0', '0', '0'],
        ],
    ),
    'coverage-target-areas': (
        {},
        ['target_area_no', 'target_area', 'networks', 'projects', 'partners'],
        [
            ['1', 'Trade', '2', '0', '2'],
            ['2', 'Culture', '0', '0', '0'],
            ['3', 'Research', '0', '1', '2'],
        ],
    ),
    'inactive-twin-cities': (
        {'since': '2011'},
        ['city', 'agreement', 'status', 'last_activity'],
        [
            ['Oldtown', 'Planned relation', 'Planned', ''],
        ],
    ),
    'members': (
        {'network': 'Network A'},
        ['member', 'member_type', 'since', 'until', 'role', 'source'],
        [
            ['Hometown Municipality', 'City or municipality', '2015', '', 'Member', 'Plan 2020 §2'],
            ['The University', 'University or college', '2016', '2019', 'Board member', 'Plan 2020 §2'],
        ],
    ),
    'networks': (
        {},
        ['network', 'target_area', 'target_area_no', 'source'],
        [
            ['Network A', 'Trade', '1', 'Plan 2020 §2'],
        ],
    ),
    'overlapping-networks': (
        {},
        ['network_a', 'network_b', 'shared_members', 'shared_target_areas'],
        [
            ['Network A', 'Network B', '1', '1'],
        ],
    ),
    'path': (
        {'from': 'Innovation Agency', 'to': 'Farcity'},
        ['steps', 'chain'],
        [
            ['2', 'Innovation Agency —[Trade group (Working group)]→ Hometown Municipality —[Hometown–Farcity (Twin-city agreement)]→ Farcity'],
            ['2', 'Innovation Agency —[Trade group (Working group)]→ Hometown Municipality —[Project X (Project)]→ Farcity'],
        ],
    ),
    'review': (
        {},
        ['kind', 'name', 'since', 'status', 'target_areas', 'responsible_unit', 'annual_cost', 'currency', 'last_activity', 'source'],
        [
            ['agreement', 'Hometown–Farcity', '1946', 'Active', '', '', '', '', '2012', 'Plan 2020 §2'],
            ['agreement', 'Hometown–Oldtown', '', 'Planned', '', '', '', '', '', 'Programme 2010 §1'],
            ['membership', 'Network A', '2015', 'Active', 'Trade', 'Culture unit', '10000', 'NOK', '', 'Plan 2020 §2'],
            ['membership', 'Network B', '', 'Ended', 'Trade', '', '', '', '', 'Programme 2010 §1'],
        ],
    ),
    'thin-target-areas': (
        {},
        ['target_area_no', 'target_area', 'networks', 'projects'],
        [
            ['2', 'Culture', '0', '0'],
            ['3', 'Research', '0', '1'],
            ['1', 'Trade', '2', '0'],
        ],
    ),
    'ties': (
        {},
        ['actor_name', 'thing', 'kind', 'role', 'since', 'until', 'status'],
        [
            ['Culture unit', 'Delegation to Farcity', 'Delegation', '', '2012', '', ''],
            ['Farcity', 'Project X', 'Project', 'Partner', '2018', '2023', ''],
            ['Farcity', 'Hometown–Farcity', 'Twin-city agreement', '', '1946', '', 'Active'],
            ['Hometown Municipality', 'Delegation to Farcity', 'Delegation', '', '2012', '', ''],
            ['Hometown Municipality', 'Network A', 'Network', 'Member', '2015', '', 'Active'],
            ['Hometown Municipality', 'Network B', 'Network', 'Member', '', '', 'Ended'],
            ['Hometown Municipality', 'Project X', 'Project', 'Lighthouse city', '2018', '2023', ''],
            ['Hometown Municipality', 'Hometown–Farcity', 'Twin-city agreement', '', '1946', '', 'Active'],
            ['Hometown Municipality', 'Hometown–Oldtown', 'Twin-city agreement', '', '', '', 'Planned'],
            ['Hometown Municipality', 'Trade group', 'Working group', '', '', '', ''],
            ['Innovation Agency', 'Trade group', 'Working group', '', '', '', ''],
            ['Oldtown', 'Hometown–Oldtown', 'Twin-city agreement', '', '', '', 'Planned'],
            ['The University', 'Network A', 'Network', 'Board member', '2016', '2019', 'Active'],
            ['The University', 'Network B', 'Network', 'Member', '', '', 'Active'],
            ['The University', 'Trade group', 'Working group', '', '', '', ''],
        ],
    ),
    'twin-cities': (
        {},
        ['city', 'country', 'since', 'agreement', 'status', 'source'],
        [
            ['Farcity', 'Sweden', '1946', 'Formal twinning', 'Active', 'Plan 2020 §2'],
            ['Oldtown', 'Sweden', '', 'Planned relation', 'Planned', 'Programme 2010 §1'],
        ],
    ),
    'unassessed-memberships': (
        {},
        ['network', 'no_cost', 'no_effect'],
        [
            ['Network A', '', 'missing'],  # under the headings «cost» and «effect» (people's words)
            ['Network B', 'missing', 'missing'],
        ],
    ),
    'uncovered-sdgs': (
        {},
        ['sdg_no', 'sdg'],
        [
            ['1', 'No poverty'],
            ['2', 'Zero hunger'],
            ['3', 'Good health and well-being'],
            ['4', 'Quality education'],
            ['5', 'Gender equality'],
            ['6', 'Clean water and sanitation'],
            ['8', 'Decent work and economic growth'],
            ['9', 'Industry, innovation and infrastructure'],
            ['10', 'Reduced inequalities'],
            ['12', 'Responsible consumption and production'],
            ['13', 'Climate action'],
            ['14', 'Life below water'],
            ['15', 'Life on land'],
            ['16', 'Peace, justice and strong institutions'],
            ['17', 'Partnerships for the goals'],
        ],
    ),
    'unowned-networks': (
        {},
        ['network', 'source'],
        [
            ['Network B', 'Programme 2010 §1'],
        ],
    ),
    'coverage-matrix': (
        {},
        ['dimension', 'dim_no', 'dim_label', 'kind', 'thing'],
        [
            ['SDG', '7', 'Affordable and clean energy', 'project', 'Project X'],
            ['SDG', '11', 'Sustainable cities and communities', 'network', 'Network A'],
            ['SDG', '11', 'Sustainable cities and communities', 'project', 'Project X'],
            ['target area', '1', 'Trade', 'network', 'Network A'],
            ['target area', '1', 'Trade', 'network', 'Network B'],
            ['target area', '3', 'Research', 'project', 'Project X'],
        ],
    ),
    'places': (
        {},
        ['city', 'role', 'lat', 'long', 'agreement', 'since', 'status'],
        [
            ['Hometown Municipality', 'home', '63.43', '10.39', '', '', ''],
            ['Farcity', 'twin', '58.59', '16.18', 'Formal twinning', '1946', 'Active'],
            ['Oldtown', 'twin', '62.39', '17.3', 'Planned relation', '', 'Planned'],
        ],
    ),
    'documents': (
        {},
        ['title', 'date', 'description'],
        [
            ['Programme 2010', '2010-06-01', ''],
            ['Plan 2020', '2020-01-01', ''],
        ],
    ),
    'dataset': (
        {},
        ['label', 'description', 'home'],
        [
            ['Example town', '', 'Hometown Municipality'],
        ],
    ),
}


def test_every_question_has_expected_rows():
    assert sorted(EXPECTED) == [q.name for q in list_questions()]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_question_rows(fixture_store, name):
    params, columns, rows = EXPECTED[name]
    table = ask(fixture_store, name, params, "en")
    assert table.columns == columns
    assert table.rows == rows


def test_twin_cities_in_norwegian(fixture_store):
    table = ask(fixture_store, "twin-cities", {}, "nb")
    assert table.rows == [
        ["Fjernby", "Sverige", "1946", "Formell vennskapsby", "Aktiv", "Plan 2020 §2"],
        ["Gammelby", "Sverige", "", "Planlagt relasjon", "Planlagt", "Program 2010 §1"],
    ]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_names_sort_as_a_reader_expects_accented_letters_with_their_base(memory_shipped, lang):
    cities = [row[0] for row in ask(memory_shipped, "twin-cities", {}, lang).rows]
    krakow = {"nb": "Krakow", "en": "Kraków"}[lang]
    assert cities.index("Kópavogur") == cities.index(krakow) - 1  # ó files with o, not after every ASCII letter


def test_a_table_sorts_names_by_its_language_norwegian_letters_last():
    from rdflib import Literal

    from graph.questions.question import Question
    from graph.questions.table import to_table
    from graph.store.base import Rows

    q = Question(name="cities", path=Path("cities.rq"), question_en="", question_nb="", columns=["city", "networks"],
                 lists=["networks"])
    rows = Rows(["city", "networks"],
                [(Literal(name), Literal("Åland forum; Oslo forum; Ørsta net")) for name in ("Ålesund", "Oslo", "Aachen")])
    assert [r[0] for r in to_table(q, rows, "nb").rows] == ["Aachen", "Oslo", "Ålesund"]
    assert [r[0] for r in to_table(q, rows, "en").rows] == ["Aachen", "Ålesund", "Oslo"]
    assert to_table(q, rows, "nb").rows[0][1] == "Oslo forum; Ørsta net; Åland forum"
    assert to_table(q, rows, "en").rows[0][1] == "Åland forum; Ørsta net; Oslo forum"


def test_changes_defaults_to_the_replaced_document_and_words_translate(fixture_store):
    table = ask(fixture_store, "changes", {"older": "program 2010", "newer": "PLAN 2020"}, "nb")
    assert ["Nettverk", "Nettverk B", "borte"] in table.rows


@pytest.mark.parametrize(
    "value",
    ["universitetet", "UNIVERSITETET", "The University", "uni", "https://example.org/ikg/uni"],
)
def test_actor_names_accept_any_label_or_iri(fixture_store, value):
    assert str(resolve(fixture_store, "actor", value)) == "https://example.org/ikg/uni"


def test_unknown_actor_suggests_a_close_name(fixture_store):
    with pytest.raises(InputError, match=r"^no actor called Universitete; did you mean Universitetet\?$"):
        ask(fixture_store, "collaborators", {"actor": "Universitete"})


@pytest.mark.parametrize(("value", "said"), [
    ("Trondhiem kommune", "did you mean Trondheim kommune?"),
    ("Wroclaw kommune", "did you mean Wrochlaw kommune?"),
    ("Kopavogr", "did you mean Kopavogur?"),
    # a name sharing only a word many names have ("kommune") is no suggestion: a few of the names instead
    ("Oslo kommunee", "the graph has 106 of them, such as António Guterres; Asker; AugmentCity; …"),
])
def test_a_suggestion_shares_the_words_that_tell_names_apart(memory_shipped, value, said):
    with pytest.raises(InputError) as caught:
        resolve(memory_shipped, "actor", value)
    assert str(caught.value) == f"no actor called {value}; {said}"


def test_unknown_parameter_is_refused(fixture_store):
    with pytest.raises(InputError, match=r"^members has no parameter 'netwrk'; its parameters are: network$"):
        ask(fixture_store, "members", {"netwrk": "Network A"})


def test_missing_parameter_is_named_and_said_in_the_readers_language(fixture_store):
    with pytest.raises(InputError) as said:
        ask(fixture_store, "members", {})
    assert str(said.value) == "members needs --param network=… (the network: its IRI or any of its labels)"
    with pytest.raises(InputError) as said:
        ask(fixture_store, "members", {}, lang="nb")
    assert str(said.value) == "members trenger --param network=… (nettverket: IRI-en eller et av navnene)"


def test_every_parameter_says_what_it_is_in_both_languages():
    for q in list_questions():
        for p in q.params:
            assert p.help and p.help_nb and p.help_nb != p.help, (q.name, p.name)
            assert p.help_in("nb") == p.help_nb and p.help_in("en") == p.help


def test_a_bokmal_parameter_line_must_name_a_parameter():
    from graph.questions.question import parse_text

    q = parse_text("q", "# Param: network (network) — the network\n# Param-nb: network — nettverket\nSELECT * {}")
    assert q.params[0].help_in("nb") == "nettverket"
    with pytest.raises(ValueError, match=r"^q.rq: `Param-nb: netwrk — nettverket` must name a parameter"):
        parse_text("q", "# Param: network (network) — the network\n# Param-nb: netwrk — nettverket\nSELECT * {}")


@pytest.mark.parametrize("value", ["19x6", "201", "twenty"])
def test_bad_year_is_refused(fixture_store, value):
    with pytest.raises(InputError, match=rf"^--param since={value}: not a four-digit year, e.g. 2010$"):
        ask(fixture_store, "inactive-twin-cities", {"since": value})


@pytest.mark.parametrize(("name", "value"), [("path", "-1"), ("thin-target-areas", "-2"), ("path", "1.5")])
def test_a_negative_or_broken_count_is_refused(fixture_store, name, value):
    params = {"from": "Innovation Agency", "to": "Farcity", "max": value} if name == "path" else {"max": value}
    with pytest.raises(InputError, match=rf"^--param max={value}: not a whole number of 0 or more, e\.g\. 3$"):
        ask(fixture_store, name, params)
    with pytest.raises(InputError, match=rf"^--param max={value}: ikke et heltall på 0 eller mer, f\.eks\. 3$"):
        ask(fixture_store, name, params, "nb")


def test_unknown_question_suggests_a_name():
    with pytest.raises(InputError, match=r"^no question called twin-city; did you mean twin-cities\?$"):
        get_question("twin-city")


def test_injection_in_a_name_is_just_an_unknown_name(fixture_store):
    before = fixture_store.count()
    payload = 'x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    with pytest.raises(InputError, match=r"^no actor called "):
        ask(fixture_store, "collaborators", {"actor": payload})
    assert fixture_store.count() == before


def test_every_question_states_itself_in_both_languages():
    for q in list_questions():
        assert q.question_en.endswith(("?", ".")), q.name
        assert q.question_nb.endswith(("?", ".")), q.name
