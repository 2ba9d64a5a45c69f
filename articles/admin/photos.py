"""The photo library's admin, with the people in each photo and the rights.

The tie between a photo and a person, and who may see or change a photo,
belong to articles, so they are added here to media_library's own PhotoAdmin:
the library lists, searches (also for every photo autocomplete) and opens only
``rights.photos_for(user)``, and changes only what ``rights.can_change_photo``
allows."""

from django.contrib import admin, messages
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import media_library.admin as media_admin
from media_library.models import Photo

from .. import rights
from ..forms import PhotoSubjectFormSet
from ..models import PhotoSubject
from ..photos import DUPLICATE_NOT_VISIBLE
from ..selectors import caption_from_subjects


class PhotoSubjectInline(admin.TabularInline):
    model = PhotoSubject
    formset = PhotoSubjectFormSet
    extra = 1
    autocomplete_fields = ["official"]
    fields = ["official", "place", "order"]

    # The people in a photo change with the photo, for whom may change it.
    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and _may_change(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _may_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _may_change(request, obj)


def _may_change(request, photo):
    return photo is None or rights.can_change_photo(request.user, photo)


admin.site.unregister(Photo)


@admin.register(Photo)
class PhotoWithSubjectsAdmin(media_admin.PhotoAdmin):
    """PhotoAdmin (whose edits go through ``photo_update``) with the people in
    the photo, changeable only by whom ``rights.can_change_photo`` allows."""

    readonly_fields = [*media_admin.PhotoAdmin.readonly_fields, "suggested_caption"]

    def get_queryset(self, request):
        return rights.photos_for(request.user, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            # Another agency's unpublished photo and a deleted one look the
            # same: absent.
            raise Http404(_("Foto tidak ditemukan."))
        return obj

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _may_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _may_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if obj.is_duplicate and not rights.can_see_photo(request.user, obj):
            # The upload is another agency's unpublished photo: nothing is
            # stored or changed, and nothing about that photo is shown.
            self.message_user(request, DUPLICATE_NOT_VISIBLE, messages.WARNING)
            return HttpResponseRedirect(request.get_full_path())
        return super().response_add(request, obj, post_url_continue)

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
