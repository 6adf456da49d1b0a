"""Prometheus metrics of the gateway, in a registry of its own."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class GatewayMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        # Per model, not per upstream: a waiting request gets its upstream only when a slot
        # frees up on one of those that serve its model.
        self.queue_depth = Gauge(
            "atelier_gateway_queue_depth",
            "Requests waiting for a slot, per model",
            ["model"],
            registry=self.registry,
        )
        self.in_flight = Gauge(
            "atelier_gateway_in_flight",
            "Generations running, per upstream",
            ["upstream"],
            registry=self.registry,
        )
        self.upstream_up = Gauge(
            "atelier_gateway_upstream_up",
            "1 if the upstream is taking requests",
            ["upstream"],
            registry=self.registry,
        )
        self.requests = Counter(
            "atelier_gateway_requests",
            "Model requests by final status",
            ["upstream", "status"],
            registry=self.registry,
        )
        self.queue_wait = Histogram(
            "atelier_gateway_queue_wait_seconds",
            "Time spent waiting for a slot",
            buckets=(0.01, 0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120),
            registry=self.registry,
        )
        self.ttft = Histogram(
            "atelier_gateway_time_to_first_token_seconds",
            "From the slot being granted to the first token",
            ["upstream"],
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
            registry=self.registry,
        )
        self.tokens_per_second = Histogram(
            "atelier_gateway_tokens_per_second",
            "Generation speed of finished answers",
            ["upstream"],
            buckets=(1, 2, 5, 10, 20, 40, 80, 160, 320),
            registry=self.registry,
        )
        self.tokens = Counter(
            "atelier_gateway_tokens",
            "Tokens processed",
            ["upstream", "direction"],
            registry=self.registry,
        )

        # Transcriptions, apart from text generation (their own queue and upstreams).
        self.transcriptions = Counter(
            "atelier_gateway_transcriptions",
            "Transcriptions by final status",
            ["upstream", "status"],
            registry=self.registry,
        )
        self.transcriptions_in_flight = Gauge(
            "atelier_gateway_transcriptions_in_flight",
            "Transcriptions running, per upstream",
            ["upstream"],
            registry=self.registry,
        )
        self.audio_seconds = Counter(
            "atelier_gateway_audio_seconds",
            "Seconds of audio transcribed",
            ["upstream"],
            registry=self.registry,
        )
        self.real_time_factor = Histogram(
            "atelier_gateway_transcription_real_time_factor",
            "Seconds spent per second of audio, for finished transcriptions",
            ["upstream"],
            buckets=(0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 4),
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
