#!/usr/bin/env python3
"""Build the six held-out Word documents in bench/docx/.

    python bench/docx_sources/build.py

The package skeleton (styles, theme, numbering, font table) comes from python-docx's
default template, which is a file saved by Microsoft Word. Everything Word writes that
python-docx has no API for (run splitting with rsids, proofErr and bookmarks, numPr
numbering, tracked changes, comments, footnotes, complex fields, content controls, a
DrawingML text box with its VML fallback, header/footer fields) is written as
WordprocessingML here and put into the parts with lxml. Output is deterministic: fixed
seeds, fixed document properties and fixed zip timestamps.
"""
from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from docx.parts.hdrftr import FooterPart, HeaderPart
from lxml import etree

OUT = Path(__file__).resolve().parent.parent / "docx"

NS = {
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "o": "urn:schemas-microsoft-com:office:office",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "v": "urn:schemas-microsoft-com:vml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wpi": "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
    "wne": "http://schemas.microsoft.com/office/word/2006/wordml",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}
NSDECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items()) + ' mc:Ignorable="w14 w15 wp14"'
NSDECL_SETTINGS = (" ".join(f'xmlns:{k}="{NS[k]}"' for k in ("mc", "o", "r", "m", "v", "w10", "w", "w14", "w15"))
                   + ' xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main" mc:Ignorable="w14 w15"')
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
NBSP_MARK = "¦"  # written as U+00A0 (non-breaking space) in the document

TOK = re.compile(r"(\*\*|__|~~|\t|\n|\{[a-z0-9]+(?::[^{}]*)?\})")
PUNCT = ".,;:()“”‘’\"'!?"


class Raw(str):
    """Ready-made WordprocessingML placed into a paragraph as it is."""


def sdt_id(rng: random.Random) -> int:
    return rng.randint(-2**31, 2**31 - 1)


