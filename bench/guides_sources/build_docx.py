"""Build bench/guides/home-insurance-policy.docx (a home insurance policy wording) with python-docx.

    python bench/guides_sources/build_docx.py

Deterministic: fixed core properties and fixed timestamps on every zip member, so the same script gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "guides" / "home-insurance-policy.docx"
FIXED = dt.datetime(2026, 11, 2, 9, 0, 0)

doc = Document()

# ---- styles and page -------------------------------------------------------------------------------------------------
normal = doc.styles["Normal"]
normal.font.name = "Calibri"
normal.font.size = Pt(10.5)
for name, size in (("Heading 1", 15), ("Heading 2", 12), ("Heading 3", 11)):
    st = doc.styles[name]
    st.font.name = "Calibri"
    st.font.size = Pt(size)
    st.font.color.rgb = RGBColor(0x12, 0x3F, 0x5C)

section = doc.sections[0]
section.page_height, section.page_width = Cm(29.7), Cm(21.0)
section.left_margin = section.right_margin = Cm(2.2)
section.top_margin = section.bottom_margin = Cm(2.0)


def add_field(paragraph, instr: str) -> None:
    """A simple field (e.g. PAGE) with a placeholder result."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run._r.append(text)
    run = paragraph.add_run()
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run._r.append(sep)
    paragraph.add_run("1")
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


header = section.header.paragraphs[0]
header.text = "Stonebridge Mutual Insurance · HomeSure Plus Home Insurance · Policy Wording"
header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
header.runs[0].font.size = Pt(8.5)
header.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)

footer = section.footer.paragraphs[0]
footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
r = footer.add_run("Document SM-HSP-1126 (November 2026 edition) · Page ")
r.font.size = Pt(8.5)
add_field(footer, "PAGE")


def h1(text):
    doc.add_heading(text, level=1)


def h2(text):
    doc.add_heading(text, level=2)


def para(text, bold_lead: str | None = None):
    p = doc.add_paragraph()
    if bold_lead:
        p.add_run(bold_lead).bold = True
    p.add_run(text)
    return p


def bullets(items):
    for it in items:
        doc.add_paragraph(it, style="List Bullet")


def numbered(items):
    for it in items:
        doc.add_paragraph(it, style="List Number")


def restart_numbering_each_list():
    """Give every run of List Number paragraphs its own numbering instance so each list starts again at 1."""
    body = doc.element.body
    numbering = doc.part.numbering_part.element
    style_id = doc.styles["List Number"].style_id
    # the abstract numbering the List Number style uses
    style_num = doc.styles["List Number"].element.pPr.numPr.numId.val
    abstract = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(style_num):
            abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    next_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    previous_was_list = False
    for p in body.iter(qn("w:p")):
        ppr = p.pPr
        is_list = ppr is not None and ppr.pStyle is not None and ppr.pStyle.val == style_id
        if is_list and not previous_was_list:
            num = OxmlElement("w:num")
            num.set(qn("w:numId"), str(next_id))
            an = OxmlElement("w:abstractNumId")
            an.set(qn("w:val"), abstract)
            num.append(an)
            ov = OxmlElement("w:lvlOverride")
            ov.set(qn("w:ilvl"), "0")
            so = OxmlElement("w:startOverride")
            so.set(qn("w:val"), "1")
            ov.append(so)
            num.append(ov)
            numbering.append(num)
            current = next_id
            next_id += 1
        if is_list:
            numpr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), "0")
            nid = OxmlElement("w:numId")
            nid.set(qn("w:val"), str(current))
            numpr.append(ilvl)
            numpr.append(nid)
            ppr.append(numpr)
        previous_was_list = is_list


# ---- title -----------------------------------------------------------------------------------------------------------
t = doc.add_paragraph()
t.alignment = WD_ALIGN_PARAGRAPH.LEFT
run = t.add_run("HomeSure Plus")
run.bold = True
run.font.size = Pt(24)
run.font.color.rgb = RGBColor(0x12, 0x3F, 0x5C)
doc.add_paragraph("Home Insurance Policy Wording").runs[0].font.size = Pt(14)
para("Underwritten by Stonebridge Mutual Insurance plc. This wording applies to policies starting or renewing on or "
     "after 1 January 2027. Please read it together with your policy schedule, which shows the cover you have chosen, "
     "your sums insured and any endorsements that apply to you.")

# ---- 1 ---------------------------------------------------------------------------------------------------------------
h1("1. About your policy")
para("This policy is a contract between you and Stonebridge Mutual Insurance plc. In return for your premium we will "
     "insure you against the events described in this wording which happen during the period of insurance. The "
     "contract is governed by the law of England and Wales unless you and we agree otherwise.")
