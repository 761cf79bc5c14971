import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client


def staff_client(username, group=None, superuser=False):
    User = get_user_model()
    if superuser:
        user = User.objects.create_superuser(username, f"{username}@example.org", "pw")
    else:
        user = User.objects.create_user(username, f"{username}@example.org", "pw", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def clerk(db):
    return staff_client("clara-clerk", "Clerks")


@pytest.fixture
def second_clerk(db):
    return staff_client("colin-clerk", "Clerks")


@pytest.fixture
def reviewer(db):
    return staff_client("rita-reviewer", "Reviewers")


@pytest.fixture
def superuser(db):
    return staff_client("sam-superuser", superuser=True)
