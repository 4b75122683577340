"""Questions on bench/decks/: written by a helper blind to briefbot (held out)."""
from releases_questions import in_blocks_of_five

# (file, question, phrases a right answer holds, short answer or None)
# Spreadsheet phrases are cells as Excel displays them under their number formats: currency "£#,##0" and '"$"#,##0',
# percent "0.0%" and "0.00%". Date cells (formatted "dd mmm yyyy" or "mmm yyyy"): the Keystone milestone and review
# dates and the sales months; only one phrase depends on one ("18 Dec 2026", a review date on the risk register). The
# other dates asked about ("6 March 2027", "9 November 2026", "12 January 2027") are text in a cell, slide or CSV.
# The semicolon CSV writes amounts with decimal commas ("412,80", "1.186,50").
QUESTIONS: list[tuple[str, str, list[str], str | None]] = [
    ("marketing-budget-2025.xlsx", "how much did we spend on events in Q3",
     ["£48,250"], "£48,250"),
    ("marketing-budget-2025.xlsx", "What was the total marketing spend for the full year 2025?",
     ["£1,087,750"], "£1,087,750"),
    ("marketing-budget-2025.xlsx", "who owns the TV and video budget line and how big was its budget",
     ["Harriet Oyelaran", "£250,000"], "Harriet Oyelaran"),
    ("marketing-budget-2025.xlsx", "Did paid search come in over or under budget, and by how much?",
     ["£186,250", "£6,250"], "£6,250"),
    ("marketing-budget-2025.xlsx", "who signed off the overspend on paid search",  # Notes & assumptions sheet
     ["Daniel Achterberg"], "Daniel Achterberg"),
    ("project-keystone-tracker.xlsx", "Who owns the data quality risk on Keystone and when is it next reviewed?",
     ["Tomasz Nowicki", "18 Dec 2026"], "Tomasz Nowicki"),  # review date: a date cell, "dd mmm yyyy"
    ("project-keystone-tracker.xlsx", "how many sev 1 defects are still open in SIT",
     ["3 severity 1"], "3"),
    ("project-keystone-tracker.xlsx", "When is Keystone now expected to go live?",
     ["6 March 2027"], "6 March 2027"),
    ("project-keystone-tracker.xlsx", "how much of the contingency have change requests used up so far",
     ["£42,300", "£60,000"], "£42,300"),
    ("project-keystone-tracker.xlsx", "What score makes a risk red on the Keystone register?",  # Key sheet
     ["Score 15 or above"], "15 or above"),
    ("sales-kpis-fy2025.xlsx", "pacific northwest revenue q3",
     ["$436,900"], "$436,900"),
    ("sales-kpis-fy2025.xlsx", "How did the Midwest do against its sales target for 2025?",
     ["94.1%"], "94.1%"),
    ("sales-kpis-fy2025.xlsx", "What was the conversion rate in November 2025?",  # the month is a date cell
     ["3.42%"], "3.42%"),
    ("sales-kpis-fy2025.xlsx", "gross margin this year vs last year",
     ["48.6%", "47.9%"], "48.6%"),
    ("sales-kpis-fy2025.xlsx", "Who manages the Southeast region and what did it bring in over the year?",
     ["Marcus Ellery", "$2,283,100"], "Marcus Ellery"),
    ("staff-directory.csv", "whats joanna whitlock's mobile",
     ["07700 900418"], "07700 900418"),
    ("staff-directory.csv", "What is the email address of the head of procurement?",
     ["declan.oshea@fenwickmarsh.co.uk"], "declan.oshea@fenwickmarsh.co.uk"),
    ("staff-directory.csv", "who does Ines Duarte report to",
     ["Owen Trelawny"], "Owen Trelawny"),
    ("staff-directory.csv", "Which office is Callum Reid based in?",
     ["Bristol, Temple Quay"], "Bristol"),
    ("staff-directory.csv", "Who is covering for Eleanor Vasquez while she's on parental leave, and until when?",
     ["cover: Tobias Leng", "12 January 2027"], "Tobias Leng"),  # the one multi-line cell
    ("expense-claims-oct-nov-2026.csv", "how much was Sanne's hotel in Lyon",
     ["412,80"], "412,80"),
    ("expense-claims-oct-nov-2026.csv", "Who approved expense claim EXP-2026-0417?",
     ["Katrin Hofmann"], "Katrin Hofmann"),
    ("expense-claims-oct-nov-2026.csv", "why was jonas eriksen's taxi claim rejected",
     ["No receipt attached"], None),
    ("expense-claims-oct-nov-2026.csv", "What did the team dinner at De Kas cost?",
     ["1.186,50"], "1.186,50"),
    ("expense-claims-oct-nov-2026.csv", "How much was Jonas's Stockholm hotel in euros?",
     ["213,15"], "213,15"),
    ("qbr-q3-2026-emea-customer-success.pptx", "what was NRR in Q3",
     ["108%"], "108%"),
    ("qbr-q3-2026-emea-customer-success.pptx", "What was the median first response time in Q3, and how does it compare "
     "with Q2?", ["1h 55m", "2h 40m"], "1h 55m"),
    ("qbr-q3-2026-emea-customer-success.pptx", "is Tervo Logistics likely to come back as a customer",  # notes only
     ["they would come back once their warehouse consolidation finishes"], None),
    ("qbr-q3-2026-emea-customer-success.pptx", "What was decided about named CSM coverage?",
     ["accounts over €250k ARR move to named CSM coverage from 1 January 2027"], None),
    ("qbr-q3-2026-emea-customer-success.pptx", "which customers did we lose in q3",
     ["Tervo Logistics and Barnaby & Webb"], "Tervo Logistics and Barnaby & Webb"),
    ("project-lantern-kickoff.pptx", "who's the vendor on Project Lantern",
     ["Corvex Systems"], "Corvex Systems"),
    ("project-lantern-kickoff.pptx", "When does the Wakefield site go live on the new WMS?",
     ["9 November 2026"], "9 November 2026"),
    ("project-lantern-kickoff.pptx", "what pick accuracy are we aiming for",
     ["99.6%"], "99.6%"),
    ("project-lantern-kickoff.pptx", "Is the Belfast cross-dock part of Lantern?",
     ["Belfast cross-dock (moves in phase 2, 2027)"], "No"),
    ("project-lantern-kickoff.pptx", "What happens if we miss the Wakefield go-live date?",  # notes only
     ["Wakefield waits until February"], None),
    ("new-starter-induction.pptx", "how many days holiday do we get",
     ["27 days holiday plus bank holidays"], "27 days"),
    ("new-starter-induction.pptx", "What's the hotel limit for a night in London?",
     ["£180 in London"], "£180"),
    ("new-starter-induction.pptx", "who is the data protection officer",
     ["Martin Ekwueme"], "Martin Ekwueme"),
    ("new-starter-induction.pptx", "How long do new starters have to finish the security e-learning?",
     ["within 5 working days"], "5 working days"),
    ("new-starter-induction.pptx", "how many people clicked the link in the last phishing test",  # notes only
     ["23% of people clicked the link"], "23%"),
]

