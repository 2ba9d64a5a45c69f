"""A story's relations for its page: its tags, agencies and officials with
their positions (``story_relations``), and "Baca Juga" (``related_stories``).
One query each, whatever their number or the size of the archive.
"""

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
from django.utils import timezone
from taggit.models import Tag

from articles.models import Agency, Article, Official, Position, TaggedArticle

from .statements import compiled_cursor, compiled_once, converters

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
    sql, params = compiled_once(
        None,
        _relations_query,
        {"article_pk": article.pk, "day": article.reference_date},
    )
    found = {_TAG: [], _AGENCY: [], _OFFICIAL: []}
    with compiled_cursor() as cursor:
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


def _newest_links(links, key, ids, column, limit):
    """The ``limit`` highest story ids (``column``) of the rows of ``links``
    (a link table) whose ``key`` is one of ``ids``, read from its
    ``(key, story)`` index alone; None when there are no ids.

    Ids grow with time, so these are the newest linked stories, found without
    walking the story table: a tag carried by two stories costs as little as
    one carried by ten thousand. Each id's newest are read on their own and
    the newest ``limit`` of them kept (a row per link, as one ``IN`` would
    give): with ``key IN (...)`` the order cannot come from the index, and
    PostgreSQL walked the story ids backwards hoping to meet the ids soon
    (160,000 rows, 14 ms, for two officials whose stories were old). SQLite
    cannot order or slice inside a UNION; there it is every id, which its
    small archives afford.
    """
    if not ids:
        return None
    if not connection.features.supports_slicing_ordering_in_compound:
        return links.filter(**{f"{key}__in": ids}).order_by().values(column)
    each = [
        links.filter(**{key: pk}).order_by(f"-{column}").values(column)[:limit]
        for pk in ids
    ]
    if len(each) == 1:
        return each[0]
    return each[0].union(*each[1:], all=True).order_by(f"-{column}")[:limit]


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
    tag_ids = _padded([tag.pk for tag in tags], 4)
    agency_ids = _padded([agency.pk for agency in agencies], 2)
    official_ids = _padded([official.pk for official in officials], 4)
    sql, params = compiled_once(
        (len(tag_ids), len(agency_ids), len(official_ids)),
        _related_query,
        {
            "article_pk": article.pk,
            "tag_ids": tag_ids,
            "agency_ids": agency_ids,
            "official_ids": official_ids,
            "now": timezone.now(),
        },
        limit=limit,
    )
    with compiled_cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    convert = converters(Article._meta.get_field("published_at"))
    # The page shows a link, a title and a date: three columns, no models.
    return [
        {"url": _story_url(slug), "title": title, "published_at": convert(published)}
        for slug, title, published in rows[:limit]
    ]


def _padded(ids, least):
    """``ids`` padded with 0 (no row has it) to ``least`` or the next power of
    two above: each count of tags, agencies and officials was a statement of
    its own, compiled and then planned by PostgreSQL the first time a worker
    met it (a few ms); most stories now share one shape, and a padded
    probe finds nothing at the cost of an index lookup."""
    size = least
    while size < len(ids):
        size *= 2
    return ids + [0] * (size - len(ids))


def _related_query(article_pk, tag_ids, agency_ids, official_ids, now, limit):
    """``related_stories``' query: ``(slug, title, published_at)`` rows."""
    through = Article.related.through
    picks = through.objects.filter(from_article_id=article_pk).values("to_article_id")
    candidates = limit * 4  # some may be drafts or the story itself
    linked = [
        _newest_links(
            TaggedArticle.objects, "tag_id", tag_ids, "content_object_id", candidates
        ),
        _newest_links(
            Article.agencies.through.objects,
            "agency_id",
            agency_ids,
            "article_id",
            candidates,
        ),
        _newest_links(
            Article.officials.through.objects,
            "official_id",
            official_ids,
            "article_id",
            candidates,
        ),
    ]
    return (
        Article.objects.visible(at=now)
        .exclude(pk=article_pk)
        .filter(pk__in=picks.union(*(ids for ids in linked if ids is not None)))
        .annotate(
            is_pick=Exists(
                through.objects.filter(
                    from_article_id=article_pk, to_article_id=OuterRef("pk")
                )
            )
        )
        .order_by("-is_pick", "-published_at", "-pk")
        .values_list("slug", "title", "published_at")[:limit]
    )


def _story_url(slug):
    return Article(slug=slug).get_absolute_url()
