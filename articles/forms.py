"""Admin forms for stories and the photos in them."""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagWidget

from media_library.processing import photo_clean

from . import workflow
from .models import Article, ArticlePhoto, ArticleRevision
from .photos import article_photo_check, article_photo_save
from .revisions import latest_revision_id


class ArticleAdminForm(forms.ModelForm):
    """The story form. Carries the version of the content it was opened on.

    ``revision_token`` is the id of the story's newest revision when the form
    was drawn; a save whose token is no longer the newest is refused (someone
    else saved in between), and the writer's text is shown back to them.
    Which fields a user may change is decided by ``ArticleAdmin``.
    """

    revision_token = forms.IntegerField(
        required=False, widget=forms.HiddenInput, label=_("versi")
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "summary",
            "dateline",
            "body",
            "event_date",
            "event_place",
            "category",
            "tags",
            "agencies",
            "officials",
            "related",
            "contributing_agency",
            "credit_line",
            "author",
            "published_at",
            "is_headline",
            "slug",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "cols": 80, "maxlength": 300}),
            "title": forms.TextInput(attrs={"size": 80}),
            "tags": TagWidget(attrs={"size": 80}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["revision_token"] = latest_revision_id(self.instance)
        self.stale_revision = None
        self.workflow_choice = None

    def clean(self):
        cleaned = super().clean()
        self._check_not_stale(cleaned)
        # The button's inputs are checked before anything is saved.
        self.workflow_choice = workflow_choice(self.data)
        return cleaned

    def _check_not_stale(self, cleaned):
        if not self.instance.pk:
            return
        if transaction.get_connection().in_atomic_block:
            # Held until the admin's transaction ends, so a second save waits
            # here and then sees the first one's revision.
            Article.objects.select_for_update().filter(pk=self.instance.pk).first()
        current = latest_revision_id(self.instance)
        token = cleaned.get("revision_token")
        if token == current:
            return
        newest = (
            ArticleRevision.objects.filter(pk=current).select_related("author").first()
        )
        self.stale_revision = newest
        who = (
            (newest.author.get_full_name() or newest.author.get_username())
            if newest and newest.author
            else _("pengguna lain")
        )
        when = (
            date_format(timezone.localtime(newest.created_at), "H.i") if newest else "—"
        )
        raise forms.ValidationError(
            _(
                "Berita ini sudah diubah oleh %(who)s pukul %(when)s, setelah "
                "Anda membukanya. Simpanan Anda TIDAK diterapkan agar perubahan "
                "itu tidak tertimpa. Teks Anda masih ada di formulir ini: salin "
                "bagian yang Anda perlukan, lalu buka ulang berita untuk "
                "melanjutkan dari versi terbaru."
            ),
            code="stale",
            params={"who": who, "when": when},
        )


@dataclass(frozen=True)
class WorkflowChoice:
    """The workflow button pressed, with the inputs its transition takes."""

    transition: workflow.Transition
    inputs: dict = field(default_factory=dict)

    def run(self, *, article, by):
        return self.transition.run(article=article, by=by, **self.inputs)


def workflow_choice(data):
    """The workflow button pressed in ``data`` (a POST), checked, or None.

    Raises ValidationError for an unknown button or a missing note, time or
    choice (the transition's ``inputs``);
    the time is parsed here once and handed to the service as it is.
    """
    name = data.get("_transition")
    if not name:
        return None
    transition = workflow.TRANSITIONS.get(name)
    if transition is None:
        raise forms.ValidationError(_("Tindakan tidak dikenal."))
    inputs = {}
    if transition.needs_comment:
        inputs["comment"] = data.get("_workflow_comment", "").strip()
        if not inputs["comment"]:
            raise forms.ValidationError(
                _("Tulis catatan atau alasan sebelum menekan tombol ini.")
            )
        if "\x00" in inputs["comment"]:  # PostgreSQL cannot store it
            raise forms.ValidationError(
                _(
                    "Catatan memuat karakter yang tidak diizinkan (karakter NUL, "
                    "biasanya terbawa saat menyalin teks). Ketik ulang catatan "
                    "lalu tekan tombolnya lagi."
                )
            )
    for item in transition.inputs:
        inputs[item.arg] = item.clean(data)
        if inputs[item.arg] is None:
            raise forms.ValidationError(str(item.required))
    if transition.needs_time:
        inputs["at"] = parse_workflow_time(data.get("_workflow_at", ""))
        if inputs["at"] is None:
            raise forms.ValidationError(
                _("Isi waktu terbit yang akan datang untuk menjadwalkan berita.")
            )
    return WorkflowChoice(transition, inputs)


def parse_workflow_time(value):
    """A future time typed into the schedule box (local time), or None."""
    try:
        moment = datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        # Stored in UTC and shown in Jakarta time: both must exist.
        moment.astimezone(datetime.UTC)
        timezone.localtime(moment)
        return moment if moment > timezone.now() else None
    except (OverflowError, ValueError):  # past year 9999 once converted
        return None


class ArticlePhotoInlineForm(forms.ModelForm):
    """A photo row of a story: pick one from the library or upload a new one.

    A humas writer usually has the photos on their phone or laptop, so the
    row takes an upload directly; it goes through the photo library's checks
    and lands in the library like any other photo. Saving goes through
    ``articles.photos.article_photo_save``; a change to a library photo the
    user may not make is refused here, before anything is written.
    """

    # A plain FileField: Django's ImageField would hand the bytes to every
    # decoder Pillow has (TIFF, BMP, EPS, ...) before the library's check,
    # which tries only the formats Warta accepts.
    upload = forms.FileField(
        label=_("atau unggah foto baru"),
        required=False,
        help_text=_("JPEG, PNG atau WebP, paling besar 15 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        ),
    )
    alt_text = forms.CharField(
        label=_("teks alternatif"),
        max_length=300,
        required=False,
        help_text=_("Gambaran isi foto bagi pembaca tunanetra."),
    )
    credit = forms.CharField(
        label=_("kredit foto"),
        max_length=200,
        required=False,
        help_text=_("Contoh: Foto: Humas Polres Kobar"),
    )

    class Meta:
        model = ArticlePhoto
        fields = ["photo", "upload", "role", "order", "caption", "credit", "alt_text"]
        widgets = {"caption": forms.Textarea(attrs={"rows": 3, "cols": 34})}
        help_texts = {
            "caption": _(
                "Keterangan foto yang baru diunggah disimpan di pustaka foto. "
                "Untuk foto dari pustaka, isi hanya bila berita ini perlu "
                "keterangan lain; kosongkan untuk memakai keterangan pustaka."
            )
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.cleaned_photo = None
        self.fields["photo"].required = False
        if self.instance.pk and self.instance.photo_id:
            self.fields["alt_text"].initial = self.instance.photo.alt_text
            self.fields["credit"].initial = self.instance.photo.credit
            if self.instance.photo.caption:
                # An empty box would look like a photo without a caption.
                self.fields["caption"].widget.attrs["placeholder"] = _(
                    "Dari pustaka: %(caption)s"
                ) % {"caption": self.instance.photo.caption}

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        self.cleaned_photo = photo_clean(upload) if upload else None
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("DELETE"):
            return cleaned
        if not cleaned.get("photo") and not cleaned.get("upload"):
            if self.has_changed():
                raise forms.ValidationError(
                    _("Pilih foto dari pustaka atau unggah foto baru.")
                )
            return cleaned
        try:
            article_photo_check(
                by=self.user,
                photo=cleaned.get("photo"),
                cleaned=self.cleaned_photo,
                alt_text=self._given("alt_text"),
                credit=self._given("credit"),
            )
        except forms.ValidationError as error:
            self.add_error(None, error)
        return cleaned

    def save(self, commit=True):
        if not commit:
            # The row, its upload and any change to the library photo are
            # one write; there is no unsaved half to hand back.
            raise ValueError("A story's photo row is saved with commit=True only.")
        return article_photo_save(
            row=self.instance,
            by=self.user,
            upload=self.cleaned_data.get("upload"),
            cleaned=self.cleaned_photo,
            alt_text=self._given("alt_text"),
            credit=self._given("credit"),
        )

    def _given(self, name):
        """The alt text or credit typed for the row's photo, or "" to leave
        the library's.

        The box opens with the value of the photo the row had; left as it
        was while another photo is picked or uploaded, it does not describe
        the new one.
        """
        if name in self.changed_data:
            return self.cleaned_data.get(name, "")
        return ""

    def people_photo(self):
        """The library photo whose people this row's panel places: the saved
        row's, or the one picked or uploaded before a refused save."""
        if self.instance.pk and self.instance.photo_id:
            return self.instance.photo
        if self.is_bound and hasattr(self, "cleaned_data"):
            return self.cleaned_data.get("photo")
        return None


class WholeSetFormSet(forms.BaseInlineFormSet):
    """An inline formset that can check a rule over all rows of its parent.

    Rows are judged as they will be after the save: the submitted rows that
    are kept, plus rows already in the database that the form did not carry
    (added meanwhile by someone else, or left out of a crafted request).
    """

    def rows_after_save(self):
        """(cleaned data, pk or None) for every row the parent will have."""
        rows, carried = [], set()
        for form in self.forms:
            if form.instance.pk:
                carried.add(form.instance.pk)
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            if form.instance.pk or form.has_changed():
                rows.append((form.cleaned_data, form.instance.pk))
        if self.instance.pk:
            others = self.model._default_manager.filter(
                **{self.fk.name: self.instance}
            ).exclude(pk__in=carried)
            rows += [
                (values, values["pk"])
                for values in others.values(
                    "pk", *(f.name for f in self.model._meta.concrete_fields)
                )
            ]
        return rows


class ArticlePhotoFormSet(WholeSetFormSet):
    """The photo rows of a story: one featured photo at most."""

    def clean(self):
        super().clean()
        featured = [
            pk
            for data, pk in self.rows_after_save()
            if data.get("role") == ArticlePhoto.Role.FEATURED
        ]
        if len(featured) > 1:
            raise forms.ValidationError(
                _(
                    "Satu berita hanya boleh punya satu foto utama; ubah peran foto "
                    "lainnya menjadi Di dalam teks atau Galeri."
                ),
                code="two_featured",
            )

    def save_existing_objects(self, commit=True):
        # The database allows one featured photo per story at any moment, so
        # rows that stop being featured (or go) are written before the one
        # that becomes featured.
        count = self.initial_form_count()
        self.forms[:count] = sorted(self.forms[:count], key=self._becomes_featured)
        return super().save_existing_objects(commit)

    def _becomes_featured(self, form):
        return not self._should_delete_form(form) and (
            getattr(form, "cleaned_data", {}).get("role") == ArticlePhoto.Role.FEATURED
        )


class PhotoSubjectFormSet(WholeSetFormSet):
    """The people in a photo: each official once."""

    def clean(self):
        super().clean()
        seen = set()
        for data, _pk in self.rows_after_save():
            official = data.get("official") or data.get("official_id")
            official_id = getattr(official, "pk", official)
            if official_id is None:
                continue
            if official_id in seen:
                raise forms.ValidationError(
                    _("Pejabat ini sudah ada di foto tersebut."), code="twice"
                )
            seen.add(official_id)
