from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Redaksi")

    def ready(self):
        # Connects the page cache's invalidation to model saves and deletes.
        from . import caching  # noqa: F401
