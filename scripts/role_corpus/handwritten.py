"""Briefs written out by hand, one by one, as a client might type them.

Each entry is (title, description, required_skills, checklist). They are deliberately
uneven: some are one line, some ramble, many avoid the obvious vocabulary, and a few
mention the other role's words in passing (hard cases).
"""

from __future__ import annotations

Brief = tuple[str, str, list[str], dict[str, bool | None]]

AI_BRIEFS: list[Brief] = [
    (
        "Reply drafts for support",
        "Our support team drowns in tickets; we want drafts of replies from our help-centre "
        "articles so agents only have to check and send.",
        [],
        {},
    ),
    (
        "Ask our contracts anything",
        "We are a 40-person law firm. Associates spend hours hunting through old contracts for "
        "clauses. We'd like them to type a question and get the answer with a link to the exact "
        "paragraph it came from.",
        ["Python"],
        {"general_model_sufficient": True},
    ),
    (
        "Plain-English questions over our sales database",
        "Managers keep asking the data team for the same numbers. Let them type 'how many "
        "renewals did we lose in Q3 in Germany' and get the figure back from Postgres.",
        ["SQL", "Python"],
        {"needs_value_within_weeks": True},
    ),
    (
        "Chat assistant for our booking site",
        "A helper on the website that answers questions about rooms, parking and cancellation "
        "policy, and hands over to a human when it is unsure.",
        [],
        {},
    ),
    (
        "Meeting notes that write themselves",
        "We record every client call. We want a tidy summary, action items and the next meeting "
        "date pushed into HubSpot automatically.",
        ["HubSpot API"],
        {"has_training_data": False},
    ),
    (
        "Search our research library by meaning",
        "Ten thousand PDFs of internal research. Keyword search is useless because people use "
        "different words for the same thing. Need search that understands what you mean.",
        ["Elasticsearch"],
        {},
    ),
    (
        "Pull fields out of supplier invoices",
        "Invoices come in as scans and emails in every layout imaginable. Extract supplier, "
        "totals, VAT and line items into our ERP. Off-the-shelf document APIs looked promising in "
        "a quick test.",
        [],
        {"general_model_sufficient": True, "needs_value_within_weeks": True},
    ),
    (
        "Onboarding buddy in Slack",
        "New joiners ask the same fifty questions. A bot in Slack that answers from our Notion "
        "handbook would save the ops team a day a week.",
        ["Slack API", "Notion API"],
        {},
    ),
    (
        "Product descriptions at scale",
        "We list 3,000 new products a month and copywriters can't keep up. Generate first drafts "
        "in our brand voice from the spec sheet, with a human approving each one.",
        [],
        {"needs_value_within_weeks": True, "model_is_moat": False},
    ),
    (
        "Agent that files expense reports",
        "Employees forward a receipt photo; something reads it, fills in the expense form in our "
        "finance tool via its API and asks the employee only when a field is ambiguous.",
        ["tool calling", "Python"],
        {},
    ),
    (
        "Ticket summaries for handover",
        "When a ticket changes hands the next agent has to read 40 messages. Give them a "
        "five-line summary at the top.",
        [],
        {"general_model_sufficient": True},
    ),
    (
        "Internal policy Q&A",
        "HR policies are spread across SharePoint. Staff should be able to ask 'how many days of "
        "parental leave do I get in Spain' and get an answer with the source.",
        ["SharePoint", "Azure"],
        {"has_training_data": False, "needs_value_within_weeks": True},
    ),
    (
        "Help our recruiters screen CVs faster",
        "Read a CV and the job ad, write a short note on fit and the three questions to ask on "
        "the phone screen. Recruiters decide; this just saves reading time.",
        [],
        {},
    ),
    (
        "Customer review digest",
        "Each week we get a few thousand app store reviews. We want a digest: the main themes, "
        "a few quotes for each, and anything that sounds like a bug.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Voice of the customer in Portuguese and Spanish",
        "Survey answers arrive in three languages. Translate, group by theme and write a monthly "
        "memo for the product team.",
        [],
        {},
    ),
    (
        "Quote builder assistant",
        "Sales reps describe a customer's setup in a few sentences and the assistant proposes a "
        "quote using our price book and configuration rules, calling our CPQ API.",
        ["function calling", "TypeScript"],
        {"general_model_sufficient": True},
    ),
    (
        "RFP answering",
        "We answer about 60 security questionnaires a year. Most questions were already answered "
        "in earlier ones. Draft answers from the previous responses and flag the new questions.",
        ["RAG"],
        {},
    ),
    (
        "Lots of data, no model needed",
        "We have a lot of data in Confluence and Jira, years of it. We don't want to build our own "
        "model; we want engineers to ask questions over it and get answers with links.",
        ["Confluence API", "vector database"],
        {"general_model_sufficient": True, "model_is_moat": False},
    ),
    (
        "Evaluate our prompts properly",
        "We already ship a writing assistant built on a hosted model. Quality drifts whenever we "
        "edit the prompt. We need a test set, automatic grading and a dashboard so we stop "
        "guessing.",
        ["prompt engineering", "evals"],
        {"model_is_moat": False},
    ),
    (
        "Tutor for our online courses",
        "Learners get stuck on exercises. A tutor that gives hints drawn from the course material, "
        "never the full answer.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Clinic letter drafting",
        "Doctors dictate a few bullet points after a consultation; we want a properly formatted "
        "letter to the GP drafted for them to review. Hosting must stay in the EU.",
        [],
        {"general_model_sufficient": True, "has_training_data": False},
    ),
    (
        "Semantic search for our e-commerce help pages",
        "Shoppers type things like 'my parcel never came' and our search returns nothing. Make it "
        "find the right help article.",
        ["embeddings", "pgvector"],
        {},
    ),
    (
        "Compliance check on marketing copy",
        "Before a campaign goes out, check the text against our list of forbidden claims and the "
        "regulator's guidance and explain any problem in plain words.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Turn call transcripts into CRM notes",
        "Transcripts already exist from our dialer. We want the key facts (budget, timeline, "
        "competitors mentioned) written into Salesforce fields.",
        ["Salesforce API"],
        {},
    ),
    (
        "Ops copilot for our warehouse staff",
        "Supervisors should be able to ask 'which orders are late and why' and the assistant "
        "looks it up through our WMS API and explains.",
        ["agents", "REST APIs"],
        {"general_model_sufficient": True},
    ),
    (
        "Prototype in two weeks",
        "Board meeting in two weeks. We need a working demo of an assistant that answers questions "
        "about our insurance products from the policy wording documents.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Email triage with a hosted model",
        "Shared inbox gets 2,000 emails a day. Route each to the right team and draft an "
        "acknowledgement. We tried a hosted model on 100 emails and it already got most right.",
        [],
        {"general_model_sufficient": True, "has_training_data": False},
    ),
    (
        "Knowledge base for field technicians",
        "Technicians on site need answers from 800 equipment manuals on their phone, including "
        "the diagram page. Connection is flaky so answers should be short.",
        [],
        {},
    ),
    (
        "Grant application helper",
        "Our charity writes dozens of grant applications. Reuse what we wrote before and adapt it "
        "to each funder's questions.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Chat over our API documentation",
        "Developers integrating with us ask the same questions on Discord. A docs assistant that "
        "answers with code snippets from our reference pages.",
        ["LlamaIndex", "OpenAI API"],
        {},
    ),
    (
        "Legal intake form that talks back",
        "Instead of a 30-field form, a conversation that gathers the facts of a tenant's problem "
        "and produces a structured case summary for our volunteer lawyers.",
        [],
        {"has_training_data": False},
    ),
    (
        "Board pack summaries",
        "Directors receive 200-page board packs. A two-page brief with the decisions required and "
        "the risks flagged.",
        [],
        {},
    ),
    (
        "Accessible alt text",
        "Our publishing platform has millions of images without descriptions. Generate alt text "
        "with an existing vision-language API and let editors correct it.",
        [],
        {"general_model_sufficient": True},
    ),
    (
        "Answer bot for our ERP users",
        "Users of our accounting product ask how-to questions. Answer from the manual and our "
        "forum threads, in German and English.",
        ["RAG", "German"],
        {},
    ),
    (
        "Structured data from clinical trial PDFs",
        "Pull inclusion criteria, endpoints and dosing from trial protocols into a spreadsheet. "
        "The team checks everything, so speed matters more than perfection.",
        [],
        {"needs_value_within_weeks": True, "model_is_moat": False},
    ),
    (
        "Sales email personaliser",
        "Given a prospect's website and LinkedIn summary, write a first line for the outreach "
        "email that isn't generic.",
        [],
        {},
    ),
    (
        "Internal 'ask finance' assistant",
        "Budget holders ask finance the same things about cost codes and approval limits. Answer "
        "from the finance wiki and escalate to a person when it can't.",
        [],
        {"general_model_sufficient": True, "needs_continuous_retraining": False},
    ),
    (
        "Agent that reconciles bank statements",
        "Match lines in the bank statement to invoices in Xero; when unsure, explain the options "
        "to the bookkeeper. Work through the Xero API.",
        ["Xero API", "agents"],
        {},
    ),
    (
        "Game master assistant",
        "Our tabletop gaming app wants a narrator that improvises scenes from the rulebook and the "
        "players' previous sessions.",
        [],
        {},
    ),
    (
        "Make our FAQ conversational",
        "We have a good FAQ. Nobody reads it. Put a conversational layer on top.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Property listing Q&A",
        "Buyers ask agents about service charges, lease length and parking. The answers are in "
        "the listing pack PDFs. Answer automatically, cite the page.",
        [],
        {},
    ),
    (
        "Dev tooling: PR descriptions",
        "Write pull request descriptions and release notes from the diff and the linked tickets.",
        ["GitHub API"],
        {"general_model_sufficient": True},
    ),
    (
        "Retrieval over case notes for social workers",
        "Social workers need to find what happened with a family two years ago without reading "
        "every note. Strict access control per case.",
        ["vector search", "access control"],
        {"has_training_data": False},
    ),
    (
        "Procurement assistant",
        "Staff describe what they need to buy and the assistant finds the approved supplier and "
        "the right catalogue item, then raises the purchase request through our system's API.",
        [],
        {},
    ),
    (
        "We are not data scientists",
        "Small agency, no data team. We want to use the big hosted models to speed up writing "
        "campaign briefs and need someone to wire it into our tools properly.",
        [],
        {"general_model_sufficient": True, "needs_value_within_weeks": True},
    ),
    (
        "Model-agnostic gateway",
        "We call three different providers' models. Build a thin layer with prompt templates, "
        "fallbacks, caching and cost tracking.",
        ["Python", "OpenAI API", "Anthropic API"],
        {},
    ),
    (
        "Guardrails",
        "Our public chatbot sometimes makes up refund policies. Add grounding in the policy docs, "
        "refusal rules and tests so it stops inventing things.",
        ["prompt engineering", "evals"],
        {},
    ),
    (
        "Customer data model questions",
        "We have a data model in dbt with 300 tables. Analysts want to ask which table holds what "
        "and get the SQL written for them.",
        ["dbt", "SQL"],
        {"general_model_sufficient": True},
    ),
    (
        "Patent prior-art search",
        "Find earlier patents similar to an invention disclosure, explain the overlap in a "
        "paragraph each.",
        [],
        {},
    ),
    (
        "Localise our app copy",
        "Translate the interface strings into 12 languages keeping tone and placeholders, with a "
        "glossary we control.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Hotel concierge on WhatsApp",
        "Guests message us on WhatsApp. Answer about breakfast times, taxis and restaurants "
        "nearby, and book spa slots through our booking system.",
        ["WhatsApp API"],
        {},
    ),
    (
        "Quick win for the claims team",
        "Claims handlers read long emails from customers. Give them a summary and a suggested "
        "next step. Needs to be live this quarter.",
        [],
        {"needs_value_within_weeks": True, "needs_continuous_retraining": False},
    ),
    (
        "Research assistant for analysts",
        "Our equity analysts want to ask questions across earnings call transcripts and filings, "
        "with every answer pointing at the quote it came from.",
        ["RAG", "reranking"],
        {},
    ),
    (
        "Tag our articles",
        "Assign topics from our taxonomy to each news article so the site can build topic pages. "
        "A hosted model with a good prompt seemed to do fine in a trial.",
        [],
        {"general_model_sufficient": True},
    ),
    (
        "Parent questions at a school group",
        "Parents email about term dates, uniforms and trips. Draft replies from the school "
        "handbook for the office to send.",
        [],
        {},
    ),
    (
        "Spreadsheet helper",
        "Our finance users want to describe a formula in words and have it written for them, "
        "inside our spreadsheet add-in.",
        [],
        {},
    ),
    (
        "Talk to your data warehouse",
        "Snowflake has everything, but only three people can write SQL. Business users should ask "
        "questions in plain English and see a chart.",
        ["Snowflake", "text-to-SQL"],
        {"general_model_sufficient": True, "needs_value_within_weeks": True},
    ),
    (
        "Claims letter generator",
        "Generate decline and approval letters that quote the relevant policy clause.",
        [],
        {},
    ),
    (
        "Podcast show notes",
        "From the episode audio, produce show notes, chapter markers and social posts.",
        [],
        {"general_model_sufficient": True},
    ),
    (
        "Contract redlining assistant",
        "Compare a counterparty's draft against our playbook and suggest edits with explanations.",
        ["legal tech"],
        {},
    ),
    (
        "IT helpdesk deflection",
        "Most IT tickets are password resets and VPN issues. A chat that walks people through "
        "fixes from our runbooks and only opens a ticket if that fails.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Summarise every pull of our audit logs",
        "Security wants a morning digest in plain words of anything odd in yesterday's audit "
        "events, written from the alerts our SIEM already raises.",
        [],
        {},
    ),
    (
        "Sales playbook assistant",
        "New account executives ask how to handle objections. Answer from our playbook and call "
        "recordings library, citing examples.",
        [],
        {"has_training_data": False},
    ),
    (
        "Recipe assistant",
        "Our cooking app wants users to ask 'what can I make with leeks and eggs' and get recipes "
        "from our own collection, not the internet.",
        [],
        {},
    ),
    (
        "Tenders monitor",
        "Read new public tenders every day, tell us which ones match our services and summarise "
        "the requirements.",
        [],
        {"general_model_sufficient": True},
    ),
    (
        "Mention of ChatGPT, obviously",
        "We want something like ChatGPT but only answering from our 2,000 product manuals, "
        "embedded in our customer portal.",
        ["ChatGPT", "RAG"],
        {},
    ),
    (
        "Help desk for a university",
        "Students ask about deadlines, fees and housing. Answer from the university website and "
        "regulations; hand off to staff for personal cases.",
        [],
        {},
    ),
    (
        "Deal memo first draft",
        "Our investment team wants a first draft of an investment memo from the data room "
        "documents, in our template.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Reuse our model, do not build one",
        "Our vendor already provides the model through an API. We need an engineer who can build "
        "the product around it: prompts, retrieval, evaluation and the UI hooks.",
        [],
        {"general_model_sufficient": True, "model_is_moat": False},
    ),
    (
        "Insurance broker assistant",
        "Brokers compare policies from several insurers. Put the wording side by side and answer "
        "'which one covers flood damage to outbuildings'.",
        [],
        {},
    ),
]

