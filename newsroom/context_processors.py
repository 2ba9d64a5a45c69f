"""Site-wide template context."""

from django.conf import settings


def site(request):
    """Expose the media center's name, address and contact to every template."""
    return {
        "site_name": settings.WARTA_SITE_NAME,
        "site_url": settings.WARTA_SITE_URL,
        "site_contact": settings.WARTA_CONTACT,
    }
