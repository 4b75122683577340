"""Write bench/decks/: eight fictional office documents in spreadsheet, CSV and slide-deck formats.

    python bench/decks_make.py    # rewrites every file in bench/decks/

Three Excel workbooks (openpyxl), two CSV exports (one comma-, one semicolon-separated) and three PowerPoint decks
(python-pptx). Every value a question depends on is written as a value, never as a formula (openpyxl writes no cached
results). The zip containers are rewritten with fixed timestamps so that a rerun gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from pptx import Presentation
from pptx.util import Inches, Pt

OUT = Path(__file__).resolve().parent / "decks"
STAMP = dt.datetime(2026, 12, 4, 9, 0, 0)

GBP = "£#,##0"
GBP_SIGNED = "£#,##0;-£#,##0"
USD = '"$"#,##0'
USD_CENTS = '"$"#,##0.00'
THOUSANDS = "#,##0"
PCT1 = "0.0%"
PCT2 = "0.00%"
PCT0 = "0%"
DATE = "dd mmm yyyy"
MONTH = "mmm yyyy"

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAP = Alignment(wrap_text=True, vertical="top")


def stable_zip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed entry timestamps and fixed core-property dates."""
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    stamp = STAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", rf"\g<1>{stamp}\g<3>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=STAMP.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def new_workbook(creator: str) -> Workbook:
    wb = Workbook()
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    return wb


def header(ws, row: int, names: list[str], widths: list[int]) -> None:
    for col, (name, width) in enumerate(zip(names, widths), start=1):
        cell = ws.cell(row=row, column=col, value=name)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width


def put(ws, row: int, col: int, value, fmt: str | None = None, wrap: bool = False, bold: bool = False):
    cell = ws.cell(row=row, column=col, value=value)
    if fmt:
        cell.number_format = fmt
    if wrap:
        cell.alignment = WRAP
    if bold:
        cell.font = BOLD
    return cell


# ---------------------------------------------------------------------------------------------------------------
# 1. Marketing budget vs actuals (xlsx)
# ---------------------------------------------------------------------------------------------------------------

BUDGET_LINES = [
    # cost line, budget owner, annual budget, Q1..Q4 actual
    ("Paid search", "Owen Makepeace", 180000, [41200, 44850, 47300, 52900]),
    ("Paid social", "Owen Makepeace", 120000, [26400, 31750, 29800, 35120]),
    ("Television & video", "Harriet Oyelaran", 250000, [0, 118400, 0, 126900]),
    ("Print & outdoor", "Harriet Oyelaran", 65000, [12300, 9850, 14200, 18650]),
    ("Events & trade shows", "Sunil Bhattacharya", 95000, [8400, 31600, 48250, 11900]),
    ("Content & creative agency", "Harriet Oyelaran", 110000, [24750, 27300, 26100, 30480]),
    ("PR retainer (Ashcombe PR)", "Sunil Bhattacharya", 54000, [13500, 13500, 13500, 13500]),
    ("Marketing technology", "Owen Makepeace", 72000, [31200, 9600, 9600, 14350]),
    ("Market research", "Lucy Ferreira", 40000, [0, 18500, 6200, 9800]),
    ("Sponsorship", "Sunil Bhattacharya", 35000, [17500, 0, 17500, 0]),
    ("Sampling & promotions", "Lucy Ferreira", 60000, [9800, 14600, 22300, 17950]),
    ("Training & travel", "Lucy Ferreira", 18000, [3100, 4800, 2650, 5900]),
]

BUDGET_NOTES = [
    "Variance is budget minus actual: a positive figure is an underspend, a negative figure an overspend.",
    "The annual budget of £1,099,000 was approved by the Executive Committee on 16 December 2024 and was not "
    "re-phased during the year.",
    "Television & video spend falls in Q2 and Q4 only, matching the two flighted campaigns (\"Kitchen Table\" in "
    "May and the Christmas campaign in November).",
    "Q4 actuals include an accrual of £14,800 for the Christmas sampling tour, invoiced by Pop-Up Crew Ltd in "
    "January 2026.",
    "Marketing technology Q1 includes the annual HubSpot renewal (£21,600), paid upfront in February 2025.",
    "Events: the Q3 figure covers the Speciality & Fine Food Fair at Olympia (stand, build and staffing).",
    "The paid search overspend was agreed by the CMO, Daniel Achterberg, on 9 September 2025 to answer competitor "
    "bidding on our brand terms; it was funded largely from the market research underspend.",
    "Figures exclude marketing staff salaries and agency fees recharged to the Export team, which sit in other "
    "budgets.",
    "PR retainer is a fixed monthly fee of £4,500 under the contract renewed in March 2025.",
    "The FY2026 budget submission is due with Finance by 27 February 2026.",
]


def marketing_budget() -> None:
    wb = new_workbook("Megan Tull")
    ws = wb.active
    ws.title = "Budget vs Actual"
    ws["A1"] = "Callender & Rowe Foods Ltd — Marketing Department"
    ws["A1"].font = TITLE
    ws["A2"] = "Budget vs actuals, financial year 2025 (January–December 2025) · all figures in GBP"
    ws["A3"] = "Prepared by Megan Tull, Finance Business Partner · version 3, 23 January 2026"
    ws["A3"].font = Font(italic=True)
    header(ws, 5, ["Cost line", "Budget owner", "Annual budget", "Q1 actual", "Q2 actual", "Q3 actual", "Q4 actual",
                   "Full-year actual", "Variance (£)", "Variance (%)"],
           [28, 20, 14, 12, 12, 12, 12, 15, 13, 12])
    row = 6
    totals = [0] * 6
    for name, owner, budget, quarters in BUDGET_LINES:
        actual = sum(quarters)
        variance = budget - actual
        put(ws, row, 1, name)
        put(ws, row, 2, owner)
        put(ws, row, 3, budget, GBP)
        for i, q in enumerate(quarters):
            put(ws, row, 4 + i, q, GBP)
        put(ws, row, 8, actual, GBP)
        put(ws, row, 9, variance, GBP_SIGNED)
        put(ws, row, 10, round(variance / budget, 3), PCT1)
        for i, v in enumerate([budget, *quarters]):
            totals[i] += v
        row += 1
    budget, *quarters = totals
    actual = sum(quarters)
    put(ws, row, 1, "Total", bold=True)
    put(ws, row, 3, budget, GBP, bold=True)
    for i, q in enumerate(quarters):
        put(ws, row, 4 + i, q, GBP, bold=True)
    put(ws, row, 8, actual, GBP, bold=True)
    put(ws, row, 9, budget - actual, GBP_SIGNED, bold=True)
    put(ws, row, 10, round((budget - actual) / budget, 3), PCT1, bold=True)
    ws.freeze_panes = "C6"

    notes = wb.create_sheet("Notes & assumptions")
    notes["A1"] = "Notes and assumptions"
    notes["A1"].font = TITLE
    header(notes, 3, ["No.", "Note"], [6, 110])
    for i, text in enumerate(BUDGET_NOTES, start=1):
        put(notes, 3 + i, 1, i)
        put(notes, 3 + i, 2, text, wrap=True)
    path = OUT / "marketing-budget-2025.xlsx"
    wb.save(path)
    stable_zip(path)


