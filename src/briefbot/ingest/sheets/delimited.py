"""CSV and TSV files: each record a line of text (ingest/sheets/rows.py), cited at the line of the file where it starts.

Decoded as other text files are (ingest/textfile.py: UTF-8 with or without BOM, UTF-16, Windows-1252 and other code
pages; binary files refused). The delimiter (comma, semicolon, tab, bar) is found in the first lines; a .tsv is
tab-separated. A quoted cell that runs over several lines is one line of text (its line breaks spaces), cited at
its first line (ingest/transcripts.py maps the text's lines back to the file's).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from briefbot.errors import LoadError
from briefbot.ingest.sheets.rows import block_lines
from briefbot.ingest.textfile import read_text_file
from briefbot.ingest.transcripts import mapped_document
from briefbot.schema import Document

_DELIMITERS = ",;\t|"
_SNIFF_CHARS = 8192


def load_csv(path: Path, source: str) -> Document:
    """Records as lines (a table's rows naming their columns), each cited at the file line where it starts."""
    text = read_text_file(path).lstrip("\ufeff")
    if not text.strip():
        raise LoadError(f"{path}: the file is empty")
    lines = text.split("\n")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(text)
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # a cell may be as long as the file
    try:
        records = [(n, cells) for n, cells in _records(lines, delimiter) if any(cells)]
    except csv.Error:  # (rare once quotes never closed are read as characters and cells may be long)
        raise LoadError(f"{path}: the file cannot be read as CSV") from None
    if not records:
        raise LoadError(f"{path}: the file has no rows")
    written = block_lines([cells for _, cells in records])[0]
    return mapped_document(source, [(n, line) for (n, _), line in zip(records, written)], len(lines))


def _records(lines: list[str], delimiter: str) -> list[tuple[int, list[str]]]:
    """Each record with the 0-based line of the file it starts on; a quote never closed is read as a character (or
    the rest of the file would be one cell)."""

    def parse(part: list[str], quoting: int) -> list[tuple[int, list[str]]]:
        reader = csv.reader((line + "\n" for line in part), delimiter=delimiter, quoting=quoting)
        out: list[tuple[int, list[str]]] = []
        start = 0
        for row in reader:
            out.append((start, [" ".join(c.split()) for c in row]))  # a line break inside a cell: a space
            start = reader.line_num
        return out

    records = parse(lines, csv.QUOTE_MINIMAL)
    if records and _runs_off(lines[records[-1][0] :], delimiter):
        start = records.pop()[0]
        records += [(start + n, cells) for n, cells in parse(lines[start:], csv.QUOTE_NONE)]
    return records


def _runs_off(part: list[str], delimiter: str) -> bool:
    """Whether the last record's quoted cell is never closed (it then runs to the end of the file)."""
    if sum(1 for line in part if line) < 2:
        return False
    try:
        list(csv.reader((line + "\n" for line in part), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _delimiter(text: str) -> str:
    """The delimiter csv.Sniffer finds in the first lines when it splits them evenly, else the one that does (a
    semicolon where commas are decimal points: "Midlands;1,93"); a comma when none does."""
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        guess = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        guess = ""
    scores = {d: _evenness(sample, d) for d in _DELIMITERS}
    if guess in scores and scores[guess][0]:
        return guess
    best = max(_DELIMITERS, key=lambda d: scores[d])
    return best if scores[best][0] else ","


def _evenness(sample: str, delimiter: str) -> tuple[bool, float, int]:
    """(splits evenly, share of records of the usual width, that width): two cells or more in 8 records of 10."""
    try:
        widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(r)]
    except csv.Error:
        return False, 0.0, 0
    if not widths:
        return False, 0.0, 0
    width, count = Counter(widths).most_common(1)[0]
    share = count / len(widths)
    return width >= 2 and share >= 0.8, share, width
