"""A Word file's text as Word shows it, read from its XML (python-docx opens the package).

python-docx's ``paragraph.text`` reads only the runs directly under a paragraph: a tracked insertion, a content
control (a date picker, a locked boilerplate block), a text box, a footnote, a header, and an auto-numbered clause's
number ("4.4", kept in numbering.xml, not in the text) are all missing from it, and a document under review reads as
it was before the reviewer's changes. Here the text is what a reader of the document sees with the changes
accepted: insertions in, deletions and moved-away text out, hidden text out, field results in (their codes out),
text boxes after the paragraph they are anchored in (once: Word stores a fallback copy for old readers), list
numbers and bullets as Word draws them, headers at the top and footnotes and footers at the end (page-number lines
left out), comments left out (a reviewer's remarks are not the document).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from briefbot.text import tables

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Runs a reader never sees: deleted or moved away, a text box's copy for old readers, comment marks.
_UNSEEN = frozenset({W + "del", W + "moveFrom", _FALLBACK, W + "txbxContent", W + "rPr", W + "pPr",
                     W + "commentReference", W + "footnoteReference", W + "endnoteReference"})
_PAGE_FIELD = re.compile(r"\b(?:PAGE|NUMPAGES|SECTIONPAGES)\b")

Block = tuple[str, "int | None"]  # (text, heading level or None)


def _on(el: Any, tag: str) -> bool:
    """A toggle property (w:vanish, w:b) that is set: present and not switched off."""
    found = el.find(tag) if el is not None else None
    return found is not None and found.get(W + "val") not in ("0", "false", "off")


def _int(el: Any, default: int) -> int:
    """An element's w:val as a number; ``default`` when it is missing or not a whole number (a damaged file reads on)."""
    try:
        return int(el.get(W + "val", default)) if el is not None else default
    except ValueError:
        return default


def _ilvl(el: Any) -> int:
    """A numbering level's w:ilvl attribute as a number (0 when missing or damaged)."""
    try:
        return int(el.get(W + "ilvl", "0"))
    except ValueError:
        return 0


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # a..z, aa..zz, as Word counts


def _format(n: int, fmt: str) -> str:
    return {"lowerLetter": _letters(n), "upperLetter": _letters(n).upper(), "lowerRoman": _roman(n),
            "upperRoman": _roman(n).upper(), "decimalZero": f"{n:02d}", "none": ""}.get(fmt, str(n))


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """numbering.xml and the styles that carry numbering, and the counters as the document is read."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> level -> its definition
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, level)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, word: Any) -> Numbering:
        out = cls()
        try:
            numbering = word.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        if numbering is not None:
            abstract: dict[str, dict[int, _Level]] = {}
            for a in numbering.iter(W + "abstractNum"):
                lv: dict[int, _Level] = {}
                for lvl in a.iter(W + "lvl"):
                    start, fmt, text = lvl.find(W + "start"), lvl.find(W + "numFmt"), lvl.find(W + "lvlText")
                    lv[_ilvl(lvl)] = _Level(
                        _int(start, 1),
                        fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                        text.get(W + "val", "") if text is not None else "")
                abstract[a.get(W + "abstractNumId", "")] = lv
            for num in numbering.iter(W + "num"):
                ref = num.find(W + "abstractNumId")
                lv = dict(abstract.get(ref.get(W + "val", "") if ref is not None else "", {}))
                for override in num.iter(W + "lvlOverride"):
                    k, start = _ilvl(override), override.find(W + "startOverride")
                    if start is not None and k in lv:
                        lv[k] = _Level(_int(start, 1), lv[k].fmt, lv[k].text)
                out.levels[num.get(W + "numId", "")] = lv
        styles = word.styles.element
        based: dict[str, str] = {}
        for style in styles.iter(W + "style"):
            sid = style.get(W + "styleId", "")
            base = style.find(W + "basedOn")
            if base is not None:
                based[sid] = base.get(W + "val", "")
            num = style.find(f"{W}pPr/{W}numPr")
            if num is not None and num.find(W + "numId") is not None:
                ilvl = num.find(W + "ilvl")
                out.style_num[sid] = (num.find(W + "numId").get(W + "val", ""), _int(ilvl, 0))
        for sid in list(based):  # a style based on a numbered one is numbered too
            seen, cur = set(), sid
            while cur not in out.style_num and cur in based and cur not in seen:
                seen.add(cur)
                cur = based[cur]
            if cur in out.style_num and sid not in out.style_num:
                out.style_num[sid] = out.style_num[cur]
        return out

    def label(self, p: Any, style_id: str) -> str | None:
        """The number or bullet Word draws before paragraph ``p`` ("4.4", "(b)", "-"), counting it; None for none."""
        num = p.find(f"{W}pPr/{W}numPr")
        num_id, level = self.style_num.get(style_id, (None, 0))
        if num is not None:
            nid, ilvl = num.find(W + "numId"), num.find(W + "ilvl")
            num_id = nid.get(W + "val") if nid is not None else num_id
            level = _int(ilvl, level)
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return None
        lv = self.levels[num_id]
        if level not in lv or not 0 <= level < 10:
            return None
        if lv[level].fmt == "bullet":
            return "-"
        counts = self.counters.setdefault(num_id, [0] * 10)
        for k in range(level):
            if counts[k] == 0 and k in lv:
                counts[k] = lv[k].start  # a list that starts at its second level still counts the first as begun
        counts[level] = counts[level] + 1 if counts[level] else lv[level].start
        for k in range(level + 1, len(counts)):
            counts[k] = 0
        text = re.sub(r"%(\d)", lambda m: _format(counts[int(m.group(1)) - 1] or 1, lv.get(int(m.group(1)) - 1, lv[level]).fmt),
                      lv[level].text)
        return text.strip() or None


def _text(el: Any, boxes: list[Any]) -> str:
    """The visible text under ``el``; the text boxes met on the way are put in ``boxes`` (read after)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if tag == W + "txbxContent":
                boxes.append(child)
                continue
            if tag in _UNSEEN or not isinstance(tag, str):
                continue
            if tag == W + "r" and _on(child.find(W + "rPr"), W + "vanish"):
                continue  # hidden text
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag in (W + "br", W + "cr") and child.get(W + "type") in (None, "textWrapping"):
                parts.append("\n")  # a line break within the paragraph (Shift+Enter): the line ends there
            elif tag in (W + "tab", W + "br"):
                parts.append(" ")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(el)
    return "".join(parts)


