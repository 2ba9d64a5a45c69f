"""The query side of search: a reader's words bounded and analysed, the
filters, and the SQL that matches and ranks them on either database (see
``portal/search.py`` for how a search runs).

Nothing the reader types is passed to a query parser as syntax: lexemes hold
only letters, digits and the stem mark, and are quoted.
"""

import datetime
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQueryField
from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import timezone

from articles.models import Agency, Article, Category
from articles.search_index import STEM_MARK, query_lexemes, quote
from articles.textanalysis import words

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
# A match on a word as typed counts this many times a match on its stem, so
# "kediri" ranks stories naming Kediri above those that only say "diri".
EXACT_BOOST = 3
# bm25 weights of the FTS5 columns: title, summary, body (10 : 4 : 1), each
# as typed (times EXACT_BOOST) and then stemmed.
SQLITE_WEIGHTS = ", ".join(
    str(weight * factor) for weight in (10, 4, 1) for factor in (EXACT_BOOST, 1)
)
# A lexeme no story holds (stems are made of letters and digits, and each
# holds at most one stem mark, before it), OR-ed into the match where the
# planner must not think it rare (``_matches``).
NO_STORY_LEXEME = STEM_MARK * 2


def query_words(raw):
    """The analysed words of a reader's query, bounded in length and number.

    Stopwords are left out when the reader typed other words too ("korupsi
    haji di jogja" searches korupsi, haji, jogja).
    """
    found = words((raw or "")[:MAX_QUERY_CHARS])[:MAX_TERMS]
    content = [word for word in found if not word.is_stopword]
    return content or found


def _local_day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass(frozen=True)
class SearchFilters:
    """What a search is narrowed to, besides its words."""

    category: Category | None = None
    agency: Agency | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def apply(self, queryset):
        if self.category:
            queryset = queryset.filter(category=self.category)
        if self.agency:
            queryset = queryset.filter(
                Q(contributing_agency=self.agency)
                | Q(
                    pk__in=Article.agencies.through.objects.filter(
                        agency=self.agency
                    ).values("article_id")
                )
            )
        if self.date_from:
            queryset = queryset.filter(
                published_at__gte=_local_day_start(self.date_from)
            )
        if self.date_to:
            queryset = queryset.filter(
                published_at__lt=_local_day_start(
                    self.date_to + datetime.timedelta(days=1)
                )
            )
        return queryset


def _matches(found, filters, match_any, *, never_rare=False):
    """Visible stories matching the analysed words (none without), unranked.

    ``never_rare`` (PostgreSQL): the same stories, the match OR-ed with a
    lexeme no story holds, so the planner estimates them at no fewer than a
    word missing from its statistics (a fraction of a percent of the
    stories). Alone, it multiplies the words' shares as if they were
    independent, and put the five words of "apel gabungan aparatur sipil
    negara" (3,400 matches) at 5: too few to be worth intersecting with the
    date index, so every match was read from the table, once for each of
    ``_recent_first``'s steps.
    """
    queryset = Article.objects.visible()
    if filters:
        queryset = filters.apply(queryset)
    if not found:
        return queryset.none()
    if connection.vendor == "postgresql":
        match, _typed = _tsqueries(found, match_any)
        if never_rare:
            match = f"({match}) | {quote(NO_STORY_LEXEME)}"
        # F(), not the table's name: in ``_newest``'s subquery the table has
        # an alias, and a name would tie the match to the outer row.
        return queryset.filter(
            Func(
                F("search_vector"),
                _tsquery(match),
                template="%(expressions)s",
                arg_joiner=" @@ ",
                output_field=BooleanField(),
            )
        )
    return queryset.filter(
        pk__in=RawSQL(
            "SELECT rowid FROM articles_article_fts "
            "WHERE articles_article_fts MATCH %s",
            [_fts_query(found, match_any)],
        )
    )


def _tsqueries(found, match_any):
    """(tsquery text matching the words, tsquery of the words as typed).

    Cast as is: the lexemes were analysed in Python already.
    """
    groups = [query_lexemes(word) for word in found]
    exact = list(dict.fromkeys(lexeme for _, typed in groups for lexeme in typed))
    match = (" | " if match_any else " & ").join(
        "(" + " | ".join(quote(lexeme) for lexeme in lexemes) + ")"
        for lexemes, _ in groups
    )
    return match, " | ".join(quote(lexeme) for lexeme in exact)


def _tsquery(text):
    """A tsquery cast from its text form (no configuration touches it)."""
    return Cast(Value(text), output_field=SearchQueryField())


def _ts_rank(text):
    return Func(
        F("search_vector"),
        _tsquery(text),
        function="ts_rank",
        output_field=FloatField(),
    )


def _fts_query(found, match_any):
    """The FTS5 query: each word as typed in the columns of words as typed,
    or its stem in the columns of stems; each quoted, so FTS5 syntax in it
    is inert."""

    def quoted(words):
        return " OR ".join(f'"{word}"' for word in words)

    return (" OR " if match_any else " AND ").join(
        f"({{title summary body}} : ({quoted(word.exact)})"
        f" OR {{title_stem summary_stem body_stem}} : ({quoted(word.stems)}))"
        for word in found
    )


def _postgres_ranked(window, found, match_any):
    match, typed = _tsqueries(found, match_any)
    rank = EXACT_BOOST * _ts_rank(typed) + _ts_rank(match)
    return window.annotate(rank=rank).order_by("-rank", "-published_at", "-pk")


def _sqlite_ranked(window, found, match_any):
    # The window's stories joined once to the FTS5 table; bm25 is lower for
    # better matches, its weights follow the columns' order.
    return window.extra(  # noqa: S610 - constants only; the words are a parameter
        select={"rank": f"bm25(articles_article_fts, {SQLITE_WEIGHTS})"},
        tables=["articles_article_fts"],
        where=[
            # "+" keeps SQLite from looking the FTS5 table up story by story
            # (a MATCH per row); the FTS5 table then leads the join.
            "articles_article.id = +articles_article_fts.rowid",
            "articles_article_fts MATCH %s",
        ],
        params=[_fts_query(found, match_any)],
    ).order_by("rank", "-published_at", "-pk")
