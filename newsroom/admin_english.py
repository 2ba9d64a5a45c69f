"""What Django's admin writes in English where no translation reaches it.

``admin_list._boolean_icon`` gives a yes/no icon the alt text "True",
"False" or "None" (not marked for translation), and screen readers read it
aloud in every list and read-only field. ``NewsroomConfig.ready`` puts
``boolean_icon`` in its place. The search box's icon has the same problem;
``templates/admin/search_form.html`` fixes that one.
"""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

ICONS = {
    True: ("yes", _("Ya")),
    False: ("no", _("Tidak")),
    None: ("unknown", _("Tidak diketahui")),
}


def boolean_icon(field_val):
    """Django's yes/no icon, with its alt text in the user's language."""
    name, label = ICONS[field_val]
    return format_html(
        '<img src="{}" alt="{}">', static(f"admin/img/icon-{name}.svg"), label
    )


def admin_boolean_icon_translate():
    from django.contrib.admin.templatetags import admin_list

    admin_list._boolean_icon = boolean_icon
