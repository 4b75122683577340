"""Make bench/tables/: eight documents whose key facts sit in tables (held-out round, written blind to briefbot).

    python bench/tables_make.py    # (re)creates bench/tables/ deterministically

Markdown, HTML, CSV and plain text are written from literal strings (the bus timetable's times are computed from
fixed running times); the Word documents are built with python-docx and the workbook with openpyxl, with fixed
core properties so that the content does not depend on the day the script runs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

OUT = Path(__file__).resolve().parent / "tables"
FIXED = dt.datetime(2026, 11, 20, 9, 0, 0)
STAMP = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------------------------------------------
# 1. league-table-2025.md
# ---------------------------------------------------------------------------------------------------------------

LEAGUE = """\
# Ashdown & District Sunday League — Premier Division

## Final table, season 2024–25

*Published by the League Secretary, 2 June 2025. All results are confirmed and the table below is final; it
supersedes the provisional table circulated on 19 May 2025.*

The 2024–25 Premier Division season finished on Sunday 18 May 2025 with Hollins Park Rangers confirmed as champions
after a 3–1 win away at Redcliffe Albion on the final day. Eastbrook Athletic, who led the table from October until
the middle of March, finish as runners-up two points behind. Twelve clubs played 22 matches each, home and away,
and 448 goals were scored in the division's 132 matches, an average of 3.39 a game.

| Pos | Team                   | P  | W  | D | L  | GF | GA | GD  | Pts  |
|----:|------------------------|---:|---:|--:|---:|---:|---:|----:|-----:|
| 1   | Hollins Park Rangers   | 22 | 16 | 4 | 2  | 61 | 19 | +42 | 52   |
| 2   | Eastbrook Athletic     | 22 | 15 | 5 | 2  | 58 | 24 | +34 | 50   |
| 3   | Kingsmead Wanderers    | 22 | 12 | 5 | 5  | 47 | 30 | +17 | 41   |
| 4   | Old Forge United       | 22 | 10 | 6 | 6  | 41 | 33 | +8  | 36   |
| 5   | Marston Vale           | 22 | 9  | 6 | 7  | 39 | 35 | +4  | 33   |
| 6   | St Aidan's Sunday      | 22 | 8  | 7 | 7  | 36 | 34 | +2  | 31   |
| 7   | Redcliffe Albion       | 22 | 7  | 5 | 10 | 33 | 40 | −7  | 26   |
| 8   | Canal Street Rovers    | 22 | 7  | 6 | 9  | 35 | 38 | −3  | 24\\* |
| 9   | Fernhill Celtic        | 22 | 6  | 6 | 10 | 30 | 41 | −11 | 24   |
| 10  | Brackley Arms          | 22 | 4  | 7 | 11 | 26 | 44 | −18 | 19   |
| 11  | Westgate Saints        | 22 | 3  | 6 | 13 | 24 | 50 | −26 | 15   |
| 12  | Dunmore Town Reserves  | 22 | 2  | 3 | 17 | 18 | 60 | −42 | 9    |

P = played, W = won, D = drawn, L = lost, GF = goals for, GA = goals against, GD = goal difference, Pts = points
(three for a win, one for a draw). Clubs level on points are separated by goal difference, then goals scored.

\\* Canal Street Rovers were deducted 3 points by the League Management Committee for fielding an unregistered
player in their 2–1 win over Fernhill Celtic on 9 February 2025. The result of that match stands. Without the
deduction Canal Street Rovers would have finished seventh on 27 points.

## Promotion and relegation

- **Hollins Park Rangers** (champions) and **Eastbrook Athletic** (runners-up) are promoted to the Mid-Counties
  Sunday Senior League for 2025–26, subject to both clubs passing the Senior League ground grading inspection in
  July. If either club fails the inspection, the place passes to Kingsmead Wanderers.
- **Westgate Saints** and **Dunmore Town Reserves** are relegated to Division One.
- Two clubs will come up from Division One; they will be confirmed at the Annual General Meeting once the Division
  One table has been ratified.

## Top scorers (Golden Boot)

| Rank | Player          | Club                  | League goals | Cup goals | Total |
|-----:|-----------------|-----------------------|-------------:|----------:|------:|
| 1    | Jordan Okafor   | Hollins Park Rangers  | 24           | 3         | 27    |
| 2    | Kieran Walsh    | Eastbrook Athletic    | 19           | 9         | 28    |
| 3    | Dean Fairclough | Kingsmead Wanderers   | 16           | 2         | 18    |
| 4    | Ravi Chandra    | Old Forge United      | 14           | 1         | 15    |
| 5    | Liam Doherty    | Hollins Park Rangers  | 13           | 4         | 17    |
| 6    | Sam Ogunleye    | Marston Vale          | 12           | 0         | 12    |
| 7=   | Connor Bates    | Canal Street Rovers   | 11           | 2         | 13    |
| 7=   | Matty Harper    | Eastbrook Athletic    | 11           | 3         | 14    |
| 9=   | Ethan Price     | St Aidan's Sunday     | 10           | 1         | 11    |
| 9=   | Josh Kerrigan   | Redcliffe Albion      | 10           | 0         | 10    |

The Golden Boot is awarded on league goals only, so it goes to **Jordan Okafor** of Hollins Park Rangers. Cup goals
are those scored in the League Challenge Cup and the County Sunday Cup; Kieran Walsh's nine cup goals make him the
division's top scorer in all competitions, with 28.

## Other notes

- The Fair Play Award (fewest disciplinary points) goes to **St Aidan's Sunday**, who received 14 yellow cards and
  no red cards all season.
- The match between Brackley Arms and Westgate Saints on 23 March 2025 was awarded to Brackley Arms as a 3–0 win
  after Westgate Saints were unable to raise a team; the awarded score is included in the table above.
- Trophies and medals will be presented at the Annual General Meeting on Thursday 12 June 2025, 7.30pm, at the
  Hollins Park clubhouse. Each club must send at least one officer; clubs not represented will be fined £25.

