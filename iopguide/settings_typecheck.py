"""Settings for mypy's django-stubs plugin only, which imports them to learn the models.

iopguide.settings refuses to load without SECRET_KEY unless DEBUG is on, and type
checking needs neither a real key nor debug mode: this module gives it a placeholder key
and is otherwise the production settings. The site, `manage.py` and the tests never
read it (pyproject.toml's [tool.django-stubs] is its only user).
"""

import os

if not os.environ.get("SECRET_KEY"):
    os.environ["SECRET_KEY"] = "typecheck-only-placeholder-never-served"

from iopguide.settings import *  # noqa: E402, F403
