"""The HTTP API (FastAPI + uvicorn): ``newsbrief serve`` runs it; see the README, "HTTP API".

    from newsbrief.api import create_app, running
    with running(create_app()) as url:      # a real server on a free loopback port
        ...                                  # POST {url}/brief
"""

from newsbrief.api.app import create_app
from newsbrief.api.server import bind, running, serve
from newsbrief.api.settings import ServerSettings

__all__ = ["ServerSettings", "bind", "create_app", "running", "serve"]
