"""Search and reading counts.

PostgreSQL: a trigger keeps ``search_vector`` (title A, summary B, body C, in
the ``indonesian`` configuration) up to date on every insert and update, and a
GIN index serves the ``@@`` match. SQLite: an FTS5 table kept in step by
triggers. Both are maintained by the database itself, so every way of saving
a story (admin, workflow services with ``update_fields``, bulk updates) keeps
the index right.

If a later migration makes SQLite rebuild the ``articles_article`` table
(some ALTERs do), its triggers are dropped with the old table: such a
migration must run ``SQLITE_FORWARD`` again.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

POSTGRES_FORWARD = [
    """
    CREATE OR REPLACE FUNCTION articles_article_search_vector_update()
    RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('pg_catalog.indonesian', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('pg_catalog.indonesian', coalesce(NEW.summary, '')), 'B')
            || setweight(to_tsvector('pg_catalog.indonesian', coalesce(NEW.body, '')), 'C');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_article_search_vector_trigger
    BEFORE INSERT OR UPDATE OF title, summary, body, search_vector ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector_update()
    """,
    "CREATE INDEX article_search_vector_gin ON articles_article USING gin (search_vector)",
    # Fire the trigger once for the stories that already exist. (Saves that
    # touch none of these columns, like a read-count update, skip it.)
    "UPDATE articles_article SET search_vector = NULL",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS article_search_vector_gin",
    "DROP TRIGGER IF EXISTS articles_article_search_vector_trigger ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_search_vector_update()",
]

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS articles_article_fts
    USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2')
    """,
    """
    CREATE TRIGGER IF NOT EXISTS articles_article_fts_insert
    AFTER INSERT ON articles_article BEGIN
        INSERT INTO articles_article_fts (rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS articles_article_fts_update
    AFTER UPDATE OF title, summary, body ON articles_article BEGIN
        DELETE FROM articles_article_fts WHERE rowid = old.id;
        INSERT INTO articles_article_fts (rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS articles_article_fts_delete
    AFTER DELETE ON articles_article BEGIN
        DELETE FROM articles_article_fts WHERE rowid = old.id;
    END
    """,
    "DELETE FROM articles_article_fts",
    """
    INSERT INTO articles_article_fts (rowid, title, summary, body)
    SELECT id, title, summary, body FROM articles_article
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_article_fts_insert",
    "DROP TRIGGER IF EXISTS articles_article_fts_update",
    "DROP TRIGGER IF EXISTS articles_article_fts_delete",
    "DROP TABLE IF EXISTS articles_article_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_workflow")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="indeks pencarian"
            ),
        ),
        migrations.CreateModel(
            name="ArticleDailyReads",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("day", models.DateField(verbose_name="tanggal")),
                (
                    "count",
                    models.PositiveIntegerField(
                        default=0, verbose_name="jumlah dibaca"
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="daily_reads",
                        to="articles.article",
                        verbose_name="berita",
                    ),
                ),
            ],
            options={
                "verbose_name": "jumlah baca harian",
                "verbose_name_plural": "jumlah baca harian",
                "indexes": [
                    models.Index(fields=["day"], name="article_daily_reads_day_idx")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("article", "day"), name="article_daily_reads_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