para("Your policy is made up of this wording, your policy schedule and your statement of fact. If any information "
     "on your statement of fact is wrong or changes, you must tell us within 21 days. If you do not, we may change "
     "your premium, refuse a claim or cancel your policy.")
para("You must tell us within 21 days if:", None)
bullets([
    "you change your address or intend to let, sublet or lend the home to anyone else;",
    "the home is to be left unoccupied for more than 60 consecutive days;",
    "you start to run a business from the home with staff or visitors coming to the property;",
    "you plan building work costing more than £25,000 or work that needs planning permission;",
    "anyone living at the home is convicted of, or charged with, any offence other than a motoring offence.",
])

# ---- 2 ---------------------------------------------------------------------------------------------------------------
h1("2. Definitions")
para("The following words have these meanings wherever they appear in this policy.")
defs = [
    ("Buildings", "the home and its fixtures and fittings, permanent outbuildings, garages, swimming pools, tennis "
                  "courts, drives, paths, patios, walls, gates, fences and fixed solar panels, all at the address "
                  "shown in the schedule."),
    ("Contents", "household goods, furniture, personal belongings and valuables that belong to you or for which you "
                 "are legally responsible, including tenant's fixtures. Contents does not include motor vehicles, "
                 "caravans, boats, animals, money over the money limit, or any part of the buildings."),
    ("Excess", "the amount you must pay towards each claim. The excesses are shown in the table in Section 5 and on "
               "your schedule."),
    ("Home", "the private dwelling at the address shown in the schedule, used only for domestic purposes."),
    ("Money", "cash, bank notes, postal orders, unused postage stamps, gift vouchers and pre-paid cards, held for "
              "private purposes."),
    ("Period of insurance", "the period shown in the schedule, normally twelve months, and any further period for "
                            "which you renew and we accept your premium."),
    ("Unoccupied", "not lived in by you or a member of your family for more than 60 consecutive days. To be lived "
                   "in, someone must sleep there overnight on a regular basis."),
    ("Valuables", "jewellery, watches, items of gold, silver or other precious metals, furs, pictures and other works "
                  "of art, and collections of stamps, coins or medals."),
    ("We, us, our", "Stonebridge Mutual Insurance plc."),
    ("You, your", "the person or people named in the schedule and members of their family who normally live with "
                  "them, including a civil partner or cohabiting partner."),
]
for term, meaning in defs:
    p = doc.add_paragraph(style="List Bullet")
    p.add_run(term).bold = True
    p.add_run(" means " + meaning)

# ---- 3 ---------------------------------------------------------------------------------------------------------------
h1("3. Section A: Buildings")
para("This section applies only if your schedule shows that buildings cover is included. We will pay for loss of or "
     "damage to the buildings caused by:")
numbered([
    "Fire, smoke, explosion, lightning or earthquake.",
    "Storm or flood. We will not pay for damage to gates, hedges or fences caused by storm or flood, or for damage "
    "caused by rising groundwater.",
    "Escape of water from, or frost damage to, any fixed water or heating installation, washing machine or "
    "dishwasher.",
    "Escape of oil from a fixed heating installation.",
    "Theft or attempted theft, but not while the home is unoccupied.",
    "Riot, civil commotion, or malicious damage or vandalism, but not while the home is unoccupied or caused by you "
    "or anyone lawfully living in the home.",
    "Subsidence or heave of the site on which the buildings stand, or landslip. We will not pay for damage to "
    "swimming pools, drives, patios, walls, gates or fences unless the main building is damaged at the same time by "
    "the same cause, or for damage caused by the settlement of new structures or by coastal or river erosion.",
    "Impact by aircraft, vehicles, animals or falling trees or branches. We will not pay for the cost of removing a "
    "fallen tree unless it has damaged the buildings.",
    "Breakage or collapse of television and radio aerials, satellite dishes and their fittings and masts.",
])
h2("3.1 Extra cover included with Section A")
bullets([
    "Accidental breakage of fixed glass and sanitary ware: the cost of replacing glass in windows, doors, skylights "
    "and fixed glass in furniture, ceramic hobs, and sinks, baths, toilets, basins and shower trays.",
    "Accidental damage to underground services: the cables, pipes and drains serving the home for which you are "
    "responsible.",
    "Trace and access: the cost of finding the source of water or oil escaping from a fixed installation, and of "
    "making good, up to £5,000 in any period of insurance.",
    "Alternative accommodation: if the home cannot be lived in after damage covered by this section, the reasonable "
    "cost of similar accommodation for you and your pets, up to 20% of the buildings sum insured.",
    "Professional fees and debris removal: architects', surveyors' and legal fees, and the cost of clearing debris, "
    "needed to repair or rebuild the buildings, but not fees for preparing a claim.",
])

