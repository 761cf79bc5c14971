"""The two roles: Clerks keep the record, Reviewers read it. Superusers alone delete."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The record Clerks add to and change, and Reviewers read.
RECORD_MODELS = {
    "petitions": [
        "parliamentsession",
        "member",
        "subject",
        "keyword",
        "petition",
        "whereasclause",
        "demand",
        "signaturecount",
    ],
    "responses": ["governmentresponse"],
}
# Parts of a petition's text a Clerk removes while editing it; history keeps
# them and can restore them.
CLERK_DELETES = {"petitions": ["whereasclause", "demand", "signaturecount"]}


def codenames(models, actions):
    return {
        (app_label, f"{action}_{model}")
        for app_label, names in models.items()
        for model in names
        for action in actions
    }


ROLES = {
    "Clerks": codenames(RECORD_MODELS, ["add", "change", "view"])
    | codenames(CLERK_DELETES, ["delete"]),
    "Reviewers": codenames(RECORD_MODELS, ["view"]),
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            permission
            for permission in Permission.objects.select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in wanted
        ]
        assert len(permissions) == len(wanted), f"missing permissions for {name}"
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clerks", "0001_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("petitions", "0001_initial"),
        ("responses", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
