"""Production static files: hashed names from ``collectstatic``, served by
WhiteNoise with a far-future Cache-Control. Runs ``collectstatic`` with the
production settings into a temporary STATIC_ROOT, in a child process (the
test settings keep plain storage)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "creativeflip.settings.production",
    "SECRET_KEY": "static-test-not-secret",
    "ALLOWED_HOSTS": "127.0.0.1",
    "EMAIL_URL": "console://",
    "DEFAULT_FROM_EMAIL": "kb@example.org",
}

CHECK = """
import django, json
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
names = json.loads(input())
urls = {name: staticfiles_storage.url(name) for name in names}
client = Client()
served = {}
for name, url in urls.items():
    response = client.get(url, secure=True, HTTP_HOST="127.0.0.1")
    served[name] = [response.status_code, response.get("Cache-Control", "")]
print(json.dumps({"urls": urls, "served": served}))
"""


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    static_root = tmp_path_factory.mktemp("static")
    env = {**os.environ, **PRODUCTION_ENV, "STATIC_ROOT": str(static_root)}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    return static_root, env


def template_static_names():
    names = set()
    for template in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in template.parts or "node_modules" in template.parts:
            continue
        names.update(re.findall(r"\{% static ['\"]([^'\"]+)['\"]", template.read_text()))
    return sorted(names)


def test_every_static_file_a_template_names_has_a_hashed_name(collected):
    static_root, _env = collected
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    names = template_static_names()
    assert "css/site.css" in names
    missing = [name for name in names if name not in manifest]
    assert not missing, missing
    for name in names:
        hashed = manifest[name]
        assert re.search(r"\.[0-9a-f]{12}\.", hashed), hashed
        assert (static_root / hashed).exists()
        assert (static_root / f"{hashed}.gz").exists() or not name.endswith((".css", ".js"))


def test_whitenoise_serves_hashed_names_for_a_year_or_more(collected):
    _static_root, env = collected
    names = ["css/site.css", "js/site.js", "img/europe.svg"]
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=ROOT,
        env=env,
        input=json.dumps(names),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    for name in names:
        url = report["urls"][name]
        assert re.search(r"\.[0-9a-f]{12}\.", url), url
        status, cache_control = report["served"][name]
        assert status == 200, (name, status)
        max_age = int(re.search(r"max-age=(\d+)", cache_control).group(1))
        assert max_age >= 365 * 24 * 3600, cache_control
        assert "immutable" in cache_control
