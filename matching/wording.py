"""Every word a client reads about a match: the reasons under each score, the
trade-offs of a higher budget or a later start, why nobody fits, and the
lines a run adds (an accepted specialist, a staff override).

Pure functions over plain values; the figures come from ``matching.scoring``
and the counts from ``matching.ranking.reach``.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from marketplace.vocabulary import AI_ENGINEER, ML_ENGINEER, ROLE_LABELS
from matching.relevance.scorer import Relevance
from matching.relevance.vocabulary import INDUSTRY
from matching.scoring import Need, Scored, ScoringParams

_CENT = Decimal("0.01")

ACCEPTED_BY_CLIENT = "You accepted this specialist for this project."


def usd(amount: Decimal, *, whole: bool = False) -> str:
    """$28, $28.50, $4,853 (whole dollars for monthly figures)."""
    if whole:
        return f"${amount.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"
    if amount == amount.to_integral_value():
        return f"${int(amount):,}"
    return f"${amount.quantize(_CENT, rounding=ROUND_HALF_UP):,}"


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _join(items: Sequence[str]) -> str:
    return ", ".join(items)


# --- Fit to the brief and working hours ---------------------------------------

_QUOTE_WORDS = 16


def quote(sentence: str, phrase: str = "") -> str:
    """The sentence, or the few words around ``phrase`` when it is long, in quotes."""
    words = sentence.split()
    if len(words) > _QUOTE_WORDS:
        lowered = [w.lower().strip(".,;:!?()\"'") for w in words]
        first = phrase.lower().split()[:1]
        at = lowered.index(first[0]) if first and first[0] in lowered else 0
        begin = max(0, min(at - _QUOTE_WORDS // 3, len(words) - _QUOTE_WORDS))
        chosen = words[begin : begin + _QUOTE_WORDS]
        text = (
            ("… " if begin else "")
            + " ".join(chosen)
            + (" …" if begin + _QUOTE_WORDS < len(words) else "")
        )
    else:
        text = " ".join(words)
    # A skill is quoted from the skills list, where a ";" ends it.
    return "\u201c" + text.strip().rstrip(".;:,") + "\u201d"


def fit_lines(fit: Relevance | None) -> list[str]:
    """What their experience shares with the brief, quoting both, and what is missing."""
    if fit is None:
        return []
    lines: list[str] = []
    evidence = [e for e in fit.evidence if e.need.kind != INDUSTRY] or list(fit.evidence)
    for e in evidence[:2]:
        lines.append(
            f"Fits your brief on {e.need.label}: you wrote {quote(e.need.quote, e.need.phrase)}; "
            f"their profile: {quote(e.quote, e.phrase)}"
        )
    if not evidence:
        if fit.semantic is not None and fit.semantic >= 0.5:
            lines.append("Their experience reads close to your brief, though in other words")
        elif fit.score < 0.25:
            lines.append("Little in their profile speaks to what your brief describes")
    missing = fit.missing[:2]
    if missing and evidence:
        lines.append(
            "No sign in their profile of "
            + " or ".join(n.label for n in missing)
            + f" (your brief: {quote(missing[0].quote, missing[0].phrase)})"
        )
    return lines


def zone_label(zone: str) -> str:
    """America/New_York -> New York; UTC stays UTC."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def overlap_line(
    *,
    hours: float,
    client_zone: str,
    client_hours: str,
    intervals: Sequence[tuple[str, str]],
    minimum: float,
) -> str:
    dash = "\u2013"
    day = f"your {client_hours.replace('-', dash)} {zone_label(client_zone)} day"
    if hours <= 0:
        line = f"no overlap with {day}"
    else:
        shown = f"{hours:g} h" if hours == int(hours) else f"{hours:.1f} h"
        line = f"overlaps {shown} with {day}"
        if intervals:
            spans = ", ".join(f"{a}\u2013{b}" for a, b in intervals)
            line += f" ({spans} your time)"
    if minimum > 0:
        line += f"; you asked for at least {minimum:g} h"
    return line