# ---- 4 ---------------------------------------------------------------------------------------------------------------
h1("4. Section B: Contents")
para("This section applies only if your schedule shows that contents cover is included. We will pay for loss of or "
     "damage to the contents while they are in the home, caused by any of the events listed under Section A, "
     "numbers 1 to 8.")
h2("4.1 How we settle contents claims")
para("We will repair or replace the damaged item with a new one of the same quality, without any deduction for wear "
     "and tear, except for clothing and household linen, for which we will deduct an amount for wear and tear. If we "
     "can replace an item through one of our suppliers, we may offer you a replacement instead of cash; if you prefer "
     "cash, we will pay no more than it would have cost us to replace the item through our supplier.")
h2("4.2 Extra cover included with Section B")
bullets([
    "Seasonal increase: the contents sum insured is increased by 10% during December, and for 30 days before and "
    "30 days after a wedding or civil partnership of a member of your family.",
    "Contents temporarily away from the home: in any other building where you are living or working, or in a bank "
    "or safe deposit, up to 15% of the contents sum insured. Theft is covered only if force was used to get in or "
    "out of the building.",
    "Students' belongings: contents belonging to a member of your family who is in full-time education and living "
    "away from home, up to £3,000. Theft from student accommodation is covered only if force was used to get in.",
    "Food in freezers: food spoiled because the freezer breaks down or the power supply fails, up to £500.",
    "Replacement locks: the cost of replacing locks to outside doors, safes and alarms if the keys are stolen, up to "
    "£1,000.",
    "Contents in the garden: plants, garden furniture and ornaments in the open within the boundaries of the home, "
    "up to £1,000.",
])

# ---- 5 ---------------------------------------------------------------------------------------------------------------
h1("5. Table of excesses and limits")
para("The excess is deducted from each claim. Where more than one excess could apply to a claim, only the highest "
     "one applies. If your schedule shows a voluntary excess, it is added to the amounts below.")
rows = [
    ("Cover", "Excess", "Limit"),
    ("Standard excess (all claims unless shown below)", "£250", "Sum insured shown in the schedule"),
    ("Escape of water", "£500", "Buildings or contents sum insured"),
    ("Subsidence, heave or landslip", "£1,000", "Buildings sum insured"),
    ("Trace and access", "£250", "£5,000"),
    ("Alternative accommodation", "Nil", "20% of the buildings sum insured"),
    ("Valuables: any one article", "£250", "£2,000"),
    ("Valuables: total for all valuables", "£250", "One third of the contents sum insured"),
    ("Money in the home", "£250", "£500"),
    ("Contents in the garden", "£250", "£1,000"),
    ("Students' belongings", "£100", "£3,000"),
    ("Food in freezers", "Nil", "£500"),
    ("Optional accidental damage (Section C)", "£100", "Buildings or contents sum insured"),
    ("Optional personal possessions away from the home (Section D)", "£100", "£1,500 any one item"),
]
table = doc.add_table(rows=len(rows), cols=3)
table.style = "Light Grid Accent 1"
table.alignment = WD_TABLE_ALIGNMENT.CENTER
for i, row in enumerate(rows):
    for j, cell_text in enumerate(row):
        cell = table.cell(i, j)
        cell.text = cell_text
        if i == 0:
            cell.paragraphs[0].runs[0].bold = True
doc.add_paragraph()

# ---- 6 ---------------------------------------------------------------------------------------------------------------
h1("6. Optional covers")
para("The following covers apply only if your schedule shows that you have chosen them.")
h2("6.1 Section C: Accidental damage")
para("We will pay for accidental damage to the buildings or contents, or both, as shown in your schedule. We will "
     "not pay for damage caused by pets chewing, scratching, tearing or fouling; for damage to clothing; for damage "
     "while the home is let or lent; or for damage caused by faulty workmanship or by an item being repaired, "
     "cleaned or restored.")
h2("6.2 Section D: Personal possessions away from the home")
para("We will pay for loss of or damage to personal possessions, valuables, money up to £300 and bicycles up to "
     "£750 each, anywhere in the United Kingdom, and anywhere else in the world for up to 60 days in any period of "
     "insurance. We will not pay for theft from an unattended vehicle unless the item was hidden from view in a "
     "locked boot or glove compartment and there are signs of forced entry.")

# ---- 7 ---------------------------------------------------------------------------------------------------------------
h1("7. General exclusions")
para("These exclusions apply to the whole policy. We will not pay for:")
bullets([
    "wear and tear, gradual deterioration, rot, fungus, mould, or anything that happens gradually over time;",
    "damage caused by insects, vermin, birds or rodents, or by pets (except under Section C as stated);",
    "loss or damage while the home is unoccupied caused by escape of water, escape of oil, theft, or malicious "
    "damage or vandalism;",
    "damage caused by faulty design, workmanship or materials;",
    "loss or damage caused by a person you have let the home to, or a paying guest or lodger;",
    "pressure waves caused by aircraft travelling at or above the speed of sound;",
    "loss or damage caused by war, terrorism, radioactive contamination or nuclear materials;",
    "loss of data, or damage caused by computer viruses or by any failure of a computer or device to work as "
    "intended;",
    "any reduction in the market value of your property after it has been repaired;",
    "any loss that happened before the period of insurance began.",
])

