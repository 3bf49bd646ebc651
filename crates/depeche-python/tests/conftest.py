"""Shared fixtures: where the repository, the `depeche` binary and the sample
corpus are, and a helper that runs `depeche run` on records (the reference
every Python and Spark result is compared with, document by document)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Iterable, Sequence

import pytest

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "examples" / "spark" / "sample.jsonl"


def depeche_binary() -> Path | None:
    """`$DEPECHE_BIN`, else `target/release/depeche` of this repository."""
    given = os.environ.get("DEPECHE_BIN")
    path = Path(given) if given else REPO / "target" / "release" / "depeche"
    return path if path.is_file() else None


@pytest.fixture(scope="session")
def depeche_bin() -> Path:
    path = depeche_binary()
    if path is None:
        pytest.skip("no depeche binary: run `cargo build --release -p depeche-runner` or set DEPECHE_BIN")
    return path


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_cli(binary: Path, records: Iterable[dict], args: Sequence[str] = ()) -> list[dict]:
    """`depeche run - ARGS` on the records as JSON Lines; its output records."""
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    done = subprocess.run(
        [str(binary), "run", "-", "--quiet", *args],
        input=data.encode("utf-8"),
        capture_output=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def sample_records() -> list[dict]:
    return read_jsonl(SAMPLE)
