"""Full-text search of visible stories, one interface for both databases.

The query is analysed like the stories (``articles/textanalysis.py``: words
as typed, Sastrawi stems, stopwords), so "pengamanan" and "mengamankan" both
find stories about *aman*, on either database. Each word matches its spelling
or its stem (``articles/search_index.py``); a match on the spelling counts
``EXACT_BOOST`` times more, title above summary above body.

PostgreSQL: the stored, GIN-indexed ``search_vector`` is matched with a
``tsquery`` cast from the analysed lexemes and ranked with ``ts_rank``.
SQLite: the FTS5 table over the same words (as typed and stemmed in columns
of their own), ranked with bm25 weighted the same way.

Only the newest ``RANK_WINDOW`` matches are ranked (``_newest``): ranking
reads every candidate's index, so a word found in most of the archive would
otherwise cost the whole archive. Larger totals are estimated
(``matches_estimate``), not counted.

The words, the filters and the SQL that matches and ranks them are in
``portal/search_query.py``: input is bounded (``MAX_QUERY_CHARS``
characters, word characters only, ``MAX_TERMS`` terms) and nothing the
reader types reaches a query parser as syntax.
"""

import json

from django.db import connection
from django.db.models import F
from django.db.models.expressions import RawSQL

from articles.models import Article

from .search_query import (  # noqa: F401 - MAX_QUERY_CHARS, SearchFilters: the API
    MAX_QUERY_CHARS,
    SearchFilters,
    _matches,
    _postgres_ranked,
    _sqlite_ranked,
    query_words,
)

# Only the newest RANK_WINDOW matches are ranked by relevance and paged
# through. A search matching more shows the best of the newest and an
# estimated total.
RANK_WINDOW = 200
# Above this many (estimated) matches a word is common enough that its newest
# matches are found by walking the stories newest first (see ``_newest``).
DENSE_MATCHES = 20_000
# From this many (estimated) matches up to DENSE_MATCHES, the newest are first
# looked for among the newest stories only (see ``_recent_first``): reading
# every match from the table to keep 200 of them grew with the archive.
RECENT_MATCHES = 1_500
# How many times the stories expected to hold RANK_WINDOW matches are read
# first. A phrase has 0.4-0.95 times its rarest word's matches (the bench's
# searches at 100,000 stories): with 3, one step holds the newest 200 for
# about 119 of the 132 of them that go down in steps (110 with 2), and each
# step more reads the full-text index again (3-6 ms for four words). Fewer
# found only means a second look, at the older ones.
RECENT_MARGIN = 3
# Each next step down the archive reads this many times as many stories, up
# to RECENT_STEPS cutoffs; past the last, every older match.
RECENT_STEP = 4
RECENT_STEPS = 2
# A step reading more of the stories than this costs more in the date index
# than reading every match would: left out.
RECENT_MAX_SHARE = 0.25
# Above this many (estimated) matches, whether there is one is asked walking
# the stories newest first (see ``first_matching``).
EXISTS_MATCHES = 1_000


def article_search(query, filters=None, *, match_any=False, planned=None):
    """Visible stories matching ``query``, best match first.

    Every word must match (as typed or by its stem), or with ``match_any``
    any of them. Returns a lazy QuerySet (so it can be paginated) or an empty
    one when the query has no words. Only the newest ``RANK_WINDOW`` matches
    are in it (``matches_estimate`` tells about how many there are in all).
    Pass the page's items to ``portal.highlighting.highlights_add``.

    ``planned``: the planner's estimate of the matches on PostgreSQL, when
    ``planned_rows`` made it already (else it is asked here: one query).
    """
    found = query_words(query)
    if not found:
        return _matches(found, filters, match_any)
    # A date range may end long before the newest stories: no cutoff there.
    dated = bool(filters and (filters.date_from or filters.date_to))
    newest = _newest(found, filters, match_any, planned, recent=not dated)
    window = Article.objects.filter(pk__in=newest)
    window = window.select_related("category")
    # The body stays: the page's snippets are cut from it in Python (only
    # the page's rows are read; the window is ranked on the index).
    window = window.defer("search_vector")
    if connection.vendor == "postgresql":
        return _postgres_ranked(window, found, match_any)
    return _sqlite_ranked(window, found, match_any)


def _newest(found, filters, match_any, planned=None, *, recent=True):
    """The ids of the newest ``RANK_WINDOW`` stories matching the analysed
    words ``found`` (see ``_matches``).

    Where matches are dense (a common word), walking the stories newest
    first finds them soonest. Where they are few, PostgreSQL would still walk
    (it does not count the cost of reading each story's search vector, kept
    out of line): there they are read from the GIN index and then sorted,
    behind an ``OFFSET 0`` the planner cannot see through; from
    ``RECENT_MATCHES`` on, among the newest stories first
    (``_recent_first``), unless ``recent`` is false (a date range).
    """
    matches = _matches(found, filters, match_any)
    newest = matches.order_by("-published_at", "-pk").values("pk")[:RANK_WINDOW]
    if connection.vendor != "postgresql":
        return newest
    if planned is None:
        planned = _planned_rows(matches)
    if planned > DENSE_MATCHES:
        return newest
    expected = getattr(planned, "expected", planned)
    if expected >= RECENT_MATCHES and recent:
        stepped = _matches(found, filters, match_any, never_rare=True)
        return _recent_first(stepped, expected)
    sql, params = _sorted_newest(matches)
    # The inner SQL is the ORM's, with its parameters kept apart.
    return RawSQL(sql, params)  # noqa: S611


