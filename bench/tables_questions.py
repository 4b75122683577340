"""Questions on bench/tables/: written by a helper blind to briefbot (held out)."""
from releases_questions import in_blocks_of_five

# (file, question, phrases a right answer holds, short answer or None)
# How cells display: conference-schedule.xlsx holds real time values in its Start and End columns, formatted "hh:mm"
# (so Excel shows "10:45", "13:45"); the Rooms sheet's capacities are plain integers (General, "60"). Every other
# cell in every file is text. The two HTML pages' phrases are the text of the page body with entities decoded
# ("Ashby Park & Ride"). The CSV's phrases are parsed cells (no quotes). The Markdown and the plain-text table are
# taken as they are. Phrases are case-sensitive for bench/tables_verify.py.
QUESTIONS: list[tuple[str, str, list[str], str | None]] = [
    # league-table-2025.md
    ("league-table-2025.md", "who won the league",
     ["Hollins Park Rangers"], "Hollins Park Rangers"),
    ("league-table-2025.md", "How many goals did Kingsmead Wanderers concede?",  # GA column
     ["30"], "30"),
    ("league-table-2025.md", "why did canal street rovers have points taken off them",  # footnote
     ["fielding an unregistered player"], None),
    ("league-table-2025.md", "Who scored the most goals in all competitions?",  # Total, not League goals
     ["Kieran Walsh"], "Kieran Walsh"),
    ("league-table-2025.md", "which teams go down",
     ["Westgate Saints", "Dunmore Town Reserves"], "Westgate Saints and Dunmore Town Reserves"),
    # clinic-fees.html
    ("clinic-fees.html", "how much is a 45 min sports massage",
     ["£56.00"], "£56.00"),
    ("clinic-fees.html", "What time do you close on Thursdays?",
     ["19:00"], "19:00"),
    ("clinic-fees.html", "what do you charge if i just don't turn up",  # prose
     ["charged the full fee"], "the full fee"),
    ("clinic-fees.html", "Which treatment is the most expensive?",
     ["Video gait analysis"], "Video gait analysis"),
    ("clinic-fees.html", "do students get a discount",  # small print under the table
     ["10% discount on follow-up treatments and sports massage"], "10%"),
    # bus-timetable-route-42.html
    ("bus-timetable-route-42.html", "whats the saturday first bus from the station",
     ["07:15"], "07:15"),
    ("bus-timetable-route-42.html", "What time does the 07:42 from Northgate get to the Royal Infirmary?",
     ["07:52"], "07:52"),
    ("bus-timetable-route-42.html", "how much is a child day rider",
     ["£2.70"], "£2.70"),
    ("bus-timetable-route-42.html", "does the 8:15 from Northgate run in the school holidays",  # the Sch footnote
     ["do not run during Wyvern Valley school holidays"], "No"),
    ("bus-timetable-route-42.html", "When does the last Saturday bus get to Ashby Park & Ride?",
     ["18:46"], "18:46"),
    # grant-awards-2026.docx
    ("grant-awards-2026.docx", "what did the Riverside food bank get",
     ["£4,850"], "£4,850"),
    ("grant-awards-2026.docx", "Who was grant NG26-018 awarded to?",
     ["Ashgrove Dementia Carers' Network"], "Ashgrove Dementia Carers' Network"),
    ("grant-awards-2026.docx", "why was Mosaic Arts Collective turned down",
     ["no bank statement or safeguarding policy supplied"], None),
    ("grant-awards-2026.docx", "Which organisation received the biggest grant?",
     ["Castle Hill Youth Club"], "Castle Hill Youth Club"),
    ("grant-awards-2026.docx", "when is the deadline for round 2",  # panel commentary
     ["closes at noon on 10 July 2026"], "noon on 10 July 2026"),
    # laptop-comparison.docx
    ("laptop-comparison.docx", "which laptop is lightest",
     ["ThinkPad T14s"], "Lenovo ThinkPad T14s Gen 6"),
    ("laptop-comparison.docx", "how much RAM does the Dell have",
     ["16 GB"], "16 GB"),
    ("laptop-comparison.docx", "What does the HP cost per unit including VAT?",  # inc VAT row, not ex VAT
     ["£1,646.40"], "£1,646.40"),
    ("laptop-comparison.docx", "Which laptop lasted longest in our own battery test?",  # not the vendor's claim
     ["EliteBook 840 G11"], "HP EliteBook 840 G11"),
    ("laptop-comparison.docx", "how much will the proposed laptop order cost altogether",  # recommendation prose
     ["£51,210"], "£51,210 ex VAT"),
    # it-asset-register.csv
    ("it-asset-register.csv", "who has laptop IT-0142",
     ["Amira Haddad"], "Amira Haddad"),
    ("it-asset-register.csv", "When does the warranty on Tomasz Nowak's MacBook run out?",
     ["08/11/2026"], "08/11/2026"),
    ("it-asset-register.csv", "have we got a spare laptop for a new starter",
     ["IT-0131"], "IT-0131"),
    ("it-asset-register.csv", "what happened to IT-0158",
     ["Reported lost on a train"], None),
    ("it-asset-register.csv", "What's the serial number of the reception PC?",
     ["8QZ4HM3"], "8QZ4HM3"),
    # conference-schedule.xlsx
    ("conference-schedule.xlsx", "what time is the dbt workshop",
     ["10:45"], "10:45"),  # a time cell, "hh:mm"
    ("conference-schedule.xlsx", "Who is giving the keynote after lunch on day 1?",
     ["Ingrid Solberg"], "Ingrid Solberg"),
    ("conference-schedule.xlsx", "where's the careers clinic and what floor is it on",  # Day 2 + Rooms sheets
     ["Wharfe Room"], "Wharfe Room, second floor"),
    ("conference-schedule.xlsx", "How many people does the Calder Room hold?",  # Rooms sheet
     ["60"], "60"),
    ("conference-schedule.xlsx", "When is Luca Benedetti's workshop on the second day?",  # he also speaks on Day 1
     ["13:45"], "13:45"),  # a time cell, "hh:mm"
    # membership-fees.txt
    ("membership-fees.txt", "how much is junior membership per year",
     ["£160.00"], "£160.00"),
    ("membership-fees.txt", "What's the monthly direct debit for a senior member?",  # Monthly (DD), not Annual
     ["£36.00"], "£36.00"),
    ("membership-fees.txt", "when do the direct debits come out",
     ["collected on the 1st of each month"], "the 1st of each month"),
    ("membership-fees.txt", "Which membership category is the most expensive?",
     ["Family"], "Family"),
    ("membership-fees.txt", "is there a discount for paying the whole year up front",
     ["5% early-payment discount"], "5%"),
]

