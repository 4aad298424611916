"""Hand-written building blocks that build.py combines into varied briefs.

Goals are infinitive verb phrases so they fit many sentence frames ("We want to ...",
"Can you help us ...?"). Slots in braces are filled from the domain's own vocabulary so a
law firm talks about contracts and a utility about meters.
"""

from __future__ import annotations

DOMAINS: list[dict[str, list[str]]] = [
    {
        "intro": ["We run a regional parcel carrier", "Mid-sized freight forwarder here"],
        "docs": ["our shipping manuals", "customs guidance notes", "carrier contracts"],
        "users": ["dispatchers", "drivers", "customer service agents"],
        "records": ["delivery scans", "GPS traces from our vans", "shipment records"],
        "entities": ["shipments", "delivery routes", "depots"],
        "event": ["arrive late", "get damaged in transit"],
        "quantity": ["parcel volumes per depot", "daily pickups"],
        "system": ["our transport management system", "the depot scheduling tool"],
    },
    {
        "intro": ["We are a 60-person law firm", "Boutique legal practice, mostly employment law"],
        "docs": ["precedent contracts", "our internal know-how notes", "case files"],
        "users": ["associates", "paralegals", "partners"],
        "records": ["ten years of billing records", "matter outcomes and hours"],
        "entities": ["matters", "clients"],
        "event": ["run over budget", "settle early"],
        "quantity": ["billable hours per matter", "incoming matter volume"],
        "system": ["our practice management system", "the document management system"],
    },
    {
        "intro": ["We are an online fashion retailer", "Independent homeware shop selling online"],
        "docs": ["our help-centre articles", "product spec sheets", "returns policy pages"],
        "users": ["shoppers", "our customer care team", "merchandisers"],
        "records": ["order and return history", "clickstream logs", "basket data"],
        "entities": ["customers", "orders", "products"],
        "event": ["be returned", "stop buying from us"],
        "quantity": ["weekly sales per product", "returns volume"],
        "system": ["our Shopify store", "the order management system"],
    },
    {
        "intro": ["We manage a network of outpatient clinics", "Private hospital group"],
        "docs": ["clinical guidelines", "patient leaflets", "referral protocols"],
        "users": ["receptionists", "nurses", "GPs who refer to us"],
        "records": ["appointment history", "anonymised admission records", "lab results"],
        "entities": ["patients", "appointments", "wards"],
        "event": ["miss their appointment", "be readmitted within 30 days"],
        "quantity": ["bed occupancy", "daily referrals"],
        "system": ["our booking system", "the patient portal"],
    },
    {
        "intro": [
            "We are a fintech lending to small businesses",
            "Challenger bank, 300k customers",
        ],
        "docs": ["product terms", "credit policy manuals", "regulatory guidance"],
        "users": ["relationship managers", "the complaints team", "underwriters"],
        "records": ["repayment history", "bank transaction data", "card transactions"],
        "entities": ["loans", "transactions", "applicants"],
        "event": ["default", "turn out to be fraudulent"],
        "quantity": ["cash withdrawals per ATM", "loan applications per week"],
        "system": ["our core banking platform", "the loan origination system"],
    },
    {
        "intro": ["We operate three food processing plants", "Automotive parts manufacturer"],
        "docs": ["equipment manuals", "standard operating procedures", "safety data sheets"],
        "users": ["shift supervisors", "maintenance technicians", "quality engineers"],
        "records": ["machine sensor logs", "maintenance records", "batch quality results"],
        "entities": ["machines", "production batches", "conveyor motors"],
        "event": ["break down", "fail quality checks"],
        "quantity": ["scrap rates", "energy use per line"],
        "system": ["our MES", "the maintenance ticketing system"],
    },
    {
        "intro": ["We are a B2B SaaS company", "Project-management software vendor, 5k customers"],
        "docs": ["our product documentation", "API reference pages", "release notes"],
        "users": ["customers' admins", "our support engineers", "account managers"],
        "records": ["product usage events", "subscription and billing history", "support logs"],
        "entities": ["accounts", "trial users", "subscriptions"],
        "event": ["churn at renewal", "upgrade to a paid plan"],
        "quantity": ["monthly recurring revenue", "seat expansion"],
        "system": ["our admin console", "Zendesk"],
    },
    {
        "intro": ["We are a regional water utility", "Electricity distribution company"],
        "docs": ["tariff documents", "outage procedures", "engineering standards"],
        "users": ["call-centre staff", "field crews", "customers"],
        "records": ["smart meter readings", "pipe burst history", "SCADA telemetry"],
        "entities": ["pipes", "substations", "households"],
        "event": ["fail this winter", "fall into arrears"],
        "quantity": ["hourly consumption", "peak load"],
        "system": ["our customer portal", "the works management system"],
    },
    {
        "intro": ["We run a chain of 90 grocery stores", "Convenience store franchise"],
        "docs": ["store operations manuals", "supplier agreements", "food safety procedures"],
        "users": ["store managers", "franchisees", "head-office buyers"],
        "records": ["till receipts", "loyalty card transactions", "waste logs"],
        "entities": ["stores", "products", "loyalty members"],
        "event": ["run out of stock", "go to waste"],
        "quantity": ["daily demand per product and store", "fresh produce waste"],
        "system": ["the store intranet", "our ordering system"],
    },
    {
        "intro": ["We are a car insurer", "Specialist pet insurance company"],
        "docs": ["policy wordings", "claims handling guides", "underwriting rules"],
        "users": ["claims handlers", "brokers", "policyholders"],
        "records": ["claims history", "quote and conversion logs", "telematics data"],
        "entities": ["claims", "policies", "quotes"],
        "event": ["be fraudulent", "lapse at renewal"],
        "quantity": ["claim frequency", "claims cost per policy"],
        "system": ["our claims platform", "the broker portal"],
    },
    {
        "intro": ["We are an online learning platform", "Network of language schools"],
        "docs": ["course material", "assessment rubrics", "student handbooks"],
        "users": ["learners", "tutors", "course designers"],
        "records": ["learner activity logs", "quiz results", "enrolment history"],
        "entities": ["learners", "courses"],
        "event": ["drop out", "fail the final exam"],
        "quantity": ["enrolments per course", "tutor workload"],
        "system": ["our LMS", "the tutor dashboard"],
    },
    {
        "intro": ["We are a property management company", "Estate agency with 40 branches"],
        "docs": ["tenancy agreements", "building maintenance guides", "listing packs"],
        "users": ["tenants", "letting agents", "landlords"],
        "records": ["rent payment history", "repair requests", "past sale prices"],
        "entities": ["tenants", "properties", "listings"],
        "event": ["fall behind on rent", "sell within a month"],
        "quantity": ["repair requests per building", "achieved sale prices"],
        "system": ["our property system", "the tenant app"],
    },
    {
        "intro": ["We run a travel booking site", "Hotel group with 25 properties"],
        "docs": ["booking terms", "hotel fact sheets", "destination guides"],
        "users": ["travellers", "reservation agents", "hotel staff"],
        "records": ["booking history", "search logs", "cancellation records"],
        "entities": ["bookings", "rooms", "searches"],
        "event": ["be cancelled", "convert to a booking"],
        "quantity": ["room demand per night", "call volumes"],
        "system": ["our booking engine", "the property management system"],
    },
    {
        "intro": ["We are a mobile game studio", "Streaming service for documentaries"],
        "docs": ["game guides", "community FAQs", "content licensing terms"],
        "users": ["players", "community moderators", "subscribers"],
        "records": ["gameplay telemetry", "viewing history", "in-app purchase logs"],
        "entities": ["players", "titles", "sessions"],
        "event": ["stop playing", "cancel their subscription"],
        "quantity": ["daily active users", "content watch time"],
        "system": ["our live-ops tool", "the content management system"],
    },
    {
        "intro": ["We are a city council", "Public agency handling business permits"],
        "docs": ["council policies", "planning regulations", "public service pages"],
        "users": ["residents", "caseworkers", "permit applicants"],
        "records": ["case management records", "inspection results", "service requests"],
        "entities": ["permit applications", "inspections", "properties"],
        "event": ["fail inspection", "need an urgent visit"],
        "quantity": ["service requests per district", "waste collection tonnage"],
        "system": ["our case management system", "the resident portal"],
    },
    {
        "intro": ["We are a construction contractor", "Housebuilder with 30 live sites"],
        "docs": ["tender specifications", "site safety rules", "building regulations"],
        "users": ["site managers", "estimators", "subcontractors"],
        "records": ["project cost records", "site diaries", "defect logs"],
        "entities": ["projects", "sites", "subcontractors"],
        "event": ["overrun their budget", "finish late"],
        "quantity": ["material usage per site", "labour hours per week"],
        "system": ["our project management tool", "the document control system"],
    },
    {
        "intro": ["We are an agronomy business", "Farming cooperative with 400 members"],
        "docs": ["crop protection guides", "product labels", "grower handbooks"],
        "users": ["field advisers", "growers", "the sales desk"],
        "records": ["field yield records", "soil sample results", "weather station data"],
        "entities": ["fields", "growers", "harvests"],
        "event": ["miss their yield target", "get hit by disease"],
        "quantity": ["harvest volumes", "fertiliser orders"],
        "system": ["our farm management app", "the ordering portal"],
    },
    {
        "intro": ["We are a mid-sized pharmaceutical company", "Contract research organisation"],
        "docs": [
            "study protocols",
            "product information leaflets",
            "standard operating procedures",
        ],
        "users": ["medical information staff", "study managers", "pharmacists"],
        "records": ["trial recruitment histories", "assay results", "adverse event reports"],
        "entities": ["trial sites", "compounds", "studies"],
        "event": ["miss their recruitment target", "fail in the next assay"],
        "quantity": ["patient recruitment per site", "batch yields"],
        "system": ["our clinical trial management system", "the quality system"],
    },
    {
        "intro": ["We are a news publisher", "Magazine group with six titles"],
        "docs": ["our article archive", "the style guide", "editorial policies"],
        "users": ["journalists", "editors", "subscribers"],
        "records": ["reading history", "subscription records", "article engagement logs"],
        "entities": ["readers", "articles", "subscriptions"],
        "event": ["cancel their subscription", "stop reading"],
        "quantity": ["daily page views", "new subscriptions per week"],
        "system": ["our content management system", "the paywall"],
    },
    {
        "intro": ["We are a mobile network operator", "Broadband provider, 800k households"],
        "docs": ["tariff guides", "network troubleshooting guides", "contract terms"],
        "users": ["call-centre agents", "field engineers", "customers"],
        "records": ["network performance counters", "billing and usage history", "call logs"],
        "entities": ["customers", "cell sites", "connections"],
        "event": ["leave at the end of their contract", "go down"],
        "quantity": ["data traffic per cell", "calls to the contact centre"],
        "system": ["our billing system", "the self-service app"],
    },
    {
        "intro": ["We are a staffing agency", "Recruitment firm placing nurses and carers"],
        "docs": ["client contracts", "our compliance handbook", "job descriptions"],
        "users": ["recruiters", "candidates", "client managers"],
        "records": ["booking and shift history", "placement outcomes", "timesheets"],
        "entities": ["shifts", "candidates", "placements"],
        "event": ["go unfilled", "leave within three months"],
        "quantity": ["shift demand per client", "weekly placements"],
        "system": ["our applicant tracking system", "the booking platform"],
    },
]

