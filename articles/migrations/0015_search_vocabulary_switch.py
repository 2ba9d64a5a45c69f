"""The vocabulary trigger of migration 0014 can be switched off for one
transaction (``SET LOCAL warta.search_vocabulary = 'off'``): a bulk re-index
(``articles.search_index.reindex``) then rebuilds the vocabulary once instead
of once per story."""

import importlib

from django.db import migrations

_0014 = importlib.import_module("articles.migrations.0014_search_analysis")

FUNCTION = """
    CREATE OR REPLACE FUNCTION articles_searchword_update() RETURNS trigger AS $$
    BEGIN
        IF current_setting('warta.search_vocabulary', true) = 'off' THEN
            RETURN NULL;
        END IF;
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
"""
# Migration 0014's version of the function, as it created it.
PREVIOUS = next(
    s for s in _0014.POSTGRES_FORWARD if "FUNCTION articles_searchword_update" in s
).replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")


def _on_postgresql(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_search_analysis")]

    operations = [
        migrations.RunPython(_on_postgresql(FUNCTION), _on_postgresql(PREVIOUS)),
    ]
