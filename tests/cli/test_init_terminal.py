"""`ikg init` at a terminal (a pseudo-terminal, as a person types): it asks what kind of organisation starts
the graph and writes that kind, asks a required question again when its answer is left empty, and ends
cleanly, writing nothing, when the input ends (Ctrl-D). In bokmål and in English."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS

from tests.cli.test_cli_bokmal import Terminal
from tests.support.bokmal import english_in

IKG = Namespace("https://w3id.org/ikg/ontology#")

KINDS = {
    "nb": ["Hva slags organisasjon starter grafen?", "   1  By/kommune", "   2  Fylkeskommune",
           "   3  Regionalt samarbeidsorgan", "   4  Statlig organ", "   5  Universitet eller høgskole",
           "   6  Forskningsinstitutt", "   7  Næringsorganisasjon", "   8  Frivillig organisasjon",
           "   9  Kulturinstitusjon", "  10  Internasjonal organisasjon", "  11  Bedrift"],
    "en": ["What kind of organisation starts the graph?", "   1  City or municipality", "   2  County authority",
           "   3  Regional body", "   4  State agency", "   5  University or college", "   6  Research institute",
           "   7  Business association", "   8  Voluntary organisation", "   9  Cultural institution",
           "  10  International organisation", "  11  Company"],
}
PROMPTS = {
    "nb": {"kind": "Velg nummeret (eller skriv navnet) [1]: ",
           "name": "Organisasjonens navn på norsk (f.eks. Bergen kommune): ",
           "name_en": "Organisasjonens navn på engelsk [{name}]: ", "city": "Hjembyen: ",
           "seat": "Byen organisasjonen holder til i: ", "country": "Landets ISO-kode (f.eks. NO): ",
           "lat": "Byens breddegrad (f.eks. 60.39): ", "long": "Byens lengdegrad (f.eks. 5.32): ",
           "languages": "Språkene i dataene, skilt med komma [nb,en]: ",
           "document": "Strategidokumentets tittel (norsk | engelsk): ",
           "document_url": "Dokumentets nettadresse (kan stå tom): ",
           "document_date": "Dokumentets dato, år eller åååå-mm-dd (kan stå tom): ",
           "target_areas": "Målområdene, skilt med semikolon (hvert som norsk | engelsk): "},
    "en": {"kind": "Choose the number (or type the name) [1]: ",
           "name": "The organisation's name in Norwegian (e.g. Bergen kommune): ",
           "name_en": "The organisation's name in English [{name}]: ", "city": "The home city: ",
           "seat": "The city the organisation is based in: ", "country": "The country's ISO code (e.g. NO): ",
           "lat": "The city's latitude (e.g. 60.39): ", "long": "The city's longitude (e.g. 5.32): ",
           "languages": "The languages of the data, separated by commas [nb,en]: ",
           "document": "The strategy document's title (Norwegian | English): ",
           "document_url": "The document's web address (may be empty): ",
           "document_date": "The document's date, a year or yyyy-mm-dd (may be empty): ",
           "target_areas": "The target areas, separated by semicolons (each as Norwegian | English): "},
}
NEEDED = {
    "nb": {"name": "Organisasjonen trenger et navn på norsk og på engelsk. Skriv svaret, eller avbryt med Ctrl-D "
                   "(da skrives ingenting).",
           "lat": "Byen trenger en breddegrad, et tall fra -90 til 90 (nord er positivt, f.eks. 60.39). Skriv "
                  "svaret, eller avbryt med Ctrl-D (da skrives ingenting).",
           "kind": "«planet» er ikke et av valgene: skriv et nummer fra 1 til 11, eller navnet på et av slagene."},
    "en": {"name": "The organisation needs a name in Norwegian and in English. Type the answer, or stop with "
                   "Ctrl-D (then nothing is written).",
           "lat": "The city needs a latitude, a number from -90 to 90 (north is positive, e.g. 60.39). Type the "
                  "answer, or stop with Ctrl-D (then nothing is written).",
           "kind": "“planet” is not one of the choices: type a number from 1 to 11, or the name of one of the kinds."},
}
ENDED = {
    "nb": "ikg: Inndata tok slutt før alle spørsmålene var besvart, så ingenting ble skrevet. Kjør ikg init igjen, "
          "eller gi svarene som valg (se ikg init --help).\n",
    "en": "ikg: The input ended before every question was answered, so nothing was written. Run ikg init again, "
          "or give the answers as options (see ikg init --help).\n",
}


class Asked(Terminal):
    """`ikg init` on a terminal, answered question by question (a question asked again shows again)."""

    def __init__(self, *args: str) -> None:
        super().__init__("init", *args, "--no-fill", env={"IKG_EDITOR": "Kari"})
        self.seen = 0

    def answer(self, prompt: str, line: str | None) -> None:
        """Wait for `prompt` after the last one answered, then type `line` (None: end the input, Ctrl-D)."""
        self.read_until(prompt, after=self.seen)
        self.seen = self.text.index(prompt, self.seen) + len(prompt)
        if line is None:
            os.write(self.fd, b"\x04")
        else:
            self.type(line)


@pytest.mark.parametrize("lang, choice", [("nb", "2"), ("en", "county")])
def test_a_county_answered_at_a_terminal_is_written_as_a_county_authority(tmp_path, lang, choice):
    data = tmp_path / "data"
    ask, need = PROMPTS[lang], NEEDED[lang]
    term = Asked("--data", str(data), "--lang", lang)
    name = "Trøndelag fylkeskommune"
    for key, line in [("kind", "planet"), ("kind", choice), ("name", ""), ("name", name),
                      ("name_en", "Trøndelag County Authority"), ("seat", "Steinkjer"), ("country", "NO"),
                      ("lat", ""), ("lat", "64.01"), ("long", "11.49"), ("languages", ""),
                      ("document", "Regional planstrategi | Regional planning strategy"), ("document_url", ""),
                      ("document_date", "2024"), ("target_areas", "Klima | Climate; Utdanning | Education")]:
        term.answer(ask[key].format(name=name), line)
    code, text = term.finish()
    assert code == 0, text
    lines = text.splitlines()
    assert lines[1:13] == KINDS[lang]
    assert lines[13:16] == [ask["kind"] + "planet", need["kind"], ask["kind"] + choice]
    assert lines[16:19] == [ask["name"], need["name"], ask["name"] + name]
    assert f"\n{ask['lat']}\n{need['lat']}\n{ask['lat']}64.01\n" in text
    assert ask["city"] not in text  # a county is asked for the city it is based in, not a home city
    assert lang == "en" or english_in(text.replace(str(tmp_path), "")) == []
    g = Graph().parse(data / "dataset.ttl")
    home, city = next(g.objects(None, IKG.homeActor)), g.value(None, RDF.type, IKG.City)
    assert set(g.objects(home, RDF.type)) == {IKG.CountyAuthority}
    assert set(g.objects(home, RDFS.label)) == {Literal(name, lang="nb"),
                                                Literal("Trøndelag County Authority", lang="en")}
    assert set(g.predicates(home)) == {RDF.type, RDFS.label, IKG.citation, IKG.location}
    assert g.value(home, IKG.location) == city and str(city).endswith("/steinkjer")
    assert set(g.objects(city, RDFS.label)) == {Literal("Steinkjer", lang="nb"), Literal("Steinkjer", lang="en")}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_end_of_the_input_ends_init_with_a_clear_message_and_nothing_written(tmp_path, lang):
    data = tmp_path / "data"
    ask = PROMPTS[lang]
    term = Asked("--data", str(data), "--lang", lang)
    for key, line in [("kind", ""), ("name", "Bergen kommune"), ("name_en", ""), ("city", "Bergen"),
                      ("country", None)]:
        term.answer(ask[key].format(name="Bergen kommune"), line)
    code, text = term.finish()
    assert code == 1
    assert text.endswith(f"{ask['city']}Bergen\n{ask['country']}\n{ENDED[lang]}")
    assert not Path(data).exists()


def test_the_end_of_the_input_at_a_required_question_asked_again_writes_nothing(tmp_path):
    data = tmp_path / "data"
    term = Asked("--data", str(data), "--lang", "nb")
    term.answer(PROMPTS["nb"]["kind"], "1")
    term.answer(PROMPTS["nb"]["name"], "")
    term.answer(PROMPTS["nb"]["name"], None)
    code, text = term.finish()
    assert (code, text.split("\n", 13)[-1]) == (
        1, f"{PROMPTS['nb']['kind']}1\n{PROMPTS['nb']['name']}\n{NEEDED['nb']['name']}\n{PROMPTS['nb']['name']}\n"
           f"{ENDED['nb']}")
    assert not Path(data).exists()


def test_a_wrong_answer_is_asked_again_on_the_spot(tmp_path):
    """A country code that is none, a latitude of «sør», a longitude of 200, a language xx, a web address without
    http and a 13th month were told only after the last question, and init then wrote nothing: every answer had
    to be typed again. Each is now said at its question, which is asked again."""
    data = tmp_path / "data"
    ask = PROMPTS["nb"]
    term = Asked("--data", str(data), "--lang", "nb")
    told = {
        "country": "Det finnes ikke noe land med ISO 3166-koden «NOR»: skriv to bokstaver, f.eks. NO eller SE.",
        "lat": "Breddegraden «sør» er ikke et tall fra -90 til 90 (nord er positivt, f.eks. 60.39).",
        "long": "Lengdegraden «200» er ikke et tall fra -180 til 180 (øst er positivt, f.eks. 5.32).",
        "languages": "Ukjent språkkode: xx. Skriv koder på to bokstaver, f.eks. nb, en, sv.",
    }
    answers = [("kind", ""), ("name", "Nyvik kommune"), ("name_en", ""), ("city", "Nyvik"),
               ("country", "NOR"), ("country", "NO"), ("lat", "sør"), ("lat", "63.4"), ("long", "200"),
               ("long", "10.4"), ("languages", "nb,xx"), ("languages", ""), ("document", "Strategi | Strategy"),
               ("document_url", "www.nyvik.no"), ("document_url", ""), ("document_date", "2020-13-01"),
               ("document_date", "2020"), ("target_areas", "Klima | Climate")]
    for key, line in answers:
        term.answer(ask[key].format(name="Nyvik kommune"), line)
    code, text = term.finish()
    assert code == 0, text
    for key, said in told.items():
        wrong = next(line for k, line in answers if k == key)
        assert f"\n{ask[key]}{wrong}\n{said}\n{ask[key]}" in text, key
    assert (f"{ask['document_url']}www.nyvik.no\n«www.nyvik.no» er ikke en nettadresse: skriv den slik den begynner, "
            f"med https://.\n{ask['document_url']}\n") in text
    assert f"{ask['document_date']}2020-13-01\nDatoen «2020-13-01» finnes ikke i kalenderen" in text
    assert (data / "dataset.ttl").is_file()
