"""Newsroom people and ready-to-publish stories for the workflow tests."""

import importlib
import uuid

from django.contrib.auth.models import Group

from articles.models import AgencyMembership, ArticlePhoto
from media_library.models import Photo
from tests.support.factories import AgencyFactory, ArticleFactory, UserFactory
from tests.support.photos import PhotoFactory


def ensure_roles():
    """Make the Kontributor and Redaktur groups as the data migrations do.

    A transactional test elsewhere flushes the database, data-migration rows
    included; tests that need the roles after such a flush call this.
    """
    from django.apps import apps

    roles = importlib.import_module("articles.migrations.0002_roles")
    workflow = importlib.import_module("articles.migrations.0003_workflow")
    if Group.objects.filter(name__in=["Kontributor", "Redaktur"]).count() != 2:
        roles.create_roles(apps, None)
        workflow.grant_workflow_rights(apps, None)


def editor(username="redaktur", **kwargs):
    ensure_roles()
    user = UserFactory(username=username, is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name="Redaktur"))
    return user


def contributor(agency, username=None):
    ensure_roles()
    user = UserFactory(username=username or f"humas.{agency.slug}", is_staff=True)
    user.groups.add(Group.objects.get(name="Kontributor"))
    AgencyMembership.objects.create(user=user, agency=agency)
    return user


def bare_photo():
    """A library row with caption and alt text but no file work: for tests that
    only need a story to be publishable, fast."""
    return Photo.objects.create(
        file=f"photos/uji-{uuid.uuid4().hex}.jpg",
        width=800,
        height=600,
        checksum=uuid.uuid4().hex,
        title="Rakor",
        caption="Rapat koordinasi di aula.",
        alt_text="Pejabat di meja rapat.",
    )


def ready_story(*, photo=None, **kwargs):
    """A story with everything publishing needs, including a featured photo.

    ``photo=bare_photo()`` skips making real image files and renditions.
    """
    kwargs.setdefault("contributing_agency", AgencyFactory())
    article = ArticleFactory(**kwargs)
    ArticlePhoto.objects.create(
        article=article,
        photo=photo or PhotoFactory(),
        role=ArticlePhoto.Role.FEATURED,
        caption="Pj. Bupati Kobar (tengah) memberi arahan.",
    )
    return article


def agency_story(newsroom):
    """A publishable draft of agency A by its contributor, tagged, with a bare
    photo: the story the revision and history tests change and compare."""
    article = ready_story(
        photo=bare_photo(),
        title="Rakor Pilkada",
        body="<p>Kapolres hadir di aula.</p>",
        contributing_agency=newsroom.agency_a,
        author=newsroom.contributor_a,
    )
    article.tags.set(["pilkada 2024"])
    return article


class Newsroom:
    """Two agencies, a contributor of each, an editor, an admin, a bystander."""

    def __init__(self):
        self.agency_a = AgencyFactory(short_name="Kesbangpol Kobar")
        self.agency_b = AgencyFactory(short_name="Dinkes Kobar")
        self.contributor_a = contributor(self.agency_a, "humas.a")
        self.contributor_b = contributor(self.agency_b, "humas.b")
        self.editor = editor()
        self.superuser = UserFactory(username="admin", is_staff=True, is_superuser=True)
        # Staff with article rights but neither a role nor an agency.
        self.stranger = UserFactory(username="tamu", is_staff=True)
        self.stranger.groups.add(Group.objects.get(name="Kontributor"))
