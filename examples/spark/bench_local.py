"""Local throughput of the Spark recipe, per executor core.

Takes the first N articles of a JSON Lines corpus (``.jsonl`` or ``.jsonl.gz``),
then times, on the same documents:

1. ``depeche.Pipeline.pipe(threads=1)`` in this process (no Spark): the
   ceiling for one core;
2. the ``mapInPandas`` → Parquet path on ``local[C]`` with C partitions;
3. the JVM ``RDD.pipe("depeche run -")`` path on ``local[C]`` with C partitions.

Spark rows report documents/s and MB/s of text per core (total / C), after one
warm-up run of each path (JVM, Python workers and models loaded).

    python examples/spark/bench_local.py CORPUS.jsonl.gz --docs 4000 --cores 2 --depeche target/release/depeche
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import depeche_spark  # noqa: E402


def read_docs(path: str, n: int) -> list[dict]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in itertools.islice(f, n)]
    return [{"id": r.get("id"), "text": r.get("text"), "lang": r.get("lang")} for r in records]


def timed(f) -> float:
    started = time.perf_counter()
    f()
    return time.perf_counter() - started


def report(name: str, docs: int, mb: float, seconds: float, cores: int) -> None:
    print(
        f"{name:<34} {seconds:7.2f} s  {docs / seconds / cores:7.1f} docs/s/core  "
        f"{mb / seconds / cores:6.2f} MB/s/core",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="local throughput of the Spark recipe")
    parser.add_argument("corpus")
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--depeche", default="target/release/depeche")
    args = parser.parse_args()

    import depeche

    docs = read_docs(args.corpus, args.docs)
    mb = sum(len((d["text"] or "").encode("utf-8")) for d in docs) / 1e6
    print(f"{len(docs)} documents, {mb:.1f} MB of text, local[{args.cores}]", flush=True)
    nlp = depeche.Pipeline()
    list(nlp.pipe(docs[:20]))
    report("python pipe(threads=1), no Spark", len(docs), mb, timed(lambda: list(nlp.pipe(docs, threads=1))), 1)

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # local mode: loopback only
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", "2g")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")

        def parquet():
            depeche_spark.analyse_to_parquet(spark, corpus, os.path.join(tmp, "out.parquet"), partitions=args.cores)

        def pipe():
            out = os.path.join(tmp, f"out-{time.monotonic_ns()}.jsonl")
            depeche_spark.analyse_with_pipe(spark, corpus, out, os.path.abspath(args.depeche), partitions=args.cores)

        for name, job in [("spark mapInPandas -> Parquet", parquet), ("spark RDD.pipe(depeche run -)", pipe)]:
            job()  # warm-up
            report(name, len(docs), mb, timed(job), args.cores)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
