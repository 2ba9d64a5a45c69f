"""When the public page cache is invalidated: after the commit, once per
transaction, and only for changes a reader could see.

- **After the commit.** A bump inside the save's transaction lets a reader
  who misses before the commit render the old rows and store them under the
  new generation, where nothing removes them. So a change only *asks* for an
  invalidation (``pages_invalidate_on_commit``); the generation is bumped by
  ``transaction.on_commit``, when the new rows are what every reader gets.
- **Once per transaction.** An admin save sends a dozen signals (the story,
  its tags, agencies, officials, photos); they all ask, and the first of
  their callbacks to run after the commit applies them all.
- **All pages, or one story's page at once and the others within seconds.**
  A change to what readers may see (a story published, scheduled,
  unpublished, taken down, restored or deleted, its address or time changed;
  a correction or a takedown; a category, agency, official, position, fixed
  page or tag changed) bumps the generation: no page cached before is served again, not
  even as a stale copy. An edit of a story that stays visible (its text,
  photos, tags, people) makes that story's own page
  unreachable at once and lets the other pages that may show it (listings,
  feeds, search, other stories' "Baca Juga") lag by at most
  ``WARTA_PAGE_CACHE_STALE_SECONDS``: each is rebuilt once, by one request,
  when it is older than that and than the edit (``caching.pages_refresh``).
  Four editors saving every few seconds so cost each page one rendering per
  few seconds instead of one per save.
- **Only what readers see.** A story counts when readers see it or will by
  the clock (published, scheduled included) or when ``/koreksi/`` names it (a
  public takedown in force), judged both before and after the save, so a
  story that stops being public invalidates too. A draft, a story in review,
  a photo only such stories use (or its renditions), tags set to what they
  were, revisions, edit
  sessions and events invalidate nothing.
"""

from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils import timezone
from taggit.models import Tag

from articles.models import (
    Agency,
    Article,
    ArticleCorrection,
    ArticlePhoto,
    ArticleSlugRedirect,
    ArticleTakedown,
    Category,
    Official,
    Page,
    PhotoSubject,
    Position,
    TaggedArticle,
)
from media_library.models import Photo, Rendition

from .caching import pages_invalidate, pages_refresh

# What every public page may show whoever wrote it: the directories, the
# footer, the category navigation, /koreksi/. A correction or a takedown is
# only ever of a public story, and rare: every page, at once.
ALWAYS_SHOWN = (
    Agency,
    Category,
    Official,
    Page,
    Position,
    ArticleCorrection,
    ArticleTakedown,
)
# Rows that belong to one story, by the field naming it: they matter when
# that story is public.
OF_A_STORY = {
    ArticlePhoto: "article_id",
    ArticleSlugRedirect: "article_id",
    TaggedArticle: "content_object_id",
}


class _Batch:
    """The changes of one transaction, merged: whichever of their callbacks
    runs first after the commit applies them all."""

    def __init__(self):
        self.done = False
        self.everything = False
        self.slugs = set()


def pages_invalidate_on_commit(using=None, *, stories=None):
    """After the current transaction commits (at once outside one), once for
    all the changes made in it: refresh the pages of ``stories`` (slugs of
    stories visible before and after) at once and the others within seconds
    (``pages_refresh``), or, without ``stories``, make every page unreachable
    (``pages_invalidate``)."""
    connection = transaction.get_connection(using)
    batch = getattr(connection, "warta_pages_batch", None)
    if batch is None or batch.done:
        batch = connection.warta_pages_batch = _Batch()
    if stories is None:
        batch.everything = True
    else:
        batch.slugs.update(stories)
    # One callback per change, not one per transaction: a savepoint rolled
    # back drops its own callbacks, and those of the changes kept must stay.
    # (What a rolled-back change merged into the batch is at worst done in
    # vain.)
    transaction.on_commit(partial(_apply, batch), using=using)


def _apply(batch):
    if batch.done:
        return
    batch.done = True
    if batch.everything:
        pages_invalidate()
    elif batch.slugs:
        pages_refresh(slugs=batch.slugs)


def _public_takedown_in_force(article_ids):
    return ArticleTakedown.objects.filter(
        article_id__in=article_ids, undone_at__isnull=True, public_notice=True
    ).exists()


def _on_pages(status, published_at, article_id):
    """How a story in this state is on public pages: ``"visible"`` (readers
    see it now), ``"other"`` (scheduled, or named by a public takedown notice
    on /koreksi/) or None."""
    if status == Article.Status.PUBLISHED:
        if isinstance(published_at, datetime) and published_at <= timezone.now():
            return "visible"
        return "other"
    if status == Article.Status.UNPUBLISHED and article_id:
        return "other" if _public_takedown_in_force([article_id]) else None
    return None


