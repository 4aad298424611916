"""Read and validate a roster file (CSV or JSON lines); no database here.

Each record becomes either a ``RosterRow`` (typed values ready to write) or a
``RejectedRow`` (its line number and a reason a person can act on). Problems
with the file as a whole (unreadable, CSV header without a required column)
raise ``RosterFileError``. ``marketplace.services.specialists`` does the writes.
"""

import csv
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

from marketplace.dates import date_out_of_bounds
from marketplace.vocabulary import (
    BIO_MAX_LENGTH,
    EMAIL_LOCAL_PART_MAX_LENGTH,
    HOURLY_RATE_MAX_USD,
    ROLES,
    SPECIALIST_HOURS_MAX,
    SPECIALIST_HOURS_MIN,
    email_local_part_too_long,
    is_time_zone,
    role_from_name,
)
from matching import working_hours as wh
from matching.skills import tidy_skill_names

REQUIRED_COLUMNS = (
    "name",
    "email",
    "tier",
    "hourly_rate",
    "available_from",
    "skills",
    "vetted",
    "is_active",
)
OPTIONAL_COLUMNS = ("headline", "phone", "hours_per_week", "timezone", "working_hours", "bio")
TIERS = ROLES
_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "0"}
_MAX_SKILLS = 100
_MAX_SKILL_LENGTH = 100
_CENT = Decimal("0.01")
_validate_email = EmailValidator()


class RosterFileError(ValueError):
    """The file as a whole cannot be imported."""


class RowError(ValueError):
    """One record is invalid; the message says why."""


@dataclass(frozen=True)
class RosterRow:
    line: int
    email: str  # lower case: the import's identity for a specialist
    values: dict[str, Any]  # model field -> typed value; optional ones only when given


@dataclass(frozen=True)
class RejectedRow:
    line: int
    reason: str


# --- Formats ---------------------------------------------------------------------


def detect_format(path: Path) -> str:
    """``"csv"`` or ``"jsonl"``: by extension, else by the first non-blank character."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    with path.open("rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    return "jsonl" if head.startswith(b"{") else "csv"


def count_records(path: Path) -> int:
    """Lines in the file (a quick upper bound on records, for progress bars)."""
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


def _open_text(path: Path) -> Any:
    # Undecodable bytes survive as surrogates and reject only their own row.
    return path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")


def _csv_records(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | RejectedRow]]:
    with _open_text(path) as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise RosterFileError(f"line 1: unreadable CSV header ({exc})") from exc
        columns = [name.strip().lower() for name in header]
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        if missing:
            raise RosterFileError(f"the CSV header lacks required column(s): {', '.join(missing)}")
        repeated = sorted({name for name in columns if name and columns.count(name) > 1})
        if repeated:
            raise RosterFileError(f"the CSV header repeats column(s): {', '.join(repeated)}")
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield line, RejectedRow(line, f"unreadable CSV ({exc})")
                continue
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                yield (
                    line,
                    RejectedRow(line, f"{len(row)} values, but the header has {len(columns)}"),
                )
                continue
            yield line, dict(zip(columns, row, strict=True))


def _jsonl_records(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | RejectedRow]]:
    with _open_text(path) as handle:
        for line, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield line, RejectedRow(line, f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(record, dict):
                yield line, RejectedRow(line, "a line must hold one JSON object")
                continue
            yield line, record


def read_records(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | RejectedRow]]:
    """The file's raw records with their line numbers, unreadable ones already rejected."""
    return _csv_records(path) if detect_format(path) == "csv" else _jsonl_records(path)


def parse_records(
    records: Iterable[tuple[int, Mapping[str, Any] | RejectedRow]],
) -> list[RosterRow | RejectedRow]:
    """Each record validated on its own (no look at the others: safe to run in parallel)."""
    parsed: list[RosterRow | RejectedRow] = []
    for line, record in records:
        if isinstance(record, RejectedRow):
            parsed.append(record)
            continue
        try:
            parsed.append(parse_record(line=line, record=record))
        except RowError as exc:
            parsed.append(RejectedRow(line, str(exc)))
    return parsed


class FirstRowPerEmail:
    """Passes the first valid row for each email; rejects a later one, saying where.

    Fed the parsed rows in file order: the first row for a specialist wins, and
    the operator is told on which line it was.
    """

    def __init__(self) -> None:
        self._first_seen: dict[str, int] = {}

    def __call__(self, item: RosterRow | RejectedRow) -> RosterRow | RejectedRow:
        if isinstance(item, RejectedRow):
            return item
        first = self._first_seen.setdefault(item.email, item.line)
        if first != item.line:
            return RejectedRow(item.line, f"email {item.email} already appears on line {first}")
        return item


def parse_file(path: Path) -> Iterator[RosterRow | RejectedRow]:
    """Every record of the file, validated, in file order (see ``FirstRowPerEmail``)."""
    first_row = FirstRowPerEmail()
    for line, record in read_records(path):
        yield from (first_row(item) for item in parse_records([(line, record)]))


# --- One record --------------------------------------------------------------------


