"""Writes on stories outside the editorial workflow (see workflow.py for that)."""

from django.db import transaction

from .models import ArticleSlugRedirect


@transaction.atomic
def slug_redirect_record(*, article, old_slug):
    """Keep ``old_slug`` pointing at ``article`` after its address changed.

    A redirect whose old slug is now the story's own again is dropped, and an
    old slug once used by another story is re-pointed to this one.
    """
    ArticleSlugRedirect.objects.filter(old_slug=article.slug).delete()
    if old_slug and old_slug != article.slug:
        ArticleSlugRedirect.objects.update_or_create(
            old_slug=old_slug, defaults={"article": article}
        )
