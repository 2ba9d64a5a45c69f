from django.urls import URLPattern, URLResolver, get_resolver


def all_callbacks(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from all_callbacks(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            yield pattern.callback


def test_ckeditor_packages_own_upload_view_is_not_reachable():
    modules = {
        getattr(cb, "__module__", "")
        for cb in all_callbacks(get_resolver().url_patterns)
    }
    assert not any(m.startswith("django_ckeditor_5") for m in modules)


def test_packages_upload_address_is_404(client, db):
    assert client.post("/ckeditor5/image_upload/").status_code == 404
    assert client.post("/image_upload/").status_code == 404