ML_BRIEFS: list[Brief] = [
    (
        "Which pumps fail next month",
        "We have five years of sensor logs and want to know which pumps will fail next month.",
        [],
        {},
    ),
    (
        "Card fraud on our own transactions",
        "We process card payments for small merchants. Chargebacks are eating our margin. We "
        "have three years of transactions with chargeback outcomes and want to score each payment "
        "before it settles.",
        ["XGBoost", "feature engineering"],
        {"has_training_data": True, "model_is_moat": True},
    ),
    (
        "Recommendations tuned to our catalogue",
        "Our shop has 80,000 items and very particular customers. The generic 'people also "
        "bought' plugin performs badly. We want recommendations learned from our own clicks and "
        "orders.",
        [],
        {"has_training_data": True},
    ),
    (
        "Demand forecast per store",
        "Forecast daily demand for each product in each of our 140 stores so we order less waste. "
        "Promotions and weather matter a lot.",
        ["time series", "LightGBM"],
        {"needs_continuous_retraining": True},
    ),
    (
        "Who is about to cancel",
        "Subscription box business. We'd like a weekly list of customers likely to cancel so "
        "retention can call them. We have their order history and support contacts.",
        [],
        {},
    ),
    (
        "Spot scratches on the production line",
        "Cameras above the line take photos of every panel. We have 40,000 photos marked good or "
        "scratched. Flag scratched panels in real time.",
        ["computer vision", "PyTorch"],
        {"has_training_data": True, "needs_continuous_retraining": True},
    ),
    (
        "Price recommendations for used cars",
        "Dealers enter a car and we suggest the price it will sell at within 30 days, based on "
        "our 600k past listings and outcomes.",
        [],
        {"model_is_moat": True},
    ),
    (
        "Our ranking is our product",
        "We run a jobs board. How well we rank jobs for each candidate is why people use us. Our "
        "current rules-based ranking has hit a ceiling.",
        ["learning to rank"],
        {"model_is_moat": True, "has_training_data": True},
    ),
    (
        "Credit limits for small businesses",
        "Decide credit limits using bank transaction data and repayment history. Regulators want "
        "to know why each decision was made and which model version made it.",
        ["scikit-learn", "explainability"],
        {"needs_continuous_retraining": True},
    ),
    (
        "Delivery time estimates",
        "Customers see 'arrives in 35 minutes' and we are usually wrong. Use our GPS traces and "
        "order history to predict arrival times better.",
        [],
        {},
    ),
    (
        "Not a chatbot",
        "Please note: this is not a chatbot project. We tried ChatGPT on our data and it cannot "
        "predict anything useful. We need a model that learns from our machine logs which "
        "settings produce defective batches.",
        [],
        {"general_model_sufficient": False},
    ),
    (
        "Rebuild our pipelines so the model stays fresh",
        "Our data scientist built a churn model in a notebook two years ago. Nobody retrains it. "
        "We need proper pipelines, scheduled retraining, and alerts when it drifts.",
        ["Airflow", "MLflow"],
        {"needs_continuous_retraining": True},
    ),
    (
        "Yield prediction for farms",
        "Agronomy company with satellite imagery and ten seasons of field yields. Predict yield "
        "per field by mid-season.",
        [],
        {"has_training_data": True},
    ),
    (
        "Energy load forecasting",
        "We balance electricity for a regional grid. Forecast load for each half hour over the "
        "next two days; errors cost us real money.",
        ["forecasting"],
        {"model_is_moat": True},
    ),
    (
        "Which leads will convert",
        "Score inbound leads by how likely they are to become customers, using three years of CRM "
        "history. Sales will work the list top-down.",
        [],
        {},
    ),
    (
        "Feature store for our risk team",
        "Four teams compute the same customer features differently. Build one feature store with "
        "online and offline serving, and move our two scoring models onto it.",
        ["Feast", "Spark"],
        {"needs_continuous_retraining": True},
    ),
    (
        "Detect unusual vibration",
        "Wind turbines stream vibration readings every second. Find the patterns that come before "
        "gearbox failure; we have maintenance records to check against.",
        [],
        {"has_training_data": True},
    ),
    (
        "Insurance claims that look wrong",
        "Flag suspicious motor claims for investigators. We have 200,000 past claims, about 3% "
        "confirmed fraudulent.",
        [],
        {"has_training_data": True, "needs_continuous_retraining": True},
    ),
    (
        "Stock-out risk",
        "Warn category managers a week ahead when a product is likely to run out in a warehouse.",
        [],
        {},
    ),
    (
        "Medical images",
        "Radiology partner has 120,000 labelled chest X-rays. Build a model to prioritise the "
        "worklist, with validation suitable for regulatory submission.",
        ["PyTorch", "medical imaging"],
        {"model_is_moat": True, "has_training_data": True},
    ),
    (
        "Ad bidding",
        "Predict click and conversion probability for each ad impression so our bidder pays the "
        "right price. Traffic changes daily so the models must refresh constantly.",
        ["online learning"],
        {"needs_continuous_retraining": True},
    ),
    (
        "Hospital bed occupancy",
        "Forecast how many beds each ward will need over the next fortnight from admissions "
        "history.",
        [],
        {},
    ),
    (
        "Data mentions ChatGPT too",
        "Everyone keeps suggesting we 'just use ChatGPT', but the question is which of our "
        "loans will default, and the answer lives in our repayment history, not in a chatbot.",
        [],
        {"general_model_sufficient": False, "has_training_data": True},
    ),
    (
        "Model monitoring",
        "Twelve models in production and no idea if they still work. Set up monitoring of inputs "
        "and predictions, drift alerts and a retraining playbook.",
        ["Evidently", "Prometheus"],
        {"needs_continuous_retraining": True},
    ),
    (
        "Optimise our dynamic pricing",
        "Hotel chain. Set nightly room prices from booking curves, competitor prices and events. "
        "The pricing engine is the heart of our revenue.",
        [],
        {"model_is_moat": True},
    ),
    (
        "Match duplicate customer records",
        "We have 9 million customer records with duplicates spelt differently. Learn from the "
        "30,000 pairs our staff already merged by hand to find the rest.",
        ["entity resolution"],
        {"has_training_data": True},
    ),
    (
        "Identify plant disease from leaf photos",
        "Farmers send leaf photos. We have 25,000 photos labelled by our agronomists across 14 "
        "diseases. Accuracy in the field is what farmers pay us for.",
        [],
        {"model_is_moat": True},
    ),
    (
        "Call volume forecast",
        "Plan contact-centre staffing with a forecast of calls per 15 minutes, by queue.",
        [],
        {},
    ),
    (
        "Anti-money-laundering alerts",
        "Our rules generate thousands of alerts, 98% false. Rank the alerts using the outcomes of "
        "past investigations so analysts see real cases first.",
        [],
        {"has_training_data": True, "needs_continuous_retraining": True},
    ),
    (
        "Sort recyclables",
        "Camera over a conveyor belt. Classify each item (PET, HDPE, cans, cardboard) quickly "
        "enough to trigger air jets. We can collect as many labelled images as needed.",
        ["edge deployment", "computer vision"],
        {},
    ),
    (
        "Predict student dropout",
        "University wants to support students at risk of leaving, using attendance, grades and "
        "library usage records from the last eight years.",
        [],
        {},
    ),
    (
        "Personalised push notifications",
        "Decide which notification to send to which user and when, learned from two years of "
        "open and conversion data. A/B testing infrastructure already exists.",
        [],
        {"has_training_data": True},
    ),
    (
        "Estimate repair costs from photos",
        "Insurer with 300k claims that have damage photos and the final repair bill. Estimate the "
        "bill from the photos at first notice of loss.",
        [],
        {"model_is_moat": True, "has_training_data": True},
    ),
    (
        "Versioned datasets and models",
        "Our models can't be reproduced; nobody knows which data trained what. Put in dataset "
        "versioning, experiment tracking and a model registry, then retrain the three main "
        "models through it.",
        ["DVC", "MLflow"],
        {"needs_continuous_retraining": True},
    ),
    (
        "Route optimisation needs better travel times",
        "Our route planner uses map travel times that are wrong for vans in city centres. Learn "
        "real travel times per road segment and hour from our 2 million completed deliveries.",
        [],
        {},
    ),
    (
        "Quality prediction in a chemical plant",
        "Lab results for each batch arrive six hours late. Predict the lab result from process "
        "sensors so operators can correct the batch while it runs.",
        ["soft sensors"],
        {"has_training_data": True},
    ),
    (
        "Search ranking from click logs",
        "We have our own search and a year of query and click logs. Re-rank results by what "
        "people actually buy.",
        ["learning to rank", "LightGBM"],
        {},
    ),
    (
        "Forecast returns",
        "Fashion retailer: predict which orders will be returned at checkout so we can adjust "
        "sizing advice. Seasonal collections change everything every three months.",
        [],
        {"needs_continuous_retraining": True},
    ),
    (
        "Speech model for our dialect",
        "Commercial speech recognition fails on our callers' regional accent. We have 2,000 hours "
        "of transcribed calls and want a recogniser adapted to them.",
        ["speech recognition", "fine-tuning"],
        {"general_model_sufficient": False, "has_training_data": True},
    ),
    (
        "Predict machine downtime",
        "Packaging lines stop several times a week. Use PLC logs to predict stops an hour in "
        "advance.",
        [],
        {},
    ),
    (
        "Lifetime value at signup",
        "Estimate each new customer's 12-month value on day one to steer marketing spend, "
        "trained on five years of cohorts.",
        [],
        {"has_training_data": True},
    ),
    (
        "Satellite imagery change detection",
        "Detect new buildings from quarterly satellite images across the country. We have a few "
        "thousand hand-marked examples and a budget for more labelling.",
        ["segmentation"],
        {"has_training_data": True, "model_is_moat": True},
    ),
    (
        "Occupancy sensing",
        "Predict meeting room occupancy from Wi-Fi and badge data, to release unused rooms.",
        [],
        {},
    ),
    (
        "Sports performance model",
        "Football club with tracking data from every match for six seasons. Model expected "
        "goals and player value in a way competitors can't copy.",
        [],
        {"model_is_moat": True},
    ),
    (
        "Document classification with our own labels",
        "We have 1.2 million historic letters already filed into 85 categories by clerks. Learn "
        "to file new ones the same way; the categories are peculiar to us and change every year.",
        [],
        {"has_training_data": True, "needs_continuous_retraining": True},
    ),
    (
        "Inventory optimisation",
        "Set reorder points per SKU per warehouse from demand variability and lead times; our "
        "spreadsheet method leaves us with both stock-outs and dead stock.",
        [],
        {},
    ),
    (
        "Patient no-show prediction",
        "Clinics lose slots to no-shows. Predict who won't turn up so we can overbook carefully, "
        "using appointment history.",
        [],
        {"has_training_data": True},
    ),
    (
        "Telecom network anomalies",
        "Detect cell sites behaving abnormally from KPI counters before customers complain. "
        "Traffic patterns shift with every software release.",
        [],
        {"needs_continuous_retraining": True},
    ),
    (
        "Better than the vendor's model",
        "Our vendor's generic fraud score misses the scams specific to our marketplace. Our own "
        "history of confirmed scams should let us do better.",
        [],
        {"general_model_sufficient": False, "model_is_moat": True},
    ),
    (
        "Wine quality from lab measurements",
        "Predict tasting panel scores from chemical measurements so we can decide blends earlier.",
        [],
        {},
    ),
    (
        "Taking over an ML platform",
        "We have SageMaker pipelines for four models, half broken. Need someone to own training, "
        "deployment, monitoring and cost of the platform for the next six months.",
        ["SageMaker", "MLOps"],
        {"needs_continuous_retraining": True, "needs_value_within_weeks": False},
    ),
    (
        "Crop irrigation scheduling",
        "Soil moisture probes plus weather data. Predict moisture three days ahead per field so "
        "irrigation is scheduled just in time.",
        [],
        {},
    ),
    (
        "Ticket volume and resolution time prediction",
        "Predict how long each support ticket will take to resolve at the moment it is opened, "
        "from four years of resolved tickets.",
        [],
        {"has_training_data": True},
    ),
    (
        "Real estate valuation",
        "Automated valuation for homes from transaction records, property features and "
        "neighbourhood data; lenders use our number so accuracy is the business.",
        [],
        {"model_is_moat": True},
    ),
    (
        "Behavioural biometrics",
        "Distinguish real users from bots by how they type and move the mouse. We log these "
        "events already and have labelled bot sessions.",
        [],
        {"has_training_data": True},
    ),
    (
        "Mention of a model, but it's not ours",
        "We use a hosted chatbot for support already; separately we need a forecast of weekly "
        "sales per region, built from our order history, refreshed every month.",
        ["forecasting"],
        {"needs_continuous_retraining": True},
    ),
    (
        "Churn for a telco",
        "Mobile operator, 4 million subscribers. Predict churn 60 days ahead from usage, billing "
        "and network experience.",
        [],
        {},
    ),
    (
        "Counterfeit detection",
        "Luxury resale platform. Authenticators photograph every bag. Use the 90,000 "
        "authenticated photos to flag likely fakes.",
        [],
        {"model_is_moat": True, "has_training_data": True},
    ),
    (
        "Mortality tables for a pension fund",
        "Estimate member survival curves from our own scheme's 40 years of records rather than "
        "national tables.",
        ["survival analysis"],
        {},
    ),
    (
        "Optimise ad spend across channels",
        "Marketing mix model: how much each channel contributes to sales, using three years of "
        "weekly spend and sales.",
        [],
        {"has_training_data": True},
    ),
    (
        "Detect leaks in water mains",
        "Acoustic loggers on pipes record noise every night. Learn which noise patterns mean a "
        "leak using repair records.",
        [],
        {},
    ),
    (
        "Elevator maintenance",
        "Predict which lifts need a visit before they break, from door cycle counts and fault "
        "codes.",
        [],
        {"needs_continuous_retraining": True},
    ),
]
