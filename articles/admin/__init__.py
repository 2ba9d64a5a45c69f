"""The newsroom's admin, in Indonesian: stories with their photos and
workflow, the people and agencies they name, users and their agencies.

Importing the modules registers their ModelAdmins.
"""

from . import pages, people, photos, replies, story, taxonomy, users, workflow  # noqa: F401
