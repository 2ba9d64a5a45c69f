"""The newsroom domain: stories, their taxonomy, the people and agencies in them."""

from .people import Agency, Official, Position
from .reads import ArticleDailyReads
from .story import (
    Article,
    ArticlePhoto,
    ArticleQuerySet,
    ArticleSlugRedirect,
    PhotoSubject,
)
from .taxonomy import Category, TaggedArticle

__all__ = [
    "Agency",
    "Article",
    "ArticleDailyReads",
    "ArticlePhoto",
    "ArticleQuerySet",
    "ArticleSlugRedirect",
    "Category",
    "Official",
    "PhotoSubject",
    "Position",
    "TaggedArticle",
]
