"""What a story's search index holds, built from its analysed words.

Every word is indexed by its spelling as typed; when its stem differs, the
stem is indexed too, marked with ``~`` so it never passes for a word someone
typed ("kediri" gives ``kediri`` and ``~diri``; "diri" gives ``diri`` only).
A query word matches its spelling, its stem marked, or its stem as typed;
ranking then counts a match on the spelling as typed above a match on the
stem (``portal/search.py``).

``Article.save`` stores the result in ``search_vector``:

- PostgreSQL: a ``tsvector`` (title weight A, summary B, body C), cast from
  text, so no text search configuration touches the words again (the query
  side casts a ``tsquery`` the same way);
- SQLite: a JSON list of six columns (each field's words as typed, then
  their stems), which the FTS5 table's triggers copy (migration 0013).
"""

import hashlib
import html
import json
import re

from django.db import connections, transaction

from .textanalysis import words

STEM_MARK = "~"
WEIGHTS = ("A", "B", "C")  # title, summary, body
# PostgreSQL's limits: positions above 16383 are clamped, and a lexeme keeps
# at most 256 of them.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 256
_TAG = re.compile(r"<[^>]*>")


def plain_text(markup):
    """The text of sanitized HTML, each tag a word break."""
    return html.unescape(_TAG.sub(" ", markup or ""))


def word_lexemes(word):
    """The index entries of one analysed word."""
    lexemes = list(word.exact)
    lexemes.extend(STEM_MARK + stem for stem in word.stems if stem not in word.exact)
    return lexemes


def query_lexemes(word):
    """(any of these matches, the ones that are the word as typed)."""
    exact = list(word.exact)
    stems = [s for stem in word.stems for s in (STEM_MARK + stem, stem)]
    return list(dict.fromkeys(exact + stems)), exact


def _fields(title, summary, body):
    return (title or "", summary or "", plain_text(body))


def tsvector_text(title, summary, body):
    """The PostgreSQL ``tsvector`` of a story, as its text input form."""
    positions = {}
    position = 0
    for weight, text in zip(WEIGHTS, _fields(title, summary, body), strict=True):
        for word in words(text):
            position = min(position + 1, MAX_POSITION)
            for lexeme in word_lexemes(word):
                entries = positions.setdefault(lexeme, [])
                if len(entries) < MAX_POSITIONS_PER_LEXEME:
                    entries.append(f"{position}{weight}")
    return " ".join(
        f"{quote(lexeme)}:{','.join(entries)}" for lexeme, entries in positions.items()
    )


