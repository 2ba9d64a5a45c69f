"""Search on Warta's own Indonesian analysis, and a vocabulary for suggestions.

``Article.save`` now derives ``search_vector`` in Python
(``articles/search_index.py``: each word as typed beside its stem, stopwords
known), the same way on both databases:

- PostgreSQL: the trigger of migration 0004 (``indonesian`` configuration) is
  dropped; the stored ``tsvector`` keeps its GIN index. Triggers add each
  new word as typed to ``articles_searchword``, indexed with pg_trgm for
  "Mungkin maksud Anda".
- SQLite: the FTS5 table is made again with six columns (title, summary and
  body as typed, each followed by its stems), which its triggers read from
  the JSON in ``search_vector``; an ``fts5vocab`` table lists its words for
  the suggestions.

Every existing story is indexed again here (``manage.py search_reindex`` does
the same later, e.g. after a change to the analysis).
"""

import importlib

from django.db import migrations

from articles.search_index import reindex

_0004 = importlib.import_module("articles.migrations.0004_search")

POSTGRES_FORWARD = [
    "DROP TRIGGER IF EXISTS articles_article_search_vector_trigger ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_search_vector_update()",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE articles_searchword (word text PRIMARY KEY)",
    """
    CREATE INDEX articles_searchword_trgm
    ON articles_searchword USING gin (word gin_trgm_ops)
    """,
    """
    CREATE INDEX articles_searchword_prefix
    ON articles_searchword (word text_pattern_ops)
    """,
    # Only words the story did not hold before, in word order (so two
    # stories saved at once lock new words in the same order). Words are
    # never counted or removed: a count kept per word would rewrite hundreds
    # of rows on every save; a word of a deleted story stays a candidate
    # that the suggestion's own search then finds empty.
    """
    CREATE FUNCTION articles_searchword_update() RETURNS trigger AS $$
    BEGIN
        INSERT INTO articles_searchword (word)
        SELECT added.word FROM (
            SELECT unnest(tsvector_to_array(NEW.search_vector)) AS word
            EXCEPT
            SELECT unnest(tsvector_to_array(OLD.search_vector))
        ) AS added
        WHERE left(added.word, 1) <> '~'
        ORDER BY added.word
        ON CONFLICT (word) DO NOTHING;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_searchword_insert
    AFTER INSERT ON articles_article
    FOR EACH ROW WHEN (NEW.search_vector IS NOT NULL)
    EXECUTE FUNCTION articles_searchword_update()
    """,
    """
    CREATE TRIGGER articles_searchword_update
    AFTER UPDATE OF search_vector ON articles_article
    FOR EACH ROW WHEN (NEW.search_vector IS DISTINCT FROM OLD.search_vector)
    EXECUTE FUNCTION articles_searchword_update()
    """,
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_searchword_insert ON articles_article",
    "DROP TRIGGER IF EXISTS articles_searchword_update ON articles_article",
    "DROP FUNCTION IF EXISTS articles_searchword_update()",
    "DROP TABLE IF EXISTS articles_searchword",
    # Migration 0004's trigger (its index is still there), fired once.
    *_0004.POSTGRES_FORWARD[:2],
    "UPDATE articles_article SET search_vector = NULL",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS articles_article_fts_insert",
    "DROP TRIGGER IF EXISTS articles_article_fts_update",
    "DROP TRIGGER IF EXISTS articles_article_fts_delete",
    "DROP TABLE IF EXISTS articles_article_fts_vocab",
    "DROP TABLE IF EXISTS articles_article_fts",
]
_FTS_COLUMNS = "title, title_stem, summary, summary_stem, body, body_stem"
_FTS_ROW = f"""
    INSERT INTO articles_article_fts (rowid, {_FTS_COLUMNS})
    SELECT new.id, {", ".join(f"json_extract(new.search_vector, '$[{i}]')" for i in range(6))}
    WHERE new.search_vector IS NOT NULL;
"""
SQLITE_FORWARD = [
    *SQLITE_DROP,
    # Words arrive analysed: each field as typed, then its stems.
    f"""
    CREATE VIRTUAL TABLE articles_article_fts
    USING fts5({_FTS_COLUMNS}, tokenize = "unicode61 remove_diacritics 0")
    """,
    """
    CREATE VIRTUAL TABLE articles_article_fts_vocab
    USING fts5vocab(articles_article_fts, 'row')
    """,
    f"""
    CREATE TRIGGER articles_article_fts_insert
    AFTER INSERT ON articles_article BEGIN {_FTS_ROW} END
    """,
    f"""
    CREATE TRIGGER articles_article_fts_update
    AFTER UPDATE OF search_vector ON articles_article BEGIN
        DELETE FROM articles_article_fts WHERE rowid = old.id;
        {_FTS_ROW}
    END
    """,
    """
    CREATE TRIGGER articles_article_fts_delete
    AFTER DELETE ON articles_article BEGIN
        DELETE FROM articles_article_fts WHERE rowid = old.id;
    END
    """,
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def _reindex(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    reindex(Article.objects.all(), vendor=schema_editor.connection.vendor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_revision_autosave")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run(
                {
                    "postgresql": POSTGRES_BACKWARD,
                    "sqlite": [*SQLITE_DROP, *_0004.SQLITE_FORWARD],
                }
            ),
        ),
        migrations.RunPython(_reindex, migrations.RunPython.noop),
    ]