# ---------------------------------------------------------------------------------------------------------------
# 2. Project tracker and risk register (xlsx)
# ---------------------------------------------------------------------------------------------------------------

D = dt.date

MILESTONES = [
    ("M01", "Project initiation document signed off", "Rhiannon Bevan", D(2026, 2, 13), D(2026, 2, 13), "Complete",
     "Green", "Signed off at the steering group on 13 February. Scope excludes the payroll module, which stays on "
     "Sage until at least April 2027."),
    ("M02", "Implementation partner selected", "Marcus Dale", D(2026, 3, 27), D(2026, 4, 10), "Complete", "Green",
     "Tideway Consulting appointed after a three-way tender; contract value £186,000 fixed price for design and "
     "build. Two weeks late because of the reference calls."),
    ("M03", "Solution design approved", "Aisha Karim", D(2026, 6, 5), D(2026, 6, 26), "Complete", "Green",
     "Design authority approved v1.2 of the solution design. 11 gaps logged; 9 closed by configuration, 2 need "
     "small extensions (trade counter pricing and the rebate calculator)."),
    ("M04", "Data migration trial load 1", "Tomasz Nowicki", D(2026, 8, 14), D(2026, 9, 18), "Complete", "Amber",
     "Trial load 1 ran on 18 September; 4.2% of customer records failed validation, mainly duplicate account codes "
     "and missing VAT numbers. Cleansing is under way in the branches."),
    ("M05", "System integration testing complete", "Aisha Karim", D(2026, 10, 30), D(2026, 12, 11), "In progress",
     "Amber", "SIT cycle 2 is 78% executed with 23 open defects, of which 3 severity 1 (all in the EDI link with "
     "Brennan Timber). Exit needs zero severity 1 defects."),
    ("M06", "User acceptance testing complete", "Gemma Fairclough", D(2026, 11, 27), D(2027, 1, 22), "Not started",
     "Red", "UAT window moved past the Christmas trading freeze. Needs 14 branch super-users released for two "
     "weeks, not yet agreed with the regional directors."),
    ("M07", "Training delivered to all branches", "Gemma Fairclough", D(2027, 1, 29), D(2027, 2, 26), "Not started",
     "Amber", "Train-the-trainer model: super-users train their own branch teams. Course materials drafted by "
     "Tideway; e-learning modules to be hosted on the Halloway Academy platform."),
    ("M08", "Go-live (cutover weekend)", "Rhiannon Bevan", D(2027, 2, 6), D(2027, 3, 6), "Not started", "Red",
     "Go-live now forecast for 6 March 2027, pending steering group approval on 10 December. Cutover must not touch "
     "the financial year end on 31 March."),
    ("M09", "Hypercare ends and handover to BAU support", "Marcus Dale", D(2027, 3, 5), D(2027, 4, 2), "Not started",
     "Amber", "Four weeks of hypercare with Tideway on site at the Stockport head office, then handover to the IT "
     "service desk."),
]

RISKS = [
    ("R01", "Poor data quality in the customer and supplier masters delays the migration", "Data", 4, 4,
     "Tomasz Nowicki", "Branch cleansing sprints every fortnight with a league table; target under 0.5% failed "
     "records before trial load 2. Finance to own the supplier master clean-up.", D(2026, 12, 18), "Red", "Open"),
    ("R02", "Branch super-users not released for UAT because of peak trading", "Resourcing", 4, 3,
     "Gemma Fairclough", "Escalated to the regional directors. Fallback is agency staff to backfill trade counters "
     "for the two UAT weeks (estimated £9,500).", D(2026, 12, 10), "Amber", "Open"),
    ("R03", "EDI integration with Brennan Timber not ready for go-live", "Technical", 3, 4, "Aisha Karim",
     "Weekly call with Brennan's IT lead, Declan Moss. If not fixed by SIT exit, orders to Brennan go by e-mail for "
     "the first month after go-live.", D(2026, 12, 11), "Amber", "Open"),
    ("R04", "Budget overrun from change requests", "Financial", 3, 3, "Marcus Dale",
     "£42,300 of approved change requests to date against a £60,000 contingency. Any further change request over "
     "£5,000 goes to the steering group.", D(2027, 1, 15), "Amber", "Open"),
    ("R05", "Sage 200 support contract expires on 31 May 2027", "Commercial", 2, 5, "Marcus Dale",
     "Quote requested from the Sage reseller for a six-month extension, as insurance if go-live slips beyond "
     "April.", D(2027, 1, 29), "Amber", "Open"),
    ("R06", "Power BI management reports not rebuilt in time for go-live", "Technical", 3, 2, "Priya Raman",
     "Top 12 reports prioritised with the finance director; the rest move to the post-go-live backlog.",
     D(2027, 1, 15), "Green", "Open"),
    ("R07", "Loss of Tideway's solution architect", "Resourcing", 2, 4, "Rhiannon Bevan",
     "Named-resource clause in the contract; Tideway must give six weeks' notice of any change and provide a "
     "handover.", D(2027, 2, 5), "Amber", "Open"),
    ("R08", "Phishing aimed at finance staff during cutover", "Security", 2, 4, "Priya Raman",
     "Bank detail changes frozen from one week before to two weeks after cutover; reminder briefing to the finance "
     "team in February.", D(2027, 2, 19), "Amber", "Open"),
    ("R09", "Delay in choosing the new label printers for the yards", "Technical", 2, 2, "Tomasz Nowicki",
     "Zebra ZT411 chosen and 38 printers ordered on 2 November.", D(2026, 11, 6), "Green", "Closed"),
]

RAG_KEY = [
    ("Score", "Likelihood (1–5) multiplied by impact (1–5)."),
    ("Red", "Score 15 or above, or a milestone forecast more than four weeks late: report to the steering group "
            "every meeting."),
    ("Amber", "Score 8 to 14, or a milestone forecast up to four weeks late: owner reviews fortnightly."),
    ("Green", "Score below 8 and the milestone on track: owner reviews monthly."),
    ("Review date", "Date by which the owner next updates the mitigation."),
    ("Steering group", "Meets on the second Thursday of each month; chaired by the finance director, Colin Ashworth."),
]


