"""Every piece of text the app shows, in Norwegian (bokmål) and English, looked up by key; numbers as
each language writes them. The texts live in the catalogues text_*.py, merged here.

Both languages hold the same keys (a test checks). A further language is one file: `<code>.po` in
graph/i18n/catalogues/ (or in the folder $IKG_UI_CATALOGUES names), with the text keys as msgids;
`ikg catalogue CODE --out FILE` writes one to fill in. What it leaves out shows in English.

Data labels are not here: they come from the graph in the reader's language (graph.questions.languages).

>>> t("page.review", "nb")
'Gjennomgang av medlemskap'
>>> t("console.truncated", "en", n=number(1000, "en"))
'showing the first 1,000 rows'
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
import string
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from graph import config
from graph.i18n import (
    text_app,
    text_city,
    text_cli,
    text_core,
    text_editing,
    text_explorer,
    text_history,
    text_importing,
    text_questions,
    text_review,
    text_server,
)

BUILT_IN = ("nb", "en")  # the languages of the catalogues above, kept complete (a test checks)
BUILT_IN_NAMES = {"nb": "Norsk bokmål", "en": "English"}
BUILT_IN_LOCALES = {"nb": "nb_NO", "en": "en_GB"}
CATALOGUE_DIR = Path(__file__).parent / "catalogues"  # one <code>.po file per further language
CATALOGUES_ENV = "IKG_UI_CATALOGUES"  # a folder of further .po files, outside the package
QUESTION_PREFIX = "rq."  # rq.<name>: a named question's text (nb and en are in its .rq file's header)
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)")

CATALOGUES = (text_core, text_history, text_editing, text_importing, text_app, text_questions, text_review, text_explorer,
              text_city, text_server, text_cli)


def _merged() -> dict[str, dict[str, str]]:
    """One table per language from every catalogue; a key defined in two catalogues is a mistake."""
    merged: dict[str, dict[str, str]] = {lang: {} for lang in BUILT_IN}
    for catalogue in CATALOGUES:
        for lang in BUILT_IN:
            part = catalogue.TEXT[lang]
            clash = set(part) & set(merged[lang])
            assert not clash, f"text keys defined twice: {sorted(clash)}"
            merged[lang].update(part)
    return merged


TEXT: dict[str, dict[str, str]] = _merged()
REJECTED: dict[str, list[str]] = {}  # per further language: its entries left out, and why (`ikg catalogue`)
_names: dict[str, str] = dict(BUILT_IN_NAMES)
_locales: dict[str, str] = dict(BUILT_IN_LOCALES)


def catalogue_files() -> list[Path]:
    """The further languages' catalogue files: the package's own, then those of $IKG_UI_CATALOGUES (which
    win for the same language)."""
    folders = [CATALOGUE_DIR]
    if os.environ.get(CATALOGUES_ENV):
        folders.append(Path(os.environ[CATALOGUES_ENV]))
    return [f for folder in folders if folder.is_dir() for f in sorted(folder.glob("*.po"))]


def read_catalogue(path: Path) -> tuple[str, dict[str, str], list[str]]:
    """A further language from its .po file (msgid: the text's key, msgstr: the text): its code, its
    texts, and the entries left out with the reason. Entries that are empty, fuzzy, of unknown keys or
    with placeholders the English text lacks are left out, so that text shows in English. ValueError
    for a file that cannot be read as a whole."""
    catalog = None
    code = path.stem
    try:
        data = path.read_bytes()
        wrong = po_line_error(data.decode("utf-8"))
        catalog = None if wrong else read_po(io.BytesIO(data), locale=None)
    except (OSError, ValueError, SyntaxError) as exc:
        wrong = str(exc)
    if catalog is None:
        raise ValueError(f"{path.name}: {wrong}")
    english = TEXT["en"]
    texts: dict[str, str] = {}
    rejected: list[str] = []
    for message in catalog:
        key, text = str(message.id or ""), message.string
        if not key or not isinstance(text, str) or not text or message.fuzzy:
            continue
        if key not in english and not key.startswith(QUESTION_PREFIX):
            rejected.append(f"{key}: no such text")
            continue
        extra = set(PLACEHOLDER.findall(text)) - set(PLACEHOLDER.findall(english.get(key, "")))
        if extra:
            rejected.append(f"{key}: {{{', '.join(sorted(extra))}}} is not filled in this text")
            continue
        texts[key] = text
    return code, texts, rejected


PO_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$')


def po_line_error(text: str) -> str | None:
    """The first line of a .po file that is neither a comment nor a keyword with a quoted string (Babel's
    reader would take it half), or None.

    >>> po_line_error('# c\\nmsgid "a"\\nmsgstr ""\\n"b \\\\" c"\\n'), po_line_error('msgid "a"\\nmsgstr "b\\n')
    (None, 'line 2: msgstr "b: a text must stand in "…" (a quote is written \\\\")')
    """
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#") and not PO_LINE.match(line.strip()):
            return f'line {number}: {line.strip()}: a text must stand in "…" (a quote is written \\")'
    return None


def reload() -> None:
    """Read the further languages' catalogue files again (at import; tests call it after setting
    $IKG_UI_CATALOGUES). The tables are changed in place, so every module's `TEXT` stays current."""
    for code in [c for c in TEXT if c not in BUILT_IN]:
        del TEXT[code]
    REJECTED.clear()
    _names.clear()
    _names.update(BUILT_IN_NAMES)
    _locales.clear()
    _locales.update(BUILT_IN_LOCALES)
    for path in catalogue_files():
        try:
            code, texts, rejected = read_catalogue(path)
        except ValueError as exc:  # the language is not offered; `ikg catalogue` says why
            REJECTED[path.stem] = [str(exc)]
            continue
        try:
            locale = Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            REJECTED[code] = [f"{path.name}: {code!r} is not a language code Babel knows (e.g. sv, de, fr)"]
            continue
        if code in BUILT_IN:
            REJECTED[code] = [f"{path.name}: {code} is built in (graph/i18n/text_*.py)"]
            continue
        TEXT[code] = texts
        REJECTED[code] = rejected
        _locales[code] = str(locale)
        name = locale.get_display_name(code) or code
        _names[code] = name[:1].upper() + name[1:]


