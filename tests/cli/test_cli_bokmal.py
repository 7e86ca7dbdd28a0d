"""`ikg ... --lang nb` says everything in bokmål: answers, messages, errors, and the questions it asks at a
terminal (`ikg password`, `ikg restore`, `ikg reset`, `ikg init`), the latter typed into a real terminal
(a pseudo-terminal, so getpass and input behave as they do for a person)."""

from __future__ import annotations

import os
import pty
import re
import select
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_cli import fixture_dir, ikg  # noqa: F401 - the fixture is used by name
from tests.support import ROOT
from tests.support.bokmal import english_in, english_sentences

ITEM = "https://example.org/ikg/m-home-a"


def said(capsys, *args: str) -> tuple[int, str]:
    """Run `ikg ARGS --lang nb`; its exit code and everything it printed (out and err)."""
    code, out, err = ikg(capsys, *args, "--lang", "nb")
    return code, out + err


def test_the_english_catalogue_is_what_the_checks_look_for():
    english = english_sentences()
    assert len(english) > 300
    assert "nothing changed" not in english  # short texts are left to the word check
    assert english_in("editor password: ") == ["password"]
    assert english_in("ikg: the two passwords differ; nothing was made") == [
        "the two passwords differ; nothing was made", "the", "nothing"]
    assert english_in("angret endring 1234: ny endring 5678 (+3 -0 tripler)") == []


def test_commands_in_bokmal_print_no_english(capsys, fixture_dir, tmp_path):  # noqa: F811
    from graph.edit.assessments import save_assessment
    from graph.history.changes import changes
    from graph.history.shipped import open_store

    store = open_store(fixture_dir)
    save_assessment(store, ITEM, "Runde 1", {}, "", "", "keep", "", "Kari", "2026-11-01")
    change = changes(store)[0].id
    store.close()
    backup = tmp_path / "snap.nt.gz"
    runs = [
        ("queries",), ("query", "twin-cities"), ("query", "collaborators", "--param", "actor=Universitete"),
        ("query", "members", "--param", "network"), ("query", "no-such-question"), ("stats",), ("gaps",),
        ("export", "--format", "csv", "--out", str(tmp_path / "csv")), ("history",), ("history", "--show", change),
        ("undo", change, "--editor", "Ola"), ("undo", change, "--editor", "Ola"), ("undo", "0000"),
        ("backup", str(backup)), ("restore", str(backup)), ("restore", str(backup), "--yes", "--editor", "Ola"),
        ("review",), ("review", "rounds"), ("review", "progress"), ("review", "open", "Nope"),
        ("load", str(tmp_path / "missing.nt")), ("import", str(tmp_path / "missing.csv")),
    ]
    seen = []
    for args in runs:
        code, text = said(capsys, "--store", fixture_dir, *args)
        seen.append((code, text))
        assert english_in(text) == [], f"English in `ikg {' '.join(args)} --lang nb`:\n{text}"
    out = dict(zip([" ".join(args[:2]) for args in runs], seen, strict=False))
    # what a person reads, exactly, for the messages of this issue
    assert out["query twin-cities"][1].splitlines()[0].split() == ["by", "land", "siden", "avtale", "status", "kilder"]
    assert out["stats"][1].splitlines()[0].split() == ["slag", "antall"]
    assert re.search(r"^samarbeidsnettverket: \d+ noder, \d+ kanter$", out["stats"][1], re.M)
    assert out["query members"] == (1, "ikg: --param 'network': skriv den som NAVN=VERDI, f.eks. --param actor=NTNU\n")
    assert out["gaps"][1].count("\nnr.  ") == 2 and "## Meglere\n" in out["gaps"][1]
    assert re.match(r"skrev .*/csv/actors\.csv \([\d\u00a0]+ byte\)\n", out["export --format"][1])
    history = out["history"][1].splitlines()
    assert history[0].split() == ["id", "tidspunkt", "hvem", "handling", "tripler", "angring", "hvorfor"]
    when = r"\d{1,2}\. \S+ \d{4}, \d\d:\d\d UTC"  # as the app writes it: 7. des. 2026, 18:40 UTC
    assert re.match(rf"{change}  {when}\s+Kari\s+vurdering\s+\+12 -0$", history[2])
    shown = out["history --show"][1]
    assert shown.startswith(f"endring {change}  ") and "  Kari  vurdering\n" in shown
    first_undo, second_undo = seen[10], seen[11]
    assert first_undo[0] == 0 and re.match(rf"angret endring {change}: ny endring \S+ \(\+0 -12 tripler\)\n$",
                                           first_undo[1])
    assert second_undo[0] == 1 and second_undo[1].startswith(f"ikg: Endring {change} er allerede angret (av endring ")
    written = out["backup " + str(backup)][1]  # the count as Norwegians write it: 1 338
    assert re.match(r"skrev \d{1,3}(\u00a0\d{3})* tripler fra oxigraph:.* til .*snap\.nt\.gz\n$", written)
    restore_asks, restored = seen[14], seen[15]
    assert restore_asks == (1, "ikg: restore må bekreftes: kjør kommandoen i en terminal, eller legg til --yes\n")
    # the backup just taken: nothing to restore, and so nothing to undo (it offered `ikg undo` of no change)
    assert restored[0] == 0 and re.fullmatch(rf"oxigraph:\S+ har allerede det samme som {re.escape(str(backup))} "
                                             r"\([\d\xa0]+ tripler\): ingenting er endret\.\n", restored[1])
    assert out["review rounds"] == (0, "(ingen rader)\n")
    assert out["review progress"][1].startswith("Vurdert: 0 av 4\n\nEtter type\ngruppe ")
    assert out["load " + str(tmp_path / "missing.nt")] == (1, f"ikg: finner ikke filen: {tmp_path / 'missing.nt'}\n")


