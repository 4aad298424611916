"""Briefs written out by hand, one by one, as a client might type them.

Each entry is (title, description, required_skills, checklist). They are deliberately
uneven: some are one line, some ramble, many avoid the obvious vocabulary, and a few
mention the other role's words in passing (hard cases). The label is the role a careful
staffing desk would send after reading the whole brief, not the one its keywords suggest.

These are the only briefs the evaluation tests on (composed briefs only ever train), so
each one should read like a different client wrote it.
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
    # Second batch, written to be hard: no buzzwords, 'data', 'model' and 'training' used in
    # their everyday sense, one-liners, long briefs, and checklists that are partial or pull
    # the other way on a weak question.
    (
        "Read the tenders so our estimators don't have to",
        "We're a civil engineering contractor. Every tender comes with 600 pages of "
        "specifications and our estimators keep missing things like liquidated damages or odd "
        "insurance requirements. We'd like every new tender read when it arrives and a two-page "
        "list of the unusual obligations, with page references, waiting for the estimator in the "
        "morning.",
        [],
        {},
    ),
    (
        "Dental website chat",
        "Chat on our dental practice website for opening hours, prices and what to do after an "
        "extraction.",
        [],
        {},
    ),
    (
        "Get our accountants using AI safely",
        "We're a 25-person accountancy practice. Half the team pastes client data into free chat "
        "tools, which terrifies me. I'd like someone to set up a safe company workspace with one "
        "of the big providers, build a few helpers for the jobs we do every week (letters to the "
        "tax office, summarising bank statements, first drafts of management accounts commentary) "
        "and run two training sessions for our staff.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Tidy supplier product files",
        "We sell spare parts from 400 suppliers and each one describes things differently: "
        "'10mm', '1cm', 'ten millimetre'. Every incoming product file should be normalised into "
        "our own attribute model (size, thread, material, compatible machines) before it reaches "
        "the catalogue. A large hosted model did a decent job when I tried a few rows by hand; we "
        "need it running on every file, with checks.",
        ["Python"],
        {"general_model_sufficient": True, "has_training_data": False},
    ),
    (
        "Which provider should we sign with?",
        "We're about to sign an annual contract with one of the model providers. Before we do, we "
        "want an independent comparison on our actual tasks (summarising adverse event reports "
        "and answering questions from product labels) with cost per thousand requests, latency, "
        "and quality scored against answers our pharmacists wrote.",
        [],
        {"model_is_moat": False},
    ),
    (
        "Phone bookings without the queue",
        "Our restaurants miss about a third of calls on Friday and Saturday evenings. We'd like a "
        "voice agent to pick up, take or change a booking in our reservations system, and text "
        "the manager about anything odd such as allergies or parties over ten.",
        [],
        {},
    ),
    (
        "Let AI assistants use our scheduling product",
        "Customers keep asking whether they can use our scheduling product from inside their AI "
        "assistants. We want a well-designed connector (Model Context Protocol or similar) "
        "exposing availability, bookings and cancellations, with proper auth and tests.",
        ["TypeScript", "OAuth"],
        {},
    ),
    (
        "Switch providers without getting worse",
        "Our support assistant runs on one provider's API and the bill has tripled. Move it to a "
        "cheaper model or provider and prove, on our saved conversations, that the answers didn't "
        "get worse.",
        [],
        {"general_model_sufficient": True, "needs_value_within_weeks": True},
    ),
    (
        "Caseworker helper for a refugee charity",
        "We're a charity supporting refugees with housing, benefits and asylum paperwork. Our "
        "caseworkers are mostly volunteers and the rules change all the time.\n\nWhat we imagine: "
        "a caseworker describes the situation in their own words (often in a mix of languages) "
        "and gets back the relevant steps from our guidance notes and the government pages, with "
        "links, plus a list of documents the family needs to bring.\n\nWhat matters: it must "
        "never invent a rule, it must say plainly when it doesn't know, and nothing a family "
        "tells us may leave the EU. We have no data team and don't want to maintain anything "
        "complicated. Small budget, ideally live before the summer.",
        [],
        {"has_training_data": False, "needs_value_within_weeks": True},
    ),
    (
        "Explain the variance",
        "Every month our FP&A team writes commentary explaining why actuals differ from budget. "
        "The numbers come out of our planning model in minutes; the words take three days. Draft "
        "the commentary from the variance tables so analysts only edit.",
        ["Excel"],
        {},
    ),
    (
        "Inspection report digest",
        "Summarise our weekly site inspection reports for the directors.",
        [],
        {},
    ),
    (
        "Spray questions in the field",
        "Our field advisers carry a 400-page crop protection guide and the labels for 200 "
        "products. They want to ask on their phone, standing in a field, 'can I use this on "
        "winter barley after growth stage 31' and get the label's answer with the exact section.",
        [],
        {"general_model_sufficient": True},
    ),
    (
        "Incident reports people actually read",
        "Mining company. Every incident report is written differently and the lessons get lost. "
        "We want each report rewritten into one standard format (what happened, root cause, "
        "actions) and a monthly roundup of recurring themes for the safety committee.",
        [],
        {},
    ),
    (
        "New ticket categories, no history",
        "We changed our ticket categories last month, so there is no history to learn from. Put "
        "each new ticket into one of the 14 new categories using the written definitions, and let "
        "team leads correct it when it's wrong.",
        [],
        {"has_training_data": False},
    ),
    (
        "Proposal writer for the bid team",
        "We have eight years of winning proposals. New proposals should be drafted by pulling the "
        "relevant sections from those and adapting them to the new client's requirements. We're "
        "not looking to build anything proprietary, just to save our bid team a week per bid.",
        [],
        {"has_training_data": True, "general_model_sufficient": True, "model_is_moat": False},
    ),
    (
        "Make our precedent bank usable",
        "Our knowledge lawyers maintain a precedent bank that nobody can navigate. Fee earners "
        "should be able to describe the deal and be pointed to the right precedent and the "
        "drafting notes that go with it.",
        [],
        {},
    ),
    (
        "Underwriter's reading assistant",
        "Submissions from brokers arrive as 40-page PDFs with loss runs, schedules of values and "
        "email chains. Underwriters want the key facts on one screen (limits, locations, prior "
        "losses) and a list of the gaps they should ask the broker about.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Replies to letters from the public",
        "A government department receives thousands of letters from the public on the same few "
        "topics. Officials want a draft reply based on the approved lines to take, and a flag "
        "when a letter raises something the lines don't cover.",
        [],
        {"general_model_sufficient": True},
    ),
    (
        "Explain roaming charges",
        "Customers ring us about unexpected roaming charges. All the data needed to explain the "
        "bill is in our billing system. We want the agent's screen to show a plain-words "
        "explanation of the charges, written from the bill lines and our tariff rules.",
        [],
        {},
    ),
    (
        "Essay feedback for teachers",
        "We run 12 secondary schools. Teachers spend their evenings writing feedback on essays. "
        "We'd like them to upload the essay and the mark scheme and get draft feedback in their "
        "own voice, which they edit. The grade stays the teacher's decision; we are not trying to "
        "predict grades.\n\nWe will need safeguarding sign-off, so pupils' work must not be used "
        "to train anyone's models, and it has to work inside Google Classroom.",
        [],
        {"model_is_moat": False},
    ),
    (
        "Job ads in our voice",
        "Hiring managers write job ads that are too long and full of jargon. Rewrite each one to "
        "our style guide and flag wording that might put candidates off.",
        [],
        {},
    ),
    (
        "Product page questions",
        "Product Q&A on our product pages, answered from the manuals.",
        [],
        {},
    ),
    (
        "Reply to guest reviews",
        "We own six hotels and reply to every review on Google and Tripadvisor. Draft replies "
        "that mention specifics from the review and sound like the general manager of that hotel, "
        "ready for approval.",
        [],
        {"needs_value_within_weeks": True, "needs_continuous_retraining": False},
    ),
    (
        "Explain security alerts to clients",
        "Our managed security clients receive alerts they don't understand. For each alert, write "
        "a short plain-English explanation of what happened and what they should do, based on our "
        "runbooks.",
        [],
        {},
    ),
    (
        "Medical information responses",
        "Our medical information team answers questions from healthcare professionals about our "
        "medicines. Draft responses from the approved standard response documents and the product "
        "characteristics, always citing the source paragraph.",
        [],
        {"general_model_sufficient": True, "has_training_data": False},
    ),
    (
        "Workshop manual by voice",
        "Mechanics in our dealerships need torque settings, wiring diagrams and procedures from "
        "manuals that run to thousands of pages per model year. They want to ask out loud while "
        "their hands are dirty.",
        [],
        {},
    ),
    (
        "Tidy maintenance log entries",
        "Aircraft engineers write maintenance log entries in shorthand. Convert them into the "
        "standard wording the regulator expects and check that nothing mandatory is missing. The "
        "required wording is all in our maintenance organisation manual.",
        [],
        {},
    ),
    (
        "Why was March so expensive?",
        "Our business customers get a portal full of half-hourly consumption charts that nobody "
        "reads. We'd like them to ask questions like 'why was March so expensive' and get an "
        "answer that looks up their own usage and tariff and explains it in a paragraph.",
        [],
        {"general_model_sufficient": True},
    ),
    (
        "Briefing notes before sales calls",
        "Before each call our reps spend half an hour reading news, the annual report and our CRM "
        "notes on the account. Give them a one-page briefing, prepared automatically the night "
        "before.",
        [],
        {},
    ),
    (
        "Impact report drafts",
        "Help us write our annual impact report faster: all the project updates are already in "
        "Google Docs, they just need pulling together.",
        [],
        {},
    ),
    (
        "Ask the newspaper archive",
        "Regional newspaper with 70 years of digitised articles. Journalists want to ask 'what "
        "did we write about the bypass in the 1990s' and get the articles back with a short "
        "summary of each.",
        [],
        {},
    ),
    (
        "Customs declarations from invoices",
        "Our brokers fill in customs declarations from commercial invoices and packing lists. "
        "Read the documents, propose the declaration lines and commodity codes from the official "
        "tariff text, and have a broker approve before submission.",
        [],
        {"has_training_data": False},
    ),
    (
        "Discharge letters patients can understand",
        "Patients leave hospital with a discharge letter written for their GP, full of "
        "abbreviations. We'd like a patient-friendly version produced alongside it, in their "
        "preferred language, which the nurse reviews before printing.\n\nIt would run inside the "
        "hospital network or a compliant cloud. We have no interest in building a model; the "
        "existing ones are good at this. What we need is the integration with the electronic "
        "record, the review screen, and solid testing that it never drops a medication change.",
        [],
        {"general_model_sufficient": True, "needs_continuous_retraining": False},
    ),
    (
        "Planning applications at a glance",
        "Property developer. We track planning applications across 30 councils and each one has "
        "dozens of documents. Summarise what is proposed and any objections so our land team can "
        "decide whether to look closer.",
        [],
        {},
    ),
    (
        "First-pass code review",
        "Our engineers want a first-pass review on every pull request that checks it against our "
        "own coding guidelines and explains each issue. We already pay for a hosted model.",
        ["GitHub Actions"],
        {"general_model_sufficient": True},
    ),
    (
        "Training session and one useful tool",
        "We're a housing association and the board wants us 'doing something with AI' this year. "
        "Start with a half-day training session for our staff on what these tools can and can't "
        "do, then build one useful thing, probably helping the repairs team answer tenant emails.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "Where is that file?",
        "Bot that answers 'where is the latest version of X' questions from our Google Drive.",
        [],
        {},
    ),
    (
        "Characters that talk back",
        "Indie game studio. We want non-player characters who can hold a conversation within the "
        "lore of our world, stay in character and never spoil the plot. We'll use an existing "
        "model through an API; what we need is the prompting, memory and safety rules.",
        [],
        {},
    ),
    (
        "Licensing requests by email",
        "Music publisher. Licensing requests arrive by email: which song, what use, which "
        "territory. Extract the details, look up ownership splits in our catalogue database and "
        "draft a quote for the licensing manager to send.",
        [],
        {},
    ),
    (
        "Scouting voice notes into reports",
        "Our scouts record voice notes after every match they watch. Turn them into structured "
        "reports in our template and make the whole archive searchable by what was said.",
        [],
        {},
    ),
    (
        "Kind decline letters",
        "Our credit model is built and signed off with the regulator; we are not touching it. "
        "When we decline someone we need a clear, kind letter explaining the main reasons, "
        "written from the model's reason codes and our policy wording.",
        [],
        {"model_is_moat": False, "needs_continuous_retraining": False},
    ),
    (
        "Freedom of information requests",
        "We receive about 3,000 freedom of information requests a year. Read each request, work "
        "out which departments are likely to hold the information, and draft the acknowledgement "
        "with the statutory deadline.",
        [],
        {},
    ),
    (
        "Chemical handling answers on a tablet",
        "Warehouse staff need to know storage and spill procedures for 5,000 chemicals. The "
        "safety data sheets are PDFs from hundreds of suppliers. Answer their questions from "
        "those sheets on a tablet.",
        [],
        {},
    ),
    (
        "Draft itineraries from our contracts",
        "Tour operator. Agents build itineraries by hand from supplier contracts and hotel fact "
        "sheets. Let them describe the trip and get a draft itinerary that only uses hotels and "
        "excursions we actually contract, priced from our rate sheets through our API.",
        [],
        {},
    ),
    (
        "Write the Monday update for us",
        "Every Monday someone spends half a day turning our dashboards into a written update for "
        "leadership. The data and metrics already live in Looker. We want the narrative drafted "
        "automatically: what moved, by how much, and the likely reason from the annotations "
        "people leave on the charts.",
        ["Looker"],
        {"general_model_sufficient": True, "has_training_data": False},
    ),
    (
        "Will this fit a ten-year-old?",
        "Shoppers message us things like 'will this fit a 10 year old' or 'is this the same as "
        "last year's version'. Answer from the product data and size charts so the team only "
        "deals with the tricky ones.",
        [],
        {},
    ),
    (
        "Policy answers for loan officers",
        "Loan officers ask about our lending policy all day long; answer them from the policy "
        "manual. We do have a decade of loan data, but that's not what this is about.",
        [],
        {"has_training_data": True, "needs_value_within_weeks": True},
    ),
    (
        "Support assistant that keeps up",
        "Our product changes every week and the support assistant has to keep up: new help "
        "articles should be picked up the same day, and we want ongoing monitoring of answer "
        "quality with alerts when it slips.",
        [],
        {"needs_continuous_retraining": True, "general_model_sufficient": True},
    ),
    (
        "Method statements",
        "Draft method statements from our templates and the site survey notes.",
        [],
        {},
    ),
    (
        "Onboarding emails for each account",
        "We'd like onboarding emails written for each new account based on what they told us in "
        "the signup form and what they've configured so far. Marketing approves the templates and "
        "the tone; everything else should be generated. We have a small team and want it running "
        "next month.",
        [],
        {},
    ),
    (
        "Do we really need to fine-tune?",
        "Our brand has a very particular voice. An agency told us we'd need to fine-tune our own "
        "model; we suspect clear instructions and good examples in the prompt will do. Prove it "
        "either way in two weeks, then build the copy tool for our marketing team.",
        [],
        {"needs_value_within_weeks": True, "general_model_sufficient": None},
    ),
    (
        "Easy-read versions of council documents",
        "Council documents rewritten in easy-read English for residents with learning "
        "disabilities, following our easy-read guidelines and checked by our accessibility "
        "officer.",
        [],
        {},
    ),
    (
        "Weekly literature watch",
        "Every week, scan new papers and preprints for mentions of our target proteins and "
        "summarise anything relevant for the research team, with links.",
        [],
        {"general_model_sufficient": True},
    ),
    (
        "Charter party clauses side by side",
        "Shipbrokers compare charter party terms across dozens of fixtures. Extract laytime, "
        "demurrage and special clauses into a table and highlight anything unusual.",
        [],
        {},
    ),
    (
        "Hints for agents during calls",
        "While an agent is on a call, show the relevant knowledge article and the next step based "
        "on what the customer just said. Live transcription is already in place.",
        [],
        {},
    ),
    (
        "New season copy",
        "Write the product copy for our new season in three languages.",
        [],
        {"needs_value_within_weeks": True},
    ),
    (
        "ChatGPT for the intranet",
        "ChatGPT for our intranet, basically.",
        [],
        {},
    ),
    (
        "Thank-you letters to major donors",
        "Personal thank-you letters to major donors that mention the project they funded and "
        "recent news from it, drawn from the project updates our field staff send in.",
        [],
        {},
    ),
    (
        "Shift handover notes",
        "Our plant runs three shifts. At handover, supervisors scribble notes and half the "
        "information is lost: which line had trouble, which alarms keep firing, what maintenance "
        "promised.\n\nWe'd like the outgoing supervisor to talk for two minutes and get a "
        "structured handover note, and anyone to be able to ask 'what happened with line 4 this "
        "week' across past notes.\n\nWe are not after predicting breakdowns. We have sensor data "
        "and maybe one day, but right now the problem is that people don't pass on what they "
        "know.",
        [],
        {"has_training_data": False, "needs_value_within_weeks": True},
    ),
    (
        "Interview scheduling",
        "Candidates and interviewers go back and forth for days. An assistant that reads the "
        "email thread, checks everyone's calendars and books the slot. Our operating model is "
        "fully remote across five time zones.",
        [],
        {},
    ),
    (
        "Sales prompt library",
        "Our sales team each use chat tools differently and results vary wildly. Build a shared "
        "library of tested prompts for our common tasks, wire the best ones into the CRM as "
        "buttons, and show the team how to use them.",
        [],
        {"model_is_moat": False},
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
    # Second batch, written to be hard: ChatGPT and language models mentioned in passing or
    # as the thing that did not work, no ML vocabulary, one-liners, long briefs, and
    # checklists that are partial or contradict the brief on a weak question.
    (
        "Which jobs will overrun",
        "We're a building contractor with 15 years of project records: estimates, actual costs, "
        "weather delays, subcontractor performance. We'd like to know at tender stage which jobs "
        "are likely to overrun and by how much, so we can price the risk in.",
        [],
        {"has_training_data": True},
    ),
    (
        "Footfall forecast",
        "Forecast next week's footfall for each of our 40 shops.",
        [],
        {},
    ),
    (
        "Sick calls per depot",
        "Our head office uses ChatGPT for emails and we love it, but that's not what this is. We "
        "run 300 buses and need to know two weeks ahead how many drivers will call in sick at "
        "each depot each day, from attendance records going back to 2016.",
        [],
        {},
    ),
    (
        "Cheaper document sorting",
        "We currently send every incoming document (about 4 million a month) to a large hosted "
        "language model to sort it into one of 60 types. It works, but it costs a fortune and "
        "it's slow. We have the model's answers plus 80,000 that our staff corrected. Train a "
        "small model of our own that runs on our servers, matches the accuracy, and can be "
        "retrained as new document types appear.",
        [],
        {"has_training_data": True, "needs_continuous_retraining": True},
    ),
    (
        "Radiology reports and our shorthand",
        "Hosted language models misread the shorthand our radiologists use and mis-code the "
        "findings. We have 400,000 reports coded by our clinical coders. We want a model trained "
        "on them that codes new reports, validated properly, hosted by us, and kept current as "
        "the coding rules change every year.",
        [],
        {"general_model_sufficient": False, "has_training_data": True},
    ),
    (
        "Chat moderation that understands our players",
        "Off-the-shelf moderation APIs flag our players' slang as abuse and miss the actual "
        "harassment. We have two million moderator decisions across eight languages. Build a "
        "classifier from them, with regular retraining as the slang moves on.",
        [],
        {"general_model_sufficient": False},
    ),
    (
        "Same product, different shop",
        "Price comparison site. We need to know when two listings from different shops are the "
        "same product. Generic text embeddings get about 70% of pairs right. We have 1.5 million "
        "pairs our team matched by hand and want a matching model trained on them.",
        [],
        {"model_is_moat": True, "has_training_data": True},
    ),
    (
        "Who runs out of heating oil next",
        "Heating oil distributor. We'd like to know which customers are going to run low before "
        "they call us, from past delivery dates, tank sizes and the weather, so the tankers can "
        "plan sensible rounds.",
        [],
        {},
    ),
    (
        "Price that gets a load covered",
        "We are a freight exchange: shippers post loads and carriers bid. We want to suggest to "
        "each shipper the price at which a load will get covered within two hours.\n\nWe have six "
        "years of posted loads with the final price, time to cover, lane, equipment type and the "
        "diesel price on the day. The market swings with the seasons and fuel, so whatever is "
        "built has to keep learning, and we need to see when it starts getting things wrong.\n\n"
        "This is core to our product: a better price suggestion than our competitors' is why "
        "shippers stay. We expect a few months of work and then someone part-time to keep it "
        "healthy.",
        [],
        {"model_is_moat": True, "needs_continuous_retraining": True},
    ),
    (
        "Month-end bill estimate",
        "We're adding a chat assistant to our energy app later this year (another team is "
        "building it). Your part: a forecast of each household's bill for the rest of the month "
        "from their smart meter readings so far, accurate enough to show customers.",
        [],
        {"has_training_data": True},
    ),
    (
        "Bakery demand, quickly then properly",
        "We need a demand forecast per product per shop for our bakery chain; waste is killing "
        "our margins. We'd love a first version within a month to show the board, but this will "
        "become a long-term system that runs every night.",
        [],
        {
            "needs_value_within_weeks": True,
            "has_training_data": True,
            "needs_continuous_retraining": True,
        },
    ),
    (
        "Late payers",
        "Predict which of our invoices will be paid late.",
        [],
        {},
    ),
    (
        "Injury risk before training",
        "Professional rugby club. We have GPS load, sleep, wellness questionnaires and injury "
        "history for four seasons. Flag players at raised injury risk before each training "
        "session.",
        [],
        {},
    ),
    (
        "Trial sites that under-recruit",
        "Contract research organisation. Patient recruitment at trial sites is our biggest source "
        "of delay. We have recruitment histories for 9,000 sites across 600 studies and want to "
        "know at feasibility stage which sites will miss their target.",
        [],
        {"has_training_data": True, "model_is_moat": True},
    ),
    (
        "When to mark down",
        "Fashion chain. Decide when and how deep to discount each line in each store, using "
        "sell-through history. Our merchandisers' instincts leave too much stock at the end of "
        "the season.",
        [],
        {},
    ),
    (
        "Apple crop from drone photos",
        "Orchard group. Estimate the crop per block from drone photos in July so we can sell "
        "forward. We have photos and actual harvest weights for three seasons, and our "
        "agronomists can mark up more images if needed.",
        [],
        {},
    ),
    (
        "Cash in the machines",
        "ATM cash planning: how much cash to load into each machine each week so none run dry and "
        "we don't leave money idle.",
        [],
        {},
    ),
    (
        "Who will phone about their bill",
        "Predict which customers are going to phone us after their next bill, so we can send them "
        "an explanation first. We have three years of call logs and billing data.",
        [],
        {},
    ),
    (
        "Pricing for pet insurance",
        "We already use an LLM to draft replies to claims emails, and that's fine. The real "
        "problem: our premiums come from a rating table made in 2019 and we lose the good risks "
        "to competitors. Build a pricing model from our claims and policy history, with proper "
        "validation for the pricing committee, refreshed every quarter.",
        [],
        {"model_is_moat": True, "needs_continuous_retraining": True},
    ),
    (
        "Why does the dough fail",
        "Our bakery's dough sometimes fails the quality check and nobody knows why. We record "
        "temperature, humidity, flour supplier and mixer settings for each batch, plus the "
        "pass/fail result. Find out what predicts failure and warn us while it's still mixing.",
        [],
        {},
    ),
    (
        "Tomorrow's parcels",
        "Tell each depot tonight how many parcels it will get tomorrow, so it can book agency "
        "staff in time.",
        [],
        {},
    ),
    (
        "Solar output for trading",
        "We operate 140 solar farms. Forecast output for each one for the next 36 hours from "
        "weather forecasts and their own history, for trading. Every error costs us imbalance "
        "charges.",
        [],
        {"model_is_moat": True},
    ),
    (
        "Stores about to lose staff",
        "Large retailer, 20,000 staff. HR wants to know which stores are going to lose people in "
        "the next quarter, from rotas, pay, absence and manager changes, so area managers can "
        "step in. It has to be fair and explainable.",
        [],
        {},
    ),
    (
        "Earlier sepsis warning",
        "Hospital trust. Nurses record observations every few hours and sepsis is often spotted "
        "late. We want something that uses observations, lab results and demographics to warn "
        "earlier than the current early warning score.\n\nWe have ten years of electronic records "
        "with confirmed sepsis cases. This needs clinical safety work, prospective validation, "
        "and monitoring after go-live because clinical practice changes. We understand this takes "
        "months, not weeks.",
        [],
        {"has_training_data": True, "needs_value_within_weeks": False},
    ),
    (
        "Which ads really work",
        "Which of our ads actually drive sign-ups? We have impression logs and sign-ups, and want "
        "an estimate of each channel's incremental effect rather than last-click credit.",
        [],
        {},
    ),
    (
        "Our score stopped working and nobody noticed",
        "Our collections team uses a score built three years ago to decide whom to call. Last "
        "quarter it quietly got worse because customer behaviour changed after interest rates "
        "went up. We need it rebuilt, and a way to notice next time before the collections "
        "numbers do.",
        [],
        {"needs_continuous_retraining": True},
    ),
    (
        "Search suggestions that know our shoppers",
        "Search suggestions on our grocery site are alphabetical. Learn from three years of "
        "searches and baskets what people mean when they type 'chick' in March versus December.",
        [],
        {},
    ),
    (
        "Container delays",
        "We looked at language models and agents, and they're not relevant here. Containers get "
        "stuck at ports and we want to predict the arrival delay for each one from vessel "
        "positions, port congestion and our history of 200,000 shipments.",
        [],
        {"general_model_sufficient": False},
    ),
    (
        "Spare parts for the fleet",
        "Airline engineering. Forecast demand for 12,000 spare parts across our bases so aircraft "
        "aren't grounded waiting for a part, without holding millions in stock. Demand is lumpy "
        "and many parts are used once a year.",
        [],
        {},
    ),
    (
        "Ore grade ahead of the face",
        "Predict ore grade ahead of the mining face from drilling rates and rig sensor readings, "
        "checked against the assay results.",
        [],
        {},
    ),
    (
        "Rent for each new let",
        "We manage 12,000 rental homes. Suggest the rent for each property when it comes back to "
        "market, learned from our own past lets and how long they took to let.",
        [],
        {"has_training_data": True},
    ),
    (
        "Will they accept our offer",
        "University admissions: estimate the probability that each offer holder actually enrols, "
        "so we neither over- nor under-recruit. We have eight admissions cycles of data.",
        [],
        {},
    ),
    (
        "Prep time per order",
        "Predict prep time per order for each restaurant on our platform.",
        [],
        {},
    ),
    (
        "Homepage order per reader",
        "News site. Editors choose the homepage by instinct. We want the order of stories "
        "personalised for each reader from their reading history, with editors keeping control of "
        "the top slot.",
        [],
        {},
    ),
    (
        "Account takeovers",
        "SaaS platform. Spot logins that are likely account takeovers from login history, device, "
        "location and behaviour after login. We have labelled takeovers from support tickets. "
        "Attackers adapt, so it has to keep being retrained.",
        [],
        {"needs_continuous_retraining": True},
    ),
    (
        "Maybe an off-the-shelf forecasting service will do?",
        "We need weekly sales forecasts for 3,000 products. Someone on the board thinks one of "
        "the new general-purpose forecasting services will be enough. We have five years of sales "
        "and promotions history and the forecasts will feed replenishment automatically for "
        "years.",
        [],
        {
            "general_model_sufficient": True,
            "has_training_data": True,
            "needs_continuous_retraining": True,
        },
    ),
    (
        "Which mains to replace first",
        "Water company with 20,000 km of mains. Rank pipes by how likely they are to burst in the "
        "next five years from age, material, soil, pressure and burst history, to plan the "
        "replacement programme.",
        [],
        {},
    ),
    (
        "Fairer matchmaking",
        "Online game with two million daily players. Matchmaking uses a simple rating and players "
        "complain about lopsided matches. We want to predict match outcome and the chance someone "
        "quits from player history, and use that to build better matches.",
        [],
        {"model_is_moat": True},
    ),
    (
        "Customer cash position",
        "B2B payments company. Forecast each customer's cash position 30 days ahead from their "
        "transaction history so we can offer working capital at the right moment.",
        [],
        {},
    ),
    (
        "How much cleaning each ward needs",
        "Facilities team at a large hospital. We'd like to know, hour by hour for the next week, "
        "how much cleaning and portering work each ward will need, based on admissions, "
        "discharges, theatre lists and what happened in the same weeks last year.\n\nRight now "
        "the rota is the same every day and we're either overstaffed or drowning.",
        [],
        {},
    ),
    (
        "Scam messages between buyers and sellers",
        "Sellers on our marketplace receive scam messages. We tried prompting a language model to "
        "spot them: it caught the obvious ones but missed the scams specific to our platform and "
        "flagged a lot of normal haggling. We have 500,000 messages our trust team reviewed. We "
        "need our own detector that we retrain as scammers change tactics.",
        [],
        {"general_model_sufficient": False, "has_training_data": True},
    ),
    (
        "Battery health across the fleet",
        "Electric van fleet operator. Estimate the remaining useful life of each van's battery "
        "from charging sessions and telematics.",
        [],
        {},
    ),
    (
        "What each store should stock",
        "Decide which products each of our 300 stores should carry, based on local sales patterns "
        "and demographics, and keep it updated as neighbourhoods change.",
        [],
        {},
    ),
    (
        "Paint viscosity",
        "Model to predict the viscosity of our paint formulations from the ingredients, so the "
        "lab runs fewer trial batches.",
        [],
        {},
    ),
    (
        "Inspect where it matters",
        "Food safety inspectors can't visit every restaurant every year. Predict which premises "
        "are most likely to fail an inspection using past inspections, complaints and business "
        "registration data, and keep it fair across neighbourhoods.",
        [],
        {},
    ),
    (
        "Where to add network capacity",
        "Forecast traffic per cell site for the next 18 months so we know where to add capacity. "
        "The growth assumptions in our spreadsheets have been wrong twice.",
        [],
        {},
    ),
    (
        "Whom should the sales assistant email",
        "Our sales team already has an AI assistant for writing emails. What it doesn't know is "
        "whom to email. Rank the 40,000 accounts in our CRM by how likely they are to buy next "
        "quarter, learned from which accounts bought in the past, and push the score into the CRM "
        "weekly.",
        [],
        {"has_training_data": True},
    ),
    (
        "Pre-filled baskets for restaurants",
        "Food wholesaler. When a restaurant opens our ordering app, pre-fill the basket with what "
        "they're likely to need this week, learned from their order history and the season.",
        [],
        {},
    ),
    (
        "Churn",
        "Churn model. 5 yrs of data. Need it in prod with monitoring.",
        [],
        {},
    ),
    (
        "Help-centre search that learns",
        "Our help-centre search works on keywords. We'd rather not put a chatbot in front of it; "
        "customers told us they want search. We have two years of searches and which article "
        "solved the problem (no ticket opened afterwards). Learn the ranking from that.",
        [],
        {"has_training_data": True},
    ),
    (
        "Reserves for open claims",
        "Estimate the final cost of each open claim so finance can set reserves, from 15 years of "
        "settled claims. The actuaries want uncertainty bands, not just a number.",
        [],
        {},
    ),
    (
        "Pollution forecast per street",
        "City council with 60 air quality sensors. Forecast pollution per street 48 hours ahead "
        "from sensor history, traffic counts and weather, to trigger low-emission days.",
        [],
        {},
    ),
    (
        "Faulty meters, no list of known faults",
        "Detect faulty meters from their readings. We don't have a list of meters known to be "
        "faulty, but we have every reading from 2 million meters over five years, plus field "
        "visit notes.",
        [],
        {"has_training_data": False, "needs_continuous_retraining": True},
    ),
    (
        "Shifts that won't get filled",
        "Temp staffing agency. Predict which open shifts won't be filled in time, and which "
        "workers are most likely to accept each one, from our booking history.",
        [],
        {},
    ),
    (
        "Which self-checkout baskets to check",
        "Self-checkout losses are up. We have transaction logs and the results of the checks "
        "staff already do; flag the transactions that deserve a check.",
        [],
        {},
    ),
    (
        "Antibody binding from sequence",
        "Biotech startup. We have assay results for 40,000 antibody variants and want to predict "
        "binding from sequence to choose the next round of variants. This is the core of our "
        "platform.",
        [],
        {"model_is_moat": True},
    ),
    (
        "How many rooms to overbook",
        "Hotel group. Decide how many rooms to overbook each night from cancellation and no-show "
        "history per property and season.",
        [],
        {},
    ),
    (
        "Complaints that go to the ombudsman",
        "We're a utility with a large complaints backlog. Some complaints end up with the "
        "ombudsman, which costs us over 500 pounds each and hurts our rating.\n\nWe have seven "
        "years of complaints with the full case history and whether they escalated. We'd like "
        "each new complaint scored for escalation risk on day one so senior handlers take the "
        "risky ones.\n\nWe've seen the LLM demos and they're impressive, but we doubt a general "
        "model knows what makes our customers escalate; our own history does. We also have to "
        "show the regulator the approach is fair and monitored.",
        [],
        {"general_model_sufficient": False, "has_training_data": True},
    ),
    (
        "Knock-on train delays",
        "Rail operator. When one train runs late, predict the knock-on delays across the network "
        "for the next two hours, learned from years of running data.",
        [],
        {},
    ),
    (
        "Bad solder joints",
        "Build a model that spots defective solder joints on our circuit boards from the AOI "
        "images.",
        [],
        {},
    ),
    (
        "Tag uploads with our own keywords",
        "Stock photo agency. Tag new uploads with our own 20,000-keyword vocabulary. General "
        "image taggers use the wrong words. We have 30 million photos tagged by our editors.",
        [],
        {"has_training_data": True, "general_model_sufficient": False},
    ),
    (
        "Sick cows before the farmer notices",
        "Dairy farms with sensor collars on every cow. Warn which cows are getting ill two days "
        "before the farmer would notice, from activity, rumination and milk yield. We have vet "
        "records to learn from.",
        [],
        {},
    ),
]
