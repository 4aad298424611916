"""NDCG@5 and NDCG@10 of today's order and the fit-aware order on a judged set.

    python manage.py evaluateranking                       # the held-out set in the repo
    python manage.py evaluateranking --set path/to/folder  # any judged set of the same form

A judged set has no rates or dates, so every profile gets the same commercial
terms drawn from its id (a rate inside a $40 budget, free within a fortnight
of the start): the orders then differ by what each one reads of fit.
"today" is the order before fit counted (tier, budget, start, skills with the
old weights); "new" is the service's order with the default weights; "fit
alone" ranks by the relevance criterion only. The role need comes from the
classifier, as in the service; ``--role-from-set`` takes each brief's ``role``
field instead when the set has one. A profile without a recognisable tier is
taken as the tier each brief needs (the tier criterion then says nothing).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from marketplace.vocabulary import AI_ENGINEER, ML_ENGINEER
from matching.ranking.inputs import scoring_params
from matching.relevance import evaluation as ev
from matching.relevance.concepts import brief_needs
from matching.relevance.embedding import backend_name, encoder
from matching.relevance.features import concept_keys, profile_features
from matching.scoring import Candidate, Need, ScoringParams, Weights, is_listable, score

DEFAULT_SET = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "relevance_eval"
BUDGET = Decimal("40")
TODAY = date(2027, 1, 4)
START = TODAY + timedelta(days=14)
# The weights matching used before fit to the brief counted.
TODAY_WEIGHTS = {"tier": 0.35, "budget": 0.25, "start": 0.20, "skills": 0.20}


def _terms(profile_id: str, tier: str) -> tuple[Decimal, date]:
    digest = int(hashlib.sha256(profile_id.encode()).hexdigest(), 16)
    low, high = (24, 44) if tier == ML_ENGINEER else (15, 38)
    rate = Decimal(low + digest % (high - low + 1))
    return rate, START + timedelta(days=(digest // 97) % 21 - 10)


def _role(brief: Mapping[str, Any], *, from_set: bool) -> tuple[str, bool]:
    """The role need and whether the call is uncertain, as the service would have them."""
    if from_set and brief.get("role") in (AI_ENGINEER, ML_ENGINEER):
        return str(brief["role"]), False
    from matching.classifier import LOW_CONFIDENCE_THRESHOLD, classify

    result = classify(
        title=brief.get("title", ""),
        description=brief.get("description", ""),
        required_skills=brief.get("required_skills") or [],
        checklist={},
    )
    return result.role_need, result.confidence < LOW_CONFIDENCE_THRESHOLD


class Command(BaseCommand):
    help = "Report NDCG@5/@10 of today's order, the fit-aware order and fit alone on a judged set."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--set", default=str(DEFAULT_SET), help="folder of the judged set")
        parser.add_argument("--role-from-set", action="store_true")
        parser.add_argument("--per-brief", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["set"])
        if not (folder / "judgments.jsonl").exists():
            raise CommandError(f"{folder} is not a judged set (no judgments.jsonl)")
        judged = ev.JudgedSet.load(folder)
        prepared = ev.prepare(judged, encoder=encoder())
        new_params = scoring_params()
        old_params = ScoringParams(
            weights=Weights.normalised(TODAY_WEIGHTS),
            budget_falloff=new_params.budget_falloff,
            start_falloff_days=new_params.start_falloff_days,
            overqualified_tier_score=new_params.overqualified_tier_score,
        )
        keys = [
            concept_keys(
                profile_features(
                    headline=p.get("headline", ""), bio=p.get("bio", ""), skills=p.get("skills", [])
                )
            )
            for p in judged.profiles
        ]
        roles = {str(b["id"]): _role(b, from_set=options["role_from_set"]) for b in judged.briefs}

        def order(params: ScoringParams, *, fit: bool) -> ev.Ranker:
            def ranker(p: ev.PreparedSet, brief: Mapping[str, Any]) -> list[str]:
                needs = brief_needs(
                    title=brief.get("title", ""),
                    description=brief.get("description", ""),
                    skills=brief.get("required_skills") or [],
                )
                role, uncertain = roles[str(brief["id"])]
                need = Need(
                    role=role,
                    role_uncertain=uncertain,
                    budget=BUDGET,
                    start=START,
                    hours_per_week=40,
                    today=TODAY,
                    concepts=tuple((n.key, n.weight) for n in needs),
                )
                relevance = ev.relevance_for(p, brief) if fit else None
                scored = []
                for i, profile in enumerate(judged.profiles):
                    # A profile the set gives no tier is taken as the tier the brief needs.
                    tier = profile.get("tier") or role
                    rate, available = _terms(str(profile["id"]), tier)
                    candidate = Candidate(
                        id=i,
                        tier=tier,
                        rate=rate,
                        available_from=available,
                        concept_keys=frozenset(keys[i]),
                    )
                    if not is_listable(need=need, candidate=candidate, params=params):
                        continue
                    scored.append(
                        score(
                            need=need,
                            candidate=candidate,
                            params=params,
                            relevance=relevance[i].score if relevance else 0.0,
                        )
                    )
                scored.sort(key=lambda s: s.sort_key)
                return [p.profile_ids[s.candidate.id] for s in scored]

            return ranker

        rows = [
            (
                "today's order (before fit counted)",
                ev.evaluate(prepared, order(old_params, fit=False)),
            ),
            ("new order (default weights)", ev.evaluate(prepared, order(new_params, fit=True))),
            ("fit alone (relevance criterion)", ev.evaluate(prepared, ev.relevance_order)),
        ]
        self.stdout.write(
            f"judged set: {folder} ({len(judged.briefs)} briefs, {len(judged.profiles)} profiles)"
        )
        self.stdout.write(f"relevance backend: {backend_name()}")
        untiered = sum(1 for p in judged.profiles if not p.get("tier"))
        if untiered:
            self.stdout.write(
                f"{untiered} profile(s) without a tier: each taken as the tier its brief needs"
            )
        self.stdout.write(f"{'order':<40} {'NDCG@5':>7} {'NDCG@10':>8}")
        for label, figures in rows:
            self.stdout.write(f"{label:<40} {figures.ndcg5:>7.3f} {figures.ndcg10:>8.3f}")
        if options["per_brief"]:
            new, alone = rows[1][1].per_brief, rows[2][1].per_brief
            self.stdout.write("per brief, new order NDCG@5 @10 (fit alone @5 @10):")
            for bid, (at5, at10) in sorted(new.items(), key=lambda kv: kv[1][0]):
                fit5, fit10 = alone.get(bid, (0.0, 0.0))
                self.stdout.write(
                    f"  {bid:<12} role={roles[bid][0]:<12}{'?' if roles[bid][1] else ' '}"
                    f" {at5:.3f} {at10:.3f}"
                    f"  ({fit5:.3f} {fit10:.3f})"
                )