def test_an_empty_history_and_the_stats_in_bokmal(capsys, fixture_dir):  # noqa: F811
    assert said(capsys, "--store", fixture_dir, "history") == (0, "(ingen rader)\n")
    code, text = said(capsys, "--store", fixture_dir, "stats")
    assert code == 0 and re.search(r"^tripler: [\d\u00a0]+$", text, re.M)
    assert re.search(r"^samarbeidsnettverket: \d+ noder, \d+ kanter$", text, re.M)


# ---------------------------------------------------------------------------------------------
# At a terminal
# ---------------------------------------------------------------------------------------------


class Terminal:
    """`python -m graph.cli ARGS` on a pseudo-terminal of its own (its controlling terminal, as getpass needs)."""

    def __init__(self, *args: str, env: dict[str, str] | None = None):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the command, nothing else
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "graph.cli", *args],
                      {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
        self.text = ""

    def read_until(self, wanted: str, timeout: float = 60, after: int = 0) -> str:
        """Read until `wanted` shows (at `after` or later in what the terminal showed); all it showed."""
        deadline = time.monotonic() + timeout
        while wanted not in self.text[after:]:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"never saw {wanted!r}; the terminal shows:\n{self.text}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:  # the command ended
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"the command ended before {wanted!r}:\n{self.text}")
                self.text += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        return self.text

    def type(self, line: str) -> None:
        os.write(self.fd, (line + "\n").encode())

    def finish(self, timeout: float = 60) -> tuple[int, str]:
        """Read to the end; the exit code and all the terminal showed (typed answers echo, passwords do not)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    break
                self.text += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status), self.text


def test_password_asks_in_bokmal_at_a_terminal():
    term = Terminal("password", "--lang", "nb")
    term.read_until("redaktørpassord: ")
    term.type("en lang passfrase")
    term.read_until("en gang til: ")
    term.type("en annen passfrase")
    code, text = term.finish()
    assert (code, text) == (
        1, "redaktørpassord: \nen gang til: \nikg: de to passordene er ulike; ingenting ble laget\n")
    term = Terminal("password", "--lang", "nb")
    term.read_until("redaktørpassord: ")
    term.type("en lang passfrase")
    term.read_until("en gang til: ")
    term.type("en lang passfrase")
    code, text = term.finish()
    lines = text.splitlines()
    assert code == 0 and lines[2:4] == [
        "# legg disse to linjene i .streamlit/secrets.toml (aldri legg den filen inn i git)", "[ikg]"]
    assert english_in("\n".join(lines[:4])) == []


def test_restore_and_reset_ask_in_bokmal_and_a_no_changes_nothing(fixture_dir, tmp_path):  # noqa: F811
    backup = tmp_path / "snap.nt.gz"
    assert Terminal("--store", fixture_dir, "backup", str(backup), "--lang", "nb").finish()[0] == 0
    term = Terminal("--store", fixture_dir, "restore", str(backup), "--lang", "nb")
    question = term.read_until("[j/N] ")
    assert re.search(r"Erstatte alt i oxigraph:.* med de \d+ triplene i .*snap\.nt\.gz\? \[j/N\] $", question)
    term.type("n")
    code, text = term.finish()
    assert code == 1 and text.endswith("n\ningenting ble endret.\n") and english_in(text) == []
    term = Terminal("--store", fixture_dir, "reset", "--from-data", "--lang", "nb")
    term.read_until("[j/N] ")
    term.type("nei")
    code, text = term.finish()
    assert code == 1 and text.endswith("nei\ningenting ble endret.\n")
    assert "Vurderingene fra gjennomgangen beholdes. [j/N]" in text and english_in(text) == []


def test_init_asks_every_question_in_bokmal(tmp_path):
    data = tmp_path / "bergen-data"
    term = Terminal("init", "--data", str(data), "--no-fill", "--lang", "nb", env={"IKG_EDITOR": "Kari"})
    from graph.i18n import t

    answers = [("kind", ""), ("name", "Bergen kommune"), ("name_en", "Bergen Municipality"), ("city", "Bergen"),
               ("country", "NO"), ("lat", "60.39"), ("long", "5.32"), ("languages", ""),
               ("document", "Internasjonal strategi | International strategy"), ("document_url", ""),
               ("document_date", "2024"), ("target_areas", "Klima | Climate; Utdanning | Education")]
    for key, answer in answers:
        term.read_until(t(f"city.init.ask.{key}", "nb"))
        term.type(answer)
    code, text = term.finish()
    assert code == 0, text
    assert text.startswith(t("city.init.intro", "nb")) and english_in(text.replace(str(tmp_path), "")) == []
    assert sorted(p.name for p in Path(data).glob("*.ttl"))  # it wrote the new city's data folder


@pytest.mark.parametrize("lang, prompt", [("en", "editor password: "), ("nb", "redaktørpassord: ")])
def test_the_password_prompt_follows_the_language(lang, prompt):
    term = Terminal("password", "--lang", lang)
    assert term.read_until(prompt).startswith(prompt)
    term.type("")
    term.read_until("\n")
    term.type("")
    code, text = term.finish()
    assert code == 1


def test_every_answer_has_headings_in_both_languages_and_its_codes_in_words(capsys, fixture_dir):  # noqa: F811
    from graph.answers import ask
    from graph.history.shipped import open_store
    from graph.i18n import TEXT
    from graph.questions.library import list_questions

    store = open_store(fixture_dir)
    try:
        for q in list_questions():
            if any(not p.optional for p in q.params):
                continue
            for c in ask(store, q.name, {}, "nb").columns:
                assert f"col.{c}" in TEXT["nb"] and f"col.{c}" in TEXT["en"], (q.name, c)  # no raw column name
    finally:
        store.close()
    code, text = said(capsys, "--store", fixture_dir, "query", "places")
    lines = text.splitlines()
    assert code == 0 and lines[0].split() == ["by", "rolle", "breddegrad", "lengdegrad", "avtale", "siden", "status"]
    roles = {re.split(r"\s{2,}", line)[1] for line in lines[2:]}
    assert roles <= {"hjemby", "vennskapsby", "partnerby"} and "hjemby" in roles
    code, text = said(capsys, "--store", fixture_dir, "query", "coverage-matrix")
    rows = [re.split(r"\s{2,}", line) for line in text.splitlines()[2:]]
    assert {r[0] for r in rows} <= {"målområde", "bærekraftsmål"} and {r[3] for r in rows} <= {"nettverk", "prosjekt"}
    code, out, _ = ikg(capsys, "--store", fixture_dir, "query", "places", "--format", "csv", "--lang", "nb")
    assert ",home," in out  # CSV keeps the codes scripts read


def test_every_action_a_change_records_is_said_in_words_in_bokmal():
    from graph.analysis.assessments import STATUSES
    from graph.cli.commands.changes import action_name
    from graph.ui.pages.history import action_name as shown

    codes = ["import", "undo", "reset", "restore", "assessment", "review-import", "review-round-new",
             *(f"review-round-{status}" for status in STATUSES), "add-actor", "correct-membership"]
    for code in codes:
        assert action_name(code, "nb") == shown(code, "nb"), code
        assert action_name(code, "nb") != code or code == "import", code  # ("import" is a Norwegian word too)
    assert action_name("review-round-closed", "nb") == "avsluttet en gjennomgangsrunde"
    assert shown("review-round-open", "en") == "opened a review round"


def test_bokmal_writes_one_form_of_a_noun():
    """Bokmål allows «fila» and «filen» alike, but one message should not say «fila» and the next «filen»: the
    texts keep the forms they write most («filen», «listen», «mappen», as «endringen» and «raden»)."""
    from graph.i18n import TEXT

    mixed = sorted(key for key, text in TEXT["nb"].items() if re.search(r"\b(fila|lista|mappa)\b", text, re.I))
    assert mixed == []
