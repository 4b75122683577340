"""Expected brief behaviour for the documents in bench/userbriefs/.

Written 4 Dec 2026 by a helper session started from the project, blind to
the tool: no source, README, tests, prompts or existing bench files were
read while writing the documents or these expectations.

For each document:
  main        1-2 verbatim sentences stating the main point; a good brief
              leads with one of them.
  key         3-5 other verbatim sentences with key facts a good ~120-word
              brief should also include.
  side        3-5 verbatim sentences that are side remarks (anecdotes,
              courtesies, logistics, caveats, boilerplate, procedural lines)
              a brief should NOT quote.
  about       a topic the document discusses in a few sentences but which is
              not its main point.
  about_hits  1-3 verbatim sentences about that topic (may overlap key).
  absent      a plausible topic the document does not discuss at all.

Sentences are written with single spaces where the file hard-wraps them.
In the e-mail thread, sentences come from text outside ">" quoted lines.
"""

EXPECT = {
    "status_update_week14.md": {
        "main": [
            "The customer-data migration is now one week behind plan, so the cutover to the new billing platform moves from 20 April to 27 April.",
        ],
        "key": [
            "We caught the problem in the third dress rehearsal, when roughly 4,100 legacy accounts with split billing addresses failed validation.",
            "The fix is understood and small, but we need a fourth full rehearsal before we can sign off, and there is no room for one before the original date.",
            "Steering committee agreed the new date on Thursday, and no customer communications have gone out with the old date, so the change is internal only.",
            "Fourth dress rehearsal booked for 14 April, starting at 18:00 and running overnight.",
            "The one-week slip adds an estimated £18,000 in contractor time, which can be absorbed from contingency.",
        ],
        "side": [
            "Thanks again to Tomasz for bringing in cardamom buns on Wednesday; none survived past ten o'clock.",
            "As mentioned last week, the fourth-floor meeting rooms are being refurbished, so the Tuesday stand-up moves to room 2.14 until further notice.",
            "Please remember to log your hours in the timesheet tool by Monday noon; Finance chased six of us last week.",
            "If you have questions about anything here, reply to this e-mail or find me on the project channel.",
        ],
        "about": "integration and payment gateway testing",
        "about_hits": [
            "The CRM connector passed end-to-end testing on Tuesday.",
            "The payment gateway sandbox was down for most of Monday, which cost us a day of testing, but the vendor has since restored it.",
            "Webhook retries still need load testing; Priya is scheduling this for next week.",
        ],
        "absent": "security penetration testing results",
    },
    "postmortem_checkout_tls.md": {
        "main": [
            "For 47 minutes on 11 February 2026, roughly 38% of checkout attempts on the Pinecrest web store failed because an expired intermediate TLS certificate on our payment-proxy fleet broke connections to the card processor.",
        ],
        "key": [
            "An estimated 6,200 orders failed, representing about £290,000 in delayed or lost revenue.",
            "The certificate had been renewed in our secrets store three weeks earlier, but the new certificate was never deployed to the proxy hosts because the rollout job had been silently failing since a configuration change in January.",
            "The job was updated, but its error handling treated a missing path as a no-op and exited with a success code.",
            "Our certificate-expiry monitoring checks the secrets store, not the certificates actually served by hosts, so it showed a healthy 90 days of validity throughout.",
            "No card data was exposed, and no customer was charged for a failed order.",
        ],
        "side": [
            "This document follows our blameless postmortem format.",
            "Huge thanks to Sunil, who joined from the dentist's waiting room and spotted the log line that cracked it.",
            "Questions or corrections to this document can go to #sre-postmortems.",
            "A reminder that the postmortem review meeting is on Thursday at 15:00 in the Birch room, and coffee will be provided.",
        ],
        "about": "customer support during the incident",
        "about_hits": [
            "Customer support received 1,130 contacts related to the incident, roughly five times a normal afternoon.",
            "Support had a customer macro ready within an hour, and the status page was updated four times during the incident.",
        ],
        "absent": "database failover and replication",
    },
    "press_release_northmere.txt": {
        "main": [
            "MIDDLESBROUGH, England, 9 June 2026 -- Northmere Robotics, a maker of autonomous warehouse robots, today opened a £60 million assembly plant in Teesside that will create 420 permanent jobs and triple the company's annual production capacity to 9,000 robots.",
        ],
        "key": [
            "The 18,000-square-metre facility at the Wilton Park industrial estate is the company's first outside its home base in Leeds.",
            "Production of the company's Ferry-3 mobile picking robot begins this month, with the first units due to ship to customers in September.",
            "Of the 420 new roles, around 300 will be in assembly and testing, with the rest in engineering, logistics and quality.",
            "The investment was financed through a combination of the company's Series C round, which raised £85 million in January, and a £12 million loan from the Tees Valley Growth Fund.",
        ],
        "side": [
            "The company is also paying for a new bus stop at the estate entrance, which the local council expects to open in August.",
            "Members of the public can register for guided tours of the plant on the company website.",
            "Its robots are used by more than 140 customers in 11 countries.",
            "Northmere employs 650 people and is backed by Calder Ventures, Ostrava Capital and Hightide Partners.",
        ],
        "about": "the plant's renewable electricity supply",
        "about_hits": [
            "The plant was designed to run on 100% renewable electricity, with 2.4 megawatts of rooftop solar panels supplying about a third of its needs.",
            "Northmere says the remainder will be bought through a long-term power purchase agreement with an onshore wind farm in County Durham.",
        ],
        "absent": "robot prices for customers",
    },
    "board_minutes_nov2026.txt": {
        "main": [
            "After discussion, the board approved the purchase of 12 Calloway Street for £1.45 million, funded by £900,000 from reserves and a £550,000 mortgage, and authorised the Chair and Treasurer to sign the contract on the Trust's behalf.",
        ],
        "key": [
            "The landlord has offered to sell the freehold for £1.45 million, and an independent valuation in October put the market value at £1.52 million.",
            "Annual repayments would be about £44,000, compared with the £71,000 the Trust currently pays in rent.",
            "The vote was five in favour, with Reuben Castle abstaining.",
            "Completion is expected by the end of February 2027.",
            "The board agreed to host the family programme on condition that the festival covers all additional staffing and insurance costs.",
        ],
        "side": [
            "Apologies were received from Gareth Olufemi, who is recovering from knee surgery; the board sent its best wishes.",
            "The Chair reminded trustees that the car park gate now locks at 21:00, so anyone parked inside should move their car before the meeting runs late.",
            "The minutes of the meeting held on 15 September 2026 were accepted as a true record.",
            "Mei Tanaka reminded trustees that the annual volunteers' supper will be held on 12 December, and asked everyone to let Lucy know about dietary requirements by the end of the month.",
        ],
        "about": "autumn class enrolment and waiting lists",
        "about_hits": [
            "The Director highlighted that autumn term classes were 94% full, the highest figure since before the pandemic.",
            "Waiting lists are longest for pottery and life drawing, and the Director proposed adding two evening classes in the spring term.",
        ],
        "absent": "staff salary review",
    },
    "churn_analysis_memo.md": {
        "main": [
            "Most of the increase in churn is explained by a single change: the April price rise pushed accounts with one or two users onto a plan that costs more than they think it is worth.",
            "We recommend reintroducing a cheaper single-user tier before the January renewal cycle, which we estimate would recover about 60% of the excess churn.",
        ],
        "key": [
            "In July the leadership team asked Customer Analytics to look into the rise in cancellations on the Small Business plan, which went from 2.1% of accounts per month in Q1 to 3.4% in Q2.",
            "Accounts with one or two users churned at 5.2% a month in Q2, against 2.0% for accounts with three or more users, whose churn barely moved.",
            "Churn among small accounts rose in April, a month before the editor shipped, and did not rise further in May.",
            "Churn will probably settle at around 3% as price-sensitive customers finish leaving, but we would lose an estimated £1.1 million in annual recurring revenue over the next year.",
        ],
        "side": [
            "Many thanks to the support team, who set aside time in an already busy quarter to help with the interviews.",
            "The phone interviews were drawn from customers who agreed to be contacted, who may be more engaged than average.",
            "I'm happy to walk anyone through the data; the full workbook is on the analytics drive under Churn/Q3.",
            "Apologies for the length of this memo, and thanks for reading to the end.",
        ],
        "about": "where departing customers go instead",
        "about_hits": [
            "Customers who leave mostly go to spreadsheets, not competitors.",
            "In the survey, 58% of small-account leavers said they had returned to spreadsheets or paper, and only 19% named another software product.",
        ],
        "absent": "customer support response times",
    },
    "offsite_venue_thread.eml": {
        "main": [
            "We'll go with Ashdown Hall on 17-18 September for the autumn offsite.",
        ],
        "key": [
            "I need a decision on the venue for the autumn offsite by Friday 15 May, because both shortlisted venues are only holding our dates until then.",
            "To recap, we're planning two days in mid-September for about 85 people.",
            "Farid, please confirm the booking with them tomorrow and ask Finance to pay the £7,680 deposit, which is 20% of the total.",
            "I checked Ines's question with their events manager: the AV package is included, but the evening drinks reception is not, and it would add about £1,900, so we'll skip it and run our own.",
            "With the drinks reception dropped, the total comes to about £39,900 including travel, which is inside the £42,000 budget.",
        ],
        "side": [
            "Hope everyone had a restful weekend, and congratulations again to the Bristol team on the Hallam pitch.",
            "Thanks for pulling this together so quickly.",
            "Sorry for the slow reply; I've been in back-to-back client meetings since Tuesday.",
            "And yes, congratulations to Bristol; well deserved.",
        ],
        "about": "overnight accommodation for attendees",
        "about_hits": [
            "It has 60 bedrooms on site, so 25 people would stay at a partner hotel ten minutes away by shuttle.",
            "Everyone can stay on site, but it's a longer trip for the London and Brighton offices, and travel would add roughly £4,000.",
        ],
        "absent": "agenda and guest speakers",
    },
    "expenses_policy_notice.md": {
        "main": [
            "From 1 March 2027, all business travel (flights, rail and hotels) must be booked through TripDesk, our new company booking tool, and expense claims submitted more than 60 days after the expense was incurred will no longer be reimbursed.",
        ],
        "key": [
            "Bookings made outside TripDesk after that date will not be reimbursed unless your director approves an exception in advance.",
            "Receipts can be photographed in the TripDesk app, which replaces the paper envelope system entirely.",
            "The hotel nightly limit rises from £140 to £165 outside London and from £190 to £220 in London, to reflect current prices.",
            "Everyone will receive a TripDesk login by 1 February.",
            "If you have expense claims older than 60 days, please submit them before 1 March, after which the new limit applies to them too.",
        ],
        "side": [
            "Happy new year, everyone, and I hope you managed a proper break.",
            "A quick reminder while I have your attention: the finance office is moving to the second floor on 15 January, so please don't leave receipts in the old pigeonholes.",
            "Thank you for your patience while we make this change.",
            "I know new systems are never anyone's favourite thing, but we think this one will save all of us time.",
        ],
        "about": "reasons for the claim deadline",
        "about_hits": [
            "Late claims make it very hard for us to close the books accurately each month.",
            "Last year, 14% of claims by value arrived more than two months after the expense, and a handful arrived more than a year late.",
        ],
        "absent": "home working equipment allowance",
    },
    "q3_2026_results.md": {
        "main": [
            "Quillon Outdoor Group's revenue grew 14% to £186.4 million in the third quarter, but operating profit fell 9% to £12.1 million as higher freight costs and a £4.3 million write-down of surplus tent stock outweighed the stronger sales.",
        ],
        "key": [
            "Online sales were the main driver of growth, rising 31% year on year, while sales in our own stores were flat.",
            "About half of the fall reflects container freight rates from Asia, which were on average 38% higher than in the same quarter last year.",
            "Excluding the write-down, operating profit would have risen 23% to £16.4 million.",
            "We are raising our full-year revenue guidance to between £720 million and £735 million, from £700 million to £720 million previously, reflecting the strength of online trading.",
            "Guidance for full-year operating profit is unchanged at £58 million to £62 million, as we expect freight costs to remain high into the new year.",
        ],
        "side": [
            "She thanked the digital team, who delivered the new app three weeks ahead of schedule, and noted that the weather is the one thing the company's planning cannot fix.",
            "Figures in this report are rounded, so totals may not add exactly.",
            "A conference call for analysts will be held at 09:30 UK time on 29 October; dial-in details are available on the investor relations website.",
            "The next scheduled update is the Christmas trading statement on 14 January 2027.",
        ],
        "about": "net cash and balance sheet",
        "about_hits": [
            "Net cash was £38.0 million at 30 September, down from £45.2 million at 30 June, reflecting the seasonal build of winter stock and £6.8 million of capital spending on the Daventry site.",
            "We expect net cash to recover to above £50 million by the end of the year, as winter stock is sold through.",
        ],
        "absent": "dividend payments to shareholders",
    },
    "launch_meeting_transcript.vtt": {
        "main": [
            "Then we're agreed: iOS launches on the 3rd of March as planned, and the Android release moves to the 17th of March so the offline maps crash can be fixed and fully tested.",
        ],
        "key": [
            "The offline maps feature crashes on about 6% of older Samsung devices when the map cache is larger than two gigabytes.",
            "We've closed every release blocker, and the build that went to TestFlight on Monday has been stable.",
            "If we delay everything, we lose the slot with two of the travel magazines, and they won't rebook before April.",
            "Leo owns the fix, with a code-complete target of the 10th of March.",
            "Carmen's team runs regression from the 11th to the 13th, and we make the final go or no-go call on the 14th.",
        ],
        "side": [
            "Okay, I think we're all here.",
            "Sorry, one sec, my cat has decided the keyboard is the warmest place in the house.",
            "I'll write this up and send notes round this afternoon.",
            "One last thing, is anyone else going to the team lunch on Friday?",
            "Yes, if the cat lets me leave the house.",
        ],
        "about": "support questions from Android users",
        "about_hits": [
            "Android users are going to see the announcement and ask where their version is.",
            "Then we should give support a short answer they can paste, and maybe an in-app banner for Android users on the current version.",
        ],
        "absent": "subscription pricing changes",
    },
    "free_plan_changes_faq.md": {
        "main": [
            "From 1 May 2026, the Free plan will include 5 GB of storage instead of 15 GB, and we are launching a new Plus plan with 200 GB for £2.49 a month.",
        ],
        "key": [
            "If you already have more than 5 GB on the Free plan, nothing will be deleted: you keep every file, but you won't be able to upload new files until you are under 5 GB or move to a paid plan.",
            "Storage and bandwidth costs have roughly doubled for us over the past two years, and about 80% of our storage is now used by Free accounts.",
            "Plus includes 200 GB of storage, 90-day file version history, and password-protected share links.",
            "Anyone with a Free account created before 18 March 2026 can get the first year of Plus for £14.99 if they upgrade before 31 May 2026.",
            "Team and Business plans are not affected by this announcement.",
        ],
        "side": [
            "Hello from all of us at Tidewell!",
            "First, a thank-you: last month our community passed two million people backing up their files with us, which still astonishes the six of us who started this in a spare bedroom.",
            "Please bear with us if replies are a little slower than usual in the first week of May.",
            "We're grateful to every one of you, and we'll keep working to make Tidewell worth it.",
        ],
        "about": "exporting data and leaving Tidewell",
        "about_hits": [
            "Go to Settings, then Account, then Export, and we will prepare a ZIP file of everything in your account.",
            "Large exports can take up to 48 hours.",
        ],
        "absent": "two-factor login security",
    },
    "reading_project_final_report.txt": {
        "main": [
            "Over the two years, 212 children took part, and 71% of those who completed the programme reached the expected reading level for their age by the end of the school year, against a target of 60%.",
        ],
        "key": [
            "Brookhollow Family Learning Centre received a grant of £96,000 from the Ellesmere Foundation in September 2024 to run Riverbank Reading Partners, a two-year project pairing trained adult volunteers with primary school children who were reading below the expected level for their age.",
            "We recruited 84 volunteers over the two years, most of them retired people, university students and parents from the local area.",
            "Children who completed three or more terms did noticeably better, with 79% reaching the expected level.",
            "Total expenditure was £94,870, leaving an underspend of £1,130, which we propose to return to the Foundation unless it prefers us to spend it on replacement books for the school libraries.",
            "All four partner schools have agreed to continue the programme from September 2026, funding the coordinator post between them at two days a week.",
        ],
        "side": [
            "This report covers the full grant period, from 1 September 2024 to 31 August 2026.",
            "We ran 11 family reading events, including a very well attended pirate-themed afternoon in October 2025 at which one of our volunteers, a retired ship's engineer, read to sixty children in full costume.",
            "We are very grateful to the Ellesmere Foundation for its support and flexibility, particularly during the school merger.",
            "Our thanks also go to the head teachers of the four partner schools, to every volunteer who gave up their time, and to the children, who taught us a great deal about dinosaurs, football and the correct way to pronounce Hermione.",
        ],
        "about": "volunteer background check delays",
        "about_hits": [
            "The main challenge was the first term, when background checks took an average of seven weeks and sessions started later than planned in two schools.",
            "We addressed this by recruiting volunteers in the summer term for the following year.",
        ],
        "absent": "tablets and reading apps",
    },
    "lido_newsletter_feature.md": {
        "main": [
            "The Millbrook Lido will reopen to the public on Saturday 6 June 2026, after a £2.3 million restoration led by the Friends of Millbrook Lido and Ashcombe Valley District Council.",
        ],
        "key": [
            "The 50-metre pool has been relined, the original 1936 changing rooms restored, and the water will be heated to 24 degrees by a new heat pump system, which means the season can run from May to the end of September instead of just the summer holidays.",
            "The restoration was funded by a £1.2 million grant from the National Heritage Buildings Fund, £650,000 from the district council and £450,000 raised by the Friends group over six years through sponsored swims, quiz nights and, memorably, a calendar.",
            "Entry will cost £5 for adults and £2.50 for children, with free swims for under-fives and a season ticket at £95.",
            "The lido will employ 22 seasonal staff, including 14 lifeguards.",
        ],
        "side": [
            "Dorothy Penhaligon still remembers the exact shade of blue.",
            "It was the summer of 1958, she was nine years old, and her father had just taught her to swim a width of the Millbrook Lido without touching the bottom.",
            "For the fourteen years since, the pool has sat empty behind a fence, slowly filling with leaves and, on one memorable occasion, a shopping trolley.",
            "The Ashcombe Valley Community Newsletter is produced by volunteers and delivered free to 6,800 homes.",
        ],
        "about": "parking and getting to the lido",
        "about_hits": [
            "Residents living near the lido have raised concerns about parking, and the council says it will introduce a residents-only parking zone on Orchard Rise and Mill Lane for the summer months.",
            "Visitors are encouraged to use the number 14 bus, which stops at the main gate, or the new cycle racks by the entrance.",
        ],
        "absent": "school swimming lessons",
    },
}
