"""Editorial workflow: agency membership, events, revisions, edit sessions, the
review queue, and the rights the roles need for them.

Redaktur gets the "publish" right (``articles.publish_article``), which is
what makes a user an editor; Kontributor and Redaktur may read the history
of the stories they can see. Assigning memberships stays with administrators.
"""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

PUBLISH = ("publish_article", "Can publish, schedule and unpublish article")

EDITOR_EXTRA = [
    "view_articleevent",
    "view_articlerevision",
    "view_articleinreview",
    "view_agencymembership",
]
CONTRIBUTOR_EXTRA = ["view_articleevent", "view_articlerevision"]


def grant_workflow_rights(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    article_type, _ = ContentType.objects.get_or_create(
        app_label="articles", model="article"
    )
    publish, _ = Permission.objects.get_or_create(
        content_type=article_type, codename=PUBLISH[0], defaults={"name": PUBLISH[1]}
    )

    def articles_perms(codenames):
        return Permission.objects.filter(
            content_type__app_label="articles", codename__in=codenames
        )

    editor, _ = Group.objects.get_or_create(name="Redaktur")
    editor.permissions.add(publish, *articles_perms(EDITOR_EXTRA))
    contributor, _ = Group.objects.get_or_create(name="Kontributor")
    contributor.permissions.add(*articles_perms(CONTRIBUTOR_EXTRA))
    # The membership and edit-session models came after 0002 gave editors every
    # articles permission; memberships are the administrators' business.
    editor.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="articles",
            codename__in=[
                "add_agencymembership",
                "change_agencymembership",
                "delete_agencymembership",
            ],
        )
    )


def revoke_workflow_rights(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="articles", codename=PUBLISH[0]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleInReview',
            fields=[
            ],
            options={
                'verbose_name': 'antrean redaksi',
                'verbose_name_plural': 'antrean redaksi',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('articles.article',),
        ),
        migrations.CreateModel(
            name='AgencyMembership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='memberships', to='articles.agency', verbose_name='instansi')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='agency_membership', to=settings.AUTH_USER_MODEL, verbose_name='pengguna')),
            ],
            options={
                'verbose_name': 'keanggotaan instansi',
                'verbose_name_plural': 'keanggotaan instansi',
            },
        ),
        migrations.CreateModel(
            name='ArticleRevision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('content', models.JSONField(default=dict, verbose_name='isi')),
                ('note', models.CharField(blank=True, max_length=200, verbose_name='keterangan')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='waktu')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='articles.article', verbose_name='berita')),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='disimpan oleh')),
            ],
            options={
                'verbose_name': 'revisi berita',
                'verbose_name_plural': 'revisi berita',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ArticleEditSession',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('seen_at', models.DateTimeField(verbose_name='terakhir dibuka')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='edit_sessions', to='articles.article', verbose_name='berita')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='pengguna')),
            ],
            options={
                'verbose_name': 'sesi penyuntingan',
                'verbose_name_plural': 'sesi penyuntingan',
                'constraints': [models.UniqueConstraint(fields=('article', 'user'), name='article_edit_session_unique')],
            },
        ),
        migrations.CreateModel(
            name='ArticleEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('submit', 'Diajukan ke redaksi'), ('withdraw', 'Ditarik kembali'), ('request_changes', 'Diminta revisi'), ('publish', 'Diterbitkan'), ('schedule', 'Dijadwalkan'), ('unpublish', 'Diturunkan')], max_length=20, verbose_name='tindakan')),
                ('from_status', models.CharField(choices=[('draft', 'Draf'), ('in_review', 'Menunggu review'), ('changes_requested', 'Perlu revisi'), ('published', 'Terbit'), ('unpublished', 'Diturunkan')], max_length=20, verbose_name='dari status')),
                ('to_status', models.CharField(choices=[('draft', 'Draf'), ('in_review', 'Menunggu review'), ('changes_requested', 'Perlu revisi'), ('published', 'Terbit'), ('unpublished', 'Diturunkan')], max_length=20, verbose_name='ke status')),
                ('comment', models.TextField(blank=True, verbose_name='catatan')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='waktu terbit')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='waktu')),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='oleh')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='articles.article', verbose_name='berita')),
                ('revision', models.ForeignKey(blank=True, help_text='Isi berita saat tindakan ini diambil.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='articles.articlerevision', verbose_name='revisi')),
            ],
            options={
                'verbose_name': 'riwayat alur kerja',
                'verbose_name_plural': 'riwayat alur kerja',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['article', 'action', '-created_at'], name='article_event_action_idx')],
            },
        ),
            migrations.RunPython(grant_workflow_rights, revoke_workflow_rights),
    ]
