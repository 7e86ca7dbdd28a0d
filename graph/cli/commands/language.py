"""`ikg catalogue CODE --out FILE`: the catalogue file of a further UI language, to fill in (see graph.i18n).
Run again on a filled file it keeps the translations and adds the texts that came since."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from graph.errors import InputError
from graph.i18n import BUILT_IN, CATALOGUE_DIR, CATALOGUES_ENV, QUESTION_PREFIX, TEXT, read_catalogue, t
from graph.i18n.po import existing_translations, template_bytes
from graph.questions.library import is_named, list_questions


def add_parsers(sub: Any, common: argparse.ArgumentParser, editing: argparse.ArgumentParser) -> None:
    """This sub-command on the `ikg` parser."""
    p = sub.add_parser(
        "catalogue", parents=[common],
        help="write the catalogue file of a further UI language (e.g. sv) to translate; "
        "run again on it to add new texts and check it",
        epilog=f"Put the filled file in {CATALOGUE_DIR} or in the folder ${CATALOGUES_ENV} names; the language "
        "then appears in the app's language switch and in --lang. Texts left empty show in English.")
    p.add_argument("code", help="the language's code, e.g. sv, de, fr, nn")
    p.add_argument("--out", type=Path, required=True, help="the .po file to write (an existing one is updated)")


def cmd_catalogue(args: argparse.Namespace) -> int:
    code, lang = args.code.strip(), args.lang
    if code in BUILT_IN:
        raise InputError.of("catalogue.built_in", lang, code=code)
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        raise InputError.of("catalogue.unknown_code", lang, code=code) from None
    out: Path = args.out
    if out.suffix != ".po" or out.stem != code:
        raise InputError.of("catalogue.file_name", lang, path=out, code=code)
    try:
        kept = existing_translations(out)
    except (OSError, ValueError, SyntaxError) as exc:
        raise InputError.of("catalogue.unreadable", lang, path=out, detail=exc) from None
    questions = {f"{QUESTION_PREFIX}{q.name}": q.question_en for q in list_questions() if is_named(q)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(template_bytes(code, questions, kept))
    _, texts, rejected = read_catalogue(out)
    for entry in rejected:
        print(t("catalogue.rejected", lang, entry=entry))
    total = len(TEXT["en"]) + len(questions)
    print(t("catalogue.written", lang, path=out, done=len(texts), total=total, folder=CATALOGUE_DIR,
             env=CATALOGUES_ENV))
    return 0


COMMANDS: dict[str, Any] = {"catalogue": cmd_catalogue}
