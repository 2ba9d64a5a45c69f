"""A realistic newsroom at any size, for benchmarks and load tests.

``newsroom_generate`` fills an empty database with rubrics, about sixty
agencies, about three hundred officials with dated positions and handovers,
a few thousand tags with a long tail, a pool of real processed photos with
the people in them, and ``stories`` stories over several years (most
published; some drafts, in review, scheduled or taken down), with tags,
officials, agencies, photos, "Baca Juga", publish events, revisions for some
and the fingerprints Warta records for published stories. The same ``seed``
and ``until`` give the same content. Used by ``manage.py generate_newsroom``.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from taggit.models import Tag

from .. import fingerprints, revisions
from ..models import (
    Agency,
    AgencyMembership,
    Article,
    ArticleCorrection,
    ArticleFingerprint,
    ArticleRevision,
    Category,
    Official,
)
from .photos import POOL_SIZE, photo_pool_create, photo_pool_store
from .stories import stories_create
from .world import USER_PREFIX, world_create

# Models a generated newsroom fills: if any has a row, the database is not empty.
FILLED = [Article, Category, Agency, Official, Tag]
REVISED_SHARE = 0.05


def newsroom_is_empty():
    return not any(model.objects.exists() for model in FILLED)


def newsroom_flush():
    """Delete stories, tags, officials, agencies, rubrics and generated users.

    The photo library is kept: the generated pool is found again by checksum.
    """
    ArticleCorrection.objects.filter(supersedes__isnull=False).delete()
    Article.objects.all().delete()
    Tag.objects.all().delete()
    Official.objects.all().delete()
    AgencyMembership.objects.all().delete()
    get_user_model().objects.filter(username__startswith=USER_PREFIX).delete()
    Agency.objects.filter(parent__isnull=False).delete()
    Agency.objects.all().delete()
    Category.objects.all().delete()


def span_days(stories):
    """Several years of news at 5-30 stories a day: two years at the least,
    ten at the most."""
    return int(min(3650, max(730, stories / 27)))


def newsroom_generate(
    *, stories, seed=1, until=None, photos=POOL_SIZE, batch=1000, report=None
):
    """Fill the (empty) database; return a dict of what was inserted."""
    rng = random.Random(seed)
    until = until or datetime.datetime.now(datetime.UTC)
    since = until - datetime.timedelta(days=span_days(stories))
    pool = photo_pool_store(photos)  # files first: not undone by a rollback below
    with transaction.atomic():
        world = world_create(rng, since=since.date(), until=until.date())
        photos = photo_pool_create(rng, photos=pool, officials=_officials(world))
        progress = stories_create(
            rng, world, photos, count=stories, since=since, until=until,
            batch=batch, report=report,
        )  # fmt: skip
        progress.add("revisions", revisions_create(rng))
        progress.add("fingerprints", fingerprints_create())
    return progress


def _officials(world):
    return list(Official.objects.filter(positions__isnull=False).distinct())


def revisions_create(rng):
    """A revision (the story as saved) for some stories, and for some of
    those an earlier one with another title, so history and comparison have
    something to show."""
    ids = list(Article.objects.values_list("pk", flat=True).order_by("pk"))
    chosen = [pk for pk in ids if rng.random() < REVISED_SHARE]
    rows = []
    stories = Article.objects.filter(pk__in=chosen).select_related("category")
    for article in stories.iterator(chunk_size=500):
        content = revisions.snapshot(article)
        author = article.author_id
        if rng.random() < 0.4:
            earlier = {**content, "title": content["title"] + " (draf)"}
            rows.append(ArticleRevision(article=article, author_id=author,
                                        content=earlier, note="draf"))  # fmt: skip
        rows.append(ArticleRevision(article=article, author_id=author, content=content))
    ArticleRevision.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def fingerprints_create():
    """The fingerprint of every published story, computed as Warta computes
    it (``fingerprints.fingerprint``), so ``verify_content`` finds no change."""
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    rows = []
    for pk in list(published.values_list("pk", flat=True).order_by("pk")):
        rows.append(
            ArticleFingerprint(
                article_id=pk,
                digest=fingerprints.fingerprint(pk),
                reason="generate_newsroom",
            )
        )
        if len(rows) >= 2000:
            ArticleFingerprint.objects.bulk_create(rows)
            rows = []
    ArticleFingerprint.objects.bulk_create(rows)
    return published.count()
