# Fixtures for the Python module's tests (run by tools/test with
# PYTHONPATH=<builddir>/python and PITH_CLI=<builddir>/src/pith).
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def root():
    return ROOT


@pytest.fixture
def cli():
    """Runs the pith command built from the same library: cli(args, stdin=b"") -> CompletedProcess."""
    path = os.environ.get("PITH_CLI")
    if not path:
        pytest.skip("PITH_CLI (the pith command to compare with) is not set")

    def run(*args, stdin=b""):
        return subprocess.run([path, *map(str, args)], input=stdin, capture_output=True, timeout=120)

    return run
