"""The humas desk on the story form: photos uploaded, captioned and peopled
without leaving the page or saving first, autosave, and who else has the
story open.

Photos go to the library the moment they are uploaded (through the same
checks as every upload, ``articles.photos``) and are attached to the story
as rows of its photo formset when the story is saved: a story not yet saved
needs no draft row to hold them, and an upload that is never saved is an
ordinary library photo of its uploader. The people in a photo belong to the
library photo, so they are placed at once, on the photo, by whoever may
change it (``rights.can_change_photo``).
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from media_library.processing import photo_clean
from media_library.services import photo_create

from .. import rights, services
from ..autosave import autosave_discard, autosave_for, autosave_record
from ..models import ArticleRevision, Official, PhotoSubject
from ..photos import article_photo_check, photo_subject_add, photo_subject_remove
from ..revisions import latest_revision_id
from ..selectors import caption_from_subjects

# What the desk's script says, translated here (static/js/desk.js).
DESK_TEXTS = {
    "saved": _("Draf tersimpan otomatis pukul %s."),
    "saved_local": _("Teks tersimpan di perangkat ini pukul %s."),
    "offline": _(
        "Tidak tersambung ke server: teks tersimpan di perangkat ini dan "
        "dikirim lagi begitu tersambung."
    ),
    "expired": _(
        "Sesi Anda berakhir. Teks Anda aman di perangkat ini. Masuk lagi, "
        "lalu buka berita ini: Warta menawarkan untuk memulihkannya."
    ),
    "login": _("Masuk lagi"),
    "restored": _("Teks dipulihkan. Periksa, lalu simpan berita."),
    "uploading": _("Mengunggah…"),
    "uploaded": _("Terunggah"),
    "failed": _("Gagal mengunggah: %s"),
    "network": _("koneksi terputus."),
    "retry": _("Coba lagi"),
    "server_error": _("server menjawab %s."),
}


class PersonPlaceForm(forms.Form):
    """One official placed in a photo, from the photo's people panel."""

    place = forms.ChoiceField(
        label=_("posisi"),
        choices=PhotoSubject.Place.choices,
        initial=PhotoSubject.Place.MIDDLE,
    )

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        # Built here: the autocomplete widget needs the admin site.
        self.fields["official"] = forms.ModelChoiceField(
            label=_("pejabat"),
            queryset=Official.objects.all(),
            widget=AutocompleteSelect(
                PhotoSubject._meta.get_field("official"), admin_site
            ),
            error_messages={"required": _("Pilih pejabat yang ada di foto.")},
        )
        self.order_fields(["official", "place"])