def parse_record(*, line: int, record: Mapping[str, Any]) -> RosterRow:
    """Typed, validated values of one record; raises RowError naming the problem."""
    missing = [name for name in REQUIRED_COLUMNS if record.get(name) is None]
    if missing:
        raise RowError(f"missing {', '.join(missing)}")
    problems: list[str] = []
    values: dict[str, Any] = {}
    email = ""
    parsers = {
        "name": _name,
        "tier": _tier,
        "hourly_rate": _rate,
        "available_from": _date,
        "skills": _skills,
        "vetted": _bool,
        "is_active": _bool,
        "headline": _bounded(300),
        "phone": _bounded(40),
        "hours_per_week": _hours,
        "timezone": _timezone,
        "working_hours": _working_hours,
        "bio": _bio,
    }
    try:
        email = _email(record["email"])
    except RowError as exc:
        problems.append(f"email: {exc}")
    for name, parse in parsers.items():
        raw = record.get(name)
        if name in OPTIONAL_COLUMNS and (raw is None or (isinstance(raw, str) and not raw.strip())):
            # Absent or blank: keep what the roster has (or the default for a new row),
            # except free text, which an explicit blank clears.
            if name in {"headline", "phone", "bio"} and isinstance(raw, str):
                values[name] = ""
            continue
        try:
            values[name] = parse(raw)
        except RowError as exc:
            problems.append(f"{name}: {exc}")
    if problems:
        raise RowError("; ".join(problems))
    return RosterRow(line=line, email=email, values=values)


def _text(raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise RowError("must be text")
    text = str(raw).strip()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RowError("is not valid UTF-8") from exc
    return text


def _name(raw: Any) -> str:
    text = _text(raw)
    if not text:
        raise RowError("must not be blank")
    if len(text) > 200:
        raise RowError("longer than 200 characters")
    return text


def _email(raw: Any) -> str:
    text = _text(raw).lower()
    if len(text) > 254:
        raise RowError("longer than 254 characters")
    if email_local_part_too_long(text):
        raise RowError(f"more than {EMAIL_LOCAL_PART_MAX_LENGTH} characters before @")
    try:
        _validate_email(text)
    except ValidationError as exc:
        raise RowError(f"{text!r} is not a valid email address") from exc
    return text


def _tier(raw: Any) -> str:
    text = _text(raw)
    role = role_from_name(text)
    if role is None:
        raise RowError(f"must be ai_engineer or ml_engineer, got {text!r}")
    return role


def _rate(raw: Any) -> Decimal:
    if isinstance(raw, bool):
        raise RowError("must be a number of USD per hour")
    text = _text(raw).removeprefix("$").strip()
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise RowError(f"must be a number of USD per hour, got {text!r}") from exc
    if not value.is_finite() or value <= 0 or value > HOURLY_RATE_MAX_USD:
        raise RowError(f"must be more than 0 and at most {HOURLY_RATE_MAX_USD}, got {text}")
    if value != value.quantize(_CENT):
        raise RowError(f"must be in whole cents, got {text}")
    return value.quantize(_CENT)


def _date(raw: Any) -> date:
    text = _text(raw)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise RowError(f"must be a date YYYY-MM-DD, got {text!r}")
    try:
        value = date.fromisoformat(text)
    except ValueError as exc:
        raise RowError(f"is not a real date: {text}") from exc
    problem = date_out_of_bounds(value)
    if problem:
        raise RowError(f"{text}: {problem[0].lower()}{problem[1:]}")
    return value


def _skills(raw: Any) -> list[str]:
    items = [_text(item) for item in raw] if isinstance(raw, list) else _text(raw).split(";")
    skills = tidy_skill_names(items)
    if any(len(skill) > _MAX_SKILL_LENGTH for skill in skills):
        raise RowError(f"a skill is longer than {_MAX_SKILL_LENGTH} characters")
    if len(skills) > _MAX_SKILLS:
        raise RowError(f"more than {_MAX_SKILLS} skills")
    return skills


def _bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = _text(raw).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise RowError(f"must be true or false, got {text!r}")


def _bounded(limit: int) -> Any:
    def parse(raw: Any) -> str:
        text = _text(raw)
        if len(text) > limit:
            raise RowError(f"longer than {limit} characters")
        return text

    return parse


def _hours(raw: Any) -> int:
    if isinstance(raw, bool):
        raise RowError("must be a whole number of hours")
    if isinstance(raw, float):
        if not math.isfinite(raw) or not raw.is_integer():
            raise RowError("must be a whole number of hours")
        raw = int(raw)
    text = _text(raw)
    if not re.fullmatch(r"\d+", text):
        raise RowError(f"must be a whole number of hours, got {text!r}")
    hours = int(text)
    low, high = SPECIALIST_HOURS_MIN, SPECIALIST_HOURS_MAX
    if not low <= hours <= high:
        raise RowError(f"must be between {low} and {high}, got {hours}")
    return hours


def _timezone(raw: Any) -> str:
    text = _text(raw)
    if not is_time_zone(text):
        raise RowError(f"unknown time zone {text!r} (use an IANA name such as Europe/Berlin)")
    return text


def _working_hours(raw: Any) -> str:
    try:
        return wh.format_window(wh.parse_working_hours(_text(raw)))
    except wh.WorkingHoursError as exc:
        raise RowError(str(exc)) from None


def _bio(raw: Any) -> str:
    if not isinstance(raw, str):
        raise RowError("must be text")
    _text(raw)  # the same UTF-8 check as every other text column
    # Paragraphs are kept; runs of spaces and stray control characters are not.
    text = "\n".join(" ".join(line.split()) for line in raw.strip().splitlines())
    if len(text) > BIO_MAX_LENGTH:
        raise RowError(f"longer than {BIO_MAX_LENGTH} characters")
    return text
