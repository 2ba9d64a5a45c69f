"""The newsroom's roles as groups: Kontributor (humas of an agency) and Redaktur."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTRIBUTOR = {
    "articles": {
        "article": ["add", "change", "delete", "view"],
        "articlephoto": ["add", "change", "delete", "view"],
        "photosubject": ["add", "change", "delete", "view"],
        "category": ["view"],
        "agency": ["view"],
        "official": ["view"],
        "position": ["view"],
    },
    "media_library": {"photo": ["add", "change", "view"], "rendition": ["view"]},
    "taggit": {"tag": ["view"]},
}

EDITOR_APPS = {
    "articles": None,  # every model, every action
    "media_library": None,
    "taggit": None,
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so
    # the groups can be given them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    contributor, _ = Group.objects.get_or_create(name="Kontributor")
    wanted = [
        (app, f"{action}_{model}")
        for app, models in CONTRIBUTOR.items()
        for model, actions in models.items()
        for action in actions
    ]
    contributor.permissions.set([
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in wanted
    ])

    editor, _ = Group.objects.get_or_create(name="Redaktur")
    editor.permissions.set(
        Permission.objects.filter(content_type__app_label__in=EDITOR_APPS)
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Kontributor", "Redaktur"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("media_library", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
