"""Drive LibreOffice Calc as a person filling a template would, for tests/edit/test_tabular_calc.py.

Run by the system's Python (`/usr/bin/python3`, which has LibreOffice's `uno` module; the project's
virtualenv has not): `python3 calc.py JOB.json`. The job names the workbook to open, the profile folder
and port for a private headless Calc, the row of the first sheet to fill ("row": a number, or the text of
its first cell; "clear": empty it first), its cells by column header ("cells"), and the file to save to
(as Excel 2007+, Calc's own writer). It prints, as JSON, what Calc makes of the workbook: whether the
sheet is protected; for each column header of the first sheet, its validation in that row (type, alert,
whether it shows its error, the error's title and text, the values of a list) and whether the row's cell
is locked; and what each filled cell holds after it was typed.

A cell's value in the job is typed text (as typed on the keyboard), {"number": x} (a number pasted in)
or {"date": "YYYY-MM-DD"} (a date pasted in: a date serial with a date format).
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import time
from typing import Any

EPOCH = datetime.date(1899, 12, 30)  # Calc's and Excel's day 0


def _prop(name: str, value: Any) -> Any:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(port: int, proc: subprocess.Popen) -> Any:
    import uno  # type: ignore[import-not-found]

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 90
    while True:
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"Calc did not start (exit code {proc.poll()})") from None
            time.sleep(0.3)


def _list_values(doc: Any, formula: str) -> list[str]:
    """The texts of a list validation: its range (e.g. $Lister.$A$2:$A$107) or its own "a";"b" list."""
    if formula.startswith('"'):
        return [part.strip('"') for part in formula.split(";")]
    sheet, _, area = formula.replace("$", "").partition(".")
    cells = doc.Sheets.getByName(sheet.strip("'")).getCellRangeByName(area.replace(f"{sheet}.", ""))
    return [str(row[0]) for row in cells.getDataArray()]


def _columns(doc: Any, sheet: Any, row: int) -> dict[str, dict[str, Any]]:
    out = {}
    for col in range(64):
        head = sheet.getCellByPosition(col, 0).String
        if not head:
            break
        cell = sheet.getCellByPosition(col, row)
        v = cell.Validation
        kind = v.Type.value
        out[head] = {"type": kind, "alert": v.ErrorAlertStyle.value, "shows_error": bool(v.ShowErrorMessage),
                     "title": v.ErrorTitle, "error": v.ErrorMessage, "formulas": [v.getFormula1(), v.getFormula2()],
                     "values": _list_values(doc, v.getFormula1()) if kind == "LIST" else None,
                     "locked": bool(cell.CellProtection.IsLocked)}
    return out


def _row(sheet: Any, row: int | str) -> int:
    """The row's index (0-based) by its number or by its first cell's text."""
    if isinstance(row, int):
        return row - 1
    return next(r for r in range(1, 10000) if sheet.getCellByPosition(0, r).String == row)


def _type(doc: Any, cell: Any, value: Any) -> None:
    if isinstance(value, str):
        cell.setFormula(value)
    elif "number" in value:
        cell.setValue(float(value["number"]))
    else:
        from com.sun.star.lang import Locale  # type: ignore[import-not-found]

        cell.setValue((datetime.date.fromisoformat(value["date"]) - EPOCH).days)
        cell.NumberFormat = doc.NumberFormats.getStandardFormat(2, Locale())  # 2: com.sun.star.util.NumberFormat.DATE


def main(job_file: str) -> None:
    import uno

    job = json.loads(open(job_file, encoding="utf-8").read())
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"--accept=socket,host=127.0.0.1,port={job['port']};urp;",
         f"-env:UserInstallation={uno.systemPathToFileUrl(job['profile'])}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = _connect(job["port"], proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["open"]), "_blank", 0,
                                           (_prop("Hidden", True),))
        sheet = doc.Sheets.getByIndex(0)
        row = _row(sheet, job["row"])
        found = {"sheets": list(doc.Sheets.ElementNames), "protected": bool(sheet.isProtected()),
                 "columns": _columns(doc, sheet, row), "cells": {}}
        heads = {sheet.getCellByPosition(c, 0).String: c for c in range(64)}
        if job.get("clear"):  # e.g. a template's example row
            for head in [h for h in heads if h]:
                sheet.getCellByPosition(heads[head], row).setString("")
        for head, value in job["cells"].items():
            cell = sheet.getCellByPosition(heads[head], row)
            _type(doc, cell, value)
            found["cells"][head] = {"kind": cell.Type.value, "text": cell.String}
        doc.storeToURL(uno.systemPathToFileUrl(job["save"]), (_prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as Calc quits
            pass
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    print(json.dumps(found))


if __name__ == "__main__":
    main(sys.argv[1])
