"""Full-text search of visible stories, one interface for both databases.

PostgreSQL: the stored ``search_vector`` (kept by a trigger, GIN-indexed, see
migration 0004) is matched with ``plainto_tsquery('indonesian', ...)``, so
"pengamanan" and "mengamankan" both find stories about *aman*; results are
ranked with ``ts_rank`` (title A > summary B > body C) and snippets come from
``ts_headline``.

SQLite: an FTS5 table kept by triggers, matched term by term as prefixes
(``"pilkada"*``) and ranked with bm25 weighted the same way. It does not stem
Indonesian affixes; it is the fallback for the embedded default.

Input is bounded before it reaches the database: at most ``MAX_QUERY_CHARS``
characters, only word characters, at most ``MAX_TERMS`` terms. Nothing the
reader types is passed to a query parser as syntax.
"""

import datetime
import html
import json
import re
from dataclasses import dataclass

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Agency, Article, Category

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
# Only the newest RANK_WINDOW matches are ranked by relevance and paged
# through: ranking reads every candidate's search index, so a word found in
# most of the archive ("kobar") would otherwise cost the whole archive. A
# search matching more shows the best of the newest and an estimated total.
RANK_WINDOW = 200
# Above this many (estimated) matches a word is common enough that its newest
# matches are found by walking the stories newest first (see ``_newest``).
DENSE_MATCHES = 20_000
CONFIG = "indonesian"
SNIPPET_WORDS = 30
# Characters that cannot occur in stored text; ts_headline wraps matches in
# them, and they are turned into <mark> only after the text is escaped.
_START, _STOP = "\x02", "\x03"
_TERM = re.compile(r"\w+", re.UNICODE)
_TERM_SPLIT = re.compile(r"(\w+)", re.UNICODE)


def query_terms(raw):
    """The words of a reader's query, bounded in length and number."""
    return _TERM.findall((raw or "")[:MAX_QUERY_CHARS].lower())[:MAX_TERMS]


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


def article_search(query, filters=None):
    """Visible stories matching ``query``, best match first.

    Returns a lazy QuerySet (so it can be paginated) or an empty one when the
    query has no words. Only the newest ``RANK_WINDOW`` matches are in it
    (``matches_estimate`` tells about how many there are in all). Pass the
    page's items to ``snippets_add``.
    """
    terms = query_terms(query)
    matches = _matches(terms, filters)
    if not terms:
        return matches
    window = Article.objects.filter(pk__in=_newest(matches)).select_related("category")
    if connection.vendor == "postgresql":
        return _postgres_ranked(window, terms)
    return _sqlite_ranked(window, terms)


def _newest(matches):
    """The ids of the newest ``RANK_WINDOW`` of ``matches``.

    Where matches are dense (a common word), walking the stories newest
    first finds them soonest. Where they are few, PostgreSQL would still walk
    (it does not count the cost of reading each story's search vector, kept
    out of line): there they are read from the GIN index and then sorted,
    behind an ``OFFSET 0`` the planner cannot see through.
    """
    newest = matches.order_by("-published_at", "-pk").values("pk")[:RANK_WINDOW]
    if connection.vendor != "postgresql" or _planned_rows(matches) > DENSE_MATCHES:
        return newest
    sql, params = (
        matches.order_by()
        .values(match_id=F("pk"), match_at=F("published_at"))
        .query.sql_with_params()
    )
    # The inner SQL is the ORM's, with its parameters kept apart.
    return RawSQL(  # noqa: S611
        f"SELECT match_id FROM ({sql} OFFSET 0) matched "  # noqa: S608
        "ORDER BY match_at DESC, match_id DESC LIMIT %s",
        (*params, RANK_WINDOW),
    )


def _planned_rows(queryset):
    """PostgreSQL's estimate of the rows ``queryset`` returns (no count)."""
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def matches_estimate(query, filters=None):
    """About how many stories match, for a search whose window is full.

    The planner's estimate on PostgreSQL, rounded to two significant figures
    (counting tens of thousands of matches would cost more than the search);
    a count on SQLite, whose archives are small.
    """
    matches = _matches(query_terms(query), filters)
    if connection.vendor != "postgresql":
        return matches.count()
    rows = max(_planned_rows(matches), RANK_WINDOW)
    return int(float(f"{rows:.2g}"))


def _matches(terms, filters):
    """Visible stories containing ``terms`` (none without terms), unranked."""
    queryset = Article.objects.visible()
    if filters:
        queryset = filters.apply(queryset)
    if not terms:
        return queryset.none()
    if connection.vendor == "postgresql":
        return queryset.filter(search_vector=_tsquery(terms))
    return queryset.filter(
        pk__in=RawSQL(
            "SELECT rowid FROM articles_article_fts "
            "WHERE articles_article_fts MATCH %s",
            [_fts_match(terms)],
        )
    )