UNANSWERABLE: list[str] = [
    # league-table-2025.md
    "Where did Hollins Park Rangers finish in the 2023-24 season?",
    "Which clubs are coming up from Division One?",  # to be confirmed at the AGM
    "What was the score when Hollins Park Rangers played Eastbrook Athletic?",
    "How many yellow cards did Canal Street Rovers get this season?",  # only St Aidan's count is given
    "Who is the manager of Eastbrook Athletic?",
    # clinic-fees.html
    "Is there parking at the Elmfield clinic?",
    "how much is a 90 minute sports massage",  # only 30, 45 and 60 min
    "How much did an initial physio assessment cost at Elmfield in 2025?",
    "Which physiotherapist does the acupuncture at Elmfield?",
    "How much is a hydrotherapy session at Elmfield?",
    # bus-timetable-route-42.html
    "what time is the first 42 on a Sunday",
    "What time does the 42 stop at Westfield Retail Park?",
    "When is the last weekday bus back from Ashby Park & Ride to Northgate?",  # only one direction is shown
    "How much is an adult annual ticket for route 42?",
    "Do route 42 buses have free Wi-Fi?",
    # grant-awards-2026.docx
    "How much did Riverside Food Bank get from the Kelsey Vale fund in 2025?",
    "Who else sat on the Neighbourhood Grants panel besides the chair?",
    "Which eight applications were deferred to Round 2?",
    "What is the contact email for Hope Street Refugee Welcome?",
    "When is the closing date for Round 3 of the Neighbourhood Grants?",
    # laptop-comparison.docx
    "Does the Dell Latitude 7450 have a fingerprint reader?",
    "What graphics card is in the ThinkPad T14s Gen 6?",
    "How much would the ThinkPad T14s cost with 64 GB of RAM?",
    "What's the battery capacity in Wh of the HP EliteBook 840 G11?",
    "How much did Calder & Pike's last laptop refresh cost?",
    # it-asset-register.csv
    "who is IT-0145 assigned to",  # between listed tags, not itself listed
    "How much did laptop IT-0142 cost?",
    "What is Amira Haddad's phone number?",
    "What's the IP address of the second-floor printer?",
    "Which version of Windows is on Sarah Whitfield's laptop?",
    # conference-schedule.xlsx
    "What is Ingrid Solberg's email address?",
    "How many people can the Ridings Suite hold?",
    "What's on in the Main Hall on day 3 of the summit?",
    "How much is a ticket for the Northern Data & Analytics Summit?",
    "Where is the summit's conference dinner?",
    # membership-fees.txt
    "How much was full adult membership at Hartwell in 2025/26?",
    "How much do tennis coaching lessons cost at Hartwell?",
    "What's the fee for corporate membership at Hartwell?",
    "How much does it cost to hire the Hartwell clubhouse for a party?",
    "How many members does Hartwell Lawn Tennis & Squash Club have?",
]
# Which document each unanswerable question is about (for bench/tables_verify.py only).
UNANSWERABLE_FILE: dict[str, str] = in_blocks_of_five(
    ["league-table-2025.md", "clinic-fees.html", "bus-timetable-route-42.html", "grant-awards-2026.docx",
     "laptop-comparison.docx", "it-asset-register.csv", "conference-schedule.xlsx", "membership-fees.txt"],
    UNANSWERABLE,
)
