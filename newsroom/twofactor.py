"""Two-factor login to the newsroom: a TOTP app plus one-time recovery codes.

The password (checked by the admin's login page, throttled by django-axes)
is the first factor; django-otp's TOTP and static devices are the second.
Editors and superusers must give it when ``WARTA_REQUIRE_2FA`` is on; anyone
else may set it up, and from then on must give it too. Until the second
factor is given, ``SecondFactorMiddleware`` sends every admin page to the
step that asks for it (or sets it up), and the session counts as anonymous
everywhere else (previews, the editor's upload endpoint).
"""

import base64
from urllib.parse import quote

import segno
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.rights import is_editor

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = gettext_lazy("Aplikasi autentikator")
RECOVERY_DEVICE_NAME = gettext_lazy("Kode cadangan")


def second_factor_required(user):
    """Whether ``user`` must give a second factor before using the newsroom."""
    if not user.is_authenticated:
        return False
    if user_has_device(user):
        return True
    return settings.WARTA_REQUIRE_2FA and (user.is_superuser or is_editor(user))


def totp_secret(device):
    """The device's key as the base32 text authenticator apps accept."""
    return base64.b32encode(device.bin_key).decode("ascii")


def recovery_codes_create(*, user):
    """Replace ``user``'s recovery codes with new ones; return them (shown once)."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=str(RECOVERY_DEVICE_NAME))
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=code) for code in codes
        )
    return codes


class SecondFactorMiddleware:
    """Hold a password-only session at the second-factor step.

    After django-otp's OTPMiddleware. The step's own pages and the logout
    stay reachable; the public site is served as to an anonymous reader.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and second_factor_required(user)
        ):
            response = self._hold(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _hold(self, request):
        open_paths = (
            reverse("twofactor_verify"),
            reverse("twofactor_setup"),
            reverse("admin:logout"),
        )
        if request.path in open_paths:
            return None
        if request.path.startswith(reverse("admin:index")):
            return redirect(
                f"{reverse('twofactor_verify')}?next={quote(request.get_full_path())}"
            )
        request.user = AnonymousUser()
        return None


class TokenForm(forms.Form):
    """A code from the authenticator app, or a recovery code."""

    token = forms.CharField(
        label=gettext_lazy("Kode verifikasi"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "size": 12}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def _render(request, template, context):
    context = {
        **admin.site.each_context(request),
        "next": _next_url(request),
        **context,
    }
    return TemplateResponse(request, template, context)


def verify(request):
    """Ask a user who has a device for its code; one without is sent to setup."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not user_has_device(user):
        return redirect(
            f"{reverse('twofactor_setup')}?next={quote(_next_url(request))}"
        )
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error(
            "token",
            _(
                "Kode salah atau sudah kedaluwarsa. Periksa jam ponsel Anda, "
                "atau pakai salah satu kode cadangan."
            ),
        )
    return _render(
        request,
        "admin/twofactor/verify.html",
        {"title": _("Verifikasi dua langkah"), "form": form},
    )


def setup(request):
    """Set up the authenticator app: QR code and key, then one code to confirm.

    The confirming code also completes this login; the recovery codes are
    shown once, in the answer to it.
    """
    user = request.user
    if user_has_device(user) and not user.is_verified():
        # Recovery codes left after the app was removed: one of them first.
        verify_url = reverse("twofactor_verify")
        return redirect(f"{verify_url}?next={quote(request.get_full_path())}")
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return _render(
            request,
            "admin/twofactor/setup.html",
            {"title": _("Verifikasi dua langkah"), "active": True},
        )
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=str(TOTP_DEVICE_NAME), confirmed=False
        )
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = recovery_codes_create(user=user)
            otp_login(request, device)
            return _render(
                request,
                "admin/twofactor/recovery_codes.html",
                {"title": _("Kode cadangan"), "codes": codes},
            )
        form.add_error(
            "token", _("Kode salah. Periksa jam ponsel Anda lalu coba lagi.")
        )
    return _render(
        request,
        "admin/twofactor/setup.html",
        {
            "title": _("Atur verifikasi dua langkah"),
            "form": form,
            "secret": totp_secret(device),
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                scale=4, omitsize=False
            ),
            "required": settings.WARTA_REQUIRE_2FA
            and (user.is_superuser or is_editor(user)),
        },
    )
