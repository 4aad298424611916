"""Combining the brief's text and the checklist into one decision a client can read."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from marketplace.vocabulary import AI_ENGINEER as AI
from marketplace.vocabulary import ML_ENGINEER as ML
from marketplace.vocabulary import ROLE_LABELS as ROLE_NAMES

from .checklist import (
    ANSWER_REASONS,
    CHECKLIST_QUESTIONS,
    INFERRED_REASONS,
    LOW_CONFIDENCE_THRESHOLD,
    ChecklistEvidence,
    answer_weight,
    normalise_answers,
    weigh,
)
from .cues import LABELLED
from .inference import CONFIDENT_INFERENCE as CONFIDENT
from .inference import BriefReading, TrapHit, merged_answers, read_brief
from .text_model import TextEvidence, TextModel, get_model

# Inputs are coerced to text and cut before anything else so a pathological caller (a
# megabyte of emoji, a list instead of a string) costs the same as a long brief.
MAX_FIELD_CHARS = 20_000
MAX_SKILLS = 100


@dataclass(frozen=True)
class Classification:
    role_need: str
    confidence: float
    rationale: list[str] = field(default_factory=list)
    clarifying_questions: list[dict[str, str]] = field(default_factory=list)
    version: str = ""
    # Per checklist key: {"answer": bool | None, "confidence": 0-1, "quote": str}, as read
    # from the brief (the client's own answers are in their checklist, and win).
    inferred_checklist: dict[str, dict[str, object]] = field(default_factory=dict)


@dataclass(frozen=True)
class Evidence:
    """Everything the decision weighs, before it is turned into a probability."""

    text: TextEvidence
    checklist: ChecklistEvidence  # given and inferred answers together
    given: dict[str, bool]
    # key -> (trust, quote) for answers read from the brief and not given by the client
    inferred: dict[str, tuple[float, str]]
    traps: list[TrapHit]

    @property
    def brief_logit(self) -> float:
        """What the brief's own statements (inferred answers and traps) add up to."""
        inferred = sum(
            answer_weight(k, self.checklist.answers[k]) * trust
            for k, (trust, _) in self.inferred.items()
        )
        return inferred + sum(_trap_logit(t) for t in self.traps)

    @property
    def text_share(self) -> float:
        # The text model follows topic words; once the brief states its data, timeline and
        # upkeep, those statements speak and the wording only adds what they cannot see.
        return 1.0 / (1.0 + abs(self.brief_logit) / TEXT_YIELD)

    @property
    def logit(self) -> float:
        traps = sum(_trap_logit(t) for t in self.traps)
        combined = self.text.logit * self.text_share + self.checklist.logit + traps
        return combined * self.checklist.doubt_factor


# How much brief evidence (in log-odds) halves the text model's say.
TEXT_YIELD = 2.0


def _trap_logit(trap: TrapHit) -> float:
    return trap.pull if trap.role == ML else -trap.pull


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _p_ml(evidence: Evidence) -> float:
    return _sigmoid(evidence.logit)


def gather(
    text: TextEvidence,
    given: Mapping[str, bool],
    reading: BriefReading,
    traps: Sequence[TrapHit] | None = None,
) -> Evidence:
    merged = merged_answers(given, reading)
    answers = {k: v for k, (v, _, _) in merged.items()}
    inferred = {k: (trust, quote) for k, (_, trust, quote) in merged.items() if quote is not None}
    checklist = weigh(answers, {k: trust for k, (trust, _) in inferred.items()})
    return Evidence(
        text, checklist, dict(given), inferred, list(reading.traps if traps is None else traps)
    )


def _as_text(value: object) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return text[:MAX_FIELD_CHARS]


def _as_skills(skills: object) -> list[str]:
    if skills is None or isinstance(skills, str | bytes):
        return [_as_text(skills)] if skills else []
    try:
        return [_as_text(s) for s in list(skills)[:MAX_SKILLS]]  # type: ignore[call-overload]
    except TypeError:
        return []