AI_GOALS: list[tuple[list[str], list[str], list[str]]] = [
    # (titles, goal phrases, skills)
    (
        ["Reply drafts from our knowledge base", "Draft answers for the support team"],
        [
            "draft replies for {users} using {docs}",
            "suggest answers to incoming questions, drawn from {docs}",
        ],
        ["RAG", "prompt engineering", "Zendesk API"],
    ),
    (
        ["Ask questions over our documents", "Q&A over internal documents"],
        [
            "let {users} ask questions in plain English and get answers from {docs}, with sources",
            "give {users} one place to ask about {docs} and get a cited answer",
        ],
        ["RAG", "vector database", "LlamaIndex", "embeddings"],
    ),
    (
        ["Search by meaning", "Better search over our content"],
        [
            "make search over {docs} understand meaning instead of matching keywords",
            "find the right passage in {docs} even when people use different words",
        ],
        ["semantic search", "embeddings", "pgvector", "Elasticsearch"],
    ),
    (
        ["Summaries that save reading time", "Automatic summaries"],
        [
            "summarise long threads in {system} so {users} can catch up in seconds",
            "turn long documents such as {docs} into short summaries for {users}",
        ],
        ["summarisation", "OpenAI API", "prompt engineering"],
    ),
    (
        ["Plain-English questions over our data", "Natural-language reporting"],
        [
            "let {users} ask questions about our numbers in plain English and get the answer "
            "from the database",
            "turn questions typed by {users} into SQL against our reporting database",
        ],
        ["text-to-SQL", "SQL", "function calling"],
    ),
    (
        ["Assistant that takes actions", "Agent connected to our tools"],
        [
            "build an assistant that can look things up and take actions in {system} through "
            "its API",
            "have an agent handle routine requests from {users} by calling {system}",
        ],
        ["agents", "tool calling", "LangChain", "function calling"],
    ),
    (
        ["Extract fields from documents", "Document data extraction"],
        [
            "pull the key fields out of incoming documents and write them into {system}",
            "read forms and letters sent by {users} and fill in {system} automatically",
        ],
        ["document AI", "structured outputs", "OCR"],
    ),
    (
        ["Chat assistant for our customers", "Website chat helper"],
        [
            "put a chat assistant on our site that answers {users} from {docs} and hands over "
            "to a person when unsure",
            "answer questions from {users} around the clock, grounded in {docs}",
        ],
        ["chatbot", "RAG", "guardrails"],
    ),
    (
        ["Write first drafts for us", "Content drafting"],
        [
            "generate first drafts of routine letters and emails for {users} in our tone",
            "write first drafts of standard documents for {users}, based on {docs}",
        ],
        ["prompt engineering", "Anthropic API"],
    ),
    (
        ["Evaluate and harden our assistant", "Prompt evaluation and guardrails"],
        [
            "set up evaluation for the assistant we built on a hosted model so prompt changes "
            "stop breaking it",
            "add grounding, refusal rules and an evaluation suite to our existing chatbot",
        ],
        ["evals", "prompt engineering", "guardrails", "LangSmith"],
    ),
    (
        ["Route and tag incoming messages", "Triage incoming requests"],
        [
            "read each incoming message from {users}, tag it and send it to the right team "
            "using a hosted model and a good prompt",
            "triage requests arriving in {system} and draft a first response",
        ],
        ["prompt engineering", "OpenAI API"],
    ),
    (
        ["Translate and localise", "Multilingual answers"],
        [
            "answer {users} in their own language from {docs} written in English",
            "translate {docs} for {users} while keeping our terminology",
        ],
        ["translation", "prompt engineering"],
    ),
    (
        ["Meeting and call notes", "Call summaries into the CRM"],
        [
            "turn call recordings with {users} into notes and action items in {system}",
            "transcribe and summarise meetings with {users} and file the notes",
        ],
        ["speech-to-text API", "summarisation"],
    ),
    (
        ["Compare documents against our rules", "Policy checking assistant"],
        [
            "check new documents against {docs} and explain any conflicts in plain words",
            "compare what {users} submit against {docs} and point out what is missing",
        ],
        ["RAG", "structured outputs"],
    ),
    (
        ["Train our staff and set up the tools", "Get the team using AI safely"],
        [
            "run training for our staff on hosted assistants and set up a safe shared workspace "
            "with a few ready-made helpers for the team",
            "show {users} how to use the big chat models properly and build them two or three "
            "assistants for their routine writing",
        ],
        ["prompt engineering", "training", "Azure OpenAI"],
    ),
    (
        ["Sort requests by written rules", "Categorise without history"],
        [
            "put each new request from {users} into the right category using the written "
            "definitions, since there is no history to learn from",
            "label incoming messages in {system} by following our category guide, with a person "
            "correcting the hard ones",
        ],
        ["prompt engineering", "structured outputs"],
    ),
    (
        ["Explain our numbers in words", "Narrative reporting"],
        [
            "write the monthly commentary for {users} from the figures our existing models and "
            "dashboards already produce",
            "explain in plain words what the reports in {system} show, without touching the "
            "numbers or the models behind them",
        ],
        ["summarisation", "OpenAI API"],
    ),
    (
        ["Pick the right provider", "Compare hosted models"],
        [
            "compare hosted models from several providers on our real tasks for {users}, on "
            "quality, cost and speed, and wire in the winner",
            "move our assistant to a cheaper provider and prove on saved conversations that "
            "answers did not get worse",
        ],
        ["evals", "OpenAI API", "Anthropic API"],
    ),
]