def project_tracker() -> None:
    wb = new_workbook("Rhiannon Bevan")
    ws = wb.active
    ws.title = "Milestones"
    ws["A1"] = "Project Keystone — ERP migration (Sage 200 to Microsoft Dynamics 365 Business Central)"
    ws["A1"].font = TITLE
    ws["A2"] = "Halloway Building Supplies · status as at 27 November 2026 · project manager: Rhiannon Bevan"
    header(ws, 4, ["ID", "Milestone", "Owner", "Baseline date", "Forecast date", "Status", "RAG", "Comments"],
           [6, 38, 18, 14, 14, 12, 8, 70])
    for r, (mid, name, owner, base, fc, status, rag, comment) in enumerate(MILESTONES, start=5):
        put(ws, r, 1, mid)
        put(ws, r, 2, name, wrap=True)
        put(ws, r, 3, owner)
        put(ws, r, 4, base, DATE)
        put(ws, r, 5, fc, DATE)
        put(ws, r, 6, status)
        put(ws, r, 7, rag)
        put(ws, r, 8, comment, wrap=True)
    ws.freeze_panes = "C5"

    rs = wb.create_sheet("Risk register")
    rs["A1"] = "Project Keystone — risk register"
    rs["A1"].font = TITLE
    header(rs, 3, ["Risk ID", "Risk", "Category", "Likelihood", "Impact", "Score", "Owner", "Mitigation / comments",
                   "Review date", "RAG", "Status"], [8, 45, 12, 10, 8, 7, 18, 70, 13, 8, 9])
    for r, (rid, desc, cat, lik, imp, owner, mit, review, rag, status) in enumerate(RISKS, start=4):
        for c, v in enumerate([rid, desc, cat, lik, imp, lik * imp, owner, mit], start=1):
            put(rs, r, c, v, wrap=c in (2, 8))
        put(rs, r, 9, review, DATE)
        put(rs, r, 10, rag)
        put(rs, r, 11, status)

    key = wb.create_sheet("Key")
    key["A1"] = "How to read this tracker"
    key["A1"].font = TITLE
    header(key, 3, ["Term", "Meaning"], [16, 100])
    for r, (term, meaning) in enumerate(RAG_KEY, start=4):
        put(key, r, 1, term, bold=True)
        put(key, r, 2, meaning, wrap=True)
    path = OUT / "project-keystone-tracker.xlsx"
    wb.save(path)
    stable_zip(path)


# ---------------------------------------------------------------------------------------------------------------
# 3. Sales and KPI workbook (xlsx, with a hidden sheet)
# ---------------------------------------------------------------------------------------------------------------

REGIONS = [
    # region, regional manager, Q1..Q4 net revenue, FY target
    ("Northeast", "Dana Whitcombe", [612400, 748900, 701250, 955300], 3100000),
    ("Southeast", "Marcus Ellery", [488300, 562100, 530800, 701900], 2200000),
    ("Midwest", "Priyanka Joshi", [402700, 515600, 498200, 640100], 2185000),
    ("Mountain West", "Travis Holloway", [355900, 471200, 512600, 588400], 1850000),
    ("Pacific Northwest", "Ingrid Solberg", [298500, 384700, 436900, 402900], 1600000),
    ("California", "Luis Navarro", [701800, 822400, 790300, 1043600], 3400000),
    ("Online (direct)", "Sofia Brandt", [910400, 1005300, 987600, 1398900], 4000000),
]
MONTH_SPLIT = [(0.30, 0.31), (0.32, 0.33), (0.35, 0.34), (0.27, 0.31)]  # share of the quarter in its 1st, 2nd month
MONTH_AOV = [131.5, 128.2, 134.9, 137.3, 141.0, 139.6, 136.2, 133.8, 138.4, 140.9, 146.2, 152.7]
CONVERSION = [0.0281, 0.0274, 0.0296, 0.0303, 0.0318, 0.0311, 0.0299, 0.0305, 0.0322, 0.0319, 0.0342, 0.0365]
RETURNS = [0.071, 0.066, 0.064, 0.069, 0.067, 0.072, 0.070, 0.063, 0.061, 0.066, 0.068, 0.074]

COMP_PLAN = [  # hidden sheet: nothing here may be asked
    ("Kayla Brennan", "Northeast", 18400), ("Jordan Mbeki", "Southeast", 21250), ("Amelie Fortier", "Midwest", 9800),
    ("Rhys Calloway", "Mountain West", 16900), ("Tamsin Greer", "Pacific Northwest", 7350),
    ("Mateo Villanueva", "California", 12600),
]


