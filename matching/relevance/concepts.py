"""Find the concepts of ``vocabulary`` in free text, keeping the words that named them.

Pure Python. A brief's concepts are what it needs; a profile's concepts are
what the specialist has done, each with a strength: a concept named in the
headline or skills, or in a sentence that says the person built it, is strong;
one named only beside "attended a talk on", "the dashboard for" or "fed the
team's models" is weak, which is how a forecasting engineer whose only
"fraud" is a conference talk stays off a fraud brief's list.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from .vocabulary import CONCEPTS, KIND_WEIGHTS

# British and American spellings meet on one form before matching (a closed list of
# stems: a general "-ise" rule would turn "advertising" into "advertizing").
_SPELLINGS = (
    (
        re.compile(
            r"\b(personal|optim|summar|categor|organ|recogn|visual|normal|priorit|production"
            r"|token|local|util|minim|maxim|standard|custom|special|character|author|industrial"
            r"|digit|monet|central|modern|operational|container)is(e|ed|es|ing|ation|ations|er|ers)\b"
        ),
        r"\1iz\2",
    ),
    (re.compile(r"\banalys(e|ed|es|ing)\b"), r"analyz\1"),
    (
        re.compile(
            r"\b(label|model|cancel|travel|fuel|signal|channel|level|tunnel)l(ed|ing|er|ers)\b"
        ),
        r"\1\2",
    ),
    (re.compile(r"\bcentre(s)?\b"), r"center\1"),
    (re.compile(r"\bcatalogue(s)?\b"), r"catalog\1"),
    (re.compile(r"\bcolour(s)?\b"), r"color\1"),
)
_SEPARATORS = re.compile(r"[\s\-_/]+")
# Every break starts with whitespace; saying so first ("(?=\s)", which changes no
# match) lets the engine skip the other characters fast: half the time of a split.
_SENTENCE = re.compile(r"(?=\s)(?:(?<=[.!?;:\n•])\s+|\n+|\s+[-•*]\s+)")

# Cues that a concept is someone else's work the writer stood beside: weak whatever
# verb the sentence has ("I built the pipelines feeding the fraud team's models").
_BESIDE = re.compile(
    r"\b(?:dashboard\w* for|front ?end for|ui for|the ui|landing page|fed|feeding|feeds|"
    r"supported the|worked alongside|alongside the|for the \w+ team|the \w+ team's|"
    r"\w+ team's|colleagues|sat next to|handed off to|data for the)\b"
)
# Cues that the writer only heard or read of it: weak unless they also did it.
_HEARSAY = re.compile(
    r"\b(?:attend\w*|talk|talks|conference\w*|webinar\w*|meetup\w*|watched|read about|"
    r"interested in|curious|keen to learn|want to learn|learning about|course\w*|certificat\w*|"
    r"hobby|exposure to|familiar with|heard|some knowledge of|basic knowledge)\b"
)
# A word every match of the cue above contains: most sentences hold none, and a
# substring test is much cheaper than the search (the slowest part of reading a profile).
_BESIDE_NEEDLES = (
    "dashboard",
    "front",
    "ui for",
    "the ui",
    "landing page",
    "fed",
    "feed",
    "supported the",
    "alongside",
    "team",
    "colleagues",
    "sat next to",
    "handed off to",
    "data for the",
)
_HEARSAY_NEEDLES = (
    "attend",
    "talk",
    "conference",
    "webinar",
    "meetup",
    "watched",
    "read about",
    "interested in",
    "curious",
    "keen to learn",
    "want to learn",
    "learning about",
    "course",
    "certificat",
    "hobby",
    "exposure to",
    "familiar with",
    "heard",
    "some knowledge of",
    "basic knowledge",
)
# Cues that the person did the work themselves.
_OWN_WORK = re.compile(
    r"\b(?:built|build|building|shipped|ship|led|lead|designed|developed|trained|deployed|"
    r"created|launched|owned|own|delivered|implemented|wrote|reduced|cut|improved|"
    r"productioni\w*|maintain\w*|scaled|architected|ran)\b"
)


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Lower case, no accents, separators as single spaces."""
    return _SEPARATORS.sub(" ", _strip_accents(text).lower())


