"""The newsroom domain: stories, their taxonomy, the people and agencies in them."""

from .integrity import ArticleFingerprint, ContentVerification, LinkGuardCheck
from .people import Agency, Official, Position
from .preview import PreviewLink
from .reads import ArticleDailyReads
from .replies import ReplyRequest
from .story import (
    Article,
    ArticlePhoto,
    ArticleQuerySet,
    ArticleSlugRedirect,
    PhotoSubject,
)
from .taxonomy import Category, TaggedArticle
from .workflow import (
    AgencyMembership,
    ArticleEditSession,
    ArticleEvent,
    ArticleInReview,
    ArticleRevision,
)

__all__ = [
    "Agency",
    "AgencyMembership",
    "Article",
    "ArticleDailyReads",
    "ArticleEditSession",
    "ArticleEvent",
    "ArticleFingerprint",
    "ArticleInReview",
    "ArticlePhoto",
    "ArticleQuerySet",
    "ArticleRevision",
    "ArticleSlugRedirect",
    "Category",
    "ContentVerification",
    "LinkGuardCheck",
    "Official",
    "PhotoSubject",
    "PreviewLink",
    "ReplyRequest",
    "Position",
    "TaggedArticle",
]