ML_GOALS: list[tuple[list[str], list[str], list[str]]] = [
    (
        ["Predict who will leave", "Early warning list"],
        [
            "predict which {entities} will {event} in the next {horizon}",
            "get a ranked list every week of {entities} most likely to {event}",
        ],
        ["scikit-learn", "XGBoost", "feature engineering"],
    ),
    (
        ["Forecast demand", "Better forecasts"],
        [
            "forecast {quantity} for the next {horizon}",
            "replace our spreadsheet estimates of {quantity} with a proper forecast",
        ],
        ["time series forecasting", "LightGBM", "Prophet"],
    ),
    (
        ["Catch fraud before it costs us", "Fraud scoring"],
        [
            "score {entities} for fraud risk as they happen, learning from cases we confirmed "
            "in the past",
            "flag suspicious {entities} using the outcomes of past investigations",
        ],
        ["fraud detection", "XGBoost", "imbalanced classification"],
    ),
    (
        ["Recommendations from our own history", "Personalised recommendations"],
        [
            "recommend the next best item to each customer based on {records}",
            "personalise what each user sees using {records} rather than generic popularity",
        ],
        ["recommender systems", "PyTorch", "collaborative filtering"],
    ),
    (
        ["Spot defects in images", "Visual inspection"],
        [
            "detect defects in photos taken on the line, using images our inspectors already "
            "labelled",
            "classify camera images of {entities} as good or faulty in real time",
        ],
        ["computer vision", "PyTorch", "object detection"],
    ),
    (
        ["Predict failures before they happen", "Predictive maintenance"],
        [
            "predict which {entities} will {event} from {records}",
            "find the patterns in {records} that come before a failure and warn us early",
        ],
        ["predictive maintenance", "time series", "anomaly detection"],
    ),
    (
        ["Pricing model", "Price optimisation"],
        [
            "set prices automatically from {records} and demand elasticity",
            "estimate the right price for each item from {records} and past outcomes",
        ],
        ["pricing", "Bayesian modelling", "gradient boosting"],
    ),
    (
        ["Detect anomalies", "Find the unusual"],
        [
            "detect unusual behaviour in {records} before it becomes an incident",
            "learn what normal looks like in {records} and alert on deviations",
        ],
        ["anomaly detection", "streaming", "Kafka"],
    ),
    (
        ["Rank by likelihood", "Scoring model"],
        [
            "rank {entities} by how likely they are to {event}, using {records}",
            "score every one of our {entities} for the chance they {event}",
        ],
        ["learning to rank", "LightGBM", "calibration"],
    ),
    (
        ["Put our models into production properly", "MLOps foundations"],
        [
            "move our notebook models into production with scheduled retraining, monitoring "
            "and drift alerts",
            "build the pipelines that retrain, validate and redeploy our scoring models",
        ],
        ["MLOps", "MLflow", "Airflow", "Kubeflow", "model monitoring"],
    ),
    (
        ["Feature store and pipelines", "Data pipelines for modelling"],
        [
            "build a feature store from {records} with consistent online and offline features",
            "create reliable training datasets from {records}, versioned and reproducible",
        ],
        ["Feast", "Spark", "dbt", "data pipelines"],
    ),
    (
        ["Estimate durations and values", "Regression model"],
        [
            "estimate how long each job will take from {records}",
            "predict the final cost of each case at the moment it is opened, from {records}",
        ],
        ["regression", "CatBoost", "feature engineering"],
    ),
    (
        ["Classify with our own categories", "Custom classifier"],
        [
            "classify new items into our own categories, learning from years of items our "
            "staff labelled by hand",
            "learn from our labelled history to sort {entities} into categories nobody else uses",
        ],
        ["text classification", "fine-tuning", "scikit-learn"],
    ),
    (
        ["Optimise with experiments", "Uplift modelling"],
        [
            "learn which offer to give to which customer from past campaign results",
            "model the uplift of our interventions so we target {entities} who actually respond",
        ],
        ["uplift modelling", "causal inference", "A/B testing"],
    ),
    (
        ["Replace the expensive language model call", "A small model of our own"],
        [
            "train a small model of our own on the labels a hosted language model and our staff "
            "produced, so we stop paying per request for {entities}",
            "replace the slow hosted model we call for every item with a classifier trained on "
            "our corrected labels, retrained as categories change",
        ],
        ["text classification", "distillation", "PyTorch"],
    ),
    (
        ["A model that reads our jargon", "Train on our own documents"],
        [
            "train a model on {records} labelled by our experts, because general models "
            "misread our codes and abbreviations",
            "fine-tune a model on our own annotated {records} and keep it current as our "
            "coding rules change",
        ],
        ["fine-tuning", "NLP", "model evaluation"],
    ),
    (
        ["Work out what drives the outcome", "Find the causes"],
        [
            "find out from {records} which factors make {entities} {event}, and warn us early",
            "learn from {records} what separates good outcomes from bad ones and score each new "
            "case as it starts",
        ],
        ["feature engineering", "gradient boosting", "SHAP"],
    ),
]

