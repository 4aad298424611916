FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY accounts ./accounts
COPY marketplace ./marketplace
COPY matching ./matching
COPY webhooks ./webhooks
COPY manage.py gunicorn.conf.py ./
RUN pip install . \
    && DEBUG=1 python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 app && mkdir -p /app/var && chown -R app /app/var
USER app

EXPOSE 8000
# Workers, timeouts and limits come from gunicorn.conf.py (WEB_CONCURRENCY, PORT, ...).
CMD ["gunicorn", "marketplace.wsgi"]
