"""Spreadsheets: CSV and TSV files, Excel workbooks (.xlsx, .xlsm), their tables read as rows that name their columns.

A row says nothing without its columns, so a table's data rows are written as briefbot writes every table's
(text/tables.py): under the header line ``| Region | Q2 2025 | Q3 2025 |``, each row ``| Region: Midlands | Q2 2025:
1.93 | Q3 2025: 1.87 |`` (empty cells left out). A table's first row is its header when its cells are names, not
figures or dates (cells.is_value), distinct, and rows of data follow; rows of one cell above a table (a title: "Q3
budget - Finance") and rows of one cell alone (a note) stay text.

CSV and TSV: one record a line of text, cited at the line of the file where it starts (a quoted cell that runs over
several lines is one line here: ingest/transcripts.py maps lines back). Excel: each visible sheet is a page, numbered
as the tabs Excel shows (hidden sheets are not read and not counted), its name the section of its passages, and line
k of a page is row k of the sheet, so ``budget.xlsx sheet 2:14-14`` is row 14 of the second tab. Cells read as Excel
shows them (ingest/sheets/cells.py): cached formula values (a formula never calculated says nothing), no error values.
An old binary .xls is not read. openpyxl is imported inside the loader, so `briefbot --help` stays fast.
"""

from __future__ import annotations

from briefbot.ingest.sheets.delimited import load_csv
from briefbot.ingest.sheets.workbook import load_xlsx
from briefbot.ingest.textfile import Loader

SHEET_LOADERS: dict[str, Loader] = {".csv": load_csv, ".tsv": load_csv, ".xlsx": load_xlsx, ".xlsm": load_xlsx}

__all__ = ["SHEET_LOADERS", "load_csv", "load_xlsx"]
