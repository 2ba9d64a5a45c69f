"""The story page's story, read as rows from statements compiled once.

``story_for_reader`` reads a visible story with its category, contributing
agency and whether it has corrections in one statement, and its photos with
their renditions in a second. Both are compiled once per database
(``statements.compiled_once``) and their rows made into the models the ORM
would make (``Model.from_db``), with the caches ``select_related`` and
``prefetch_related`` would fill; the renditions into each photo's
``rendition_rows``, as values (``media_library.models.renditions_attach``).
Building the querysets, compiling them and running the prefetch machinery
cost several times what PostgreSQL takes to answer them; making a model of
each rendition and converting each photo's times once per rendition row cost
a third of the page (26.2 → 18.6 million instructions per page, callgrind).
"""

from django.db import connection
from django.db.models import Exists, OuterRef
from django.utils import timezone

from articles.models import Agency, Article, ArticleCorrection, ArticlePhoto, Category
from media_library.models import Photo, RenditionRow

from .statements import compiled_cursor, compiled_once, converters


def _columns(model, prefix="", skip=()):
    """``(field, lookup)`` of each concrete field of ``model`` read."""
    return [
        (field, prefix + field.attname)
        for field in model._meta.concrete_fields
        if field.attname not in skip
    ]


# The search index is the story's largest value and no page shows it.
_ARTICLE = _columns(Article, skip={"search_vector"})
_CATEGORY = _columns(Category, "category__")
_AGENCY = _columns(Agency, "contributing_agency__")
_LINK = _columns(ArticlePhoto)
# A photo's columns come once per rendition (a dozen rows a photo): those no
# page shows are left unread (deferred), the times above all, which Django
# converts in Python.
PHOTO_UNREAD = {"checksum", "uploaded_by_id", "created_at", "updated_at"}
_PHOTO = _columns(Photo, "photo__", skip=PHOTO_UNREAD)
# A rendition is read as values (``RenditionRow``), as listings read them.
_RENDITION = ["file", "width", "height", "format"]


def _story_query(slug, now):
    """The visible story at ``slug``: its columns, its category's, its
    contributing agency's (empty when it has none) and ``has_corrections``."""
    return (
        Article.objects.visible(at=now)
        .filter(slug=slug)
        .annotate(
            has_corrections=Exists(
                ArticleCorrection.objects.filter(
                    article=OuterRef("pk"), superseded_by__isnull=True
                )
            )
        )
        .order_by()
        .values_list(
            *(lookup for _field, lookup in _ARTICLE + _CATEGORY + _AGENCY),
            "has_corrections",
        )
    )


def _photos_query(article_pk):
    """The story's photos in their order, one row per rendition (one with
    empty rendition columns for a photo that has none yet)."""
    return (
        ArticlePhoto.objects.filter(article_id=article_pk)
        .order_by(
            "order", "pk", "photo__renditions__format", "photo__renditions__width"
        )
        .values_list(
            *(lookup for _field, lookup in _LINK + _PHOTO),
            *(f"photo__renditions__{name}" for name in _RENDITION),
        )
    )


class _Reader:
    """Makes models of one model's columns in a row, as the ORM does: the
    database's values converted (SQLite gives dates as text), then
    ``from_db``. ``start`` is where its columns begin in the row."""

    def __init__(self, model, columns, start):
        self.model, self.start, self.stop = model, start, start + len(columns)
        self.names = [field.attname for field, _lookup in columns]
        self.fields = [field for field, _lookup in columns]
        self.steps = {}

    def __call__(self, row):
        values = list(row[self.start : self.stop])
        steps = self.steps.get(connection.alias)
        if steps is None:
            steps = self.steps[connection.alias] = [
                (place, converters(field))
                for place, field in enumerate(self.fields)
                if converters(field).steps
            ]
        for place, convert in steps:
            values[place] = convert(values[place])
        return self.model.from_db(connection.alias, self.names, values)


_read_article = _Reader(Article, _ARTICLE, 0)
_read_category = _Reader(Category, _CATEGORY, _read_article.stop)
_read_agency = _Reader(Agency, _AGENCY, _read_category.stop)
_read_link = _Reader(ArticlePhoto, _LINK, 0)
_read_photo = _Reader(Photo, _PHOTO, _read_link.stop)


def story_for_reader(slug):
    """The visible story at ``slug`` with its category, contributing agency
    and photos (2 queries), and ``has_corrections``; None when there is none.
    """
    sql, params = compiled_once(
        None, _story_query, {"slug": slug, "now": timezone.now()}
    )
    with compiled_cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    article = _read_article(row)
    category = _read_category(row) if row[_read_category.start] is not None else None
    agency = _read_agency(row) if row[_read_agency.start] is not None else None
    _cache(article, "category", category)
    _cache(article, "contributing_agency", agency)
    article.has_corrections = bool(row[-1])
    _photos_attach(article)
    return article


def _photos_attach(article):
    """Read the story's photos (1 query) into the cache
    ``prefetch_related("photos__photo")`` fills, and their renditions into
    each photo's ``rendition_rows``, as ``renditions_attach`` does."""
    sql, params = compiled_once(None, _photos_query, {"article_pk": article.pk})
    with compiled_cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    links = []
    rendition = _read_photo.stop
    for row in rows:
        if not links or links[-1].pk != row[0]:
            link, photo = _read_link(row), _read_photo(row)
            _cache(link, "article", article)
            _cache(link, "photo", photo)
            photo.rendition_rows = []
            links.append(link)
        if row[rendition] is not None:
            links[-1].photo.rendition_rows.append(RenditionRow(*row[rendition:]))
    article._prefetched_objects_cache = {"photos": _evaluated(article.photos, links)}


def _cache(instance, name, value):
    """Store ``value`` as ``instance.<name>``, as ``select_related`` does."""
    instance._meta.get_field(name).set_cached_value(instance, value)


def _evaluated(manager, objects):
    """What ``prefetch_related`` stores for a manager: its queryset (so that a
    later ``.filter()`` stays within the relation), already evaluated."""
    queryset = manager.get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    return queryset