def sales_kpis() -> None:
    wb = new_workbook("Sofia Brandt")
    summary = wb.active
    summary.title = "Summary"
    region_sheet = wb.create_sheet("By region")
    month_sheet = wb.create_sheet("By month")
    hidden = wb.create_sheet("Comp plan draft")
    hidden.sheet_state = "hidden"

    # By region
    ws = region_sheet
    ws["A1"] = "Net revenue by region and quarter, FY2025 (USD)"
    ws["A1"].font = TITLE
    header(ws, 3, ["Region", "Regional manager", "Q1", "Q2", "Q3", "Q4", "FY2025", "FY2025 target", "% of target"],
           [20, 18, 13, 13, 13, 13, 14, 14, 11])
    quarter_totals = [0, 0, 0, 0]
    region_totals = []
    for r, (region, manager, qs, target) in enumerate(REGIONS, start=4):
        fy = sum(qs)
        region_totals.append((region, fy))
        put(ws, r, 1, region)
        put(ws, r, 2, manager)
        for i, q in enumerate(qs):
            put(ws, r, 3 + i, q, USD)
            quarter_totals[i] += q
        put(ws, r, 7, fy, USD)
        put(ws, r, 8, target, USD)
        put(ws, r, 9, round(fy / target, 3), PCT1)
    r = 4 + len(REGIONS)
    total = sum(quarter_totals)
    total_target = sum(t for *_, t in REGIONS)
    put(ws, r, 1, "Total", bold=True)
    for i, q in enumerate(quarter_totals):
        put(ws, r, 3 + i, q, USD, bold=True)
    put(ws, r, 7, total, USD, bold=True)
    put(ws, r, 8, total_target, USD, bold=True)
    put(ws, r, 9, round(total / total_target, 3), PCT1, bold=True)

    # By month: each quarter split over its three months
    ws = month_sheet
    ws["A1"] = "Monthly sales KPIs, FY2025 (all channels)"
    ws["A1"].font = TITLE
    header(ws, 3, ["Month", "Net revenue", "Orders", "Average order value", "Conversion rate", "Return rate"],
           [12, 14, 10, 14, 12, 11])
    total_orders = 0
    for qi, qtotal in enumerate(quarter_totals):
        first = round(qtotal * MONTH_SPLIT[qi][0])
        second = round(qtotal * MONTH_SPLIT[qi][1])
        for mi, revenue in enumerate([first, second, qtotal - first - second]):
            m = qi * 3 + mi
            orders = round(revenue / MONTH_AOV[m])
            total_orders += orders
            row = 4 + m
            put(ws, row, 1, dt.date(2025, m + 1, 1), MONTH)
            put(ws, row, 2, revenue, USD)
            put(ws, row, 3, orders, THOUSANDS)
            put(ws, row, 4, round(revenue / orders, 2), USD_CENTS)
            put(ws, row, 5, CONVERSION[m], PCT2)
            put(ws, row, 6, RETURNS[m], PCT1)
    ws.freeze_panes = "B4"

    # Summary (values, not formulas)
    ws = summary
    ws["A1"] = "Orrin Outdoor Co. — Sales & KPI dashboard, FY2025"
    ws["A1"].font = TITLE
    ws["A2"] = "Data refreshed 12 January 2026 from Salesforce and Shopify. Fiscal year = calendar year."
    header(ws, 4, ["KPI", "FY2025", "FY2024", "Change"], [28, 16, 16, 10])
    fy24_revenue, fy24_orders = 17025400, 125930
    kpis = [
        ("Net revenue", total, USD, fy24_revenue, USD),
        ("Orders", total_orders, THOUSANDS, fy24_orders, THOUSANDS),
        ("Average order value", round(total / total_orders, 2), USD_CENTS, round(fy24_revenue / fy24_orders, 2),
         USD_CENTS),
        ("Gross margin", 0.486, PCT1, 0.479, PCT1),
        ("Return rate", 0.068, PCT1, 0.074, PCT1),
        ("New customers", 41870, THOUSANDS, 38215, THOUSANDS),
        ("Repeat purchase rate", 0.34, PCT0, 0.31, PCT0),
    ]
    for r, (name, now, fmt_now, before, fmt_before) in enumerate(kpis, start=5):
        put(ws, r, 1, name)
        put(ws, r, 2, now, fmt_now)
        put(ws, r, 3, before, fmt_before)
        if fmt_now in (PCT1, PCT0):
            put(ws, r, 4, f"{(now - before) * 100:+.1f} pts")
        else:
            put(ws, r, 4, round(now / before - 1, 3), PCT1)
    r = 5 + len(kpis) + 1
    put(ws, r, 1, "Revenue by region", bold=True)
    header(ws, r + 1, ["Region", "FY2025", "Share of total"], [28, 16, 16])
    for i, (region, fy) in enumerate(region_totals, start=r + 2):
        put(ws, i, 1, region)
        put(ws, i, 2, fy, USD)
        put(ws, i, 3, round(fy / total, 3), PCT1)

    # Hidden sheet: draft compensation plan
    ws = hidden
    ws["A1"] = "DRAFT — 2026 sales compensation plan — not for circulation"
    ws["A2"] = "Proposed 2026 commission: 4.5% of net revenue above quota, paid quarterly in arrears."
    header(ws, 4, ["Sales lead", "Region", "FY2025 bonus"], [20, 20, 14])
    for r, (rep, region, bonus) in enumerate(COMP_PLAN, start=5):
        put(ws, r, 1, rep)
        put(ws, r, 2, region)
        put(ws, r, 3, bonus, USD)

    path = OUT / "sales-kpis-fy2025.xlsx"
    wb.save(path)
    stable_zip(path)


# ---------------------------------------------------------------------------------------------------------------
# 4. Staff directory (CSV, comma-separated)
# ---------------------------------------------------------------------------------------------------------------

STAFF_HEADER = ["Employee ID", "First name", "Last name", "Job title", "Department", "Office", "Email",
                "Direct line", "Mobile", "Line manager", "Start date", "Status", "Notes"]
