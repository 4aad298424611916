"""Reading the five checklist answers out of the brief's own prose, as an advisor would.

Each cue is a phrase pattern that is evidence for one answer to one checklist question
("nobody ever tagged urgency" says there is no usable training data). A cue preceded by a
negation in its own clause ("we have no labelled data") counts for the opposite answer.
Cues are phrase vocabulary, not topic words: they read what the client says about their
data, timeline, competitors and upkeep, so they hold for domains the corpus never saw.

Traps are the known ways the wording misleads ("train the AI on our docs" is retrieval, not
training). A trap carries its own pull towards a role, the reason in client terms, and may
cancel a cue it explains away ("these change every week" is not model retraining when what
changes are the shop's opening hours).

Pure Python (``re`` only): no scikit-learn, so it is cheap to import anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from marketplace.vocabulary import CHECKLIST_KEYS

from .cues import CUES, TRAPS

# Only the start of a very long brief is read: clients state data, timeline and upkeep
# early, and the regex cost must stay bounded whatever is pasted in.
MAX_INFERENCE_CHARS = 12_000
# Below this the brief did not really answer the question: shown as unknown, and the
# question is still asked when the decision is in doubt.
MIN_INFERRED_CONFIDENCE = 0.3
# At or above this an inferred answer counts as answered: its question is never asked.
CONFIDENT_INFERENCE = 0.6
MAX_QUOTE_CHARS = 90
# A clause longer than this is cut down to the phrase and a few words either side.
SHORT_CLAUSE_CHARS = 60
QUOTE_CONTEXT_WORDS = 3

_NEGATION = re.compile(
    r"\b(?:no|not|never|nobody|none|without|dont|doesnt|didnt|cant|cannot|couldnt|wont|isnt|arent|"
    r"wasnt|werent|havent|hasnt|lack|lacks|lacking|nor|neither|hardly|barely|zero|nowhere|"
    r"nothing)\b|n't\b",
    re.IGNORECASE,
)
# Words that end a clause for negation scope and quoting: "an export of last year's
# tickets but nobody ever tagged urgency" is two statements.
_CLAUSE_BREAK = re.compile(
    r"[.!?;:\n\u2013\u2014()]|,\s|\s-\s|"
    r"\b(?:but|although|though|however|whereas|yet|except|and|so|which|because)\b",
    re.IGNORECASE,
)
_NEGATION_WINDOW_WORDS = 5


@dataclass(frozen=True)
class InferredAnswer:
    answer: bool | None
    confidence: float
    quote: str

    def as_dict(self) -> dict[str, object]:
        return {
            "answer": self.answer,
            "confidence": round(self.confidence, 2),
            "quote": self.quote,
        }


UNKNOWN = InferredAnswer(None, 0.0, "")


@dataclass(frozen=True)
class TrapHit:
    name: str
    role: str
    pull: float
    reason: str
    quote: str


@dataclass(frozen=True)
class BriefReading:
    answers: dict[str, InferredAnswer]
    traps: list[TrapHit]

    def confident(self) -> dict[str, InferredAnswer]:
        return {
            k: a
            for k, a in self.answers.items()
            if a.answer is not None and a.confidence >= MIN_INFERRED_CONFIDENCE
        }

    def as_dict(self) -> dict[str, dict[str, object]]:
        return {key: self.answers.get(key, UNKNOWN).as_dict() for key in CHECKLIST_KEYS}


def _normalise(text: str) -> str:
    # One character for one, so match offsets stay valid in the original text.
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, max(0, start - 200), start):
        left = m.end()
    right_match = _CLAUSE_BREAK.search(text, end, min(len(text), end + 200))
    right = right_match.start() if right_match else min(len(text), end + 200)
    return left, right


def _negated(text: str, start: int, end: int, inside: bool) -> bool:
    left, _ = _clause_bounds(text, start, end)
    prefix_words = text[left:start].split()[-_NEGATION_WINDOW_WORDS:]
    scope = " ".join(prefix_words).replace("'", "")
    if _NEGATION.search(scope):
        return True
    return inside and bool(_NEGATION.search(text[start:end].replace("'", "")))


def _quote(text: str, start: int, end: int) -> str:
    left, right = _clause_bounds(text, start, end)
    clause = text[left:right].strip(" ,\"'")
    if len(clause) <= SHORT_CLAUSE_CHARS:
        return clause
    span = text[start:end]
    if len(span) >= MAX_QUOTE_CHARS:
        return span[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0]
    # Widen the phrase word by word on each side while it still fits.
    words_before = text[left:start].split()[-QUOTE_CONTEXT_WORDS:]
    words_after = text[end:right].split()[:QUOTE_CONTEXT_WORDS]
    quote = span
    while words_before or words_after:
        grown = False
        if words_before and len(quote) + len(words_before[-1]) + 1 <= MAX_QUOTE_CHARS:
            quote = f"{words_before.pop()} {quote}"
            grown = True
        if words_after and len(quote) + len(words_after[0]) + 1 <= MAX_QUOTE_CHARS:
            quote = f"{quote} {words_after.pop(0)}"
            grown = True
        if not grown:
            break
    return quote.strip(" ,\"'")


def _noisy_or(strengths: Iterable[float]) -> float:
    missing = 1.0
    for s in strengths:
        missing *= 1.0 - s
    return 1.0 - missing


def _cue_hits(text: str, skip: set[str]) -> dict[tuple[str, bool], list[tuple[float, int, str]]]:
    hits: dict[tuple[str, bool], list[tuple[float, int, str]]] = {}
    for cue in CUES:
        if cue.key in skip:
            continue
        for m in cue.pattern.finditer(text):
            answer, strength = cue.answer, cue.strength
            if cue.veto is not None:
                left, right = _clause_bounds(text, m.start(), m.end())
                if cue.veto.search(text, left, right):
                    continue
            if cue.negatable and _negated(text, m.start(), m.end(), cue.negation_inside):
                answer, strength = not answer, strength * 0.8
            hits.setdefault((cue.key, answer), []).append(
                (strength, m.start(), _quote(text, m.start(), m.end()))
            )
    return hits


def _answers(
    hits: dict[tuple[str, bool], list[tuple[float, int, str]]],
) -> dict[str, InferredAnswer]:
    answers: dict[str, InferredAnswer] = {}
    for key in CHECKLIST_KEYS:
        yes = hits.get((key, True), [])
        no = hits.get((key, False), [])
        if not yes and not no:
            continue
        p_yes = _noisy_or(s for s, _, _ in yes)
        p_no = _noisy_or(s for s, _, _ in no)
        answer = p_yes >= p_no
        winning, losing = (yes, p_no) if answer else (no, p_yes)
        # Evidence both ways lowers trust in the side that wins.
        confidence = max(p_yes, p_no) * (1.0 - 0.6 * losing)
        if confidence < MIN_INFERRED_CONFIDENCE:
            answers[key] = InferredAnswer(None, round(confidence, 4), "")
            continue
        # The strongest phrase is quoted; on a tie, the one the client wrote first.
        _, _, quote = max(winning, key=lambda h: (h[0], -h[1]))
        answers[key] = InferredAnswer(answer, round(min(confidence, 0.97), 4), quote)
    return answers


def read_brief(title: str, description: str) -> BriefReading:
    """The checklist answers and traps the brief's own words give, each with its quote."""
    text = _normalise(f"{title}.\n{description}"[:MAX_INFERENCE_CHARS])
    hits = _cue_hits(text, set())
    first_reading = _answers(hits)
    traps: list[TrapHit] = []
    cancelled: set[str] = set()
    implied: dict[str, tuple[bool, float, str]] = {}
    for trap in TRAPS:
        first = trap.patterns[0].search(text)
        if first is None or not all(p.search(text) for p in trap.patterns[1:]):
            continue
        if any(
            (a := first_reading.get(key)) is not None
            and a.answer is value
            and a.confidence >= CONFIDENT_INFERENCE
            for key, value in trap.unless
        ):
            continue
        quote = _quote(text, first.start(), first.end())
        traps.append(TrapHit(trap.name, trap.role, trap.pull, trap.reason, quote))
        cancelled.update(trap.cancels)
        for key, answer in trap.implies:
            implied[key] = (answer, 0.8, quote)
    if cancelled:
        hits = {k: v for k, v in hits.items() if k[0] not in cancelled}
    for key, (answer, strength, quote) in implied.items():
        hits.setdefault((key, answer), []).append((strength, -1, quote))
    return BriefReading(_answers(hits), traps)


def merged_answers(
    given: Mapping[str, bool], reading: BriefReading
) -> dict[str, tuple[bool, float, str | None]]:
    """(answer, trust, quote or None when the client said it) per answered key.

    The client's own answers win over what the brief seems to say.
    """
    merged: dict[str, tuple[bool, float, str | None]] = {
        key: (value, 1.0, None) for key, value in given.items()
    }
    for key, inferred in reading.confident().items():
        if key not in merged and inferred.answer is not None:
            merged[key] = (inferred.answer, inferred.confidence, inferred.quote)
    return merged