def _stories_changed(article_ids, using, *, everything=False):
    """Something of these stories changed: refresh the pages of the visible
    ones, or every page if one of them is public otherwise (or when
    ``everything``, for a change too wide to name the pages)."""
    ids = {pk for pk in article_ids if pk}
    if not ids:
        return
    visible, other, unpublished = set(), False, []
    rows = Article.objects.using(using).filter(pk__in=ids)
    for pk, status, published_at, slug in rows.values_list(
        "pk", "status", "published_at", "slug"
    ):
        state = _on_pages(status, published_at, None)
        if state == "visible":
            visible.add(slug)
        elif state == "other":
            other = True
        elif status == Article.Status.UNPUBLISHED:
            unpublished.append(pk)
    other = other or bool(unpublished and _public_takedown_in_force(unpublished))
    if other or (visible and everything):
        pages_invalidate_on_commit(using)
    elif visible:
        pages_invalidate_on_commit(using, stories=visible)


def _article_before_save(sender, instance, raw=False, using=None, **kwargs):
    """Remember how the stored story was on public pages, before the save."""
    instance._warta_before = None
    if instance.pk and not raw:
        instance._warta_before = (
            Article.objects.using(using)
            .filter(pk=instance.pk)
            .values_list("status", "published_at", "slug")
            .first()
        )


def _article_saved(sender, instance, raw=False, using=None, **kwargs):
    before = getattr(instance, "_warta_before", None)
    was = _on_pages(*before[:2], instance.pk) if before else None
    now = _on_pages(instance.status, instance.published_at, instance.pk)
    if was == now == "visible" and before[1:] == (
        instance.published_at,
        instance.slug,
    ):
        pages_invalidate_on_commit(using, stories={instance.slug})
    elif was or now:
        pages_invalidate_on_commit(using)


def _article_deleted(sender, instance, using=None, **kwargs):
    # The row is gone: judge by what it was.
    if instance.status in (Article.Status.PUBLISHED, Article.Status.UNPUBLISHED):
        pages_invalidate_on_commit(using)


def _story_row_changed(sender, instance, using=None, **kwargs):
    _stories_changed([getattr(instance, OF_A_STORY[sender])], using)


def _photo_stories(photo_id):
    return ArticlePhoto.objects.filter(photo_id=photo_id).values_list(
        "article_id", flat=True
    )


def _photo_changed(sender, instance, using=None, **kwargs):
    _stories_changed(_photo_stories(instance.pk), using)


def _photo_row_changed(sender, instance, using=None, **kwargs):
    """A person placed in a photo, or a rendition the worker made: the pages
    of the stories using the photo (a page cached before its renditions
    existed offers only the original)."""
    _stories_changed(_photo_stories(instance.photo_id), using)


def _tag_changed(sender, instance, using=None, **kwargs):
    tagged = TaggedArticle.objects.filter(tag=instance)
    stories = tagged.values_list("content_object_id", flat=True)
    _stories_changed(stories, using, everything=True)


def _always(sender, using=None, **kwargs):
    pages_invalidate_on_commit(using)


def _relation_changed(sender, instance, action, reverse, pk_set, using=None, **kw):
    """A story's tags, agencies, officials or "Baca Juga" changed: only a real
    change (taggit sends ``post_add`` even when no tag was added) of a public
    story counts."""
    if not action.startswith("post_"):
        return
    if action != "post_clear" and not pk_set:
        return
    if not reverse:
        _stories_changed([instance.pk], using)
    elif pk_set is not None:
        _stories_changed(pk_set, using)
    else:  # an agency's or official's stories cleared: which is unknown
        pages_invalidate_on_commit(using)


def _connect(receiver, model, signals=(post_save, post_delete)):
    for signal in signals:
        signal.connect(
            receiver,
            sender=model,
            dispatch_uid=f"warta-pages-{signal is post_save}-{model._meta.label_lower}",
        )


def signals_connect():
    """Invalidate on a change readers see (from ``PortalConfig.ready``)."""
    pre_save.connect(
        _article_before_save, sender=Article, dispatch_uid="warta-pages-article-pre"
    )
    _connect(_article_saved, Article, (post_save,))
    _connect(_article_deleted, Article, (post_delete,))
    for model in ALWAYS_SHOWN:
        _connect(_always, model)
    for model in OF_A_STORY:
        _connect(_story_row_changed, model)
    _connect(_photo_changed, Photo)
    _connect(_photo_row_changed, PhotoSubject)
    _connect(_photo_row_changed, Rendition)
    _connect(_tag_changed, Tag)
    for through in (
        TaggedArticle,
        Article.agencies.through,
        Article.officials.through,
        Article.related.through,
    ):
        m2m_changed.connect(
            _relation_changed,
            sender=through,
            dispatch_uid=f"warta-pages-m2m-{through._meta.label_lower}",
        )