@dataclass
class WordReader:
    """Walks a document's body (and headers, footnotes, footers) into blocks: one paragraph or table row each."""

    word: Any
    numbering: Numbering
    style_names: dict[str, str]
    blocks: list[Block] = field(default_factory=list)

    def body(self, container: Any) -> None:
        for child in container:
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo", W + "smartTag"):
                self.body(child.find(W + "sdtContent") if child.tag == W + "sdt" and child.find(W + "sdtContent") is not None else child)
            elif child.tag == W + "sdtContent":
                self.body(child)

    def paragraph(self, p: Any) -> None:
        boxes: list[Any] = []
        text = _text(p, boxes)
        ppr = p.find(W + "pPr")
        sid_el = ppr.find(W + "pStyle") if ppr is not None else None
        sid = sid_el.get(W + "val", "") if sid_el is not None else ""
        name = self.style_names.get(sid, sid).lower()
        m = re.match(r"heading\s*(\d)$", name)
        level = 0 if name == "title" else (int(m.group(1)) if m else None)
        if text.strip():
            label = self.numbering.label(p, sid)
            if label is None and level is None and name.startswith("list"):
                label = "-"
            lines = [text] if level is not None else [line for line in text.split("\n") if line.strip()]
            self.blocks.append((f"{label} {lines[0]}" if label else lines[0], level))
            self.blocks.extend((line, None) for line in lines[1:])  # each line of the paragraph on a line of its own
        for box in boxes:
            self.body(box)

    def table(self, tbl: Any) -> None:
        rows: list[list[str]] = []
        above: dict[int, str] = {}
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl and tr.getparent().tag != W + "sdtContent":
                continue  # a table nested in a cell is read with that cell
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                continue  # a deleted row
            cells: list[str] = []
            for tc in tr.iter(W + "tc"):
                if tc.getparent() is not tr and tc.getparent().tag != W + "sdtContent":
                    continue
                tcpr = tc.find(W + "tcPr")
                span = tcpr.find(W + "gridSpan") if tcpr is not None else None
                merge = tcpr.find(W + "vMerge") if tcpr is not None else None
                column = len(cells)
                if merge is not None and merge.get(W + "val") != "restart":
                    text = above.get(column, "")  # a vertically merged cell says what the cell above says
                else:
                    cell = WordReader(self.word, self.numbering, self.style_names)
                    cell.body(tc)  # its paragraphs, content controls, text boxes and nested tables, as in the body
                    text = " ".join(" ".join(t.split()) for t, _ in cell.blocks)
                above[column] = text
                cells.append(text)
                cells.extend([""] * min(max(_int(span, 1) - 1, 0), 60))
            if any(cells):
                rows.append(cells)
        self.blocks.extend((line, None) for line in tables.written(rows))

    def notes(self, part_name: str, tag: str) -> None:
        """Footnotes or endnotes, each as its paragraphs (separators left out)."""
        for rel in self.word.part.rels.values():
            if not rel.is_external and rel.reltype.endswith("/" + part_name):
                root = etree.fromstring(rel.target_part.blob)
                for note in root.iter(W + tag):
                    if note.get(W + "type") in (None, "normal"):
                        self.body(note)

    def margins(self, kind: str) -> None:
        """Header or footer paragraphs, each distinct one once, without page-number lines ("Page 2 of 5")."""
        seen: set[str] = set()
        for rel in self.word.part.rels.values():
            if not rel.is_external and rel.reltype.endswith("/" + kind):
                root = etree.fromstring(rel.target_part.blob)
                for p in root.iter(W + "p"):
                    codes = " ".join(t.text or "" for t in p.iter(W + "instrText")) + " ".join(
                        f.get(W + "instr", "") for f in p.iter(W + "fldSimple"))
                    text = " ".join(_text(p, []).split())
                    if text and text not in seen and not _PAGE_FIELD.search(codes):
                        seen.add(text)
                        self.blocks.append((text, None))


def word_blocks(word: Any) -> list[Block]:
    """The blocks of a python-docx ``Document``: headers, body, footnotes, endnotes, footers."""
    names = {s.get(W + "styleId", ""): (s.find(W + "name").get(W + "val", "") if s.find(W + "name") is not None else "")
             for s in word.styles.element.iter(W + "style")}
    reader = WordReader(word, Numbering.of(word), names)
    reader.margins("header")
    reader.body(word.element.body)
    reader.notes("footnotes", "footnote")
    reader.notes("endnotes", "endnote")
    reader.margins("footer")
    return reader.blocks
