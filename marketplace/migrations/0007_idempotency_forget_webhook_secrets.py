"""Replace the webhook secrets that idempotency records kept with a statement.

Records made before replays stopped carrying secrets held the whole first
response of ``POST /api/v1/webhooks/``, secret included; from now on a replay
says the secret was already shown (``api.idempotency.ALREADY_SHOWN``), and so
do these older records.
"""

from django.db import migrations

# As api.idempotency.ALREADY_SHOWN says it at the time of writing.
ALREADY_SHOWN = (
    "Not shown again: it was shown once, in the first response to this Idempotency-Key."
)


def forget_secrets(apps, schema_editor):
    IdempotencyKey = apps.get_model("marketplace", "IdempotencyKey")
    records = IdempotencyKey.objects.filter(path__endswith="/webhooks/").exclude(
        response_body=None
    )
    for record in records.iterator(chunk_size=500):
        body = record.response_body
        if isinstance(body, dict) and body.get("secret") not in (None, ALREADY_SHOWN):
            record.response_body = {**body, "secret": ALREADY_SHOWN}
            record.save(update_fields=["response_body"])


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0006_project_inferred_checklist"),
    ]

    operations = [
        migrations.RunPython(forget_secrets, migrations.RunPython.noop, elidable=True),
    ]
