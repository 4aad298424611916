"""Production settings with the benchmark's URLs (the hello-world beside the real API)."""

from marketplace.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.throughput_urls"
