"""Combining the brief's text and the checklist into one decision a client can read."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from marketplace.vocabulary import AI_ENGINEER as AI
from marketplace.vocabulary import ML_ENGINEER as ML
from marketplace.vocabulary import ROLE_LABELS as ROLE_NAMES

from .checklist import (
    ANSWER_REASONS,
    CHECKLIST_QUESTIONS,
    LOW_CONFIDENCE_THRESHOLD,
    ChecklistEvidence,
    answer_weight,
    normalise_answers,
    weigh,
)
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


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _p_ml(text_logit: float, evidence: ChecklistEvidence) -> float:
    return _sigmoid((text_logit + evidence.logit) * evidence.doubt_factor)


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
    text = model.evidence(_as_text(title), _as_text(description), _as_skills(required_skills))
    return decide(text, checklist, model.version)


def decide(
    text: TextEvidence, checklist: Mapping[str, bool | None] | None, version: str
) -> Classification:
    """Combine the text evidence with the checklist answers into one explained decision."""
    answers = normalise_answers(checklist)
    evidence = weigh(answers)
    p_ml = _p_ml(text.logit, evidence)
    role = ML if p_ml > 0.5 else AI
    confidence = p_ml if role == ML else 1.0 - p_ml
    questions: list[dict[str, str]] = []
    if confidence < LOW_CONFIDENCE_THRESHOLD:
        questions = _clarifying_questions(text.logit, answers, p_ml)
    rationale = _rationale(role, confidence, text, evidence, bool(questions))
    return Classification(role, round(confidence, 4), rationale, questions, version)


def _clarifying_questions(
    text_logit: float, answers: dict[str, bool], p_now: float
) -> list[dict[str, str]]:
    """Unanswered questions ordered by how far their answer could swing the decision."""
    ranked: list[tuple[float, str]] = []
    for key in CHECKLIST_QUESTIONS:
        if key in answers:
            continue
        outcomes = [_p_ml(text_logit, weigh({**answers, key: v})) for v in (True, False)]
        # The largest move either answer could cause; ties keep checklist order.
        swing = max(abs(p - p_now) for p in outcomes)
        ranked.append((swing, key))
    ranked.sort(key=lambda item: -item[0])
    return [{"key": key, "question": CHECKLIST_QUESTIONS[key]} for _, key in ranked]


def _lower_first(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]


def _quote(phrases: Sequence[str], limit: int = 3) -> str:
    return ", ".join(f'"{p}"' for p in phrases[:limit])


def _rationale(
    role: str,
    confidence: float,
    text: TextEvidence,
    evidence: ChecklistEvidence,
    asking: bool,
) -> list[str]:
    reasons: list[str] = []
    toward_ml = role == ML
    supporting = [
        (k, v) for k, v in evidence.answers.items() if (answer_weight(k, v) > 0) == toward_ml
    ]
    opposing = [(k, v) for k, v in evidence.answers.items() if (k, v) not in supporting]
    supporting.sort(key=lambda kv: -abs(answer_weight(*kv)))
    reasons.extend(ANSWER_REASONS[kv] + "." for kv in supporting)
    if opposing:
        against = "; ".join(_lower_first(ANSWER_REASONS[kv].split(":")[0]) for kv in opposing)
        verdict = (
            f"on balance the {ROLE_NAMES[role]} case is stronger"
            if confidence >= LOW_CONFIDENCE_THRESHOLD
            else "so it is a close call"
        )
        reasons.append(f"Pointing the other way: {against}; {verdict}.")
    if evidence.contradictory:
        reasons.append(
            "Some of your checklist answers point in opposite directions, so we are less sure "
            "than usual."
        )

    ours, theirs = (
        (text.phrases_ml, text.phrases_ai)
        if toward_ml
        else (
            text.phrases_ai,
            text.phrases_ml,
        )
    )
    text_agrees = (text.logit > 0) == toward_ml and abs(text.logit) > 0.2
    sign = "signs of custom model work" if toward_ml else "signs of building on existing models"
    if text.known_words == 0:
        reasons.append(
            "The brief's text says too little to go on, so the decision rests on your checklist "
            "answers."
            if evidence.answers
            else "The brief doesn't contain enough recognisable detail to go on."
        )
    elif text_agrees:
        # No phrase strong and specific enough to quote: say so rather than quote filler.
        reasons.append(
            f"The brief mentions {_quote(ours)}: {sign}."
            if ours
            else f"The brief's wording as a whole shows {sign}, though no single phrase stands out."
        )
    elif abs(text.logit) > 0.2:
        other = ROLE_NAMES[ML if not toward_ml else AI]
        wording = f"The brief's wording ({_quote(theirs)})" if theirs else "The brief's wording"
        reasons.append(f"{wording} suggests an {other}, but your checklist answers outweigh it.")
    elif ours:
        reasons.append(f"The brief mentions {_quote(ours)}, but only weakly points either way.")
    else:
        reasons.append("The brief's wording doesn't clearly point to either role.")

    if confidence < LOW_CONFIDENCE_THRESHOLD:
        tail = " Answering the questions below would settle it." if asking else ""
        reasons.append(
            f"This is uncertain: we are only {confidence:.0%} confident it is an "
            f"{ROLE_NAMES[role]} project.{tail}"
        )
    return reasons
