"""A story's visibility by id, from the index alone: a listing orders a tag's,
an agency's or an official's story ids without reading their rows
(``portal.pagination``); status and time are key columns rather than
INCLUDE, which SQLite lacks (and would warn about). And the ids of an agency's own stories, from the index alone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_search_vocabulary_switch"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["id", "status", "published_at"],
                name="article_visible_by_id_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["contributing_agency", "id"], name="article_agency_ids_idx"
            ),
        ),
    ]