def classify(
    *,
    title: str,
    description: str,
    required_skills: Sequence[str] = (),
    checklist: Mapping[str, bool | None] | None = None,
) -> Classification:
    """Decide whether a brief needs an AI engineer or an ML engineer, and explain why."""
    return classify_with_model(
        get_model(),
        title=title,
        description=description,
        required_skills=required_skills,
        checklist=checklist,
    )


def classify_with_model(
    model: TextModel,
    *,
    title: str,
    description: str,
    required_skills: Sequence[str] = (),
    checklist: Mapping[str, bool | None] | None = None,
) -> Classification:
    title_text, description_text = _as_text(title), _as_text(description)
    text = model.evidence(title_text, description_text, _as_skills(required_skills))
    return decide(text, checklist, model.version, read_brief(title_text, description_text))


def decide(
    text: TextEvidence,
    checklist: Mapping[str, bool | None] | None,
    version: str,
    reading: BriefReading | None = None,
) -> Classification:
    """Combine the text, the brief's own statements and the client's answers into one
    explained decision."""
    reading = reading or BriefReading({}, [])
    given = normalise_answers(checklist)
    evidence = gather(text, given, reading)
    p_ml = _p_ml(evidence)
    role = ML if p_ml > 0.5 else AI
    confidence = p_ml if role == ML else 1.0 - p_ml
    questions: list[dict[str, str]] = []
    if confidence < LOW_CONFIDENCE_THRESHOLD:
        questions = _clarifying_questions(evidence, reading, p_ml)
    rationale = _rationale(role, confidence, evidence, bool(questions))
    return Classification(
        role, round(confidence, 4), rationale, questions, version, reading.as_dict()
    )


def _clarifying_questions(
    evidence: Evidence, reading: BriefReading, p_now: float
) -> list[dict[str, str]]:
    """Questions neither the client nor the brief answered with confidence, ordered by how
    far their answer could swing the decision."""
    ranked: list[tuple[float, str]] = []
    for key in CHECKLIST_QUESTIONS:
        if key in evidence.given:
            continue
        inferred = reading.answers.get(key)
        if inferred and inferred.answer is not None and inferred.confidence >= CONFIDENT:
            continue
        outcomes = [
            _p_ml(gather(evidence.text, {**evidence.given, key: v}, reading)) for v in (True, False)
        ]
        # The largest move either answer could cause; ties keep checklist order.
        swing = max(abs(p - p_now) for p in outcomes)
        ranked.append((swing, key))
    ranked.sort(key=lambda item: -item[0])
    return [{"key": key, "question": CHECKLIST_QUESTIONS[key]} for _, key in ranked]


def _lower_first(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]


def _quote(phrases: Sequence[str], limit: int = 3) -> str:
    return ", ".join(f'"{p}"' for p in phrases[:limit])


LABELLED_WORDS = re.compile(rf"\b{LABELLED}", re.IGNORECASE)

# The closing sentence, when the checklist's reasoning carried the decision.
CONCLUSIONS = {
    ML: "So the model is yours to build and keep: an ML engineer.",
    AI: (
        "So this is building on an existing model (prompts, retrieval, tool calls): an AI engineer."
    ),
}


def _said(evidence: Evidence, key: str, value: bool) -> str:
    """One answer said back: the client's own words about it, or the brief's quote."""
    if key in evidence.inferred:
        quote = evidence.inferred[key][1]
        reason = INFERRED_REASONS[(key, value)]
        if key == "has_training_data" and value and not LABELLED_WORDS.search(quote):
            reason = "You have a history to learn from"
        return f"{reason}: '{quote}'"
    return ANSWER_REASONS[(key, value)]


def _said_briefly(evidence: Evidence, key: str, value: bool) -> str:
    if key in evidence.inferred:
        quote = evidence.inferred[key][1]
        return f"{_lower_first(INFERRED_REASONS[(key, value)])} ('{quote}')"
    return _lower_first(ANSWER_REASONS[(key, value)].split(":")[0])