def languages() -> tuple[str, ...]:
    """The languages the app and the command line speak: bokmål and English, then the further ones.

    >>> languages()[:2]
    ('nb', 'en')
    """
    return (*BUILT_IN, *sorted(c for c in TEXT if c not in BUILT_IN))


def language_name(code: str) -> str:
    """A language's name in itself, for the language switch.

    >>> language_name("nb"), language_name("en")
    ('Norsk bokmål', 'English')
    """
    return _names.get(code, code)


def locale_of(code: str) -> str:
    """The Babel locale that writes numbers and dates for a language (English's for an unknown one)."""
    return _locales.get(code, BUILT_IN_LOCALES["en"])


def has_text(key: str) -> bool:
    """Whether the catalogues have a text for `key` (English has every key)."""
    return key in TEXT["en"]


reload()


def t(key: str, lang: str = "en", **fmt: Any) -> str:
    """The text for `key` in `lang`, with {placeholders} filled from `fmt` (English where `lang` has none).

    >>> t("param.not_int", "nb", name="max", value="x")
    '--param max=x: ikke et heltall på 0 eller mer, f.eks. 3'
    """
    table = TEXT.get(lang, TEXT["en"])
    text = table.get(key)
    if text is None:
        text = TEXT["en"].get(key, key)
    return text.format(**fmt) if fmt else text


def retold(text: str, keys: tuple[str, ...], lang: str) -> str:
    """`text`, when one of `keys` wrote it in any language, written again from that key in `lang`; any
    other text as it is. What the program wrote for a person (a change's default reason, stored in the
    language of whoever made the change) reads in the reader's language; what a person typed stays theirs.

    >>> retold("Importert fra nett.csv", ("import.why_default",), "en")
    'Imported from nett.csv'
    >>> retold("ny partner fra 2024", ("import.why_default",), "en")
    'ny partner fra 2024'
    """
    for key in keys:
        for table in TEXT.values():
            template = table.get(key)
            found = re.fullmatch(_pattern(template), text) if template else None
            if found:
                return t(key, lang, **found.groupdict())
    return text


