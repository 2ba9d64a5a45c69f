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

from .search import article_search, query_words
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

    @property
    def shown_query(self):
        return self.suggestion or self.query

    @property
    def words(self):
        """The analysed words the results are marked on."""
        return query_words(self.shown_query)


def search_outcome(query, filters):
    """The results for ``query`` within ``filters``, never a dead end."""
    results = article_search(query, filters)
    if not query_words(query) or results.exists():
        return SearchOutcome(query=query, results=results)
    for suggestion in suggested_queries(query):
        for any_word in (False, True):
            corrected = article_search(suggestion, filters, match_any=any_word)
            if corrected.exists():
                return SearchOutcome(
                    query=query,
                    results=corrected,
                    suggestion=suggestion,
                    any_word=any_word,
                )
    if len(query_words(query)) > 1:
        return SearchOutcome(
            query=query,
            results=article_search(query, filters, match_any=True),
            any_word=True,
        )
    return SearchOutcome(query=query, results=results)


def empty_outcome():
    """The search page before anything was typed."""
    return SearchOutcome(query="", results=Article.objects.none())
