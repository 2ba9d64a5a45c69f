from django.apps import apps
from django.utils import translation
from taggit.models import Tag


def test_dependencies_without_indonesian_are_translated_by_our_locale():
    with translation.override("id"):
        assert str(apps.get_app_config("taggit").verbose_name) == "Tag"
        assert str(Tag._meta.verbose_name_plural) == "tag"


def test_the_task_queue_reads_in_indonesian_in_the_admin():
    from django_tasks_db.models import DBTaskResult

    with translation.override("id"):
        assert str(apps.get_app_config("django_tasks_database").verbose_name) == (
            "Antrean tugas latar"
        )
        assert str(DBTaskResult._meta.verbose_name_plural) == "hasil tugas"
        assert str(DBTaskResult.status.field.choices[2][1]) == "Gagal"
