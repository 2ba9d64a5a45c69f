"""Editorial workflow records (filled in by the workflow change)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_roles")]

    operations = []
