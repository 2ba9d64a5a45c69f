"""Admin forms for stories and the photos in them."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagWidget

from media_library.processing import photo_clean
from media_library.services import photo_create

from .models import Article, ArticlePhoto


class ArticleAdminForm(forms.ModelForm):
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


class ArticlePhotoInlineForm(forms.ModelForm):
    """A photo row of a story: pick one from the library or upload a new one.

    A humas writer usually has the photos on their phone or laptop, so the
    row takes an upload directly; it goes through the photo library's checks
    and lands in the library like any other photo.
    """

    upload = forms.ImageField(
        label=_("atau unggah foto baru"),
        required=False,
        help_text=_("JPEG, PNG atau WebP, paling besar 15 MB."),
    )
    alt_text = forms.CharField(
        label=_("teks alternatif"),
        max_length=300,
        required=False,
        help_text=_("Gambaran isi foto bagi pembaca tunanetra."),
    )

    class Meta:
        model = ArticlePhoto
        fields = ["photo", "upload", "role", "order", "caption", "alt_text"]
        widgets = {"caption": forms.Textarea(attrs={"rows": 3, "cols": 34})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["photo"].required = False
        if self.instance.pk and self.instance.photo_id:
            self.fields["alt_text"].initial = self.instance.photo.alt_text

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        self.cleaned_photo = photo_clean(upload) if upload else None
        return upload

    def clean(self):
        cleaned = super().clean()
        missing = not cleaned.get("photo") and not cleaned.get("upload")
        if missing and self.has_changed() and not cleaned.get("DELETE"):
            raise forms.ValidationError(
                _("Pilih foto dari pustaka atau unggah foto baru.")
            )
        return cleaned

    def save(self, commit=True):
        upload = self.cleaned_data.get("upload")
        alt_text = self.cleaned_data.get("alt_text", "")
        if upload and not self.cleaned_data.get("photo"):
            self.instance.photo = photo_create(
                file=upload,
                cleaned=self.cleaned_photo,
                uploaded_by=self.user,
                caption=self.cleaned_data.get("caption", ""),
                alt_text=alt_text,
            )
        photo = self.instance.photo
        if alt_text and photo.alt_text != alt_text:
            photo.alt_text = alt_text
            photo.save(update_fields=["alt_text", "updated_at"])
        return super().save(commit=commit)
