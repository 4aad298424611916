"""The Django project (settings, urls, celery, wsgi, health, logging) and the
marketplace domain: projects, specialists, roster import, demo data, and the
shared vocabulary and domain-error base as plain modules."""

# Load the Celery app whenever Django starts so that @shared_task binds to it.
from marketplace.celery import app as celery_app

__all__ = ("celery_app",)
