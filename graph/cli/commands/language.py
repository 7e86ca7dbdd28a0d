"""`ikg catalogue CODE --out FILE`: the catalogue file of a further UI language, to fill in (see graph.i18n).
Run again on a filled file it keeps the translations and adds the texts that came since."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from graph.cli.speaking import Texts
from graph.errors import InputError
from graph.i18n import BUILT_IN, CATALOGUE_DIR, CATALOGUES_ENV, QUESTION_PREFIX, TEXT, read_catalogue, t
from graph.i18n.po import existing_translations, template_bytes
from graph.questions.library import is_named, list_questions
from graph.store.output_paths import output_file, writing


def add_parsers(sub: Any, common: argparse.ArgumentParser, editing: argparse.ArgumentParser, x: Texts) -> None:
    """This sub-command on the `ikg` parser, its help in x's language."""
    p = sub.add_parser("catalogue", parents=[common], help=x.help("catalogue"),
                       epilog=x.help("catalogue.epilog", folder=CATALOGUE_DIR, env=CATALOGUES_ENV))
    p.add_argument("code", metavar=x.metavar("code"), help=x.help("catalogue.code"))
    p.add_argument("--out", type=Path, required=True, metavar=x.metavar("file"), help=x.help("catalogue.out"))


def cmd_catalogue(args: argparse.Namespace) -> int:
    code, lang = args.code.strip(), args.lang
    if code in BUILT_IN:
        raise InputError.of("catalogue.built_in", lang, code=code)
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        raise InputError.of("catalogue.unknown_code", lang, code=code) from None
    out: Path = args.out
    if not out.is_dir() and (out.suffix != ".po" or out.stem != code):
        raise InputError.of("catalogue.file_name", lang, path=out, code=code)
    output_file(out, lang, example=f"{code}.po")  # in a folder that exists: a mistyped path makes no folders
    try:
        kept = existing_translations(out)
    except (OSError, ValueError, SyntaxError) as exc:
        raise InputError.of("catalogue.unreadable", lang, path=out, detail=exc) from None
    questions = {f"{QUESTION_PREFIX}{q.name}": q.question_en for q in list_questions() if is_named(q)}
    with writing(out, lang, example=f"{code}.po"):
        out.write_bytes(template_bytes(code, questions, kept))
    _, texts, rejected = read_catalogue(out)
    for entry in rejected:
        print(t("catalogue.rejected", lang, entry=entry))
    total = len(TEXT["en"]) + len(questions)
    print(t("catalogue.written", lang, path=out, done=len(texts), total=total, folder=CATALOGUE_DIR,
             env=CATALOGUES_ENV))
    return 0


COMMANDS: dict[str, Any] = {"catalogue": cmd_catalogue}