AI_PAINS = [
    "Right now {users} spend hours searching {docs} for answers that are already written down.",
    "Our team answers the same questions again and again.",
    "People give up on our search and email us instead.",
    "The backlog in {system} keeps growing and hiring more people is not an option.",
    "Everyone copies and pastes between {system} and a chatbot window, which is a mess.",
    "Most of the work is reading and rewriting text, which feels like it should be automatic.",
    "Information is scattered across {docs}, shared drives and people's heads.",
]
ML_PAINS = [
    "Right now we rely on rules of thumb and they are wrong too often.",
    "Every miss costs us money and we only find out afterwards.",
    "Our planners use last year's numbers plus a gut feeling.",
    "We react to problems instead of seeing them coming.",
    "The current rules catch some cases but flood the team with false alarms.",
    "The vendor's generic score does not reflect how our business works.",
    "Our analyst built something in a notebook once but it was never used and is out of date.",
]
AI_DATA = [
    "We have no labelled data, just the documents themselves.",
    "All the knowledge is already written down in {docs}.",
    "Content lives in SharePoint, Confluence and a few hundred PDFs.",
    "There is plenty of data in {system}, but we do not want to build our own model.",
    "A quick test with a hosted model on a handful of examples already looked promising.",
    "The data is text: {docs}, emails and chat transcripts.",
]
ML_DATA = [
    "We have {years} years of {records}.",
    "There are about {millions} million rows of {records} in our warehouse.",
    "Our {records} go back to {since}, cleaned and labelled with outcomes.",
    "We keep {records} in Snowflake and know which past cases turned out badly.",
    "The labels exist: every past case has a recorded outcome.",
    "Data sits in BigQuery: {records}, plus outcomes for each case.",
]
AI_CONSTRAINTS = [
    "We need something live within a few weeks.",
    "Answers must cite the source so people can check them.",
    "It has to run on our Azure OpenAI tenancy.",
    "Budget is modest and we'd like a first version this month.",
    "Hallucinated answers would embarrass us, so grounding and evaluation matter.",
    "We are happy to use an existing model; we just need it wired in properly.",
    "Data must stay in the EU, so the provider needs EU hosting.",
    "Access rights from our document system have to be respected.",
]
ML_CONSTRAINTS = [
    "Patterns change every season, so it must be retrained and monitored.",
    "Accuracy on our own data is what sets us apart from competitors.",
    "Predictions have to be explainable to auditors.",
    "Scoring must happen in under 50 milliseconds.",
    "We expect this to be a multi-month engagement.",
    "We need versioned models and datasets so every prediction can be traced.",
    "Drift detection and alerting are a must.",
    "It should plug into our existing Airflow pipelines.",
]
AI_ASIDES = [
    "We do have years of data, but this is not about predicting anything.",
    "There is no labelled history here, and we do not think we need one.",
    "The hosted models are already good at this; what is missing is the plumbing around them.",
    "Our data scientists are busy with forecasting; this is a different kind of project.",
    "We do not want to train anything ourselves.",
    "Our data team says there is no need for a custom model here.",
    "Think of it as a smart layer over the documents we already have.",
    "We've seen demos of this kind of assistant and want the same for our content.",
]
ML_ASIDES = [
    "We tried prompting a language model on this and it was nowhere near good enough.",
    "General models misread our codes and abbreviations; our own labelled history does not.",
    "At our volumes, calling a hosted model for every item is too slow and too expensive.",
    "Our staff already use LLM tools for writing; this is about a prediction.",
    "A chatbot would not help here: the answer is in our own records.",
    "We already use ChatGPT for writing emails; this is a different problem.",
    "Someone suggested a chatbot, but what we need is a prediction from our own history.",
    "Off-the-shelf tools have not worked because our situation is too specific.",
    "A generic API cannot know our customers' behaviour.",
]
NEUTRAL = [
    "The team is five people plus a product owner.",
    "Remote is fine; overlap with CET business hours please.",
    "Our stack is Python on AWS.",
    "We use Google Cloud for everything.",
    "You will work with our head of engineering.",
    "Please share relevant past work.",
    "We are a small team and move fast.",
    "Security review is required before go-live.",
]
AI_TIMELINES = ["within a month", "before our launch in six weeks", "this quarter", "in weeks"]
ML_TIMELINES = ["over the next six months", "this year", "in phases over two quarters"]
HORIZONS = ["month", "quarter", "two weeks", "90 days", "six weeks"]

AI_SKILLS = [
    "LangChain", "OpenAI API", "RAG", "pgvector", "prompt engineering", "Pinecone",
    "LlamaIndex", "function calling", "embeddings", "Anthropic API", "evals", "Weaviate",
    "semantic search", "agents", "Azure OpenAI", "Qdrant", "structured outputs",
]  # fmt: skip
ML_SKILLS = [
    "PyTorch", "XGBoost", "LightGBM", "feature engineering", "MLflow", "Kubeflow", "Airflow",
    "time series forecasting", "scikit-learn", "SageMaker", "Feast", "model monitoring",
    "computer vision", "Spark", "survival analysis", "Vertex AI", "TensorFlow",
]  # fmt: skip
NEUTRAL_SKILLS = ["Python", "AWS", "Docker", "SQL", "GCP", "FastAPI", "Kubernetes", "Postgres"]