LEEDS, BRISTOL, LONDON = "Leeds, Wellington Place", "Bristol, Temple Quay", "London, Southwark Street"
STAFF = [
    ("FM0012", "Graham", "Pettifer", "Director, Structures", "Structures", LEEDS, "0113 496 0102", "07700 900112",
     "", "2008-09-01", "Active", ""),
    ("FM0147", "Joanna", "Whitlock", "Associate Structural Engineer", "Structures", LEEDS, "0113 496 0231",
     "07700 900418", "Graham Pettifer", "2016-03-14", "Active", "Chartered (IStructE); fire engineering lead"),
    ("FM0233", "Ravi", "Sandhu", "Engineer, Structures", "Structures", LEEDS, "0113 496 0248", "07700 900563",
     "Joanna Whitlock", "2021-09-06", "Active", ""),
    ("FM0240", "Megan", "Aldous", "Senior Engineer, Structures", "Structures", LONDON, "020 7946 0317",
     "07700 900274", "Graham Pettifer", "2019-01-07", "Active", ""),
    ("FM0301", "Tobias", "Leng", "Senior Building Services Engineer", "Building Services", LONDON, "020 7946 0355",
     "07700 900631", "Eleanor Vasquez", "2020-05-18", "Active", ""),
    ("FM0188", "Eleanor", "Vasquez", "Principal Building Services Engineer", "Building Services", LONDON,
     "020 7946 0329", "07700 900847", "Hamish Crowther", "2017-10-02", "Leave",
     "Part-time (Mon–Wed).\nOn parental leave from 2 November 2026 until 12 January 2027 – cover: Tobias Leng"),
    ("FM0095", "Hamish", "Crowther", "Director, Building Services", "Building Services", LONDON, "020 7946 0300",
     "07700 900905", "", "2012-02-20", "Active", ""),
    ("FM0251", "Inês", "Duarte", "Senior Civil Engineer", "Civils", BRISTOL, "0117 496 0415", "07700 900326",
     "Owen Trelawny", "2019-06-24", "Active", "Drainage and SuDS specialist"),
    ("FM0156", "Owen", "Trelawny", "Associate Director, Civils", "Civils", BRISTOL, "0117 496 0402", "07700 900158",
     "Patricia Okafor", "2014-11-03", "Active", ""),
    ("FM0077", "Patricia", "Okafor", "Director, Civils", "Civils", BRISTOL, "0117 496 0400", "07700 900087", "",
     "2010-04-12", "Active", ""),
    ("FM0302", "Callum", "Reid", "Graduate Engineer", "Civils", BRISTOL, "0117 496 0433", "", "Inês Duarte",
     "2025-09-08", "Active", "Graduate scheme 2025 intake; rotation to Structures from March 2027"),
    ("FM0310", "Aoife", "Brennan", "Graduate Engineer", "Structures", LEEDS, "0113 496 0262", "", "Ravi Sandhu",
     "2025-09-08", "Active", "Graduate scheme 2025 intake"),
    ("FM0118", "Declan", "O'Shea", "Head of Procurement", "Procurement", LEEDS, "0113 496 0150", "07700 900721", "",
     "2013-07-01", "Active", "Approves all purchase orders over £25,000"),
    ("FM0274", "Farah", "Siddiqui", "Procurement Officer", "Procurement", LEEDS, "0113 496 0157", "",
     "Declan O'Shea", "2022-03-28", "Active", "Supplier onboarding and framework agreements"),
    ("FM0129", "Lewis", "Ambrose", "IT Manager", "IT", LEEDS, "0113 496 0190", "07700 900394", "", "2014-01-13",
     "Active", "Out-of-hours IT emergencies: call mobile"),
    ("FM0289", "Nadia", "Kowal", "IT Support Analyst", "IT", BRISTOL, "0117 496 0470", "", "Lewis Ambrose",
     "2023-02-06", "Active", "Covers Bristol and London offices"),
    ("FM0262", "Samuel", "Achebe", "IT Support Analyst", "IT", LEEDS, "0113 496 0195", "", "Lewis Ambrose",
     "2022-08-15", "Active", ""),
    ("FM0101", "Caroline", "Fitzgerald", "Finance Manager", "Finance", LEEDS, "0113 496 0170", "07700 900236", "",
     "2012-10-01", "Active", ""),
    ("FM0295", "George", "Mensah", "Accounts Payable Clerk", "Finance", LEEDS, "0113 496 0176", "",
     "Caroline Fitzgerald", "2023-05-02", "Active", "Supplier invoices: ap@fenwickmarsh.co.uk"),
    ("FM0277", "Lena", "Hartmann", "Credit Controller", "Finance", LEEDS, "0113 496 0178", "", "Caroline Fitzgerald",
     "2022-06-20", "Active", "Part-time (Tue–Thu)"),
    ("FM0198", "Bethany", "Cole", "Office and Facilities Manager", "Facilities", BRISTOL, "0117 496 0401",
     "07700 900549", "", "2018-04-09", "Active", "Building passes, desk booking, first-aid rota (Bristol)"),
    ("FM0305", "Marek", "Zielinski", "Facilities Coordinator", "Facilities", LONDON, "020 7946 0302", "",
     "Bethany Cole", "2024-11-11", "Active", "Post room, meeting rooms, deliveries (London)"),
    ("FM0213", "Harriet", "Doyle", "CAD Technician", "Structures", LONDON, "020 7946 0338", "", "Megan Aldous",
     "2020-01-27", "Leaver", "Last day 31 December 2026"),
]


def staff_directory() -> None:
    path = OUT / "staff-directory.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(STAFF_HEADER)
        for eid, first, last, title, dept, office, direct, mobile, manager, start, status, notes in STAFF:
            email = f"{first.lower()}.{last.lower().replace(chr(39), '')}@fenwickmarsh.co.uk".replace("ê", "e")
            w.writerow([eid, first, last, title, dept, office, email, direct, mobile, manager, start, status, notes])


# ---------------------------------------------------------------------------------------------------------------
# 5. Expense claims export (CSV, semicolon-separated, European number and date formats)
# ---------------------------------------------------------------------------------------------------------------

EXPENSE_HEADER = ["Claim ID", "Submitted", "Employee", "Cost centre", "Expense date", "Category", "Merchant",
                  "Description", "Amount", "Currency", "Amount EUR", "VAT %", "Status", "Approver", "Comment"]
