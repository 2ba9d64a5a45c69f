from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .forms import PhotoChangeForm, PhotoForm
from .models import Photo, Rendition
from .services import photo_create, photo_update


class RenditionInline(admin.TabularInline):
    """The resized copies, shown for checking; they are made automatically."""

    model = Rendition
    extra = 0
    can_delete = False
    fields = ["thumbnail", "format", "width", "height", "file"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("pratinjau"))
    def thumbnail(self, rendition):
        return format_html(
            '<img src="{}" alt="" width="{}" loading="lazy">',
            rendition.file.url,
            min(rendition.width, 160),
        )


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = [
        "thumbnail",
        "title",
        "caption_excerpt",
        "credit",
        "taken_on",
        "uploaded_by",
        "created_at",
    ]
    list_display_links = ["thumbnail", "title"]
    list_select_related = ["uploaded_by"]
    # Also what articles' autocomplete_fields searches.
    search_fields = ["title", "caption", "credit", "place"]
    list_filter = [
        ("taken_on", admin.DateFieldListFilter),
        "created_at",
        ("uploaded_by", admin.RelatedOnlyFieldListFilter),
    ]
    date_hierarchy = "created_at"
    readonly_fields = [
        "preview",
        "dimensions",
        "checksum",
        "uploaded_by",
        "created_at",
        "updated_at",
    ]
    add_fieldsets = [(None, {"fields": PhotoForm.Meta.fields})]
    fieldsets = [
        (None, {"fields": ["preview", *PhotoChangeForm.Meta.fields]}),
        (
            _("Berkas"),
            {
                "fields": [
                    "dimensions",
                    "checksum",
                    "uploaded_by",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("renditions")

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else self.fieldsets

    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = PhotoForm if obj is None else PhotoChangeForm
        return super().get_form(request, obj, **kwargs)

    def get_inlines(self, request, obj):
        # On the add page there is nothing to show yet.
        return [] if obj is None else [RenditionInline]

    def save_model(self, request, obj, form, change):
        if change:
            photo_update(
                photo=obj,
                **{name: form.cleaned_data[name] for name in form.changed_data},
            )
            return
        stored = photo_create(
            file=form.cleaned_data["file"],
            cleaned=form.cleaned_photo,
            uploaded_by=request.user,
            **form.photo_fields(),
        )
        # The admin carries on with `obj` (log entry, message, redirect): load
        # the stored row into it, which for a duplicate is the photo already
        # there, left as it was.
        obj.pk = stored.pk
        obj.refresh_from_db()
        obj.is_duplicate = stored.is_duplicate

    def log_addition(self, request, obj, message):
        if obj.is_duplicate:
            return None
        return super().log_addition(request, obj, message)

    def response_add(self, request, obj, post_url_continue=None):
        # In a popup (the article form's "add photo"), selecting the existing
        # photo is the right answer, so the default response serves.
        if not obj.is_duplicate or IS_POPUP_VAR in request.POST:
            return super().response_add(request, obj, post_url_continue)
        url = reverse("admin:media_library_photo_change", args=[obj.pk])
        self.message_user(
            request,
            format_html(
                gettext(
                    'Foto yang sama sudah ada di pustaka: <a href="{}">{}</a>. '
                    "Tidak ada foto baru yang disimpan; gunakan foto yang sudah ada."
                ),
                url,
                obj,
            ),
            messages.WARNING,
        )
        return HttpResponseRedirect(url)

    @admin.display(description=_("foto"))
    def thumbnail(self, photo):
        return format_html(
            '<img src="{}" alt="" width="80" loading="lazy">', photo.thumbnail_url
        )

    @admin.display(description=_("keterangan"))
    def caption_excerpt(self, photo):
        return Truncator(photo.caption).chars(80)

    @admin.display(description=_("pratinjau"))
    def preview(self, photo):
        url = photo.image(640).url
        return format_html(
            '<a href="{}"><img src="{}" alt="{}" width="320"></a>',
            photo.file.url,
            url,
            photo.alt_text,
        )

    @admin.display(description=_("ukuran"))
    def dimensions(self, photo):
        return gettext("%(width)s × %(height)s piksel") % {
            "width": photo.width,
            "height": photo.height,
        }
