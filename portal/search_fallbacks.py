"""Never a dead end: what the search page shows when the words find nothing.

1. Every word together (``article_search``).
2. If that finds nothing and a word is unknown, the query with the nearest
   known words ("Mungkin maksud Anda: tambang ikn"), every word together and
   then any of them; offered only when it finds visible stories.
3. Any of the reader's own words, best match first.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from articles.models import Article

from . import search
from .search import article_search, matches_estimate, query_words
from .suggestions import suggested_queries


@dataclass
class SearchOutcome:
    """What the search page shows for one query."""

    query: str
    results: QuerySet
    # The corrected query, when results are for it rather than for ``query``.
    suggestion: str = ""
    # Whether the results match any word rather than all of them.
    any_word: bool = False
    filters: object = None
    # How many results, when already counted (the paginator's count).
    count: int | None = None

    @property
    def shown_query(self):
        return self.suggestion or self.query

    @property
    def words(self):
        """The analysed words the results are marked on."""
        return query_words(self.shown_query)

    def estimate(self, count):
        """About how many stories match when the ranked window (``count``
        results) is full, else None; see ``matches_estimate``."""
        if not self.query or count < search.RANK_WINDOW:
            return None
        return matches_estimate(self.shown_query, self.filters, match_any=self.any_word)


def search_outcome(query, filters):
    """The results for ``query`` within ``filters``, never a dead end."""
    # Counted rather than tested for existence: the page needs the count
    # anyway, and a result window is at most RANK_WINDOW stories.
    results = article_search(query, filters)
    count = results.count()
    if not query_words(query) or count:
        return SearchOutcome(query=query, results=results, filters=filters, count=count)
    for suggestion in suggested_queries(query):
        for any_word in (False, True):
            corrected = article_search(suggestion, filters, match_any=any_word)
            if corrected_count := corrected.count():
                return SearchOutcome(
                    query=query,
                    results=corrected,
                    suggestion=suggestion,
                    any_word=any_word,
                    filters=filters,
                    count=corrected_count,
                )
    if len(query_words(query)) > 1:
        return SearchOutcome(
            query=query,
            results=article_search(query, filters, match_any=True),
            any_word=True,
            filters=filters,
        )
    return SearchOutcome(query=query, results=results, filters=filters, count=0)


def empty_outcome():
    """The search page before anything was typed."""
    return SearchOutcome(query="", results=Article.objects.none(), count=0)