def _sorted_newest(matches, limit=None, where="true"):
    """(SQL, params): the ids of the newest ``limit`` (``RANK_WINDOW``) of
    ``matches`` (and ``where``, tested past the fence), read from the
    full-text index and sorted (``OFFSET 0``: the planner would walk the
    stories newest first instead)."""
    limit = RANK_WINDOW if limit is None else limit
    sql, params = (
        matches.order_by()
        .values(match_id=F("pk"), match_at=F("published_at"))
        .query.sql_with_params()
    )
    return (
        f"SELECT match_id FROM ({sql} OFFSET 0) matched WHERE {where} "  # noqa: S608
        f"ORDER BY match_at DESC, match_id DESC LIMIT {limit}",
        params,
    )


def _window_left(found):
    """SQL: the window less the matches of the CTEs ``found`` (constants)."""
    counts = [f"(SELECT count(*) FROM {name})" for name in found]  # noqa: S608
    return " - ".join([f"{RANK_WINDOW:d}", *counts])


def _recent_first(matches, planned):
    """The ids of the newest ``RANK_WINDOW`` of ``matches``, looked for first
    among the newest stories, in one query.

    Reading every match of a word found in one story in twenty meant reading
    thousands of rows from the table to keep 200. Here cutoffs are taken from
    the visible stories newest first, from their index alone: the first
    after ``RECENT_MARGIN`` times as many stories as the planner expects to
    hold ``RANK_WINDOW`` matches, the next after ``RECENT_STEP`` times more.
    The matches since the first cutoff are read first (the full-text index
    and the date index intersected before any row is read); only when they
    are fewer than ``RANK_WINDOW`` are those between the cutoffs read, and
    only then the older ones. So the result is always the newest
    ``RANK_WINDOW`` matches, whatever the estimate, and an estimate off by
    half costs one more step, not a read of every match. ``planned`` is the
    rarest word's estimate (``Planned.expected``); ``matches`` are made
    ``never_rare``, or a step the planner thinks holds a handful of matches
    reads every match from the table instead of intersecting the indexes.
    """
    stories, stories_params = (
        Article.objects.visible()
        .order_by("-published_at")
        .values("published_at")
        .query.sql_with_params()
    )
    # Steps reading at most RECENT_MAX_SHARE of the stories; past them, the
    # older matches.
    steps = [
        share
        for share in (
            RECENT_MARGIN * RECENT_STEP**step * RANK_WINDOW / max(planned, 1)
            for step in range(RECENT_STEPS)
        )
        if share <= RECENT_MAX_SHARE
    ]
    if not steps:
        return RawSQL(*_sorted_newest(matches))  # noqa: S611 - the ORM's SQL
    parts, params, found, later = [], [], [], None
    for step, share in enumerate(steps):
        # The cutoff: the story that many places down the newest.
        parts.append(
            f"warta_cutoff_{step} AS (SELECT coalesce(({stories} OFFSET "  # noqa: S608
            "(SELECT ceil(%s * greatest(reltuples, 0))::bigint "
            "FROM pg_class WHERE oid = %s::regclass) LIMIT 1"
            "), '-infinity'::timestamptz) AS at)"
        )
        params += [*stories_params, share, Article._meta.db_table]
        since = RawSQL(f"(SELECT at FROM warta_cutoff_{step})", [])  # noqa: S608, S611
        within = matches.filter(published_at__gte=since)
        if later is not None:
            within = within.filter(published_at__lt=later)
        sql, step_params = _sorted_newest(within, limit=_window_left(found))
        found.append(f"warta_found_{step}")
        parts.append(f"{found[-1]} AS ({sql})")
        params += step_params
        later = since
    # The older matches from the full-text index alone (the date outside
    # the fence): when the steps found too few, matches are few.
    sql, older_params = _sorted_newest(
        matches,
        limit=_window_left(found),
        where=f"match_at < {later.sql}",
    )
    found.append("warta_found_older")
    parts.append(f"warta_found_older AS ({sql})")
    params += older_params
    union = " UNION ALL ".join(
        f"SELECT match_id FROM {name}"  # noqa: S608
        for name in found
    )
    # The parts are the ORM's SQL, their parameters kept apart; the table's
    # size comes from the catalogue (no count).
    return RawSQL(f"WITH {', '.join(parts)} {union}", params)  # noqa: S611


def _planned_rows(queryset):
    """PostgreSQL's estimate of the rows ``queryset`` returns (no count)."""
    return _explained([queryset])[0]


