"""How long ``manage.py refreshprofiles`` takes to read a whole roster again.

    python benchmarks/refresh.py [--rows 100000] [--database marketplace_bench_refresh]

Loads ``--rows`` benchmark specialists with bios (``benchmarks.roster_data``,
through ``importspecialists``) into a PostgreSQL database of its own (dropped
first), marks every stored reading as an older ``FEATURES_VERSION``'s (what a
deploy that bumps it leaves behind), then times the command: wall time, the
CPU time of the command and its worker processes (not the server's), and
what it printed. Needs a PostgreSQL server (``--server``).
"""

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.roster_data import cpu_seconds, setup_django, write_csv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database", default="marketplace_bench_refresh")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--workers", type=int, default=None, help="default: one per CPU")
    parser.add_argument("--seed", type=int, default=20260101)
    args = parser.parse_args()

    setup_django(args.server, args.database, recreate=True)
    from django.core.management import call_command
    from django.db import connection

    import marketplace.services.specialist_import as importer
    from matching.relevance.features import FEATURES_VERSION

    # The embeddings are not the point here: do not queue them.
    importer.specialists_embed_enqueue = lambda *, specialist_ids: None
    with tempfile.TemporaryDirectory() as tmp:
        path = write_csv(Path(tmp) / "roster.csv", count=args.rows, seed=args.seed, bad_rows=0)
        call_command("importspecialists", str(path), "--no-progress", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE marketplace_specialist SET profile_features = "
            "jsonb_set(profile_features, '{v}', to_jsonb(%s::int))",
            [FEATURES_VERSION - 1],
        )
        marked = cursor.rowcount
    print(f"{marked:,} specialists marked as read by features version {FEATURES_VERSION - 1}")

    out = io.StringIO()
    options = ["--no-progress"] + ([f"--workers={args.workers}"] if args.workers else [])
    cpu_before = cpu_seconds()
    began = time.perf_counter()
    call_command("refreshprofiles", *options, stdout=out)
    seconds = time.perf_counter() - began
    cpu = cpu_seconds() - cpu_before
    print(out.getvalue().strip().splitlines()[-1])
    print(f"refreshprofiles: {seconds:.1f} s wall, {marked / seconds:,.0f} rows/s, {cpu:.1f} CPU s")


if __name__ == "__main__":
    main()
