"""Runs the Spark example (`examples/spark/depeche_spark.py`) on Spark in
local mode (`local[2]`) and checks that both of its paths, the `mapInPandas`
one writing Parquet and the `RDD.pipe("depeche run -")` one, give exactly the
records of `depeche run` on the same documents, document by document.

The corpus is the committed sample (`examples/spark/sample.jsonl`, bad records
included) plus, when `../shared/data/corpus` is there, the first articles of
the French and English news corpus."""

from __future__ import annotations

import gzip
import importlib.util
import itertools
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import REPO, run_cli

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

EXAMPLE = REPO / "examples" / "spark" / "depeche_spark.py"
CORPUS = Path(os.environ.get("DEPECHE_SHARED") or REPO.parent / "shared") / "data" / "corpus"
CORPUS_DOCS_PER_LANG = int(os.environ.get("DEPECHE_SPARK_CORPUS_DOCS", "100"))

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java: Spark needs Java 17", allow_module_level=True)


def load_example():
    spec = importlib.util.spec_from_file_location("depeche_spark", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


example = load_example()


@pytest.fixture(scope="module")
def spark():
    # Executors' Python workers must be this interpreter (the one with depeche).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    # Local mode talks to itself on loopback only.
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("depeche-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "50")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def corpus_sample() -> list[dict]:
    records = []
    for name in ("fr-news.jsonl.gz", "en-news.jsonl.gz"):
        path = CORPUS / name
        if path.is_file():
            with gzip.open(path, "rt", encoding="utf-8") as f:
                records += [json.loads(line) for line in itertools.islice(f, CORPUS_DOCS_PER_LANG)]
    return records


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, sample_records) -> Path:
    """The documents as one JSON Lines file."""
    records = sample_records + corpus_sample()
    ids = [r.get("id") for r in records]
    assert len(set(ids)) == len(ids), "ids must be unique to compare document by document"
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def read_records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def assert_same_by_id(got: list[dict], expected: list[dict]):
    assert len(got) == len(expected), (len(got), len(expected))
    got_by_id = {r["id"]: r for r in got}
    assert len(got_by_id) == len(got), "duplicate ids in the Spark output"
    for reference in expected:
        assert got_by_id.get(reference["id"]) == reference, reference["id"]


def parquet_records(path: Path, layers: list[str]) -> list[dict]:
    frame = pd.read_parquet(path)
    assert list(frame.columns) == example.output_columns(layers)
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [example.row_to_record(row, layers) for row in rows]


def test_parquet_path_equals_depeche_run(spark, corpus, depeche_bin, tmp_path):
    out = tmp_path / "out.parquet"
    layers = example.analyse_to_parquet(spark, str(corpus), str(out), partitions=2)
    assert layers == ["entities", "quotes", "numbers", "stance", "tone"]
    expected = run_cli(depeche_bin, read_records(corpus))
    assert any("error" in r for r in expected), "the sample must exercise error records"
    assert_same_by_id(parquet_records(out, layers), expected)


def test_parquet_input_with_options_equals_depeche_run(spark, sample_records, depeche_bin, tmp_path):
    source = tmp_path / "in.parquet"
    pd.DataFrame(sample_records, columns=["id", "text", "lang"]).to_parquet(source)
    out = tmp_path / "out.parquet"
    layers = example.analyse_to_parquet(
        spark, str(source), str(out), extractors=["entities", "numbers"], lang="fr", threads=2
    )
    assert layers == ["entities", "numbers"]
    expected = run_cli(depeche_bin, sample_records, ["--extractors", "entities,numbers", "--lang", "fr"])
    assert_same_by_id(parquet_records(out, layers), expected)


def test_rdd_pipe_path_equals_depeche_run(spark, corpus, depeche_bin, tmp_path):
    out = tmp_path / "out.jsonl"
    example.analyse_with_pipe(spark, str(corpus), str(out), str(depeche_bin), partitions=3)
    got = []
    for part in sorted(out.glob("part-*")):
        got += read_records(part)
    assert_same_by_id(got, run_cli(depeche_bin, read_records(corpus)))


def test_example_command_line(corpus, depeche_bin, tmp_path, spark):
    """The script as spark-submit would run it (same JVM session reused)."""
    out = tmp_path / "cli.parquet"
    example.main(["parquet", str(corpus), str(out), "--extractors", "quotes", "--master", "local[2]"])
    expected = run_cli(depeche_bin, read_records(corpus), ["--extractors", "quotes"])
    assert_same_by_id(parquet_records(out, ["quotes"]), expected)
