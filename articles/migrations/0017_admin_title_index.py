"""The admin's story list sorted by title reads this index instead of
sorting the whole archive (articles/admin/story_list.py, ``sortable_by``)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0016_listing_by_id_index")]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["title"], name="article_title_idx"),
        ),
    ]
