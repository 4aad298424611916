"""The staff review workbench: Django's admin autodiscovery imports this package.

``projects`` (the project review page and its actions), ``runs`` (run history
and matches), ``decisions`` (the audit log), ``rankers`` (the learned
re-ranker's versions and which one is in charge), ``selectors`` (the reads
behind them and the needs-attention summary), ``forms``; the templates are in
``matching/templates/admin/``.
"""

from matching.admin import decisions, projects, rankers, runs

__all__ = ["decisions", "projects", "rankers", "runs"]