def _tsquery(terms):
    return SearchQuery(" ".join(terms), config=CONFIG, search_type="plain")


def _fts_match(terms):
    # Each term quoted (so FTS5 syntax in it is inert) and matched as a prefix.
    return " ".join(f'"{term}"*' for term in terms)


def _postgres_ranked(window, terms):
    tsquery = _tsquery(terms)
    return (
        window.defer("body", "search_vector")
        .annotate(
            rank=SearchRank(F("search_vector"), tsquery),
            headline=SearchHeadline(
                "body",
                tsquery,
                config=CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=SNIPPET_WORDS,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-published_at", "-pk")
    )


def _sqlite_ranked(window, terms):
    rank = RawSQL(
        "SELECT bm25(articles_article_fts, 10.0, 4.0, 1.0) FROM articles_article_fts "
        "WHERE articles_article_fts MATCH %s "
        "AND articles_article_fts.rowid = articles_article.id",
        [_fts_match(terms)],
    )
    # bm25 is lower for better matches. The body stays: the snippet is cut
    # from it in Python.
    return (
        window.defer("search_vector")
        .annotate(rank=rank)
        .order_by("rank", "-published_at", "-pk")
    )


def snippets_add(articles, query):
    """Set ``article.snippet`` (safe HTML with ``<mark>``) on each result."""
    terms = query_terms(query)
    for article in articles:
        headline = getattr(article, "headline", None)
        if headline is not None:
            article.snippet = _marked(headline) or escape(article.summary)
        else:
            article.snippet = _python_snippet(article.body, terms) or escape(
                article.summary
            )
    return articles


def _plain(fragment):
    return " ".join(html.unescape(strip_tags(fragment)).split())


def _marked(headline):
    """Escape a ts_headline result, then turn its sentinels into <mark>."""
    text = str(escape(_plain(headline)))
    text = text.replace(_START, "<mark>").replace(_STOP, "</mark>")
    # Unbalanced sentinels (a fragment cut inside a match) are closed here.
    text += "</mark>" * (text.count("<mark>") - text.count("</mark>"))
    return mark_safe(text)  # noqa: S308 - built from escaped text only


def _python_snippet(body, terms):
    """A ~30-word window of the plain body around the first match, marked."""
    words = _plain(body).split()
    if not words:
        return SafeString("")
    lowered = [w.lower() for w in words]
    first = next((i for i, w in enumerate(lowered) if any(t in w for t in terms)), 0)
    start = max(0, first - 8)
    window = words[start : start + SNIPPET_WORDS]
    out = []
    for word in window:
        # Mark the word itself, not the punctuation stuck to it.
        out.append(
            "".join(
                f"<mark>{escape(part)}</mark>"
                if part and any(t in part.lower() for t in terms)
                else str(escape(part))
                for part in _TERM_SPLIT.split(word)
            )
        )
    text = " ".join(out)
    if start > 0:
        text = "… " + text
    if start + SNIPPET_WORDS < len(words):
        text += " …"
    return mark_safe(text)  # noqa: S308 - built from escaped words only


# Dates outside these bounds overflow when turned into times at either end of
# the calendar; such a filter is ignored like any other bad value.
DATE_BOUNDS = [
    MinValueValidator(datetime.date(1900, 1, 1)),
    MaxValueValidator(datetime.date(9000, 12, 31)),
]


class SearchForm(forms.Form):
    """The search page's query and filters; bad filter values are ignored."""

    q = forms.CharField(label=_("Kata kunci"), required=False)
    kategori = forms.ModelChoiceField(
        label=_("Rubrik"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua rubrik"),
    )
    instansi = forms.ModelChoiceField(
        label=_("Instansi"),
        queryset=Agency.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua instansi"),
    )
    dari = forms.DateField(
        label=_("Dari tanggal"),
        required=False,
        validators=DATE_BOUNDS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sampai = forms.DateField(
        label=_("Sampai tanggal"),
        required=False,
        validators=DATE_BOUNDS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_q(self):
        # Truncated rather than rejected: a pasted paragraph still searches.
        return (self.cleaned_data.get("q") or "")[:MAX_QUERY_CHARS].strip()

    def search(self):
        """(query, QuerySet) for this form's data, whatever was typed."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        query = data.get("q", "")
        self.filters = SearchFilters(
            category=data.get("kategori"),
            agency=data.get("instansi"),
            date_from=data.get("dari"),
            date_to=data.get("sampai"),
        )
        return query, article_search(query, self.filters)

    def estimate(self, query, count):
        """About how many stories match when the ranked window is full (after
        ``search``, ``count`` results), else None; see ``matches_estimate``."""
        if not query or count < RANK_WINDOW:
            return None
        return matches_estimate(query, self.filters)
