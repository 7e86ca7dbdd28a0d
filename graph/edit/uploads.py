"""The gate every uploaded or imported file passes first, before any parser sees it.

`check_upload` looks only at the name and the bytes: size, type, encoding, and the constructions that
attack readers rather than carry data. It refuses, with one message in the user's language:

- files over the size limit (IKG_MAX_UPLOAD_MB, default 10 MB) and empty files;
- types we do not read; RDF/XML (.rdf, .owl, .xml, or XML content under another name): XML readers
  can be made to expand entities without end or to read files on the server, so we never parse XML;
- any text containing a DOCTYPE or ENTITY declaration (a 1 KiB "billion laughs" file), whatever its
  suffix; text that is not UTF-8 (a CSV may be Windows-1252, as Excel saves it); binary content under a text suffix;
- workbooks (.xlsx) that are not real zip archives with the workbook's parts, that unpack to too much
  (zip bombs: total size or compression ratio), or whose XML parts declare a DOCTYPE or entities.

>>> check_upload("x.ttl", b"@prefix ex: <https://example.org/> . ex:a ex:b ex:c .", "en")
'turtle'
>>> check_upload("x.rdf", b"<rdf:RDF/>", "en")
Traceback (most recent call last):
graph.errors.InputError: x.rdf is RDF/XML, which is not accepted (an XML reader can be made to expand entities \
without end or to read files on the server): convert it to Turtle on your own machine first, e.g. with \
`rdfpipe -i xml -o turtle x.rdf > file.ttl`, and import the .ttl file.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import PurePath

from babel.numbers import format_decimal

from graph import config
from graph.errors import InputError
from graph.i18n import locale_of, t

MB = 1024 * 1024
WINDOWS_1252 = "Windows-1252"  # what Excel's "CSV" (not "CSV UTF-8") writes on a Norwegian or English Windows
DEFAULT_MAX = 10 * MB
ACCEPTED = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt", ".csv": "csv", ".xlsx": "xlsx"}
RDF_XML_SUFFIXES = {".rdf", ".owl", ".xml"}

# Workbooks: what a real one never exceeds.
MAX_UNPACKED = 100 * MB  # all parts together, unpacked
MAX_RATIO = 100  # unpacked size / packed size of one part
RATIO_FLOOR = 64 * 1024  # parts smaller than this unpacked cannot hurt, whatever their ratio
MAX_PARTS = 2_000
XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")

_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_START = re.compile(r"\s*<(\?xml|rdf:RDF|RDF\b|!--)", re.IGNORECASE)
_CHUNK = 1 << 20


def max_upload_bytes(lang: str = "en") -> int:
    """The size limit: IKG_MAX_UPLOAD_MB megabytes, or 10 MB when the variable is not set."""
    setting = config.env("IKG_MAX_UPLOAD_MB")
    if not setting:
        return DEFAULT_MAX
    try:
        value = float(setting)
    except ValueError:
        value = 0
    if not value > 0:
        raise InputError.of("upload.bad_limit", lang, value=setting)
    return int(value * MB)


def check_upload(name: str, data: bytes, lang: str = "en", max_bytes: int | None = None) -> str:
    """The file's type ("turtle", "json-ld", "nt", "csv" or "xlsx"), or InputError saying why it is refused.

    `max_bytes` defaults to `max_upload_bytes()` (IKG_MAX_UPLOAD_MB, else 10 MB).
    """
    shown = PurePath(name).name or name
    limit = max_upload_bytes(lang) if max_bytes is None else max_bytes
    if not data:
        raise InputError.of("upload.empty", lang, name=shown)
    if len(data) > limit:
        raise InputError.of("upload.too_big", lang, name=shown, size=size_text(len(data), lang),
                            limit=size_text(limit, lang))
    suffix = PurePath(name).suffix.lower()
    if suffix in RDF_XML_SUFFIXES:
        raise InputError.of("upload.rdf_xml", lang, name=shown)
    kind = ACCEPTED.get(suffix)
    if kind is None:
        raise InputError.of("upload.unknown_type", lang, name=shown)
    if kind == "xlsx":
        _check_xlsx(shown, data, lang)
    else:
        _check_text(shown, data, kind, lang)
    return kind


def read_upload(path: str | os.PathLike[str], lang: str = "en", max_bytes: int | None = None) -> bytes:
    """A file's bytes for `ikg import` and `ikg validate`, read up to the size limit and no further.

    The size the file system reports is not trusted (/dev/zero, a pipe or a growing file report 0):
    InputError `upload.too_big_read` once more than `max_bytes` bytes were read; OSError when it
    cannot be opened (graph.rdf.parsing.read_bytes words those).
    """
    name = os.fspath(path)
    limit = max_upload_bytes(lang) if max_bytes is None else max_bytes
    with open(path, "rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError.of("upload.too_big_read", lang, name=name, limit=size_text(limit, lang))
    return data


def size_text(n: int, lang: str = "en") -> str:
    """A size for people: bytes below 1 KB, else KB or MB with at most one decimal.

    >>> size_text(150), size_text(10 * 1024 * 1024), size_text(1536, "nb")
    ('150 bytes', '10 MB', '1,5 kB')
    """
    if n < 1024:
        return t("upload.size.bytes", lang, n=n)
    key, value = ("upload.size.kb", n / 1024) if n < MB else ("upload.size.mb", n / MB)
    return t(key, lang, n=format_decimal(round(value, 1), format="0.#", locale=locale_of(lang)))


def _kind_name(kind: str, lang: str) -> str:
    return t(f"upload.kind.{kind}", lang)


def csv_text(data: bytes) -> tuple[str, str]:
    """A CSV's bytes as text, and the encoding they were read in: UTF-8 (a BOM dropped), else Windows-1252, in
    which Excel saves a plain "CSV" and which has æ, ø and å; UnicodeDecodeError (of UTF-8) when neither reads
    them (five bytes are no character in Windows-1252).

    >>> csv_text("Tromsø".encode()), csv_text("Tromsø".encode("cp1252"))
    (('Tromsø', 'utf-8'), ('Tromsø', 'Windows-1252'))
    """
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as not_utf8:
        try:
            return data.decode("cp1252"), WINDOWS_1252
        except UnicodeDecodeError:
            raise not_utf8 from None


def _check_text(name: str, data: bytes, kind: str, lang: str) -> None:
    if data.startswith(b"PK\x03\x04"):
        raise InputError.of("upload.zip_in_text", lang, name=name, kind=_kind_name(kind, lang))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text", Notepad's "Unicode"
        raise InputError.of("upload.utf16", lang, name=name)
    if b"\x00" in data:
        raise InputError.of("upload.binary", lang, name=name, kind=_kind_name(kind, lang))
    declaration = _DECLARATION.search(data)
    if declaration:
        line = data.count(b"\n", 0, declaration.start()) + 1
        found = data[declaration.start() : declaration.end()].decode("ascii", "replace")
        raise InputError.of("upload.doctype", lang, name=name, line=line, found=found)
    try:
        text = csv_text(data)[0] if kind == "csv" else data.decode("utf-8")  # a CSV may be Excel's Windows-1252
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError.of("upload.not_utf8", lang, name=name, line=line, col=col,
                            byte=f"{data[error.start]:02x}") from None
    text = text.removeprefix("\ufeff")
    if _XML_START.match(text):
        raise InputError.of("upload.xml_content", lang, name=name, kind=_kind_name(kind, lang))
    if kind == "json-ld" and not text.lstrip().startswith(("{", "[")):
        raise InputError.of("upload.not_json", lang, name=name)


def _check_xlsx(name: str, data: bytes, lang: str) -> None:
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE file: old .xls, or an encrypted workbook
        raise InputError.of("upload.old_excel", lang, name=name)
    if not data.startswith(b"PK\x03\x04") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError.of("upload.not_zip", lang, name=name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError.of("upload.damaged_zip", lang, name=name, why=error) from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise InputError.of("upload.too_many_parts", lang, name=name, n=len(parts), max=MAX_PARTS)
        names = {part.filename for part in parts}
        for required in XLSX_PARTS:
            if required not in names:
                raise InputError.of("upload.not_xlsx", lang, name=name, part=required)
        total = sum(part.file_size for part in parts)
        if total > MAX_UNPACKED:
            raise InputError.of("upload.zip_bomb_size", lang, name=name, size=size_text(total, lang),
                                limit=size_text(MAX_UNPACKED, lang))
        for part in parts:
            if part.flag_bits & 0x1:
                raise InputError.of("upload.encrypted", lang, name=name)
            ratio = part.file_size / max(part.compress_size, 1)
            if part.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                raise InputError.of("upload.zip_bomb_ratio", lang, name=name, part=part.filename,
                                    ratio=int(ratio), max=MAX_RATIO)
        for part in parts:
            if part.filename.lower().endswith((".xml", ".rels", ".vml")) and _declares(archive, part, name, lang):
                raise InputError.of("upload.xlsx_doctype", lang, name=name, part=part.filename)


def _declares(archive: zipfile.ZipFile, part: zipfile.ZipInfo, name: str, lang: str) -> bool:
    """Whether an XML part of a workbook holds a DOCTYPE or ENTITY declaration (read in chunks, bounded
    by the declared size, which was checked above; UTF-16 parts are searched as UTF-16)."""
    tail = b""
    utf16 = None
    try:
        with archive.open(part) as stream:
            read = 0
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > part.file_size:  # the archive lies about its sizes
                    raise zipfile.BadZipFile("a part is larger than the archive says")
                if utf16 is None:
                    utf16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}.get(chunk[:2], "")
                window = tail + chunk
                text = window.decode(utf16, "ignore").encode("utf-8") if utf16 else window
                if _DECLARATION.search(text):
                    return True
                tail = window[-64:]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise InputError.of("upload.damaged_zip", lang, name=name, why=error) from None
    return False
