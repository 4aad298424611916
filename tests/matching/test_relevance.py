"""Fit to the brief: needs read from briefs, profiles read for evidence, relevance ordered."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.relevance.concepts import brief_needs, mentions, specialist_concepts
from matching.relevance.features import concept_keys, load_features, profile_features
from matching.relevance.lexical import Document, bm25_scores
from matching.relevance.scorer import blend, concept_score, score_window

CHARGEBACK_BRIEF = (
    "We are a payments company and chargebacks are eating our margin. We have 3 years of "
    "labelled disputes and want a model that scores every transaction in real time."
)


def _profile(pid, headline, bio, skills=(), embedding=None):
    return load_features(
        id=pid,
        features=profile_features(headline=headline, bio=bio, skills=skills),
        embedding=embedding,
    )


def _needs(title, description, skills=()):
    return brief_needs(title=title, description=description, skills=skills)


def test_chargebacks_are_read_as_payment_fraud_with_the_briefs_phrase():
    needs = {n.key: n for n in _needs("Stop losing money to disputes", CHARGEBACK_BRIEF)}

    assert "payment-fraud" in needs
    assert needs["payment-fraud"].phrase.lower() in {"chargebacks", "disputes"}
    assert needs["payment-fraud"].quote in {
        "Stop losing money to disputes",
        CHARGEBACK_BRIEF.split(". ")[0] + ".",
    }
    assert "real-time-serving" in needs


def test_help_centre_chat_widget_is_read_as_retrieval_over_documents():
    needs = {
        n.key
        for n in _needs(
            "Support assistant",
            "A chat widget that answers from our help-centre articles so agents get fewer tickets.",
        )
    }

    assert {"document-qa", "conversational"} <= needs


def test_a_domain_need_outweighs_an_industry_one():
    needs = _needs("Fraud model", "Detect fraud on our e-commerce checkout.")

    assert needs[0].key == "payment-fraud"
    assert next(n for n in needs if n.key == "industry-retail").weight < needs[0].weight


def test_a_brief_that_names_nothing_known_has_no_needs():
    assert _needs("Help", "We need some help with a thing we are building soon.") == []


def test_paraphrased_profile_beats_a_keyword_sharing_distractor():
    # given a dispute-risk specialist who never writes "chargeback", and a forecaster
    # whose only "fraud" is a conference talk
    genuine = _profile(
        1,
        "Transaction risk models for marketplaces",
        "Built real-time dispute-risk scoring for an online marketplace, cutting friendly-fraud "
        "losses by a third. Trained gradient-boosted models on two years of labelled cases.",
    )
    distractor = _profile(
        2,
        "Demand forecasting for retail",
        "I build demand forecasting models for grocery chains. I attended a talk on fraud "
        "detection at a payments conference last year.",
    )
    needs = _needs("Chargebacks", CHARGEBACK_BRIEF)

    # when
    results = score_window(query=CHARGEBACK_BRIEF, needs=needs, profiles=[genuine, distractor])

    # then
    assert results[0].score > results[1].score
    assert results[0].evidence[0].need.key == "payment-fraud"
    assert "dispute" in results[0].evidence[0].phrase.lower()
    assert all(e.need.key != "payment-fraud" for e in results[1].evidence)


def test_hearsay_mentions_are_weak():
    concepts = specialist_concepts(
        headline="Data engineer",
        bio="I built the pipelines feeding the fraud team's models.",
        skills=[],
    )

    assert concepts.strengths["payment-fraud"] < 0.3


def test_a_buzzword_list_counts_less_than_one_concrete_project():
    buzz = specialist_concepts(
        headline="AI/ML expert",
        bio=(
            "Expert in LLM, RAG, agents, GenAI, fraud detection, forecasting, recommendations, "
            "computer vision, churn, pricing, speech, OCR, chatbots, MLOps and NLP."
        ),
        skills=[],
    )
    concrete = specialist_concepts(
        headline="Fraud models",
        bio="Built and deployed the card-fraud model of a European bank.",
        skills=[],
    )

    assert buzz.strengths["payment-fraud"] < concrete.strengths["payment-fraud"]


def test_missing_needs_are_named_and_industries_are_not():
    needs = _needs("Chargebacks", CHARGEBACK_BRIEF)
    batch_only = _profile(1, "Fraud models", "Built batch fraud models for an insurer.")

    (result,) = score_window(query=CHARGEBACK_BRIEF, needs=needs, profiles=[batch_only])

    missing = {n.key for n in result.missing}
    assert "real-time-serving" in missing
    assert not any(k.startswith("industry-") for k in missing)


def test_features_survive_a_json_round_trip_and_list_clear_concepts():
    import json

    features = profile_features(
        headline="RAG over support articles",
        bio="Shipped retrieval-augmented assistants grounded in help-centre content.",
        skills=["pgvector"],
    )

    again = json.loads(json.dumps(features))

    assert again == features
    assert "document-qa" in concept_keys(features)


def test_semantic_signal_is_used_only_when_every_profile_has_a_vector():
    needs = _needs("RAG", "Answer questions from our wiki.")
    vector = np.ones(384, dtype=np.float32) / np.sqrt(384)
    with_vector = _profile(1, "RAG", "Built wiki search.", embedding=vector)
    without = _profile(2, "RAG", "Built wiki search.")

    both = score_window(
        query="wiki", needs=needs, profiles=[with_vector, without], brief_embedding=vector
    )
    one = score_window(query="wiki", needs=needs, profiles=[with_vector], brief_embedding=vector)

    assert all(r.semantic is None for r in both)
    assert one[0].semantic == 1.0


def test_bm25_is_zero_when_no_word_is_shared_and_one_for_the_best():
    docs = [
        Document.from_fields({"bio": "kafka streaming pipelines"}),
        Document.from_fields({"bio": "vision models for defects"}),
    ]

    assert bm25_scores("kafka streaming", docs) == [1.0, 0.0]
    assert bm25_scores("nothing shared here", docs) == [0.0, 0.0]


@given(
    st.floats(0, 1),
    st.floats(0, 1),
    st.one_of(st.none(), st.floats(0, 1)),
    st.floats(0, 0.5),
)
def test_blend_is_in_unit_interval_and_monotone_in_each_signal(c, lex, sem, bump):
    base = blend(concept=c, lexical=lex, semantic=sem)

    assert 0.0 <= base <= 1.0
    assert blend(concept=min(c + bump, 1.0), lexical=lex, semantic=sem) >= base
    assert blend(concept=c, lexical=min(lex + bump, 1.0), semantic=sem) >= base


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Our claims handlers spend hours on first notice of loss forms", "insurance-claims"),
        ("We keep running out of stock before holidays", "demand-forecasting"),
        ("Customers cancel their subscriptions after the trial", "churn-retention"),
        ("Spot scratches and dents on parts coming off the assembly line", "visual-inspection"),
        ("Pull the totals and vendor names out of supplier invoices", "document-extraction"),
        ("Transcribe and summarise our recorded sales calls", "speech-audio"),
        ("An assistant that books appointments and updates the CRM", "agents-tools"),
        ("Hosted models hallucinate; we need guardrails and evals", "llm-evaluation"),
        ("Predict turbine failures from vibration sensors", "anomaly-maintenance"),
        ("Who is likely to repay a small business loan", "credit-risk"),
    ],
)
def test_paraphrased_needs_are_recognised(text, key):
    assert key in {n.key for n in _needs("", text)}


def test_concept_score_is_silent_when_the_brief_names_nothing():
    assert concept_score([], {"payment-fraud": (1.0, "fraud", "fraud")}) == 0.0


# Text with what the sentence splitter and the normaliser treat specially: bullets,
# dashes between spaces, runs of newlines, accents, ligatures, punctuation inside words.
_TRICKY_TEXT = st.lists(
    st.sampled_from([*"ab9 .!?;:\n\t•*-_/'+#éﬁİΣ\u00a0\u0301", "fraud", "C++", " - ", ". "]),
    max_size=40,
).map("".join)


@given(text=_TRICKY_TEXT)
def test_the_words_of_a_texts_sentences_are_the_words_of_the_whole_text(text):
    # profile_features counts BM25 terms from the words the concept reader found
    # sentence by sentence; that is only right if no sentence break splits a word
    from matching.relevance.concepts import mentions, normalise, raw_words

    found: list[str] = []
    mentions(text, raw_words_out=found)
    assert found == raw_words(normalise(text))


@given(headline=_TRICKY_TEXT, bio=_TRICKY_TEXT, skills=st.lists(_TRICKY_TEXT, max_size=4))
def test_profile_term_counts_are_those_of_the_whole_fields(headline, bio, skills):
    features = profile_features(headline=headline, bio=bio, skills=skills)
    document = Document.from_fields(
        {"headline": headline, "skills": " ; ".join(skills), "bio": bio}
    )
    assert features["tf"] == {t: round(c, 2) for t, c in sorted(document.tf.items())}
    assert features["len"] == round(document.length, 2)


@given(data=st.data())
def test_a_cue_is_searched_for_wherever_it_could_match(data):
    # _standing skips a cue's search when none of its needles is in the sentence:
    # every text the cue matches in must hold one
    from matching.relevance import concepts

    for cue, needles in (
        (concepts._BESIDE, concepts._BESIDE_NEEDLES),
        (concepts._HEARSAY, concepts._HEARSAY_NEEDLES),
    ):
        text = data.draw(st.from_regex(cue))
        assert any(needle in text for needle in needles), text


@given(text=_TRICKY_TEXT)
def test_sentences_break_where_the_plain_pattern_breaks_them(text):
    # the sentence pattern leads with a lookahead for speed; it must change no break
    import re

    from matching.relevance import concepts

    plain = re.compile(r"(?<=[.!?;:\n•])\s+|\n+|\s+[-•*]\s+")
    assert concepts._SENTENCE.split(text) == plain.split(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Support org (B2B SaaS, 3,000 customers) wants LLMs and RAG to cut tickets.",
        "Our Q&A team, 20,000 calls a week, wants RAG over the manuals.",
        "R&D asked: can RAG answer from the handbook?",
    ],
)
def test_the_quoted_phrase_is_the_writers_own_word_even_after_numbers_and_ampersands(sentence):
    # "3,000" and "Q&A" are one written piece but two normalised words: the quote
    # must still be the words that named the concept, not their neighbour.
    needs = {n.key: n for n in brief_needs(title="", description=sentence)}
    assert needs["document-qa"].phrase == "RAG"


def test_working_in_several_languages_is_not_read_as_a_translation_need():
    routing = {
        n.key
        for n in _needs(
            "Route support emails", "3,000 emails a day in English, German and Polish languages."
        )
    }
    translating = {
        n.key for n in _needs("Localise our app", "Translate the help centre into 12 languages.")
    }

    assert "multilingual" in routing
    assert "translation" not in routing
    assert {"multilingual", "translation"} <= translating


def test_a_crm_or_automating_a_chore_is_not_read_as_an_agent_need():
    extraction = {
        n.key for n in _needs("Invoices", "We want to automate the extraction of totals.")
    }
    calls = {n.key for n in _needs("Calls", "We have the audio files and CRM call categories.")}
    agent = {
        n.key for n in _needs("Sales assistant", "An assistant that updates the CRM after calls.")
    }

    assert "agents-tools" not in extraction | calls
    assert "agents-tools" in agent


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("A fixed 4-month contract to extract header fields from invoices.", "legal-documents"),
        (
            "A fixed 4-month contract to extract header fields from invoices.",
            "industry-agriculture",
        ),
        ("Approve more loan applicants who have no bureau file.", "hr-recruiting"),
    ],
)
def test_a_word_that_names_the_engagement_or_the_data_is_not_a_need(text, key):
    assert key not in {n.key for n in _needs("", text)}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("An assistant for contract review at a law firm.", "legal-documents"),
        ("Screen job applicants against the job description.", "hr-recruiting"),
        ("Crop yield estimates for farms.", "industry-agriculture"),
    ],
)
def test_the_needs_those_words_were_kept_for_are_still_read(text, key):
    assert key in {n.key for n in _needs("", text)}


def test_a_skill_quoted_from_the_skills_list_is_quoted_without_its_separator():
    from matching.wording import quote

    concepts = specialist_concepts(headline="", bio="", skills=["LightGBM", "fraud detection"])
    assert quote(concepts.quotes["payment-fraud"]) == "\u201cfraud detection\u201d"
    assert quote("LightGBM;") == "\u201cLightGBM\u201d"


_PIECES = st.sampled_from(
    [
        "fraud",
        "chargebacks",
        "RAG",
        "3,000",
        "Q&A",
        "R&D",
        "help-centre",
        "ß",
        "\ufb01ne-tuning",
        "é",
        "20,000",
        "—",
        ";",
        ".",
        "\n",
        " - ",
        "real time",
        "ΟΔΟΣ",
        "x,.y",
        "forecast",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30))
def test_reading_any_text_never_fails_and_quotes_only_its_own_words(parts: list[str]) -> None:
    text = " ".join(parts)
    for mention in mentions(text):
        for word in mention.phrase.split():
            assert word in text
