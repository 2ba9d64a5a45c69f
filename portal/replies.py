"""The readers' right-of-reply / correction request form on every story.

No third-party script guards it. Three checks do: a rate limit per client
address (kept in the cache, under a keyed hash of the address), a honeypot
field people never see, and a signed timestamp in the form that refuses a
submission sent faster than a person types or older than a day. The page is
never cached (not in ``caching.PAGE_PARAMS``) and is CSRF-protected.
"""

import re
import time

from django import forms
from django.core import signing
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from articles.models import Article
from articles.replies import attachment_clean, reply_request_create

from .popularity import client_address

RATE_LIMIT = 3  # accepted requests per client address ...
RATE_WINDOW = 60 * 60  # ... per hour
MIN_SECONDS = 3  # faster than this, no person filled in the form
MAX_SECONDS = 24 * 60 * 60  # an older form is refused; the reader reloads it
STAMP_SALT = "warta.replies.form"
HONEYPOT = "situs_web"

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-.]{6,19}$")


def client_hash(request):
    """A keyed hash of the client's address: what is stored instead of it."""
    address = client_address(request)
    return salted_hmac("warta.replies", address, algorithm="sha256").hexdigest()[:32]


def form_stamp(article, now=None):
    """The signed story id and time a form was shown."""
    stamp = int(time.time() if now is None else now)
    return signing.Signer(salt=STAMP_SALT).sign(f"{article.pk}:{stamp}")


class ReplyRequestForm(forms.Form):
    name = forms.CharField(label=_lazy("Nama lengkap"), max_length=120)
    contact = forms.CharField(
        label=_lazy("E-mail atau nomor telepon"),
        max_length=160,
        help_text=_lazy("Agar redaksi dapat menghubungi Anda."),
    )
    text = forms.CharField(
        label=_lazy("Isi hak jawab atau koreksi"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_lazy("Sebutkan bagian berita yang keliru dan tanggapan Anda."),
    )
    attachment = forms.FileField(
        label=_lazy("Lampiran (opsional)"),
        required=False,
        help_text=_lazy("PDF, atau foto JPEG, PNG, WebP."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}
        ),
    )
    story = forms.IntegerField(widget=forms.HiddenInput)
    stamp = forms.CharField(widget=forms.HiddenInput, max_length=200)
    situs_web = forms.CharField(
        label=_lazy("Jangan diisi"), required=False, max_length=200
    )

    def __init__(self, *args, article, now=None, **kwargs):
        self.article = article
        self.now = time.time() if now is None else now
        kwargs.setdefault(
            "initial", {"story": article.pk, "stamp": form_stamp(article, self.now)}
        )
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT].widget.attrs.update(
            {"tabindex": "-1", "autocomplete": "off"}
        )

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip()
        if not (_EMAIL.match(contact) or _PHONE.match(contact)):
            raise forms.ValidationError(
                _("Tulis alamat e-mail atau nomor telepon yang dapat dihubungi.")
            )
        return contact

    def clean_story(self):
        story = self.cleaned_data["story"]
        visible = Article.objects.visible().filter(pk=story).exists()
        if story != self.article.pk or not visible:
            raise forms.ValidationError(_("Berita yang dimaksud tidak ditemukan."))
        return story

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload or self.refusal() is not None:
            return None  # a refused form's file is not even decoded
        return attachment_clean(upload)

    def clean(self):
        cleaned = super().clean()
        refusal = self.refusal()
        if refusal is not None:
            raise refusal
        return cleaned

    def refusal(self):
        """Why a machine, not a person, seems to have sent this, or None:
        the honeypot filled in, or a stamp forged, stale or too fresh."""
        if self.data.get(HONEYPOT):
            return forms.ValidationError(_("Permintaan tidak dapat diterima."))
        try:
            value = signing.Signer(salt=STAMP_SALT).unsign(self.data.get("stamp", ""))
            story, shown = (int(part) for part in value.split(":"))
        except (signing.BadSignature, ValueError):
            return forms.ValidationError(
                _("Formulir tidak dikenali. Muat ulang halaman lalu kirim lagi.")
            )
        age = self.now - shown
        if story != self.article.pk or age > MAX_SECONDS:
            return forms.ValidationError(
                _("Formulir sudah kedaluwarsa. Muat ulang halaman lalu kirim lagi.")
            )
        if age < MIN_SECONDS:
            return forms.ValidationError(
                _("Formulir terkirim terlalu cepat. Periksa isinya lalu kirim lagi.")
            )
        return None


def _rate_key(request):
    return f"warta:replies:rate:{client_hash(request)}"


def rate_limited(request):
    """Whether this client address has sent its share for the hour."""
    return (cache.get(_rate_key(request)) or 0) >= RATE_LIMIT


def rate_count(request):
    key = _rate_key(request)
    if not cache.add(key, 1, RATE_WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, RATE_WINDOW)


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def reply_request(request, slug):
    """The form page (GET) and a submission (POST); success shows the
    reference number the reader quotes when asking about the request."""
    article = Article.objects.visible().filter(slug=slug).first()
    if article is None:
        raise Http404(_("Berita tidak ditemukan."))
    context = {"article": article}
    if request.method == "POST":
        form = ReplyRequestForm(request.POST, request.FILES, article=article)
        if rate_limited(request):
            context["refusal"] = _(
                "Terlalu banyak permintaan dari alamat Anda. Coba lagi dalam satu "
                "jam, atau hubungi redaksi melalui halaman Kontak."
            )
            return render(request, "portal/reply_form.html", context, status=429)
        if form.is_valid():
            data = form.cleaned_data
            reply = reply_request_create(
                article=article,
                name=data["name"],
                contact=data["contact"],
                text=data["text"],
                client_hash=client_hash(request),
                attachment=data["attachment"],
            )
            rate_count(request)
            context["reply"] = reply
            return render(request, "portal/reply_sent.html", context)
        status = 400
    else:
        form = ReplyRequestForm(article=article)
        status = 200
    context["form"] = form
    return render(request, "portal/reply_form.html", context, status=status)
