"""The REST toolkit every app's ``apis.py`` uses.

The error envelope and its exception handler (``exceptions``), the strict JSON
parser (``parsers``), strict input serializers (``serializers``),
``Idempotency-Key`` handling (``idempotency``), pagination, the OpenAPI
helpers (``openapi``) and the tenant-scoped base views (``views``). It imports
no domain app but ``accounts`` (tenancy); see ``.importlinter``.
"""
