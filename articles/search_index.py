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

import html
import json
import re

from django.db import transaction

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
    large the archive; returns how many stories were indexed.
    """
    done, last = 0, None
    stories = queryset.order_by("pk").only("pk", "title", "summary", "body")
    while True:
        batch = list(
            (stories if last is None else stories.filter(pk__gt=last))[:batch_size]
        )
        if not batch:
            return done
        for story in batch:
            story.search_vector = index_value(
                vendor, story.title, story.summary, story.body
            )
        with transaction.atomic(using=queryset.db):
            queryset.model._base_manager.bulk_update(batch, ["search_vector"])
        done, last = done + len(batch), batch[-1].pk
