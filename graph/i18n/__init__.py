"""Every piece of text the app shows, in Norwegian (bokmål) and English, looked up by key; numbers as
each language writes them. The texts live in the catalogues text_*.py, merged here.

Both languages hold the same keys (a test checks). Data labels are not here: they come from the
graph in the chosen language (`@nb` / `@en`).

>>> t("page.review", "nb")
'Gjennomgang av medlemskap'
>>> t("console.truncated", "en", n=number(1000, "en"))
'showing the first 1,000 rows'
"""

from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal

from graph.i18n import (
    text_app,
    text_city,
    text_core,
    text_editing,
    text_explorer,
    text_history,
    text_importing,
    text_questions,
    text_review,
    text_server,
)

LANGS = ("nb", "en")
LANG_NAMES = {"nb": "Norsk bokmål", "en": "English"}
LOCALES = {"nb": "nb_NO", "en": "en_GB"}

CATALOGUES = (text_core, text_history, text_editing, text_importing, text_app, text_questions, text_review, text_explorer,
              text_city, text_server)


def _merged() -> dict[str, dict[str, str]]:
    """One table per language from every catalogue; a key defined in two catalogues is a mistake."""
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for catalogue in CATALOGUES:
        for lang in LANGS:
            part = catalogue.TEXT[lang]
            clash = set(part) & set(merged[lang])
            assert not clash, f"text keys defined twice: {sorted(clash)}"
            merged[lang].update(part)
    return merged


TEXT: dict[str, dict[str, str]] = _merged()


def t(key: str, lang: str = "en", **fmt: Any) -> str:
    """The text for `key` in `lang` (nb or en), with {placeholders} filled from `fmt`.

    >>> t("param.not_int", "nb", name="max", value="x")
    '--param max=x: ikke et heltall, f.eks. 3'
    """
    table = TEXT.get(lang, TEXT["en"])
    text = table.get(key)
    if text is None:
        text = TEXT["en"].get(key, key)
    return text.format(**fmt) if fmt else text


def column(name: str, lang: str = "en") -> str:
    """A column heading for a result column (its own name when no heading is written for it).

    >>> column("since", "nb"), column("dim_label", "en")
    ('siden', 'dim label')
    """
    key = f"col.{name}"
    return t(key, lang) if key in TEXT["en"] else name.replace("_", " ")


def number(n: int, lang: str = "en") -> str:
    """A whole number with thousands grouped as each language writes it: a comma in English, a no-break
    space (U+00A0) in Norwegian, as Babel's locale data has it. The one definition for every layer.

    >>> number(12345, "nb"), number(12345, "en"), number(-1234567, "nb")
    ('12\\xa0345', '12,345', '-1\\xa0234\\xa0567')
    """
    return str(format_decimal(int(n), format="#,##0", locale=LOCALES.get(lang, LOCALES["en"])))


def decimal(x: float, lang: str = "en", digits: int = 2) -> str:
    """A number with `digits` decimals as each language writes it: a decimal comma in Norwegian.

    >>> decimal(0.254, "nb"), decimal(1234.5, "en"), decimal(3.25, "nb", 1)
    ('0,25', '1,234.50', '3,2')
    """
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return str(format_decimal(x, format=pattern, locale=LOCALES.get(lang, LOCALES["en"])))


MD_SPECIAL = set("\\`*_{}[]()#+!|<>~&$")


def escape_md(text: str) -> str:
    """Data as Markdown that shows exactly these characters (no links, emphasis or HTML from data).

    >>> escape_md("<img src=x onerror=alert(1)> *bold* [link](x)")
    '\\\\<img src=x onerror=alert\\\\(1\\\\)\\\\> \\\\*bold\\\\* \\\\[link\\\\]\\\\(x\\\\)'
    """
    text = " ".join(str(text).split("\n"))
    return "".join("\\" + c if c in MD_SPECIAL else c for c in text)
