""" "Mungkin maksud Anda": the nearest indexed word for a word nobody wrote.

The vocabulary is the index's own list of words as typed:
``articles_searchword`` on PostgreSQL (kept by a trigger, pg_trgm-indexed,
migration 0012) and the FTS5 table's ``fts5vocab`` on SQLite. Candidates are
narrowed in the database (trigram similarity, or the same first letter and a
similar length) and the nearest is chosen by edit distance counting a swap of
two letters as one edit, then by how many stories hold it.

The vocabulary also holds words of stories readers cannot see yet, so a
suggestion is only offered once a search for it finds visible stories
(``portal.search_fallbacks``): it never reveals an unpublished word.
"""

import json

from django.db import connection
from rapidfuzz.distance import OSA

from articles.textanalysis import STOPWORDS, word_spans

MIN_WORD_CHARS = 3
CANDIDATES = 50


def _max_edits(word):
    return 1 if len(word) <= 4 else 2


def known_words(candidates):
    """The words of ``candidates`` that some indexed story holds."""
    candidates = list(candidates)
    if not candidates:
        return set()
    if connection.vendor == "postgresql":
        sql = "SELECT word FROM articles_searchword WHERE word = ANY(%s) AND ndoc > 0"
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
                "(SELECT word, ndoc FROM articles_searchword "
                " WHERE word %% %s AND ndoc > 0 "
                " ORDER BY similarity(word, %s) DESC LIMIT %s) "
                "UNION "
                "(SELECT word, ndoc FROM articles_searchword "
                " WHERE word LIKE %s AND length(word) BETWEEN %s AND %s "
                " AND ndoc > 0 ORDER BY ndoc DESC LIMIT %s)",
                [word, word, CANDIDATES, word[0] + "%", low, high, 5 * CANDIDATES],
            )
        else:
            cursor.execute(
                "SELECT term, doc FROM articles_article_fts_vocab "
                "WHERE term >= %s AND term < %s AND length(term) BETWEEN %s AND %s",
                [word[0], chr(ord(word[0]) + 1), low, high],
            )
        return cursor.fetchall()


def nearest_word(word):
    """The indexed word closest to ``word``, or None if none is near enough."""
    best = None
    for candidate, count in _candidates(word):
        distance = OSA.distance(word, candidate, score_cutoff=_max_edits(word))
        if candidate == word or distance > _max_edits(word):
            continue
        key = (distance, -count, candidate)
        if best is None or key < best[0]:
            best = (key, candidate)
    return best[1] if best else None


def suggested_query(query):
    """``query`` with each unknown word replaced by its nearest known word.

    None when every word is known, or no unknown word has a near neighbour.
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
    out, at, changed = [], 0, False
    for start, end, typed in spans:
        if typed in known:
            continue
        replacement = nearest_word(typed)
        if replacement:
            out.extend([query[at:start], replacement])
            at, changed = end, True
    out.append(query[at:])
    return "".join(out) if changed else None