EXPENSES = [
    ("EXP-2026-0388", "02.10.2026", "Sanne Visser", "CC-220 Marketing", "24.09.2026", "Hotel", "Hôtel Carlton Lyon",
     "3 nights, client workshops with Maison Argaud", "412,80", "EUR", "412,80", "10", "Paid", "Maarten de Groot", ""),
    ("EXP-2026-0391", "02.10.2026", "Sanne Visser", "CC-220 Marketing", "23.09.2026", "Flights", "Transavia",
     "AMS–LYS return", "187,40", "EUR", "187,40", "0", "Paid", "Maarten de Groot", ""),
    ("EXP-2026-0402", "06.10.2026", "Jonas Eriksen", "CC-310 Sales Nordics", "29.09.2026", "Hotel",
     "Scandic Continental", "2 nights, Stockholm customer visits", "2.450,00", "SEK", "213,15", "12", "Paid",
     "Katrin Hofmann", "Rate 1 EUR = 11,4944 SEK"),
    ("EXP-2026-0409", "07.10.2026", "Fleur Bakker", "CC-120 Finance", "03.10.2026", "Training",
     "Nyenrode Business Universiteit", "IFRS 17 refresher course", "695,00", "EUR", "695,00", "21", "Approved",
     "Maarten de Groot", ""),
    ("EXP-2026-0417", "09.10.2026", "Pieter Jansen", "CC-410 Sales DACH", "06.10.2026", "Rail", "Deutsche Bahn",
     "ICE Amsterdam–München return, 1st class", "289,90", "EUR", "289,90", "7", "Approved", "Katrin Hofmann",
     "1st class allowed for journeys over 4 hours"),
    ("EXP-2026-0418", "09.10.2026", "Pieter Jansen", "CC-410 Sales DACH", "07.10.2026", "Meals & entertainment",
     "Augustiner Bräustuben", "Dinner with buyer from Kaufhaus Leitner (2 people)", "96,40", "EUR", "96,40", "19",
     "Approved", "Katrin Hofmann", ""),
    ("EXP-2026-0433", "14.10.2026", "Ahmed El Amrani", "CC-510 IT", "11.10.2026", "Software", "JetBrains",
     "IntelliJ IDEA Ultimate, annual licence", "599,00", "EUR", "599,00", "21", "Paid", "Willem Kuipers", ""),
    ("EXP-2026-0440", "16.10.2026", "Eva Lindqvist", "CC-220 Marketing", "15.10.2026", "Office supplies", "Bol.com",
     "Foam boards and easels for the ILM stand", "143,72", "EUR", "143,72", "21", "Paid", "Maarten de Groot", ""),
    ("EXP-2026-0452", "20.10.2026", "Jonas Eriksen", "CC-310 Sales Nordics", "17.10.2026", "Taxi",
     "Taxi Centrale Amsterdam", "Taxi Schiphol → office; flight KL1144 delayed, no trains", "78,50", "EUR", "78,50",
     "9", "Rejected", "Katrin Hofmann", "No receipt attached – resubmit with the receipt or the card statement"),
    ("EXP-2026-0458", "21.10.2026", "Marloes Smit", "CC-120 Finance", "20.10.2026", "Mileage", "Own car",
     "Amsterdam–Utrecht return, audit at warehouse (86 km)", "19,78", "EUR", "19,78", "0", "Paid",
     "Maarten de Groot", "86 km × € 0,23"),
    ("EXP-2026-0471", "24.10.2026", "Eva Lindqvist", "CC-220 Marketing", "22.10.2026", "Meals & entertainment",
     "Restaurant De Kas", "Team dinner after the Q3 campaign wrap-up, 14 people", "1.186,50", "EUR", "1.186,50", "9",
     "Approved", "Maarten de Groot", "Above the € 75 per head limit – approved as an exception"),
    ("EXP-2026-0479", "28.10.2026", "Ahmed El Amrani", "CC-510 IT", "27.10.2026", "Hardware", "Coolblue",
     "USB-C docking station for new starter", "229,00", "EUR", "229,00", "21", "Submitted", "Willem Kuipers", ""),
    ("EXP-2026-0484", "30.10.2026", "Sanne Visser", "CC-220 Marketing", "28.10.2026", "Hotel", "The Hoxton, Holborn",
     "1 night, London press day", "219,00", "GBP", "251,26", "0", "Approved", "Maarten de Groot",
     "Rate 1 EUR = 0,8716 GBP"),
    ("EXP-2026-0490", "03.11.2026", "Pieter Jansen", "CC-410 Sales DACH", "30.10.2026", "Hotel", "Hotel Schweizerhof",
     "1 night, Zürich distributor meeting", "265,00", "CHF", "283,42", "8,1", "Submitted", "Katrin Hofmann",
     "Rate 1 EUR = 0,9350 CHF"),
    ("EXP-2026-0496", "05.11.2026", "Fleur Bakker", "CC-120 Finance", "04.11.2026", "Subscriptions",
     "Het Financieele Dagblad", "Digital subscription, November", "32,50", "EUR", "32,50", "9", "Paid",
     "Maarten de Groot", ""),
    ("EXP-2026-0503", "10.11.2026", "Jonas Eriksen", "CC-310 Sales Nordics", "07.11.2026", "Flights", "SAS",
     "AMS–CPH return, Copenhagen trade fair", "342,10", "EUR", "342,10", "0", "Approved", "Katrin Hofmann", ""),
    ("EXP-2026-0511", "12.11.2026", "Willem Kuipers", "CC-510 IT", "11.11.2026", "Training", "AWS",
     "Solutions Architect Associate exam fee", "150,00", "USD", "138,74", "0", "Approved", "Femke Dekker",
     "Rate 1 EUR = 1,0812 USD"),
    ("EXP-2026-0517", "14.11.2026", "Eva Lindqvist", "CC-220 Marketing", "13.11.2026", "Taxi", "Uber",
     "Office → RAI for ILM stand build", "24,60", "EUR", "24,60", "9", "Paid", "Maarten de Groot", ""),
    ("EXP-2026-0522", "18.11.2026", "Marloes Smit", "CC-120 Finance", "17.11.2026", "Meals & entertainment",
     "Albert Heijn", "Lunch for month-end close team (6 people)", "58,35", "EUR", "58,35", "9", "Submitted",
     "Maarten de Groot", ""),
    ("EXP-2026-0530", "24.11.2026", "Pieter Jansen", "CC-410 Sales DACH", "21.11.2026", "Parking", "Q-Park",
     "Parking Messe Düsseldorf, 2 days", "56,00", "EUR", "56,00", "19", "Submitted", "Katrin Hofmann", ""),
]


def expense_export() -> None:
    path = OUT / "expense-claims-oct-nov-2026.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(EXPENSE_HEADER)
        for row in EXPENSES:
            w.writerow(row)


# ---------------------------------------------------------------------------------------------------------------
# Slide decks (pptx)
# ---------------------------------------------------------------------------------------------------------------

TITLE_SLIDE, TITLE_CONTENT, TITLE_ONLY = 0, 1, 5


def new_deck(author: str, title: str) -> Presentation:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    cp = prs.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = title
    cp.revision = 1
    cp.created = STAMP
    cp.modified = STAMP
    return prs


def fit(shape, left=0.6, top=1.5, width=12.1, height=5.5) -> None:
    shape.left, shape.top, shape.width, shape.height = Inches(left), Inches(top), Inches(width), Inches(height)


def title_slide(prs, title: str, subtitle: str, notes: str | None = None):
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_SLIDE])
    slide.shapes.title.text = title
    fit(slide.shapes.title, 0.8, 2.0, 11.7, 1.6)
    slide.placeholders[1].text = subtitle
    fit(slide.placeholders[1], 0.8, 3.8, 11.7, 1.8)
    if notes:
        slide.notes_slide.notes_text_frame.text = notes
    return slide


