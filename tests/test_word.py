"""Word files read as Word shows them (ingest/word.py): tracked changes accepted, content controls, text boxes once,
footnotes, headers without page numbers, auto-numbered clauses with their numbers."""

from __future__ import annotations

from pathlib import Path

from briefbot.ingest.formats import load_docx

from .test_briefing import bot_for

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'


def r(text: str, props: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*runs: str, style: str = "", num: tuple[int, int] | None = None) -> str:
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else "")
    return f'<w:p {W}>{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}{"".join(runs)}</w:p>'


NUMBERING = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl></w:abstractNum>
<w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num></w:numbering>"""

FOOTNOTES = f"""<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The contingency of £410,000 is held by the Board.</w:t></w:r></w:p></w:footnote></w:footnotes>"""

HEADER = f"""<w:hdr {W}><w:p><w:r><w:t>Fennick Logistics - Draft v2.3 under review</w:t></w:r></w:p></w:hdr>"""
FOOTER = f"""<w:ftr {W}><w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>
<w:r><w:t xml:space="preserve"> of 2</w:t></w:r></w:p><w:p><w:r><w:t>Internal - not for distribution</w:t></w:r></w:p></w:ftr>"""


def text_box(text: str) -> str:
    """A DrawingML text box and the VML copy Word writes for old readers: the same text twice in the XML."""
    box = f'<w:txbxContent>{p(r(text))}</w:txbxContent>'
    return (f'<w:r><mc:AlternateContent {MC}><mc:Choice Requires="wps"><w:drawing><wps:wsp {WPS}><wps:txbx>{box}'
            f'</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>'
            f'</mc:AlternateContent></w:r>')


def word_file(path: Path) -> Path:
    """A Word file with what python-docx's paragraph text misses, its parts written as Word writes them."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml.parser import parse_xml

    d = docx.Document()
    d.add_heading("Expenses Policy", 0)
    body = d.element.body
    paragraphs = [
        p(r("Claims must be submitted within "), f'<w:del w:id="1" w:author="Ravi"><w:r><w:delText>30</w:delText></w:r></w:del>',
          f'<w:ins w:id="2" w:author="Ravi">{r("14")}</w:ins>', r(" days of the expense.")),
        p(f'<w:moveFrom w:id="3" w:author="Ravi">{r("Moved-away sentence.")}</w:moveFrom>'),
        p(r("Dinner is capped at £30."), r(" Secret reviewer note.", "<w:vanish/>")),
        p(r("Decision: the trial was agreed."), "<w:r><w:br/></w:r>", r("Vote: 4 in favour, none against.")),
        f'<w:sdt {W}><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>{p(r("Effective from 1 February 2027."))}</w:sdtContent></w:sdt>',
        p(r("See the contact box."), text_box("Media contact: Joanna Lister, Tel 0117 496 0732")),
        p(r("Definitions"), num=(9, 0)),
        p(r("The definitions apply."), num=(9, 1)),
        p(r("Charges may rise once a year."), num=(9, 1)),
        p(r("by no more than CPI plus 2%;"), num=(9, 2)),
        p(r("Term"), num=(9, 0)),
        p(r("The term is three years."), num=(9, 1)),
    ]
    sect = body[-1]
    for xml in paragraphs:
        sect.addprevious(parse_xml(xml))
    pkg = d.part.package
    numbering = d.part.numbering_part
    numbering._element = parse_xml(NUMBERING)
    d.part.relate_to(Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, FOOTNOTES.encode(), pkg), RT.FOOTNOTES)
    d.part.relate_to(Part(PackURI("/word/header1.xml"), CT.WML_HEADER, HEADER.encode(), pkg), RT.HEADER)
    d.part.relate_to(Part(PackURI("/word/footer1.xml"), CT.WML_FOOTER, FOOTER.encode(), pkg), RT.FOOTER)
    d.save(str(path))
    return path


def test_a_word_file_reads_as_word_shows_it(tmp_path: Path) -> None:
    lines = load_docx(word_file(tmp_path / "policy.docx"), "policy.docx").text.splitlines()
    assert lines == [
        "Fennick Logistics - Draft v2.3 under review",  # the header, once, at the top
        "# Expenses Policy",
        "Claims must be submitted within 14 days of the expense.",  # the reviewer's change accepted
        "Dinner is capped at £30.",  # no hidden text, no moved-away text
        "Decision: the trial was agreed.", "Vote: 4 in favour, none against.",  # a line break (Shift+Enter) ends a line
        "Effective from 1 February 2027.",  # a content control
        "See the contact box.",
        "Media contact: Joanna Lister, Tel 0117 496 0732",  # the text box once, after its paragraph
        "1. Definitions", "1.1 The definitions apply.", "1.2 Charges may rise once a year.", "(a) by no more than CPI plus 2%;",
        "2. Term", "2.1 The term is three years.",  # numbers as Word draws them
        "The contingency of £410,000 is held by the Board.",  # the footnote
        "Internal - not for distribution",  # the footer without its page number line
    ]


def test_a_clause_number_and_a_tracked_change_are_asked_about(tmp_path: Path, embedder) -> None:
    (tmp_path / "corpus").mkdir()
    word_file(tmp_path / "corpus" / "policy.docx")
    bot = bot_for(tmp_path, embedder)
    answer = bot.ask("How many days do I have to submit an expenses claim?")
    assert answer.answered and "within 14 days" in answer.text and "30" not in answer.text
    assert "1.2 Charges may rise once a year." in bot.ask("What does clause 1.2 say about the charges?").text


def test_damaged_numbers_in_the_xml_do_not_lose_the_file(tmp_path: Path) -> None:
    """A level or a span that is not a whole number (a damaged or hand-edited file) is read past, not fatal."""
    import docx
    from docx.oxml.parser import parse_xml

    d = docx.Document()
    sect = d.element.body[-1]
    sect.addprevious(parse_xml(p(r("The first clause applies."), num=(9, 0)).replace('w:ilvl w:val="0"', 'w:ilvl w:val="x"')))
    table = d.add_table(rows=2, cols=2)
    for (row, col), value in {(0, 0): "Item", (0, 1): "Cost", (1, 0): "Survey", (1, 1): "£400"}.items():
        table.cell(row, col).text = value
    tc_pr = table.cell(1, 0)._tc.get_or_add_tcPr()
    tc_pr.append(parse_xml(f'<w:gridSpan {W} w:val="1.5"/>'))
    d.save(str(tmp_path / "odd.docx"))
    text = load_docx(tmp_path / "odd.docx", "odd.docx").text
    assert "The first clause applies." in text and "| Item: Survey | Cost: £400 |" in text
