"""A WSGI-level client for the status page: no server, the app called as the web process would."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy.orm import Session, sessionmaker

from reports.web import make_app
from seuranta.settings import Settings
from tests.support.programme import NOW

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication


@pytest.fixture
def app(reported: sessionmaker[Session]) -> WSGIApplication:
    return make_app(reported, Settings(), clock=lambda: NOW)
