"""What changed since the editor last reviewed a story (articles/revisions.py
``review_pair``, shown by articles/admin/history.py): the comparison starts at
the editor's "Minta revisi", whatever the writer did since, and includes the
photos' credits and the people in them."""

import pytest
from django.urls import reverse

from articles.models import Article, PhotoSubject
from tests.support.admin_forms import admin_page_data, change_url, form_data
from tests.support.factories import OfficialFactory
from tests.support.newsroom import agency_story

pytestmark = pytest.mark.django_db


def press(client, story, button, **extra):
    """Press a workflow button on the story's page, as its user (the form is
    posted with it, as the browser does)."""
    data = form_data(client, story, _transition=button, **extra)
    response = client.post(change_url(story), data, follow=True)
    assert response.status_code == 200
    story.refresh_from_db()


def save_story(client, story, **changes):
    response = client.post(change_url(story), form_data(client, story, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]


def set_photo_credit(client, photo, credit):
    """Change a library photo's credit on its own admin page."""
    url = reverse("admin:media_library_photo_change", args=[photo.pk])
    data = admin_page_data(client.get(url), credit=credit)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def story(newsroom):
    return agency_story(newsroom)


def editor_comparison(client, newsroom, story):
    client.force_login(newsroom.editor)
    form_page = client.get(change_url(story)).content.decode()
    assert "Perubahan sejak review terakhir" in form_page
    response = client.get(
        reverse("admin:articles_article_compare", args=[story.pk]), follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


def test_editor_sees_every_change_since_asking_for_them_after_a_withdraw(
    client, newsroom, story
):
    photo = story.photos.get().photo
    photo.credit = "Foto: Humas Kesbangpol"
    photo.uploaded_by = newsroom.contributor_a
    photo.save()
    client.force_login(newsroom.contributor_a)
    press(client, story, "submit")
    client.force_login(newsroom.editor)
    press(
        client,
        story,
        "request_changes",
        _workflow_comment="Sebut nama Kapolres dan perbaiki kredit foto.",
    )
    assert story.status == Article.Status.CHANGES_REQUESTED

    client.force_login(newsroom.contributor_a)
    save_story(client, story, body="<p>Kapolres Kobar AKBP Yusfandi hadir di aula.</p>")
    press(client, story, "submit")
    press(client, story, "withdraw")
    assert story.status == Article.Status.DRAFT
    save_story(client, story, title="Rakor Pilkada Serentak")
    set_photo_credit(client, photo, "Foto: Humas Polres Kobar")
    press(client, story, "submit")
    assert story.status == Article.Status.IN_REVIEW

    page = editor_comparison(client, newsroom, story)
    # The first round of changes, made before the withdraw, is still shown ...
    assert "Kapolres<ins> Kobar AKBP Yusfandi</ins> hadir" in page
    # ... with the title changed after it ...
    assert "<ins> Serentak</ins>" in page
    # ... and the photo's credit.
    assert (
        'kredit foto: <span class="diff">Foto: Humas <del>Kesbangpol</del>'
        "<ins>Polres Kobar</ins>"
    ) in page


def test_people_placed_in_a_photo_after_review_show_in_the_comparison(
    client, newsroom, story
):
    photo = story.photos.get().photo
    client.force_login(newsroom.contributor_a)
    press(client, story, "submit")
    client.force_login(newsroom.editor)
    press(client, story, "request_changes", _workflow_comment="Siapa di foto?")
    official = OfficialFactory(name="Budi Santosa")
    PhotoSubject.objects.create(photo=photo, official=official, place="tengah")
    client.force_login(newsroom.contributor_a)
    press(client, story, "submit")

    page = editor_comparison(client, newsroom, story)
    assert "+ orang di foto: Budi Santosa (tengah)" in page
    assert '<h3>Judul <small class="unchanged">(tidak berubah)</small>' in page


def test_nothing_to_compare_when_nothing_changed_since_review(client, newsroom, story):
    client.force_login(newsroom.contributor_a)
    press(client, story, "submit")
    client.force_login(newsroom.editor)
    press(client, story, "request_changes", _workflow_comment="Cek lagi.")
    client.force_login(newsroom.contributor_a)
    press(client, story, "submit")
    client.force_login(newsroom.editor)
    page = client.get(change_url(story)).content.decode()
    assert "Perubahan sejak" not in page
