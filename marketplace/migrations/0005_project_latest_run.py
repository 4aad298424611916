import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def latest_run_backfill(apps, schema_editor):
    """Point each project at its latest successful run (newest start, then newest id)."""
    Project = apps.get_model("marketplace", "Project")
    MatchRun = apps.get_model("matching", "MatchRun")
    latest = (
        MatchRun.objects.filter(project_id=OuterRef("pk"), outcome="succeeded")
        .order_by("-started_at", "-id")
        .values("pk")[:1]
    )
    # One statement; each project's runs are found through matchrun_project_latest.
    Project.objects.update(latest_run_id=Subquery(latest))


class Migration(migrations.Migration):

    dependencies = [
        ('marketplace', '0004_project_read_version'),
        ('matching', '0002_decision_undo_actions'),
    ]

    operations = [
        migrations.AddField(
            model_name='project',
            name='latest_run',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='matching.matchrun'),
        ),
        migrations.RunPython(latest_run_backfill, migrations.RunPython.noop, elidable=True),
    ]
