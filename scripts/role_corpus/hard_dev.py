"""Development hard briefs: the set the checklist cues, traps and weights are tuned on
(matching/classifier/corpus/dev.jsonl). Same kinds and format as hard_heldout.py; never
scored as held-out accuracy.
"""

from __future__ import annotations

from hard_heldout import HardBrief

DEV: list[HardBrief] = [
    # --- worded against the keywords ------------------------------------------------------
    (
        "against_keywords",
        "ai",
        "Predict which support tickets are urgent",
        "Predict which support tickets are urgent so the right ones jump the queue. We have "
        "an export of last year's tickets but nobody ever tagged urgency. It has to be "
        "working before our busy season in three weeks, and the definition of urgent "
        "changes with each product launch.",
        "D0 W1",
        "",
    ),
    (
        "against_keywords",
        "ai",
        "Train a model to spot angry customers",
        "We want to train a model that spots angry customers in live chat so a manager can "
        "step in. There are no labels on past chats. An LLM with a short instruction caught "
        "every angry chat in our sample of fifty.",
        "D0 G1",
        "",
    ),
    (
        "against_keywords",
        "ai",
        "Forecasting model for next-best action",
        "A forecasting model that tells account managers the next best action for each "
        "client. We don't have any record of which actions worked in the past; the playbook "
        "is written down though. Needs to be live for the sales kickoff in a fortnight.",
        "D0 W1",
        "",
    ),
    (
        "against_keywords",
        "ai",
        "Computer vision for receipts",
        "Computer vision to read expense receipts into our finance tool. Nothing has been "
        "labelled; a document API read our test receipts fine. We need it by month end.",
        "D0 G1 W1",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "LLM for our radiology reports",
        "LLM for our radiology reports. Hosted models miss 30% of the findings on our scans; "
        "we have 400,000 scans with signed reports and need a vision model that finds what "
        "the general ones miss, retrained as our scanners change.",
        "G0 D1 R1",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "Chatbot to answer 'will my parcel be late?'",
        "Customers ask our chatbot whether their parcel will be late. The honest answer "
        "needs a prediction: we have 30 million past parcels with planned and actual "
        "delivery times, and carrier performance shifts every week, so the estimate must be "
        "retrained constantly. The chat part is trivial.",
        "D1 R1",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "AI assistant for mortgage brokers",
        "An AI assistant for mortgage brokers that shows the chance a lender approves a "
        "case. We have 200,000 past applications with the lender's decision, and the "
        "approval predictions are the whole reason brokers come to us. Lenders change "
        "criteria, so it must keep learning.",
        "D1 M1 R1",
        "",
    ),
    (
        "against_keywords",
        "ml",
        "Prompting for shelf photos",
        "We were told prompting could count products on supermarket shelf photos. The "
        "general vision models we tried miscount badly. Our auditors have annotated 120,000 "
        "shelf photos, and packaging changes every month.",
        "G0 D1",
        "",
    ),
    # --- long and noisy -------------------------------------------------------------------
    (
        "long_noisy",
        "ai",
        "Our school's parent emails (long)",
        "Hi there. I'm the business manager at a secondary school with 1,400 pupils. The "
        "office gets flooded with parent emails: term dates, uniform, dinner money, trips, "
        "absence. Everything is on our website and in the parent handbook but nobody reads "
        "them. We'd like a helper that drafts a reply from those pages for the office to "
        "check. We have no IT team beyond a technician, no data, and the budget comes from "
        "this year's pot so it needs to work before the autumn term in five weeks. Someone "
        "mentioned we'd need to build our own AI, which sounds expensive. Also our printer "
        "is broken but that's not your problem.",
        "D0 W1",
        "",
    ),
    (
        "long_noisy",
        "ai",
        "Sales call prep (context)",
        "We sell software to logistics companies. Before every call our reps spend half an "
        "hour reading the account's notes in Salesforce, old emails and the news. We want a "
        "one-page brief generated before each meeting. We tried a hosted model with a few "
        "accounts and the briefs were good enough to use. Data stays in Salesforce; we have "
        "a Salesforce admin but no engineers. The sales kickoff is in four weeks and we want "
        "to show it there. Unrelated: the CEO also asked about a new logo.",
        "G1 W1",
        "",
    ),
    (
        "long_noisy",
        "ai",
        "Product feedback in many places",
        "Our product feedback lives everywhere: app store reviews, Intercom chats, sales "
        "notes, a Canny board. Every month the PM team spends two days reading it and "
        "writing a report. We want the report drafted automatically with themes and quotes. "
        "Nobody has ever tagged any of it. We're not trying to build anything proprietary, "
        "it's for internal use only. Would be great to have something in a few weeks.",
        "D0 M0 W1",
        "",
    ),
    (
        "long_noisy",
        "ai",
        "Insurance broker's inbox, background",
        "We're a broker with 30 staff. Clients email certificates, claims and renewals in "
        "every format. We'd like incoming emails read, the client and policy identified, "
        "and a task created in our broker system. We've tested a general model on a week "
        "of emails and it got nearly everything right. No historical tagging exists. Our "
        "renewal season starts in six weeks and that's when it matters.",
        "G1 D0 W1",
        "",
    ),
    (
        "long_noisy",
        "ml",
        "Chargeback prediction (long)",
        "We're a payments company for online merchants, about 40 million transactions a "
        "month. Chargebacks cost our merchants a fortune. We have 3 years of labelled "
        "disputes, every chargeback with its reason code. The card networks' generic risk "
        "scores are far too blunt for our merchants. We need someone to own it as fraudsters "
        "adapt, with monitoring and retraining. Our merchants pick us over bigger processors "
        "for our low chargeback rates. Timeline: this is a year-long effort. Side note: our "
        "marketing team wants a chatbot too, ignore that.",
        "D1 G0 R1 M1 W0",
        "",
    ),
    (
        "long_noisy",
        "ml",
        "Water leaks in our network (background)",
        "We're a regional water utility. We lose 22% of our water to leaks. We have "
        "pressure and flow sensors on the network, readings every five minutes since 2014, "
        "and every confirmed leak with its location from the repair crews. The leak "
        "detection tool from our SCADA vendor mostly raises false alarms. The network "
        "changes as pipes are replaced, so the model will need retraining. We are a public "
        "body, so procurement takes months anyway; a long-term project suits us.",
        "D1 G0 R1 W0",
        "",
    ),
    (
        "long_noisy",
        "ml",
        "Player churn in our mobile game",
        "We make a mobile puzzle game with 3 million monthly players. We want to know which "
        "players are about to leave so we can offer them something. We log every session "
        "and purchase, and we know which players left over the past four years. Every "
        "content update changes player behaviour, so whatever model we have goes stale "
        "within weeks. We tried a vendor's churn product and it was worse than our simple "
        "rules. This isn't urgent; we'd rather build it properly this year.",
        "D1 R1 G0",
        "",
    ),
    (
        "long_noisy",
        "ml",
        "Hotel pricing, long story",
        "We own 25 hotels. Room prices are set by revenue managers with spreadsheets. We "
        "have nine years of bookings, cancellations and the prices we charged. The revenue "
        "management systems we trialled didn't understand our mix of business and leisure "
        "guests. Demand patterns shift as events and airlines change, so the model has to "
        "be retrained all the time. Our pricing is a big part of why we beat the chains.",
        "D1 G0 R1 M1",
        "",
    ),
    # --- terse ----------------------------------------------------------------------------
    (
        "terse",
        "ai",
        "Meeting notes",
        "Summarise Zoom meetings into action items. ChatGPT does it well. Need it this week.",
        "G1 W1",
        "",
    ),
    (
        "terse",
        "ai",
        "Reply drafts",
        "Draft replies to reviews. No labels. A few weeks max.",
        "D0 W1",
        "",
    ),
    (
        "terse",
        "ai",
        "Categorise tickets",
        "Categorise tickets, categories change monthly, no history.",
        "D0",
        "",
    ),
    (
        "terse",
        "ai",
        "Rewrite job ads",
        "Rewrite 400 job ads in our new tone. One-off.",
        "R0",
        "",
    ),
    (
        "terse",
        "ml",
        "No-shows",
        "Predict appointment no-shows. 4 years of bookings with attendance. Retrain quarterly.",
        "D1 R1",
        "",
    ),
    (
        "terse",
        "ml",
        "Visual inspection",
        "Scratch detection on phone screens, 90k labelled images, APIs miss half.",
        "D1 G0",
        "",
    ),
    (
        "terse",
        "ml",
        "Fraud",
        "Card fraud model, 3 years labelled, must adapt as fraudsters change.",
        "D1 R1",
        "",
    ),
    (
        "terse",
        "ml",
        "Energy forecast",
        "Forecast site energy use from 5 years of meter data, keep it learning.",
        "D1 R1",
        "",
    ),
    # --- imperfect English ----------------------------------------------------------------
    (
        "imperfect_english",
        "ai",
        "Bot for answer the students",
        "We are language school. Students ask many times about price, level and schedule. "
        "We want bot that answer from our website, we not have any data labelled and we "
        "need quick, in three week.",
        "D0 W1",
        "",
    ),
    (
        "imperfect_english",
        "ai",
        "Write offers to clients",
        "Our sellers write offers manually, we want AI write first version from the "
        "catalogue and the email of client. ChatGPT do it okay when we try. Is not our core "
        "business.",
        "G1 M0",
        "",
    ),
    (
        "imperfect_english",
        "ai",
        "Resume the long emails",
        "Managers receive very long emails, want a resume short on top. Nobody labelled "
        "nothing. Fast please.",
        "D0 W1",
        "",
    ),
    (
        "imperfect_english",
        "ai",
        "Question about our regulations",
        "Employees of us want ask question about internal regulation (200 PDF) and have "
        "the answer with the article. The regulations change every year.",
        "",
        "",
    ),
    (
        "imperfect_english",
        "ml",
        "Predict the sells of ice cream",
        "We are producer of ice cream. We have the sells of 8 year per day with the "
        "temperature. Want model that predict the production and that learn again each "
        "season.",
        "D1 R1",
        "",
    ),
    (
        "imperfect_english",
        "ml",
        "Find the defect in textile",
        "Factory of textile, we have 60 thousand photo of fabric with defect marked by "
        "operator. The programs of market not find our defects. Model must be retrain when "
        "we change the fabric.",
        "D1 G0 R1",
        "",
    ),
    (
        "imperfect_english",
        "ml",
        "Score of clients for credit",
        "We are leasing company, we have 10 years of contracts with the information who "
        "paid and who not. Want score better of the bureau score, this is our advantage.",
        "D1 M1",
        "",
    ),
    (
        "imperfect_english",
        "ml",
        "Maintenance of trains",
        "We have data of the doors of 300 trains, and all the failures registered since "
        "2017. We want know before the door fail. The trains are old and change, the model "
        "must follow.",
        "D1",
        "",
    ),
    # --- decided only by the checklist ----------------------------------------------------
    (
        "checklist_only",
        "ai",
        "Matching candidates to jobs",
        "Match candidates to open jobs.",
        "",
        "G1 D0 W1",
    ),
    (
        "checklist_only",
        "ai",
        "Tagging news articles",
        "Tag news articles with topics. A hosted model already tags our samples well, there "
        "are no labelled articles, and we need it within two weeks.",
        "G1 D0 W1",
        "",
    ),
    (
        "checklist_only",
        "ai",
        "Estimate repair costs",
        "Estimate repair costs from damage photos.",
        "",
        "G1 M0 D0",
    ),
    (
        "checklist_only",
        "ai",
        "Spot duplicate suppliers",
        "Spot duplicate supplier records in our ERP. This is a one-off clean-up, and a "
        "general model handled our sample easily.",
        "R0 G1",
        "",
    ),
    (
        "checklist_only",
        "ml",
        "Matching candidates to jobs",
        "Match candidates to open jobs.",
        "",
        "G0 M1 D1 R1",
    ),
    (
        "checklist_only",
        "ml",
        "Tagging news articles",
        "Tag news articles with topics. Hosted models confuse our niche topics, we have "
        "2 million articles tagged by our editors, and the tags must be retrained as new "
        "topics emerge.",
        "G0 D1 R1",
        "",
    ),
    (
        "checklist_only",
        "ml",
        "Estimate repair costs",
        "Estimate repair costs from damage photos.",
        "",
        "G0 D1 M1",
    ),
    (
        "checklist_only",
        "ml",
        "Spot duplicate suppliers",
        "Spot duplicate supplier records in our ERP. General models merge the wrong ones; "
        "we have 80,000 pairs marked duplicate or not by our data team, and new suppliers "
        "arrive daily so it needs retraining.",
        "G0 D1 R1",
        "",
    ),
    # --- decided by ownership over time ---------------------------------------------------
    (
        "ownership_over_time",
        "ml",
        "Estimated time of arrival for our ferries",
        "Estimate ferry arrival times from six years of voyage logs. Weather, vessels and "
        "timetables change, so we want someone to own the model and keep it accurate.",
        "D1 R1",
        "",
    ),
    (
        "ownership_over_time",
        "ml",
        "Content moderation for our app",
        "We have 500,000 posts removed by moderators. Abusers adapt to every filter, so the "
        "model needs continuous retraining and monitoring.",
        "D1 R1",
        "",
    ),
    (
        "ownership_over_time",
        "ml",
        "Inventory shrinkage",
        "Predict which stores will have shrinkage from 3 years of stock counts. Theft "
        "patterns evolve, so this must be maintained and improved over time.",
        "D1 R1",
        "",
    ),
    (
        "ownership_over_time",
        "ml",
        "Call volume planning",
        "Forecast call volumes per half hour from our history since 2018. Campaigns and "
        "customer behaviour change, so it must be refit every month.",
        "D1 R1",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Annual report drafting",
        "Draft sections of this year's annual report from our board papers. Just this once.",
        "R0",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Tag our photo archive",
        "Caption and tag our 30,000-photo archive before the museum opens. One-off; the "
        "archive is closed.",
        "R0",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Translate the old manuals",
        "Translate 150 old machine manuals into Spanish. It's a single batch, no "
        "maintenance afterwards.",
        "R0",
        "",
    ),
    (
        "ownership_over_time",
        "ai",
        "Wedding fair chatbot",
        "A chatbot for a weekend wedding fair answering questions about exhibitors from "
        "our list. It will be switched off after the fair.",
        "R0",
        "",
    ),
    # --- fine-tuning traps, both directions -----------------------------------------------
    (
        "fine_tuning_trap",
        "ai",
        "Teach the bot our opening hours",
        "Teach the bot our opening hours: we want to fine-tune our store assistant so it "
        "learns our opening hours, holiday closures and current promotions for 40 shops. "
        "These change every week.",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ai",
        "Train the AI on our docs",
        "Can you train the AI on our docs so customers get answers about our software?",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ai",
        "Fine-tune on our price list",
        "Fine-tune a model on our price list so sales can ask for quotes in chat. Prices "
        "are updated every Monday.",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ai",
        "Fine-tune GPT on our help centre",
        "We want GPT fine-tuned on our help centre articles so the support bot answers "
        "correctly. Articles change whenever we ship.",
        "",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "Fine-tune a model for our welds",
        "Fine-tune a vision model no public model can match on our 300,000 graded weld "
        "images, serve it ourselves and retrain it every quarter.",
        "G0 D1 R1",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "Fine-tune speech for our cockpit audio",
        "Hosted speech models fail on cockpit audio. We have 8,000 hours transcribed by "
        "our analysts. Fine-tune our own model, host it on our own servers and retrain it "
        "as aircraft types change.",
        "G0 D1 R1",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "Fine-tune for legal outcome prediction",
        "Fine-tune a model to predict case outcomes from our 90,000 past cases with "
        "verdicts. Public LLMs only guess, and our predictions are what law firms pay us "
        "for. Retrain as case law moves.",
        "D1 G0 M1 R1",
        "",
    ),
    (
        "fine_tuning_trap",
        "ml",
        "GenAI front end for our risk model",
        "We want a GenAI assistant on top of a custom credit risk model that we need built "
        "from our 8 years of loan outcomes; the assistant only explains the score.",
        "D1",
        "",
    ),
]
