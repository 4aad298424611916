FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY accounts ./accounts
COPY marketplace ./marketplace
COPY matching ./matching
COPY webhooks ./webhooks
COPY manage.py ./
RUN pip install . \
    && DEBUG=1 python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 app && mkdir -p /app/var && chown -R app /app/var
USER app

EXPOSE 8000
CMD ["gunicorn", "marketplace.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--graceful-timeout", "20", "--max-requests", "2000", "--max-requests-jitter", "200"]
