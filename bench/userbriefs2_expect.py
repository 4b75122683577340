"""Expected content for the userbriefs2 evaluation set (bench/userbriefs2/).

Written on 4 Dec 2026 by a helper session asked to build a blind evaluation
set for the document-brief tool.  The twelve documents and these expectations
were written without reading, running or looking at the tool's source, README,
tests, prompts or any other bench files, so they do not reflect how the tool
happens to work.

For each document:
  main       - 1-2 verbatim sentences stating the main point; a good brief
               leads with one of them.
  key        - 3-5 other verbatim sentences carrying key facts a good
               ~120-word brief should also include.
  side       - 3-5 verbatim side remarks (anecdotes, courtesies, logistics,
               caveats, boilerplate) a brief should not quote.
  about      - a topic the document discusses in a few sentences but which
               is not its main point.
  about_hits - 1-3 verbatim sentences about that topic.
  absent     - a plausible topic for this kind of document that the document
               does not discuss at all.

Sentences are written as they read after whitespace normalisation: hard-wrapped
lines are joined with single spaces, HTML tags are removed, SubRip index and
timing lines are dropped, and chat-log sentences omit the "[time] Name: "
prefix.
"""

EXPECT = {
    "tallyfold-eu-data-region.html": {
        "main": [
            "Today we are announcing that from 3 March 2027, all data belonging to European Tallyfold accounts will be stored and processed exclusively in our new data centre region in Frankfurt.",
        ],
        "key": [
            "Nothing belonging to a European account will be copied to servers outside the European Union, including for disaster recovery.",
            "If your account's billing address is in the European Union, the European Economic Area or Switzerland, your account will be migrated automatically and you do not need to do anything.",
            "We will move accounts in batches between 16 January and 28 February 2027, always overnight on a Saturday.",
            "Each migration takes under four minutes for a typical account, and during that window Tallyfold will be read-only.",
            "Invoice numbers, payment links and API keys stay exactly the same.",
        ],
        "side": [
            "Last spring, a bakery owner in Lyon wrote to our support team with a question we could not answer as well as we wanted to.",
            "She signed the contract anyway, but the exchange stuck with us.",
            "This project has taken our infrastructure team the better part of a year, and I want to thank Malik, Oona and Teodor in particular for many late evenings spent rehearsing migrations on copies of our own accounts.",
            "We use cookies to keep you signed in, remember your preferences and understand how our website is used.",
            "Tallyfold Ltd is registered in England and Wales with company number 10938271.",
        ],
        "about": "why Frankfurt was chosen",
        "about_hits": [
            "We looked at four possible locations before settling on Frankfurt.",
            "We chose it because two of our three payment partners already process European transactions there, which means a payment confirmation no longer has to cross the Atlantic and back.",
            "Frankfurt also gives us two physically separate facilities about 30 kilometres apart, so we can keep a full standby copy of your data without leaving Germany.",
        ],
        "absent": "changes to subscription prices",
    },
    "rfc-0042-event-driven-balances.md": {
        "main": [
            "We propose replacing the nightly reconciliation job with an event-driven consumer that updates each wallet's balance within seconds of every transaction.",
        ],
        "key": [
            "We now have 2.3 million wallets, and the job took between 3 hours 40 minutes and 5 hours 10 minutes on every run in October.",
            "On four nights last quarter it did not finish before the European morning peak, and support received 1,870 tickets about incorrect balances in those four days alone.",
            "The API layer will then read the stored balance directly, and the estimation code will be deleted.",
            "We will keep a reduced nightly audit job that recomputes balances for a random 1% sample of wallets and raises an alert if any differ from the stored value by more than one cent.",
            "We estimate the work at six engineer-weeks, spread over one quarter.",
        ],
        "side": [
            "Comments inline in the document are preferred over chat threads so that the discussion is kept in one place.",
            "As an aside, the batch job is also the last service still running on the old Python 3.8 image, which is a separate headache for the platform team.",
            "Thanks to Priya for reading an early draft and catching a mistake in the partitioning section.",
            "We may revisit this option in 2028.",
        ],
        "about": "making the batch job faster",
        "about_hits": [
            "We could parallelise the existing job across ranges of wallet IDs.",
            "Early experiments by Olu suggest this would bring the run time down to under an hour.",
            "However, it does nothing about the duplicated estimation logic, and balances would still be up to a day stale.",
        ],
        "absent": "security and access control",
    },
    "complaint-brightwater-kitchens.txt": {
        "main": [
            "I am therefore writing to formally request that Brightwater Kitchens replace the cracked worktop, refit the two wall units and correctly duct the extractor, at no cost to me, and complete all of this work by 19 December 2026.",
        ],
        "key": [
            "On 2 August 2026 I ordered a replacement kitchen from your showroom, including quartz worktops, eleven units and fitting, at a total cost of £9,340.",
            "Your surveyor, Mr Gary Pell, visited on 4 November and agreed in my presence that the worktop had cracked because it was cut too close to the sink.",
            "Nobody has contacted me since, and my last two emails have not been answered.",
            "If the repairs are not completed by 19 December, I will ask for a refund of £3,150, which is the cost of the worktop and its fitting as shown on my invoice, and I will refer the matter to the ombudsman scheme of which your company is a member.",
        ],
        "side": [
            "I have been a Brightwater customer for over ten years; my late husband and I bought our first kitchen from your Hexley showroom in 2014, and we were always pleased with it.",
            "It is with real disappointment that I find myself writing this letter.",
            "I should add that the two young fitters who came on the day were polite and tidied up after themselves, and I do not blame them personally.",
            "I have been cooking on a camping stove in the conservatory for most of October, which my grandchildren find very exciting but I do not.",
            "I can be reached on 01632 960418 on weekday mornings, or by email at d.okonkwo@example.net.",
        ],
        "about": "the independent electrician's call-out",
        "about_hits": [
            "I would also ask that you reimburse the £85 I paid an independent electrician, Mr Ravi Shah, to make the extractor safe after it began tripping the circuit breaker.",
            "Mr Shah told me that the extractor had been wired into the lighting circuit rather than the socket circuit, which is why it kept tripping.",
        ],
        "absent": "late delivery of the units",
    },
    "sales-call-quillstack-harrowgate.srt": {
        "main": [
            "Then let's do it: we'll go ahead with the ninety-day pilot for twenty-five seats, starting on the sixth of January.",
        ],
        "key": [
            "We could do ninety days for twenty-five seats at thirty pounds per seat per month, and you can cancel at the end of the pilot with no further commitment.",
            "The list price you sent over was forty-five pounds per seat per month, and that's hard for us to justify before we've seen it working.",
            "We have eleven paralegals, and in a normal month they spend roughly 600 hours between them on first-pass review of supplier contracts.",
            "If first-pass review time drops by at least a third, I can take it to the partners and make the case for all sixty seats.",
            "I'll send over the pilot agreement and the security pack by Friday.",
        ],
        "side": [
            "Sorry we're a couple of minutes late, the previous meeting overran.",
            "We went up to the coast and it rained the entire time.",
            "Oh, and before I forget, we're running a small customer breakfast in Manchester on the twelfth of February, if either of you fancy coming along.",
            "There will be a great deal of coffee.",
            "Thank you both for your time today, I really appreciate it.",
        ],
        "about": "data hosting and privacy",
        "about_hits": [
            "Everything is hosted in the UK, in two data centres, and yes, we support single sign-on with any SAML provider.",
            "Your documents are never used to train models, and that's written into the contract, not just the policy.",
        ],
        "absent": "mobile app availability",
    },
    "newsletter-the-weekly-loop.md": {
        "main": [
            "This week, Marlow Valley Transit Authority confirmed that Fernhill will supply 48 autonomous cleaning robots for all six of its tram depots, under a three-year contract worth £2.1 million.",
        ],
        "key": [
            "It is the largest single order in Fernhill's history.",
            "The robots will be delivered in three batches, starting with 16 units in April 2027, followed by the remaining 32 by the end of that year.",
            "To deliver it, we will hire twelve people in manufacturing and field support over the next six months, and the first roles go live on the careers page on Monday.",
            "Meera Joshi, who led the bid, will run the delivery programme and report directly to our COO.",
        ],
        "side": [
            "Grab a coffee, because there's a lot in this one.",
            "Thanks to everyone who sent in news and photos this week, even the blurry ones.",
            "The fastest Fernhill finisher was Ola from QA in 41 minutes, and the slowest was our CEO, who stopped for a bacon sandwich at the halfway point and says he has no regrets.",
            "As always, send your news to loop@fernhill.example by Wednesday noon to make the next issue.",
            "If you see them wandering the corridors looking for the meeting rooms, please point them in the right direction, because our room names still make no sense to anyone.",
        ],
        "about": "second-floor kitchen refit",
        "about_hits": [
            "The second-floor kitchen will be closed for a refit from Tuesday 1 December to Friday 11 December.",
            "The new kitchen will have a second dishwasher, a bigger fridge and, after years of petitions, a proper coffee grinder.",
            "In the meantime, please use the ground-floor kitchen and label anything you leave in its fridge.",
        ],
        "absent": "office parking changes",
    },
    "job-senior-data-engineer-mossgate.md": {
        "main": [
            "We're looking for a Senior Data Engineer to design, build and own the pipelines that bring clinical trial data from hospital sites into our analysis platform.",
        ],
        "key": [
            "This is a permanent, full-time role based in our Bristol office, with two days a week in the office and the rest remote.",
            "The salary range is £78,000 to £92,000, depending on experience.",
            "Over the next year we want to move most sites to near-real-time feeds, and this role will lead that work.",
            "You'll report to Chidi Eze, our Head of Data Platform, and work alongside four other data engineers and two analytics engineers.",
            "Apply through our careers page by 15 January 2027 with your CV and a short note telling us about a data pipeline you are proud of.",
        ],
        "side": [
            "We're a friendly bunch, and yes, there is a weekly quiz, which the finance team has somehow won eleven weeks in a row.",
            "Mossgate Health is an equal opportunity employer and welcomes applications from all backgrounds.",
            "If you need any adjustments during the application process, please let us know.",
            "We are not accepting applications from recruitment agencies for this role.",
        ],
        "about": "the company's founding and growth",
        "about_hits": [
            "Mossgate was founded in 2017 by two former hospital trial coordinators who were tired of chasing patient visit data through spreadsheets and fax machines.",
            "Since then we have grown to 140 people and now support more than 300 active trials across nine countries.",
        ],
        "absent": "visa sponsorship",
    },
    "tos-update-lumenvault.txt": {
        "main": [
            "The most important change is that, from 1 February 2027, files you delete will be kept in Trash for 30 days instead of 90 days, after which they will be permanently erased and cannot be recovered.",
        ],
        "key": [
            "Administrators on Business and Enterprise plans will be able to set their own Trash retention period of between 30 and 365 days.",
            "Accounts on the Free plan that have not been signed in to for 12 months will be marked inactive, and their files will be deleted 60 days after we notify you by email.",
            "Finally, we are introducing a limit of 2,000 active shared links per account.",
            "If you continue to use Lumenvault after 1 February 2027, you will be agreeing to the updated terms.",
            "If you do not agree, you can close your account at any time before that date and download your files using the export tool in Settings.",
        ],
        "side": [
            "This is a mandatory service announcement and is sent regardless of your marketing preferences.",
            "We know nobody reads terms of service for fun, so we have tried to keep this summary short.",
            "Thank you for using Lumenvault.",
            "Please do not reply to this email, as this mailbox is not monitored.",
        ],
        "about": "governing law for UK customers",
        "about_hits": [
            "We have updated section 14 so that disputes with customers who live in the United Kingdom are handled by the courts of England and Wales.",
            "Previously, these disputes were governed by the laws of the State of Oregon.",
        ],
        "absent": "price increases for paid plans",
    },
    "paper-clause-aware-retrieval.md": {
        "main": [
            "We introduce CLARA, a retrieval method that splits statutes into clause-level units and ranks them with a lightweight cross-lingual reranker, and we show that it improves answer accuracy by 11.4 points over the strongest baseline across five low-resource languages.",
        ],
        "key": [
            "CLARA requires no labelled data in the target language and runs on a single consumer GPU.",
            "We also release LexQA-5, a new benchmark of 4,200 expert-written questions about the statutes of five jurisdictions, in Estonian, Slovene, Icelandic, Maltese and Basque.",
            "Our analysis shows that most of the gain comes from clause segmentation rather than from the reranker.",
            "Existing retrievers split statutes into fixed-length passages, which often separate a legal rule from its exceptions and conditions.",
            "In an audit of 500 retrieval failures from a strong multilingual baseline [17], we found that 62% involved a passage that contained the rule but not the exception that changed the answer.",
        ],
        "side": [
            "The remainder of this paper is organised as follows.",
            "Section 2 reviews related work, Section 3 describes CLARA, Section 4 introduces LexQA-5, and Section 5 presents our experiments.",
            "We note that legal systems differ considerably between jurisdictions, and nothing in this paper should be read as legal advice.",
            "We thank the fourteen lawyers who wrote and checked the LexQA-5 questions, and the anonymous reviewers for their helpful comments.",
        ],
        "about": "cost of expert legal annotation",
        "about_hits": [
            "Expert annotation in the legal domain is expensive: in our own data collection, a single question-answer pair written and verified by a qualified lawyer cost on average 38 euros.",
            "Commissioning a dataset the size of a typical English benchmark in each new language would therefore cost more than most research groups can afford.",
        ],
        "absent": "OCR errors in scanned documents",
    },
    "retro-project-kestrel.md": {
        "main": [
            "Kestrel finished on 14 November, three weeks later than planned, but we moved all 212 customer databases with zero customer-facing downtime and no data loss.",
        ],
        "key": [
            "The main cause of the delay was the extension audit: we found 19 databases using an extension that the managed service does not support, and rewriting the reports that depended on it took 11 days.",
            "Running every migration twice in staging with dual writes enabled caught two ordering bugs that would otherwise have reached production.",
            "Monthly infrastructure cost for the database tier fell from £41,000 to £29,500, slightly better than the business case predicted.",
            "From now on, any planned migration window must have two engineers on call, one for the migration and one for the normal pager.",
        ],
        "side": [
            "Apologies to anyone whose calendar invite arrived late; the room booking system had other ideas.",
            "Please add comments at the bottom rather than editing the notes directly.",
            "Thanks to Rosa for bringing pastries to every 7am cutover, which did wonders for the mood.",
            "Kenji's cat also made an unscheduled appearance on the 2am call on 31 October, which nobody is going to forget.",
        ],
        "about": "thin on-call cover during cutovers",
        "about_hits": [
            "The on-call rota during cutover weekends was too thin.",
            "On two occasions a single engineer was covering both the migration and the normal pager.",
            "Several people said they felt exhausted by the end of October, and Hamid pointed out that we were lucky nothing else broke on those weekends.",
        ],
        "absent": "vendor contract negotiations",
    },
    "school-letter-start-time.txt": {
        "main": [
            "I am therefore writing to let you know that from Monday 4 January 2027, the school day will start at 8:30am instead of 8:50am, and will finish at 3:05pm instead of 3:20pm.",
        ],
        "key": [
            "The length of the teaching day will not change.",
            "The school gates will open at 8:20am, and registration will close at 8:40am.",
            "The change follows that consultation, in which 71% of the 312 families who responded supported starting the day earlier.",
            "Breakfast Club will continue to run from 7:45am, and its price will not change.",
            "After-school clubs will now finish at 4:15pm rather than 4:30pm, and the Wraparound Care service will still run until 6pm.",
        ],
        "side": [
            "I hope you all had a restful half-term break.",
            "Thank you to everyone who came to our Harvest Festival assembly last month; the children were very proud of their singing, and your donations filled eleven crates for the Hexley Food Bank.",
            "Christmas Jumper Day is on Friday 11 December, with donations going to the Hexley Food Bank.",
            "Lost property will be on display in the hall until the end of term, and anything unclaimed will go to the PTA uniform sale.",
            "Thank you, as always, for your continued support.",
        ],
        "about": "traffic on Mill Lane",
        "about_hits": [
            "Parents told us that traffic on Mill Lane at 8:45am has become a serious safety concern, with cars queuing back to the roundabout and children crossing between parked vehicles.",
            "The council has agreed to put a crossing patrol outside the main gate from January, and to review the parking restrictions near the school in the spring.",
        ],
        "absent": "homework policy",
    },
    "investor-update-saltmarsh-q3.eml": {
        "main": [
            "The headline this quarter: we have signed a term sheet for a £7.5m Series A led by Northcove Capital, with Ferrow Ventures and two of you following on.",
        ],
        "key": [
            "We expect the round to close by mid-December, subject to due diligence.",
            "Q3 revenue was £612k, up 41% on Q2, and annual recurring revenue reached £2.3m at the end of September.",
            "Gross margin improved to 34%, mainly because of the new installer payment model we introduced in July, which pays installers per completed job rather than per day.",
            "Cash at the end of September was £1.9m, which gives us 11 months of runway even if the Series A were delayed.",
            "The money will fund our expansion from Greater Manchester into Yorkshire and the East Midlands, and the build-out of our second installer training centre.",
        ],
        "side": [
            "Apologies that this update is a week later than usual.",
            "Photos from our stand are attached, including one of Sam attempting to explain frequency response to a very patient Dutch journalist.",
            "As always, thank you for your support, and do reach out with any questions.",
            "This email and any attachments are confidential and may be legally privileged.",
            "This update contains forward-looking statements that involve risks and uncertainties, and actual results may differ materially from those described.",
        ],
        "about": "battery supply delay",
        "about_hits": [
            "Our battery supply from Tarrin Cells slipped by six weeks in August because of a certification delay at their plant.",
            "We covered the gap by buying 70 units from a second supplier at a higher price, which cost us roughly two points of gross margin for the quarter.",
        ],
        "absent": "new board members",
    },
    "chat-mobile-release.txt": {
        "main": [
            "Decision: v4.2 ships on Thursday 3 December with bulk export hidden behind a feature flag, and bulk export moves to v4.3 on 10 December.",
        ],
        "key": [
            "QA found that exports over 10,000 rows time out on Android.",
            "The login crash fix alone affects about 3% of Android sessions, and we shouldn't sit on it for another week.",
            "Only two enterprise customers were told about it, Arden Foods and Kessler Print.",
            "The new onboarding flow passed QA yesterday, and the crash fix for the login screen is verified.",
            "Priya, can you own the go/no-go check on Thursday morning at 10?",
        ],
        "side": [
            "Did anyone else's train get cancelled or was it just mine?",
            "That plant has been dying since 2024.",
            "Reminder that Secret Santa names go out on Friday, and the budget is £15.",
            "Also, the puppy ate my second-best headphones last night, so if I sound weird on calls today that's why.",
            "Last year someone got me a single very expensive lemon.",
        ],
        "about": "slow CI build queue",
        "about_hits": [
            "Is CI slow for anyone else?",
            "My build has been queued for 20 minutes.",
            "Yes, the runners are being upgraded this morning and should be back by 10.",
        ],
        "absent": "accessibility testing",
    },
}
