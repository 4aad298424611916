"""The staff review workbench: Django's admin autodiscovery imports this package.

``projects`` (the project review page and its actions), ``runs`` (run history
and matches), ``decisions`` (the audit log), ``selectors`` (the reads behind
them and the needs-attention summary), ``forms``; the templates are in
``matching/templates/admin/``.
"""

from matching.admin import decisions, projects, runs

__all__ = ["decisions", "projects", "runs"]
