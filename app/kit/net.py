"""Loopback helpers for the servers Rebill starts itself (`rebill serve`) and for tests and benchmarks."""

import socket


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
