import os

import pytest


@pytest.fixture
def stored_files(_media_root):
    """A function listing every file under MEDIA_ROOT (relative paths)."""

    def walk():
        found = []
        for folder, _dirs, files in os.walk(_media_root):
            for name in files:
                path = os.path.join(folder, name)
                found.append(os.path.relpath(path, _media_root))
        return sorted(found)

    return walk
