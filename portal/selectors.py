"""Reads for the public pages. Every story comes from ``Article.objects.visible()``.

Each selector runs a fixed number of queries whatever the number of photos,
tags, agencies or officials involved (see tests/portal/test_query_budgets.py).
"""

from django.db.models import (
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber
from taggit.models import Tag

from articles.models import (
    Agency,
    Article,
    ArticlePhoto,
    Official,
    Position,
    TaggedArticle,
)
from articles.selectors import positions_on


def photos_prefetch():
    """Prefetch for ``article.photos``: photo rows joined, renditions in one go."""
    return Prefetch(
        "photos",
        queryset=ArticlePhoto.objects.select_related("photo").prefetch_related(
            "photo__renditions"
        ),
    )


def card_queryset():
    """Visible stories, newest first, with their category (photos not loaded)."""
    return (
        Article.objects.visible()
        .select_related("category")
        .order_by("-published_at", "-pk")
    )


def listing_queryset():
    """Visible stories, newest first, ready to render as cards (+2 queries)."""
    return card_queryset().prefetch_related(photos_prefetch())


def photos_load(articles):
    """Load the photos of several lists of stories together (2 queries)."""
    prefetch_related_objects(list(articles), photos_prefetch())


def story_for_reader(slug):
    """The visible story at ``slug`` with everything its page shows, or None."""
    return story_with_relations(Article.objects.visible().filter(slug=slug)).first()


def story_with_relations(queryset):
    """Load a story's category, agencies, tags, officials and photos with it."""
    return queryset.select_related("category", "contributing_agency").prefetch_related(
        photos_prefetch(),
        "tags",
        Prefetch("agencies", queryset=Agency.objects.order_by("short_name")),
        Prefetch("officials", queryset=Official.objects.order_by("name")),
    )


def story_officials(article):
    """[(official, position held on the story's date)] in one query."""
    officials = list(article.officials.all())
    positions = positions_on([o.pk for o in officials], article.reference_date)
    return [(official, positions.get(official.pk)) for official in officials]


def related_stories(article, *, limit=5):
    """ "Baca Juga": the editor's picks first, then stories sharing a tag,
    agency or official; never the story itself, only visible ones (1 query).
    """
    through = Article.related.through
    picks = through.objects.filter(from_article_id=article.pk).values("to_article_id")
    tag_ids = [tag.pk for tag in article.tags.all()]
    agency_ids = [agency.pk for agency in article.agencies.all()]
    official_ids = [official.pk for official in article.officials.all()]
    shared = Q(pk__in=picks)
    if tag_ids:
        shared |= Q(
            pk__in=TaggedArticle.objects.filter(tag_id__in=tag_ids).values(
                "content_object_id"
            )
        )
    if agency_ids:
        shared |= Q(
            pk__in=Article.agencies.through.objects.filter(
                agency_id__in=agency_ids
            ).values("article_id")
        )
    if official_ids:
        shared |= Q(
            pk__in=Article.officials.through.objects.filter(
                official_id__in=official_ids
            ).values("article_id")
        )
    return (
        Article.objects.visible()
        .filter(shared)
        .exclude(pk=article.pk)
        .annotate(
            is_pick=Exists(
                through.objects.filter(
                    from_article_id=article.pk, to_article_id=OuterRef("pk")
                )
            )
        )
        .select_related("category")
        .order_by("-is_pick", "-published_at", "-pk")[:limit]
    )


def category_blocks(categories, *, per_category=4, exclude=()):
    """The newest visible stories of each category, in one query.

    Returns [(category, [articles])] for categories that have any; photos are
    not loaded (see ``photos_load``).
    """
    ranked = (
        card_queryset()
        .exclude(pk__in=[a.pk for a in exclude])
        .filter(category__isnull=False)
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
    for article in ranked:
        by_category.setdefault(article.category_id, []).append(article)
    return [(c, by_category[c.pk]) for c in categories if c.pk in by_category]


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


def stories_mentioning_official(official):
    return listing_queryset().filter(
        pk__in=Article.officials.through.objects.filter(official=official).values(
            "article_id"
        )
    )


def stories_of_agency(agency):
    """Stories an agency wrote or is involved in."""
    return listing_queryset().filter(
        Q(contributing_agency=agency)
        | Q(
            pk__in=Article.agencies.through.objects.filter(agency=agency).values(
                "article_id"
            )
        )
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
    return listing_queryset().filter(
        pk__in=TaggedArticle.objects.filter(tag=tag).values("content_object_id")
    )
