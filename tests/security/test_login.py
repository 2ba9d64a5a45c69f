"""Logging in to the newsroom: throttled, and two factors for editors (defect 5)."""

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from newsroom.twofactor import recovery_codes_create

pytestmark = pytest.mark.django_db

PASSWORD = "kata-sandi-yang-benar-2024"
LOGIN_URL = "/admin/login/"
LOCKED = "Terlalu banyak percobaan masuk yang gagal"


def set_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(client, user, password=PASSWORD, address="203.0.113.7"):
    return client.post(
        LOGIN_URL,
        {"username": user.username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def logged_in(client):
    return "_auth_user_id" in client.session


# --- throttling ---------------------------------------------------------------


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 5
    return 5


def test_after_the_failure_limit_the_right_password_is_refused(client, newsroom, limit):
    editor = set_password(newsroom.editor)
    for _ in range(limit):
        response = log_in(client, editor, "salah")
        assert response.status_code in (200, 429)
    response = log_in(client, editor)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert not logged_in(client)


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(
    client, newsroom, limit
):
    editor = set_password(newsroom.editor)
    for _ in range(limit - 1):
        log_in(client, editor, "salah")
    response = log_in(client, editor)
    assert response.status_code == 302
    assert logged_in(client)


def test_the_lockout_holds_the_username_from_that_address_only(client, newsroom, limit):
    editor = set_password(newsroom.editor)
    for _ in range(limit):
        log_in(client, editor, "salah", address="203.0.113.7")
    response = log_in(client, editor, address="198.51.100.20")
    assert response.status_code == 302
    assert logged_in(client)


def test_an_administrator_unlocks_by_deleting_the_attempt(client, newsroom, limit):
    editor = set_password(newsroom.editor)
    for _ in range(limit):
        log_in(client, editor, "salah")
    attempt = AccessAttempt.objects.get(username=editor.username)

    client.force_login(newsroom.superuser)
    url = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    client.logout()

    assert log_in(client, editor).status_code == 302
    assert logged_in(client)


# --- two factors ----------------------------------------------------------------


@pytest.fixture
def required(settings):
    settings.WARTA_REQUIRE_2FA = True


def admin_pages():
    """The admin's front page and every registered model's list and add page."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        urls.append(reverse("admin:{}_{}_add".format(*info)))
    return urls


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)


def code(device):
    return f"{totp(device.bin_key):06d}"


def test_an_editor_without_the_second_factor_reaches_no_admin_page(
    client, newsroom, required
):
    editor = set_password(newsroom.editor)
    confirmed_device(editor)
    assert log_in(client, editor).status_code == 302
    for url in admin_pages():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("twofactor_verify")), url
    # Nor the editor's upload endpoint, nor a preview: the session counts as
    # anonymous outside the second-factor step.
    response = client.post("/editor/upload/", {})
    assert response.status_code == 403


def test_an_editor_gives_the_code_after_the_password_and_reaches_the_admin(
    client, newsroom, required, settings
):
    # No waiting after the wrong code (django-otp's throttle is tested there).
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    editor = set_password(newsroom.editor)
    device = confirmed_device(editor)
    log_in(client, editor)

    response = client.post(
        reverse("twofactor_verify"), {"token": "000000", "next": "/admin/"}
    )
    assert response.status_code == 200
    assert "Kode salah" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    response = client.post(
        reverse("twofactor_verify"), {"token": code(device), "next": "/admin/"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    for url in admin_pages():
        # 200, or 403 for what an editor may not manage (users, groups).
        assert client.get(url).status_code in (200, 403), url
    assert client.get("/admin/articles/article/").status_code == 200


def test_an_editor_without_a_device_is_led_to_set_one_up(client, newsroom, required):
    editor = set_password(newsroom.editor)
    log_in(client, editor)

    response = client.get("/admin/articles/article/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("twofactor_setup"))
    page = response.content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert response.context["secret"] in page

    response = client.post(
        reverse("twofactor_setup"),
        {"token": code(device), "next": "/admin/articles/article/"},
    )
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10
    for recovery in codes:
        assert recovery in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/articles/article/").status_code == 200


def test_a_recovery_code_works_once(client, newsroom, required):
    editor = set_password(newsroom.editor)
    confirmed_device(editor)
    recovery = recovery_codes_create(user=editor)[0]

    log_in(client, editor)
    response = client.post(reverse("twofactor_verify"), {"token": recovery})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=recovery).exists()

    client.logout()
    log_in(client, editor)
    response = client.post(reverse("twofactor_verify"), {"token": recovery})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_superuser_must_set_up_the_second_factor_too(client, newsroom, required):
    admin_user = set_password(newsroom.superuser)
    log_in(client, admin_user)
    response = client.get("/admin/")
    assert response.status_code == 302


def test_a_contributor_is_offered_the_second_factor_but_not_held(
    client, newsroom, required
):
    writer = set_password(newsroom.contributor_a)
    log_in(client, writer)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert reverse("twofactor_setup") in response.content.decode()


def test_a_contributor_who_set_it_up_must_give_it(client, newsroom, required):
    writer = set_password(newsroom.contributor_a)
    confirmed_device(writer)
    log_in(client, writer)
    assert client.get("/admin/").status_code == 302


def test_with_the_requirement_off_an_editor_logs_in_with_the_password(
    client, newsroom, settings
):
    settings.WARTA_REQUIRE_2FA = False
    editor = set_password(newsroom.editor)
    log_in(client, editor)
    assert client.get("/admin/").status_code == 200


def test_after_a_lost_phone_a_recovery_code_leads_to_setting_up_a_new_one(
    client, newsroom, required
):
    editor = set_password(newsroom.editor)
    confirmed_device(editor).delete()  # an administrator removed the lost phone
    recovery = recovery_codes_create(user=editor)[0]
    log_in(client, editor)

    response = client.get(reverse("twofactor_setup"))
    assert response.url.startswith(reverse("twofactor_verify"))
    response = client.post(
        response.url, {"token": recovery, "next": reverse("twofactor_setup")}
    )
    assert response.url == reverse("twofactor_setup")
    response = client.get(reverse("twofactor_setup"))
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert response.context["secret"]
    response = client.post(reverse("twofactor_setup"), {"token": code(device)})
    assert len(response.context["codes"]) == 10
    assert not StaticToken.objects.filter(token=recovery).exists()


def test_the_second_step_offers_a_way_out(client, newsroom, required):
    editor = set_password(newsroom.editor)
    confirmed_device(editor)
    log_in(client, editor)
    page = client.get(reverse("twofactor_verify")).content.decode()
    assert f'action="{reverse("admin:logout")}"' in page
    client.post(reverse("admin:logout"))
    assert not logged_in(client)
