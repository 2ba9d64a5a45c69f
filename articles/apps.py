from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Redaksi")

    def ready(self):
        from . import fingerprints, linkguard

        fingerprints.signals_connect()
        linkguard.signals_connect()
        # A missing or broken WARTA_LINK_GUARD_FILE stops start-up, not a save.
        linkguard.patterns()
