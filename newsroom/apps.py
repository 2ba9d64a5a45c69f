from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class NewsroomConfig(AppConfig):
    # The default config of the "newsroom" entry in INSTALLED_APPS; the task
    # queue's config below lives in this module too.
    default = True
    name = "newsroom"
    verbose_name = _("Warta")

    def ready(self):
        from .admin_english import admin_boolean_icon_translate

        admin_boolean_icon_translate()


class TaskQueueConfig(TasksAppConfig):
    """django-tasks-db (the background worker's queue), named in Indonesian
    in the admin; its models' strings are in ``locale/id``."""

    default = False
    verbose_name = _("Antrean tugas latar")
