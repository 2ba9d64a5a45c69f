"""Reads for the public pages. Every story comes from ``Article.objects.visible()``.

Each selector runs a fixed number of queries whatever the number of photos,
tags, agencies or officials involved (see tests/portal/test_query_budgets.py).
"""

import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import (
    Exists,
    F,
    Lookup,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, RowNumber
from django.db.models.query import ModelIterable
from taggit.models import Tag

from articles.models import (
    Agency,
    Article,
    ArticleCorrection,
    ArticlePhoto,
    Position,
    TaggedArticle,
)
from media_library.models import renditions_attach

from . import story_rows
from .pagination import Linked


def photos_prefetch():
    """Prefetch for ``article.photos``: photo rows joined, renditions in one go."""
    return Prefetch(
        "photos",
        queryset=ArticlePhoto.objects.select_related("photo").prefetch_related(
            "photo__renditions"
        ),
    )


# Columns no list of stories shows: the body and the search index are by far
# the largest values of a row, and a list of 12 cards must not read them.
HEAVY_FIELDS = ("body", "search_vector")


def card_queryset():
    """Visible stories, newest first, with their category (photos not loaded).

    Bodies are not fetched (``HEAVY_FIELDS``); a card shows none.
    """
    return (
        Article.objects.visible()
        .defer(*HEAVY_FIELDS)
        .select_related("category")
        .order_by("-published_at", "-pk")
    )


def newest_slots(queryset, count):
    """``Q`` for the ``count`` newest rows of ``queryset``, one index probe each.

    ``pk = (SELECT ... LIMIT 1 OFFSET i)`` per slot: each is an index scan that
    stops after ``i + 1`` rows, and the slots ORed together are a bitmap of
    primary-key lookups, however large the archive (a window function or an
    ``IN`` over a sorted subquery would rank every matching story instead).
    PostgreSQL reads the same index scan once, into an array (``= ANY``).
    """
    ids = queryset.order_by("-published_at", "-pk").values("pk")
    if connection.vendor == "postgresql":
        # The same index scan, once, as an array: one subquery to build and
        # compile instead of ``count``.
        return _among(ids[:count])
    slots = Q(pk__in=[])
    for place in range(count):
        slots |= Q(pk=Subquery(ids[place : place + 1]))
    return slots


class _WithRenditionRows(ModelIterable):
    """Story photos with their photo, and each photo's renditions read as
    values (``renditions_attach``, one query for all of them)."""

    def __iter__(self):
        links = list(super().__iter__())
        renditions_attach([link.photo for link in links])
        return iter(links)


def featured_prefetch():
    """Prefetch for a card's photo: only the featured one (``featured_photos``),
    with its renditions as values; a card never shows the gallery."""
    links = ArticlePhoto.objects.filter(role=ArticlePhoto.Role.FEATURED)
    links = links.select_related("photo")
    links._iterable_class = _WithRenditionRows
    return Prefetch("photos", queryset=links, to_attr="featured_photos")


def listing_queryset():
    """Visible stories, newest first, ready to render as cards (+2 queries)."""
    return card_queryset().prefetch_related(featured_prefetch())


def photos_load(articles):
    """Load the featured photos of several lists of stories together (2
    queries)."""
    prefetch_related_objects(list(articles), featured_prefetch())


def story_for_reader(slug):
    """The visible story at ``slug`` with its category and photos, or None
    (2 queries, compiled once: ``story_rows``).

    Its tags, agencies and officials come from ``story_relations``.
    """
    return story_rows.story_for_reader(slug)


def story_with_relations(queryset):
    """Load a story's category, contributing agency and photos with it (3
    queries), and whether it has corrections (``has_corrections``)."""
    return (
        queryset.defer("search_vector")
        .select_related("category", "contributing_agency")
        .annotate(
            has_corrections=Exists(
                ArticleCorrection.objects.filter(
                    article=OuterRef("pk"), superseded_by__isnull=True
                )
            )
        )
        .prefetch_related(photos_prefetch())
    )


def category_blocks(categories, *, per_category=4, exclude=()):
    """The categories, and the newest visible stories of each (2 queries).

    Returns ``(categories, [(category, [articles])])``, the blocks only for
    categories that have stories; photos are not loaded (see
    ``photos_load``). On PostgreSQL each category's ids are an index scan
    that stops after ``per_category`` rows (``ArraySubquery``); SQLite ranks
    its small archive with a window function.
    """
    shown = card_queryset().exclude(pk__in=[a.pk for a in exclude])
    if connection.vendor == "postgresql":
        categories = list(
            categories.annotate(
                newest=ArraySubquery(
                    shown.filter(category=OuterRef("pk")).values("pk")[:per_category]
                )
            )
        )
        ids = [pk for category in categories for pk in category.newest]
        articles = shown.filter(pk__in=ids)
    else:
        categories = list(categories)
        articles = (
            shown.filter(category__isnull=False)
            .annotate(
                place=Window(
                    RowNumber(),
                    partition_by=[F("category_id")],
                    order_by=[F("published_at").desc(), F("pk").desc()],
                )
            )
            .filter(place__lte=per_category)
        )
    by_category = {}
    for article in articles:
        by_category.setdefault(article.category_id, []).append(article)
    blocks = [(c, by_category[c.pk]) for c in categories if c.pk in by_category]
    return categories, blocks


def front_page(*, latest=6):
    """The home page's headline and its ``latest`` newest other stories, in
    one query: ``(headline or None, [articles])``.

    The headline is the newest story marked as one, or else the newest story.
    """
    marked = card_queryset().filter(is_headline=True).values("pk")[:1]
    stories = list(
        card_queryset()
        .filter(Q(pk=Subquery(marked)) | newest_slots(card_queryset(), latest + 1))
        .annotate(marked=Subquery(marked))
    )
    if not stories:
        return None, []
    headline = next((a for a in stories if a.pk == a.marked), stories[0])
    return headline, [a for a in stories if a is not headline][:latest]


def official_positions(official):
    """All positions an official held, newest first, with their agencies."""
    return official.positions.select_related("agency").order_by(
        F("start_date").desc(nulls_last=True), "-pk"
    )


def agency_current_officials(agency):
    """Positions held today at ``agency``, with the officials (one query)."""
    return (
        Position.objects.current()
        .filter(agency=agency)
        .select_related("official")
        .order_by("title")
    )


def _among(ids):
    """A filter: the story's id is one of ``ids`` (a query of ids).

    On PostgreSQL the ids are gathered once into an array and each is looked
    up in ``article_visible_by_id_idx`` (``= ANY``): as many probes as ids.
    With ``IN``, an agency's ids (a ``UNION``, whose size the planner cannot
    estimate) were hash-joined with a scan of every story, and an official's
    were found by walking the newest stories, which for an official out of
    office for years means reading years of stories. A tag's ids stay
    ``IN``: the planner knows from the link table's statistics when a tag is
    so common that walking the newest stories finds a page sooner.
    """
    if connection.vendor == "postgresql":
        return _Any(F("pk"), ArraySubquery(ids))
    return Q(pk__in=ids)


class _Any(Lookup):
    """``lhs = ANY(rhs)``, ``rhs`` an array (PostgreSQL)."""

    lookup_name = "any"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


# How far back a walk through the newest stories looks (``portal.pagination``):
# a tag's, an agency's or an official's page whose stories are not among the
# newest this many is gathered instead.
WALK_WINDOW = 2000


def _walk(condition):
    """Visible stories meeting ``condition`` among the newest ``WALK_WINDOW``,
    ready to render as cards, newest first: an index scan of the newest
    stories that stops when the page is full, and never reads further back
    than the window (the whole archive when it is smaller)."""
    edge = (
        Article.objects.visible()
        .order_by("-published_at")
        .values("published_at")[WALK_WINDOW : WALK_WINDOW + 1]
    )
    return listing_queryset().filter(
        condition, published_at__gte=Coalesce(Subquery(edge), Value(_EARLIEST))
    )


_EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)


