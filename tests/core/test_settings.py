import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_extra=None):
    # A deployment's environment: none of the test run's Django variables.
    dropped = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-key-" + "x7Yq2" * 10,
    "ALLOWED_HOSTS": "kb.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://kb.example.org",
    "DATABASE_URL": "sqlite:///" + str(ROOT / ".deploy-check.sqlite3"),
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "MEDIA_ROOT": "/tmp/creativeflip-media",
    "EMAIL_URL": "smtp://smtp.example.org:587?tls=1",
    "DEFAULT_FROM_EMAIL": "kb@example.org",
}


def test_production_settings_pass_the_deploy_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        "--settings=creativeflip.settings.production",
        env_extra=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = dict(PRODUCTION_ENV, SECRET_KEY="")
    result = run_manage("check", "--settings=creativeflip.settings.production", env_extra=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_base_settings_are_safe_on_their_own():
    from creativeflip.settings import base

    assert base.DEBUG is False
    assert os.environ.get("SECRET_KEY", "") == base.SECRET_KEY


def test_search_backend_follows_the_environment():
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="creativeflip.settings.dev")
    for extra, expected in [
        ({}, "search.backends.database"),
        ({"OPENSEARCH_URL": "http://127.0.0.1:9201"}, "search.backends.opensearch"),
        ({"ELASTICSEARCH_URL": "http://127.0.0.1:9200"}, "search.backends.elasticsearch8"),
    ]:
        run_env = {k: v for k, v in env.items() if k not in ("OPENSEARCH_URL", "ELASTICSEARCH_URL")}
        run_env.update(extra)
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=run_env, capture_output=True, text=True
        )
        assert out.stdout.strip() == expected, out.stderr
