"""Analyse a news corpus with depeche on Apache Spark.

Two ways, both writing one output record per input document:

1. ``parquet`` (Python): a ``mapInPandas`` that runs the ``depeche`` Python
   package on each executor and writes Parquet with one column per layer
   (``id, lang, error, entities, quotes, numbers, stance, tone``; each layer
   column holds that layer's JSON, exactly as ``depeche run`` prints it).
2. ``pipe`` (no Python on the executors): the JVM's ``RDD.pipe`` streams the
   JSON Lines through the ``depeche`` binary (``depeche run -``) and writes
   JSON Lines.

Input: a JSON Lines file (``{"id", "text", "lang"?}`` per line, like
``depeche run``) or a Parquet dataset with ``id``, ``text`` and optionally
``lang`` columns. Give every document an ``id``: a record without one is named
by its position in its batch, which depends on partitioning.

Usage::

    spark-submit examples/spark/depeche_spark.py parquet INPUT OUTPUT_DIR [--extractors entities,quotes] [--lang auto]
    spark-submit examples/spark/depeche_spark.py pipe INPUT OUTPUT_DIR --depeche /path/to/depeche

See docs/spark.md for running on a cluster.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Iterable, Iterator, Optional, Sequence

INPUT_COLUMNS = ("id", "text", "lang")
PIPE_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "depeche-pipe.sh")


def read_corpus(spark, path: str):
    """A DataFrame with string columns id, text, lang (lang may be null)."""
    from pyspark.sql import functions as F

    if path.endswith(".parquet") or os.path.isdir(path):
        df = spark.read.parquet(path)
    else:
        df = spark.read.schema("id string, text string, lang string").json(path)
    for column in INPUT_COLUMNS:
        if column not in df.columns:
            df = df.withColumn(column, F.lit(None).cast("string"))
    return df.select(*[F.col(c).cast("string") for c in INPUT_COLUMNS])


def output_columns(layers: Sequence[str]) -> list[str]:
    """Columns of the Parquet output: id, lang, error, then one per layer."""
    return ["id", "lang", "error", *layers]


def output_schema(layers: Sequence[str]) -> str:
    return ", ".join(f"{c} string" for c in output_columns(layers))


def row_to_record(row: dict, layers: Sequence[str]) -> dict:
    """A Parquet row back to the `depeche run` record (layers decoded from JSON)."""
    if row.get("error") is not None:
        return {"id": row["id"], "error": row["error"]}
    record = {"id": row["id"], "lang": row["lang"]}
    for layer in layers:
        if row.get(layer) is not None:
            record[layer] = json.loads(row[layer])
    return record


def analyse_batches(batches: Iterable, extractors: Optional[Sequence[str]], lang: str, threads: int) -> Iterator:
    """The `mapInPandas` function: pandas batches of (id, text, lang) in, rows out.

    Runs on the executors; the pipeline is built once per task (the models are
    loaded once per Python worker process and reused across tasks).
    """
    import pandas as pd

    import depeche

    nlp = depeche.Pipeline(extractors=extractors, lang=lang)
    layers = nlp.layers
    columns = output_columns(layers)
    for batch in batches:
        records = [
            {k: v for k, v in row.items() if v is not None and v == v}  # drop nulls (None, NaN)
            for row in batch[list(INPUT_COLUMNS)].to_dict("records")
        ]
        # output="columns": id, lang or error as str, each layer as its JSON text
        rows = [{c: r.get(c) for c in columns} for r in nlp.pipe(records, threads=threads, output="columns")]
        yield pd.DataFrame(rows, columns=columns)


def ship_this_module_by_value() -> None:
    """When this file is imported as a module (not run by spark-submit), the
    executors cannot import it: have cloudpickle send its functions by value
    (the alternative is `--py-files depeche_spark.py`)."""
    module = sys.modules.get(__name__)
    if __name__ == "__main__" or module is None:
        return  # run as a script, or loaded without import: pickled by value already
    try:
        from pyspark import cloudpickle

        cloudpickle.register_pickle_by_value(module)
    except (ImportError, AttributeError, ValueError):
        pass


def analyse_to_parquet(
    spark,
    input_path: str,
    output_path: str,
    extractors: Optional[Sequence[str]] = None,
    lang: str = "auto",
    threads: int = 1,
    partitions: Optional[int] = None,
) -> list[str]:
    """Analyses the corpus with the Python package, writes Parquet, returns the layer columns."""
    import depeche

    layers = depeche.Pipeline(extractors=extractors, lang=lang).layers  # fails fast on bad arguments
    ship_this_module_by_value()
    df = read_corpus(spark, input_path)
    if partitions:
        df = df.repartition(partitions)
    result = df.mapInPandas(
        lambda batches: analyse_batches(batches, extractors, lang, threads),
        schema=output_schema(layers),
    )
    result.write.mode("overwrite").parquet(output_path)
    return list(layers)


def analyse_with_pipe(
    spark,
    input_path: str,
    output_path: str,
    depeche_bin: str,
    extra_args: Sequence[str] = (),
    partitions: Optional[int] = None,
) -> None:
    """Streams JSON Lines through `depeche run -` with the JVM's RDD.pipe: no
    Python runs on the executors. Each partition starts one `depeche` process.

    `depeche run` exits 1 when a record failed (its error record is in the
    output), which RDD.pipe would take for a crash: `depeche-pipe.sh` maps
    exit code 1 to 0 and keeps real failures (2 and up) fatal.
    """
    command = " ".join(["sh", PIPE_SCRIPT, depeche_bin, *extra_args])
    if any(" " in part for part in [PIPE_SCRIPT, depeche_bin, *extra_args]):
        raise ValueError("RDD.pipe splits its command on spaces: use paths without spaces")
    lines = spark.sparkContext._jsc.textFile(input_path)
    if partitions:
        lines = lines.repartition(partitions)
    lines.pipe(command).saveAsTextFile(output_path)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["parquet", "pipe"])
    parser.add_argument("input", help="JSON Lines file or Parquet dataset (id, text, lang?)")
    parser.add_argument("output", help="output directory (Parquet or JSON Lines part files)")
    parser.add_argument("--extractors", default=None, help="comma-separated (default: all)")
    parser.add_argument("--lang", default="auto", choices=["auto", "fr", "en"])
    parser.add_argument("--threads", type=int, default=1, help="depeche threads per task (= spark.task.cpus)")
    parser.add_argument("--partitions", type=int, default=None, help="repartition the input first")
    parser.add_argument("--depeche", default="depeche", help="path of the depeche binary (pipe mode)")
    parser.add_argument("--master", default=None, help="e.g. local[2] (default: spark-submit's)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("depeche")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        if args.mode == "parquet":
            extractors = args.extractors.split(",") if args.extractors else None
            analyse_to_parquet(
                spark, args.input, args.output, extractors, args.lang, args.threads, args.partitions
            )
        else:
            extra = ["--lang", args.lang]
            if args.extractors:
                extra += ["--extractors", args.extractors]
            analyse_with_pipe(spark, args.input, args.output, args.depeche, extra, args.partitions)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