def stories_mentioning_official(official):
    """An official's stories (a ``Linked``)."""
    links = Article.officials.through.objects.filter(official=official)
    return Linked(
        gathered=listing_queryset().filter(_among(links.values("article_id"))),
        walked=_walk(Exists(links.filter(article=OuterRef("pk")))),
    )


def agency_with_children(slug):
    """The agency at ``slug`` and its active units by short name, in one
    query: ``(agency or None, [children])``."""
    rows = list(
        Agency.objects.filter(
            Q(slug=slug) | Q(parent__slug=slug, is_active=True)
        ).select_related("parent")
    )
    agency = next((row for row in rows if row.slug == slug), None)
    children = sorted(
        (row for row in rows if agency and row.parent_id == agency.pk),
        key=lambda row: row.short_name,
    )
    return agency, children


def stories_of_agency(agency):
    """Stories an agency wrote or is involved in (a ``Linked``).

    Gathered, the two sets are combined in a ``UNION`` of ids, each read
    from its own index, rather than ORed conditions that would scan every
    story. Walked, each of the newest stories is checked for either.
    Counted, the involved ones and then the ones it wrote without being
    linked: each part is an index scan that stops once enough are found,
    where the gathered ``UNION`` reads all of a large agency's ids first.
    The second part finds the ids first, from indexes alone (the agency's
    ids, then the link table), and only then looks each up in
    ``article_visible_by_id_idx``: asked as one condition, PostgreSQL read
    every story the agency wrote from the table (at 100,000 stories, an
    agency linked to 1,142 that wrote 456: the count 26 ms on a cold table,
    10.9 ms warm; this way 9.2–9.7 ms either way).
    """
    links = Article.agencies.through.objects.filter(agency=agency)
    linked = Exists(links.filter(article=OuterRef("pk")))

    def counted(most):
        visible = Article.objects.visible().order_by()
        involved = visible.filter(agencies=agency).values("pk", "published_at")
        unlinked = (
            Article.objects.filter(~linked, contributing_agency=agency)
            .order_by()
            .values("pk")
        )
        wrote = visible.filter(_among(unlinked)).values("pk", "published_at")
        if connection.vendor == "postgresql":
            # A LIMIT on each part keeps each a plain index scan: without, the
            # planner chose a parallel plan, whose workers took longer to
            # start on a busy server than the count itself.
            involved, wrote = involved[:most], wrote[:most]
        return involved.union(wrote, all=True)

    return Linked(
        gathered=listing_queryset().filter(
            _among(
                links.values("article_id").union(
                    Article.objects.filter(contributing_agency=agency)
                    .order_by()
                    .values("pk")
                )
            )
        ),
        walked=_walk(Q(contributing_agency=agency) | linked),
        counted=counted,
    )


def public_tags():
    """Tags carried by at least one visible story: only these have pages (a
    tag only drafts carry may name what the newsroom is working on)."""
    return Tag.objects.filter(
        pk__in=TaggedArticle.objects.filter(
            content_object__in=Article.objects.visible()
        ).values("tag_id")
    )


def stories_with_tag(tag):
    """A tag's stories, with ``IN``: the planner knows from the link table's
    statistics how common the tag is, and walks the newest stories for a
    common one (0.5 ms for a tag of 4,000 stories at 100,000) or gathers a
    rare one's. A ``Linked`` walk within a window was slower here (1.6 ms:
    the bounded window made the planner hash all of it)."""
    return listing_queryset().filter(
        pk__in=TaggedArticle.objects.filter(tag=tag).values("content_object_id")
    )