@cache
def fold(word: str) -> str:
    # One spelling per word, cached: a roster repeats the same few thousand words.
    for pattern, repl in _SPELLINGS:
        word = pattern.sub(repl, word)
    return word


# The pieces of text between separators (_SEPARATORS), as written; and those that
# hold a letter or digit.
_PIECE = re.compile(r"[^\s\-_/]+")
_ORIGINAL_WORD = re.compile(r"[^\s\-_/]*[A-Za-z0-9\u00c0-\u024f][^\s\-_/]*")
_WORD = re.compile(r"[a-z0-9][a-z0-9'+#.]*[a-z0-9+#]|[a-z0-9]")


def raw_words(text: str) -> list[str]:
    """The words of already-normalised text as written (``fold`` gives their spelling)."""
    return _WORD.findall(text)


@dataclass(frozen=True)
class _Phrase:
    key: str
    # Each word is ("exact", w) or ("prefix", stem): "*" in the vocabulary ends a word freely.
    tokens: tuple[tuple[bool, str], ...]


@dataclass(frozen=True)
class _Index:
    exact: dict[str, list[_Phrase]]
    prefix: dict[str, list[_Phrase]]
    longest_prefix: int


@cache
def _index() -> _Index:
    """First word of every phrase -> the phrases, so a text is read once, word by word.

    A regular expression per concept cost about 1.7 ms a profile; this index
    keeps a 100,000-row import's concept reading to seconds.
    """
    exact: dict[str, list[_Phrase]] = {}
    prefix: dict[str, list[_Phrase]] = {}
    for key, (_label, _kind, phrases) in CONCEPTS.items():
        for raw in phrases:
            tokens = []
            for part in normalise(raw).split():
                part = fold(part.rstrip("*")) + ("*" if part.endswith("*") else "")
                stem = part.rstrip("*")
                tokens.append((part.endswith("*"), stem))
            if not tokens:
                continue
            phrase = _Phrase(key=key, tokens=tuple(tokens))
            first_prefix, first = tokens[0]
            (prefix if first_prefix else exact).setdefault(first, []).append(phrase)
    longest = max((len(p) for p in prefix), default=0)
    return _Index(exact=exact, prefix=prefix, longest_prefix=longest)


# A phrase that may start at a word: (concept key, length in words, the words after
# the first as (is_prefix, form) pairs). The first word is known to match already.
_Candidate = tuple[str, int, tuple[tuple[bool, str], ...]]


@cache
def _candidates(word: str) -> tuple[_Candidate, ...]:
    """Phrases that may start at ``word``, longest first (cached: words repeat)."""
    index = _index()
    found = list(index.exact.get(word, ()))
    for length in range(1, min(len(word), index.longest_prefix) + 1):
        found.extend(index.prefix.get(word[:length], ()))
    found.sort(key=lambda p: -len(p.tokens))
    return tuple((p.key, len(p.tokens), p.tokens[1:]) for p in found)


def _find(text_words: list[str]) -> dict[str, tuple[int, int]]:
    """Concept key -> (start, end) word span of its first, longest match."""
    found: dict[str, tuple[int, int]] = {}
    count = len(text_words)
    for at, word in enumerate(text_words):
        for key, length, rest in _candidates(word):
            if key in found or at + length > count:
                continue
            for offset, (prefix, form) in enumerate(rest, start=at + 1):
                other = text_words[offset]
                if (prefix and not other.startswith(form)) or (not prefix and other != form):
                    break
            else:
                found[key] = (at, at + length)
    return found


def concept_label(key: str) -> str:
    entry = CONCEPTS.get(key)
    return entry[0] if entry else key


def concept_weight(key: str) -> float:
    entry = CONCEPTS.get(key)
    return KIND_WEIGHTS[entry[1]] if entry else 0.0


def concept_kind(key: str) -> str:
    entry = CONCEPTS.get(key)
    return entry[1] if entry else ""


@dataclass(frozen=True)
class Mention:
    """One place a concept is named: the words and the sentence they stand in."""

    key: str
    phrase: str  # the text's own words that matched
    sentence: str  # the sentence (or clause) they stand in, for quoting
    strength: float  # how much the mention says about the writer's own need or work


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s and s.strip()]


