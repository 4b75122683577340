"""Questions on bench/docx/: written on 2 Dec 2026 by a helper blind to briefbot (held out).
Documents are built by bench/docx_sources/build.py; bench/docx_sources/verify.py checks every phrase.
Conventions:
- Visible text = every w:t in document order: body paragraphs, table cells, headers, footers, footnotes,
  text boxes and content controls (w:sdt); w:instrText (field codes) and comments.xml are not visible text;
  a complex field counts by its result text; hyperlinks by their display text.
- Tracked changes (expenses-policy.docx) are read as ACCEPTED: w:ins text is in, w:delText is out.
  Questions 1-6 and 8 on that file depend on an insertion or deletion; the comments are not asked about.
- Phrases are matched case-insensitively after whitespace normalisation, where non-breaking spaces,
  tabs and soft line breaks count as spaces. Each phrase lies inside one paragraph or table cell.
  Smart quotes (’ “ ”), en dashes (–) and em dashes (—) are copied as the document has them.
- Clause numbers in contract.docx ("4.4") are Word auto-numbering (numPr), not paragraph text.
"""
# (file, question, phrases a right answer holds, short answer or None)
QUESTIONS: list[tuple[str, str, list[str], str | None]] = [
    # --- contract.docx (Corvane Systems / Thornbury & Vale Building Society; numbered clauses, fee table) ---
    ("contract.docx", "How long is the initial term of the Corvane contract?",
     ["the period of thirty-six (36) months beginning on the Commencement Date"], "36 months"),
    ("contract.docx", "How much notice does Thornbury & Vale have to give if it wants to end the agreement early for convenience?",
     ["not less than 120 days’ written notice"], "120 days"),
    ("contract.docx", "what do we pay each month for the microsoft 365 admin?",
     ["£1,150"], "£1,150"),  # table
    ("contract.docx", "How much is the early termination fee?",
     ["£18,000"], "£18,000"),  # table
    ("contract.docx", "How quickly does Corvane have to tell the society about a personal data breach?",
     ["in any event within 24 hours"], "24 hours"),
    ("contract.docx", "Under clause 4.4, what's the most the charges can go up by in a year?",
     ["subject to a maximum increase of 5%"], "5%"),
    ("contract.docx", "What does CPI stand for in the agreement?",
     ["the Consumer Prices Index published by the Office for National Statistics"], "Consumer Prices Index"),
    ("contract.docx", "Who's the named service delivery manager at Corvaine?",
     ["Keira Lindgren"], "Keira Lindgren"),

    # --- status-report.docx (Severn & Wye Buses; RAG table with merged cells, risk table, footnote) ---
    ("status-report.docx", "When is the grid supply at Eastfield now due to be energised?",
     ["Energisation moved to 9 March 2027 by the network operator", "from 12 January 2027 to 9 March 2027"], "9 March 2027"),
    ("status-report.docx", "How many of the chargers are in so far?",
     ["Eighteen of the 32 chargers are now installed"], "18 of 32"),
    ("status-report.docx", "How big is the contingency the programme board is holding back?",
     ["a £410,000 contingency held by the Programme Board"], "£410,000"),  # footnote
    ("status-report.docx", "Who owns the risk about the charger firmware?",
     ["Tomasz Nowak"], "Tomasz Nowak"),  # table
    ("status-report.docx", "When does the recovery plan go to the Programme Board?",
     ["Recovery plan to the Programme Board on 19 November 2026"], "19 November 2026"),  # table, row with merged cell
    ("status-report.docx", "how much would hiring a temporary generator cost?",
     ["Temporary generator hire quoted at £38,000"], "£38,000"),  # table
    ("status-report.docx", "How many drivers have done the electric bus familiarisation so far?",
     ["46 drivers have completed the electric bus familiarisation course"], "46"),
    ("status-report.docx", "Why does the project want to hire a temporary generator?",
     ["so that driver training and charger commissioning can continue"], None),

    # --- minutes.docx (Hollins Bay Marine operations committee; Name<TAB>Role lines, action table, soft break) ---
    ("minutes.docx", "Who is getting the second quote for the tug's dry dock?",
     ["Rajesh Menon"], "Rajesh Menon"),  # table
    ("minutes.docx", "When is the HVO fuel tracking action due?",
     ["30 November 2026"], "30 November 2026"),  # table
    ("minutes.docx", "What does HVO stand for?",
     ["hydrotreated vegetable oil"], "hydrotreated vegetable oil"),
    ("minutes.docx", "How did the vote on the HVO trial go?",
     ["4 in favour, none against, 1 abstention"], "4 in favour, none against, 1 abstention"),
    ("minutes.docx", "How much did the committee approve for dry-docking the Orwell Venture?",
     ["a budget of up to £212,000"], "£212,000"),
    ("minutes.docx", "What action is Siobhan O'Connel down for?",
     ["Circulate the mooring line refresher training timetable to all crews"],
     "Circulate the mooring line refresher training timetable to all crews"),  # table
    ("minutes.docx", "Is the Deben Star OK to keep using until the stern tube seal is replaced?",
     ["Ms Keller confirmed that it was, provided the bilge alarm is checked daily"], "Yes"),
    ("minutes.docx", "When's the next ops committee meeting?",
     ["Wednesday 9 December 2026 at 10:00"], "9 December 2026"),

    # --- expenses-policy.docx (Fennick Logistics; tracked changes read as accepted, two comments) ---
    ("expenses-policy.docx", "How long have I got to put in an expenses claim?",
     ["within 14 days of the expense being incurred"], "14 days"),  # ins 14 / del 30
    ("expenses-policy.docx", "What's the most I can spend on a hotel in London per night?",
     ["£140 per night in London"], "£140"),  # ins 140 / del 120
    ("expenses-policy.docx", "Am I allowed to book first class on a long train journey, say four hours?",
     ["All rail travel must be booked in Standard Class"], "No"),  # First Class sentence deleted
    ("expenses-policy.docx", "From what date will paper receipts no longer be accepted?",
     ["paper receipts will no longer be accepted after 1 April 2027"], "1 April 2027"),  # insertion
    ("expenses-policy.docx", "How much can I claim for dinner?",
     ["£30"], "£30"),  # table cell, ins 30 / del 25
    ("expenses-policy.docx", "When does the new expenses policy come into effect?",
     ["1 February 2027"], "1 February 2027"),  # ins / del 1 January 2027
    ("expenses-policy.docx", "Which draft version of the policy is this?",
     ["Draft v2.3 – under review"], "v2.3"),  # header
    ("expenses-policy.docx", "Do I need approval before taking a client out for dinner?",
     ["Client entertainment must be approved in advance by a Director"], "Yes"),  # inserted paragraph

    # --- press-release.docx (Pennant & Reed Coffee; text box, content controls, hyperlink, fields) ---
    ("press-release.docx", "How much is Pennant & Reed putting into the Avonmouth roastery?",
     ["a £9.2 million investment in a new roastery"], "£9.2 million"),
    ("press-release.docx", "how many new jobs will the roastery create?",
     ["creating 65 jobs", "Of the 65 new jobs"], "65"),
    ("press-release.docx", "What's Joanna Lyster's phone number?",
     ["+44 (0)117 496 0732"], "+44 (0)117 496 0732"),  # text box
    ("press-release.docx", "Until when is the release embargoed?",
     ["Tuesday 8 December 2026"], "00:01 GMT, Tuesday 8 December 2026"),  # date content control
    ("press-release.docx", "Where can I download high-res pictures of the roastery?",
     ["www.pennantreed.co.uk/press"], "www.pennantreed.co.uk/press"),  # hyperlink text
    ("press-release.docx", "Who founded Pennant & Reed together with Eleanor Reed?",
     ["founded in 2011 by Eleanor Reed and Samuel Pennant"], "Samuel Pennant"),  # block content control
    ("press-release.docx", "Where did the company start roasting?",
     ["since we started roasting in a railway arch in 2011"], "in a railway arch"),
    ("press-release.docx", "How big is the loan from the West of England Growth Fund?",
     ["a £2.5 million loan from the West of England Growth Fund"], "£2.5 million"),

    # --- product-spec.docx (Aldwick Sensing AQ-400; key/value table, spec table with units) ---
    ("product-spec.docx", "When was revision C of the AQ-400 spec released?",
     ["6 January 2027"], "6 January 2027"),  # table cell, date content control
    ("product-spec.docx", "Who signed off the AQ-400 specification?",
     ["Dr Ingrid Solberg, Head of Engineering"], "Dr Ingrid Solberg"),  # table
    ("product-spec.docx", "How heavy is the AQ-400?",
     ["210 g"], "210 g"),  # table
    ("product-spec.docx", "What range of CO2 can the monitor measure?",
     ["400–5,000 ppm"], "400–5,000 ppm"),  # table
    ("product-spec.docx", "How much power does the monitor draw?",
     ["2.8 W"], "2.8 W"),  # table
    ("product-spec.docx", "What does NDIR stand for?",
     ["non-dispersive infrared"], "non-dispersive infrared"),
    ("product-spec.docx", "Can I put one of these monitors outside?",
     ["not suitable for outdoor use"], "No"),
    ("product-spec.docx", "Why did they go with an NDIR sensor rather than a cheaper one?",
     ["estimated values proved unreliable in rooms with cleaning products"], None),
]

UNANSWERABLE: list[str] = [
    "What is Corvane Systems' VAT registration number?",
    "What service credits does Corvane have to pay if it misses the Priority 1 resolution target?",
    "Who is Thornbury & Vale's Head of IT?",
    "Which company manufactures the chargers being installed at Eastfield depot?",
    "How much will it cost to replace the stern tube seal on the Deben Star?",
    "What is the nightly hotel limit for overseas business trips under Fennick's expenses policy?",
    "How many tonnes of CO2 a year will the Avonmouth roastery save?",
    "What is the list price of the AQ-400 air quality monitor?",
]
