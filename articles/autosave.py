"""A writer's autosave: the text they are typing, kept every few seconds as
their one ``autosave`` revision of a story, without changing the story, its
state or its version token (the story form's desk, ``admin/desk.py``)."""

from django.utils import timezone

from .models import Article, ArticleRevision
from .richtext import sanitize_html

# What an autosave keeps: the story's own text as typed, before any check.
AUTOSAVE_FIELDS = [
    "title",
    "summary",
    "dateline",
    "body",
    "event_date",
    "event_place",
    "credit_line",
]


def autosave_record(*, article, by, data):
    """Keep the text ``by`` is typing into ``article`` (``data``: the form's
    values by field name) as their one autosave; the story itself, its state
    and its version token do not change.

    Values are cut to the field's length and the body sanitized as on a save;
    NUL characters (which PostgreSQL cannot store) are dropped.
    """
    content = {}
    for name in AUTOSAVE_FIELDS:
        value = str(data.get(name, "")).replace("\x00", "")
        # A date is kept as typed (it is checked only when the story is saved).
        limit = Article._meta.get_field(name).max_length or (
            20 if name == "event_date" else None
        )
        content[name] = value[:limit]
    content["body"] = sanitize_html(content["body"])
    revision, _created = ArticleRevision.autosaves.update_or_create(
        article=article,
        author=by,
        defaults={
            "content": content,
            "kind": ArticleRevision.Kind.AUTOSAVE,
            "created_at": timezone.now(),
        },
    )
    return revision


def autosave_for(*, article, user):
    """``user``'s unsaved text for ``article`` (an autosave revision), or None."""
    if not article or not article.pk:
        return None
    return ArticleRevision.autosaves.filter(article=article, author=user).first()


def autosave_discard(*, article, user):
    """Forget ``user``'s autosave of ``article`` (saved, or refused on restore)."""
    ArticleRevision.autosaves.filter(article=article, author=user).delete()
