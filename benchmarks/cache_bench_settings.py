"""Production settings plus one bare view, for page_cache_bench.py only."""

from creativeflip.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.cache_bench_urls"
