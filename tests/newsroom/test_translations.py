from django.apps import apps
from django.utils import translation
from taggit.models import Tag


def test_dependencies_without_indonesian_are_translated_by_our_locale():
    with translation.override("id"):
        assert str(apps.get_app_config("taggit").verbose_name) == "Tag"
        assert str(Tag._meta.verbose_name_plural) == "tag"