def quote(lexeme):
    """A lexeme in the text form of ``tsvector`` and ``tsquery``."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def fts_text(title, summary, body):
    """The SQLite FTS5 columns of a story, as the JSON its triggers read.

    Six columns: each field's words as typed, then their stems (unmarked:
    the column tells them apart), so bm25 can weigh each on its own.
    """
    columns = []
    for text in _fields(title, summary, body):
        found = words(text)
        columns.append(" ".join(part for word in found for part in word.exact))
        columns.append(" ".join(stem for word in found for stem in word.stems))
    return json.dumps(columns, ensure_ascii=False)


def index_value(vendor, title, summary, body):
    """What ``search_vector`` stores on this database vendor."""
    if vendor == "postgresql":
        return tsvector_text(title, summary, body)
    return fts_text(title, summary, body)


def reindex(queryset, *, vendor, batch_size=500):
    """Derive ``search_vector`` again for every story of ``queryset``.

    In primary-key order, a batch at a time, so memory stays flat however
    large the archive; returns how many stories were indexed. On PostgreSQL
    the batches go through ``COPY`` and the suggestions' vocabulary is built
    once at the end (see ``_reindex_postgresql``).
    """
    if vendor == "postgresql":
        return _reindex_postgresql(queryset, batch_size=batch_size)
    done = 0
    manager = queryset.model._base_manager.using(queryset.db)
    for batch in _batches(queryset, batch_size):
        for story in batch:
            story.search_vector = index_value(
                vendor, story.title, story.summary, story.body
            )
        with transaction.atomic(using=queryset.db):
            # Not a story saved while the batch was analysed: its own save
            # wrote the vector of its new text.
            current = {
                pk: _digest(*text)
                for pk, *text in manager.filter(
                    pk__in=[story.pk for story in batch]
                ).values_list("pk", "title", "summary", "body")
            }
            unchanged = [
                story
                for story in batch
                if current.get(story.pk)
                == _digest(story.title, story.summary, story.body)
            ]
            manager.bulk_update(unchanged, ["search_vector"])
        done += len(batch)
    return done


def _batches(queryset, batch_size):
    last = None
    stories = queryset.order_by("pk").only("pk", "title", "summary", "body")
    while True:
        batch = list(
            (stories if last is None else stories.filter(pk__gt=last))[:batch_size]
        )
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def _digest(title, summary, body):
    """What ``_CURRENT`` computes in SQL: the text the vector was made from."""
    text = "\x1f".join((title or "", summary or "", body or ""))
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


_CURRENT = (
    "md5(coalesce(a.title, '') || E'\\x1f' || coalesce(a.summary, '') "
    "|| E'\\x1f' || coalesce(a.body, ''))"
)


def _reindex_postgresql(queryset, *, batch_size):
    """``reindex`` on PostgreSQL: each batch's vectors are copied into a
    temporary table and written by one ``UPDATE ... FROM``.

    ``bulk_update``'s ``CASE`` over hundreds of large vectors, and the
    vocabulary trigger run once per story, made 100,000 stories take more
    than half an hour. Here the trigger is switched off for these
    transactions only (``warta.search_vocabulary``, migration 0015) and the
    vocabulary is rebuilt once at the end. A story saved while its batch
    was being analysed keeps the vector its own save wrote: the update
    only touches rows whose text is still the text that was analysed.
    """
    using = queryset.db
    table = connections[using].ops.quote_name(queryset.model._meta.db_table)
    done = 0
    for batch in _batches(queryset, batch_size):
        rows = [
            (
                story.pk,
                tsvector_text(story.title, story.summary, story.body),
                _digest(story.title, story.summary, story.body),
            )
            for story in batch
        ]
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            cursor.execute("SET LOCAL warta.search_vocabulary = 'off'")
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS warta_reindex "
                "(id bigint, vector tsvector, digest text) ON COMMIT DELETE ROWS"
            )
            # Inside an outer transaction (a migration) the last batch's rows
            # are still there.
            cursor.execute("TRUNCATE warta_reindex")
            with cursor.cursor.copy(
                "COPY warta_reindex (id, vector, digest) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(
                f"UPDATE {table} AS a SET search_vector = r.vector "  # noqa: S608
                "FROM warta_reindex AS r WHERE a.id = r.id "
                "AND a.search_vector IS DISTINCT FROM r.vector "
                f"AND {_CURRENT} = r.digest"
            )
        done += len(batch)
    if done:
        vocabulary_rebuild(using=using)
    return done


def vocabulary_rebuild(*, using="default"):
    """Make ``articles_searchword`` (PostgreSQL's suggestion vocabulary) hold
    exactly the words the stories' vectors hold now.

    Between rebuilds the trigger only adds words (removing one would mean
    knowing no other story holds it); this also forgets the words of
    stories since edited or deleted. A word a story adds while the rebuild
    runs may be forgotten until the next one.
    """
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS warta_words")
        cursor.execute(
            "CREATE TEMPORARY TABLE warta_words ON COMMIT DROP AS "
            "SELECT DISTINCT word "
            "FROM articles_article, unnest(tsvector_to_array(search_vector)) AS word "
            "WHERE left(word, 1) <> %s",
            [STEM_MARK],
        )
        cursor.execute(
            "DELETE FROM articles_searchword AS s "
            "WHERE NOT EXISTS (SELECT FROM warta_words AS w WHERE w.word = s.word)"
        )
        cursor.execute(
            "INSERT INTO articles_searchword (word) "
            "SELECT word FROM warta_words ORDER BY word ON CONFLICT (word) DO NOTHING"
        )
        cursor.execute("ANALYZE articles_searchword")
