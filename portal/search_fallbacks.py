"""Never a dead end: what the search page shows when the words find nothing.

1. Every word together (``article_search``).
2. If that finds nothing and a word is unknown, the query with the nearest
   known words ("Mungkin maksud Anda: tambang ikn"), every word together and
   then any of them; offered only when it finds visible stories.
3. Any of the reader's own words, best match first.

In a fixed number of queries whichever way it goes (the page's budget):
one for the vocabulary (``suggested_queries``), one for the planner's
estimates of every version (PostgreSQL), then either the page of all the
words and, when empty, the page of any of them; or, with suggestions, one
query telling which version first finds a visible story and its page. A
page brings its count with it (``results_page``).
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, QuerySet, Window

from articles.models import Article

from . import search
from .search import (
    article_search,
    first_matching,
    matches_estimate,
    planned_rows,
    query_words,
)
from .suggestions import suggested_queries

PAGE_SIZE = 12


@dataclass
class SearchOutcome:
    """What the search page shows for one query."""

    query: str
    results: QuerySet
    # The page of results shown (its paginator holds their count).
    page: Page
    # The corrected query, when results are for it rather than for ``query``.
    suggestion: str = ""
    # Whether the results match any word rather than all of them.
    any_word: bool = False
    filters: object = None
    # The planner's estimate of the matches (PostgreSQL), when made.
    planned: int | None = None

    @property
    def shown_query(self):
        return self.suggestion or self.query

    @property
    def words(self):
        """The analysed words the results are marked on."""
        return query_words(self.shown_query)

    @property
    def count(self):
        return self.page.paginator.count

    def estimate(self, count=None):
        """About how many stories match when the ranked window is full, else
        None; see ``matches_estimate``."""
        count = self.count if count is None else count
        if not self.query or count < search.RANK_WINDOW:
            return None
        return matches_estimate(
            self.shown_query,
            self.filters,
            match_any=self.any_word,
            planned=self.planned,
        )


def _page_number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 1


def results_page(results, number=1, per_page=PAGE_SIZE):
    """Page ``number`` of ``results`` and their count, in one query on
    PostgreSQL (the count rides along as a window function; SQLite's bm25
    cannot be used beside one: counted first there). A page past the end,
    or a number that is none, gives the first page (one query more)."""
    number = _page_number(number)
    if not 1 <= number <= -(-search.RANK_WINDOW // per_page):
        number = 1  # past any window (and any OFFSET the database takes)
    paginator = Paginator(results, per_page)
    if connection.vendor != "postgresql":
        if number > paginator.num_pages:  # counted once
            number = 1
        return Page(paginator.page(number).object_list, number, paginator)
    start = (number - 1) * per_page
    counted = results.annotate(found_count=Window(Count("*")))
    rows = list(counted[start : start + per_page])
    if not rows and number > 1:
        number, rows = 1, list(counted[:per_page])
    paginator.count = rows[0].found_count if rows else 0
    return Page(rows, number, paginator)


def _empty_page(results):
    paginator = Paginator(results, PAGE_SIZE)
    paginator.count = 0
    return Page([], 1, paginator)


def search_outcome(query, filters, page=1):
    """The results for ``query`` within ``filters``, never a dead end."""
    found = query_words(query)
    if not found:
        results = article_search(query, filters)
        return SearchOutcome(
            query=query, results=results, page=_empty_page(results), filters=filters
        )
    versions = [(query, False)]
    suggestions = suggested_queries(query)
    for suggestion in suggestions:
        versions += [(suggestion, False), (suggestion, True)]
    if len(found) > 1:
        versions.append((query, True))
    planned = planned_rows(versions, filters)
    tried = range(len(versions))
    if suggestions:
        first = first_matching(versions, filters, planned)
        tried = [] if first is None else [first]
    for number in tried:
        shown, any_word = versions[number]
        results = article_search(
            shown, filters, match_any=any_word, planned=planned[number]
        )
        found_page = results_page(results, page)
        if found_page.paginator.count:
            return SearchOutcome(
                query=query,
                results=results,
                page=found_page,
                suggestion="" if shown == query else shown,
                any_word=any_word,
                filters=filters,
                planned=planned[number],
            )
    results = article_search(query, filters, planned=planned[0])
    return SearchOutcome(
        query=query, results=results, page=_empty_page(results), filters=filters
    )


def empty_outcome():
    """The search page before anything was typed."""
    results = Article.objects.none()
    return SearchOutcome(query="", results=results, page=_empty_page(results))
