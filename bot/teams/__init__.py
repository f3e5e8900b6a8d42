"""Microsoft Teams, the second chat front end, on the Teams SDK (``microsoft-teams-apps``).

``bot.teams.app.teams_wsgi`` is what a server mounts on ``POST /api/messages``; see that module.

Importing the SDK's app module runs ``load_dotenv(find_dotenv(usecwd=True))``: a ``.env`` file in
the working directory (or any directory above it) would be copied into ``os.environ``, where
neither our settings nor anyone reviewing a deployment would expect it. This package is the only
importer of ``microsoft_teams.apps`` and imports it here, first, with python-dotenv's own switch
turned on for that moment. Every Teams option is then passed explicitly (``bot.teams.app``).
"""

from __future__ import annotations

import os
import warnings

_DOTENV_SWITCH = "PYTHON_DOTENV_DISABLED"


def _import_sdk_without_dotenv() -> None:
    before = os.environ.get(_DOTENV_SWITCH)
    os.environ[_DOTENV_SWITCH] = "1"
    try:
        # It also warns, on import, that a feature we do not use (HTML widgets) is a preview.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=r"microsoft_teams\.")
            import microsoft_teams.apps  # noqa: F401
    finally:
        if before is None:
            del os.environ[_DOTENV_SWITCH]
        else:
            os.environ[_DOTENV_SWITCH] = before


_import_sdk_without_dotenv()
