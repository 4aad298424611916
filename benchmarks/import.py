"""How long ``manage.py importspecialists`` takes for a large roster file with bios.

    python benchmarks/import.py [--rows 100000] [--database marketplace_bench_import]

Writes a CSV of ``--rows`` rows (realistic bios from ``benchmarks.roster_data``;
two of them invalid, which the import must reject), creates (drops first) its
own PostgreSQL database, and times three runs of the command:

- first load: every row is new (validation, text features, the writes),
- same file again: every row known and unchanged,
- 1% changed: the same file with one bio in a hundred edited,

each with its wall time, the CPU time of the command and its worker processes
(the PostgreSQL server's is not counted: on a shared machine wall time says
more about the neighbours), and the embeddings queued for Celery workers (the
encoding itself follows in the background and is not timed here). Needs a
PostgreSQL server (``--server``, default ``postgres://postgres@127.0.0.1:5432``).
"""

import argparse
import csv
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.roster_data import CSV_COLUMNS, cpu_seconds, setup_django, write_csv


def _edit_bios(source: Path, target: Path, *, every: int) -> int:
    edited = 0
    bio = CSV_COLUMNS.index("bio")
    with source.open(newline="") as inp, target.open("w", newline="") as out:
        reader, writer = csv.reader(inp), csv.writer(out)
        writer.writerow(next(reader))
        for n, row in enumerate(reader):
            if n % every == 0 and len(row) == len(CSV_COLUMNS):
                row[bio] += " Recently also built a churn model for a subscription app."
                edited += 1
            writer.writerow(row)
    return edited


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database", default="marketplace_bench_import")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--workers", type=int, default=None, help="default: one per CPU")
    parser.add_argument("--seed", type=int, default=20260101)
    args = parser.parse_args()

    setup_django(args.server, args.database, recreate=True)
    from django.core.management import call_command

    import marketplace.services.specialist_import as importer
    from marketplace.models import Specialist

    queued: list[int] = []

    def count_queued(*, specialist_ids: list[int]) -> None:
        queued.extend(specialist_ids)

    # Count what the import hands to the embedding workers instead of queueing it.
    importer.specialists_embed_enqueue = count_queued  # type: ignore[assignment]

    workers = args.workers or importer.default_workers()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        path = write_csv(Path(tmp) / "roster.csv", count=args.rows - 2, seed=args.seed)
        edited_path = Path(tmp) / "edited.csv"
        edited = _edit_bios(path, edited_path, every=100)
        print(
            f"{args.rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) written in "
            f"{time.perf_counter() - began:.1f} s; {workers} worker process(es)\n",
            file=sys.stderr,
        )
        header = (
            f"{'run':<18} {'summary':<42} {'s':>7} {'rows/s':>8} {'CPU s':>7} "
            f"{'embeddings queued':>18}"
        )
        print(header)
        print("-" * len(header))
        for label, file in (
            ("first load", path),
            ("same file again", path),
            (f"{edited:,} bios changed", edited_path),
        ):
            queued.clear()
            out = io.StringIO()
            cpu_before = cpu_seconds()
            began = time.perf_counter()
            options = ["--no-progress"] + ([f"--workers={args.workers}"] if args.workers else [])
            call_command("importspecialists", str(file), *options, stdout=out)
            seconds = time.perf_counter() - began
            cpu = cpu_seconds() - cpu_before
            summary = out.getvalue().strip().splitlines()[-1]
            print(
                f"{label:<18} {summary:<42} {seconds:>7.1f} {args.rows / seconds:>8,.0f} "
                f"{cpu:>7.1f} {len(queued):>18,}",
                flush=True,
            )
        print(f"\n{Specialist.objects.count():,} specialists on the roster", file=sys.stderr)


if __name__ == "__main__":
    main()
