import pytest

from tests.articles.workflow_factories import Newsroom


@pytest.fixture
def newsroom():
    """Two agencies with a contributor each, an editor and an administrator."""
    return Newsroom()