@lru_cache(maxsize=1 << 16)
def _piece_word_count(piece: str) -> int:
    """How many normalised words one written piece gives ("3,000" and "Q&A" give two)."""
    return len(_WORD.findall(normalise(piece)))


def _original_words(sentence: str, count: int) -> list[str]:
    """For each of the sentence's ``count`` normalised words, the written piece it is in.

    A piece can hold several words ("3,000", "Q&A", "R&D"): its second and later
    words get "" (the piece is quoted once), so that the span quoted for a match
    is the words the writer used for it, not a neighbour's.
    """
    pieces = _ORIGINAL_WORD.findall(sentence)
    if len(pieces) == count and sentence.isascii():
        # In ASCII each such piece gives at least one word: as many as words, one each.
        return pieces
    owners: list[str] = []
    for piece in _PIECE.findall(sentence):
        if in_piece := _piece_word_count(piece):
            owners.append(piece)
            owners.extend([""] * (in_piece - 1))
    return owners


def _original_span(original: list[str], start: int, end: int) -> str:
    """The sentence's own words behind a match found in its normalised words."""
    if start >= len(original):
        return ""  # only if normalising a piece alone split it otherwise: nothing to quote
    while start > 0 and not original[start]:
        start -= 1  # a match that starts inside a piece quotes the whole piece
    span = " ".join(piece for piece in original[start:end] if piece)
    return span.strip(".,;:!?()\"'") or span


def _has(cue: re.Pattern[str], needles: tuple[str, ...], norm: str) -> bool:
    """Whether ``cue`` is found in ``norm``, searched only if one of its needles is there."""
    for needle in needles:
        if needle in norm:
            return cue.search(norm) is not None
    return False


def _standing(norm: str, *, unowned: float) -> float:
    """How much a sentence says about its writer's own work: stood beside it or only
    heard of it 0.2, heard of it but did it too 0.5, did it 1, neither ``unowned``.

    Each cue is looked for only when the answer still depends on it (they are the
    slowest part of reading a profile).
    """
    if _has(_BESIDE, _BESIDE_NEEDLES, norm):
        return 0.2
    if _has(_HEARSAY, _HEARSAY_NEEDLES, norm):
        return 0.5 if _OWN_WORK.search(norm) else 0.2
    if unowned == 1.0 or _OWN_WORK.search(norm):
        return 1.0
    return unowned


def mentions(
    text: str,
    *,
    strength: float = 1.0,
    unowned: float = 1.0,
    raw_words_out: list[str] | None = None,
) -> list[Mention]:
    """Every concept named in ``text``, sentence by sentence, with its strength.

    ``unowned`` scales a sentence that does not say its writer did the work.
    ``raw_words_out`` is extended with the raw words of every sentence: those of
    ``raw_words(normalise(text))``, since sentences split only at whitespace (and a
    bullet or dash between spaces), never inside a word, so BM25 can count terms
    without normalising the text a second time.
    """
    found: list[Mention] = []
    for sentence in sentences(text):
        norm = normalise(sentence)
        raw = _WORD.findall(norm)
        if raw_words_out is not None:
            raw_words_out.extend(raw)
        hits = _find([fold(w) for w in raw])
        if not hits:
            continue
        weight = strength * _standing(norm, unowned=unowned)
        original = _original_words(sentence, len(raw))
        for key, (start, end) in hits.items():
            found.append(
                Mention(
                    key=key,
                    phrase=_original_span(original, start, end),
                    sentence=sentence,
                    strength=weight,
                )
            )
    return found


@dataclass(frozen=True)
class ConceptProfile:
    """Concepts of one text with a strength in [0, 1] and the best quote for each."""

    strengths: Mapping[str, float]
    quotes: Mapping[str, str]
    phrases: Mapping[str, str]

    def keys(self, *, minimum: float = 0.0) -> list[str]:
        return sorted(k for k, s in self.strengths.items() if s > minimum)