# --- Explanations ------------------------------------------------------------


def explain(
    *,
    need: Need,
    scored: Scored,
    monthly: Decimal | None = None,
    inhouse_monthly: Decimal | None = None,
    fit: Relevance | None = None,
    overlap: str | None = None,
) -> list[str]:
    """Reasons a client understands: fit to the brief first, then one per criterion, then
    the cost."""
    c = scored.candidate
    reasons: list[str] = fit_lines(fit)

    if need.role_uncertain:
        other = ML_ENGINEER if need.role == AI_ENGINEER else AI_ENGINEER
        reasons.append(
            f"{role_label(c.tier)}: your brief reads a little more like {role_label(need.role)} "
            f"work than {role_label(other)} work, not clearly enough to rule either out, so "
            "both are listed on fit; answering the questions on your project settles it"
        )
    elif c.tier == need.role:
        reasons.append(f"{role_label(c.tier)}, the role your project needs")
    elif need.role == AI_ENGINEER and c.tier == ML_ENGINEER:
        reasons.append(
            "ML engineer: overqualified for this AI-engineering work and usually dearer, "
            "so listed below comparable AI engineers"
        )
    else:
        reasons.append(f"{role_label(c.tier)}, not the {role_label(need.role)} your project needs")

    rate, budget = usd(c.rate), usd(need.budget)
    if c.rate <= need.budget:
        reasons.append(f"{rate}/h, within your {budget} budget")
    else:
        reasons.append(f"{rate}/h, {usd(c.rate - need.budget)} over your {budget} budget")

    if scored.days_late < 0:
        line = f"available {_days(-scored.days_late)} before your start date"
        if need.today is not None and c.available_from <= need.today:
            line += " (free now)"
        reasons.append(line)
    elif scored.days_late == 0:
        reasons.append("available on your start date")
    else:
        reasons.append(f"available {_days(scored.days_late)} after your start date")

    if overlap:
        reasons.append(overlap)

    required = len(need.required_skills)
    if required:
        missing = [need.skill_labels.get(key, key) for key in scored.missing]
        if not missing:
            reasons.append(
                "covers the required skill"
                if required == 1
                else f"covers all {required} required skills"
            )
        elif len(missing) == required:
            reasons.append(
                f"covers none of the {required} required skills; missing: {_join(missing)}"
            )
        else:
            reasons.append(
                f"covers {len(scored.covered)} of {required} required skills; "
                f"missing: {_join(missing)}"
            )

    if monthly is not None:
        line = f"about {usd(monthly, whole=True)}/month at {need.hours_per_week} h/week"
        if inhouse_monthly is not None:
            line += (
                f", against about {usd(inhouse_monthly, whole=True)}/month for an in-house "
                f"{role_label(need.role)}"
            )
        reasons.append(line)
    return reasons


# What the desk's past decisions favoured, by the re-ranker's figure
# (matching.reranker.features); the hand total is never named.
DESK_FAVOURED = {
    "tier": "the exact role the project needs",
    "budget": "rates within the budget",
    "start": "specialists free by the start date",
    "skills": "more of the required skills",
    "relevance": "a closer fit to the brief",
    "timezone": "more working-hours overlap",
    "concept": "a closer domain fit",
    "lexical": "profiles that use the brief's own words",
    "semantic": "experience that reads close to the brief",
    "headroom": "lower rates",
    "earliness": "earlier availability",
    "overlap": "more working-hours overlap",
}


