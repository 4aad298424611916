"""Settings for the marketplace service, driven by environment variables.

Every variable has an embedded default that needs no server (SQLite, a
filesystem broker, a file cache), so a web process and a worker run on a bare
machine. Production is switched on by ``DEBUG=0``; it then refuses to start
without a real ``SECRET_KEY`` and turns on the HTTPS protections.

The settings are read in sections, each a module of this package, in this
order: ``environment`` (the helpers that read variables), ``base`` (Django,
security, database, cache, authentication, REST API), ``tasks`` (Celery),
``domain`` (matching, input bounds, webhooks) and ``operations`` (metrics and
logging). ``DJANGO_SETTINGS_MODULE`` stays ``marketplace.settings``.
"""

from marketplace.settings.base import *
from marketplace.settings.domain import *
from marketplace.settings.operations import *
from marketplace.settings.tasks import *