# ---- 8 ---------------------------------------------------------------------------------------------------------------
h1("8. How to make a claim")
para("To make a claim, call our claims line on 0345 602 7719 (8am to 8pm Monday to Friday, 9am to 5pm Saturday) or "
     "use the Stonebridge app. Please have your policy number to hand.")
numbered([
    "Tell us as soon as possible, and in any case within 30 days of discovering the loss or damage.",
    "Report theft, attempted theft, malicious damage or loss of property away from home to the police within 48 "
    "hours, and ask for a crime reference number.",
    "Take reasonable steps to stop further damage, for example by turning off the water supply. You may arrange "
    "emergency repairs costing up to £1,000 without asking us first; keep the invoices.",
    "Keep damaged items until we have seen them or told you that you can dispose of them, and send us any letter, "
    "claim or writ you receive without answering it.",
    "Give us the receipts, valuations, photographs and other evidence we reasonably ask for to support your claim.",
])
para("We may send a loss adjuster or a claims inspector to see the damage. You must not admit liability or agree "
     "to pay anything to anyone else without our written permission.")
para("If a claim is fraudulent, or supported by false information, we will not pay it, we may cancel the policy "
     "from the date of the fraud and keep any premium, and we may recover any sums we have already paid.")

# ---- 9 ---------------------------------------------------------------------------------------------------------------
h1("9. Cancelling your policy")
h2("9.1 Your cooling-off period")
para("You can cancel this policy within 14 days of receiving your policy documents, or of the start date of the "
     "policy if that is later. If you cancel within this period and have not made a claim, we will refund your "
     "premium in full.")
h2("9.2 Cancelling after the cooling-off period")
para("You can cancel at any time by calling us or writing to us. We will refund the premium for the unexpired part "
     "of the period of insurance, less an administration fee of £30. If you have made a claim in the current period "
     "of insurance, no refund will be given, and if you pay monthly you must pay the rest of the year's premium.")
h2("9.3 When we can cancel")
para("We can cancel the policy by giving you 14 days' written notice to your last known address, for a valid "
     "reason such as suspected fraud, threatening or abusive behaviour towards our staff, or your not giving us "
     "information we have asked for. If you pay monthly and miss a payment, we will write to you; if the missed "
     "payment is not made within 14 days of our letter, we will cancel the policy from the date of that payment. "
     "If we cancel, we will refund the premium for the unexpired period, without any administration fee, unless "
     "we cancel because of fraud.")

# ---- 10 --------------------------------------------------------------------------------------------------------------
h1("10. Complaints")
para("We aim to give you excellent service, but if you are unhappy please contact our Customer Relations Team:")
bullets([
    "by phone: 0345 602 7750 (9am to 5pm Monday to Friday);",
    "by e-mail: customer.relations@stonebridgemutual.co.uk;",
    "by post: Customer Relations Team, Stonebridge Mutual Insurance plc, 40 Wharfside Street, Bristol BS1 6QE.",
])
para("We will acknowledge your complaint within 5 working days and aim to resolve it within 4 weeks. If we cannot, "
     "we will send you our final response within 8 weeks of receiving your complaint.")
para("If you are not satisfied with our final response, or we have not sent it within 8 weeks, you can ask the "
     "Independent Insurance Ombudsman to review your complaint free of charge. You must do so within six months of "
     "the date of our final response. Using the Ombudsman does not affect your right to take legal action.")
para("Stonebridge Mutual Insurance plc is registered in England and Wales, company number 04417286, registered "
     "office 40 Wharfside Street, Bristol BS1 6QE.")

restart_numbering_each_list()

# ---- core properties and deterministic zip ---------------------------------------------------------------------------
cp = doc.core_properties
cp.author = "Stonebridge Mutual Insurance plc"
cp.last_modified_by = "Stonebridge Mutual Insurance plc"
cp.title = "HomeSure Plus Home Insurance Policy Wording"
cp.subject = "Policy wording SM-HSP-1126"
cp.created = FIXED
cp.modified = FIXED
cp.revision = 1

buf = io.BytesIO()
doc.save(buf)
src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
OUT.parent.mkdir(parents=True, exist_ok=True)
with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 2, 9, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        out.writestr(zi, src.read(info.filename))
print("wrote", OUT)