def desk_move_line(*, rank: int, hand_rank: int, favoured: Sequence[str]) -> str:
    """Why a learned ranker placed a match elsewhere than the hand weights would have."""
    phrases = list(dict.fromkeys(DESK_FAVOURED[f] for f in favoured if f in DESK_FAVOURED))
    what = " and ".join(phrases)
    placed = f"#{rank} rather than #{hand_rank} by the weights alone"
    if rank < hand_rank:
        if not what:
            return f"Ranked up ({placed}) by what the desk's past decisions have favoured"
        return f"Ranked up ({placed}): the desk's past decisions have favoured {what}"
    if not what:
        return f"Ranked down ({placed}) by what the desk's past decisions have favoured"
    return (
        f"Ranked down ({placed}): the desk's past decisions have favoured {what}, "
        "which the matches now above offer more of"
    )


def staff_override_reason(*, role_display: str, reason: str) -> str:
    """The rationale line a staff override of the role need puts first."""
    return f"Our staff set this project's need to {role_display}" + (
        f": {reason}" if reason else "."
    )


# --- Trade-offs and no-match reasons -------------------------------------------


def _weeks_or_days(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        return "1 week" if weeks == 1 else f"{weeks} weeks"
    return "1 day" if days == 1 else f"{days} days"


def _more(n: int) -> str:
    if n == 0:
        return "no more strong candidates"
    return "1 more strong candidate" if n == 1 else f"{n} more strong candidates"


def trade_off_current(*, count: int, need: Need) -> str:
    return (
        f"{count} strong candidate{'' if count == 1 else 's'} at {usd(need.budget)}/h "
        f"starting {need.start.isoformat()}"
    )


def trade_off_budget(*, step: int, need: Need, additional: int) -> str:
    return f"+${step}/h (up to {usd(need.budget + step)}/h): {_more(additional)}"


def trade_off_start(*, step: int, later: date, additional: int) -> str:
    return f"start {_weeks_or_days(step)} later ({later.isoformat()}): " + _more(additional)


def trade_off_overlap(*, step: float, hours: float, additional: int) -> str:
    return f"accept {step:g} h less overlap (at least {hours:g} h a day): " + _more(additional)


def no_overlap_reason(*, reachable: int, minimum: float) -> str:
    who = "the one specialist" if reachable == 1 else f"the {reachable} specialists"
    return (
        f"Of {who} within reach of your budget and start date, none overlaps your working "
        f"day by at least {minimum:g} h; lowering min_overlap_hours would list them."
    )


def no_match_reason_text(*, need: Need, params: ScoringParams, stats: Mapping[str, Any]) -> str:
    """Why nobody fits, from the roster's counts: none of the tier, booked, too dear, too late."""
    pool = "ML engineers" if need.tiers == (ML_ENGINEER,) else "AI or ML engineers"
    hours = f"{need.hours_per_week} hours a week"
    if stats["total"] == 0:
        return f"No vetted {pool} are on the roster right now."
    if stats["free"] == 0:
        if stats["total"] == 1:
            return f"The one vetted specialist of the right tier is booked: {hours} are not free."
        return f"All {stats['total']} vetted {pool} are booked: none has {hours} free."
    who = f"vetted {pool} with {hours} free ({stats['free']})"
    too_dear = (
        f"the cheapest charges {usd(stats['cheapest'])}/h, too far above your "
        f"{usd(need.budget)}/h budget (we list rates up to "
        f"{usd(need.max_listed_rate(params))}/h)"
    )
    too_late = (
        f"none can start within {params.start_falloff_days} days of your start date "
        f"(the earliest is free on {stats['earliest'].isoformat()})"
    )
    if stats["free_in_budget"] == 0 and stats["free_in_time"] == 0:
        return f"Of the {who}, {too_dear}, and {too_late}."
    if stats["free_in_budget"] == 0:
        return f"Of the {who}, {too_dear}."
    if stats["free_in_time"] == 0:
        return f"Of the {who}, {too_late}."
    return (
        f"Of the {who}, those within reach of your {usd(need.budget)}/h budget cannot "
        f"start within {params.start_falloff_days} days of your start date, and those "
        "free in time charge too much."
    )
