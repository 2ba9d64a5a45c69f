"""factory-boy factories for the newsroom domain."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Agency, Article, Category, Official, Page, Position


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("rahasia-warta-123")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Rubrik {n}")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Badan Contoh {n} Kabupaten Kotawaringin Barat")
    short_name = factory.Sequence(lambda n: f"Badan {n}")


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    name = factory.Sequence(lambda n: f"Pejabat {n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    official = factory.SubFactory(OfficialFactory)
    agency = factory.SubFactory(AgencyFactory)
    title = "Kepala Badan"
    short_title = "Kaban"
    start_date = datetime.date(2020, 1, 1)
    end_date = None


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Berita contoh nomor {n}")
    summary = "Ringkasan berita contoh."
    body = "<p>Isi berita contoh.</p>"
    category = factory.SubFactory(CategoryFactory)
    contributing_agency = factory.SubFactory(AgencyFactory)

    class Params:
        published = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(
                lambda: timezone.now() - datetime.timedelta(hours=1)
            ),
        )


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Halaman {n}")
    body = "<p>Isi halaman contoh.</p>"