class DeskAdminMixin:
    """The desk half of ``ArticleAdmin``: its endpoints and the context the
    story form draws it from."""

    def get_urls(self):
        view = self.admin_site.admin_view
        own = [
            path(
                "meja/foto/",
                view(self.desk_upload_view),
                name="articles_article_desk_upload",
            ),
            path(
                "meja/foto/<int:photo_id>/orang/",
                view(self.desk_people_view),
                name="articles_article_desk_people",
            ),
            path(
                "meja/foto/<int:photo_id>/orang/<int:subject_id>/hapus/",
                view(self.desk_people_remove_view),
                name="articles_article_desk_people_remove",
            ),
            path(
                "<path:object_id>/meja/simpan-otomatis/",
                view(self.desk_autosave_view),
                name="articles_article_desk_autosave",
            ),
            path(
                "<path:object_id>/meja/kehadiran/",
                view(self.desk_presence_view),
                name="articles_article_desk_presence",
            ),
        ]
        return own + super().get_urls()

    # --- photos -------------------------------------------------------------

    def desk_upload_view(self, request):
        """One photo from the story form into the library; answers JSON."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (
            self.has_add_permission(request) or self.has_change_permission(request)
        ):
            raise PermissionDenied
        upload = request.FILES.get("file")
        if upload is None:
            return _refused(_("Pilih berkas foto untuk diunggah."))
        try:
            cleaned = photo_clean(upload)
            article_photo_check(by=request.user, cleaned=cleaned)
            photo = photo_create(
                file=upload,
                cleaned=cleaned,
                uploaded_by=request.user,
                title=request.POST.get("title", "").replace("\x00", "")[:200],
            )
            if photo.is_duplicate:
                # Another request may have stored the same file since the check.
                article_photo_check(by=request.user, photo=photo, duplicate=True)
        except ValidationError as error:
            return _refused(" ".join(error.messages))
        return JsonResponse(
            {
                "id": photo.pk,
                "label": str(photo),
                "thumbnail": photo.thumbnail_url,
                "caption": photo.caption,
                "credit": photo.credit,
                "alt_text": photo.alt_text,
                "people_url": reverse(
                    "admin:articles_article_desk_people", args=[photo.pk]
                ),
            }
        )

    def desk_people_view(self, request, photo_id):
        """The people panel of a photo: drawn (GET), or one official placed
        in it (POST); answers the panel's HTML for htmx to swap in."""
        photo = get_object_or_404(rights.photos_for(request.user), pk=photo_id)
        if not request.htmx:
            # The panel is a piece of the story form; opened on its own, the
            # photo's own page is the one to show.
            return HttpResponseRedirect(
                reverse("admin:media_library_photo_change", args=[photo.pk])
            )
        form = None
        if request.method == "POST":
            if not rights.can_change_photo(request.user, photo):
                raise PermissionDenied
            form = PersonPlaceForm(
                request.POST, prefix=f"desk-{photo.pk}", admin_site=self.admin_site
            )
            if form.is_valid():
                try:
                    photo_subject_add(
                        photo=photo,
                        official=form.cleaned_data["official"],
                        place=form.cleaned_data["place"],
                        by=request.user,
                    )
                    form = None
                except ValidationError as error:
                    form.add_error(None, error)
        return self._people_panel(request, photo, form)

    def desk_people_remove_view(self, request, photo_id, subject_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        photo = get_object_or_404(rights.photos_for(request.user), pk=photo_id)
        subject = get_object_or_404(
            photo.subjects.select_related("photo"), pk=subject_id
        )
        try:
            photo_subject_remove(subject=subject, by=request.user)
        except ValidationError as error:
            raise PermissionDenied(error.messages[0]) from error
        return self._people_panel(request, photo, None)

    def _people_panel(self, request, photo, form):
        subjects = list(photo.subjects.select_related("official"))
        day = _story_day(request) or photo.taken_on or timezone.localdate()
        can_change = rights.can_change_photo(request.user, photo)
        if form is None and can_change:
            form = PersonPlaceForm(
                prefix=f"desk-{photo.pk}", admin_site=self.admin_site
            )
        return TemplateResponse(
            request,
            "admin/articles/article/_desk_people.html",
            {
                "photo": photo,
                "subjects": subjects,
                "suggested": caption_from_subjects(subjects, day),
                "form": form if can_change else None,
            },
        )

    # --- autosave and presence ----------------------------------------------

    def desk_autosave_view(self, request, object_id):
        """Keep the text being typed as the writer's autosave; answers JSON."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._desk_object(request, object_id)
        if request.POST.get("discard"):
            autosave_discard(article=obj, user=request.user)
            return JsonResponse({"discarded": True})
        revision = autosave_record(article=obj, by=request.user, data=request.POST)
        return JsonResponse(
            {"saved_at": date_format(timezone.localtime(revision.created_at), "H.i")}
        )

    def desk_presence_view(self, request, object_id):
        """The heartbeat: note this writer is here, answer who else is."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._desk_object(request, object_id)
        token = request.POST.get("revision_token", "")
        return TemplateResponse(
            request,
            "admin/articles/article/_desk_presence.html",
            presence_context(obj, request.user, token),
        )

    def _desk_object(self, request, object_id):
        """The story, for someone who may edit it (or 404/403)."""
        obj = self.get_object(request, unquote(object_id))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def desk_context(self, request, obj):
        """What the story form needs to draw the desk, or None for a reader."""
        if obj is None:
            if not self.has_add_permission(request):
                return None
        elif not self.has_change_permission(request, obj):
            return None
        context = {
            "texts": {key: str(text) for key, text in DESK_TEXTS.items()},
            "upload_url": reverse("admin:articles_article_desk_upload"),
            "storage_key": f"warta-desk:{request.user.pk}:{obj.pk if obj else 'baru'}",
            "revision_token": latest_revision_id(obj),
        }
        if obj is not None:
            autosave = autosave_for(article=obj, user=request.user)
            context |= {
                "autosave_url": reverse(
                    "admin:articles_article_desk_autosave", args=[obj.pk]
                ),
                "presence_url": reverse(
                    "admin:articles_article_desk_presence", args=[obj.pk]
                ),
                "autosave": (
                    {**autosave.content, "saved_at": autosave.created_at.isoformat()}
                    if autosave
                    else None
                ),
                **presence_context(obj, request.user, context["revision_token"]),
            }
        return context


def presence_context(article, user, token):
    """Who else has ``article`` open, and who saved it since the writer's
    form was drawn (``token``, the form's version token)."""
    others = services.edit_session_touch(article=article, user=user)
    try:
        token = int(token)
    except (TypeError, ValueError):
        token = None
    saved_since = None
    if token is not None:
        saved_since = (
            ArticleRevision.objects.filter(article=article, pk__gt=token)
            .exclude(author=user)
            .select_related("author")
            .order_by("-pk")
            .first()
        )
    return {"others": others, "saved_since": saved_since}


def _story_day(request):
    """The event date typed on the story form (for officials' positions)."""
    value = request.POST.get("event_date") or request.GET.get("event_date")
    if not value:
        return None
    try:
        return forms.DateField().clean(value)
    except ValidationError:
        return None


def _refused(message):
    return JsonResponse({"error": str(message)}, status=400)
