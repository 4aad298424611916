"""How long ranking takes as the roster grows, against one hand-written SQL top-K.

    python benchmarks/ranking.py [--sizes 1000,10000,100000,1000000] [--database marketplace_bench]
                                 [--ranker hand|learned]

Creates (drops first) its own PostgreSQL database, migrates it, loads
specialists with COPY up to each size, and for each size prints

- task: ``project_match`` end to end (classify, rank, trade-offs, write the run),
- ranking: ``rank_specialists`` alone (the candidate query and the Python finish),
- query: one hand-written ``SELECT ... ORDER BY <score> LIMIT 20`` over the same
  rows with the same filters, timed from the client and by EXPLAIN ANALYZE,

each the median of several runs on a warm cache. Needs a PostgreSQL server
(``--server``, default ``postgres://postgres@127.0.0.1:5432``).

``--ranker learned`` first trains a version on the simulated desk's log
(``benchmarks/desk.py``, as ``trainranker`` would on a real one) and puts it
in charge, so the task and the ranking re-order their window with it; the
script then checks that every timed run says that version ordered it.
"""

import argparse
import io
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.roster_data import HOURS, ZONES, setup_django

COLUMNS = (
    "name",
    "email",
    "phone",
    "headline",
    "bio",
    "working_hours",
    "work_window",
    "profile_features",
    "concept_keys",
    "profile_hash",
    "embedding",
    "embedding_version",
    "tier",
    "hourly_rate",
    "available_from",
    "hours_per_week",
    "committed_hours",
    "skills",
    "skill_keys",
    "timezone",
    "vetted",
    "is_active",
    "created_at",
    "updated_at",
)


_PROFILES: list[dict[str, Any]] = []


