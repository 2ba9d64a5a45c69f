"""Hostile input never becomes a server error (issue 8, defect 10).

A corpus of values an attacker or a broken client sends (NUL bytes, huge
numbers, overlong strings, invalid UTF-8, odd unicode) goes into every
converter of every public URL pattern and into every query parameter those
pages read, and into every admin changelist's search box, list filters and
date drill-down and every autocomplete, logged in as a superuser. Any answer
below 500 is fine (a page, a 400, a 404, a redirect). Run it on PostgreSQL
too: a NUL byte is harmless to SQLite and a DataError on PostgreSQL.
"""

import re

import pytest
from django.contrib import admin
from django.contrib.admin.views.main import ORDER_VAR, PAGE_VAR, SEARCH_VAR
from django.db import transaction
from django.test import RequestFactory
from django.urls import URLPattern, reverse
from django.urls.converters import IntConverter

from articles.models import Article
from portal import urls as portal_urls
from portal.caching import PAGE_PARAMS
from tests.support.admin_forms import change_url, form_data, story_in
from tests.support.factories import UserFactory
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db

# As they travel in an address: percent-encoded where a client would encode.
HOSTILE = [
    "%00",
    "a%00b",
    "99999999999999999999",
    "-99999999999999999999",
    "9" * 400,
    "1e309",
    "0",
    "-1",
    "9999",
    "x" * 3000,
    "%C0%AF",  # overlong UTF-8 for "/"
    "%FF",
    "%C3",  # a sequence cut short
    "%ED%A0%80",  # an escaped UTF-16 surrogate
    "%F4%90%80%80",  # past U+10FFFF
    "%E2%80%8F%E2%80%AEtxt.exe",  # RTL mark, RTL override
    "%E2%80%8B%EF%BB%BF",  # zero-width space, byte-order mark
    "a%CC%81%CC%81%CC%81",  # stacked combining accents
    "%F0%9F%92%A3",
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%27%20OR%201%3D1--",
    "%25%00",
    "%0D%0ASet-Cookie:%20x=1",
    "0000-00-00",
    "9999-12-31",
]
# Real values for converters, to put hostile query strings on.
SAMPLES = {
    "portal:detail": lambda s: {"slug": s.slug},
    "portal:category": lambda s: {"slug": s.category.slug},
    "portal:category-feed": lambda s: {"slug": s.category.slug},
    "portal:tag": lambda s: {"slug": s.tags.first().slug},
    "portal:tag-feed": lambda s: {"slug": s.tags.first().slug},
    "portal:agency": lambda s: {"slug": s.contributing_agency.slug},
    "portal:agency-feed": lambda s: {"slug": s.contributing_agency.slug},
    "portal:official": lambda s: {"slug": s.officials.first().slug},
    "portal:archive": lambda s: {
        "year": s.published_at.year,
        "month": f"{s.published_at.month:02d}",
    },
    "portal:sitemap-section": lambda s: {"section": "berita"},
    "portal:read": lambda s: {"pk": s.pk},
    "portal:preview": lambda s: {"pk": s.pk},
    "portal:preview-signed": lambda s: {"token": "bukan-tanda-tangan"},
}
# Query parameters tried on every page, besides those it reads.
EXTRA_PARAMS = ("page", "q", "p", "x")
_CONVERTER = re.compile(r"<(?:\w+:)?\w+>")


def _public_patterns():
    return [p for p in portal_urls.urlpatterns if isinstance(p, URLPattern)]


def _name(pattern):
    return f"{portal_urls.app_name}:{pattern.name}"


def _request(client, method, url):
    """The status, or the exception, for one request (in a savepoint, so a
    database error does not poison the rest of the test on PostgreSQL)."""
    try:
        with transaction.atomic():
            response = getattr(client, method)(url)
    except Exception as error:  # noqa: BLE001 - reported with its address
        return f"{type(error).__name__}: {str(error)[:160]}"
    return response.status_code


def assert_no_server_error(client, urls, method="get"):
    errors = []
    for url in urls:
        outcome = _request(client, method, url)
        if not isinstance(outcome, int) or outcome >= 500:
            errors.append(f"{method.upper()} {url[:120]} -> {outcome}")
    assert not errors, f"{len(errors)} server errors:\n" + "\n".join(errors)


@pytest.fixture
def story():
    return seed_story(photos=0, officials=1, agencies=1)


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _sample_kwargs(pattern, story):
    """Real values for the pattern's converters (a new address without a
    sample gets the story's id or slug)."""
    if _name(pattern) in SAMPLES:
        return SAMPLES[_name(pattern)](story)
    return {
        key: story.pk if isinstance(converter, IntConverter) else story.slug
        for key, converter in pattern.pattern.converters.items()
    }