def _rationale(role: str, confidence: float, evidence: Evidence, asking: bool) -> list[str]:
    reasons: list[str] = []
    toward_ml = role == ML
    text = evidence.text
    answers = evidence.checklist.answers

    def pull(key: str) -> float:
        trust = evidence.inferred[key][0] if key in evidence.inferred else 1.0
        return answer_weight(key, answers[key]) * trust

    supporting = [k for k in answers if (pull(k) > 0) == toward_ml]
    opposing = [k for k in answers if k not in supporting]
    # In the checklist's own order, which reads as the advisor's argument: what a general
    # model can do, whether the model is the edge, the data, its upkeep, the timeline.
    supporting.sort(key=list(CHECKLIST_QUESTIONS).index)
    traps_for = [t for t in evidence.traps if (t.role == ML) == toward_ml]
    traps_against = [t for t in evidence.traps if t not in traps_for]
    # A trap explains the brief's own words, so it leads when it is what decided.
    reasons.extend(f"{t.reason}: '{t.quote}'." for t in traps_for)
    trap_quotes = {t.quote for t in evidence.traps}
    reasons.extend(
        _said(evidence, k, answers[k]) + "."
        for k in supporting
        # An answer a trap implied was already said, with the same quote.
        if k not in evidence.inferred or evidence.inferred[k][1] not in trap_quotes
    )
    against = [_said_briefly(evidence, k, answers[k]) for k in opposing]
    against += [f"{_lower_first(t.reason)} ('{t.quote}')" for t in traps_against]
    if against:
        verdict = (
            f"on balance the {ROLE_NAMES[role]} case is stronger"
            if confidence >= LOW_CONFIDENCE_THRESHOLD
            else "so it is a close call"
        )
        reasons.append(f"Pointing the other way: {'; '.join(against)}; {verdict}.")
    if evidence.checklist.contradictory:
        reasons.append(
            "Some of your checklist answers point in opposite directions, so we are less sure "
            "than usual."
        )

    ours, theirs = (
        (text.phrases_ml, text.phrases_ai) if toward_ml else (text.phrases_ai, text.phrases_ml)
    )
    text_logit = text.logit * evidence.text_share
    text_agrees = (text_logit > 0) == toward_ml and abs(text_logit) > 0.2
    sign = "signs of custom model work" if toward_ml else "signs of building on existing models"
    stated = bool(answers or evidence.traps)
    if text.known_words == 0:
        reasons.append(
            "The brief's text says too little to go on, so the decision rests on your checklist "
            "answers."
            if answers
            else "The brief doesn't contain enough recognisable detail to go on."
        )
    elif text_agrees:
        # No phrase strong and specific enough to quote: say so rather than quote filler.
        if ours:
            also = " also" if reasons else ""
            reasons.append(f"The brief{also} mentions {_quote(ours)}: {sign}.")
        else:
            reasons.append(
                f"The brief's wording as a whole shows {sign}, though no single phrase stands out."
            )
    elif abs(text_logit) > 0.2:
        other = ROLE_NAMES[ML if not toward_ml else AI]
        wording = f"The brief's wording ({_quote(theirs)})" if theirs else "The brief's wording"
        outweighing = (
            "your checklist answers outweigh it"
            if evidence.given
            else "what the brief says about your data and plans outweighs it"
        )
        reasons.append(f"{wording} suggests an {other}, but {outweighing}.")
    elif ours and not stated:
        reasons.append(f"The brief mentions {_quote(ours)}, but only weakly points either way.")
    elif not stated:
        reasons.append("The brief's wording doesn't clearly point to either role.")

    if (supporting or traps_for) and confidence >= LOW_CONFIDENCE_THRESHOLD:
        reasons.append(CONCLUSIONS[role])
    if confidence < LOW_CONFIDENCE_THRESHOLD:
        tail = " Answering the questions below would settle it." if asking else ""
        reasons.append(
            f"This is uncertain: we are only {confidence:.0%} confident it is an "
            f"{ROLE_NAMES[role]} project.{tail}"
        )
    return reasons
