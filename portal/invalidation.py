"""When the public page cache is invalidated: after the commit, once per
transaction, and only for changes a reader could see.

- **After the commit.** A bump inside the save's transaction lets a reader
  who misses before the commit render the old rows and store them under the
  new generation, where nothing removes them. So a change only *asks* for an
  invalidation (``pages_invalidate_on_commit``); the generation is bumped by
  ``transaction.on_commit``, when the new rows are what every reader gets.
- **Once per transaction.** An admin save sends a dozen signals (the story,
  its tags, agencies, officials, photos); they all ask, and the first of
  their callbacks to run after the commit bumps the generation for all.
- **Only what readers see.** A story counts when readers see it or will by
  the clock (published, scheduled included) or when ``/koreksi/`` names it (a
  public takedown in force), judged both before and after the save, so a
  story that stops being public invalidates too. A draft, a story in review,
  a photo only such stories use, tags set to what they were, revisions, edit
  sessions and events invalidate nothing.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
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
from media_library.models import Photo

from .caching import pages_invalidate

# What every public page may show whoever wrote it: the directories, the
# footer, the category navigation, /koreksi/.
ALWAYS_SHOWN = (Agency, Category, Official, Page, Position, ArticleTakedown)
# Rows that belong to one story, by the field naming it: they matter when
# that story is public.
OF_A_STORY = {
    ArticleCorrection: "article_id",
    ArticlePhoto: "article_id",
    ArticleSlugRedirect: "article_id",
    TaggedArticle: "content_object_id",
}


class _Batch:
    """The changes of one transaction: whichever of their callbacks runs first
    bumps the generation for all of them."""

    done = False


def pages_invalidate_on_commit(using=None):
    """Bump the page generation once the current transaction commits (at once
    outside a transaction), once for all the changes made in it."""
    connection = transaction.get_connection(using)
    batch = getattr(connection, "warta_pages_batch", None)
    if batch is None or batch.done:
        batch = connection.warta_pages_batch = _Batch()
    # One callback per change, not one per transaction: a savepoint rolled
    # back drops its own callbacks, and those of the changes kept must stay.
    transaction.on_commit(partial(_invalidate_once, batch), using=using)


def _invalidate_once(batch):
    if not batch.done:
        batch.done = True
        pages_invalidate()


def _public_takedown_in_force(article_ids):
    return ArticleTakedown.objects.filter(
        article_id__in=article_ids, undone_at__isnull=True, public_notice=True
    ).exists()


def story_is_public(status, article_id):
    """Whether a story in ``status`` is on some public page (or will be)."""
    if status == Article.Status.PUBLISHED:
        return True
    if status == Article.Status.UNPUBLISHED and article_id:
        return _public_takedown_in_force([article_id])
    return False


def stories_are_public(article_ids):
    """Whether any of these stories is on some public page (or will be)."""
    ids = [pk for pk in article_ids if pk]
    if not ids:
        return False
    stories = Article.objects.filter(pk__in=ids)
    if stories.filter(status=Article.Status.PUBLISHED).exists():
        return True
    unpublished = stories.filter(status=Article.Status.UNPUBLISHED)
    return _public_takedown_in_force(unpublished.values("pk"))


def _photos_shown(photo_ids):
    return stories_are_public(
        ArticlePhoto.objects.filter(photo_id__in=photo_ids)
        .values_list("article_id", flat=True)
        .distinct()
    )


def _article_before_save(sender, instance, raw=False, using=None, **kwargs):
    """Remember whether the stored story was public, before the save."""
    status = None
    if instance.pk and not raw:
        status = (
            Article.objects.using(using)
            .filter(pk=instance.pk)
            .values_list("status", flat=True)
            .first()
        )
    instance._warta_was_public = story_is_public(status, instance.pk)


def _article_saved(sender, instance, raw=False, using=None, **kwargs):
    was_public = getattr(instance, "_warta_was_public", True)
    if was_public or story_is_public(instance.status, instance.pk):
        pages_invalidate_on_commit(using)


def _article_deleted(sender, instance, using=None, **kwargs):
    # The row is gone: judge by what it was.
    if instance.status in (Article.Status.PUBLISHED, Article.Status.UNPUBLISHED):
        pages_invalidate_on_commit(using)


def _story_row_changed(sender, instance, using=None, **kwargs):
    if stories_are_public([getattr(instance, OF_A_STORY[sender])]):
        pages_invalidate_on_commit(using)


def _photo_changed(sender, instance, using=None, **kwargs):
    if _photos_shown([instance.pk]):
        pages_invalidate_on_commit(using)


def _photo_subject_changed(sender, instance, using=None, **kwargs):
    if _photos_shown([instance.photo_id]):
        pages_invalidate_on_commit(using)


def _tag_changed(sender, instance, using=None, **kwargs):
    if stories_are_public(
        TaggedArticle.objects.filter(tag=instance).values_list(
            "content_object_id", flat=True
        )
    ):
        pages_invalidate_on_commit(using)


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
        stories = [instance.pk]
    elif pk_set is not None:
        stories = pk_set
    else:  # an agency's or official's stories cleared: which is unknown
        stories = None
    if stories is None or stories_are_public(stories):
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
    _connect(_photo_subject_changed, PhotoSubject)
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