def _profiles() -> list[dict[str, Any]]:
    """The bio pool with features (and a synthetic vector) computed once per profile."""
    if not _PROFILES:
        import numpy as np

        from marketplace.demo import demo_profiles
        from marketplace.services.specialists import profile_hash
        from matching.relevance.embedding import to_bytes
        from matching.relevance.features import concept_keys, profile_features

        vectors = np.random.default_rng(7).normal(size=(256, 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        for i, p in enumerate(demo_profiles()):
            features = profile_features(headline=p["headline"], bio=p["bio"], skills=p["skills"])
            _PROFILES.append(
                {
                    "headline": p["headline"],
                    "bio": p["bio"],
                    "skills": p["skills"],
                    "features": json.dumps(features),
                    "concept_keys": json.dumps(concept_keys(features)),
                    "hash": profile_hash(headline=p["headline"], bio=p["bio"], skills=p["skills"]),
                    # COPY's text form of bytea; synthetic: it is the scoring that is timed.
                    "embedding": "\\\\x" + to_bytes(vectors[i % len(vectors)]).hex(),
                }
            )
    return _PROFILES


def _rows(start: int, stop: int, today: date, seed: int) -> io.StringIO:
    from matching.relevance.embedding import EMBEDDING_VERSION
    from matching.skills import canonical_skills

    rng = random.Random(seed + start)
    profiles = _profiles()
    now = "2026-01-01 00:00:00+00"
    out = io.StringIO()
    for n in range(start, stop):
        tier = "ai_engineer" if rng.random() < 0.5 else "ml_engineer"
        base = 15 if tier == "ai_engineer" else 25
        rate = Decimal(rng.randint(base * 100, (base + 25) * 100)) / 100
        profile = profiles[rng.randrange(len(profiles))]
        skills = profile["skills"]
        zone, hours = rng.choice(ZONES), rng.choice(HOURS)
        row = (
            f"Specialist {n}",
            f"bench{n}@example.com",
            "",
            profile["headline"].replace("\t", " "),
            profile["bio"].replace("\\", "\\\\").replace("\t", " ").replace("\n", "\\n"),
            hours,
            f"{zone} {hours}",
            profile["features"].replace("\\", "\\\\"),
            profile["concept_keys"],
            profile["hash"],
            profile["embedding"],
            EMBEDDING_VERSION,
            tier,
            str(rate),
            (today + timedelta(days=rng.randint(-30, 60))).isoformat(),
            str(rng.choice((20, 30, 40, 40, 40))),
            str(rng.choice((0, 0, 0, 0, 20, 40))),
            json.dumps(skills),
            json.dumps(canonical_skills(skills)),
            zone,
            "t" if rng.random() < 0.9 else "f",
            "t" if rng.random() < 0.95 else "f",
            now,
            now,
        )
        out.write("\t".join(row) + "\n")
    out.seek(0)
    return out


def _load(start: int, stop: int, today: date, seed: int) -> float:
    from django.db import connection

    began = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor, for COPY
        step = 100_000
        for lo in range(start, stop, step):
            data = _rows(lo, min(lo + step, stop), today, seed)
            with raw.copy(f"COPY marketplace_specialist ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                while chunk := data.read(1 << 20):
                    copy.write(chunk)
        cursor.execute("VACUUM ANALYZE marketplace_specialist")
    return time.perf_counter() - began


def _median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm the cache and the plan
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def _hand_written_query(need: Any, params: Any, top_k: int) -> tuple[str, list[Any]]:
    """The score of matching.scoring written out by hand in one SELECT."""
    w = params.weights
    keys = list(need.required_skills)
    covered = " + ".join("(skill_keys @> %s::jsonb)::int" for _ in keys)
    skills = f"({covered})::float8 / {len(keys)}" if keys else "1.0"
    tier = (
        f"CASE WHEN tier = 'ai_engineer' THEN 1.0 ELSE {params.overqualified_tier_score} END"
        "::float8"
        if need.role == "ai_engineer"
        else "1.0"
    )
    sql = f"""
        SELECT id, LEAST(1.0::float8,
              {w.tier}::float8 * ({tier})
            + {w.budget}::float8 * GREATEST(0.0::float8, LEAST(1.0::float8,
                  1.0::float8 - (hourly_rate::float8 - %s::float8) / %s::float8))
            + {w.start}::float8 * GREATEST(0.0::float8, LEAST(1.0::float8,
                  1.0::float8 - (available_from - %s::date)::float8 / {params.start_falloff_days}))
            + {w.skills}::float8 * {skills}) AS score
        FROM marketplace_specialist
        WHERE vetted AND is_active
          AND tier = ANY(%s)
          AND hours_per_week >= committed_hours + %s
          AND hourly_rate <= %s
          AND available_from < %s
        ORDER BY score DESC, hourly_rate, available_from, id
        LIMIT {top_k}
    """

    args: list[Any] = [
        float(need.budget),
        need.falloff_usd(params),
        need.start,
        *[json.dumps([key]) for key in keys],
        list(need.tiers),
        need.hours_per_week,
        need.max_listed_rate(params),
        need.start + timedelta(days=params.start_falloff_days),
    ]
    return sql, args


def _learned_ranker_on() -> Any:
    """A learned version trained on the simulated desk (120 projects), put in charge."""
    from benchmarks.desk import simulate
    from matching.models import RankerModel
    from matching.reranker import TrainingRule, evaluate
    from matching.services.rankers import ranker_activate

    result = evaluate(simulate(projects=120).groups, TrainingRule(min_projects=30, min_gain=0.02))
    model = RankerModel.objects.create(
        version=1,
        coefficients=dict(result.ranker.coefficients),
        metrics=result.metrics(),
        verdict=result.reason,
        passed_rule=result.activate,
    )
    return ranker_activate(model=model, actor=None, actor_label="benchmarks/ranking.py")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--database", default="marketplace_bench")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--ranker", choices=("hand", "learned"), default="hand")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))

    setup_django(args.server, args.database, recreate=True)
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from accounts.models import Organization
    from marketplace.models import Project
    from matching.models import HAND_WEIGHTS, MatchRun
    from matching.ranking import project_need, rank_specialists, scoring_params
    from matching.ranking.inputs import brief_fit, overlap_for, read_brief_needs
    from matching.relevance.embedding import backend_name, encoder, profile_text
    from matching.services.rankers import ranker_in_charge
    from matching.services.runs import project_classify, project_match

    model = encoder()
    if model is not None:
        texts = [
            profile_text(headline=p["headline"], bio=p["bio"], skills=p["skills"])
            for p in _profiles()
        ]
        texts = (texts * (512 // len(texts) + 1))[:512]
        model.encode(texts[:32])
        began = time.perf_counter()
        model.encode(texts)
        rate = len(texts) / (time.perf_counter() - began)
        print(f"encoder: {rate:.0f} profiles/s ({len(texts)} demo bios, batches of 32, CPU)")
    print(f"relevance backend: {backend_name()}")
    expected = HAND_WEIGHTS
    if args.ranker == "learned":
        learned = _learned_ranker_on()
        expected = learned.label
        weights = ", ".join(f"{k}={v:.3g}" for k, v in learned.coefficients.items() if v > 0)
        print(f"ranker: {expected} (simulated desk; {learned.verdict}); {weights}")
    in_charge = ranker_in_charge()
    if in_charge.run_fields["ranker"] != expected:
        raise SystemExit(f"{in_charge.run_fields['ranker']} is in charge, not {expected}")

    today = timezone.localdate()
    organization = Organization.objects.create(name="Bench Co")
    projects = {
        "ai_engineer": Project.objects.create(
            organization=organization,
            title="Support assistant over our help centre",
            description=(
                "A chat assistant that answers customer questions from our help-centre "
                "articles with retrieval-augmented generation over an LLM API; we need "
                "value within weeks and a general model is good enough."
            ),
            hourly_budget_max=Decimal("35"),
            desired_start=today + timedelta(days=7),
            hours_per_week=40,
            required_skills=["LLM", "RAG", "Python", "Kafka"],
            general_model_sufficient=True,
            needs_value_within_weeks=True,
            # Overlap in the score too: the client works New York hours.
            timezone="America/New_York",
        ),
        "ml_engineer": Project.objects.create(
            organization=organization,
            title="Demand forecasting model",
            description=(
                "Train, evaluate, serve and monitor a demand forecasting model on our own "
                "sales history, with drift detection and scheduled retraining; the model's "
                "accuracy is our moat."
            ),
            hourly_budget_max=Decimal("45"),
            desired_start=today + timedelta(days=14),
            hours_per_week=30,
            required_skills=["PyTorch", "MLOps", "time series", "Airflow"],
            model_is_moat=True,
            has_training_data=True,
            needs_continuous_retraining=True,
        ),
    }
    params = scoring_params()
    top_k = settings.MATCHING_TOP_K

    print(
        f"PostgreSQL {connection.cursor().connection.info.server_version}, top K = {top_k}, "
        f"median of {args.repeat} runs, warm cache\n"
    )
    header = (
        f"{'size':>9} {'need':>11} {'task ms':>8} {'ranking ms':>10} {'query ms':>9} "
        f"{'EXPLAIN ms':>10} {'task/query':>10} {'ranking/query':>13}"
    )
    print(header)
    print("-" * len(header))
    loaded = 0
    for size in sizes:
        load_s = _load(loaded, size, today, args.seed)
        loaded = size
        print(f"{'':>9} (loaded to {size:,} in {load_s:.1f} s)", file=sys.stderr)
        for role, project in projects.items():
            project_classify(project=project)
            if project.role_need != role:
                raise SystemExit(f"the {role} brief was classified as {project.role_need}")
            needs = read_brief_needs(project=project)
            project.brief_needs = [n.as_dict() for n in needs]
            need = project_need(project=project, today=today)
            brief = brief_fit(project=project, needs=needs)
            sql, sql_args = _hand_written_query(need, params, top_k)

            def task(project_id: int = project.pk) -> None:
                project_match(project_id=project_id, trigger="staff")

            def ranking(need: Any = need, project: Any = project, brief: Any = brief) -> None:
                rank_specialists(
                    need=need,
                    params=params,
                    top_k=top_k,
                    brief=brief,
                    overlap=overlap_for(project=project, need=need),
                    ranker=in_charge.ranker,
                )

            def query(sql: str = sql, sql_args: list[Any] = sql_args) -> None:
                with connection.cursor() as cursor:
                    cursor.execute(sql, sql_args)
                    cursor.fetchall()

            def explained(sql: str = sql, sql_args: list[Any] = sql_args) -> float:
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, sql_args)
                    plan = cursor.fetchone()[0]
                    plan = plan[0] if isinstance(plan, list) else json.loads(plan)[0]
                    return float(plan["Execution Time"])

            task_ms = _median_ms(task, args.repeat)
            ranking_ms = _median_ms(ranking, args.repeat)
            query_ms = _median_ms(query, args.repeat)
            explain_ms = statistics.median(explained() for _ in range(args.repeat))
            rankers = set(MatchRun.objects.filter(project=project).values_list("ranker", flat=True))
            if rankers != {expected}:
                raise SystemExit(f"{role} runs were ordered by {sorted(rankers)}, not {expected}")
            print(
                f"{size:>9,} {role:>11} {task_ms:>8.1f} {ranking_ms:>10.1f} {query_ms:>9.1f} "
                f"{explain_ms:>10.1f} {task_ms / query_ms:>10.2f} {ranking_ms / query_ms:>13.2f}",
                flush=True,
            )
    runs = MatchRun.objects.filter(ranker=expected).count()
    print(f"\nall {runs} match runs (warm-ups included) were ordered by {expected}")


if __name__ == "__main__":
    main()