def _explained(querysets):
    """PostgreSQL's estimates of the rows each of ``querysets`` returns, from
    one ``EXPLAIN`` of them all (each a branch of a ``UNION ALL``)."""
    parts, params = [], []
    for queryset in querysets:
        sql, part_params = queryset.order_by().values("pk").query.sql_with_params()
        parts.append(f"({sql})")
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + " UNION ALL ".join(parts), params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    node = plan[0]["Plan"]
    if len(querysets) == 1:
        return [int(node["Plan Rows"])]
    while node.get("Node Type") != "Append" and len(node.get("Plans", [])) == 1:
        node = node["Plans"][0]
    branches = node.get("Plans", [])
    if node.get("Node Type") != "Append" or len(branches) != len(querysets):
        # A plan not shaped as expected: each on its own.
        return [_explained([queryset])[0] for queryset in querysets]
    return [int(branch["Plan Rows"]) for branch in branches]


class Planned(int):
    """The planner's estimate of a search's matches (shown as "Sekitar …"),
    with ``expected``: the number that chooses how the newest matches are
    found (``_newest``).

    For every word together the planner multiplies the words' shares as if
    they were independent; the words of a place, an event or a phrase
    ("teluk pulai", "pekan imunisasi nasional") go together far more often:
    planned at 100, they had 4,000 matches, all read from the table. No
    search matches more stories than its rarest word, whose own estimate
    (the word's frequency in the column's statistics) is steady: that is
    ``expected``. Where the words seldom meet (two common first names),
    it only costs a step down the archive more (``_recent_first``), each
    reading few rows.
    """

    def __new__(cls, rows, expected=None):
        planned = super().__new__(cls, rows)
        planned.expected = rows if expected is None else max(rows, expected)
        return planned


def planned_rows(versions, filters=None):
    """The planner's estimate of the matches of each ``(query, match_any)``
    of ``versions`` on PostgreSQL (``Planned``), in one query; Nones
    elsewhere (nothing is planned there)."""
    if connection.vendor != "postgresql" or not versions:
        return [None] * len(versions)
    # Each version's branch, then (every word together) each word's, once
    # for all the versions (a suggestion keeps the reader's other words).
    querysets, branches, single = [], [], {}
    for query, match_any in versions:
        found = query_words(query)
        each = [] if match_any or len(found) < 2 else found
        branches.append((len(querysets), each))
        querysets.append(_matches(found, filters, match_any))
        for word in each:
            if word not in single:
                single[word] = len(querysets)
                querysets.append(_matches([word], filters, False))
    rows = _explained(querysets)
    planned = []
    for own, each in branches:
        rarest = min((rows[single[word]] for word in each), default=None)
        planned.append(Planned(rows[own], rarest))
    return planned


def first_matching(versions, filters=None, planned=None):
    """The index of the first ``(query, match_any)`` of ``versions`` that
    finds a visible story, or None: one query, whatever their number.

    The versions are tested in order in one ``CASE``, which stops at the
    first that finds one. Where the planner expects many matches, an
    ``EXISTS`` finds one soon walking the stories newest first; where it
    expects few, the matches are read from the full-text index, up to the
    first visible one: PostgreSQL plans an ``EXISTS`` for its first row,
    and would scan the archive for words that no story holds together, but
    plans a CTE for all its rows, and reads only as many as are asked for.
    (Counting the newest ``RANK_WINDOW`` matches instead read them all:
    10 ms of the 35-40 of the slowest searches, those with a suggestion.)
    """
    planned = planned or [None] * len(versions)
    tests, params = [], []
    for number, (query, match_any) in enumerate(versions):
        found = query_words(query)
        matches = _matches(found, filters, match_any)
        rows = planned[number]
        if rows is None or rows >= EXISTS_MATCHES:
            sql, test_params = (
                matches.order_by().values("pk")[:1].query.sql_with_params()
            )
            test = f"EXISTS ({sql})"
        else:
            sql, test_params = matches.order_by().values("pk").query.sql_with_params()
            # The ORM's SQL, its parameters kept apart.
            test = (
                f"EXISTS (WITH matched AS MATERIALIZED ({sql}) "  # noqa: S608
                "SELECT 1 FROM matched)"
            )
        tests.append(f"WHEN {test} THEN {number:d}")
        params.extend(test_params)
    if not tests:
        return None
    with connection.cursor() as cursor:
        # The tests are the ORM's SQL, their parameters kept apart.
        cursor.execute(f"SELECT CASE {' '.join(tests)} END", params)  # noqa: S608
        return cursor.fetchone()[0]


def matches_estimate(query, filters=None, *, match_any=False, planned=None):
    """About how many stories match, for a search whose window is full.

    The planner's estimate on PostgreSQL, rounded to two significant figures
    (counting tens of thousands of matches would cost more than the search);
    a count on SQLite, whose archives are small.
    """
    matches = _matches(query_words(query), filters, match_any)
    if connection.vendor != "postgresql":
        return matches.count()
    if planned is None:
        planned = _planned_rows(matches)
    rows = max(planned, RANK_WINDOW)
    return int(float(f"{rows:.2g}"))
