"""The photo library's admin, with the people in each photo.

The tie between a photo and a person belongs to articles, so the inline is
added here to media_library's own PhotoAdmin."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import media_library.admin as media_admin
from media_library.models import Photo

from .. import rights
from ..forms import PhotoSubjectFormSet
from ..models import PhotoSubject
from ..selectors import caption_from_subjects


class PhotoSubjectInline(admin.TabularInline):
    model = PhotoSubject
    formset = PhotoSubjectFormSet
    extra = 1
    autocomplete_fields = ["official"]
    fields = ["official", "place", "order"]


admin.site.unregister(Photo)


@admin.register(Photo)
class PhotoWithSubjectsAdmin(media_admin.PhotoAdmin):
    """PhotoAdmin (whose edits go through ``photo_update``) with the people in
    the photo, changeable only by whom ``rights.can_change_photo`` allows."""

    readonly_fields = [*media_admin.PhotoAdmin.readonly_fields, "suggested_caption"]

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or rights.can_change_photo(request.user, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        people = (_("Orang di foto"), {"fields": ["suggested_caption"]})
        return [fieldsets[0], people, *fieldsets[1:]]

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)
        return inlines if obj is None else [PhotoSubjectInline, *inlines]

    @admin.display(description=_("usulan keterangan dari orang di foto"))
    def suggested_caption(self, obj):
        if not obj.pk:
            return "—"
        subjects = obj.subjects.select_related("official")
        day = obj.taken_on or timezone.localdate()
        return caption_from_subjects(subjects, day) or "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.instance.subjects.exists() and not form.instance.caption:
            messages.info(
                request,
                _(
                    "Keterangan foto masih kosong; lihat usulan "
                    "keterangan dari orang di foto."
                ),
            )
