"""Choose and order candidates inside the database, then explain them in Python.

Modules by concern: ``inputs`` (scoring settings, the project as ranking
sees it, what a run used), ``sql`` (the dialects, the has-skill test and the
ranking statement), ``candidates`` (``rank_specialists`` and the in-memory
reference ranking), ``reach`` (what a higher budget or later start would
bring, why nobody fits) and ``selectors`` (which open projects a roster
change affects). The words a client reads are in ``matching.wording``.


The whole score of ``matching.scoring`` is one SQL statement: tier by CASE,
budget and start as clamped linear fall-offs, skills as JSON containment of
canonical keys. PostgreSQL reads the matchable roster through a covering
partial index (no heap rows; migration 0002) and keeps a top-K heap while it
scans, so only K + a few rows ever reach Python. Python rescores those rows
with the pure functions (bit-identical doubles: same operands, same order)
and sorts them with the same key, so the list equals a brute-force ranking of
the whole roster (the tests check this on SQLite and PostgreSQL); the few
extra rows mean even a last-bit disagreement at the boundary could not
change it.

Why not order by tier/budget/start in SQL and finish skills in Python with a
threshold: with a generous budget and start date most of the roster ties on
those three and the skills decide, so such a scan would still read most of it.

The ranking statement is written by hand (with the two dialects side by side)
rather than built from ORM expressions: compiling the expression tree cost
more than running the query on rosters of a few thousand.
"""

from matching.ranking.candidates import Ranked, rank_roster_in_python, rank_specialists
from matching.ranking.inputs import project_need, run_inputs, scoring_params
from matching.ranking.reach import no_match_reason, trade_offs
from matching.ranking.selectors import projects_affected_by

__all__ = [
    "Ranked",
    "no_match_reason",
    "project_need",
    "projects_affected_by",
    "rank_roster_in_python",
    "rank_specialists",
    "run_inputs",
    "scoring_params",
    "trade_offs",
]
