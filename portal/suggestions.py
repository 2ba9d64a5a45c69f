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
    return vocabulary(candidates)[0]


def vocabulary(typed_words):
    """(the known words of ``typed_words``, {unknown word: [(candidate,
    weight)]}) in one query: candidates that may be near each unknown word.

    Narrowed in the database: trigram similarity or the same first letter
    and a similar length on PostgreSQL (the candidates of a known word are
    never read), the same first letter and a similar length on SQLite
    (weighted by how many stories hold them).
    """
    typed_words = sorted(set(typed_words))
    if not typed_words:
        return set(), {}
    bounds = [
        (
            word,
            word[0],
            chr(ord(word[0]) + 1),
            len(word) - _max_edits(word),
            len(word) + _max_edits(word),
        )
        for word in typed_words
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = [list(column) for column in zip(*bounds, strict=True)]
            cursor.execute(
                _POSTGRES_VOCABULARY, [*columns, CANDIDATES, PREFIX_CANDIDATES]
            )
        else:
            cursor.execute(_SQLITE_VOCABULARY, [json.dumps(bounds)])
        rows = cursor.fetchall()
    known = {typed for typed, candidate, _ in rows if candidate == typed}
    near = {}
    for typed, candidate, weight in rows:
        if typed not in known and candidate is not None:
            near.setdefault(typed, []).append((candidate, weight))
    return known, near


# Each word's row in the vocabulary, or else its candidates: the trigram
# neighbours and the words of the same first letter and about its length
# (both read only for an unknown word: a one-time filter on ``known.word``).
_POSTGRES_VOCABULARY = """
SELECT typed.word, coalesce(known.word, near.word), near.weight
FROM unnest(%s::text[], %s::text[], %s::text[], %s::int[], %s::int[])
    AS typed(word, first, next, low, high)
LEFT JOIN articles_searchword known ON known.word = typed.word
LEFT JOIN LATERAL (
    (SELECT word, similarity(word, typed.word) AS weight
     FROM articles_searchword
     WHERE known.word IS NULL AND word %% typed.word
     ORDER BY 2 DESC LIMIT %s)
    UNION
    (SELECT word, 0 FROM articles_searchword
     WHERE known.word IS NULL AND word ~>=~ typed.first AND word ~<~ typed.next
       AND length(word) BETWEEN typed.low AND typed.high
     LIMIT %s)
) near ON true
"""
# The words of the same first letter and about the length of each word
# (its own among them when it is known), with how many stories hold them.
_SQLITE_VOCABULARY = """
SELECT json_extract(typed.value, '$[0]'), vocab.term, vocab.doc
FROM json_each(%s) AS typed
JOIN articles_article_fts_vocab AS vocab
  ON vocab.term >= json_extract(typed.value, '$[1]')
 AND vocab.term < json_extract(typed.value, '$[2]')
 AND length(vocab.term) BETWEEN json_extract(typed.value, '$[3]')
                            AND json_extract(typed.value, '$[4]')
"""


def _nearest(word, candidates, limit):
    """The ``candidates`` closest to ``word``, nearest first (at most 2 edits)."""
    ranked = []
    for candidate, weight in candidates:
        distance = OSA.distance(word, candidate, score_cutoff=_max_edits(word))
        if candidate != word and distance <= _max_edits(word):
            ranked.append((distance, -weight, candidate))
    return [candidate for *_, candidate in sorted(set(ranked))[:limit]]


def nearest_words(word, limit=3):
    """The indexed words closest to ``word``, nearest first (at most 2 edits)."""
    return _nearest(word, vocabulary([word])[1].get(word, []), limit)


def suggested_queries(query, limit=3):
    """``query`` with its unknown words replaced by near known ones.

    Up to ``limit`` versions, the likeliest first; none when every word is
    known or no unknown word has a near neighbour. One query.
    """
    spans = [
        (start, end, word.exact[0])
        for start, end, word in word_spans(query)
        if len(word.exact) == 1
        and len(word.exact[0]) >= MIN_WORD_CHARS
        and word.exact[0].isalpha()
        and word.exact[0] not in STOPWORDS
    ]
    known, near = vocabulary({typed for _, _, typed in spans})
    options = {
        typed: _nearest(typed, near.get(typed, []), limit)
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
