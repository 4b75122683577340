"""Excel workbooks (.xlsx, .xlsm): each visible sheet a page whose line k is row k, cells as Excel shows them.

Pages are numbered as the tabs Excel shows (hidden sheets are not read and not counted), so ``budget.xlsx sheet
2:14-14`` is row 14 of the second tab; the sheet's name is the section of its passages. Cached formula values are
read (a formula never calculated says nothing), error values (#DIV/0!) left out (ingest/sheets/cells.py). A merged
cell's value is its first cell's, but a header cell merged across columns names each of them ("Sales" over "Q2 |
Q3": "Sales Q2", "Sales Q3"), except in a workbook over _FULL_READ_BYTES, which is streamed. openpyxl is imported
inside the loader, so `briefbot --help` stays fast.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefbot.errors import LoadError
from briefbot.ingest.office import Package, not_a_package
from briefbot.ingest.sheets.cells import cell_text
from briefbot.ingest.sheets.rows import sheet_lines, trimmed
from briefbot.ingest.textfile import os_error
from briefbot.schema import Document

_FULL_READ_BYTES = 5 * 2**20  # a bigger workbook is streamed (openpyxl's read-only mode: merged cells not known)


def load_xlsx(path: Path, source: str) -> Document:
    """Each visible sheet a page whose line k is row k; tables as rows naming their columns; hidden sheets left out."""
    try:
        size = path.stat().st_size  # (its limit is checked by loading.load_document, which may be raised)
    except OSError as exc:
        raise os_error(path, exc) from None
    problem = not_a_package(path, size, WORKBOOK)
    if problem:
        raise LoadError(f"{path}: {problem}")
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on parts it drops (data validation, slicers)
            book = openpyxl.load_workbook(path, data_only=True, read_only=size > _FULL_READ_BYTES, keep_links=False)
            try:
                sheets = [book[name] for name in book.sheetnames]
                shown = [(" ".join(s.title.split()), _sheet_rows(s)) for s in sheets if _visible(s)]
                if not any(rows for _, (rows, _) in shown):
                    hidden = any(_sheet_rows(s)[0] for s in sheets if not _visible(s))
                    raise LoadError(f"{path}: the workbook has no text" + (" outside its hidden sheets" if hidden else ""))
            finally:
                book.close()
    except LoadError:
        raise
    except Exception as exc:  # noqa: BLE001 - bad zip, missing parts, broken XML
        raise LoadError(f"{path}: {_damage(exc)}") from None
    return workbook_document(source, [(name, sheet_lines(rows, spread)) for name, (rows, spread) in shown])


def workbook_document(source: str, sheets: list[tuple[str, list[str]]]) -> Document:
    """The sheets' lines as pages (line k of a page is row k: rows above the first one used are the page's shift),
    each under its sheet's name."""
    parts: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    sections: list[tuple[int, str]] = []
    offset = 0
    for name, lines in sheets:
        starts.append(offset)
        first = next((k for k, line in enumerate(lines) if line), len(lines))
        shifts.append(first)
        if first < len(lines):
            sections.append((offset, name))
        piece = "\n".join(lines[first:]) + "\n\n"  # a blank line ends the page: no row runs on into the next sheet
        parts.append(piece)
        offset += len(piece)
    doc = Document.from_text(source, "".join(parts))
    return replace(doc, page_starts=tuple(starts), page_shifts=tuple(shifts) if any(shifts) else None,
                   sections=tuple(sections))


def _visible(sheet: Any) -> bool:
    return getattr(sheet, "sheet_state", "visible") == "visible"


def _sheet_rows(sheet: Any) -> tuple[list[list[str]], list[list[str]] | None]:
    """The sheet's rows from row 1 as Excel shows their cells (no trailing empty rows), and the same rows with each
    merged range's value in all its columns (None when nothing is merged, or in a streamed workbook)."""
    if not hasattr(sheet, "iter_rows"):
        return [], None  # a chart sheet: a tab with no cells
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # a streamed sheet's stated size may be wrong: read every row there is
    rows: list[list[str]] = []
    for row in sheet.iter_rows(min_row=1, min_col=1):
        rows.append(trimmed([_cell(cell) for cell in row]))
    while rows and not any(rows[-1]):
        rows.pop()
    merged = getattr(sheet, "merged_cells", None)
    if not merged or not merged.ranges:
        return rows, None
    spread = [list(r) for r in rows]
    for span in merged.ranges:
        if span.min_row > len(rows) or span.max_col == span.min_col:
            continue
        row = spread[span.min_row - 1]
        value = row[span.min_col - 1] if span.min_col <= len(row) else ""
        row.extend([""] * (span.max_col - len(row)))
        for col in range(span.min_col, span.max_col + 1):
            row[col - 1] = value
    return rows, spread


def _cell(cell: Any) -> str:
    if cell.value is None or getattr(cell, "data_type", None) == "e":
        return ""  # empty, a formula never calculated, or an error value (#DIV/0!)
    return cell_text(cell.value, getattr(cell, "number_format", None))


WORKBOOK = Package("Excel", "an", "workbook", ".xlsx", ".xls", "xl/workbook.xml")


def _damage(exc: Exception) -> str:
    from xml.etree.ElementTree import ParseError

    if isinstance(exc, zipfile.BadZipFile | zipfile.LargeZipFile):
        return "the Excel file is damaged (its zip package cannot be read)"
    if isinstance(exc, ParseError) or type(exc).__name__ == "XMLSyntaxError":
        return "the Excel file is damaged (broken XML inside)"
    return f"the Excel file is damaged ({type(exc).__name__})"
