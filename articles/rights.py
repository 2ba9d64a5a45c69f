"""Who may do what with a story: the newsroom's roles as plain predicates.

An *editor* (Redaktur, or a superuser) holds ``articles.publish_article`` and
may do everything with every story. A *contributor* (Kontributor) belongs to
one agency through ``AgencyMembership`` and works only on that agency's
stories, only while they are drafts or sent back for changes. Anyone else
with admin access sees no stories at all. The admin, the workflow services
and the preview all ask these functions, so a rule is written once.
"""

from django.db.models import Q

from media_library.models import Photo

from .models import AgencyMembership, Article, ArticlePhoto

EDITOR_PERMISSION = "articles.publish_article"
CONTRIBUTOR_EDITABLE = (Article.Status.DRAFT, Article.Status.CHANGES_REQUESTED)


def is_editor(user):
    return bool(user and user.is_active and user.has_perm(EDITOR_PERMISSION))


def user_agency_id(user):
    """The id of the agency ``user`` writes for, or None (cached on the user)."""
    if not user or not user.is_authenticated:
        return None
    if not hasattr(user, "_warta_agency_id"):
        user._warta_agency_id = (
            AgencyMembership.objects.filter(user_id=user.pk)
            .values_list("agency_id", flat=True)
            .first()
        )
    return user._warta_agency_id


def is_contributor(user):
    return (
        bool(user and user.is_active)
        and not is_editor(user)
        and user_agency_id(user) is not None
    )


def stories_for(user, queryset=None):
    """The stories ``user`` may see in the admin and preview."""
    queryset = Article.objects.all() if queryset is None else queryset
    if is_editor(user):
        return queryset
    agency_id = user_agency_id(user) if user and user.is_active else None
    if agency_id is None:
        return queryset.none()
    return queryset.filter(contributing_agency_id=agency_id)


def can_view(user, article):
    if is_editor(user):
        return True
    agency_id = user_agency_id(user) if user and user.is_active else None
    return agency_id is not None and article.contributing_agency_id == agency_id


def can_edit(user, article):
    """Change the content; for a contributor only drafts and sent-back stories."""
    if is_editor(user):
        return True
    return can_view(user, article) and article.status in CONTRIBUTOR_EDITABLE


def was_ever_published(article):
    return (
        article.status in (Article.Status.PUBLISHED, Article.Status.UNPUBLISHED)
        or article.published_at is not None
        or article.events.filter(to_status=Article.Status.PUBLISHED).exists()
    )


def can_delete(user, article):
    if is_editor(user):
        return True
    return can_edit(user, article) and not was_ever_published(article)


def photos_for(user, queryset=None):
    """The library photos ``user`` may see, search and put in a story.

    Editors see every photo. Anyone else sees the photos already public in a
    story readers can see, their own uploads, and, for a contributor, the
    photos uploaded by someone of their agency or shown in their agency's
    stories. Another agency's unpublished photos stay out of sight.
    """
    queryset = Photo.objects.all() if queryset is None else queryset
    if is_editor(user):
        return queryset
    in_stories = ArticlePhoto.objects.filter(
        article__in=Article.objects.visible()
    ).values("photo_id")
    allowed = Q(pk__in=in_stories)
    if user and user.is_active and user.is_authenticated:
        allowed |= Q(uploaded_by_id=user.pk)
        agency_id = user_agency_id(user)
        if agency_id is not None:
            colleagues = AgencyMembership.objects.filter(agency_id=agency_id)
            allowed |= Q(uploaded_by_id__in=colleagues.values("user_id"))
            allowed |= Q(
                pk__in=ArticlePhoto.objects.filter(
                    article__contributing_agency_id=agency_id
                ).values("photo_id")
            )
    return queryset.filter(allowed)


def can_see_photo(user, photo):
    return photos_for(user).filter(pk=photo.pk).exists()


def can_change_photo(user, photo):
    """Change a library photo's caption, alt text or people.

    Editors change any photo. A contributor changes only photos uploaded by
    someone of their own agency, and only while every story using the photo
    is one they may edit: a published story's photo changes through an editor.
    """
    if is_editor(user):
        return True
    agency_id = user_agency_id(user) if user and user.is_active else None
    if agency_id is None or photo.uploaded_by_id is None:
        return False
    if photo.uploaded_by_id != user.pk and (
        user_agency_id(photo.uploaded_by) != agency_id
    ):
        return False
    return all(
        can_edit(user, use.article)
        for use in photo.article_uses.select_related("article")
    )
