"""Indexes that keep the cost of lists and searches flat as the archive grows.

Portable: the admin's story list order (``-published_at, -created_at, -id``),
and the link tables read from the linked side (a tag's, an agency's, an
official's stories) from the index alone.

PostgreSQL only (nothing to do on SQLite, where the admin searches with a
plain scan of a small table):

- ``pg_trgm`` GIN indexes on ``UPPER(title)``, ``UPPER(summary)`` and
  ``UPPER(slug)``: the admin's search (``icontains``, which Django writes as
  ``UPPER(col::text) LIKE UPPER('%q%')``) reads them instead of scanning
  every story.
- ``toast_tuple_target = 1024`` on the story table: bodies and search vectors
  are stored out of line, so a row read for a list, a count or a search's
  ordering is a few hundred bytes instead of several kilobytes. Rows written
  before this migration move when they are next updated; ``VACUUM FULL
  articles_article`` moves them all at once (see docs/deployment.md).
"""

from django.db import migrations, models

TRIGRAM_COLUMNS = ("title", "summary", "slug")

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *(
        f"CREATE INDEX IF NOT EXISTS article_{column}_trgm ON articles_article "
        f"USING gin (UPPER({column}::text) gin_trgm_ops)"
        for column in TRIGRAM_COLUMNS
    ),
    "ALTER TABLE articles_article SET (toast_tuple_target = 1024)",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE articles_article RESET (toast_tuple_target)",
    *(f"DROP INDEX IF EXISTS article_{column}_trgm" for column in TRIGRAM_COLUMNS),
]


LINK_INDEXES = [
    "CREATE INDEX IF NOT EXISTS article_agencies_agency_idx "
    "ON articles_article_agencies (agency_id, article_id)",
    "CREATE INDEX IF NOT EXISTS article_officials_official_idx "
    "ON articles_article_officials (official_id, article_id)",
]
LINK_INDEXES_BACKWARD = [
    "DROP INDEX IF EXISTS article_agencies_agency_idx",
    "DROP INDEX IF EXISTS article_officials_official_idx",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_reply_requests")]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["-published_at", "-created_at", "-id"],
                name="article_admin_order_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="taggedarticle",
            index=models.Index(
                fields=["tag", "content_object"], name="tagged_article_tag_idx"
            ),
        ),
        migrations.RunPython(
            _run(
                {
                    "postgresql": LINK_INDEXES + POSTGRES_FORWARD,
                    "sqlite": LINK_INDEXES,
                }
            ),
            _run(
                {
                    "postgresql": POSTGRES_BACKWARD + LINK_INDEXES_BACKWARD,
                    "sqlite": LINK_INDEXES_BACKWARD,
                }
            ),
        ),
    ]