@functools.lru_cache(maxsize=64)
def _pattern(template: str) -> str:
    """A template's text as a regular expression, each {name} a group of that name."""
    parts = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>.+?)")
    return "".join(parts)


def column(name: str, lang: str = "en") -> str:
    """A column heading for a result column (its own name when no heading is written for it).

    >>> column("since", "nb"), column("row_count", "en")
    ('siden', 'row count')
    """
    key = f"col.{name}"
    return t(key, lang) if key in TEXT["en"] else name.replace("_", " ")


def number(n: int, lang: str = "en") -> str:
    """A whole number with thousands grouped as each language writes it: a comma in English, a no-break
    space (U+00A0) in Norwegian, as Babel's locale data has it. The one definition for every layer.

    >>> number(12345, "nb"), number(12345, "en"), number(-1234567, "nb")
    ('12\\xa0345', '12,345', '-1\\xa0234\\xa0567')
    """
    return str(format_decimal(int(n), format="#,##0", locale=locale_of(lang)))


def decimal(x: float, lang: str = "en", digits: int = 2) -> str:
    """A number with `digits` decimals as each language writes it: a decimal comma in Norwegian.

    >>> decimal(0.254, "nb"), decimal(1234.5, "en"), decimal(3.25, "nb", 1)
    ('0,25', '1,234.50', '3,2')
    """
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return str(format_decimal(x, format=pattern, locale=locale_of(lang)))


def day(iso: str, lang: str = "en") -> str:
    """A day (yyyy-mm-dd, or the start of a time stamp) as the language writes it; anything else as given.

    >>> day("2026-12-06", "nb"), day("2026-12-06T10:00:00Z", "en"), day("2026", "nb")
    ('6. des. 2026', '6 Dec 2026', '2026')
    """
    try:
        when = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return str(format_date(when, "medium", locale=locale_of(lang)))


def when(iso: str, lang: str = "en", zone: dt.tzinfo | None = None) -> str:
    """A time stamp (a change's, in UTC) as people write it, in the zone of config.time_zone(): its day as day()
    writes it, then hours and minutes and the zone's name; anything else as given. The app's history and
    `ikg history` in any language but English. A time with no zone is shown as written, with none named.

    >>> oslo = config.time_zone_named("Europe/Oslo")
    >>> when("2026-12-02T14:05:00Z", "en", dt.UTC), when("2026-12-02T23:05:00Z", "nb", oslo), when("soon", "nb")
    ('2 Dec 2026, 14:05 UTC', '3. des. 2026, 00:05 CET', 'soon')
    >>> when("2026-06-02T14:05:00Z", "nb", oslo), when("2026-06-02T14:05:00", "nb", oslo)
    ('2. juni 2026, 16:05 CEST', '2. juni 2026, 14:05')
    """
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    named = ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone or config.time_zone())
        named = f" {moment:%Z}"
    return f"{format_date(moment, 'medium', locale=locale_of(lang))}, {moment:%H:%M}{named}"


# Markdown's characters, but ( and ): with [ and ] escaped they can make no link, and a widget's label is also
# what a screen reader reads (aria-label), where "\(FoU\)" was read out with its backslashes
MD_SPECIAL = set("\\`*_{}[]#+!|<>~&$")


def escape_md(text: str) -> str:
    """Data as Markdown that shows exactly these characters (no links, emphasis or HTML from data).

    >>> escape_md("<img src=x onerror=alert(1)> *bold* [link](x) (FoU)")
    '\\\\<img src=x onerror=alert(1)\\\\> \\\\*bold\\\\* \\\\[link\\\\](x) (FoU)'
    >>> escape_md("<https://example.org/a> www.ntnu.no")
    '\\\\<https\\\\://example.org/a\\\\> www\\\\.ntnu.no'
    """
    text = " ".join(str(text).split("\n"))
    text = "".join("\\" + c if c in MD_SPECIAL else c for c in text)
    # no web address made a link either: Streamlit's Markdown links a bare https://… or www.…, and took
    # the escaped ">" after an identifier into the link, shown as "\>"
    return re.sub(r"(?i)\b(https?|ftp):(?=//)|\b(www)\.", lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)
