"""A photo's caption lives in the library; a story row's caption overrides it.

Rows saved from a story upload before this stored a copy of the caption on
both. A copy equal to the library's is dropped, so a later library edit
reaches those stories too; what readers see now does not change.
"""

from django.db import migrations
from django.db.models import F


def drop_copied_captions(apps, schema_editor):
    ArticlePhoto = apps.get_model("articles", "ArticlePhoto")
    ArticlePhoto.objects.exclude(caption="").filter(caption=F("photo__caption")).update(
        caption=""
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_search"),
        ("media_library", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(drop_copied_captions, migrations.RunPython.noop),
    ]
