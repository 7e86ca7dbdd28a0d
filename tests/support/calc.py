"""Drive LibreOffice Calc as a person filling a template would, for tests/edit/test_tabular_calc.py.

Run by the system's Python (`/usr/bin/python3`, which has LibreOffice's `uno` module; the project's
virtualenv has not): `python3 calc.py JOB.json`. The job names the workbook to open, the profile folder
and port for a private headless Calc, the cells of the first sheet's row 2 to fill, and the file to save
to (as Excel 2007+, Calc's own writer). It prints, as JSON, what Calc makes of the workbook: for each
column header of the first sheet, its validation (type, alert, whether it shows its error, the error's
title and text, and the values of a list's range), and what each filled cell holds after it was typed.

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
    """The texts of a list validation's range, e.g. $Lister.$A$2:$A$107."""
    sheet, _, area = formula.replace("$", "").partition(".")
    cells = doc.Sheets.getByName(sheet.strip("'")).getCellRangeByName(area.replace(f"{sheet}.", ""))
    return [str(row[0]) for row in cells.getDataArray()]


def _validations(doc: Any, sheet: Any) -> dict[str, dict[str, Any]]:
    out = {}
    for col in range(64):
        head = sheet.getCellByPosition(col, 0).String
        if not head:
            break
        v = sheet.getCellByPosition(col, 1).Validation
        kind = v.Type.value
        out[head] = {"type": kind, "alert": v.ErrorAlertStyle.value, "shows_error": bool(v.ShowErrorMessage),
                     "title": v.ErrorTitle, "error": v.ErrorMessage,
                     "values": _list_values(doc, v.getFormula1()) if kind == "LIST" else None}
    return out


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
        found = {"sheets": list(doc.Sheets.ElementNames), "validations": _validations(doc, sheet), "cells": {}}
        heads = {sheet.getCellByPosition(c, 0).String: c for c in range(64)}
        for head in [h for h in heads if h]:  # row 2 (the template's example row) emptied first
            sheet.getCellByPosition(heads[head], 1).setString("")
        for head, value in job["fill"].items():
            cell = sheet.getCellByPosition(heads[head], 1)
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
