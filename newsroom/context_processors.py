"""Site-wide template context."""

from django.conf import settings
from django.db.models import F, IntegerField, Value
from django.utils.functional import SimpleLazyObject


def _navigation_query():
    """The categories and the footer pages as one UNION, each in its order."""
    from articles.models import Category, Page

    def rows(queryset, kind, order, name):
        return (
            queryset.order_by()
            .annotate(
                nav_kind=Value(kind, output_field=IntegerField()),
                nav_order=F(order),
                nav_name=F(name),
                nav_slug=F("slug"),
                nav_id=F("pk"),
            )
            .values_list("nav_kind", "nav_order", "nav_name", "nav_slug", "nav_id")
        )

    return (
        rows(Category.objects.all(), 0, "display_order", "name")
        .union(rows(Page.objects.in_footer(), 1, "footer_order", "title"), all=True)
        .order_by("nav_kind", "nav_order", "nav_name")
    )


def _navigation():
    """{"categories": [...], "pages": [...]} for the header and footer, read
    in one query (``_navigation_query``), compiled once: it is the same on
    every page."""
    from articles.models import Category, Page
    from portal.statements import compiled_cursor, compiled_once

    sql, params = compiled_once(None, _navigation_query, {})
    with compiled_cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found = {"categories": [], "pages": []}
    for kind, _order, name, slug, pk in rows:
        if kind == 0:
            found["categories"].append(Category(pk=pk, name=name, slug=slug))
        else:
            found["pages"].append(Page(pk=pk, title=name, slug=slug))
    return found


def site(request):
    """Expose the media center's name, address, contact and navigation.

    The category and footer page lists are lazy: together they cost one query
    on pages that show them and none in the admin, which uses the same
    processors. A view that has the categories already may pass its own
    ``nav_categories``.
    """
    navigation = SimpleLazyObject(_navigation)
    return {
        "site_name": settings.WARTA_SITE_NAME,
        "site_url": settings.WARTA_SITE_URL,
        "site_contact": settings.WARTA_CONTACT,
        "site_phone": settings.WARTA_PHONE,
        "site_email": settings.WARTA_EMAIL,
        "nav_categories": SimpleLazyObject(lambda: navigation["categories"]),
        "footer_pages": SimpleLazyObject(lambda: navigation["pages"]),
    }