@pytest.mark.parametrize("as_superuser", [False, True], ids=["anonymous", "superuser"])
@pytest.mark.parametrize("pattern", _public_patterns(), ids=_name)
def test_hostile_values_in_public_addresses_are_no_server_error(
    client, story, pattern, as_superuser
):
    if as_superuser:
        client.force_login(UserFactory(is_staff=True, is_superuser=True))
    name = _name(pattern)
    method = "post" if name == "portal:read" else "get"
    urls = []
    route = "/" + str(pattern.pattern)
    if pattern.pattern.converters:
        urls += [_CONVERTER.sub(value, route) for value in HOSTILE]
    base = reverse(name, kwargs=_sample_kwargs(pattern, story))
    params = set(PAGE_PARAMS.get(name, ())) | set(EXTRA_PARAMS)
    urls += [f"{base}?{param}={value}" for param in sorted(params) for value in HOSTILE]
    assert_no_server_error(client, urls, method)


def _changelists():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def _changelist_params(model_admin, user):
    """The search box, each list filter's parameters and the date drill-down."""
    request = RequestFactory().get("/")
    request.user = user
    changelist = model_admin.get_changelist_instance(request)
    params = [ORDER_VAR, PAGE_VAR]
    if model_admin.get_search_fields(request):
        params.append(SEARCH_VAR)
    for spec in changelist.filter_specs:
        params += spec.expected_parameters()
    queries = [[(param, "{}")] for param in params]
    if model_admin.date_hierarchy:
        field = model_admin.date_hierarchy
        queries += [
            [(f"{field}__year", "{}")],
            [(f"{field}__year", "2024"), (f"{field}__month", "{}")],
            [
                (f"{field}__year", "2024"),
                (f"{field}__month", "1"),
                (f"{field}__day", "{}"),
            ],
        ]
    return queries


@pytest.mark.parametrize(
    "model, model_admin",
    _changelists(),
    ids=[model._meta.label for model, _ in _changelists()],
)
def test_hostile_values_in_admin_changelists_are_no_server_error(
    superuser_client, story, model, model_admin
):
    user = UserFactory(is_staff=True, is_superuser=True, username="penguji")
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    urls = []
    for query in _changelist_params(model_admin, user):
        for value in HOSTILE:
            urls.append(
                url + "?" + "&".join(f"{k}={v.format(value)}" for k, v in query)
            )
    assert_no_server_error(superuser_client, urls)


def _autocompletes():
    for model, model_admin in _changelists():
        for field in model_admin.autocomplete_fields:
            yield model, field


@pytest.mark.parametrize(
    "model, field",
    list(_autocompletes()),
    ids=[f"{model._meta.label}.{field}" for model, field in _autocompletes()],
)
def test_hostile_autocomplete_terms_are_no_server_error(
    superuser_client, story, model, field
):
    base = (
        f"/admin/autocomplete/?app_label={model._meta.app_label}"
        f"&model_name={model._meta.model_name}"
    )
    urls = [f"{base}&field_name={field}&term={value}" for value in HOSTILE]
    urls += [f"{base}&field_name={field}&term=a&page={value}" for value in HOSTILE]
    urls += [f"{base}&field_name={value}&term=a" for value in HOSTILE]
    assert_no_server_error(superuser_client, urls)


# --- the cases found by hand -------------------------------------------------


@pytest.mark.parametrize("path", ["/tag/%00/", "/tag/%00/feed/", "/cari/?q=%00"])
def test_a_nul_byte_in_a_public_address_is_refused(client, story, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "tidak dapat dibaca" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/admin/"])
def test_a_nul_byte_in_the_session_cookie_is_refused(client, story, path):
    """The session key is looked up in the database before any view runs."""
    client.cookies["sessionid"] = "abcdefgh\x00ijklmnop"
    assert client.get(path).status_code == 400


def test_a_nul_byte_in_an_admin_autocomplete_term_is_refused(superuser_client):
    response = superuser_client.get(
        "/admin/autocomplete/?term=%00&app_label=articles"
        "&model_name=article&field_name=officials"
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "published_at__year=99999999999",
        "published_at__year=9999",
        "published_at__year=1",
        "published_at__year=9999&published_at__month=12",
    ],
)
def test_an_impossible_year_in_the_admin_list_is_refused(superuser_client, query):
    response = superuser_client.get(f"/admin/articles/article/?{query}")
    assert response.status_code == 400
    assert "tidak dapat dibaca" in response.content.decode()


def test_a_real_year_in_the_admin_list_still_filters(superuser_client, story):
    year = story.published_at.year
    response = superuser_client.get(
        f"/admin/articles/article/?published_at__year={year}"
    )
    assert response.status_code == 200
    assert story.title in response.content.decode()


def test_a_nul_byte_in_a_workflow_note_gets_a_message_and_changes_nothing(
    client, newsroom
):
    story = story_in(newsroom, "in_review")
    client.force_login(newsroom.editor)
    data = form_data(
        client, story, _transition="request_changes", _workflow_comment="Per\x00baiki"
    )
    response = client.post(change_url(story), data, follow=True)
    assert response.status_code == 200
    assert "karakter yang tidak diizinkan" in response.content.decode()
    story.refresh_from_db()
    assert story.status == Article.Status.IN_REVIEW
    assert not story.events.filter(comment__contains="baiki").exists()
