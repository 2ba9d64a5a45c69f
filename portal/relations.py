"""A story's relations for its page: its tags, agencies and officials with
their positions (``story_relations``), and "Baca Juga" (``related_stories``).
One query each, whatever their number or the size of the archive.
"""

import datetime
import json

from django.db import connection
from django.db.models import (
    CharField,
    Exists,
    F,
    IntegerField,
    JSONField,
    OuterRef,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, JSONObject
from taggit.models import Tag

from articles.models import Agency, Article, Official, Position, TaggedArticle

# The columns of ``story_relations``' one query: a tag, an agency and an
# official each fill what they have, the rest stays empty. An official's
# position on the story's date is one JSON object (one subquery, not one per
# column: building and compiling seven cost more than running the query).
_RELATION_COLUMNS = (
    "r_kind",
    "r_id",
    "r_name",
    "r_slug",
    "r_short",
    "r_website",
    "r_position",
)
_TAG, _AGENCY, _OFFICIAL = 0, 1, 2


# Built once: expressions are copied when a query resolves them, and building
# their fields anew for every page cost more than the query's SQL.
_EMPTY_TEXT = Value("", output_field=CharField())
_DEFAULTS = {
    **dict.fromkeys(_RELATION_COLUMNS, _EMPTY_TEXT),
    "r_id": F("pk"),
    # Typed: PostgreSQL makes a bare NULL column text in a UNION.
    "r_position": Cast(Value(None), JSONField()),
}
_KINDS = {
    kind: Value(kind, output_field=IntegerField())
    for kind in (_TAG, _AGENCY, _OFFICIAL)
}


def _relation_rows(queryset, kind, **columns):
    values = {**_DEFAULTS, "r_kind": _KINDS[kind], **columns}
    return (
        queryset.order_by()
        .annotate(**{name: values[name] for name in _RELATION_COLUMNS})
        .values_list(*_RELATION_COLUMNS)
    )


def story_relations(article):
    """A story's tags, agencies, and officials with the position each held on
    the story's date, in one query.

    Returns ``(tags, agencies, [(official, position or None)])``; tags by
    name, agencies by short name, officials by name. One ``UNION ALL`` keeps
    the story page within its query budget however many there are.
    """
    sql, params = _relations_statement(article.pk, article.reference_date)
    found = {_TAG: [], _AGENCY: [], _OFFICIAL: []}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            found[row[0]].append(_relation(*row))
    return (
        sorted(found[_TAG], key=lambda tag: tag.name),
        sorted(found[_AGENCY], key=lambda agency: agency.short_name),
        sorted(found[_OFFICIAL], key=lambda pair: pair[0].name),
    )


def _relations_query(article_pk, day):
    """``story_relations``' query: the story's tags, agencies and officials,
    each official with the position held on ``day``, as one ``UNION ALL``."""
    held = (
        Position.objects.held_on(day)
        .filter(official=OuterRef("pk"))
        .values(
            position=JSONObject(
                title="title",
                short_title="short_title",
                agency_id="agency_id",
                agency_name="agency__name",
                agency_short="agency__short_name",
                agency_slug="agency__slug",
                agency_website="agency__website",
            )
        )[:1]
    )
    tags = _relation_rows(
        Tag.objects.filter(
            pk__in=TaggedArticle.objects.filter(content_object_id=article_pk).values(
                "tag_id"
            )
        ),
        _TAG,
        r_name=F("name"),
        r_slug=F("slug"),
    )
    agencies = _relation_rows(
        Agency.objects.filter(articles=article_pk),
        _AGENCY,
        r_name=F("name"),
        r_slug=F("slug"),
        r_short=F("short_name"),
        r_website=F("website"),
    )
    officials = _relation_rows(
        Official.objects.filter(articles=article_pk),
        _OFFICIAL,
        r_name=F("name"),
        r_slug=F("slug"),
        r_short=F("rank"),
        r_position=Subquery(held, output_field=JSONField()),
    )
    return tags.union(agencies, officials, all=True)


# ``_relations_query`` compiled once per database with these stand-ins for
# the story's id and date; a page puts its own in their places. The query's
# shape never changes, and building and compiling it (three annotated
# querysets, a subquery, a UNION) cost twice what PostgreSQL takes to run it.
_PK_MARK = -987_654_321
_DAY_MARK = datetime.date(1901, 2, 3)
_STATEMENTS = {}


def _relations_statement(article_pk, day):
    """``(sql, params)`` of ``_relations_query(article_pk, day)``."""
    key = (connection.alias, connection.vendor)
    statement = _STATEMENTS.get(key)
    if statement is None:
        query = _relations_query(_PK_MARK, _DAY_MARK).query
        sql, params = query.get_compiler(connection=connection).as_sql()
        day_mark = connection.ops.adapt_datefield_value(_DAY_MARK)
        pk_places = [i for i, value in enumerate(params) if value == _PK_MARK]
        day_places = [i for i, value in enumerate(params) if value == day_mark]
        if not pk_places or not day_places:  # pragma: no cover - a new shape
            raise RuntimeError("story_relations: the stand-ins are not parameters")
        statement = _STATEMENTS[key] = (sql, tuple(params), pk_places, day_places)
    sql, params, pk_places, day_places = statement
    params = list(params)
    for place in pk_places:
        params[place] = article_pk
    day = connection.ops.adapt_datefield_value(day)
    for place in day_places:
        params[place] = day
    return sql, params


def _relation(kind, pk, name, slug, short, website, position):
    if kind == _TAG:
        return Tag(pk=pk, name=name, slug=slug)
    if kind == _AGENCY:
        return Agency(pk=pk, name=name, slug=slug, short_name=short, website=website)
    official = Official(pk=pk, name=name, slug=slug, rank=short)
    if position is None:
        return official, None
    if isinstance(position, str):  # SQLite hands a subquery's JSON over as text
        position = json.loads(position)
    held = Position(
        official=official,
        title=position["title"],
        short_title=position["short_title"] or "",
        agency=Agency(
            pk=position["agency_id"],
            name=position["agency_name"],
            short_name=position["agency_short"],
            slug=position["agency_slug"],
            website=position["agency_website"] or "",
        ),
    )
    return official, held


def _newest_links(links, column, limit):
    """The ``limit`` highest story ids in ``links`` (a link table filtered to
    the story's tags, agencies or officials), read from its index alone.

    Ids grow with time, so these are the newest linked stories, found without
    walking the story table: a tag carried by two stories costs as little as
    one carried by ten thousand. SQLite cannot order or slice inside a
    UNION; there it is every id, which its small archives afford.
    """
    ids = links.order_by().values(column)
    if connection.features.supports_slicing_ordering_in_compound:
        return ids.order_by(f"-{column}")[:limit]
    return ids


def related_stories(article, *, tags, agencies, officials, limit=5):
    """ "Baca Juga": the editor's picks first, then the newest stories sharing
    one of ``tags``, ``agencies`` or ``officials`` (the story's own, from
    ``story_relations``); never the story itself, only visible ones (1 query).
    Each is ``{"url", "title", "published_at"}``.

    Each kind of link contributes only its newest few candidates
    (``_newest_links``), so the query costs the same however many stories
    share a link. The ids are given as values, so that the planner knows a
    rare tag from a common one.
    """
    through = Article.related.through
    picks = through.objects.filter(from_article_id=article.pk).values("to_article_id")
    candidates = limit * 4  # some may be drafts or the story itself
    tag_ids = [tag.pk for tag in tags]
    agency_ids = [agency.pk for agency in agencies]
    official_ids = [official.pk for official in officials]
    linked = [
        _newest_links(
            TaggedArticle.objects.filter(tag_id__in=tag_ids),
            "content_object_id",
            candidates,
        ),
        _newest_links(
            Article.agencies.through.objects.filter(agency_id__in=agency_ids),
            "article_id",
            candidates,
        ),
        _newest_links(
            Article.officials.through.objects.filter(official_id__in=official_ids),
            "article_id",
            candidates,
        ),
    ]
    rows = (
        Article.objects.visible()
        .exclude(pk=article.pk)
        .filter(pk__in=picks.union(*linked))
        .annotate(
            is_pick=Exists(
                through.objects.filter(
                    from_article_id=article.pk, to_article_id=OuterRef("pk")
                )
            )
        )
        .order_by("-is_pick", "-published_at", "-pk")
        .values_list("slug", "title", "published_at")[:limit]
    )
    # The page shows a link, a title and a date: three columns, no models.
    return [
        {"url": _story_url(slug), "title": title, "published_at": published_at}
        for slug, title, published_at in rows
    ]


def _story_url(slug):
    return Article(slug=slug).get_absolute_url()