def _profile(found: Iterable[Mention], *, saturation: float | None = None) -> ConceptProfile:
    """Fold mentions per concept.

    Without ``saturation`` a single full mention gives full strength (a brief that
    names a need once needs it); with it, strength grows with the evidence as
    1 - exp(-sum / saturation), so a profile that is about a concept (headline,
    several projects) outranks one that names it once.
    """
    strengths: dict[str, float] = {}
    sums: dict[str, float] = {}
    quotes: dict[str, str] = {}
    phrases: dict[str, str] = {}
    best: dict[str, float] = {}
    for m in found:
        # Several mentions add up with diminishing returns: 1 - prod(1 - s).
        previous = strengths.get(m.key, 0.0)
        strengths[m.key] = 1.0 - (1.0 - previous) * (1.0 - min(m.strength, 1.0))
        sums[m.key] = sums.get(m.key, 0.0) + m.strength
        if m.strength > best.get(m.key, -1.0):
            best[m.key] = m.strength
            quotes[m.key] = m.sentence
            phrases[m.key] = m.phrase
    if saturation is not None:
        strengths = {k: 1.0 - math.exp(-v / saturation) for k, v in sums.items()}
    return ConceptProfile(strengths=strengths, quotes=quotes, phrases=phrases)


def specialist_concepts(
    *,
    headline: str,
    bio: str,
    skills: Iterable[str],
    field_words: dict[str, list[str]] | None = None,
) -> ConceptProfile:
    """What a specialist has done, read from their profile.

    A headline or a skill names what the person sells (strong); a bio sentence
    counts fully when it says they did the work, 0.7 otherwise. A profile that
    names a dozen problem domains in passing (a buzzword list) has each of them
    discounted: breadth without a single concrete project is not depth.
    ``field_words`` receives the raw words of ``"headline"``, ``"skills"`` and
    ``"bio"`` (see ``mentions``), in that order.
    """
    out: dict[str, list[str]] = {"headline": [], "skills": [], "bio": []}
    found = [
        *mentions(headline, strength=0.9, raw_words_out=out["headline"]),
        *mentions("; ".join(str(s) for s in skills), strength=0.6, raw_words_out=out["skills"]),
    ]
    found.extend(mentions(bio, strength=1.0, unowned=0.7, raw_words_out=out["bio"]))
    if field_words is not None:
        field_words.update(out)
    profile = _profile(found, saturation=PROFILE_SATURATION)
    domains = [k for k in profile.strengths if concept_kind(k) == "domain"]
    if len(domains) > 6:
        damp = (6 / len(domains)) ** 0.75
        profile = ConceptProfile(
            strengths={k: s * damp for k, s in profile.strengths.items()},
            quotes=profile.quotes,
            phrases=profile.phrases,
        )
    return profile


TITLE_BOOST = 1.5
# Evidence (sum of mention strengths) at which a profile shows a concept at 63%.
PROFILE_SATURATION = 1.2


@dataclass(frozen=True)
class BriefNeed:
    """A concept the brief needs, with the brief's own words for it."""

    key: str
    label: str
    kind: str
    weight: float
    phrase: str
    quote: str

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "label": self.label,
            "kind": self.kind,
            "weight": round(self.weight, 3),
            "phrase": self.phrase,
            "quote": self.quote,
        }


def brief_needs(*, title: str, description: str, skills: Iterable[str] = ()) -> list[BriefNeed]:
    """The concepts a brief asks for, most decisive first.

    The title counts as much as a sentence that names the concept twice; a
    concept the brief names only in a negation or an aside still counts, at a
    lower weight, because briefs rarely mention a problem they do not have.
    """
    found = [
        *mentions(title, strength=1.0),
        *mentions(description, strength=1.0),
        *mentions("; ".join(str(s) for s in skills), strength=0.8),
    ]
    profile = _profile(found)
    # A need the title names is what the brief is about.
    in_title = {m.key for m in mentions(title)}
    needs = [
        BriefNeed(
            key=key,
            label=concept_label(key),
            kind=concept_kind(key),
            weight=concept_weight(key)
            * (0.5 + 0.5 * strength)
            * (TITLE_BOOST if key in in_title else 1.0),
            phrase=profile.phrases[key],
            quote=profile.quotes[key],
        )
        for key, strength in profile.strengths.items()
    ]
    return sorted(needs, key=lambda n: (-n.weight, n.key))