def bullet_slide(prs, title: str, bullets: list, notes: str | None = None, hidden: bool = False):
    """bullets: strings (level 0) or (level, text) pairs."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_CONTENT])
    slide.shapes.title.text = title
    fit(slide.shapes.title, 0.6, 0.3, 12.1, 1.0)
    body = slide.placeholders[1]
    fit(body)
    tf = body.text_frame
    for i, item in enumerate(bullets):
        level, text = item if isinstance(item, tuple) else (0, item)
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = text
        p.level = level
        p.font.size = Pt(22 if level == 0 else 18)
    if notes:
        slide.notes_slide.notes_text_frame.text = notes
    if hidden:
        slide._element.set("show", "0")
    return slide


def table_slide(prs, title: str, rows: list[list[str]], widths: list[float], notes: str | None = None,
                caption: str | None = None, hidden: bool = False):
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    slide.shapes.title.text = title
    fit(slide.shapes.title, 0.6, 0.3, 12.1, 1.0)
    height = 0.45 * len(rows)
    shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(0.6), Inches(1.5), Inches(sum(widths)),
                                   Inches(height))
    table = shape.table
    for c, w in enumerate(widths):
        table.columns[c].width = Inches(w)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            for p in cell.text_frame.paragraphs:
                p.font.size = Pt(16)
                p.font.bold = r == 0
    if caption:
        box = slide.shapes.add_textbox(Inches(0.6), Inches(1.7 + height), Inches(12.1), Inches(0.6))
        box.text_frame.text = caption
        box.text_frame.paragraphs[0].font.size = Pt(14)
        box.text_frame.paragraphs[0].font.italic = True
    if notes:
        slide.notes_slide.notes_text_frame.text = notes
    if hidden:
        slide._element.set("show", "0")
    return slide


def save_deck(prs, name: str) -> None:
    path = OUT / name
    prs.save(path)
    stable_zip(path)


# 6. Quarterly business review --------------------------------------------------------------------------------------

def qbr_deck() -> None:
    prs = new_deck("Nadia Sorensen", "Q3 2026 Quarterly Business Review — EMEA Customer Success")
    title_slide(prs, "Q3 2026 Quarterly Business Review",
                "EMEA Customer Success · Lyra Analytics\nNadia Sorensen, Felix Adeyemi, Clara Mendes\n15 October 2026",
                notes="Welcome everyone. Forty minutes, with time for questions at the end. Clara will take support, "
                      "Felix renewals, and I will do the headlines and the decisions we need from this group.")
    bullet_slide(prs, "Agenda", [
        "Q3 at a glance",
        "Renewals and churn",
        "Support performance",
        "Customer health",
        "Decisions and next steps",
    ])
    bullet_slide(prs, "Q3 at a glance", [
        "Net revenue retention 108% (target 105%)",
        (1, "Expansion led by the Nordics: three accounts moved up to the Enterprise tier"),
        (1, "Third quarter in a row above target"),
        "Gross churn 3.1% of ARR, up from 2.4% in Q2",
        (1, "Two logos lost: Tervo Logistics and Barnaby & Webb"),
        "41 of 46 renewals due in the quarter closed",
        (1, "Remaining 5 slipped into October, none at risk"),
        "Onboarding time down to 23 days (Q2: 31 days)",
    ], notes="The headline is that we beat the retention target for the third quarter running, but I want to be "
             "honest that churn went the wrong way. Both losses were driven by budget cuts rather than product "
             "issues, and Felix will go through the detail on the next slide.")
    bullet_slide(prs, "Renewals and churn", [
        "Renewal rate by value 94%",
        (1, "Average uplift on renewal 6.5%"),
        (1, "Multi-year deals: 9 of the 41 renewals"),
        "Tervo Logistics: did not renew after warehouse consolidation",
        (1, "Budget frozen across all IT spend until 2027"),
        "Barnaby & Webb: consolidated onto parent company's BI platform",
        (1, "Decision taken at group level, no chance to compete"),
        "Early-warning signs missed on both accounts",
        (1, "Usage dropped 40% or more in the 90 days before notice"),
    ], notes="Tervo told us in the exit interview that they would come back once their warehouse consolidation "
             "finishes, probably in the second half of 2027, so I have kept them on a nurture track with Clara's "
             "team. Barnaby & Webb is gone for good, I'm afraid; the group CIO made that call.")
    table_slide(prs, "Support performance", [
        ["Metric", "Q2 2026", "Q3 2026", "Target"],
        ["First response time (median)", "2h 40m", "1h 55m", "2h 00m"],
        ["Resolution time (median)", "19h", "22h", "24h"],
        ["CSAT", "91%", "93%", "90%"],
        ["Tickets handled", "4,812", "5,267", "—"],
        ["Backlog at quarter end", "184", "131", "under 150"],
        ["Escalations to engineering", "62", "48", "—"],
    ], [4.6, 2.2, 2.2, 2.2], caption="Source: Zendesk, all EMEA queues, business hours only",
        notes="Clara: first response is well inside target since we moved to follow-the-sun with the Lisbon team in "
              "July. Resolution time crept up because of the reporting-engine bug in August, which alone generated "
              "about 600 tickets.")
    bullet_slide(prs, "Customer health", [
        "Health scores across 212 managed accounts",
        (1, "62% green, 27% amber, 11% red"),
        (1, "Red accounts hold €3.4m of ARR"),
        "Top risks for Q4",
        (1, "Halvorsen Shipping: champion left in September"),
        (1, "Grupo Ribera: asking for on-premise deployment"),
        "Quarterly business reviews held with 74% of strategic accounts",
    ], notes="I want us to get to every strategic account for a business review in Q4. Halvorsen is the one that "
             "keeps me up at night: the new head of data came from a competitor's customer, so we need an "
             "executive sponsor call before the end of October.")
    bullet_slide(prs, "Decisions and next steps", [
        "Decided: accounts over €250k ARR move to named CSM coverage from 1 January 2027",
        "Decided: pause the Lyra Academy certification relaunch until Q1 2027",
        "Approved: two additional CSMs for the DACH team, to start by February",
        "Next: Felix to present a churn early-warning model at the November leadership meeting",
        "Next: Clara to run a pilot of in-app support chat with 20 accounts",
    ], notes="For the record, the named coverage decision was agreed with Finance yesterday, so this is final. The "
             "Academy pause is because the content team is needed for the new product launch.")
    table_slide(prs, "Backup: team cost by function", [
        ["Function", "Headcount", "Quarterly cost"],
        ["Customer success managers", "14", "€512,000"],
        ["Support engineers", "22", "€598,000"],
        ["Onboarding specialists", "6", "€171,000"],
    ], [5.0, 2.5, 3.0], hidden=True)
    bullet_slide(prs, "Questions", ["Thank you", "Slides and the Zendesk dashboard link in the #emea-cs channel"])
    save_deck(prs, "qbr-q3-2026-emea-customer-success.pptx")


# 7. Project kickoff ------------------------------------------------------------------------------------------------

def kickoff_deck() -> None:
    prs = new_deck("Keisha Lawrence", "Project Lantern kickoff")
    title_slide(prs, "Project Lantern — Kickoff",
                "Replacing our warehouse management system\nBrackenridge Distribution · 12 January 2026\n"
                "Sponsor: Oliver Strand, COO · Project manager: Keisha Lawrence",
                notes="Oliver to open with five minutes on why this matters to the business, then hand over to "
                      "Keisha for the plan.")
    bullet_slide(prs, "Why we are doing this", [
        "StockMaster 7 goes out of vendor support on 30 June 2026",
        (1, "No security patches after that date"),
        "Pick accuracy 97.8% against an industry benchmark of 99.5%",
        (1, "Mis-ships cost us £310k in credits and re-deliveries in 2025"),
        "Paper-based goods-in at both sites",
        "No real-time stock visibility for customer service",
    ], notes="I want to be clear that this is not an IT project. Every mis-pick is a customer who rings us, and "
             "every paper goods-in sheet is a day's delay before stock can be sold.")
    bullet_slide(prs, "Objectives and success measures", [
        "Pick accuracy of 99.6% by the end of Q1 2027",
        "Mis-shipments down 40% against 2025",
        "Goods-in to available-to-sell within 4 hours",
        "Stock accuracy at cycle count 99% or better",
        "Zero unplanned downtime at go-live",
    ])
    bullet_slide(prs, "Scope", [
        "In scope",
        (1, "Daventry and Wakefield distribution centres"),
        (1, "Receiving, put-away, replenishment, picking, packing, despatch"),
        (1, "Handheld scanners and label printing"),
        "Out of scope",
        (1, "Belfast cross-dock (moves in phase 2, 2027)"),
        (1, "Transport management and route planning"),
        (1, "Finance system changes beyond the stock interface"),
    ])
    table_slide(prs, "Timeline", [
        ["Phase", "Dates", "Key deliverable"],
        ["Discovery", "Jan – Feb 2026", "Current process maps signed off"],
        ["Design", "Mar – Apr 2026", "Solution design and interface specs"],
        ["Build and configure", "May – Jul 2026", "Configured system, scanner app"],
        ["Testing", "Aug – Sep 2026", "UAT sign-off by site managers"],
        ["Go-live Daventry", "5 October 2026", "Daventry live, old system read-only"],
        ["Go-live Wakefield", "9 November 2026", "Wakefield live, StockMaster switched off"],
    ], [3.0, 3.0, 6.1], notes="Both go-lives are deliberately before peak. Nothing goes live between mid-November "
                               "and the end of January; if we miss the Wakefield date, Wakefield waits until "
                               "February.")
    bullet_slide(prs, "Team and governance", [
        "Sponsor: Oliver Strand, COO",
        "Project manager: Keisha Lawrence",
        "Vendor: Corvex Systems, delivery lead Anders Holm",
        "Site leads: Paul Brannigan (Daventry), Shazia Mirza (Wakefield)",
        "Steering committee monthly, first Tuesday of the month",
        (1, "Budget £1.4m capital, approved by the board in November 2025"),
    ])
    bullet_slide(prs, "Key risks", [
        "Site teams stretched during testing in late summer",
        (1, "Backfill with agency staff budgeted for six weeks"),
        "Interface to the Sage X3 finance system",
        "Wi-Fi coverage in the Wakefield cold store",
        (1, "Survey booked for February"),
    ], notes="The Wi-Fi one sounds small but it stopped the last scanner trial in 2023, so I'd rather over-invest "
             "early.")
    bullet_slide(prs, "Next steps", [
        "Site visits to Daventry and Wakefield w/c 19 January",
        "Process owners nominated by each site by 23 January",
        "Discovery workshops start 2 February",
        "First steering committee Tuesday 3 February",
    ])
    save_deck(prs, "project-lantern-kickoff.pptx")


# 8. New-starter onboarding ------------------------------------------------------------------------------------------

def onboarding_deck() -> None:
    prs = new_deck("People Team", "New starter induction")
    title_slide(prs, "Welcome to Quaystone", "New starter induction\nPeople Team · updated September 2026",
                notes="Introduce yourself and ask everyone to say their name, team and one thing they did before "
                      "joining.")
    bullet_slide(prs, "Your first week", [
        "Day 1: collect your laptop from the IT Service Desk, 2nd floor, from 9:30",
        "Day 2: security and data protection e-learning",
        (1, "Must be completed within 5 working days of your start date"),
        "Day 3: shadow a colleague in your team",
        "Day 5: first check-in with your line manager",
    ], notes="Make sure people know the e-learning is mandatory: their system access is suspended automatically if "
             "it is not done in time, and it is a pain to get it back.")
    bullet_slide(prs, "Getting set up", [
        "Passwords at least 14 characters",
        (1, "Never reuse your Quaystone password anywhere else"),
        "Multi-factor authentication with Microsoft Authenticator",
        "Report a lost laptop or phone to the Service Desk straight away",
        (1, "24/7 on ext 4400"),
    ])
    bullet_slide(prs, "Working hours and leave", [
        "Core hours 10:00 to 16:00",
        "27 days holiday plus bank holidays",
        (1, "Buy up to 5 extra days each year through Flex"),
        "Book leave in Workday at least two weeks ahead",
        "Off sick? Call your line manager before 9:30",
    ])
    bullet_slide(prs, "Expenses", [
        "Claim in Workday within 60 days, with receipts",
        "Hotels: up to £140 a night, or £180 in London",
        "Rail: standard class only",
        "Mileage in your own car: 45p per mile",
        "Client entertaining needs your director's approval first",
    ], notes="The sixty-day rule is strict. Finance will not pay claims older than that, even with a good reason, "
             "so tell people to submit monthly.")
    table_slide(prs, "Who to contact", [
        ["Topic", "Team", "How to reach them"],
        ["Laptop, phone, passwords", "IT Service Desk", "ext 4400 or servicedesk@quaystone.co.uk"],
        ["Pay, pension, payslips", "Payroll", "payroll@quaystone.co.uk"],
        ["Building passes, parking", "Facilities", "ext 4120"],
        ["Wellbeing and counselling", "Employee Assistance (Health Assured)", "0800 030 5182, 24 hours"],
        ["Data protection", "DPO: Martin Ekwueme", "dpo@quaystone.co.uk"],
    ], [3.6, 4.0, 4.5])
    bullet_slide(prs, "Security: the essentials", [
        "Lock your screen whenever you leave your desk",
        "Report suspicious e-mails with the Report Phish button",
        "Customer data never goes to personal e-mail or USB sticks",
        "Clear desk at the end of each day",
    ], notes="Tell them about last March's phishing simulation: 23% of people clicked the link, and most of them "
             "were in their first three months. A fake e-mail from the chief executive asking for gift cards is "
             "the classic one.")
    bullet_slide(prs, "Probation", [
        "Six-month probation period",
        "Reviews at 3 and 6 months with your line manager",
        "Objectives agreed in your first month",
    ], notes="Reassure people that the three-month review is a conversation, not a test. Most people pass "
             "probation without any issues.")
    bullet_slide(prs, "Questions?", ["Induction survey link in your welcome e-mail",
                                     "People Team: people@quaystone.co.uk"])
    save_deck(prs, "new-starter-induction.pptx")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    marketing_budget()
    project_tracker()
    sales_kpis()
    staff_directory()
    expense_export()
    qbr_deck()
    kickoff_deck()
    onboarding_deck()
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:8d}  {path.name}")


if __name__ == "__main__":
    main()
