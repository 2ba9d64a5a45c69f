from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Warta")

    def ready(self):
        from .admin_english import admin_boolean_icon_translate

        admin_boolean_icon_translate()
