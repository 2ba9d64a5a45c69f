"""Request-level protections: body size caps, the Content-Security-Policy
and the login lockout's page.

``RequestSizeLimitMiddleware`` refuses a request by its ``Content-Length``
before anything reads the body. ``ContentSecurityPolicyMiddleware`` is
django-csp's, with the admin's extra allowance scoped to the admin.
``client_ip`` and ``login_locked_out`` are django-axes' hooks.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose declared body is over the limit.

    Placed after the authentication middlewares, which do not read the body:
    a signed-in user (with the second factor, where it is needed) may send
    up to ``WARTA_MAX_REQUEST_BYTES`` (a photo at its cap plus the form
    around it), anyone else up to ``WARTA_MAX_ANONYMOUS_REQUEST_BYTES`` (a
    login form, a read beacon), except on the right-of-reply form, which
    takes ``WARTA_MAX_REPLY_REQUEST_BYTES`` (its attachment). A body without
    a length is not read by Django at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.WARTA_MAX_ANONYMOUS_REQUEST_BYTES:
            if request.user.is_authenticated:
                limit = settings.WARTA_MAX_REQUEST_BYTES
            elif _is_reply_form(request):
                limit = settings.WARTA_MAX_REPLY_REQUEST_BYTES
            else:
                limit = settings.WARTA_MAX_ANONYMOUS_REQUEST_BYTES
            if length > limit:
                return self._too_large(request, length, limit)
        return self.get_response(request)

    def _too_large(self, request, length, limit):
        message = _(
            "Kiriman terlalu besar (%(size)s). Ukuran maksimal %(limit)s; "
            "perkecil berkas lalu kirim lagi."
        ) % {"size": filesizeformat(length), "limit": filesizeformat(limit)}
        if request.path == reverse("ck_editor_5_upload_file"):
            # The shape CKEditor 5's upload adapter shows to the user.
            response = JsonResponse({"error": {"message": message}}, status=413)
        else:
            response = HttpResponse(
                message, status=413, content_type="text/plain; charset=utf-8"
            )
        return response


def _is_reply_form(request):
    """The readers' right-of-reply form, the one anonymous form that carries a
    file (an attachment up to ``WARTA_REPLY_ATTACHMENT_MAX_BYTES``)."""
    if request.method != "POST":
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name == "portal:reply"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy, with the directives in
    ``CONTENT_SECURITY_POLICY_ADMIN`` replacing the public ones under the
    admin: the rich-text editor injects its styles at run time, which the
    public pages' policy forbids. (Replacing, not adding: next to a hash,
    'unsafe-inline' would be ignored.)"""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(_admin_prefixes()):
            replace = {
                **settings.CONTENT_SECURITY_POLICY_ADMIN,
                **(parts.replace or {}),
            }
            parts = PolicyParts(parts.config, parts.update, replace, parts.nonce)
        return parts


def _admin_prefixes():
    return (reverse("admin:index"), reverse("ck_editor_5_upload_file"))


def client_ip(request):
    """The client's address for django-axes' lockout.

    Behind the TLS proxy (``BEHIND_TLS_PROXY``) every request comes from the
    proxy; the client is the last address the proxy appended to
    ``X-Forwarded-For`` (nginx's ``$proxy_add_x_forwarded_for``). Earlier
    entries are whatever the client sent and are not trusted.
    """
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")


def login_locked_out(request, original_response=None, credentials=None):
    """The admin's login page, refusing: too many failed attempts (HTTP 429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    username = (credentials or {}).get("username", "")
    context = {
        **admin.site.each_context(request),
        "title": _("Masuk"),
        "app_path": request.get_full_path(),
        "form": AdminAuthenticationForm(request, initial={"username": username}),
        "locked_message": _(
            "Terlalu banyak percobaan masuk yang gagal. Akun ini dikunci dari "
            "alamat Anda selama %(minutes)s menit. Hubungi administrator bila "
            "perlu dibuka lebih cepat."
        )
        % {"minutes": minutes},
    }
    # Rendered here: django-axes returns it from a middleware, after the
    # point where Django renders template responses.
    return render(request, "admin/login_locked.html", context, status=429)
