"""The photo upload form used by the admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Photo
from .processing import photo_clean


class PhotoForm(forms.ModelForm):
    """Upload a new photo with its caption and credit.

    ``file`` is a plain FileField, not Django's ImageField: ImageField would
    let Pillow parse the upload with every format it knows before our checks
    run, and would answer a refused file with its own generic message.
    ``clean_file`` runs the library's checks and keeps the cleaned photo for
    the service, so nothing is stored for a refused upload.
    """

    file = forms.FileField(
        label=_("Berkas foto"),
        help_text=_("JPEG, PNG, atau WebP. Data lokasi dan EXIF lain dihapus."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        ),
    )

    class Meta:
        model = Photo
        fields = ["file", "title", "caption", "alt_text", "credit", "taken_on", "place"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cleaned_photo = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.cleaned_photo = photo_clean(upload)
        return upload

    def photo_fields(self):
        """The Photo fields to pass to ``services.photo_create``."""
        return {
            name: self.cleaned_data[name]
            for name in self._meta.fields
            if name != "file" and name in self.cleaned_data
        }


class PhotoChangeForm(forms.ModelForm):
    """Edit a stored photo's text; the file itself cannot be replaced."""

    class Meta:
        model = Photo
        fields = ["title", "caption", "alt_text", "credit", "taken_on", "place"]