*Queries about the table should be sent to the League Secretary, Maureen Tallis, before the AGM.*
"""


# ---------------------------------------------------------------------------------------------------------------
# 2. clinic-fees.html
# ---------------------------------------------------------------------------------------------------------------

CLINIC = """\
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Fees &amp; opening hours | Elmfield Physiotherapy &amp; Sports Injury Clinic, Chester</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font-family: Arial, Helvetica, sans-serif; margin: 0; color: #223; }
  nav { background: #0b5563; padding: 0.6em 1.5em; }
  nav a { color: #fff; margin-right: 1.2em; text-decoration: none; }
  main { max-width: 60em; margin: 1.5em auto; padding: 0 1.5em; }
  table { border-collapse: collapse; width: 100%; margin: 1em 0; }
  th, td { border: 1px solid #bcc; padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
  thead th { background: #e4f1f3; }
  footer { background: #eef2f2; padding: 1em 1.5em; font-size: 0.9em; }
</style>
</head>
<body>
<nav aria-label="Main">
  <a href="/">Home</a>
  <a href="/treatments/">Treatments</a>
  <a href="/team/">Our team</a>
  <a href="/fees/" aria-current="page">Fees</a>
  <a href="/contact/">Contact</a>
  <a href="https://book.elmfieldphysio.co.uk/">Book online</a>
</nav>
<main>
<h1>Fees &amp; opening hours</h1>
<p>Elmfield Physiotherapy &amp; Sports Injury Clinic has treated runners, office workers, rugby players and
grandparents in Chester since 2009. Every appointment is one-to-one with a chartered physiotherapist or, for sports
massage, a qualified soft-tissue therapist. The prices below apply to all appointments from 1 January 2026 and
include VAT where it is chargeable.</p>

<h2>Price list</h2>
<table id="prices">
  <caption>Self-funding patients, prices from 1 January 2026</caption>
  <thead>
    <tr><th>Treatment</th><th>Duration</th><th>Price</th><th>Notes</th></tr>
  </thead>
  <tbody>
    <tr><td>Initial assessment and treatment</td><td>60 min</td><td>£78.00</td>
        <td>Includes a written home exercise plan</td></tr>
    <tr><td>Follow-up treatment</td><td>30 min</td><td>£52.00</td><td></td></tr>
    <tr><td>Extended follow-up</td><td>45 min</td><td>£66.00</td>
        <td>Recommended when more than one area is treated</td></tr>
    <tr><td>Sports massage</td><td>30 min</td><td>£42.00</td><td></td></tr>
    <tr><td>Sports massage</td><td>45 min</td><td>£56.00</td><td></td></tr>
    <tr><td>Sports massage</td><td>60 min</td><td>£69.00</td><td>Most popular before race season</td></tr>
    <tr><td>Acupuncture (with physiotherapy)</td><td>30 min</td><td>£55.00</td>
        <td>A signed consent form is needed before the first session</td></tr>
    <tr><td>Shockwave therapy</td><td>20 min</td><td>£62.00</td>
        <td>Course of three sessions £165.00 if paid in advance</td></tr>
    <tr><td>Pilates, one-to-one</td><td>55 min</td><td>£64.00</td><td></td></tr>
    <tr><td>Clinical Pilates class (block of six)</td><td>6 × 55 min</td><td>£96.00</td>
        <td>Maximum six people per class; missed classes cannot be carried over</td></tr>
    <tr><td>Video gait analysis</td><td>75 min</td><td>£115.00</td>
        <td>Bring your running shoes and kit</td></tr>
    <tr><td>Home visit (within 5 miles of the clinic)</td><td>60 min</td><td>£108.00</td>
        <td>Mileage beyond 5 miles charged at 60p a mile</td></tr>
    <tr><td>Medical report for an insurer or solicitor</td><td>—</td><td>£90.00</td>
        <td>Usually sent within 10 working days</td></tr>
  </tbody>
</table>
<p><small>Students in full-time education and patients aged 65 and over receive a 10% discount on follow-up
treatments and sports massage (not on initial assessments, shockwave therapy or reports). Please show proof of
eligibility at reception.</small></p>

<h2>Paying with health insurance</h2>
<p>We are recognised by Bupa, AXA Health, Aviva, Vitality and WPA. If you are claiming on your policy, please bring
your authorisation code and membership number to your first appointment. Any excess on your policy, and any
shortfall between your insurer's rate and our price, is payable by you on the day.</p>

<h2>Opening hours</h2>
<table id="hours">
  <thead>
    <tr><th>Day</th><th>Hours</th><th>Notes</th></tr>
  </thead>
  <tbody>
    <tr><td>Monday</td><td>08:00–20:00</td><td>Last appointment 19:15</td></tr>
    <tr><td>Tuesday</td><td>07:30–19:00</td><td>Early appointments for shift workers</td></tr>
    <tr><td>Wednesday</td><td>08:00–20:00</td><td>Last appointment 19:15</td></tr>
    <tr><td>Thursday</td><td>07:30–19:00</td><td>Clinical Pilates classes 18:00–18:55</td></tr>
    <tr><td>Friday</td><td>08:00–17:00</td><td></td></tr>
    <tr><td>Saturday</td><td>08:30–13:00</td><td>Sports massage and follow-ups only</td></tr>
    <tr><td>Sunday</td><td>Closed</td><td></td></tr>
  </tbody>
</table>
<p>The clinic is closed on bank holidays and from 24 December to 1 January inclusive.</p>

<h2>Cancellation policy</h2>
<p>We keep a waiting list, so please give us as much notice as you can if you need to change an appointment. If you
cancel or rearrange with less than 24 hours' notice, we charge 50% of the appointment fee. If you miss an
appointment without letting us know, you will be charged the full fee and any further bookings may need to be paid
in advance. We will always waive the charge for a genuine emergency or illness; just tell us what happened.</p>
<p>You can cancel by phone, by replying to your reminder text, or through the online booking system. Reminder texts
are sent at 10:00 the working day before your appointment.</p>

<h2>How to pay</h2>
<p>We take debit and credit cards (including contactless), Apple Pay and Google Pay. We no longer accept cheques.
Payment is taken at the end of each appointment; Pilates class blocks are paid for when you book.</p>
</main>
<footer>
  <p>Elmfield Physiotherapy &amp; Sports Injury Clinic, 14 Hoole Road, Chester CH2 3NH · 01244 555 871 ·
     hello@elmfieldphysio.co.uk</p>
  <p>All our physiotherapists are registered with the Health and Care Professions Council (HCPC) and are members of
     the Chartered Society of Physiotherapy.</p>
  <p>© 2026 Elmfield Physio Ltd. Registered in England and Wales. <a href="/privacy/">Privacy</a> ·
     <a href="/accessibility/">Accessibility</a></p>
</footer>
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------------------------
# 3. bus-timetable-route-42.html
# ---------------------------------------------------------------------------------------------------------------

STOPS = ["Northgate Bus Station (Stand D)", "Market Square", "Royal Infirmary", "Ferndale Road", "Hillcrest Shops",
         "St Mary's School", "Ashby Village Green", "Ashby Park &amp; Ride"]
OFF_PEAK = [0, 3, 8, 12, 17, 21, 26, 31]  # minutes after leaving Northgate Bus Station
PEAK = [0, 4, 10, 15, 21, 26, 31, 37]
WEEKDAY = [("06:12", "", OFF_PEAK), ("06:42", "", OFF_PEAK), ("07:12", "", PEAK), ("07:42", "", PEAK),
           ("08:15", "Sch", PEAK), ("09:15", "", OFF_PEAK), ("10:15", "", OFF_PEAK), ("11:15", "", OFF_PEAK),
           ("12:15", "", OFF_PEAK), ("13:15", "", OFF_PEAK), ("14:15", "", OFF_PEAK), ("15:15", "", OFF_PEAK),
           ("15:45", "Sch", PEAK), ("16:15", "", PEAK), ("16:45", "", PEAK), ("17:20", "", PEAK),
           ("18:20", "", OFF_PEAK), ("19:25", "", OFF_PEAK)]
SATURDAY = [(f"{h:02d}:15", "", OFF_PEAK) for h in range(7, 19)]


def add_minutes(hhmm: str, minutes: int) -> str:
    h, m = map(int, hhmm.split(":"))
    total = h * 60 + m + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


def timetable(caption: str, journeys) -> str:
    head = "".join(f"<th scope=\"col\">{code}</th>" for _, code, _ in journeys)
    rows = [f"    <tr><th scope=\"row\">Days of operation</th>{head}</tr>"]
    if not any(code for _, code, _ in journeys):
        rows = [f"    <tr><th scope=\"col\">Stop</th><th scope=\"colgroup\" colspan=\"{len(journeys)}\">"
                "Departure times</th></tr>"]
    body = []
    for i, stop in enumerate(STOPS):
        cells = "".join(f"<td>{add_minutes(start, offsets[i])}</td>" for start, _, offsets in journeys)
        body.append(f"    <tr><th scope=\"row\">{stop}</th>{cells}</tr>")
    return (f"<table class=\"timetable\">\n  <caption>{caption}</caption>\n  <thead>\n" + "\n".join(rows)
            + "\n  </thead>\n  <tbody>\n" + "\n".join(body) + "\n  </tbody>\n</table>")


def bus_page() -> str:
    return f"""\
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Route 42 timetable: Northgate – Hillcrest – Ashby Park &amp; Ride | Wyvern Valley Buses</title>
<style>
  body {{ font-family: Verdana, sans-serif; margin: 0; }}
  header, nav, footer {{ background: #7a1022; color: #fff; padding: 0.5em 1.5em; }}
  nav a, footer a {{ color: #fff; margin-right: 1em; }}
  main {{ padding: 1em 1.5em; }}
  table {{ border-collapse: collapse; margin: 1em 0; font-size: 0.85em; }}
  th, td {{ border: 1px solid #ccc; padding: 0.25em 0.4em; text-align: center; }}
  tbody th {{ text-align: left; white-space: nowrap; }}
  .notice {{ border-left: 6px solid #e0a100; background: #fff8e1; padding: 0.6em 1em; }}
</style>
</head>
<body>
<header><strong>Wyvern Valley Buses</strong></header>
<nav>
  <a href="/">Home</a><a href="/timetables/">Timetables</a><a href="/fares/">Fares &amp; tickets</a>
  <a href="/disruption/">Service updates</a><a href="/contact/">Contact us</a>
</nav>
<main>
<h1>Route 42: Northgate Bus Station – Royal Infirmary – Hillcrest – Ashby Park &amp; Ride</h1>
<p>Timetable valid from Monday 12 January 2026 until further notice. Times shown are departures from each stop in the
direction of Ashby Park &amp; Ride. Times at stops between the main timing points are approximate and buses may be
delayed by traffic, so please be at your stop a few minutes early.</p>

<div class="notice">
<h2>Service change from Monday 12 January 2026</h2>
<p>Route 42 has been extended from Ashby Village Green to the new Ashby Park &amp; Ride site on the A519, with
every journey now running through to the Park &amp; Ride. The evening service is also later: the last departure from
Northgate Bus Station is now 19:25 (previously 18:55). The St Mary's School stop has moved about 80 metres to the new
layby on Ashby Road, opposite the school's main gate. The stop at Canal Wharf is no longer served; please use Market
Square instead, about 250 metres away.</p>
</div>

<h2>Monday to Friday</h2>
{timetable("Monday to Friday, towards Ashby Park &amp; Ride", WEEKDAY)}
<p><small>Sch — Schooldays only: these journeys do not run during Wyvern Valley school holidays or on teacher
training days. All other journeys run Monday to Friday except public holidays.</small></p>

<h2>Saturday</h2>
{timetable("Saturday, towards Ashby Park &amp; Ride", SATURDAY)}
<p><small>On Saturdays buses leave Northgate Bus Station at 15 minutes past each hour.</small></p>

<h2>Fares</h2>
<table id="fares">
  <thead>
    <tr><th>Ticket</th><th>Adult</th><th>Child (5–18)</th><th>Valid on</th></tr>
  </thead>
  <tbody>
    <tr><th scope="row">Single (any distance)</th><td>£2.50</td><td>£1.25</td><td>One journey</td></tr>
    <tr><th scope="row">Return (same day)</th><td>£4.40</td><td>£2.20</td><td>Route 42 only</td></tr>
    <tr><th scope="row">Day Rider</th><td>£5.20</td><td>£2.70</td><td>All Wyvern Valley Buses routes</td></tr>
    <tr><th scope="row">Weekly Rider</th><td>£18.50</td><td>£9.50</td><td>7 consecutive days</td></tr>
    <tr><th scope="row">4-Week Rider</th><td>£62.00</td><td>£32.00</td><td>28 consecutive days</td></tr>
    <tr><th scope="row">Group Day Rider</th><td colspan="2">£11.00</td>
        <td>Up to 2 adults and 3 children travelling together</td></tr>
  </tbody>
</table>
<p><small>Children under 5 travel free with a fare-paying passenger. Holders of an English National Concessionary
Travel pass travel free after 09:30 on weekdays and all day on Saturdays. Park &amp; Ride parking is free for bus
users; show your ticket to the attendant if asked. Pay by contactless card or phone on the bus, or buy Rider tickets
in the Wyvern Valley Buses app.</small></p>
</main>
<footer>
  <p>Wyvern Valley Buses Ltd, Northgate Bus Station, Elsworth EL1 2AB · Customer services 0345 600 4242 (Monday to
     Friday 08:00–18:00)</p>
  <p><a href="/accessibility/">Accessibility</a> <a href="/privacy/">Privacy &amp; cookies</a> © 2026</p>
</footer>
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------------------------
# 4. grant-awards-2026.docx
# ---------------------------------------------------------------------------------------------------------------

AWARDS = [
    ("NG26-001", "Riverside Food Bank", "Chilled storage: two commercial fridges and a chest freezer", "£4,850",
     "Riverside", "18 March 2026"),
    ("NG26-004", "Castle Hill Youth Club", "Summer holiday activity programme (six weeks)", "£6,000", "Castle Hill",
     "18 March 2026"),
    ("NG26-006", "Friends of Bellwood Park", "Wildflower meadow and bench restoration", "£2,300", "Bellwood",
     "18 March 2026"),
    ("NG26-009", "Mill Lane Men's Shed", "Dust extraction and workshop safety upgrade", "£3,125", "Millbrook",
     "18 March 2026"),
    ("NG26-011", "Kelsey Vale Talking Newspaper", "Digital recorders and USB players for listeners", "£1,480",
     "Town Centre", "25 March 2026"),
    ("NG26-013", "Hope Street Refugee Welcome", "English conversation café for 12 months", "£5,500", "Hope Street",
     "25 March 2026"),
    ("NG26-015", "St Bride's Parent & Toddler Group", "Replacement soft play equipment", "£950", "Northfields",
     "25 March 2026"),
    ("NG26-018", "Ashgrove Dementia Carers' Network", "Monthly respite afternoons for carers", "£4,200", "Ashgrove",
     "25 March 2026"),
    ("NG26-021", "Northfields Community Allotment", "Accessible raised beds and a level path", "£3,760",
     "Northfields", "1 April 2026"),
    ("NG26-022", "Kelsey Vale Hindu Cultural Association", "Diwali community meal, open to all", "£1,750",
     "Riverside", "1 April 2026"),
    ("NG26-024", "Riverside Boxing Academy", "Coaching qualifications for six volunteers", "£2,640", "Riverside",
     "1 April 2026"),
]
DECLINED = [
    ("NG26-002", "Bellwood Bowls Club", "£7,500",
     "Request is above the £6,000 maximum; invited to reapply in Round 2 with a smaller request"),
    ("NG26-007", "Harlow Street Residents' Association", "£2,000",
     "Street party had already taken place; the fund cannot pay for work completed before a decision"),
    ("NG26-012", "Kelsey Vale Rugby Club", "£5,000",
     "Club holds free reserves of more than 12 months' running costs"),
    ("NG26-016", "Greenway Academy PTA", "£3,000",
     "Classroom laptops are the school's statutory responsibility"),
    ("NG26-020", "Mosaic Arts Collective", "£4,400",
     "Application incomplete: no bank statement or safeguarding policy supplied"),
]


def docx_table(doc, header, rows, widths=None):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(9)
    return table


def fix_core(doc, title: str, author: str) -> None:
    cp = doc.core_properties
    cp.title, cp.author, cp.last_modified_by = title, author, author
    cp.created = cp.modified = FIXED
    cp.revision = 1


def grants_doc(path: Path) -> None:
    doc = Document()
    fix_core(doc, "Neighbourhood Grants 2026 Round 1 decisions", "Kelsey Vale Community Foundation")
    doc.add_heading("Kelsey Vale Community Foundation", level=0)
    doc.add_heading("Neighbourhood Grants 2026 — Round 1: decisions", level=1)
    doc.add_paragraph(
        "This paper records the decisions of the Neighbourhood Grants panel on the applications received for Round 1 "
        "of 2026. The round opened on 12 January 2026 and closed on 20 February 2026. Grants of between £500 and "
        "£6,000 were available to voluntary and community groups working in the eleven wards of Kelsey Vale, from a "
        "round budget of £40,000 provided by Kelsey Vale Borough Council and the Hartley Family Trust.")
    doc.add_paragraph(
        "The panel met three times, on 18 March, 25 March and 1 April 2026, and was chaired by Gillian Marsh, a "
        "trustee of the Foundation. Twenty-four applications were received, asking for £71,300 in total. Eleven "
        "were funded, five were declined and eight were deferred to Round 2 while the applicants supply further "
        "information.")
    doc.add_heading("Table 1. Grants awarded", level=2)
    rows = [list(a) for a in AWARDS] + [["", "Total awarded (11 grants)", "", "£36,555", "", ""]]
    docx_table(doc, ["Ref", "Organisation", "Project", "Amount awarded", "Ward", "Decision date"], rows)
    doc.add_paragraph(
        "Amounts are the sums awarded, which in four cases are less than the sums requested (see panel commentary).")
    doc.add_heading("Table 2. Applications declined", level=2)
    docx_table(doc, ["Ref", "Organisation", "Amount requested", "Reason for decision"], [list(d) for d in DECLINED])
    doc.add_paragraph(
        "Declined applicants may ask for feedback by contacting the grants team within 28 days of their decision "
        "letter. A declined application may be resubmitted in a later round once the reason has been addressed.")
    doc.add_heading("Panel commentary", level=2)
    doc.add_paragraph(
        "The standard of applications was high, and demand was again well above the money available: the round was "
        "oversubscribed by a little under two to one. The panel gave priority to projects that reach people who are "
        "isolated or on low incomes, which is why food, carers' support and the refugee conversation café were "
        "funded in full or close to it. Riverside ward received three awards this round, more than any other ward; "
        "the panel noted that two of those organisations also serve residents of neighbouring Hope Street.")
    doc.add_paragraph(
        "Four awards were made for less than the amount requested. Castle Hill Youth Club asked for £7,200 and was "
        "awarded the £6,000 maximum; its grant is conditional on enhanced DBS checks being in place for all paid and "
        "volunteer summer staff before the programme starts. Mill Lane Men's Shed was awarded £3,125 towards a "
        "£4,000 request because the panel did not fund the replacement lathe. Northfields Community Allotment and "
        "Riverside Boxing Academy received slightly reduced awards after the panel removed contingency lines from "
        "their budgets.")
    doc.add_paragraph(
        "The £3,445 left unallocated from the round budget is held in reserve by the Foundation. Grant agreements "
        "will be sent out by 17 April 2026 and payments are made within 15 working days of a signed agreement being "
        "returned. Every funded group must send a short end-of-grant report, with photographs where appropriate, "
        "within 12 months of receiving its payment.")
    p = doc.add_paragraph()
    p.add_run("Round 2 ").bold = True
    p.add_run("opens on 1 June 2026 and closes at noon on 10 July 2026. Decisions will be made in September.")
    foot = doc.add_paragraph("Kelsey Vale Community Foundation, registered charity no. 1187442. "
                             "Paper prepared by the grants team for publication, 8 April 2026.")
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.save(path)


# ---------------------------------------------------------------------------------------------------------------
# 5. laptop-comparison.docx
# ---------------------------------------------------------------------------------------------------------------

LAPTOP_MODELS = ["Lenovo ThinkPad T14s Gen 6", "Dell Latitude 7450", "HP EliteBook 840 G11"]
LAPTOP_SPECS = [
    ("Processor", "Intel Core Ultra 7 155U", "Intel Core Ultra 5 135U", "Intel Core Ultra 7 165U"),
    ("Memory (RAM)", "32 GB LPDDR5x (soldered, not upgradeable)", "16 GB DDR5 (2 slots, up to 64 GB)",
     "32 GB DDR5 (2 slots)"),
    ("Storage", "1 TB NVMe SSD", "512 GB NVMe SSD", "512 GB NVMe SSD"),
    ("Screen", "14in 1920×1200 IPS, anti-glare, 400 nits", "14in 1920×1200 IPS touchscreen, 300 nits",
     "14in 1920×1200 IPS, anti-glare, 400 nits"),
    ("Weight", "1.24 kg", "1.36 kg", "1.41 kg"),
    ("Battery life (manufacturer's claim)", "Up to 14 hours", "Up to 12 hours", "Up to 13 hours"),
    ("Battery life (our office test)", "10 h 40 min", "9 h 15 min", "11 h 05 min"),
    ("Ports", "2 × Thunderbolt 4, 2 × USB-A, HDMI 2.1, headphone jack",
     "2 × Thunderbolt 4, 1 × USB-A, HDMI 2.0, headphone jack", "2 × Thunderbolt 4, 2 × USB-A, HDMI 2.1, nano SIM"),
    ("Webcam", "5 MP with IR and privacy shutter", "1080p with IR", "5 MP with IR and privacy shutter"),
    ("Warranty", "3 years on-site", "3 years ProSupport, next business day", "3 years on-site"),
    ("Price per unit (ex VAT)", "£1,289.00", "£1,045.00", "£1,372.00"),
    ("Price per unit (inc VAT)", "£1,546.80", "£1,254.00", "£1,646.40"),
    ("Lead time from order", "10 working days", "5 working days", "3 weeks"),
    ("Trial score (out of 10)", "8.6", "7.4", "8.1"),
]


def laptop_doc(path: Path) -> None:
    doc = Document()
    fix_core(doc, "Laptop refresh 2027: shortlist comparison", "Nikhil Sharma")
    doc.add_heading("Laptop refresh 2027 — shortlist comparison", level=0)
    doc.add_paragraph("Calder & Pike LLP · IT Services · prepared by Nikhil Sharma, IT Manager · 16 November 2026")
    doc.add_paragraph(
        "Our current fleet of Lenovo ThinkPad T490 laptops reaches the end of its warranty in March 2027 and will "
        "not receive Windows 11 feature updates on its present hardware. The Partners approved a budget of £55,000 "
        "(ex VAT) in September to replace 42 laptops. We asked our reseller, Northpoint Technology, for quotes on "
        "three business 14-inch models and ran each one for two weeks with volunteers from the property, family "
        "and litigation teams. The table compares the configurations we were quoted.")
    doc.add_heading("Specification comparison", level=2)
    docx_table(doc, ["Specification"] + LAPTOP_MODELS, [list(r) for r in LAPTOP_SPECS])
    doc.add_paragraph(
        "Battery figures: the manufacturer's claim is the vendor's own figure. Our office test ran a scripted loop "
        "of Outlook, Teams video calls, Word and the case management system in a browser at 50% screen brightness "
        "until the laptop shut down. Trial scores are the average of the volunteers' overall ratings out of 10.")
    doc.add_heading("Recommendation", level=2)
    doc.add_paragraph(
        "We recommend the Lenovo ThinkPad T14s Gen 6 as the standard laptop for fee-earners. It was the lightest "
        "machine, scored best with the volunteers, and has twice the storage of the other two, which matters for "
        "staff who keep large bundles offline for court. Its memory cannot be upgraded later, but 32 GB should be "
        "enough for the four-year life we plan for.")
    doc.add_paragraph(
        "For reception, secretarial and accounts staff we recommend the Dell Latitude 7450, which is the cheapest "
        "option and is available fastest. The HP EliteBook 840 G11 lasted longest in our battery test, but it is "
        "the most expensive and heaviest of the three and its three-week lead time would push the roll-out past "
        "the Christmas change freeze.")
    doc.add_paragraph(
        "Proposed order: 30 ThinkPad T14s Gen 6 and 12 Latitude 7450, a total of £51,210 ex VAT (£61,452 inc VAT), "
        "which is within the approved budget. Docking stations and monitors will be re-used. Subject to the "
        "Partners' approval on 24 November 2026, the roll-out would run floor by floor from 11 January 2027.")
    doc.save(path)


# ---------------------------------------------------------------------------------------------------------------
# 6. it-asset-register.csv
# ---------------------------------------------------------------------------------------------------------------

ASSETS = [
    ["Asset Tag", "Device Type", "Model", "Serial Number", "Assigned To", "Department", "Purchase Date",
     "Warranty End", "Status", "Notes"],
    ["IT-0101", "Laptop", "Lenovo ThinkPad T14 Gen 3", "PF3K7Q21", "Sarah Whitfield", "Finance", "14/03/2023",
     "13/03/2026", "In use", "Battery replaced 02/2025; out of warranty, due for replacement"],
    ["IT-0102", "Laptop", "Lenovo ThinkPad T14 Gen 3", "PF3K7Q38", "Daniel Osei", "Sales", "14/03/2023",
     "13/03/2026", "In use", ""],
    ["IT-0104", "Laptop", "Lenovo ThinkPad T14 Gen 3", "PF3K7R02", "Grace Mwangi", "Operations", "14/03/2023",
     "13/03/2026", "In use", ""],
    ["IT-0107", "Desktop", "Dell OptiPlex 7010 SFF", "8QZ4HM3", "Reception (shared)", "Front of House",
     "02/05/2023", "01/05/2026", "In use", "Reception PC, auto-login as RECEPTION01"],
    ["IT-0109", "Monitor", "Dell P2423D", "CN-0KX2T4-74261", "Reception (shared)", "Front of House", "02/05/2023",
     "01/05/2026", "In use", ""],
    ["IT-0112", "Laptop", "Dell Latitude 5440", "5MWQ9Y3", "Oliver Brandt", "Finance", "21/08/2023", "20/08/2026",
     "In use", "Warranty expired, extension not bought"],
    ["IT-0115", "Monitor", "Dell U2724D", "CN-0G6X3D-11893", "Tomasz Nowak", "Design", "09/11/2023", "08/11/2026",
     "In use", ""],
    ["IT-0118", "Laptop", "Apple MacBook Pro 14in M3", "C02ZK1LMQ6N1", "Tomasz Nowak", "Design", "09/11/2023",
     "08/11/2026", "In use", "AppleCare+, renewal quote requested"],
    ["IT-0121", "Mobile phone", "Samsung Galaxy A55", "R58W31KZ9PA", "Hannah Brooks", "Sales", "15/01/2024",
     "14/01/2026", "In use", "Number 07700 900612"],
    ["IT-0123", "Mobile phone", "Samsung Galaxy A55", "R58W31KZ9QF", "Daniel Osei", "Sales", "15/01/2024",
     "14/01/2026", "In use", "Number 07700 900618"],
    ["IT-0126", "Tablet", "Apple iPad (10th generation)", "GQ7HX2P9VL", "Meeting Room 2", "Operations",
     "30/01/2024", "29/01/2025", "In use", "Room booking panel, wall-mounted"],
    ["IT-0131", "Laptop", "Dell Latitude 5440", "7DKT4Z3", "", "IT", "12/02/2024", "11/02/2027", "Spare",
     "Reimaged 12/09/2026, ready for new starter"],
    ["IT-0138", "Laptop", "Lenovo ThinkPad T14 Gen 4", "PF4M2A11", "Lucy Hartigan", "Marketing", "20/02/2024",
     "19/02/2027", "In use", ""],
    ["IT-0142", "Laptop", "Lenovo ThinkPad T14 Gen 4", "PF4M2A57", "Amira Haddad", "HR", "20/02/2024",
     "19/02/2027", "In use", "Docking station IT-0143 at her desk"],
    ["IT-0143", "Docking station", "Lenovo ThinkPad Universal USB-C Dock", "ZK3P0148", "Amira Haddad", "HR",
     "20/02/2024", "19/02/2027", "In use", ""],
    ["IT-0147", "Laptop", "Lenovo ThinkPad T14 Gen 4", "PF4M2B09", "Ben Adeyemi", "IT", "20/02/2024",
     "19/02/2027", "Repair", "Cracked screen, sent to Lenovo depot 18/11/2026, ticket 88213"],
    ["IT-0150", "Printer", "HP Color LaserJet Pro MFP 4302fdw", "CNBRS4K1Q7", "Shared, 2nd floor", "Operations",
     "04/04/2024", "03/04/2027", "In use", "Toner ordered 25/11/2026"],
    ["IT-0153", "Laptop", "Apple MacBook Air 13in M3", "FVFZ81TQ0D6", "Chloe Fernandes", "Marketing",
     "17/06/2024", "16/06/2025", "In use", ""],
    ["IT-0158", "Laptop", "Lenovo ThinkPad T14 Gen 5", "PF5B1C34", "Rhys Pritchard", "Sales", "02/09/2024",
     "01/09/2027", "Lost", "Reported lost on a train 03/10/2026; remote wipe completed, police ref. CAD 4471"],
    ["IT-0160", "Laptop", "Lenovo ThinkPad T14 Gen 5", "PF5B1C52", "Grace Mwangi", "Operations", "02/09/2024",
     "01/09/2027", "In stock", "Replacement for IT-0104, to be swapped in December"],
    ["IT-0162", "Desktop", "Dell OptiPlex 7010 SFF", "3RL8HM3", "", "IT", "02/05/2023", "01/05/2026", "Disposed",
     "Motherboard failed; WEEE disposal via GreenCycle, certificate on file"],
    ["IT-0165", "Mobile phone", "Apple iPhone 15", "F2LZQ0X9N7", "Martin Kowalski", "Directors", "10/10/2024",
     "09/10/2025", "In use", "Number 07700 900631"],
    ["IT-0167", "Laptop", "Lenovo ThinkPad X1 Carbon Gen 12", "PF5X7D20", "Martin Kowalski", "Directors",
     "10/10/2024", "09/10/2027", "In use", "Managing Director, priority support"],
    ["IT-0171", "Headset", "Jabra Evolve2 65", "", "Hannah Brooks", "Sales", "06/01/2025", "05/01/2027", "In use",
     ""],
    ["IT-0174", "Laptop", "Dell Latitude 5450", "9HQN2B4", "Priyanka Shah", "Finance", "03/03/2025", "02/03/2028",
     "In use", "New starter, set up by Ben Adeyemi"],
    ["IT-0176", "Network switch", "Netgear GS728TP", "6LQ1975K00A12", "Comms cupboard, 1st floor", "IT",
     "19/05/2025", "18/05/2030", "In use", "PoE for desk phones, 24 ports"],
]


def assets_csv() -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(ASSETS)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------------------------
# 7. conference-schedule.xlsx
# ---------------------------------------------------------------------------------------------------------------

DAY1 = [
    ("08:30", "09:15", "Atrium", "Registration, coffee and exhibition", "", ""),
    ("09:15", "09:30", "Main Hall", "Welcome and opening remarks", "Fiona Carmichael", "Northern Data Network"),
    ("09:30", "10:15", "Main Hall", "Keynote: What a decade of open data taught us", "Dr Samuel Adeyemi",
     "Open Cities Institute"),
    ("10:15", "10:45", "Atrium", "Coffee break", "", ""),
    ("10:45", "11:30", "Aire Suite", "Building a data platform on a council budget", "Rachel Kowalski",
     "West Riding Shared Services"),
    ("10:45", "11:30", "Calder Room", "Workshop: Practical dbt for analysts", "Luca Benedetti", "Fernway Analytics"),
    ("11:30", "12:15", "Aire Suite", "Forecasting hospital bed demand with open tools", "Dr Aisha Rahman",
     "Yorkshire Health Partnership"),
    ("11:30", "12:15", "Calder Room", "Panel: Data ethics when the budget is tight", "Jonathan Pryor (chair)",
     "Pryor Ethics Consulting"),
    ("12:15", "13:15", "Atrium", "Lunch", "", ""),
    ("13:15", "14:00", "Main Hall", "Keynote: Small models, big savings", "Ingrid Solberg", "Nordlys AI, Oslo"),
    ("14:00", "14:45", "Aire Suite", "From spreadsheets to pipelines: a retailer's journey", "Marcus Thornton",
     "Hebden Home & Garden"),
    ("14:00", "14:45", "Wharfe Room", "Lightning talks (five 8-minute talks)", "Various", ""),
    ("14:45", "15:15", "Atrium", "Coffee break", "", ""),
    ("15:15", "16:00", "Aire Suite", "Measuring what matters in the voluntary sector", "Owen Llewellyn",
     "Third Sector Data Cymru"),
    ("15:15", "16:00", "Calder Room", "Workshop: Geospatial analysis with DuckDB", "Priya Desai", "Geomatic Labs"),
    ("16:00", "16:30", "Main Hall", "Day 1 close and announcements", "Fiona Carmichael", "Northern Data Network"),
]
DAY2 = [
    ("08:45", "09:15", "Atrium", "Coffee and exhibition", "", ""),
    ("09:15", "10:00", "Main Hall", "Keynote: The state of data skills in the North", "Professor Helen Okonjo",
     "University of the Dales"),
    ("10:00", "10:45", "Aire Suite", "Privacy-preserving record linkage", "Dr Tomasz Lewandowski",
     "Office for Regional Statistics"),
    ("10:00", "10:45", "Calder Room", "Workshop: Dashboards people actually use", "Beatriz Moreno",
     "Clearline Consulting"),
    ("10:45", "11:15", "Atrium", "Coffee break", "", ""),
    ("11:15", "12:00", "Aire Suite", "Real-time bus data for franchising", "Gareth Pilling",
     "Pennine Transport Authority"),
    ("11:15", "12:00", "Wharfe Room", "Careers clinic (drop-in)", "Sophie Grant", "Northern Data Network"),
    ("12:00", "13:00", "Atrium", "Lunch", "", ""),
    ("13:00", "13:45", "Main Hall", "Panel: AI in the public sector, hype or help?", "Fiona Carmichael (chair)",
     "Northern Data Network"),
    ("13:45", "14:30", "Calder Room", "Workshop: Testing your data pipelines", "Luca Benedetti",
     "Fernway Analytics"),
    ("13:45", "14:30", "Aire Suite", "What the census did not count", "Nadia Hussain",
     "Office for Regional Statistics"),
    ("14:30", "15:15", "Main Hall", "Closing keynote: Data for the many", "Kwame Mensah", "Civic Data Trust"),
    ("15:15", "15:30", "Main Hall", "Prize draw and close", "Fiona Carmichael", "Northern Data Network"),
]
ROOMS = [
    ("Main Hall", "Ground", 450, "Theatre style; hearing loop; live captions on the side screens"),
    ("Aire Suite", "First", 120, "Theatre style; hearing loop"),
    ("Calder Room", "First", 60, "Cabaret tables for workshops; bring a laptop"),
    ("Wharfe Room", "Second", 40, "Step-free access via lift B"),
    ("Atrium", "Ground", None, "Catering, registration and exhibition stands (standing)"),
]


def to_time(hhmm: str) -> dt.time:
    h, m = map(int, hhmm.split(":"))
    return dt.time(h, m)


def day_sheet(ws, heading: str, sessions, footer: list[str]) -> None:
    ws["A1"] = heading
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Northern Data & Analytics Summit 2027 · Pennine Conference Centre, Leeds"
    header = ["Start", "End", "Room", "Session", "Speaker", "Organisation"]
    ws.append([])
    ws.append(header)
    for cell in ws[4]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
    for start, end, room, title, speaker, org in sessions:
        ws.append([to_time(start), to_time(end), room, title, speaker or None, org or None])
        row = ws.max_row
        ws.cell(row, 1).number_format = "hh:mm"
        ws.cell(row, 2).number_format = "hh:mm"
    ws.append([])
    for line in footer:
        ws.append([line])
    for col, width in zip("ABCDEF", (8, 8, 14, 52, 26, 32)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A5"


def conference_book(path: Path) -> None:
    wb = Workbook()
    wb.properties.creator = "Northern Data Network"
    wb.properties.created = wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "Day 1"
    day_sheet(ws, "Day 1 — Wednesday 10 March 2027", DAY1,
              ["Lunch and coffee are served in the Atrium. Workshops in the Calder Room are limited to 60 places "
               "and must be booked in advance through the attendee app.",
               "Session times may change; the attendee app always has the latest schedule."])
    ws = wb.create_sheet("Day 2")
    day_sheet(ws, "Day 2 — Thursday 11 March 2027", DAY2,
              ["Cloakroom closes at 16:00 on Day 2. Certificates of attendance (CPD) are emailed within a week.",
               "The careers clinic is a drop-in session; no booking needed."])
    ws = wb.create_sheet("Rooms")
    ws.append(["Room", "Floor", "Capacity", "Notes"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for room in ROOMS:
        ws.append(list(room))
    ws.append([])
    ws.append(["Capacity is the venue's fire-safety limit for the layout shown."])
    for col, width in zip("ABCD", (14, 10, 10, 60)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2, max_row=6):
        row[2].alignment = Alignment(horizontal="right")
    wb.save(path)


# ---------------------------------------------------------------------------------------------------------------
# 8. membership-fees.txt
# ---------------------------------------------------------------------------------------------------------------

MEMBERSHIP = """\
HARTWELL LAWN TENNIS & SQUASH CLUB
Membership fees 2026/27  (membership year 1 April 2026 to 31 March 2027)
Approved by the General Committee on 9 February 2026

Hartwell LTSC has eight floodlit tennis courts (four artificial clay, four hard), three glass-backed squash courts
and a clubhouse with a bar. All categories below include LTA registration for tennis members and England Squash
affiliation for squash members. Ages are taken on 1 April 2026.

Category           Eligibility                   Annual fee   Monthly (DD)   Joining fee
-------------------------------------------------------------------------------------------
Full adult         aged 23 to 64                  £540.00       £47.50         £75.00
Young adult        aged 18 to 22                  £295.00       £26.00         £40.00
Junior             aged 8 to 17                   £160.00       £14.00         none
Mini               under 8                         £85.00       annual only    none
Senior             aged 65 and over               £410.00       £36.00         £75.00
Family             2 adults + up to 3 juniors   £1,120.00       £98.00        £120.00
Off-peak adult     weekdays before 16:00          £360.00       £31.50         £40.00
Squash only        aged 18 and over               £320.00       £28.00         £40.00
Country            lives 25+ miles away           £270.00       £24.00         £40.00
Social             aged 18 and over, no play       £60.00       annual only    none
-------------------------------------------------------------------------------------------

Monthly (DD) is the amount of each of twelve monthly Direct Debit payments. Paying monthly costs more over the
year than paying the annual fee in one go.


OTHER CHARGES

Item                                   Members      Notes
--------------------------------------------------------------------------------
Guest fee (playing with a member)      £8.00        per guest per visit; max 6 visits a year per guest
Floodlights, tennis                    £4.00        per court per hour, paid at the court meter
Squash court, tennis-only members      £6.00        per 40-minute booking
Locker hire                            £25.00       per year, subject to availability
Replacement door fob                   £10.00
--------------------------------------------------------------------------------


JOINING FEES

The joining fee is a one-off payment made when you first join. It is not charged again if you renew without a
break. If your membership lapses for more than twelve months you pay the joining fee again. Joining fees are waived
for anyone who joins at our Open Weekend on 12-13 September 2026. A member who moves from Junior to Young adult, or
from Young adult to Full adult, does not pay a joining fee.


DISCOUNTS

- Pay in full by 30 April 2026 and receive a 5% early-payment discount on the annual fee (not on joining fees).
- Full-time students aged 23 to 25 may join as Young adult members; please show a valid student card.
- A second and any further separate membership in the same household receive 10% off the annual or monthly fee.
  This does not apply on top of the Family rate.
- Discounts cannot be combined, except that the early-payment discount may be added to the household discount.


PAYMENT DATES

Annual fees are due on 1 April 2026. Direct Debits are collected on the 1st of each month from April to March
(twelve payments). New members joining part-way through the year pay a pro-rata fee for the remaining whole months
plus the joining fee. If a payment is more than 30 days overdue, court booking is suspended until the account is
brought up to date. Members who wish to resign must give one month's notice in writing to the Membership Secretary;
Direct Debit members remain liable for the months until the notice ends.

Membership Secretary: Alan Whitcombe, membership@hartwellltsc.org.uk
"""


def normalise_zip(path: Path) -> None:
    """Rewrite an Office file's zip with fixed entry times, so that its bytes do not depend on the day it was made."""
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":  # openpyxl stamps the save time as "modified"
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + STAMP.encode(), data)
            info = zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "league-table-2025.md").write_text(LEAGUE, encoding="utf-8")
    (OUT / "clinic-fees.html").write_text(CLINIC, encoding="utf-8")
    (OUT / "bus-timetable-route-42.html").write_text(bus_page(), encoding="utf-8")
    grants_doc(OUT / "grant-awards-2026.docx")
    laptop_doc(OUT / "laptop-comparison.docx")
    with open(OUT / "it-asset-register.csv", "w", encoding="utf-8", newline="") as f:
        f.write(assets_csv())
    conference_book(OUT / "conference-schedule.xlsx")
    (OUT / "membership-fees.txt").write_text(MEMBERSHIP, encoding="utf-8")
    for name in ("grant-awards-2026.docx", "laptop-comparison.docx", "conference-schedule.xlsx"):
        normalise_zip(OUT / name)
    for path in sorted(OUT.iterdir()):
        print(f"{path.name:32s} {path.stat().st_size:7d} bytes")


if __name__ == "__main__":
    main()