class Builder:
    def __init__(self, seed: int, *, title: str, author: str, editor: str, created: str,
                 modified: str, revision: int, total_time: int, company: str, pages: int,
                 spell: str = "", reviewers: dict | None = None):
        self.rng = random.Random(seed)
        self.meta = dict(title=title, author=author, editor=editor, created=created,
                         modified=modified, revision=revision, total_time=total_time,
                         company=company, pages=pages)
        self.doc = docx.Document()
        self.part = self.doc.part
        self.pkg = self.part.package
        r = self.rng
        self.pool = sorted({f"00{r.randrange(0x100000, 0xFFFFFF):06X}" for _ in range(11)})
        self.weights = [r.choice([1, 2, 3, 6, 9]) for _ in self.pool]
        self.root_rsid = self.pool[r.randrange(len(self.pool))]
        self.ann = 0
        self.spell = set(spell.split())
        self.footnotes: list[str] = []
        self.comments: list[str] = []
        self.reviewers = reviewers or {}
        self.rev_rsid = {k: f"00{r.randrange(0x100000, 0xFFFFFF):06X}" for k in self.reviewers}
        self.rsids = sorted(set(self.pool) | set(self.rev_rsid.values()))
        self.docpr = 1
        self.bookmarks: dict[str, int] = {}
        self.numbering: tuple[list[str], list[str]] = ([], [])
        self.p_rsid = self.root_rsid
        self.gram = 0
        # Word 2013+ does not write these; drop them from the template package.
        self._drop(self.pkg.rels, lambda t: t.endswith("/thumbnail"))
        self._drop(self.part.rels, lambda t: t.endswith("/stylesWithEffects") or t.endswith("/customXml"))

    @staticmethod
    def _drop(rels, pred):
        for rId, rel in list(rels.items()):
            if pred(rel.reltype):
                del rels[rId]
                rels._target_parts_by_rId.pop(rId, None)

    # ---------------------------------------------------------------- ids
    def pick(self) -> str:
        return self.rng.choices(self.pool, weights=self.weights)[0]

    def hexid(self) -> str:
        return f"{self.rng.randrange(0x01000000, 0x7FFFFFFF):08X}"

    def next_ann(self) -> int:
        self.ann += 1
        return self.ann

    # ---------------------------------------------------------------- runs
    @staticmethod
    def rpr(rstyle=None, fonts=None, b=False, i=False, caps=False, noproof=False, color=None,
            sz=None, u=None, sub=False, **_):
        x = ""
        if rstyle:
            x += f'<w:rStyle w:val="{rstyle}"/>'
        if fonts:
            x += f'<w:rFonts w:ascii="{fonts}" w:eastAsia="{fonts}" w:hAnsi="{fonts}"/>'
        if b:
            x += "<w:b/><w:bCs/>"
        if i:
            x += "<w:i/><w:iCs/>"
        if caps:
            x += "<w:caps/>"
        if noproof:
            x += "<w:noProof/>"
        if color:
            x += f'<w:color w:val="{color}"/>'
        if sz:
            x += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
        if u:
            x += f'<w:u w:val="{u}"/>'
        if sub:
            x += '<w:vertAlign w:val="subscript"/>'
        return x

    def _r(self, text: str, rpr: str, rsid: str, deleted=False) -> str:
        text = text.replace(NBSP_MARK, "\u00a0")
        tag = "w:delText" if deleted else "w:t"
        sp = ' xml:space="preserve"' if text != text.strip(" ") or text.startswith("\u00a0") else ""
        att = f' w:rsidDel="{rsid}"' if deleted else f' w:rsidR="{rsid}"'
        if rpr and not deleted and self.rng.random() < 0.5:
            att = f' w:rsidRPr="{rsid}"' + att
        rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        return f"<w:r{att}>{rp}<{tag}{sp}>{escape(text)}</{tag}></w:r>"

    def runs(self, text: str, rpr: str = "", split=True, deleted=False, rsid=None) -> str:
        """Text as Word writes it: several runs with different rsids, proofErr marks
        around words its speller does not know, now and then a run cut mid-word."""
        if not text:
            return ""
        rng = self.rng
        if not split:
            return self._r(text, rpr, rsid or self.p_rsid, deleted)
        out: list[str] = []
        cur: list[str] = []
        state = {"rsid": self.p_rsid}

        def flush():
            if cur:
                out.append(self._r("".join(cur), rpr, state["rsid"]))
                cur.clear()

        for tok in re.findall(r"[ \u00a0" + NBSP_MARK + r"]+|[^ \u00a0" + NBSP_MARK + r"]+", text):
            if tok.strip(" \u00a0" + NBSP_MARK) == "":
                cur.append(tok)
                continue
            core = tok.strip(PUNCT)
            if core in self.spell and core:
                k = tok.index(core)
                cur.append(tok[:k])
                flush()
                out.append('<w:proofErr w:type="spellStart"/>')
                out.append(self._r(core, rpr, self.pick()))
                out.append('<w:proofErr w:type="spellEnd"/>')
                state["rsid"] = self.pick() if rng.random() < 0.5 else state["rsid"]
                cur.append(tok[k + len(core):])
                continue
            if self.gram and cur:
                self.gram -= 1
                if self.gram == 0:
                    flush()
                    out.append('<w:proofErr w:type="gramEnd"/>')
            if cur and rng.random() < 0.09:
                flush()
                state["rsid"] = self.pick()
            if not self.gram and cur and rng.random() < 0.012:
                flush()
                out.append('<w:proofErr w:type="gramStart"/>')
                self.gram = 2
            if len(tok) > 7 and rng.random() < 0.03:
                k = rng.randint(2, len(tok) - 3)
                cur.append(tok[:k])
                flush()
                state["rsid"] = self.pick()
                cur.append(tok[k:])
                continue
            cur.append(tok)
        flush()
        if self.gram:
            out.append('<w:proofErr w:type="gramEnd"/>')
            self.gram = 0
        return "".join(out)

    def special(self, inner: str, rpr: str) -> str:
        rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        return f'<w:r w:rsidR="{self.p_rsid}">{rp}{inner}</w:r>'

    def rev(self, kind: str, who: str) -> str:
        name, date = self.reviewers[who]
        return f'<w:{kind} w:id="{self.next_ann()}" w:author="{name}" w:date="{date}">'

    def inline(self, content, base: dict) -> str:
        out: list[str] = []
        st = dict(base)
        for item in content:
            if isinstance(item, Raw):
                out.append(item)
                continue
            for part in TOK.split(item):
                if not part:
                    continue
                if part == "**":
                    st["b"] = not st.get("b")
                elif part == "__":
                    st["i"] = not st.get("i")
                elif part == "~~":
                    st["sub"] = not st.get("sub")
                elif part == "\t":
                    out.append(self.special("<w:tab/>", self.rpr(**st)))
                elif part == "\n":
                    out.append(self.special("<w:br/>", self.rpr(**st)))
                elif TOK.fullmatch(part) and part.startswith("{"):
                    m = re.fullmatch(r"\{([a-z0-9]+)(?::(.*))?\}", part, re.S)
                    kind, arg = m.group(1), m.group(2)
                    rp = self.rpr(**st)
                    if kind == "fn":
                        out.append(self.special(f'<w:footnoteReference w:id="{arg}"/>',
                                                self.rpr(rstyle="FootnoteReference")))
                    elif kind in ("ins", "ins2"):
                        who = "a" if kind == "ins" else "b"
                        out.append(self.rev("ins", who) + self.runs(arg, rp, split=False, rsid=self.rev_rsid[who]) + "</w:ins>")
                    elif kind in ("del", "del2"):
                        who = "a" if kind == "del" else "b"
                        out.append(self.rev("del", who) + self.runs(arg, rp, split=False, deleted=True, rsid=self.rev_rsid[who]) + "</w:del>")
                    elif kind == "cs":
                        out.append(f'<w:commentRangeStart w:id="{arg}"/>')
                    elif kind == "ce":
                        out.append(f'<w:commentRangeEnd w:id="{arg}"/>'
                                   + self.special(f'<w:commentReference w:id="{arg}"/>', self.rpr(rstyle="CommentReference")))
                    elif kind == "bm":
                        self.bookmarks[arg] = self.next_ann()
                        out.append(f'<w:bookmarkStart w:id="{self.bookmarks[arg]}" w:name="{arg}"/>')
                    elif kind == "bme":
                        out.append(f'<w:bookmarkEnd w:id="{self.bookmarks[arg]}"/>')
                    elif kind == "goback":
                        n = self.next_ann()
                        out.append(f'<w:bookmarkStart w:id="{n}" w:name="_GoBack"/><w:bookmarkEnd w:id="{n}"/>')
                    elif kind == "lrpb":
                        out.append(self.special("<w:lastRenderedPageBreak/>", rp))
                    else:
                        raise ValueError(part)
                else:
                    out.append(self.runs(part, self.rpr(**st)))
        return "".join(out)

    # ---------------------------------------------------------------- blocks
    def P(self, *content, style=None, num=None, tabs=None, spacing=None, ind=None, jc=None,
          keep_next=False, base=None, ins_mark=None, pbdr=None, shd=None, contextual=False) -> str:
        rs = self.pick()
        rsd = rs if self.rng.random() < 0.7 else self.pick()
        self.p_rsid = rsd
        base = dict(base or {})
        ppr = ""
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if keep_next:
            ppr += "<w:keepNext/>"
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        if pbdr:
            ppr += pbdr
        if shd:
            ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
        if tabs:
            ppr += "<w:tabs>" + "".join(
                f'<w:tab w:val="{t[0]}"' + (f' w:leader="{t[2]}"' if len(t) > 2 else "") + f' w:pos="{t[1]}"/>'
                for t in tabs) + "</w:tabs>"
        if spacing:
            ppr += f"<w:spacing {spacing}/>"
        if ind:
            ppr += f"<w:ind {ind}/>"
        if contextual:
            ppr += "<w:contextualSpacing/>"
        if jc:
            ppr += f'<w:jc w:val="{jc}"/>'
        mark = self.rpr(**base)
        if ins_mark:
            mark = self.rev("ins", ins_mark)[:-1] + "/>" + mark
        if mark:
            ppr += f"<w:rPr>{mark}</w:rPr>"
        body = self.inline(content, base)
        pp = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
        rpr_att = f' w:rsidRPr="{self.pick()}"' if self.rng.random() < 0.3 else ""
        return (f'<w:p w14:paraId="{self.hexid()}" w14:textId="{self.hexid()}" w:rsidR="{rs}"'
                f'{rpr_att} w:rsidRDefault="{rsd}" w:rsidP="{rs}">{pp}{body}</w:p>')

    def page_break(self) -> str:
        rs = self.pick()
        return (f'<w:p w14:paraId="{self.hexid()}" w14:textId="{self.hexid()}" w:rsidR="{rs}" '
                f'w:rsidRDefault="{rs}"><w:r><w:br w:type="page"/></w:r></w:p>')

    def table(self, rows, widths, header=1, style="TableGrid", first_col=False, sz=None,
              head_fill=None, head_color=None, jc=None, borders=None) -> str:
        tw = sum(widths)
        tpr = f'<w:tblStyle w:val="{style}"/><w:tblW w:w="{tw}" w:type="dxa"/>'
        if jc:
            tpr += f'<w:jc w:val="{jc}"/>'
        if borders:
            tpr += borders
        tpr += (f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="{int(first_col)}" '
                f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>')
        x = [f"<w:tbl><w:tblPr>{tpr}</w:tblPr><w:tblGrid>"
             + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"]
        for ri, row in enumerate(rows):
            rs = self.pick()
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if ri < header else ""
            x.append(f'<w:tr w:rsidR="{rs}" w:rsidTr="{rs}" w14:paraId="{self.hexid()}" w14:textId="{self.hexid()}">{trpr}')
            col = 0
            for cell in row:
                c = cell if isinstance(cell, dict) else {"text": cell}
                span = c.get("span", 1)
                w = sum(widths[col:col + span])
                col += span
                tcpr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
                if span > 1:
                    tcpr += f'<w:gridSpan w:val="{span}"/>'
                if c.get("vm") == "restart":
                    tcpr += '<w:vMerge w:val="restart"/>'
                elif c.get("vm") == "cont":
                    tcpr += "<w:vMerge/>"
                fill = c.get("fill") or (head_fill if ri < header else None)
                if fill:
                    tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
                if c.get("valign"):
                    tcpr += f'<w:vAlign w:val="{c["valign"]}"/>'
                base = {}
                if ri < header or c.get("b"):
                    base["b"] = True
                if ri < header and head_color:
                    base["color"] = head_color
                if c.get("color"):
                    base["color"] = c["color"]
                if sz:
                    base["sz"] = sz
                if "paras" in c:
                    paras = "".join(c["paras"])
                elif c.get("vm") == "cont":
                    paras = self.P(base=base, spacing='w:before="40" w:after="40"')
                else:
                    texts = c["text"] if isinstance(c["text"], list) else [c["text"]]
                    paras = "".join(self.P(*(t if isinstance(t, tuple) else (t,)), base=base,
                                           spacing='w:before="40" w:after="40"', jc=c.get("jc"))
                                    for t in texts)
                x.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{paras}</w:tc>")
            x.append("</w:tr>")
        x.append("</w:tbl>")
        return "".join(x)

    # ---------------------------------------------------------------- special inline content
    def link(self, text: str, url: str, anchor=False) -> Raw:
        rid = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
        return Raw(f'<w:hyperlink r:id="{rid}" w:history="1">'
                   + self.runs(text, self.rpr(rstyle="Hyperlink"), split=False) + "</w:hyperlink>")

    def field(self, instr: str, result: str, rstyle=None, base=None, dirty=False) -> Raw:
        rpr = self.rpr(rstyle=rstyle, **(base or {}))
        rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        r = self.p_rsid
        return Raw(
            f'<w:r w:rsidR="{r}">{rp}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r w:rsidR="{r}">{rp}<w:instrText xml:space="preserve"> {escape(instr)} </w:instrText></w:r>'
            f'<w:r w:rsidR="{r}">{rp}<w:fldChar w:fldCharType="separate"/></w:r>'
            + self.runs(result, rpr, split=False)
            + f'<w:r w:rsidR="{r}">{rp}<w:fldChar w:fldCharType="end"/></w:r>')

    def sdt_run(self, text: str, alias: str, tag: str, kind="text", date=None, fmt="d MMMM yyyy",
                items=(), base=None) -> Raw:
        rpr = self.rpr(**(base or {}))
        pr = (f"<w:rPr>{rpr}</w:rPr>" if rpr else "") + f'<w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{sdt_id(self.rng)}"/>'
        if kind == "date":
            pr += (f'<w:date w:fullDate="{date}T00:00:00Z"><w:dateFormat w:val="{fmt}"/><w:lid w:val="en-GB"/>'
                   '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
        elif kind == "dropdown":
            pr += '<w:dropDownList><w:listItem w:value="" w:displayText="Choose an item."/>' + "".join(
                f'<w:listItem w:displayText="{i}" w:value="{i}"/>' for i in items) + "</w:dropDownList>"
        elif kind == "checkbox":
            pr += ('<w14:checkbox><w14:checked w14:val="1"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
                   '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>')
            rpr = self.rpr(fonts="MS Gothic", **(base or {}))
        else:
            pr += "<w:text/>"
        return Raw(f"<w:sdt><w:sdtPr>{pr}</w:sdtPr><w:sdtEndPr/><w:sdtContent>"
                   + self.runs(text, rpr, split=False) + "</w:sdtContent></w:sdt>")

    def sdt_block(self, paras: list[str], alias: str, tag: str, locked=True) -> str:
        lock = '<w:lock w:val="sdtLocked"/>' if locked else ""
        return (f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{sdt_id(self.rng)}"/>'
                f"{lock}</w:sdtPr><w:sdtEndPr/><w:sdtContent>{''.join(paras)}</w:sdtContent></w:sdt>")

    def textbox(self, paras: list[str], cx: int, cy: int, fill="F2F2F2") -> Raw:
        n = self.docpr
        self.docpr += 1
        inner = "".join(paras)
        wpt, hpt = cx / 12700, cy / 12700
        return Raw(
            '<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f'<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + n * 1024}" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1" wp14:anchorId="{self.hexid()}" wp14:editId="{self.hexid()}">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>53340</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="19050" b="12700"/><wp:wrapSquare wrapText="bothSides"/>'
            f'<wp:docPr id="{n}" name="Text Box {n + 1}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr><wps:spPr bwMode="auto">'
            f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill>'
            '<a:miter lim="800000"/><a:headEnd/><a:tailEnd/></a:ln></wps:spPr>'
            f"<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>"
            '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0">'
            "<a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            '<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
            '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
            f'<v:shape id="Text Box {n + 1}" o:spid="_x0000_s{1025 + n}" type="#_x0000_t202" style="position:absolute;'
            f"margin-left:0;margin-top:4.2pt;width:{wpt:.1f}pt;height:{hpt:.1f}pt;z-index:{251659264 + n * 1024};"
            "visibility:visible;mso-wrap-style:square;mso-wrap-distance-left:9pt;mso-wrap-distance-top:3.6pt;"
            "mso-wrap-distance-right:9pt;mso-wrap-distance-bottom:3.6pt;mso-position-horizontal:right;"
            "mso-position-horizontal-relative:margin;mso-position-vertical:absolute;mso-position-vertical-relative:text;"
            f'v-text-anchor:top" fillcolor="#{fill.lower()}" strokecolor="#7f7f7f">'
            f'<v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>{inner}</w:txbxContent></v:textbox>'
            '<w10:wrap type="square" anchorx="margin"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')

    def page_x_of_y(self, pages: int, prefix="", jc="right") -> str:
        p = self.P(prefix + "Page ", self.field("PAGE  \\* Arabic  \\* MERGEFORMAT", "1", base={"sz": 18, "color": "595959", "b": True}),
                   " of ", self.field("NUMPAGES  \\* Arabic  \\* MERGEFORMAT", str(pages), base={"sz": 18, "color": "595959", "b": True}),
                   style="Footer", jc=jc, base={"sz": 18, "color": "595959"})
        return (f'<w:sdt><w:sdtPr><w:id w:val="{sdt_id(self.rng)}"/><w:docPartObj><w:docPartGallery w:val="Page Numbers (Bottom of Page)"/>'
                f"<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtEndPr/><w:sdtContent>{p}</w:sdtContent></w:sdt>")

    def footnote(self, text: str) -> int:
        n = len(self.footnotes) + 1
        self.footnotes.append(text)
        return n

    def comment(self, cid: int, who: str, date: str, text: str):
        name, _ = self.reviewers[who]
        initials = "".join(w[0] for w in name.split())
        p = self.P(Raw(self.special("<w:annotationRef/>", self.rpr(rstyle="CommentReference"))), text, style="CommentText")
        self.comments.append(f'<w:comment w:id="{cid}" w:author="{name}" w:date="{date}" w:initials="{initials}">{p}</w:comment>')

    def add_numbering(self, abstracts: list[str], nums: list[str]):
        self.numbering[0].extend(abstracts)
        self.numbering[1].extend(nums)

    def abstract(self, aid: int, levels: list[dict]) -> str:
        lv = []
        for i in range(9):
            d = levels[i] if i < len(levels) else {"fmt": "lowerRoman", "text": f"(%{i + 1})",
                                                   "left": 720 * (i + 1), "hanging": 360}
            ps = f'<w:pStyle w:val="{d["pstyle"]}"/>' if d.get("pstyle") else ""
            rp = f'<w:rPr>{d["rpr"]}</w:rPr>' if d.get("rpr") else ""
            lv.append(f'<w:lvl w:ilvl="{i}" w:tplc="{self.hexid()}"><w:start w:val="{d.get("start", 1)}"/>'
                      f'<w:numFmt w:val="{d["fmt"]}"/>{ps}<w:lvlText w:val="{d["text"]}"/><w:lvlJc w:val="left"/>'
                      f'<w:pPr><w:ind w:left="{d["left"]}" w:hanging="{d["hanging"]}"/></w:pPr>{rp}</w:lvl>')
        return (f'<w:abstractNum w:abstractNumId="{aid}"><w:nsid w:val="{self.hexid()}"/>'
                f'<w:multiLevelType w:val="{"multilevel" if len(levels) > 1 else "hybridMultilevel"}"/>'
                f'<w:tmpl w:val="{self.hexid()}"/>' + "".join(lv) + "</w:abstractNum>")

    # ---------------------------------------------------------------- package
    def _story(self, tag: str, paras: list[str]) -> str:
        return f"<w:{tag} {NSDECL}>{''.join(paras)}</w:{tag}>"

    def save(self, name: str, body: list[str], header: list[str] | None = None,
             footer: list[str] | None = None, track=False, margins=(1440, 1440, 1440, 1440)):
        hdr_ref = ""
        if header:
            hp = HeaderPart.new(self.pkg)
            hp._element = parse_xml(self._story("hdr", header))
            hdr_ref += f'<w:headerReference w:type="default" r:id="{self.part.relate_to(hp, RT.HEADER)}"/>'
        if footer:
            fp = FooterPart.new(self.pkg)
            fp._element = parse_xml(self._story("ftr", footer))
            hdr_ref += f'<w:footerReference w:type="default" r:id="{self.part.relate_to(fp, RT.FOOTER)}"/>'
        sep = ('<w:{t} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
               '<w:r><w:separator/></w:r></w:p></w:{t}><w:{t} w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
               '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:{t}>')
        if self.footnotes:
            notes = []
            for n, text in enumerate(self.footnotes, 1):
                p = self.P(Raw(self.special("<w:footnoteRef/>", self.rpr(rstyle="FootnoteReference"))), " " + text,
                           style="FootnoteText")
                notes.append(f'<w:footnote w:id="{n}">{p}</w:footnote>')
            fn_xml = XML_DECL + f"<w:footnotes {NSDECL}>" + sep.format(t="footnote") + "".join(notes) + "</w:footnotes>"
            en_xml = XML_DECL + f"<w:endnotes {NSDECL}>" + sep.format(t="endnote") + "</w:endnotes>"
            for pn, ct, rt, xml in (("/word/footnotes.xml", CT.WML_FOOTNOTES, RT.FOOTNOTES, fn_xml),
                                    ("/word/endnotes.xml", CT.WML_ENDNOTES, RT.ENDNOTES, en_xml)):
                self.part.relate_to(Part(PackURI(pn), ct, xml.encode("utf-8"), self.pkg), rt)
        if self.comments:
            cm = XML_DECL + f"<w:comments {NSDECL}>" + "".join(self.comments) + "</w:comments>"
            self.part.relate_to(Part(PackURI("/word/comments.xml"), CT.WML_COMMENTS, cm.encode("utf-8"), self.pkg), RT.COMMENTS)
        if self.reviewers:
            people = XML_DECL + (f'<w15:people xmlns:mc="{NS["mc"]}" xmlns:w15="{NS["w15"]}" mc:Ignorable="w15">'
                                 + "".join(f'<w15:person w15:author="{n}"><w15:presenceInfo w15:providerId="None" w15:userId="{n}"/></w15:person>'
                                           for n, _ in self.reviewers.values()) + "</w15:people>")
            self.part.relate_to(Part(PackURI("/word/people.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
                                     people.encode("utf-8"), self.pkg), "http://schemas.microsoft.com/office/2011/relationships/people")

        top, right, bottom, left = margins
        sect = (f'<w:sectPr w:rsidR="{self.root_rsid}" w:rsidSect="{self.pick()}">{hdr_ref}'
                '<w:pgSz w:w="11906" w:h="16838"/>'
                f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="708" w:footer="708" w:gutter="0"/>'
                '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
        body_xml = "".join(body) + self.P() + sect
        self.part._element = parse_xml(f"<w:document {NSDECL}><w:body>{body_xml}</w:body></w:document>")

        # settings.xml, as Word 2016 writes it
        notes_pr = ('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
                    '<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>') if self.footnotes else ""
        settings = (
            f'<w:settings {NSDECL_SETTINGS}>'
            '<w:zoom w:percent="100"/>' + ("<w:trackRevisions/>" if track else "")
            + '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>' + notes_pr
            + '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '</w:compat><w:rsids>' + f'<w:rsidRoot w:val="{self.root_rsid}"/>'
            + "".join(f'<w:rsid w:val="{r}"/>' for r in self.rsids) + "</w:rsids>"
            '<m:mathPr><m:mathFont m:val="Cambria Math"/><m:brkBin m:val="before"/><m:brkBinSub m:val="--"/><m:smallFrac m:val="0"/>'
            '<m:dispDef/><m:lMargin m:val="0"/><m:rMargin m:val="0"/><m:defJc m:val="centerGroup"/><m:wrapIndent m:val="1440"/>'
            '<m:intLim m:val="subSup"/><m:naryLim m:val="undOvr"/></m:mathPr><w:themeFontLang w:val="en-GB"/>'
            '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" w:accent2="accent2" '
            'w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" '
            'w:followedHyperlink="followedHyperlink"/><w:shapeDefaults><o:shapedefaults v:ext="edit" spidmax="2049"/>'
            '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout></w:shapeDefaults>'
            '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
            f'<w14:docId w14:val="{self.hexid()}"/><w15:chartTrackingRefBased/>'
            f'<w15:docId w15:val="{{{self.hexid()}-{self.hexid()[:4]}-{self.hexid()[:4]}-{self.hexid()[:4]}-{self.hexid()}{self.hexid()[:4]}}}"/>'
            "</w:settings>")
        self.part._settings_part._element = parse_xml(settings)

        # styles: Word 2013+ defaults, British English, A4 tab stops, styles Word adds on use
        sp = self.part._styles_part
        s = etree.tostring(sp._element, encoding="unicode")
        s = re.sub(r"<w:docDefaults>.*?</w:docDefaults>", DOC_DEFAULTS, s, flags=re.S)
        s = s.replace('w:pos="4680"', 'w:pos="4513"').replace('w:pos="9360"', 'w:pos="9026"')
        s = s.replace("</w:styles>", EXTRA_STYLES + "</w:styles>")
        sp._element = parse_xml(s)

        if self.numbering[0]:
            np_ = self.part.numbering_part
            s = etree.tostring(np_._element, encoding="unicode")
            i = s.index("<w:num ")
            s = s[:i] + "".join(self.numbering[0]) + s[i:]
            s = s.replace("</w:numbering>", "".join(self.numbering[1]) + "</w:numbering>")
            np_._element = parse_xml(s)

        text = visible_text(self.part._element)
        words = len(text.split())
        chars = len(re.sub(r"\s", "", text))
        m = self.meta
        for p in self.pkg.iter_parts():
            if p.partname == "/docProps/app.xml":
                p._blob = app_xml(m, words, chars, len(text), text.count("\n") + 1).encode("utf-8")
            elif p.partname == "/word/theme/theme1.xml":
                p._blob = (p.blob.replace(b'<a:latin typeface="Calibri"/>', b'<a:latin typeface="Calibri Light"/>', 1)
                           .replace(b'<a:latin typeface="Cambria"/>', b'<a:latin typeface="Calibri"/>', 1))
        self.pkg._core_properties_part._element = parse_xml(core_xml(m).encode("utf-8"))

        buf = io.BytesIO()
        self.doc.save(buf)
        rezip(buf, OUT / name)


DOC_DEFAULTS = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" '
    'w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
    '<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
    '<w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>')

EXTRA_STYLES = (
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
    '<w:link w:val="FootnoteTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:customStyle="1" w:styleId="FootnoteTextChar"><w:name w:val="Footnote Text Char"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="FootnoteText"/><w:uiPriority w:val="99"/><w:semiHidden/>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FollowedHyperlink"><w:name w:val="FollowedHyperlink"/><w:basedOn w:val="DefaultParagraphFont"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:color w:val="954F72" w:themeColor="followedHyperlink"/>'
    '<w:u w:val="single"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/>'
    '<w:link w:val="CommentTextChar"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:customStyle="1" w:styleId="CommentTextChar"><w:name w:val="Comment Text Char"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="CommentText"/><w:uiPriority w:val="99"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="ClauseHeading"><w:name w:val="Clause Heading"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>'
    '<w:rPr><w:b/><w:bCs/><w:caps/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="ClauseText"><w:name w:val="Clause Text"/><w:basedOn w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr></w:style>')


def visible_text(root) -> str:
    W = "{%s}" % NS["w"]
    out = []
    for p in root.iter(W + "p"):
        s = "".join(t.text or "" for t in p.iter(W + "t"))
        out.append(s)
    return "\n".join(out)


def app_xml(m, words, chars, cws, paras) -> str:
    lines = max(1, cws // 85)
    return (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Template>Normal.dotm</Template><TotalTime>{m["total_time"]}</TotalTime><Pages>{m["pages"]}</Pages>'
            f'<Words>{words}</Words><Characters>{chars}</Characters><Application>Microsoft Office Word</Application>'
            f'<DocSecurity>0</DocSecurity><Lines>{lines}</Lines><Paragraphs>{paras}</Paragraphs><ScaleCrop>false</ScaleCrop>'
            '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Title</vt:lpstr></vt:variant>'
            '<vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr">'
            f'<vt:lpstr>{escape(m["title"])}</vt:lpstr></vt:vector></TitlesOfParts><Company>{escape(m["company"])}</Company>'
            f'<LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>{cws}</CharactersWithSpaces><SharedDoc>false</SharedDoc>'
            '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>')


def core_xml(m) -> str:
    return (XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(m["title"])}</dc:title><dc:creator>{escape(m["author"])}</dc:creator>'
            f'<cp:lastModifiedBy>{escape(m["editor"])}</cp:lastModifiedBy><cp:revision>{m["revision"]}</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{m["created"]}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{m["modified"]}</dcterms:modified></cp:coreProperties>')


def rezip(buf: io.BytesIO, path: Path):
    """Rewrite the package with fixed timestamps and Word-style XML declarations."""
    buf.seek(0)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                data = re.sub(rb"^<\?xml[^>]*\?>\s*", XML_DECL.encode(), data, count=1)
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zout.writestr(zi, data)


# =====================================================================================
# 1. Services contract
# =====================================================================================
def build_contract():
    b = Builder(101, title="Managed IT Services Agreement", author="Rachel Dunmore", editor="Simon Achterberg",
                created="2026-08-03T09:12:00Z", modified="2026-09-14T16:47:00Z", revision=23, total_time=412,
                company="Brindley Hart LLP", pages=5,
                spell="Corvane Okafor Lindgren Marsh-Whitby Whitworth CEDR EDR Thornbury")
    clause = lambda lvl: (10, lvl)  # noqa: E731
    b.add_numbering(
        [b.abstract(10, [dict(fmt="decimal", text="%1.", left=720, hanging=720),
                         dict(fmt="decimal", text="%1.%2", left=720, hanging=720, rpr='<w:b w:val="0"/><w:caps w:val="0"/>'),
                         dict(fmt="lowerLetter", text="(%3)", left=1440, hanging=720)]),
         b.abstract(11, [dict(fmt="decimal", text="(%1)", left=720, hanging=720)]),
         b.abstract(12, [dict(fmt="upperLetter", text="(%1)", left=720, hanging=720)])],
        ['<w:num w:numId="10"><w:abstractNumId w:val="10"/></w:num>',
         '<w:num w:numId="11"><w:abstractNumId w:val="11"/></w:num>',
         '<w:num w:numId="12"><w:abstractNumId w:val="12"/></w:num>'])
    P = b.P
    H = lambda *t: P(*t, style="ClauseHeading", num=clause(0))  # noqa: E731
    C = lambda *t: P(*t, style="ClauseText", num=clause(1))  # noqa: E731
    D = lambda *t: P(*t, style="ClauseText", ind='w:left="720"')  # noqa: E731
    body = [
        P("Managed IT Services Agreement", style="Title"),
        P("**THIS AGREEMENT** is dated 14 September 2026", spacing='w:after="240"'),
        P("Parties", base={"b": True, "caps": True}, keep_next=True),
        P("**Corvane Systems Limited**, a company incorporated and registered in England and Wales with company number "
          "09481726, whose registered office is at 4th Floor, 22 Whitworth Street, Manchester M1¦3GH (the “**Supplier**”); and",
          style="ListParagraph", num=(11, 0), jc="both"),
        P("**Thornbury & Vale Building Society**, a building society incorporated under the Building Societies Act 1986 "
          "(registered number 612B), whose principal office is at 9 Castle Mews, Shrewsbury SY1¦2AB (the “**Customer**”).",
          style="ListParagraph", num=(11, 0), jc="both"),
        P("Background", base={"b": True, "caps": True}, keep_next=True),
        P("The Customer wishes to outsource the support and management of its end-user computing, network and cloud "
          "infrastructure following the retirement of its in-house support platform.", style="ListParagraph", num=(12, 0), jc="both"),
        P("The Supplier has agreed to provide the Services to the Customer on the terms of this Agreement, following a "
          "competitive tender that closed on 30 June 2026.", style="ListParagraph", num=(12, 0), jc="both"),
        P("Agreed terms", base={"b": True, "caps": True}, keep_next=True),
        H("Definitions and interpretation"),
        C("The definitions in this clause apply in this Agreement."),
        D("“**Business Day**”: a day other than a Saturday, Sunday or public holiday in England, when banks in London are open for business."),
        D("“**Charges**”: the charges payable by the Customer for the supply of the Services, as set out in Part 2 of the Schedule."),
        D("“**Commencement Date**”: 1 October 2026."),
        D("“**Contract Year**”: each period of twelve months beginning on the Commencement Date or on an anniversary of it."),
        D("“**CPI**”: the Consumer Prices Index published by the Office for National Statistics."),
        D("“**Initial Term**”: the period of thirty-six (36) months beginning on the Commencement Date."),
        D("“**Service Desk**”: the Supplier’s first-line support function, which users may contact by telephone, email or the online portal."),
        D("“**Services**”: the managed IT services described in Part 1 of the Schedule."),
        C("Clause and Schedule headings shall not affect the interpretation of this Agreement. A reference to "
          "__writing__ or __written__ includes email."),
        H("Supply of services"),
        C("The Supplier shall supply the Services to the Customer from the Commencement Date in accordance with this "
          "Agreement, using the standard of skill and care expected of an experienced provider of managed IT services."),
        C("The Service Desk shall be staffed from 07:30 to 19:00 on each Business Day. Outside those hours, Priority 1 "
          "incidents may be reported to the Supplier’s out-of-hours engineer by telephone."),
        C("The Supplier shall meet or exceed the service levels set out in Part 3 of the Schedule and shall report its "
          "performance against them to the Customer within ten Business Days after the end of each month."),
        C("The Supplier shall appoint a named service delivery manager, who at the Commencement Date shall be Keira "
          "Lindgren, and shall not replace that person without giving the Customer at least one month’s notice.{goback}"),
        H("Term"),
        C("This Agreement shall commence on the Commencement Date and continue for the Initial Term. It shall then renew "
          "automatically for successive periods of twelve (12) months unless either party gives the other written notice "
          "of non-renewal at least ninety (90) days before the end of the Initial Term or the relevant renewal period."),
        H("{bm:_Ref178220145}Charges and payment{bme:_Ref178220145}"),
        C("In consideration of the provision of the Services, the Customer shall pay the Charges in accordance with this clause ",
          b.field("REF _Ref178220145 \\r \\h", "4"), "."),
        C("The Supplier shall invoice the Customer monthly in arrears. The Customer shall pay each undisputed invoice "
          "within thirty (30) days of the date on which it receives the invoice."),
        C("If the Customer fails to pay any undisputed amount by the due date, the Supplier may charge interest on the "
          "overdue amount at the rate of 4% a year above the Bank of England’s base rate from time to time."),
        C("The Supplier may increase the Charges once in each Contract Year, with effect from the anniversary of the "
          "Commencement Date, by giving the Customer not less than two months’ written notice. Any increase shall not "
          "exceed the percentage increase in CPI over the preceding twelve months, subject to a maximum increase of 5%."),
        C("All amounts payable under this Agreement are exclusive of VAT, which the Customer shall pay at the applicable rate."),
        H("Confidentiality"),
        C("Each party shall keep the other party’s confidential information secret and shall not disclose it except to "
          "its employees, officers, advisers and subcontractors who need to know it for the purpose of this Agreement."),
        C("This clause 5 shall survive termination of this Agreement for a period of five years."),
        H("Data protection"),
        C("The Supplier shall process personal data only on the documented instructions of the Customer and in "
          "accordance with the UK GDPR and the Data Protection Act 2018."),
        C("The Supplier shall notify the Customer without undue delay, and in any event within 24 hours, after becoming "
          "aware of a personal data breach affecting the Customer’s data."),
        C("The Supplier shall not transfer the Customer’s personal data outside the United Kingdom or the European "
          "Economic Area without the Customer’s prior written consent."),
        H("Limitation of liability"),
        C("Nothing in this Agreement limits either party’s liability for death or personal injury caused by its "
          "negligence, or for fraud or fraudulent misrepresentation."),
        C("Subject to clause 7.1, each party’s total liability in each Contract Year shall not exceed 125% of the "
          "Charges paid or payable in that Contract Year."),
        H("Termination"),
        C("The Customer may terminate this Agreement for convenience with effect from any date after the first "
          "anniversary of the Commencement Date by giving the Supplier not less than 120 days’ written notice and "
          "paying the Early Termination Fee set out in Part 2 of the Schedule."),
        C("Either party may terminate this Agreement with immediate effect by written notice if the other party commits "
          "a material breach which is irremediable or, if remediable, is not remedied within 21 days of written notice of the breach."),
        C("On termination, the Supplier shall provide reasonable exit assistance for up to three months, charged at the "
          "day rate for on-site engineer visits set out in Part 2 of the Schedule."),
        H("General"),
        C("Any notice under this Agreement shall be in writing and delivered by hand or by pre-paid first-class post to "
          "the other party’s registered or principal office, or sent by email to contracts@corvane.co.uk (for the "
          "Supplier) or to the Customer’s Head of IT (for the Customer)."),
        C("If a dispute arises, either party may refer it to the Customer’s Chief Operating Officer and the Supplier’s "
          "Managing Director. If they cannot resolve it within fifteen (15) Business Days, the parties shall attempt to "
          "settle it by mediation in accordance with the CEDR Model Mediation Procedure."),
        C("This Agreement and any dispute arising out of it shall be governed by the law of England and Wales, and the "
          "courts of England and Wales shall have exclusive jurisdiction."),
        P("This Agreement has been entered into on the date stated at the beginning of it.", spacing='w:before="240" w:after="360"'),
        P("Signed by **Daniel Okafor**, Managing Director, for and on behalf of **Corvane Systems Limited**", keep_next=True),
        P("Signature:\t\tDate:\t", tabs=[("left", 1418), ("left", 5670, "dot"), ("left", 6521), ("left", 9026, "dot")],
          spacing='w:before="240" w:after="480"'),
        P("Signed by **Helen Marsh-Whitby**, Chief Operating Officer, for and on behalf of **Thornbury & Vale Building Society**", keep_next=True),
        P("Signature:\t\tDate:\t", tabs=[("left", 1418), ("left", 5670, "dot"), ("left", 6521), ("left", 9026, "dot")],
          spacing='w:before="240" w:after="480"'),
        b.page_break(),
        P("Schedule – Services, Charges and Service Levels", style="Heading1"),
        P("Part 1 – Services", style="Heading2"),
        P("The Supplier shall provide the following Services to the Customer’s head office and its 14 branches:"),
        P("Service Desk support for up to 180 named users;", style="ListBullet"),
        P("monitoring, patching and backup of servers and network devices;", style="ListBullet"),
        P("administration of the Customer’s Microsoft 365 tenancy;", style="ListBullet"),
        P("managed endpoint detection and response (EDR) on all laptops and desktops; and", style="ListBullet"),
        P("on-site engineer visits, when requested by the Customer.", style="ListBullet"),
        P("Part 2 – Charges", style="Heading2"),
        P("All Charges are exclusive of VAT and are fixed for the first Contract Year."),
        b.table([["Service element", "Basis", {"text": "Charge (ex VAT)", "jc": "right"}],
                 ["Service Desk (up to 180 users)", "Monthly", {"text": "£6,850", "jc": "right"}],
                 ["Infrastructure monitoring, patching and backup", "Monthly", {"text": "£2,400", "jc": "right"}],
                 ["Microsoft 365 administration", "Monthly", {"text": "£1,150", "jc": "right"}],
                 ["Managed EDR", "Per device per month", {"text": "£4.75", "jc": "right"}],
                 ["On-site engineer visit", "Per day", {"text": "£620", "jc": "right"}],
                 ["Onboarding and transition", "One-off", {"text": "£9,500", "jc": "right"}],
                 ["Early Termination Fee", "One-off", {"text": "£18,000", "jc": "right"}]],
                [4700, 2500, 1826], head_fill="D9D9D9"),
        P(),
        P("Part 3 – Service levels", style="Heading2"),
        b.table([["Priority", "Definition", "Response time", "Resolution target"],
                 ["P1", "Critical: a branch or core system is unavailable", "30 minutes", "4 hours"],
                 ["P2", "High: service degraded for several users", "1 hour", "1 Business Day"],
                 ["P3", "Normal: a single user is affected", "4 hours", "3 Business Days"]],
                [1100, 4126, 1800, 2000], head_fill="D9D9D9"),
        P("Response and resolution times are measured during Service Desk hours, except for Priority 1 incidents, which "
          "are measured 24 hours a day.", spacing='w:before="120"'),
    ]
    footer = [b.P("Corvane Systems Limited / Thornbury & Vale Building Society – Managed IT Services Agreement",
                  style="Footer", base={"sz": 16, "color": "7F7F7F"}),
              b.page_x_of_y(5)]
    b.save("contract.docx", body, footer=footer)


# =====================================================================================
# 2. Project status report
# =====================================================================================
def build_status_report():
    b = Builder(202, title="Eastfield Depot Electrification – Status Report P7", author="Priya Raman",
                editor="Priya Raman", created="2026-11-02T08:31:00Z", modified="2026-11-06T11:05:00Z", revision=9,
                total_time=186, company="Severn & Wye Buses Ltd", pages=2,
                spell="Raman Voltaris Nowak Ballymena energisation Energisation kVA LV switchroom")
    P = b.P
    tabs = [("left", 2268)]
    fn = b.footnote("The approved budget excludes a £410,000 contingency held by the Programme Board, which can only be "
                    "released with the Sponsor’s written approval.")
    G, A, R = "92D050", "FFC000", "FF0000"
    rag = b.table(
        [["Dimension", "Area", "RAG", "Commentary"],
         [{"text": "Delivery", "vm": "restart", "b": True, "valign": "center"}, "Schedule", {"text": "Amber", "fill": A},
          "Energisation moved to 9 March 2027 by the network operator"],
         [{"vm": "cont"}, "Scope", {"text": "Green", "fill": G}, "No change to the 32-charger scope"],
         [{"text": "Commercial", "vm": "restart", "b": True, "valign": "center"}, "Budget", {"text": "Green", "fill": G},
          "£2.84m spent; forecast outturn within budget"],
         [{"vm": "cont"}, "Contracts", {"text": "Amber", "fill": A},
          "Cable route variation awaiting signature by Voltaris Installations"],
         [{"text": "People", "b": True}, "Resourcing", {"text": "Red", "fill": R, "color": "FFFFFF"},
          "Site electrical supervisor post vacant since 2 October"],
         [{"text": "Overall status", "span": 2, "b": True}, {"text": "Amber", "fill": A, "b": True},
          "Recovery plan to the Programme Board on 19 November 2026"]],
        [1750, 1450, 1100, 4726], head_fill="1F3864", head_color="FFFFFF")
    risk = b.table(
        [["ID", "Risk", "Likelihood", "Impact", "Owner", "Mitigation"],
         ["R-07", "Grid energisation slips beyond March 2027", "Medium", "High", "Martin Cole",
          {"text": ["Fortnightly calls with Marches Electricity Networks", "Temporary generator hire quoted at £38,000"]}],
         ["R-11", "Shortage of HV-authorised electricians in the region", "High", "Medium", "Priya Raman",
          {"text": ["Use of agency framework", "Cross-train two depot staff"]}],
         ["R-12", "Charger firmware incompatible with the depot management system", "Low", "High", "Tomasz Nowak",
          "Factory acceptance test booked for 3 December 2026"]],
        [650, 2150, 1200, 1000, 1350, 2676], head_fill="1F3864", head_color="FFFFFF", sz=18)
    body = [
        P("Eastfield Depot Electrification – Monthly Status Report", style="Title"),
        P("Reporting period:\t1–31 October 2026 (Period 7)", tabs=tabs, spacing='w:after="0"'),
        P("Project manager:\tPriya Raman", tabs=tabs, spacing='w:after="0"'),
        P("Project sponsor:\tMartin Cole, Engineering Director", tabs=tabs, spacing='w:after="0"'),
        P("Report date:\t6 November 2026", tabs=tabs, spacing='w:after="240"'),
        P("Executive summary", style="Heading1"),
        P("Overall status remains **Amber**. Physical works are broadly on plan, but Marches Electricity Networks has moved "
          "the energisation date for the new 11¦kV supply from 12 January 2027 to 9 March 2027 because of a delay to its own "
          "substation upgrade at Hereford Road. Until energisation, the new chargers can only be tested from a temporary "
          "supply, and the first electric buses cannot enter passenger service from Eastfield."),
        P(f"Spend to date is £2.84 million against an approved budget of £6.10 million{{fn:{fn}}}, and the forecast outturn "
          "remains within budget. Eighteen of the 32 chargers are now installed."),
        P("The Board is asked to note the revised energisation date and to approve the hire of a temporary generator "
          "(see Decisions required, below)."),
        P("Status by area", style="Heading1"),
        rag,
        P("RAG ratings follow the programme’s standard definitions: Green – on track; Amber – at risk but recoverable "
          "within tolerance; Red – outside tolerance, Board action needed.", base={"i": True, "sz": 18}, spacing='w:before="80"'),
        P("Progress this period", style="Heading1"),
        P("Civil and electrical works", style="Heading2"),
        P("Concrete plinths poured for bays 19 to 26; the remaining six plinths are scheduled for the week of 16 November.", style="ListBullet"),
        P("The 1,600¦kVA transformer was delivered to site on 21 October and is now secured on its base.", style="ListBullet"),
        P("Chargers for bays 1 to 18 installed and tested from the temporary supply.", style="ListBullet"),
        P("Fleet and people", style="Heading2"),
        P("46 drivers have completed the electric bus familiarisation course; a further 60 are booked for November and December.", style="ListBullet"),
        P("Two maintenance technicians passed their Level 3 electric vehicle qualification.", style="ListBullet"),
        P("Interviews for the site electrical supervisor role will be held on 12 November; agency cover starts on 16 November.{goback}", style="ListBullet"),
        P("Plan for next period", style="Heading1"),
        P("Pour the remaining six charger plinths and complete ducting to the LV switchroom.", style="ListBullet"),
        P("Sign the cable route variation with Voltaris Installations.", style="ListBullet"),
        P("Complete factory acceptance testing of the charger firmware.", style="ListBullet"),
        P("Present the schedule recovery plan to the Programme Board.", style="ListBullet"),
        P("Key risks", style="Heading1"),
        risk,
        P("Decisions required", style="Heading1", spacing='w:before="360"'),
        P("The Programme Board is asked to approve the hire of a temporary generator for up to ten weeks, so that driver "
          "training and charger commissioning can continue while the grid connection is outstanding. Without it, the first "
          "12 electric buses, due in February 2027, would have to be stored at the manufacturer’s yard in Ballymena at a "
          "cost of £450 per bus per week."),
    ]
    header = [b.P("Severn & Wye Buses Ltd\tEastfield Depot Electrification\tOFFICIAL", style="Header",
                  base={"sz": 16, "color": "7F7F7F"})]
    footer = [b.page_x_of_y(2)]
    b.save("status-report.docx", body, header=header, footer=footer)


# =====================================================================================
# 3. Meeting minutes
# =====================================================================================
def build_minutes():
    b = Builder(303, title="Operations Committee minutes 11.11.26", author="Emma Thornton", editor="Emma Thornton",
                created="2026-11-11T12:02:00Z", modified="2026-11-12T09:26:00Z", revision=6, total_time=74,
                company="Hollins Bay Marine Ltd", pages=2,
                spell="O’Connell Menon Brandt Pryce Deben Alde HVO Lowestoft Hollins")
    b.add_numbering([b.abstract(13, [dict(fmt="decimal", text="%1.", left=567, hanging=567)])],
                    ['<w:num w:numId="13"><w:abstractNumId w:val="13"/></w:num>'])
    P = b.P
    tabs = [("left", 3119)]
    item = lambda t: P(t, style="Heading2", num=(13, 0))  # noqa: E731
    att = lambda t: P(t, tabs=tabs, spacing='w:after="0"')  # noqa: E731
    actions = b.table(
        [["No.", "Action", "Owner", "Due"],
         ["1", "Circulate the mooring line refresher training timetable to all crews", "Siobhan O’Connell", "4 December 2026"],
         ["2", "Obtain a second quotation for the Orwell Venture dry-docking", "Rajesh Menon", "27 November 2026"],
         ["3", "Set up fuel consumption and emissions tracking for the HVO trial", "Lukas Brandt", "30 November 2026"],
         ["4", "Circulate Keller Marine Surveys’ full report on the Deben Star", "Emma Thornton", "13 November 2026"],
         ["5", "Publish the Christmas on-call rota", "Catherine Doyle", "18 December 2026"]],
        [600, 4626, 2000, 1800], head_fill="DEEAF6")
    body = [
        P("Operations Committee – Minutes", style="Title"),
        P("Meeting held on Wednesday 11 November 2026 at 10:00 in the Boardroom, Harbour House, Felixstowe", base={"i": True}),
        P("Present", style="Heading2"),
        att("Catherine Doyle\tOperations Director (Chair)"),
        att("Rajesh Menon\tHead of Fleet Maintenance"),
        att("Siobhan O’Connell\tHealth, Safety & Environment Manager"),
        att("Lukas Brandt\tFinance Business Partner"),
        att("Emma Thornton\tCommittee Secretary (minutes)"),
        P("In attendance", style="Heading2"),
        att("Nadia Keller\tKeller Marine Surveys (item 4 only)"),
        P("Apologies", style="Heading2"),
        att("Gareth Pryce\tPort Liaison Manager"),
        item("Welcome and minutes of the previous meeting"),
        P("The Chair welcomed members and noted apologies from Gareth Pryce. The minutes of the meeting held on 14 October "
          "2026 were approved as an accurate record, subject to correcting the spelling of “Orwell Venture” in item 3."),
        item("Health and safety report"),
        P("Siobhan O’Connell reported two lost-time injuries in October, both involving hands caught between mooring lines "
          "and bollards on the Orwell Venture. Near-miss reports were up 30% on September, which she attributed to the new "
          "reporting app rather than to a worsening safety record."),
        P("**Decision:** the Committee agreed that all deckhands must complete refresher training in mooring line handling "
          "before 31 January 2027, and that no deckhand without it will be rostered on towage jobs after that date."),
        item("Fleet maintenance"),
        P("Rajesh Menon presented the maintenance plan for the tug Orwell Venture, whose five-yearly dry-docking has been "
          "moved from December to February to avoid the Christmas peak. The yard at Lowestoft has quoted £212,000, which "
          "includes shot blasting and recoating of the hull."),
        P("**Decision:** the Committee approved a budget of up to £212,000 for the dry-docking, on condition that a second "
          "quotation is obtained before the order is placed."),
        item("Hull survey of the pilot boat Deben Star"),
        P("Nadia Keller summarised her survey of the pilot boat Deben Star. She found pitting corrosion around the stern tube "
          "and recommended that the stern tube seal be replaced at the next haul-out rather than waiting for the scheduled "
          "2028 refit. Members asked whether the boat was safe to operate in the meantime; Ms Keller confirmed that it was, "
          "provided the bilge alarm is checked daily."),
        item("Fuel and emissions"),
        P("Lukas Brandt presented the business case for trialling hydrotreated vegetable oil (HVO) as a replacement for "
          "marine gas oil. HVO costs about 18% more per litre but would cut the fleet’s reported carbon emissions and "
          "needs no engine modifications. Rajesh Menon asked for fuel filters to be inspected monthly during the trial."),
        P("**Decision:** the Committee agreed to trial HVO on the workboats Stour and Alde for six months from 1 December 2026."
          "\nVote: 4 in favour, none against, 1 abstention (Rajesh Menon).{goback}"),
        item("Any other business"),
        P("Catherine Doyle reminded managers that the Christmas on-call rota must be published by 18 December. There was no "
          "other business."),
        P("Actions", style="Heading2"),
        actions,
        P("Date of next meeting: Wednesday 9 December 2026 at 10:00, Boardroom.", spacing='w:before="240"'),
        P("The meeting closed at 11:40."),
    ]
    header = [b.P("Hollins Bay Marine Ltd\t\tOperations Committee", style="Header", base={"sz": 16, "color": "7F7F7F"})]
    footer = [b.P("Minutes approved by the Chair: ____________________\t\tPage ",
                  b.field("PAGE", "1", base={"sz": 16}), style="Footer", base={"sz": 16})]
    b.save("minutes.docx", body, header=header, footer=footer)


# =====================================================================================
# 4. Policy under review: tracked changes and comments
# =====================================================================================
def build_policy():
    b = Builder(404, title="Expenses and Travel Policy", author="Gemma Whitcombe", editor="Marta Kowalczyk",
                created="2026-10-19T10:44:00Z", modified="2026-11-25T15:18:00Z", revision=14, total_time=231,
                company="Fennick Logistics Group", pages=2,
                spell="Fennick Whitcombe Expensify",
                reviewers={"a": ("Marta Kowalczyk", "2026-11-24T14:32:00Z"), "b": ("Owen Gallagher", "2026-11-25T09:07:00Z")})
    P = b.P
    tabs = [("left", 2268)]
    b.comment(0, "a", "2026-11-24T14:40:00Z", "Removed following the Board’s cost review – see minutes of 8 October.")
    b.comment(1, "b", "2026-11-25T09:11:00Z", "Do we need a transition period for the warehouse teams who don’t have smartphones?")
    meals = b.table(
        [["Meal", "Maximum claim", "Conditions"],
         ["Breakfast", "£10", "Only if your journey starts before 06:30"],
         ["Lunch", "£15", "Only if you are away for more than five hours"],
         ["Dinner", ("£{del:25}{ins:30}",), "Only if staying overnight or returning home after 20:00"]],
        [2000, 2000, 5026], head_fill="E2EFD9")
    body = [
        P("Expenses and Travel Policy", style="Title"),
        P("Policy owner:\tGemma Whitcombe, Head of Finance", tabs=tabs, spacing='w:after="0"'),
        P("Applies to:\tAll employees and contractors of Fennick Logistics Group and its UK subsidiaries", tabs=tabs,
          ind='w:left="2268" w:hanging="2268"', spacing='w:after="0"'),
        P("Effective from:\t{del:1 January 2027}{ins:1 February 2027}", tabs=tabs, spacing='w:after="240"'),
        P("Purpose", style="Heading1"),
        P("This policy explains which business expenses Fennick Logistics Group (“the Group”) will reimburse, how to claim "
          "them and who must approve them. It aims to make sure that employees are not out of pocket when travelling on "
          "business, while keeping costs reasonable and complying with HMRC rules."),
        P("Principles", style="Heading1"),
        P("Spend the Group’s money as carefully as you would your own.", style="ListBullet"),
        P("Use the Group’s preferred suppliers, booked through Clarion Travel, wherever possible.", style="ListBullet"),
        P("Support every claim with an itemised receipt or VAT invoice.", style="ListBullet"),
        P("Submitting a claim", style="Heading1"),
        P("Claims must be submitted through the Expensify app within {del:30}{ins:14} days of the expense being incurred. "
          "Claims received later than this will only be paid with the written approval of the Head of Finance."),
        P("Receipts must be uploaded as a photograph or PDF{cs:1}{ins2:; paper receipts will no longer be accepted after 1 April 2027}{ce:1}."),
        P("Expenses of up to £{del:250}{ins:500} per claim may be approved by the employee’s line manager. Claims above this "
          "amount must also be approved by a Director."),
        P("Travel", style="Heading1"),
        P("Rail", style="Heading2"),
        P("All rail travel must be booked in Standard Class, using advance fares where the journey is known more than seven "
          "days ahead.{cs:0}{del: First Class travel may be booked for journeys of more than three hours.}{ce:0}"),
        P("Cars and mileage", style="Heading2"),
        P("Employees who use their own car for business journeys may claim 45p per mile for the first 10,000 business miles "
          "in a tax year and 25p per mile after that. Journeys between home and your normal place of work are not business "
          "journeys and cannot be claimed."),
        P("Hotels", style="Heading2"),
        P("Hotel accommodation should be booked through Clarion Travel. The maximum room rate, including breakfast, is "
          "£{del:120}{ins:140} per night in London and £{del:90}{ins:95} per night elsewhere in the UK.{goback}"),
        P("Meals and subsistence", style="Heading1"),
        P("When you are away from your normal place of work for more than five hours, you may claim the actual cost of meals "
          "up to the limits below. Alcohol will not be reimbursed{ins: unless it forms part of approved client entertainment}."),
        meals,
        P("{ins:Client entertainment must be approved in advance by a Director and recorded in the gifts and hospitality "
          "register within seven days.}", ins_mark="a", spacing='w:before="160"'),
        P("Misuse", style="Heading1"),
        P("Submitting a false or inflated claim is a disciplinary matter and may be treated as gross misconduct. The Group may "
          "recover any overpaid amount from the employee’s salary."),
        P("Questions", style="Heading1"),
        P("Questions about this policy should be sent to expenses@fennick-logistics.co.uk or raised with the Finance "
          "Business Partner for your division."),
    ]
    header = [b.P("Fennick Logistics Group\tExpenses and Travel Policy\tDraft v2.3 – under review", style="Header",
                  base={"sz": 16, "color": "7F7F7F"})]
    footer = [b.P("Internal – not for distribution outside the Group", style="Footer", base={"sz": 16, "color": "7F7F7F"}),
              b.page_x_of_y(2)]
    b.save("expenses-policy.docx", body, header=header, footer=footer, track=True)


# =====================================================================================
# 5. Press release
# =====================================================================================
def build_press_release():
    b = Builder(505, title="Press release – Avonmouth roastery", author="Joanna Lister", editor="Joanna Lister",
                created="2026-11-27T13:20:00Z", modified="2026-12-02T10:41:00Z", revision=11, total_time=157,
                company="Pennant & Reed Coffee Ltd", pages=2,
                spell="Avonmouth Bedminster Brabant Pennant")
    P = b.P
    box = b.textbox([
        P("Media contact", base={"b": True, "color": "5B3A29"}, spacing='w:after="60"'),
        P("Joanna Lister, Communications Manager", spacing='w:after="0"', base={"sz": 20}),
        P("Tel: +44 (0)117 496 0732", spacing='w:after="0"', base={"sz": 20}),
        P("Email: ", b.link("press@pennantreed.co.uk", "mailto:press@pennantreed.co.uk"), spacing='w:after="0"', base={"sz": 20}),
    ], cx=2468880, cy=868680)
    about = b.sdt_block([
        P("About Pennant & Reed", base={"b": True}, spacing='w:after="60"'),
        P("Pennant & Reed Coffee was founded in 2011 by Eleanor Reed and Samuel Pennant. It roasts speciality coffee for more "
          "than 1,400 cafés, restaurants and offices across the UK and Ireland, and has been a certified B Corporation since "
          "2019. The company employs 142 people."),
    ], alias="Boilerplate", tag="boilerplate")
    body = [
        P("EMBARGOED UNTIL 00:01 GMT, ", b.sdt_run("Tuesday 8 December 2026", "Embargo date", "EmbargoDate", kind="date",
                                                  date="2026-12-08", fmt="dddd d MMMM yyyy", base={"b": True, "color": "C00000"}),
          base={"b": True, "color": "C00000"}),
        P("Pennant & Reed to open carbon-neutral roastery in Avonmouth, creating 65 jobs", style="Title"),
        P("£9.2¦million investment will triple roasting capacity and bring all roasting under one roof",
          base={"i": True, "sz": 26, "color": "5B3A29"}, spacing='w:after="240"'),
        P(box, "**BRISTOL, 8 December 2026** — Pennant & Reed Coffee, the Bristol speciality roaster and café supplier, today "
          "announced a £9.2¦million investment in a new roastery at Avonmouth. The 5,800 square metre site on Kings Weston "
          "Lane will increase the company’s roasting capacity from 1,500 to 4,500¦tonnes a year and replace its two existing "
          "roasting sites in St Philips and Bedminster.", jc="both"),
        P("The roastery will run entirely on renewable electricity, from 1,200 rooftop solar panels and a supply contract with "
          "a local community wind cooperative. Its electric roasters, supplied by the Dutch manufacturer Brabant Thermal, "
          "replace gas-fired machines and are expected to cut emissions per kilogram of coffee roasted by around 70%.", jc="both"),
        P("“This is the biggest step we’ve taken since we started roasting in a railway arch in 2011,” said Eleanor Reed, "
          "co-founder and chief executive of Pennant & Reed. “Bringing everything under one roof means fresher coffee for our "
          "customers and a roastery our team can be proud of — and we’re staying in Bristol.”", jc="both"),
        P("The project is part-funded by a £2.5¦million loan from the West of England Growth Fund, with the balance coming "
          "from the company’s own reserves and an extended facility with Severnside Bank.", jc="both"),
        P("Construction will start in January 2027, and the first coffee is expected to be roasted on site in September "
          "2027. Of the 65 new jobs, 12 will be apprenticeships run with Avon Vale College, covering roasting, engineering "
          "and logistics.", jc="both"),
        P("Councillor Martin Ashby, cabinet member for economic development, said: “Pennant & Reed is exactly the kind of "
          "business we want to grow here: ambitious, green and committed to local jobs.”{goback}", jc="both"),
        P("A virtual tour of the planned roastery is available at ",
          b.field('HYPERLINK "https://www.pennantreed.co.uk/avonmouth"', "pennantreed.co.uk/avonmouth", rstyle="Hyperlink"), "."),
        P("ENDS", jc="center", base={"b": True}, spacing='w:before="240" w:after="240"'),
        P("Notes to editors", style="Heading2"),
        P("High-resolution images and architect’s drawings can be downloaded from ",
          b.link("www.pennantreed.co.uk/press", "https://www.pennantreed.co.uk/press"), ".", style="ListNumber"),
        P("The planning application (reference 26/03417/F) was approved by Bristol City Council on 19 November 2026.", style="ListNumber"),
        about,
    ]
    header = [b.P("Pennant & Reed Coffee Ltd\t\tPRESS RELEASE", style="Header", base={"b": True, "color": "5B3A29", "sz": 18})]
    footer = [b.P("Pennant & Reed Coffee Ltd · Unit 4, Feeder Road, Bristol BS2 0SB · Registered in England No. 08816342",
                  style="Footer", jc="center", base={"sz": 16, "color": "7F7F7F"}),
              b.page_x_of_y(2, jc="center")]
    b.save("press-release.docx", body, header=header, footer=footer)


# =====================================================================================
# 6. Product specification
# =====================================================================================
def build_spec():
    b = Builder(606, title="SPEC-0412 AQ-400 Product Specification Rev C", author="Fraser McAllister",
                editor="Ingrid Solberg", created="2026-02-17T08:55:00Z", modified="2027-01-06T16:30:00Z", revision=41,
                total_time=903, company="Aldwick Sensing Ltd", pages=2,
                spell="Aldwick McAllister Solberg Morava Brno NDIR UKCA")
    P = b.P
    key = lambda k: {"text": k, "b": True, "fill": "F2F2F2"}  # noqa: E731
    kv = b.table(
        [[key("Product name"), "AQ-400 Indoor Air Quality Monitor"],
         [key("Product code"), "ALD-AQ400-EU"],
         [key("Document number"), "SPEC-0412"],
         [key("Revision"), "C"],
         [key("Status"), {"paras": [P(b.sdt_run("Released", "Status", "DocStatus", kind="dropdown",
                                                items=("Draft", "In review", "Released", "Withdrawn")),
                                      spacing='w:before="40" w:after="40"')]}],
         [key("Release date"), {"paras": [P(b.sdt_run("6 January 2027", "Release date", "ReleaseDate", kind="date",
                                                      date="2027-01-06"), spacing='w:before="40" w:after="40"')]}],
         [key("Product owner"), "Fraser McAllister"],
         [key("Approved by"), "Dr Ingrid Solberg, Head of Engineering"],
         [key("Approved for production"), {"paras": [P(b.sdt_run("☒", "Production approval", "ProdApproved", kind="checkbox"),
                                                       " Yes", spacing='w:before="40" w:after="40"')]}]],
        [2800, 6226], header=0, first_col=True)
    spec = b.table(
        [["Parameter", "Specification", "Notes"],
         [("CO~~2~~ measurement range",), "400–5,000¦ppm", "NDIR sensor, ±(30¦ppm + 3% of reading)"],
         ["PM2.5 measurement range", "0–1,000¦µg/m³", "Laser scattering sensor"],
         ["Temperature accuracy", "±0.3¦°C", "Between 15¦°C and 35¦°C"],
         ["Relative humidity accuracy", "±3% RH", "20–80% RH, non-condensing"],
         ["Logging interval", "60¦s", "Configurable from 10¦s to 600¦s"],
         ["Power supply", "PoE (IEEE 802.3af) or 5¦V USB-C", ""],
         ["Power consumption", "2.8¦W", "Typical, with display on"],
         ["Dimensions (W × H × D)", "120 × 120 × 32¦mm", ""],
         ["Weight", "210¦g", "Without mounting plate"],
         ["Operating temperature", "0¦°C to 40¦°C", "Indoor use only"],
         ["Wireless", "Wi-Fi 2.4¦GHz, Bluetooth LE 5.2", ""],
         ["On-device data storage", "90 days", "Uploaded to the cloud every 15 minutes"],
         ["Warranty", "3 years", "From date of shipment"]],
        [2900, 2900, 3226], head_fill="1F4E79", head_color="FFFFFF")
    hist = b.table(
        [["Rev", "Date", "Description", "Author"],
         ["A", "3 March 2026", "First issue for design review", "F. McAllister"],
         ["B", "12 August 2026", "Added PoE option; changed PM2.5 sensor supplier", "F. McAllister"],
         ["C", "6 January 2027", "Logging interval and warranty updated for production release", "F. McAllister"]],
        [700, 1900, 4726, 1700], head_fill="D9D9D9", sz=18)
    body = [
        P("Product Specification: AQ-400 Indoor Air Quality Monitor", style="Title"),
        kv,
        P("Purpose and scope", style="Heading1"),
        P("This specification defines the functional, electrical and environmental requirements for the AQ-400, a "
          "wall-mounted monitor that measures carbon dioxide, fine particulate matter, volatile organic compounds, "
          "temperature and humidity in classrooms, offices and meeting rooms. It supersedes revision B, dated 12 August "
          "2026, and is the reference for production test limits at our contract manufacturer, Morava Electronics in Brno."),
        P("Product overview", style="Heading1"),
        P("The AQ-400 shows a traffic-light indicator on its front face so that occupants can see at a glance when a room "
          "needs ventilating. The indicator turns amber at 1,000¦ppm CO~~2~~ and red at 1,500¦ppm, in line with the "
          "ventilation guidance for schools in Building Bulletin 101."),
        P("Carbon dioxide is measured with a non-dispersive infrared (NDIR) sensor. An NDIR sensor was chosen instead of a "
          "cheaper metal-oxide sensor that estimates CO~~2~~ from VOC readings, because estimated values proved unreliable in "
          "rooms with cleaning products or large numbers of people during field trials at three Bristol schools."),
        P("Technical specification", style="Heading1"),
        spec,
        P("All accuracy figures apply after a 30-minute warm-up and are verified on every unit at end-of-line test.",
          base={"i": True, "sz": 18}, spacing='w:before="80"'),
        P("Installation and environment", style="Heading1"),
        P("The AQ-400 is designed for indoor installation only and is not suitable for outdoor use or for damp areas such as "
          "changing rooms. It should be mounted at a height of 1.1 to 1.5 metres, away from windows, doors and radiators, so "
          "that readings reflect the air that occupants breathe.{goback}"),
        P("Firmware updates are delivered over the air. A unit that cannot reach the cloud service keeps logging locally and "
          "uploads the stored readings when the connection returns."),
        P("Revision history", style="Heading1"),
        hist,
    ]
    header = [b.P("Aldwick Sensing Ltd\tSPEC-0412 Rev C\tCommercial in confidence", style="Header",
                  base={"sz": 16, "color": "7F7F7F"})]
    footer = [b.P("Uncontrolled when printed", style="Footer", base={"sz": 16, "color": "7F7F7F"}), b.page_x_of_y(2)]
    b.save("product-spec.docx", body, header=header, footer=footer)


def main():
    build_contract()
    build_status_report()
    build_minutes()
    build_policy()
    build_press_release()
    build_spec()
    for p in sorted(OUT.glob("*.docx")):
        print(p.relative_to(OUT.parent.parent), p.stat().st_size)


if __name__ == "__main__":
    main()
