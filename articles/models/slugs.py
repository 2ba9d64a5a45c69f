"""Slugs derived from names, unique within their model."""

from django.utils.text import slugify


def unique_slug(instance, source, *, field="slug", max_length=None):
    """Return a slug for ``source`` not yet used by another row of the model.

    "rakor-pilkada" becomes "rakor-pilkada-2", "-3", ... when taken.
    """
    max_length = max_length or instance._meta.get_field(field).max_length
    base = slugify(source)[: max_length - 6].strip("-") or "berita"
    manager = type(instance)._default_manager
    others = manager.exclude(pk=instance.pk) if instance.pk else manager.all()
    candidate, n = base, 2
    while others.filter(**{field: candidate}).exists():
        candidate = f"{base}-{n}"
        n += 1
    return candidate
