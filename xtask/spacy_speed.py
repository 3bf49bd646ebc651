"""Times a spaCy pipeline on a JSON Lines sample (one {"text": ...} per line).

Called by `cargo xtask bench-spacy`, which installs spaCy and the models in
target/spacy-venv and pins the run to one core. Prints one JSON object:
documents, bytes, spaCy tokens and seconds for the full pipeline and for the
named-entity recognizer alone (tok2vec + ner, the other components disabled).

usage: python spacy_speed.py MODEL SAMPLE.jsonl
"""

import importlib
import json
import sys
import time

import spacy


def load(model):
    """Loads a model by package name (spacy.load, or the package's own load)."""
    try:
        return spacy.load(model)
    except OSError:
        return importlib.import_module(model).load()


def timed(nlp, texts):
    """Seconds and tokens for nlp.pipe over texts, after a short warm-up."""
    for _ in nlp.pipe(texts[:20]):
        pass
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    return time.perf_counter() - started, tokens


def main():
    model, sample = sys.argv[1], sys.argv[2]
    with open(sample, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    nlp = load(model)
    seconds, tokens = timed(nlp, texts)
    ner_only = [name for name in nlp.pipe_names if name not in ("tok2vec", "ner")]
    with nlp.select_pipes(disable=ner_only):
        ner_seconds, _ = timed(nlp, texts)
    print(
        json.dumps(
            {
                "model": f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}",
                "spacy": spacy.__version__,
                "pipeline": nlp.pipe_names,
                "documents": len(texts),
                "bytes": sum(len(t.encode("utf-8")) for t in texts),
                "tokens": tokens,
                "seconds": seconds,
                "ner_seconds": ner_seconds,
            }
        )
    )


if __name__ == "__main__":
    main()
