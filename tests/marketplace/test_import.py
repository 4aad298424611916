"""importspecialists: CSV or JSON lines, idempotent by email, bad rows reported and skipped."""

import io
import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from marketplace.celery import app as celery_app
from marketplace.models import Specialist
from marketplace.roster_import import RejectedRow, RosterRow, detect_format, parse_file
from tests.marketplace.factories import SpecialistFactory

HEADER = "name,email,tier,hourly_rate,available_from,skills,vetted,is_active"


@pytest.fixture(autouse=True)
def _tasks_run_in_process() -> Iterator[None]:
    # The namespaced key is the one Celery reads (see tests/matching/test_rematching.py).
    celery_app.conf.CELERY_TASK_ALWAYS_EAGER = True
    yield
    celery_app.conf.CELERY_TASK_ALWAYS_EAGER = False


def _run(path: Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("importspecialists", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _csv(tmp_path: Path, *rows: str, name: str = "roster.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


ADA = "Ada Okafor,ada@example.com,ai_engineer,28,2030-01-15,LLM;RAG;Python,true,true"
BILAL = "Bilal Haddad,bilal@example.com,ml_engineer,34.50,2030-02-01,torch;MLOps,true,false"


@pytest.mark.django_db
def test_csv_import_creates_specialists_with_canonical_skill_keys(tmp_path: Path) -> None:
    # given a CSV roster
    path = _csv(tmp_path, ADA, BILAL)
    # when it is imported
    out, _ = _run(path, "--no-progress")
    # then both are on the roster with typed values and folded skills
    assert out.strip().splitlines()[-1] == "created 2, updated 0, rejected 0"
    ada = Specialist.objects.get(email="ada@example.com")
    assert ada.tier == "ai_engineer"
    assert ada.hourly_rate == Decimal("28.00")
    assert ada.available_from == date(2030, 1, 15)
    assert ada.skills == ["LLM", "RAG", "Python"]
    assert ada.skill_keys == ["llm", "rag", "python"]
    assert ada.vetted
    assert ada.is_active
    bilal = Specialist.objects.get(email="bilal@example.com")
    assert bilal.skill_keys == ["pytorch", "mlops"]
    assert not bilal.is_active


@pytest.mark.django_db
def test_a_second_run_updates_and_never_duplicates(tmp_path: Path) -> None:
    path = _csv(tmp_path, ADA, BILAL)
    _run(path, "--no-progress")
    ada = ADA.replace(",28,", ",31,").replace("LLM;RAG;Python", "LLM;Kafka")
    changed = _csv(tmp_path, ada, BILAL, name="again.csv")

    out, _ = _run(changed, "--no-progress")

    assert out.strip() == "created 0, updated 2, rejected 0"
    assert Specialist.objects.count() == 2
    updated = Specialist.objects.get(email="ada@example.com")
    assert updated.hourly_rate == Decimal("31.00")
    assert updated.skills == ["LLM", "Kafka"]
    assert updated.skill_keys == ["llm", "kafka"]
    assert updated.available_from == date(2030, 1, 15)


@pytest.mark.django_db
def test_emails_match_whatever_their_case(tmp_path: Path) -> None:
    existing = SpecialistFactory(email="Ada@Example.com", name="Ada O.")
    shouting = ADA.replace("ada@example.com", "ADA@EXAMPLE.COM")
    out, _ = _run(_csv(tmp_path, shouting), "--no-progress")
    assert out.strip() == "created 0, updated 1, rejected 0"
    existing.refresh_from_db()
    assert existing.name == "Ada Okafor"
    assert Specialist.objects.count() == 1


@pytest.mark.django_db
def test_bad_rows_are_reported_with_line_and_reason_and_the_rest_load(tmp_path: Path) -> None:
    # given a file with good rows between bad ones (one good row spans two lines)
    path = _csv(
        tmp_path,
        ADA,
        "No Tier,nt@example.com,data_scientist,30,2030-01-01,SQL,true,true",
        "Bad Rate,br@example.com,ai_engineer,-5,2030-01-01,SQL,true,true",
        "Bad Date,bd@example.com,ai_engineer,30,2030-02-30,SQL,true,true",
        'Multi Line,ml@example.com,ai_engineer,30,2030-01-01,"SQL;\nPython",true,true',
        "No Email,,ai_engineer,30,2030-01-01,SQL,true,true",
        "Odd Bool,ob@example.com,ai_engineer,30,2030-01-01,SQL,maybe,true",
        "Short Row,sr@example.com,ai_engineer",
        ADA.replace("Ada Okafor", "Ada Again"),
        BILAL,
    )

    out, err = _run(path, "--no-progress")

    # then each bad row is named on stderr by line with its reason
    assert out.strip() == "created 3, updated 0, rejected 7"
    lines = err.strip().splitlines()
    assert lines == [
        "line 3: rejected: tier: must be ai_engineer or ml_engineer, got 'data_scientist'",
        "line 4: rejected: hourly_rate: must be more than 0 and at most 1000, got -5",
        "line 5: rejected: available_from: is not a real date: 2030-02-30",
        "line 8: rejected: email: '' is not a valid email address",
        "line 9: rejected: vetted: must be true or false, got 'maybe'",
        "line 10: rejected: 3 values, but the header has 8",
        "line 11: rejected: email ada@example.com already appears on line 2",
    ]
    assert set(Specialist.objects.values_list("email", flat=True)) == {
        "ada@example.com",
        "ml@example.com",
        "bilal@example.com",
    }
    assert Specialist.objects.get(email="ml@example.com").skills == ["SQL", "Python"]


@pytest.mark.django_db
def test_jsonl_takes_lists_of_skills_real_booleans_and_optional_fields(tmp_path: Path) -> None:
    path = tmp_path / "roster.ndjson"
    rows = [
        {
            "name": "Chen Wei",
            "email": "chen@example.com",
            "tier": "ML engineer",
            "hourly_rate": 33.5,
            "available_from": "2030-03-01",
            "skills": ["Airflow", "feature stores"],
            "vetted": True,
            "is_active": "yes",
            "hours_per_week": 20,
            "timezone": "Europe/Berlin",
            "headline": "Pipelines that retrain themselves",
            "phone": "+49 30 1234567",
        },
        "not an object",
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken json\n\n", encoding="utf-8")

    out, err = _run(path, "--no-progress")

    assert out.strip() == "created 1, updated 0, rejected 2"
    assert "line 2: rejected: a line must hold one JSON object" in err
    assert "line 3: rejected: not valid JSON" in err
    chen = Specialist.objects.get()
    assert chen.tier == "ml_engineer"
    assert chen.hourly_rate == Decimal("33.50")
    assert chen.skill_keys == ["airflow", "feature-store"]
    assert (chen.hours_per_week, chen.timezone) == (20, "Europe/Berlin")
    assert chen.headline == "Pipelines that retrain themselves"


@pytest.mark.django_db
def test_fields_a_file_leaves_out_keep_their_values_on_update(tmp_path: Path) -> None:
    SpecialistFactory(email="ada@example.com", hours_per_week=25, timezone="Africa/Lagos")
    _run(_csv(tmp_path, ADA), "--no-progress")
    ada = Specialist.objects.get()
    assert (ada.hours_per_week, ada.timezone) == (25, "Africa/Lagos")


def test_format_is_detected_by_extension_or_else_by_content(tmp_path: Path) -> None:
    jsonl = tmp_path / "roster.txt"
    jsonl.write_text('\n  {"name": "x"}\n')
    csv_ = tmp_path / "roster"
    csv_.write_text(HEADER + "\n")
    assert detect_format(jsonl) == "jsonl"
    assert detect_format(csv_) == "csv"
    assert detect_format(tmp_path / "r.CSV") == "csv"
    assert detect_format(tmp_path / "r.jsonl") == "jsonl"


def test_parsing_needs_no_database(tmp_path: Path) -> None:
    path = _csv(tmp_path, ADA, "x,y,z,1,2,3,4,5")
    rows = list(parse_file(path))
    assert isinstance(rows[0], RosterRow)
    assert rows[0].email == "ada@example.com"
    assert isinstance(rows[1], RejectedRow)
    assert rows[1].line == 3
    assert "email" in rows[1].reason
    assert "tier" in rows[1].reason


@pytest.mark.django_db
def test_a_header_without_a_required_column_stops_before_any_write(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Ada,ada@example.com", header="name,email")
    with pytest.raises(CommandError, match="lacks required column"):
        _run(path)
    assert not Specialist.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        _run(tmp_path / "nope.csv")


@pytest.mark.django_db
def test_progress_is_drawn_on_stderr(tmp_path: Path) -> None:
    _, err = _run(_csv(tmp_path, ADA, BILAL))
    assert "rows" in err


@pytest.mark.django_db
def test_the_import_writes_in_batches_not_row_by_row(
    tmp_path: Path, django_assert_max_num_queries: Any
) -> None:
    # given 5,000 new rows and, on a second run, 5,000 changed ones
    rows = [
        f"Person {i},person{i}@example.com,ai_engineer,{20 + i % 15},2030-01-01,LLM;SQL,true,true"
        for i in range(5_000)
    ]
    path = _csv(tmp_path, *rows)
    changed = _csv(tmp_path, *(r.replace("2030-01-01", "2030-01-02") for r in rows), name="b.csv")

    # then each run costs a few statements per batch, nowhere near one per row
    # (SQLite allows 999 parameters a statement, so its inserts come in slices of ~60)
    with django_assert_max_num_queries(150):
        _run(path, "--no-progress")
    with django_assert_max_num_queries(150):
        out, _ = _run(changed, "--no-progress")
    assert out.strip() == "created 0, updated 5000, rejected 0"
    assert not Specialist.objects.filter(available_from=date(2030, 1, 1)).exists()


@pytest.mark.django_db
def test_bio_and_working_hours_are_columns_and_feed_the_profile(tmp_path: Path) -> None:
    # given a CSV and a JSON-lines file with bios and working days
    csv_path = _csv(
        tmp_path,
        'Ana Souza,ana@example.com,ml_engineer,30,2030-01-01,XGBoost,true,true,"Built '
        'dispute-risk scoring for a marketplace, cutting chargebacks by a third.",'
        "America/Sao_Paulo,08:00-16:00",
        header=f"{HEADER},bio,timezone,working_hours",
    )
    jsonl = tmp_path / "roster.jsonl"
    jsonl.write_text(
        json.dumps(
            {
                "name": "Ravi Rao",
                "email": "ravi@example.com",
                "tier": "ai_engineer",
                "hourly_rate": 20,
                "available_from": "2030-01-01",
                "skills": ["RAG"],
                "vetted": True,
                "is_active": True,
                "bio": "Shipped assistants grounded in help-centre articles.\nTwo years at a SaaS.",
                "working_hours": "22:00-06:00",
            }
        )
        + "\n"
    )

    # when both are imported
    _run(csv_path)
    _run(jsonl)

    # then the columns are stored and the profile's features are computed from them
    ana = Specialist.objects.get(email="ana@example.com")
    assert ana.working_hours == "08:00-16:00"
    assert ana.work_window == "America/Sao_Paulo 08:00-16:00"
    assert "payment-fraud" in ana.concept_keys
    ravi = Specialist.objects.get(email="ravi@example.com")
    assert ravi.bio.splitlines() == [
        "Shipped assistants grounded in help-centre articles.",
        "Two years at a SaaS.",
    ]
    assert ravi.working_hours == "22:00-06:00"
    assert "document-qa" in ravi.concept_keys


@pytest.mark.django_db
def test_bad_working_hours_and_long_bios_are_rejected_with_the_reason(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "A,a@example.com,ai_engineer,20,2030-01-01,RAG,true,true,25:00-26:00,",
        "B,b@example.com,ai_engineer,20,2030-01-01,RAG,true,true,09:00-09:00,",
        f"C,c@example.com,ai_engineer,20,2030-01-01,RAG,true,true,,{'x' * 5001}",
        header=f"{HEADER},working_hours,bio",
    )

    out, err = _run(path)

    assert "line 2: rejected: working_hours:" in err
    assert "line 3: rejected: working_hours:" in err
    assert "empty" in err
    assert "line 4: rejected: bio: longer than 5000 characters" in err
    assert "created 0, updated 0, rejected 3" in out


def _profiles_by_email() -> dict[str, tuple[Any, ...]]:
    return {
        s.email: (s.profile_features, s.concept_keys, s.profile_hash, s.skill_keys, s.bio)
        for s in Specialist.objects.all()
    }


@pytest.mark.django_db
def test_worker_processes_write_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a roster with bios, a bad row and a repeated email, and the pool used for any size
    from marketplace.services import specialist_import

    monkeypatch.setattr(specialist_import, "PARALLEL_FROM", 0)
    monkeypatch.setattr(specialist_import, "PREPARE_CHUNK", 2)
    header = f"{HEADER},headline,bio"
    rows = [
        f"P{i},p{i}@example.com,ml_engineer,30,2030-01-01,PyTorch,true,true,"
        f"Fraud models,Built chargeback scoring for bank {i}."
        for i in range(7)
    ]
    path = _csv(tmp_path, *rows, "x,y,z,1,2,3,4,5,,", rows[2], header=header)
    # when it is imported by one process, and again afresh by two worker processes
    serial_out, serial_err = _run(path, "--no-progress", "--workers=1")
    serial = _profiles_by_email()
    Specialist.objects.all().delete()
    parallel_out, parallel_err = _run(path, "--no-progress", "--workers=2")
    # then the rows, their features and the rejects are the same
    assert parallel_out == serial_out == "created 7, updated 0, rejected 2\n"
    assert parallel_err == serial_err
    assert "line 10: rejected: email p2@example.com already appears on line 4" in parallel_err
    assert _profiles_by_email() == serial
    assert "payment-fraud" in serial["p3@example.com"][1]

    # and a changed bio read by the workers is written with its new features
    edited = _csv(
        tmp_path,
        *(r.replace("chargeback scoring", "demand forecasts") for r in rows),
        header=header,
        name="edited.csv",
    )
    out, _ = _run(edited, "--no-progress", "--workers=2")
    assert out.strip() == "created 0, updated 7, rejected 0"
    p3 = Specialist.objects.get(email="p3@example.com")
    assert "demand forecasts" in p3.bio
    assert p3.profile_features["tf"].get("forecast")
    assert p3.profile_hash != serial["p3@example.com"][2]


def _stored_columns() -> dict[str, dict[str, Any]]:
    """Every column of every specialist but the id and the timestamps, by email."""
    skip = {"id", "created_at", "updated_at"}
    return {
        row["email"]: {k: v for k, v in row.items() if k not in skip}
        for row in Specialist.objects.values()
    }


@pytest.mark.django_db
def test_an_imported_row_is_stored_as_the_one_row_write_stores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given new rows with every optional column, with none, and with empty text,
    # read by worker processes (their features cross as JSON text; no model instance
    # is built for a new row on PostgreSQL)
    from marketplace.services import specialist_import
    from marketplace.services.specialists import specialist_upsert

    monkeypatch.setattr(specialist_import, "PARALLEL_FROM", 0)
    monkeypatch.setattr(specialist_import, "PREPARE_CHUNK", 1)
    header = f"{HEADER},headline,phone,hours_per_week,timezone,working_hours,bio"
    path = _csv(
        tmp_path,
        "Ana Souza,Ana@Example.com,ml_engineer,30.5,2030-01-01,XGBoost;fraud detection,true,true,"
        'Fraud models,+55 11 5555,20,America/Sao_Paulo,08:00-16:00,"Built chargeback scoring. '
        'Attended a talk on churn."',
        "Ravi Rao,ravi@example.com,ai_engineer,20,2030-02-01,RAG,false,true,,,,,,",
        "Kim Lee,kim@example.com,ai_engineer,25,2030-03-01,LLMs;RAG,true,false,"
        "Retrieval-augmented assistants,,,,,",
        header=header,
    )
    # when the file is imported, and its rows are written again one by one
    _run(path, "--no-progress", "--workers=2")
    imported = _stored_columns()
    Specialist.objects.all().delete()
    for row in parse_file(path):
        assert isinstance(row, RosterRow)
        specialist_upsert(data={"email": row.email, **row.values}, queue_embedding=False)
    # then both store exactly the same columns
    assert imported == _stored_columns()
    assert set(imported) == {"ana@example.com", "ravi@example.com", "kim@example.com"}
    assert imported["ana@example.com"]["profile_features"]["concepts"]
    assert imported["ana@example.com"]["work_window"] == "America/Sao_Paulo 08:00-16:00"


@pytest.mark.django_db
def test_an_email_with_more_than_64_characters_before_the_at_is_rejected(tmp_path: Path) -> None:
    # given a row whose address is too long before the @ to be one (RFC 5321)
    long_address = f"{'a' * 65}@example.com"
    path = _csv(tmp_path, f"Too Long,{long_address},ai_engineer,30,2030-01-01,SQL,true,true")

    out, err = _run(path, "--no-progress")

    # then it is rejected, as the API refuses it
    assert out.strip() == "created 0, updated 0, rejected 1"
    assert err.strip() == "line 2: rejected: email: more than 64 characters before @"