UNANSWERABLE: list[str] = [
    "What was the marketing budget for 2024?",
    "How much did marketing spend on paid search in Q1 2026?",
    "What is the total FY2026 marketing budget?",
    "How much do Callender & Rowe's marketing staff salaries cost?",
    "How much did the stand at the Speciality & Fine Food Fair cost on its own?",
    "What is the total budget for Project Keystone?",
    "Who is Tideway's solution architect on Keystone?",
    "What percentage of customer records failed validation in trial load 2?",
    "How many branches does Halloway Building Supplies have?",
    "How much will the six-month Sage 200 support extension cost?",
    "What is Orrin Outdoor's sales target for FY2026?",
    "What commission rate is proposed for the sales team in 2026?",  # only the hidden sheet says
    "How much bonus did Kayla Brennan get for 2025?",  # only the hidden sheet says
    "What was Orrin's revenue in Canada in 2025?",
    "What was the conversion rate in January 2026?",
    "What is Hannah Kowalczyk's phone number?",
    "Who is the HR director at Fenwick Marsh?",
    "What is the main reception number for the Leeds office?",
    "How much does a graduate engineer at Fenwick Marsh earn?",
    "When does Harriet Doyle's replacement start?",
    "What is the daily meal allowance for business trips?",
    "How much did Pieter Jansen spend on his hotel in Munich?",
    "On what date was claim EXP-2026-0388 paid out?",
    "What is Jonas Eriksen's employee number?",
    "How much did the company spend on flights in 2025?",
    "What was net revenue retention in Q4 2026?",
    "What was CSAT in Q1 2026?",
    "How much ARR did Barnaby & Webb represent?",
    "What does the EMEA customer success team cost per quarter?",  # only the hidden backup slide says
    "Who are the two new CSMs joining the DACH team?",
    "How much is the Corvex Systems annual licence fee?",
    "Who is the goods-in process owner at Daventry?",
    "How many staff work at the Wakefield distribution centre?",
    "Which system will replace the transport management software?",
    "What contingency does Project Lantern have on top of its budget?",
    "How much does Quaystone put into my pension?",
    "How many days a week can I work from home?",
    "What is the notice period during probation?",
    "Is there a cycle to work scheme?",
    "What's the guest Wi-Fi password?",
]
# Which document each unanswerable question is about (for bench/decks_verify.py only).
UNANSWERABLE_FILE: dict[str, str] = in_blocks_of_five(
    ["marketing-budget-2025.xlsx", "project-keystone-tracker.xlsx", "sales-kpis-fy2025.xlsx",
     "staff-directory.csv", "expense-claims-oct-nov-2026.csv", "qbr-q3-2026-emea-customer-success.pptx",
     "project-lantern-kickoff.pptx", "new-starter-induction.pptx"],
    UNANSWERABLE,
)
