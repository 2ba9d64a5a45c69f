"""Site-wide template context."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    """Expose the media center's name, address, contact and navigation.

    The category and footer page lists are lazy: each costs one query on
    pages that show them and none in the admin, which uses the same
    processors.
    """
    from articles.models import Category, Page

    return {
        "site_name": settings.WARTA_SITE_NAME,
        "site_url": settings.WARTA_SITE_URL,
        "site_contact": settings.WARTA_CONTACT,
        "site_phone": settings.WARTA_PHONE,
        "site_email": settings.WARTA_EMAIL,
        "nav_categories": SimpleLazyObject(lambda: list(Category.objects.all())),
        "footer_pages": SimpleLazyObject(
            lambda: list(Page.objects.in_footer().only("title", "slug"))
        ),
    }
