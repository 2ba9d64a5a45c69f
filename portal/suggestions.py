""" "Mungkin maksud Anda": the nearest indexed word for a word nobody wrote.

The vocabulary is the index's own list of words as typed:
``articles_searchword`` on PostgreSQL (kept by a trigger, pg_trgm-indexed,
migration 0013) and the FTS5 table's ``fts5vocab`` on SQLite. Candidates are
narrowed in the database (trigram similarity, or the same first letter and a
similar length) and the nearest are chosen by edit distance counting a swap
of two letters as one edit, then by trigram similarity (PostgreSQL) or how
many stories hold them (SQLite).

The vocabulary also holds words of stories readers cannot see (drafts,
scheduled stories, and on PostgreSQL words of stories edited or deleted
since the last ``search_reindex``, which rebuilds it), so a suggestion is
only offered once a search for it finds visible stories
(``portal.search_fallbacks``): it never reveals an unpublished word.
"""

import json

from django.db import connection
from rapidfuzz.distance import OSA

from articles.textanalysis import STOPWORDS, word_spans

MIN_WORD_CHARS = 3
CANDIDATES = 50
# Words sharing the first letter and about the length, for short words whose
# trigrams say little; a typo leaves most of them far away.
PREFIX_CANDIDATES = 1000


def _max_edits(word):
    return 1 if len(word) <= 4 else 2


def known_words(candidates):
    """The words of ``candidates`` that some indexed story holds."""
    candidates = list(candidates)
    if not candidates:
        return set()
    if connection.vendor == "postgresql":
        sql = "SELECT word FROM articles_searchword WHERE word = ANY(%s)"
        params = [candidates]
    else:
        sql = (
            "SELECT term FROM articles_article_fts_vocab "
            "WHERE term IN (SELECT value FROM json_each(%s))"
        )
        params = [json.dumps(candidates)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


def _candidates(word):
    """(word, number of stories) that may be near ``word``."""
    low, high = len(word) - _max_edits(word), len(word) + _max_edits(word)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "(SELECT word, similarity(word, %s) FROM articles_searchword "
                " WHERE word %% %s ORDER BY 2 DESC LIMIT %s) "
                "UNION "
                "(SELECT word, 0 FROM articles_searchword "
                " WHERE word LIKE %s AND length(word) BETWEEN %s AND %s LIMIT %s)",
                [word, word, CANDIDATES, word[0] + "%", low, high, PREFIX_CANDIDATES],
            )
        else:
            cursor.execute(
                "SELECT term, doc FROM articles_article_fts_vocab "
                "WHERE term >= %s AND term < %s AND length(term) BETWEEN %s AND %s",
                [word[0], chr(ord(word[0]) + 1), low, high],
            )
        return cursor.fetchall()


def nearest_words(word, limit=3):
    """The indexed words closest to ``word``, nearest first (at most 2 edits)."""
    ranked = []
    for candidate, weight in _candidates(word):
        distance = OSA.distance(word, candidate, score_cutoff=_max_edits(word))
        if candidate != word and distance <= _max_edits(word):
            ranked.append((distance, -weight, candidate))
    return [candidate for *_, candidate in sorted(ranked)[:limit]]


def suggested_queries(query, limit=3):
    """``query`` with its unknown words replaced by near known ones.

    Up to ``limit`` versions, the likeliest first; none when every word is
    known or no unknown word has a near neighbour.
    """
    spans = [
        (start, end, word.exact[0])
        for start, end, word in word_spans(query)
        if len(word.exact) == 1
        and len(word.exact[0]) >= MIN_WORD_CHARS
        and word.exact[0].isalpha()
        and word.exact[0] not in STOPWORDS
    ]
    known = known_words({typed for _, _, typed in spans})
    options = {
        typed: nearest_words(typed, limit)
        for _, _, typed in spans
        if typed not in known
    }
    options = {typed: near for typed, near in options.items() if near}
    versions = []
    for choice in range(max(map(len, options.values()), default=0)):
        out, at = [], 0
        for start, end, typed in spans:
            if typed in options:
                near = options[typed]
                out.extend([query[at:start], near[min(choice, len(near) - 1)]])
                at = end
        out.append(query[at:])
        version = "".join(out)
        if version not in versions:
            versions.append(version)
    return versions
