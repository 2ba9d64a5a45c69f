"""Admin for users, with the agency a contributor writes for."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from ..models import AgencyMembership

User = get_user_model()


class AgencyMembershipInline(admin.StackedInline):
    model = AgencyMembership
    can_delete = True
    autocomplete_fields = ["agency"]
    verbose_name = _("instansi (untuk kontributor)")
    verbose_name_plural = _("instansi (untuk kontributor)")


admin.site.unregister(User)


@admin.register(User)
class NewsroomUserAdmin(UserAdmin):
    """Django's user admin with the agency a contributor writes for."""

    inlines = [*UserAdmin.inlines, AgencyMembershipInline]
    list_display = [*UserAdmin.list_display, "agency"]
    list_select_related = ["agency_membership__agency"]

    @admin.display(description=_("instansi"))
    def agency(self, obj):
        membership = getattr(obj, "agency_membership", None)
        return membership.agency if membership else "—"
