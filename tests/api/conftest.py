"""Fixtures borrowed from the knowledge-base and learning tests."""

from tests.knowledgebase.conftest import indexes  # noqa: F401
from tests.learning.conftest import esco  # noqa: F401
