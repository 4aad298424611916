"""The bulk roster import: a whole file of specialists, created or updated by email.

Fast at scale: validation and the text features relevance reads (the costly
part, pure Python) run in worker processes over chunks of the file while this
process writes the previous batch; each batch is found with one query and
written with one statement for the new rows and one for the changed ones; the
re-ranking of affected open projects and the queueing of sentence embeddings
happen once, after the last batch (the embeddings are computed by Celery
workers in the background).
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Any

from django.db import connection, transaction
from django.db.models import Field
from django.db.models.functions import Lower
from django.utils import timezone
from tqdm import tqdm

from marketplace.models import Specialist
from marketplace.roster_import import (
    FirstRowPerEmail,
    RejectedRow,
    RosterRow,
    count_records,
    parse_records,
    read_records,
)
from marketplace.services.specialists import (
    IMPORT_FIELDS,
    TextFeatures,
    derive,
    matchable,
    profile_hash,
    ranking_snapshot,
    text_features,
    work_window,
)
from matching.services.embeddings import specialists_embed_enqueue
from matching.services.read_versions import specialist_reads_changed
from matching.services.rematch import specialists_changed
from matching.skills import canonical_skills

IMPORT_BATCH_SIZE = 2_000
# Records per piece of work handed to a worker process.
PREPARE_CHUNK = 500
# Below this many records a file is read in this process: a pool costs more than it saves.
PARALLEL_FROM = 4_000
MAX_WORKERS = 8


@dataclass(frozen=True)
class SerialisedText:
    """A row's text features as a worker process hands them over: the JSON already written.

    The features are a nested dict (concepts, BM25 term counts); unpickling it in
    this process and dumping it again for the INSERT cost more than the rest of a
    new row's handling. Text crosses the pipe and goes into the statement as it is;
    only a known row being updated (compared as a model instance) decodes it.
    """

    digest: str
    features_json: str
    concept_keys: list[str]

    @classmethod
    def of(cls, text: TextFeatures) -> SerialisedText:
        return cls(
            digest=text.digest,
            features_json=json.dumps(text.features),
            concept_keys=text.concept_keys,
        )

    def decoded(self) -> TextFeatures:
        return TextFeatures(
            digest=self.digest,
            features=json.loads(self.features_json),
            concept_keys=self.concept_keys,
        )


Prepared = tuple[RosterRow | RejectedRow, SerialisedText | None]


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    rejected: int = 0
    # Specialists whose ranking inputs changed (or who joined the matchable roster).
    changed_ids: list[int] = field(default_factory=list)
    projects_requeued: int = 0
    # Specialists whose profile text changed: their embeddings are queued for workers.
    reencode_ids: list[int] = field(default_factory=list)

    def line(self) -> str:
        return f"created {self.created}, updated {self.updated}, rejected {self.rejected}"


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def specialists_import(
    *,
    path: Path,
    on_reject: Callable[[RejectedRow], None] | None = None,
    progress: IO[str] | None = None,
    batch_size: int = IMPORT_BATCH_SIZE,
    workers: int | None = None,
) -> ImportSummary:
    """Load a roster file: create new emails, update known ones, report bad rows.

    Idempotent by email (case-insensitive). Rows are written in batches, each
    in its own transaction (one query finds a batch's existing emails; new
    rows go in with one INSERT, changed ones with one UPDATE), so a crash
    half-way loses nothing already written and a re-run finishes the job.
    Once the file is done, the open projects that the changed specialists
    affect are ranked again, once each, and the changed profiles' embeddings
    are queued. ``workers`` processes validate rows and compute text features
    (default: one per CPU, for files large enough to gain from it).
    """
    summary = ImportSummary()
    total = count_records(path)
    workers = default_workers() if workers is None else max(1, workers)
    if total < PARALLEL_FROM and workers > 1:
        workers = 1
    first_row = FirstRowPerEmail()
    batch: list[tuple[RosterRow, SerialisedText | None]] = []
    with tqdm(
        total=total,
        unit="rows",
        file=progress,
        disable=progress is None,
        mininterval=0.5,
        dynamic_ncols=True,
    ) as bar:
        for item, precomputed in _prepared(path, workers=workers):
            bar.update(1)
            item = first_row(item)
            if isinstance(item, RejectedRow):
                summary.rejected += 1
                if on_reject is not None:
                    on_reject(item)
                continue
            batch.append((item, precomputed))
            if len(batch) >= batch_size:
                _import_batch(batch, summary)
                batch = []
        if batch:
            _import_batch(batch, summary)
    if summary.changed_ids:
        with transaction.atomic():
            summary.projects_requeued = specialists_changed(specialist_ids=summary.changed_ids)
    if summary.reencode_ids:
        with transaction.atomic():
            specialists_embed_enqueue(specialist_ids=summary.reencode_ids)
    return summary


# --- Validation and text features, in parallel ---------------------------------------

# The roster's (lower-case email -> profile hash) when the pool was forked: workers
# skip the features of a row whose text is unchanged. Only ever a hint: the batch
# write compares hashes again and computes what is missing.
_known_hashes: dict[str, str] = {}


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def prepare(records: Sequence[tuple[int, Mapping[str, Any] | RejectedRow]]) -> list[Prepared]:
    """Validate records and compute the text features of those whose text changed."""
    prepared: list[Prepared] = []
    for item in parse_records(records):
        precomputed = None
        if isinstance(item, RosterRow):
            values = item.values
            known = _known_hashes.get(item.email)
            # A known row without both text columns keeps stored text: leave it to the write.
            if known is None or ("headline" in values and "bio" in values):
                headline, bio = values.get("headline", ""), values.get("bio", "")
                skills = values["skills"]
                if known != profile_hash(headline=headline, bio=bio, skills=skills):
                    precomputed = SerialisedText.of(
                        text_features(headline=headline, bio=bio, skills=skills)
                    )
        prepared.append((item, precomputed))
    return prepared


def _prepared(path: Path, *, workers: int) -> Iterator[Prepared]:
    """Every record of the file, parsed, in file order; in ``workers`` processes."""
    chunks = _chunks(read_records(path), PREPARE_CHUNK)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chunks:
            yield from ((item, None) for item in parse_records(chunk))
        return
    global _known_hashes
    _known_hashes = dict(
        Specialist.objects.annotate(email_lower=Lower("email")).values_list(
            "email_lower", "profile_hash"
        )
    )
    # Forked: the workers inherit the loaded apps and the hashes, and never touch the
    # database connection (they compute only).
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        _known_hashes = {}
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(prepare, (chunk,)))
            # A bounded queue: the file is never all in memory.
            if len(pending) >= workers * 3:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# --- One batch ---------------------------------------------------------------------------


def _import_batch(
    rows: Sequence[tuple[RosterRow, SerialisedText | None]], summary: ImportSummary
) -> None:
    now = timezone.now()
    # New rows skip the model instance on PostgreSQL (see _new_row); bulk_create needs one.
    as_columns = connection.vendor == "postgresql"
    defaults = _defaults() if as_columns else {}
    with transaction.atomic():
        existing: dict[str, Specialist] = {}
        for found in (
            Specialist.objects.select_for_update()
            .alias(email_lower=Lower("email"))
            .filter(email_lower__in=[row.email for row, _ in rows])
            .order_by("id")
        ):
            existing.setdefault(found.email.lower(), found)

        new: list[Specialist] = []
        new_rows: list[dict[str, Any]] = []
        changed: list[Specialist] = []
        for row, precomputed in rows:
            match = existing.get(row.email)
            if match is None and as_columns:
                new_rows.append(_new_row(row, precomputed, defaults=defaults, now=now))
                continue
            text = None if precomputed is None else precomputed.decoded()
            if match is None:
                specialist = Specialist(
                    email=row.email, created_at=now, updated_at=now, **row.values
                )
                derive(specialist, precomputed=text)
                new.append(specialist)
                continue
            specialist = match
            summary.updated += 1
            before = ranking_snapshot(specialist)
            dirty = False
            for name, value in row.values.items():
                if getattr(specialist, name) != value:
                    setattr(specialist, name, value)
                    dirty = True
            if dirty:
                if derive(specialist, precomputed=text):
                    summary.reencode_ids.append(specialist.pk)
                specialist.updated_at = now
                changed.append(specialist)
                if before != ranking_snapshot(specialist):
                    summary.changed_ids.append(specialist.pk)

        if new:  # not PostgreSQL (there new rows come as columns)
            Specialist.objects.bulk_create(new, batch_size=len(new))
        inserted = _insert(new_rows)
        specialists_bulk_update(changed, [*IMPORT_FIELDS, "updated_at"])
        specialist_reads_changed(specialist_ids=[specialist.pk for specialist in changed])
    summary.created += len(new) + len(inserted)
    summary.changed_ids.extend(s.pk for s in new if matchable(s))
    summary.reencode_ids.extend(s.pk for s in new)
    summary.changed_ids.extend(pk for pk, is_matchable in inserted if is_matchable)
    summary.reencode_ids.extend(pk for pk, _ in inserted)


def _defaults() -> dict[str, Any]:
    """Field name -> what a new Specialist gets when the file leaves the field out."""
    return {f.attname: f.get_default() for f in _columns()}


def _new_row(
    row: RosterRow, text: SerialisedText | None, *, defaults: Mapping[str, Any], now: Any
) -> dict[str, Any]:
    """A new specialist's columns (attname -> value) as ``Specialist(...)`` and ``derive``
    would set them, JSON columns as JSON text (PostgreSQL's INSERT).

    Building and deriving a model instance per row, and dumping the worker's features
    again, was a third of this process's time on a first load.
    """
    values = {**defaults, **row.values, "email": row.email, "created_at": now, "updated_at": now}
    skills = list(values["skills"] or [])
    digest = profile_hash(headline=values["headline"], bio=values["bio"], skills=skills)
    if text is None or text.digest != digest:
        text = SerialisedText.of(
            text_features(headline=values["headline"], bio=values["bio"], skills=skills)
        )
    values.update(
        skills=json.dumps(values["skills"]),
        skill_keys=json.dumps(canonical_skills(skills)),
        work_window=work_window(timezone=values["timezone"], working_hours=values["working_hours"]),
        profile_features=text.features_json,
        concept_keys=json.dumps(text.concept_keys),
        profile_hash=digest,
        embedding=None,
        embedding_version="",
    )
    return values


# --- Statements whose cost is linear in rows -----------------------------------------


def _columns(field_names: Iterable[str] | None = None) -> list[Field[Any, Any]]:
    names = None if field_names is None else set(field_names)
    return [
        f
        for f in Specialist._meta.concrete_fields
        if not f.primary_key and (names is None or f.name in names)
    ]


def _unnest(
    ids: list[Any], columns: Sequence[list[Any]], fields: Sequence[Field[Any, Any]]
) -> tuple[str, list[Any]]:
    """``unnest(%b::type[], ...) AS v(id, col, ...)`` and its array parameters (PostgreSQL).

    Each column travels as one array parameter, in binary (``%b``: nothing is
    quoted in Python), so a statement has a couple of dozen parameters whatever
    its size; JSON goes as text (``columns`` holds it already dumped) and is cast back.
    """
    quote = connection.ops.quote_name
    arrays: list[Any] = [ids, *columns]
    types = ["bigint[]"] + [
        "text[]" if _is_json(f) else f"{f.db_type(connection)}[]" for f in fields
    ]
    names = ", ".join(["id", *(quote(f.column) for f in fields)])
    return f"unnest({', '.join(f'%b::{t}' for t in types)}) AS v({names})", arrays


def _is_json(f: Field[Any, Any]) -> bool:
    return f.get_internal_type() == "JSONField"


def _object_columns(objs: Sequence[Specialist], fields: Sequence[Field[Any, Any]]) -> list[Any]:
    """Each field's values over ``objs``, JSON dumped to text, for ``_unnest``."""
    columns = []
    for f in fields:
        values = [getattr(obj, f.attname) for obj in objs]
        columns.append([json.dumps(value) for value in values] if _is_json(f) else values)
    return columns


def _binding_cursor() -> Any:
    """A psycopg cursor that sends parameters apart from the statement (PostgreSQL).

    Django's cursor binds on the client, quoting each element of an array in
    Python: for a batch's bios and features that cost more than the write.
    """
    import psycopg

    connection.ensure_connection()
    return psycopg.Cursor(connection.connection)


def _value(f: Field[Any, Any]) -> str:
    column = f"v.{connection.ops.quote_name(f.column)}"
    return f"{column}::jsonb" if _is_json(f) else column


def _insert(rows: list[dict[str, Any]]) -> list[tuple[int, bool]]:
    """Create rows given as ``_new_row`` columns, one ``INSERT ... SELECT FROM unnest``
    per slice; (id, matchable) of each (PostgreSQL)."""
    if not rows:
        return []
    fields = _columns()
    columns = [[row[f.attname] for row in rows] for f in fields]
    quote = connection.ops.quote_name
    table = quote(Specialist._meta.db_table)
    created: list[tuple[int, bool]] = []
    with _binding_cursor() as cursor:
        for start in range(0, len(rows), 5_000):
            piece = [column[start : start + 5_000] for column in columns]
            source, arrays = _unnest([None] * len(piece[0]), piece, fields)
            cursor.execute(
                " ".join(
                    (
                        f"INSERT INTO {table} ({', '.join(quote(f.column) for f in fields)})",
                        "SELECT",
                        ", ".join(_value(f) for f in fields),
                        f"FROM {source}",
                        "RETURNING id, vetted AND is_active",
                    )
                ),
                arrays,
            )
            created.extend(cursor.fetchall())
    return created


def specialists_bulk_update(objs: list[Specialist], field_names: list[str]) -> None:
    """Write changed rows with one ``UPDATE ... FROM`` per slice: cost linear in rows.

    Django's bulk_update writes a CASE WHEN id = ... per field, which grows with
    the square of the slice (over 30 s for 20,000 rows on SQLite). PostgreSQL
    takes each column as one array parameter (unnest); SQLite (3.33+) takes a
    VALUES list, whose columns it names column1, column2, ...
    """
    if not objs:
        return
    fields = _columns(field_names)
    quote = connection.ops.quote_name
    table = quote(Specialist._meta.db_table)
    pk = quote(Specialist._meta.pk.column)
    if connection.vendor == "postgresql":
        with _binding_cursor() as cursor:
            assignments = ", ".join(f"{quote(f.column)} = {_value(f)}" for f in fields)
            for start in range(0, len(objs), 5_000):
                chunk = objs[start : start + 5_000]
                source, arrays = _unnest(
                    [obj.pk for obj in chunk], _object_columns(chunk, fields), fields
                )
                cursor.execute(
                    " ".join(
                        (
                            f"UPDATE {table} SET",
                            assignments,
                            f"FROM {source}",
                            f"WHERE {table}.{pk} = v.id",
                        )
                    ),
                    arrays,
                )
            return
    with connection.cursor() as cursor:
        row_sql = "(" + ", ".join(["%s"] * (len(fields) + 1)) + ")"
        sqlite_assignments = [
            f"{quote(f.column)} = v.column{i}" for i, f in enumerate(fields, start=2)
        ]
        per_statement = max(1, (connection.features.max_query_params or 999) // (len(fields) + 1))
        for start in range(0, len(objs), per_statement):
            chunk = objs[start : start + per_statement]
            params: list[Any] = []
            for obj in chunk:
                params.append(obj.pk)
                params.extend(
                    f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields
                )
            cursor.execute(
                " ".join(
                    (
                        f"UPDATE {table} SET",
                        ", ".join(sqlite_assignments),
                        "FROM (VALUES",
                        ", ".join([row_sql] * len(chunk)),
                        f") AS v WHERE {table}.{pk} = v.column1",
                    )
                ),
                params,
            )
