from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The public site: pages, feeds, sitemaps, search, previews, the page
    cache and read counting. It has no models; it reads ``articles``."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import invalidation

        invalidation.signals_connect()
