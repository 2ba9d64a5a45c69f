from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    verbose_name = _("Pustaka foto")

    def ready(self):
        from .models import Photo, Rendition
        from .processing import configure_pillow
        from .signals import delete_file_on_commit

        configure_pillow()
        for model in (Photo, Rendition):
            post_delete.connect(
                delete_file_on_commit,
                sender=model,
                dispatch_uid=f"media_library_delete_file_{model.__name__}",
            )
