"""Held-out hard briefs: never trained on and never tuned on; only ``evaluateclassifier``
reads them (matching/classifier/corpus/heldout.jsonl).

Each entry is (kind, role, title, description, expected, given):
- ``kind``: which way the brief is hard (see hard.KINDS);
- ``role``: "ai" or "ml", as a careful advisor would decide after reading it all;
- ``expected``: the checklist answers the brief itself states, as codes
  (G general model sufficient, M model is the moat, D has training data, R needs continuous
  retraining, W needs value within weeks; 1 yes, 0 no), space-separated, only where the
  brief really says so;
- ``given``: the client's own checklist answers, same codes ("" for none).
"""

from __future__ import annotations

HardBrief = tuple[str, str, str, str, str, str]

HELD_OUT: list[HardBrief] = [
    # --- worded against the keywords ------------------------------------------------------
    (
        "against_keywords",
        "ai",
        "Predict which leads will convert",
        "Our sales team wants a score on each inbound lead. We only started the inbound "
        "channel last month, so there is no history of which leads closed. Something that "
        "reads the lead's message and company website and writes a one-line reason would do; "
        "we want it in the CRM by the end of next week.",
        "D0 W1",
        "",
    ),
    (
        "against_keywords",
        "ai",
        "Machine learning for our claims inbox",
        "We'd like machine learning to sort incoming claim emails into the six teams that "
        "handle them. Nobody has ever recorded which team a past email went to, and the teams "
        "get reorganised every quarter. A hosted model with a clear description of each team "
        "did well when our ops lead tried it.",
        "D0 G1",
        "",
    ),
    (
        "against_keywords",
        "ai",
        "Neural network to forecast which FAQ to show",
        "We want a neural network that forecasts which help article a visitor needs from what "
        "they type in the search box. We have no record of what people searched before. The "
        "site relaunches in three weeks.",
        "D0 W1",
        "",
    ),
    (
        "against_keywords",
        "ai",
        "Train a classifier for complaint severity",
        "We need a classifier for customer complaint severity. Our complaints were never "
        "graded, and the compliance team redefines what counts as severe whenever a new "
        "regulation lands. It has to be live before the audit in four weeks.",
        "D0 W1",
        "",
    ),
    (
        "against_keywords",
        "ai",
        "Deep learning to detect contract risks",
        "Legal wants deep learning to spot risky clauses in supplier contracts. We have no "
        "labelled examples at all; our two lawyers can write down the twelve things they look "
        "for. ChatGPT already flagged most of them in a test on five contracts.",
        "D0 G1",
        "",
    ),
    (
        "against_keywords",
        "ai",
        "Data science model for intent detection",
        "Our chat widget should detect what the customer wants (refund, delivery, sizing, "
        "other) and route it. The widget is brand new, so we have zero past conversations. "
        "Need it working within two weeks of launch.",
        "D0 W1",
        "",
    ),
    (
        "against_keywords",
        "ai",
        "Predictive model for which tenders to bid on",
        "We want a predictive model telling us which public tenders are worth bidding on. "
        "Honestly we never kept track of which bids we won or lost. What we need is something "
        "that reads each tender notice and checks it against our capability statement, "
        "ready by next month.",
        "D0",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "A chatbot for our fleet",
        "People keep calling this a chatbot but really we need to know which of our 2,000 "
        "delivery vans will break down next month. We have seven years of repair records "
        "with the failure cause for every breakdown, and the vans and routes change "
        "constantly, so whatever you build has to be retrained as the fleet ages.",
        "D1 R1",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "GPT assistant for underwriting",
        "We want a GPT assistant for our underwriters, but the part that matters is the "
        "price it suggests. Hosted models have no idea how our book behaves; we have twelve "
        "years of policies with their claims outcomes and the pricing accuracy is why brokers "
        "pick us over the big insurers.",
        "G0 D1 M1",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "Prompt engineering for defect photos",
        "Our ops manager asked for 'prompt engineering' on photos of circuit boards. We tried "
        "the big vision APIs and they miss the hairline cracks our inspectors catch. We have "
        "220,000 board photos each marked pass or fail by an inspector, and new board designs "
        "arrive every month.",
        "G0 D1",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "RAG over our sensor data",
        "Someone suggested RAG over our sensor data. What we actually need is to know hours "
        "ahead when a compressor is about to trip. Every trip since 2016 is logged with the "
        "readings that led up to it, and the compressors get swapped and serviced all the "
        "time, so the model will have to keep up.",
        "D1 R1",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "LLM agent for credit limits",
        "We imagined an LLM agent that sets credit limits for our B2B customers. General "
        "models only guess; we have nine years of invoices with who paid late and who "
        "defaulted, and our limits being right is the reason wholesalers stay with us. It "
        "must be monitored and retrained as the economy turns.",
        "G0 D1 M1 R1",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "Copilot for crop yields",
        "We called it a copilot for farmers, but the core is a yield estimate per field. We "
        "hold 15 seasons of yield measurements with soil and weather for 3,000 fields. "
        "Public models are useless at field level, and the estimate has to be refit every "
        "season as varieties change.",
        "G0 D1 R1",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "Generative AI for churn",
        "We want generative AI to tell us which subscribers will cancel. We know exactly "
        "which of our 400,000 subscribers cancelled and when, going back five years. Our "
        "retention offers are the product, and they only work if the churn score is sharper "
        "than what competitors can buy.",
        "D1 M1",
        "",
    ),
    # --- long and noisy -------------------------------------------------------------------
    (
        "long_noisy",
        "ai",
        "Help with our member questions (long, sorry)",
        "Hi, long message, sorry in advance. We're a climbing gym chain, nine gyms, about "
        "14,000 members. Background: we moved to a new booking system last spring, which was "
        "a whole saga, and our front desk staff answer the same questions all day by phone, "
        "email and Instagram: class times, whether you can bring a kid, how to freeze a "
        "membership, what the rules are for belay checks. Our marketing person, who is also "
        "our IT person, thinks AI could handle most of it. We don't have anything labelled "
        "or any data science people, and we honestly don't want a big project. We tried "
        "pasting our member handbook into ChatGPT and it answered most questions correctly, "
        "which surprised us. Budget is modest. We'd like it on the website and Instagram "
        "before the January rush, which is six weeks away. Also our CEO wants a dashboard of "
        "what people ask about, if that is easy. Thanks!",
        "G1 D0 W1",
        "",
    ),
    (
        "long_noisy",
        "ai",
        "Tender writing support - context inside",
        "Some context first. We're an engineering consultancy of 200 people and we bid for "
        "public infrastructure work. The bid team is four people and the deadlines are "
        "brutal; last year we missed two tenders simply because we ran out of time. Our "
        "library of past bids is on SharePoint, maybe 900 documents, with a lot of "
        "duplication. The idea: when a new tender arrives, pull the relevant sections from "
        "past bids, draft answers in our house style and list what is missing. Nobody here "
        "wants to train anything. Our IT policy says data must stay in the EU, and we already "
        "have an Azure OpenAI subscription. There's a big tender in three weeks we'd love to "
        "use this on. Our partners are sceptical, so a visible win matters more than polish. "
        "Side note: we also looked at buying a bid tool but the licence was silly money.",
        "W1",
        "",
    ),
    (
        "long_noisy",
        "ai",
        "Our website search is terrible (and other things)",
        "Where to start. We're an online hardware store with 60,000 products. Our site search "
        "is awful; people type 'thing to hang a heavy mirror' and get nothing. We also get "
        "lots of 'will this fit my drill' emails. Our product data is decent, a spreadsheet "
        "with specs for every item. We have never tracked what people search or click, the "
        "old platform didn't log it. We want search that understands plain descriptions and "
        "a helper that can answer compatibility questions from the specs. The holiday season "
        "starts in five weeks and that's when this would pay off. Tech stack is Shopify plus "
        "some custom bits, our developer is part-time. Oh and the owner keeps asking whether "
        "we need 'our own AI', I said I'd ask you.",
        "D0 W1",
        "",
    ),
    (
        "long_noisy",
        "ai",
        "Meeting minutes for the council - lots of detail",
        "We're a district council. Committees meet about 40 times a month and a clerk writes "
        "the minutes by hand from the recording, which takes a day each. We want a draft of "
        "the minutes in our standard format with the decisions and actions listed, that the "
        "clerk then corrects. Recordings are already transcribed by Teams. We don't need "
        "anything clever, a hosted model summarising the transcript with our template is "
        "probably fine, but it must handle our formal style and the names of councillors. "
        "There is no pile of labelled minutes to learn from, and nobody will maintain a model "
        "after the contractor leaves. Procurement wants a pilot running within a month. "
        "Accessibility requirements apply to anything public-facing. Unrelated: our "
        "printing contract is also up for renewal, ignore that.",
        "G1 D0 R0 W1",
        "",
    ),
    (
        "long_noisy",
        "ai",
        "Warehouse staff keep asking the same things",
        "Okay so. We run three warehouses, lots of temp staff, lots of turnover. They ask "
        "supervisors the same questions: where is the SOP for hazardous goods, how do I log "
        "a damaged pallet, what's the break schedule this week. The SOPs are PDFs, the "
        "schedule is in a Google Sheet that changes weekly. We'd like a little assistant on "
        "the handheld scanners that answers from the SOPs and looks up the schedule. Half "
        "the temps are Polish or Romanian, so it needs to answer in their language. We have "
        "no data team. Our peak starts in October, about four weeks from now, and that's the "
        "deadline. Also we're changing WMS next year, so don't build anything tied to it.",
        "W1",
        "",
    ),
    (
        "long_noisy",
        "ai",
        "Grant applications, a bit of background",
        "We're a small charity foundation. Each round we get 700 grant applications as PDFs "
        "and volunteers read every one. We'd like each application summarised against our "
        "five criteria with the paragraph that supports each point, so volunteers can read "
        "faster. The criteria change every round as the trustees set new priorities. We've "
        "never scored applications in any consistent way, so there's nothing to learn from. "
        "The next round opens in five weeks. We're on Google Workspace, volunteers use their "
        "own laptops, and we really can't afford anything that needs looking after later.",
        "D0 W1 R0",
        "",
    ),
    (
        "long_noisy",
        "ai",
        "Our HR inbox (long story)",
        "Our HR team of three supports 1,800 employees in four countries. The inbox gets "
        "maybe 300 emails a week: payslip questions, leave rules, pension forms, visa "
        "letters. Policies are different per country and live in about 60 Word documents "
        "that HR updates every few months. We want a first draft reply for each email with "
        "a link to the policy it used, which HR checks before sending. We did a quick "
        "experiment with Copilot and it got the Dutch leave rules right, which was "
        "encouraging. Employee data must not leave our tenant. We'd like to start with one "
        "country in the next few weeks and then roll out. Nobody expects this to be "
        "perfect, it just has to save time. Random aside: the CFO wants to know if this "
        "could replace our HR system; it can't, right?",
        "G1 W1",
        "",
    ),
    (
        "long_noisy",
        "ml",
        "Energy demand for our buildings (long)",
        "Background: we manage 140 office buildings for pension funds. Energy is our biggest "
        "controllable cost and we buy it a day ahead, so a bad estimate of tomorrow's "
        "consumption costs real money. We have meter readings every 15 minutes for every "
        "building since 2017, plus occupancy badges and the weather. The energy broker's "
        "generic forecast is off by 20% on Mondays and holidays, which is exactly where the "
        "money goes. Tenants change, buildings get refurbished, and heat pumps get installed, "
        "so the forecast will drift unless someone keeps it up. We're thinking of this as a "
        "two-year programme, not a quick fix. We use Azure and have one data engineer. "
        "Unrelated but also on our list: a chatbot for tenant service requests, maybe later.",
        "D1 G0 R1 W0",
        "",
    ),
    (
        "long_noisy",
        "ml",
        "Returns are killing us - details",
        "We're an online fashion retailer, 2 million orders a year, and 31% of them come "
        "back. Our hypothesis is that we can predict at checkout which orders will be "
        "returned (wrong size, bracketing) and nudge the customer. We have every order and "
        "return since 2018 with the return reason. There are some vendors who sell a "
        "returns score but they were no better than our own rule of thumb when we tested "
        "them. Collections change every season so any model has to be retrained constantly. "
        "If this works it becomes part of what we sell to other retailers on our platform. "
        "Team: two analysts, one engineer, all busy. Not urgent, we'd rather get it right "
        "over the next six months. P.S. marketing also wants AI product descriptions, "
        "separate thing.",
        "D1 G0 R1 W0 M1",
        "",
    ),
    (
        "long_noisy",
        "ml",
        "Hospital bed planning (bit of a ramble)",
        "I'm an operations manager at a 600-bed hospital. Every morning we guess how many "
        "patients will be discharged and admitted, and we get it wrong, which means "
        "cancelled surgeries. We have eight years of admissions and discharges with "
        "diagnosis codes, plus the surgery schedule. Off-the-shelf tools from our EHR vendor "
        "gave forecasts that our bed managers stopped trusting after a week. We need "
        "something that learns our patterns: flu season, the new cardiac unit opening next "
        "year, changes in referral from GPs. Someone has to own it and keep it calibrated. "
        "Governance wise, we have approval to use the data for this purpose. We have a "
        "small BI team that knows SQL. Also, the board keeps talking about ChatGPT, but "
        "that's not what this is.",
        "D1 G0 R1",
        "",
    ),
    (
        "long_noisy",
        "ml",
        "Spare parts stock, long version",
        "We distribute spare parts for agricultural machinery, 45,000 SKUs, 12 depots. Our "
        "problem is we stock the wrong things: too much of slow parts, not enough of what "
        "breaks in harvest. We have 10 years of sales per part per depot, and a record of "
        "every time a customer left because we didn't have a part. We've tried the "
        "forecasting module in our ERP and it's useless for intermittent demand. What we "
        "want is a model per depot that predicts demand and recommends stock levels, and it "
        "has to adapt as machines age and new models come on the market. No rush on "
        "timing; harvest planning for next year is the target. Most of our people are "
        "mechanics, not tech people, so it needs to be simple to use.",
        "D1 G0 R1 W0",
        "",
    ),
    (
        "long_noisy",
        "ml",
        "Fraud on our marketplace (long, sorry)",
        "We run a secondhand marketplace for electronics with around 80,000 listings a "
        "week. Fraud is growing: fake listings, stolen phones, account takeovers. Our trust "
        "team manually reviews flagged listings and has marked about 350,000 of them as "
        "fraud or fine over three years. The rules we wrote are easy to get around and the "
        "fraud vendors we trialled caught less than our rules did. Fraudsters change tactics "
        "every few weeks, so whatever we build must be watched and retrained all the time. "
        "Our low fraud rate is honestly a big reason sellers trust us over the big "
        "platforms. We have a data platform on GCP. Also, any chance you could write our "
        "trust page copy? Just kidding, focus on the model.",
        "D1 G0 R1 M1",
        "",
    ),
    (
        "long_noisy",
        "ml",
        "Crop disease from drone images - background",
        "We're an agronomy service for vineyards. Growers send us drone flights and we "
        "report disease spots. Right now two agronomists look at every image, which doesn't "
        "scale. Over five seasons they've outlined about 90,000 disease spots on the images, "
        "with the disease name. We tried a couple of general image models and a hosted "
        "vision API and they could not tell mildew from shadow. The drones and cameras get "
        "upgraded every year and new diseases show up, so it needs retraining each season. "
        "Our growers pay us because our reports are accurate. Timeline is flexible, we're "
        "thinking next season. We have images on S3 and a Python developer.",
        "D1 G0 R1 M1 W0",
        "",
    ),
    # --- terse ----------------------------------------------------------------------------
    (
        "terse",
        "ai",
        "Summaries",
        "Summarise call transcripts for sales reps. Hosted model fine. Need it next week.",
        "G1 W1",
        "",
    ),
    (
        "terse",
        "ai",
        "Bot for FAQ",
        "Website bot answering from our FAQ page. No data, no ML team, two weeks.",
        "D0 W1",
        "",
    ),
    (
        "terse",
        "ai",
        "Invoice fields",
        "Extract totals and VAT from PDF invoices into Xero. Off-the-shelf OCR plus an "
        "LLM worked in our test.",
        "G1",
        "",
    ),
    (
        "terse",
        "ai",
        "Translate listings",
        "Translate 5k product listings into German and French, keep our tone. One-off.",
        "R0",
        "",
    ),
    (
        "terse",
        "ai",
        "Triage emails",
        "Route support emails to the right queue. Never labelled any. ASAP.",
        "D0 W1",
        "",
    ),
    (
        "terse",
        "ai",
        "Policy Q&A",
        "Staff ask HR questions, answers from our policy docs with a link. Pilot in 3 weeks.",
        "W1",
        "",
    ),
    (
        "terse",
        "ai",
        "Tag photos",
        "Auto-caption 2,000 event photos for our archive. Just once, no upkeep.",
        "R0",
        "",
    ),
    (
        "terse",
        "ml",
        "Late payments",
        "Predict which invoices get paid late. 6 years of invoices with pay dates. "
        "Retrain monthly.",
        "D1 R1",
        "",
    ),
    (
        "terse",
        "ml",
        "Defect detection",
        "Flag bad welds from X-rays. 50k images marked by inspectors. Vendor tools miss too many.",
        "D1 G0",
        "",
    ),
    (
        "terse",
        "ml",
        "Demand per store",
        "Daily demand forecast per store and SKU, 4 years of sales history, must adapt "
        "to promotions.",
        "D1",
        "",
    ),
    (
        "terse",
        "ml",
        "Scoring leads",
        "Lead scoring from 300k past leads with won/lost. Our scores are what clients pay for.",
        "D1 M1",
        "",
    ),
    (
        "terse",
        "ml",
        "Churn",
        "Churn model, 5 yrs of subscriber history, keep it retrained as the market shifts.",
        "D1 R1",
        "",
    ),
    (
        "terse",
        "ml",
        "Sensor anomalies",
        "Detect pump failures early. Logged failures since 2015. Off-the-shelf tools failed.",
        "D1 G0",
        "",
    ),
    (
        "terse",
        "ml",
        "Pricing",
        "Dynamic pricing model from 3 yrs of bookings and outcomes; must keep learning.",
        "D1 R1",
        "",
    ),
    # --- imperfect English ----------------------------------------------------------------
    (
        "imperfect_english",
        "ai",
        "Need bot for answer clients",
        "Hello, we are small travel agency. Clients ask always same questions about visa and "
        "luggage. We want bot what answer from our documents. We not have data scientist and "
        "not have any labels. Need it working in two week because season is start.",
        "D0 W1",
        "",
    ),
    (
        "imperfect_english",
        "ai",
        "AI for write descriptions",
        "We are furniture maker, we need write descriptions for 800 products in english, "
        "spanish and italian. ChatGPT make it good already when I try, we want automatic "
        "with our template. Is one time job.",
        "G1 R0",
        "",
    ),
    (
        "imperfect_english",
        "ai",
        "Sort the emails of suppliers",
        "Our purchase department receive many emails from suppliers, we want that system "
        "read them and put in correct category in our ERP. Nobody has tag the old emails, "
        "we has no history. Our boss want see result before end of month.",
        "D0 W1",
        "",
    ),
    (
        "imperfect_english",
        "ai",
        "Chat for our hotel guests",
        "We have 3 hotels. Guest ask on whatsapp for breakfast time, parking, late checkout. "
        "The informations change often (menu, prices) so we want the bot read it from our "
        "system, not learn it. Quickly please, high season coming.",
        "W1",
        "",
    ),
    (
        "imperfect_english",
        "ai",
        "Make resume of reports",
        "Every week our engineers write long reports, management want short resume of each "
        "one with main problems. We dont have nothing labelled. The GPT do it quite well "
        "when we test. We need in 3 weeks.",
        "D0 G1 W1",
        "",
    ),
    (
        "imperfect_english",
        "ai",
        "Assistant for search in our manuals",
        "Technicians of us lose time to search in manuals of machines (PDF, 2000 pages). We "
        "want they can ask question in portuguese and receive the answer with the page. Not "
        "need train model, we think. Budget small, time short.",
        "",
        "",
    ),
    (
        "imperfect_english",
        "ai",
        "Classify the complaints of customers",
        "We want classify complaints of customers in categories. But categories is changing "
        "every month by the direction and nobody was labelling before. We want start fast, "
        "maybe 2 weeks.",
        "D0 W1",
        "",
    ),
    (
        "imperfect_english",
        "ml",
        "Predict breakdown of machines",
        "We are factory of plastic. We have data of sensors of 40 machines since 2016 and "
        "all the breakdowns are write in our system with the reason. We want predict before "
        "the machine broke. The machines change with time so model must learn again and "
        "again.",
        "D1 R1",
        "",
    ),
    (
        "imperfect_english",
        "ml",
        "Detect the fraud in insurance",
        "Our company of insurance have 7 year of claims, and investigators have mark which "
        "one was fraud. The fraudsters always find new trick so the model need be "
        "re-trained. The solutions of vendors was not good for our market.",
        "D1 R1 G0",
        "",
    ),
    (
        "imperfect_english",
        "ml",
        "Forecast the sells of bakery",
        "We are chain of 60 bakery. We throw much bread because we not know how much sell. "
        "We have all the sells of 5 years for each shop and product, with weather. Want "
        "model that forecast each day and become better with time.",
        "D1 R1",
        "",
    ),
    (
        "imperfect_english",
        "ml",
        "Quality of fish by photo",
        "We export fish. Inspectors grade fish quality with eyes. We have 80 thousand photos "
        "with the grade of inspector. The general AI of internet not understand fish "
        "quality, we tested. Our buyers pay more for us because the grading is exact.",
        "D1 G0 M1",
        "",
    ),
    (
        "imperfect_english",
        "ml",
        "Who will not pay the loan",
        "We are microfinance in Kenya. We have 200,000 loans with information if client "
        "repay or not. We need score for new clients. The behaviour of clients is changing "
        "with economy so we must retrain often. No model from outside know our clients.",
        "D1 R1 G0",
        "",
    ),
    (
        "imperfect_english",
        "ml",
        "Recommend products in our shop app",
        "Our app have 1 million users and we have history of what every user buy since 3 "
        "years. We want recommendation that is better of what competitor have, this is why "
        "users come to us. Must update the model every week with new buys.",
        "D1 M1 R1",
        "",
    ),
    # --- decided only by the checklist ----------------------------------------------------
    (
        "checklist_only",
        "ai",
        "Sorting incoming documents",
        "We receive scanned documents from customers and need them sorted into types "
        "(ID, payslip, bank statement, other) and key fields read out. A general document "
        "model already handles our samples well. We have no labelled history and need it "
        "running in a fortnight.",
        "G1 D0",
        "",
    ),
    (
        "checklist_only",
        "ai",
        "Flag risky transactions",
        "We want to flag risky transactions for review.",
        "",
        "G1 D0 W1",
    ),
    (
        "checklist_only",
        "ai",
        "Forecasting support",
        "Help us estimate next quarter's support volume so we can plan staffing.",
        "",
        "G1 M0 D0",
    ),
    (
        "checklist_only",
        "ai",
        "Image tagging for our catalogue",
        "Tag catalogue photos with colour, pattern and material. A hosted vision model got "
        "about nine in ten right in our test and nobody is going to maintain anything "
        "afterwards. This is a back-office chore, not what our customers pay for.",
        "G1 R0 M0",
        "",
    ),
    (
        "checklist_only",
        "ai",
        "Score loan applications",
        "We want to score small business loan applications.",
        "",
        "G1 M0 W1",
    ),
    (
        "checklist_only",
        "ai",
        "Sentiment on reviews",
        "Measure sentiment in our hotel reviews every week. We have never labelled any "
        "reviews, the hosted model's readings look right to us, and we'd like a dashboard "
        "up within days.",
        "D0 G1 W1",
        "",
    ),
    (
        "checklist_only",
        "ai",
        "Classify support tickets",
        "Classify support tickets by product area.",
        "",
        "G1 D0 R0",
    ),
    (
        "checklist_only",
        "ml",
        "Sorting incoming documents",
        "We receive scanned documents from customers and need them sorted into types and "
        "key fields read out. General document models get our handwritten forms wrong, we "
        "have 600,000 documents already sorted and keyed by our back office, and the forms "
        "change every year so it will need retraining.",
        "G0 D1 R1",
        "",
    ),
    (
        "checklist_only",
        "ml",
        "Flag risky transactions",
        "We want to flag risky transactions for review.",
        "",
        "G0 M1 D1 R1",
    ),
    (
        "checklist_only",
        "ml",
        "Forecasting support",
        "Help us estimate next quarter's support volume so we can plan staffing.",
        "",
        "G0 D1 R1",
    ),
    (
        "checklist_only",
        "ml",
        "Image tagging for our catalogue",
        "Tag catalogue photos with colour, pattern and material. Hosted vision models get "
        "our fabrics wrong most of the time; we have 300,000 photos tagged by our "
        "merchandisers, and the tagging accuracy is the reason retailers license our "
        "catalogue.",
        "G0 D1 M1",
        "",
    ),
    (
        "checklist_only",
        "ml",
        "Score loan applications",
        "We want to score small business loan applications.",
        "",
        "G0 M1 D1",
    ),
    (
        "checklist_only",
        "ml",
        "Sentiment on reviews",
        "Measure sentiment in our hotel reviews. Hosted models miss the sarcasm that is "
        "typical for our guests; we have 150,000 reviews scored by our quality team and "
        "the reading must be retrained as guest language shifts.",
        "G0 D1 R1",
        "",
    ),
    (
        "checklist_only",
        "ml",
        "Classify support tickets",
        "Classify support tickets by product area.",
        "",
        "G0 D1 R1 M1",
    ),
    # --- decided by ownership over time ---------------------------------------------------
    (
        "ownership_over_time",
        "ml",
        "Route optimisation estimates",
        "We need delivery time estimates for our courier app. We have two years of "
        "deliveries with actual times. The city changes, roadworks come and go, and drivers "
        "change, so we need someone to own the model and keep it accurate month after month.",
        "D1 R1",
        "",
    ),
    (
        "ownership_over_time",
        "ml",
        "Spam filter for our forum",
        "Our forum gets spam. We've removed about 90,000 spam posts by hand over the years. "
        "Spammers adapt within days of any filter, so we want a model that is retrained "
        "continuously and monitored, not a one-time fix.",
        "D1 R1",
        "",
    ),
    (
        "ownership_over_time",
        "ml",
        "Ad bidding",
        "We bid on ad auctions and want a model that predicts conversion value per "
        "impression from our own history of 2 billion impressions. The market shifts every "
        "week, so the model must be retrained daily and watched for drift; this is our "
        "edge over other agencies.",
        "D1 R1 M1",
        "",
    ),
    (
        "ownership_over_time",
        "ml",
        "Wear prediction for rail",
        "Predict wear on rail track sections from inspection train measurements, eleven "
        "years of them, with the maintenance done after each. Traffic and rolling stock "
        "change, so we want a team to own and evolve the model for years.",
        "D1 R1",
        "",
    ),
    (
        "ownership_over_time",
        "ml",
        "Queue time for our theme park",
        "Estimate ride queue times an hour ahead from five years of turnstile and queue "
        "data. New rides open every season and guests' habits change, so it has to keep "
        "learning; nobody offers this for our parks.",
        "D1 R1",
        "",
    ),
    (
        "ownership_over_time",
        "ml",
        "Transaction categories for a bank app",
        "Our banking app categorises card transactions. We have 40 million transactions "
        "corrected by customers in the app. New merchants appear every day, so the model "
        "needs a retraining pipeline and monitoring that someone maintains.",
        "D1 R1",
        "",
    ),
    (
        "ownership_over_time",
        "ml",
        "Yield of our production line",
        "We want to predict which batches will fail quality control from process readings. "
        "Every batch since 2019 has its QC result. Raw materials change suppliers a lot, so "
        "the predictions will degrade over time unless someone keeps retraining them.",
        "D1 R1",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Draft answers to tenders, one season",
        "We want draft answers to a batch of 30 tenders from our past bids. It's for this "
        "bidding season only; after that we'll hand it over and nobody will maintain it.",
        "R0",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Clean up our product names",
        "Normalise the names of 20,000 products in our old catalogue before we migrate. A "
        "one-off job: once the catalogue is moved, we're done.",
        "R0",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Summaries of a research archive",
        "Write a summary for each of the 4,000 reports in our research archive so we can "
        "publish an index. The archive is closed and won't change; this runs once.",
        "R0",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Event chatbot",
        "A chatbot for our three-day conference answering questions about sessions, rooms "
        "and speakers from the programme. After the event it will be switched off, so there "
        "is nothing to maintain.",
        "R0",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Migrate help articles",
        "Rewrite our 1,200 help articles into the new format and tone before the new help "
        "centre goes live. It's a one-time migration; no ongoing work.",
        "R0",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Extract data from old contracts",
        "Pull the parties, dates and renewal terms out of 8,000 old contracts into a "
        "spreadsheet for our legal audit. Single pass, no upkeep afterwards, and a hosted "
        "model did well on a sample.",
        "R0 G1",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Accessibility alt text",
        "Generate alt text for the 15,000 images on our website for an accessibility audit. "
        "Just once; new images will be described by the editors.",
        "R0",
        "",
    ),
    # --- fine-tuning traps, both directions -----------------------------------------------
    (
        "fine_tuning_trap",
        "ai",
        "Fine-tune GPT on our product manuals",
        "We want to fine-tune GPT on our 300 product manuals so customers can ask it how to "
        "set up their router. Manuals get updated with every firmware release.",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ai",
        "Train the bot on our menu",
        "Train our ordering bot on our menu and prices so it can take orders on WhatsApp. "
        "The menu and prices change every week in all our 12 restaurants.",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ai",
        "Fine-tuned model for our policies",
        "We need a model fine-tuned on our insurance policy wording so agents can ask what "
        "is covered. The policy documents are revised each quarter.",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ai",
        "Teach the AI our stock levels",
        "Can you teach the assistant our stock levels and delivery dates so it tells "
        "customers when things arrive? Stock changes all the time across our warehouses.",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ai",
        "Fine-tune on our internal wiki",
        "We'd like to fine-tune an LLM on our internal wiki so new staff can ask it "
        "anything about how we work. The wiki is edited daily.",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ai",
        "Train ChatGPT on our event schedule",
        "Train ChatGPT on our festival schedule and ticket prices so visitors can ask about "
        "them. The line-up changes weekly until the festival.",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ai",
        "Fine-tune for our legal templates",
        "Fine-tune a model on our contract templates and clause library so lawyers can "
        "draft faster. Templates are updated whenever the law changes.",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "Fine-tune a speech model for our call centre",
        "Hosted speech-to-text gets a third of our callers' words wrong: heavy regional "
        "accents and product codes. We have 20,000 hours of calls with human transcripts. "
        "We want to fine-tune a speech model no public one can match, serve it ourselves "
        "and retrain it as new products launch.",
        "G0 D1 R1",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "Fine-tune a vision model for our parts",
        "No public vision model recognises our 9,000 spare parts. We have 1.5 million part "
        "photos labelled by our warehouse. Fine-tune a model we host on our own servers and "
        "retrain it when new parts arrive each month.",
        "G0 D1 R1",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "Fine-tune a language model for clinical coding",
        "Assign billing codes to clinical notes. General LLMs get the codes wrong half of "
        "the time. We have 3 million notes with codes assigned by certified coders. We want "
        "to fine-tune our own model, run it on-premises for privacy and retrain it as the "
        "code sets are revised every year.",
        "G0 D1 R1",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "Fine-tune for chemical property prediction",
        "We want to fine-tune a molecular model on our 400,000 measured compounds to "
        "predict solubility. Public models are far off for our chemistry, and the "
        "predictions are the product our pharma clients pay for. It must be retrained as "
        "new lab results come in.",
        "G0 D1 M1 R1",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "Fine-tune an LLM to grade essays",
        "We grade student essays for exam boards. Hosted LLMs disagree with our examiners "
        "far too often. We hold 600,000 essays with examiner marks. Fine-tune a model that "
        "matches our examiners, host it ourselves and retrain each exam season; our marking "
        "accuracy is why exam boards choose us.",
        "G0 D1 R1 M1",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "Fine-tuning for fraud text",
        "Fine-tune a text model on our 250,000 scam messages flagged by our trust team, "
        "because off-the-shelf classifiers miss local scams. Scammers change scripts "
        "weekly, so the model must be retrained and monitored continuously.",
        "D1 G0 R1",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "Fine-tune a forecaster with our chat on top",
        "We want a chat assistant for planners, but underneath it we need a demand forecast "
        "model trained on our 6 years of sales; the chat just explains the forecast. "
        "Vendor forecasts miss our promotions badly and the model must be retrained weekly.",
        "D1 G0 R1",
        "",
    ),
]
