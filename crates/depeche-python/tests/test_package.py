"""Tests of the `depeche` Python package: API, errors, offsets on multi-byte
text, `pipe` (order, threads, bad records, GIL) and equality with `depeche run`.

Extractor output changes as the extractors improve, so nothing here freezes
it: results are compared with `depeche run` on the same input, or checked for
invariants (spans slice the text, one result per input, same id)."""

from __future__ import annotations

import pickle
import threading
import time

import pytest

import depeche
from conftest import run_cli

ALL = ["entities", "quotes", "numbers", "stance"]

MULTIBYTE_TEXTS = [
    # é, ’, « » with NBSP (U+00A0) and NNBSP (U+202F), emoji, CJK
    "L’équipe de Lyon a déclaré\u00a0: «\u202fNous gagnerons 3\u00a0matchs sur 5\u202f» 😀 selon Émilie Dupré.",
    "🎉🎉 Paris — Le président Emmanuel Macron a reçu 1\u202f200 maires à l’Élysée. « C’est historique », a-t-il dit.",
    "The mayor of New York, Eric Adams, said “we will hire 5,000 teachers” 👩\u200d🏫 on Monday in Brooklyn.",
    "東京 Tokyo: Prime Minister Kishida said the plan would cost ¥2 trillion.",
]


def spans_of(record: dict):
    """Every `{start, end, text}` in a record, wherever it is nested."""
    stack = [record]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if {"start", "end", "text"} <= value.keys():
                yield value
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def check(result, expected):
    """`expected`: a dict of keys that must match, or an exception type."""
    if isinstance(expected, type) and issubclass(expected, BaseException):
        with pytest.raises(expected):
            result()
        return
    got = result()
    for key, value in expected.items():
        assert got[key] == value, (key, got)


@pytest.fixture(scope="module")
def nlp():
    return depeche.Pipeline(extractors=ALL, lang="auto")


def test_extractors_lists_the_builtin_four():
    infos = depeche.extractors()
    assert [i["name"] for i in infos] == ALL
    for info in infos:
        assert set(info) == {"name", "version", "requires", "produces", "summary"}
        assert all(isinstance(x, str) for x in info["requires"] + info["produces"])
    assert isinstance(depeche.__version__, str)


def test_pipeline_arguments():
    cases = [
        # (kwargs, expected attributes or exception)
        ({}, {"extractors": ALL, "lang": "auto"}),
        ({"extractors": ["quotes"]}, {"extractors": ["quotes"], "layers": ["quotes"]}),
        ({"extractors": "entities, numbers"}, {"extractors": ["entities", "numbers"]}),
        ({"extractors": ["stance"], "lang": "FR"}, {"lang": "fr", "layers": ["stance", "tone"]}),
        ({"max_doc_bytes": 100}, {"max_doc_bytes": 100}),
        ({"extractors": ["nope"]}, ValueError),
        ({"extractors": []}, ValueError),
        ({"extractors": [1, 2]}, TypeError),
        ({"lang": "de"}, ValueError),
    ]
    for kwargs, expected in cases:
        if isinstance(expected, dict):
            p = depeche.Pipeline(**kwargs)
            for attr, value in expected.items():
                assert getattr(p, attr) == value, (kwargs, attr)
        else:
            with pytest.raises(expected):
                depeche.Pipeline(**kwargs)


def test_required_extractors_run_but_only_requested_layers_are_output():
    p = depeche.Pipeline(extractors=["quotes"])
    assert p.order.index("entities") < p.order.index("quotes")
    record = p("Le maire a déclaré : « Nous partirons demain. »")
    assert set(record) == {"id", "lang", "quotes"}


def test_unknown_extractor_message_names_the_available_ones():
    with pytest.raises(ValueError, match="available: entities"):
        depeche.Pipeline(extractors=["entites"])


def test_call_errors(nlp):
    check(lambda: nlp("Bonjour Paris.", id="a"), {"id": "a"})
    check(lambda: nlp({"id": "r", "text": "Hello London.", "lang": "en"}), {"id": "r", "lang": "en"})
    check(lambda: nlp(""), depeche.DocumentError)
    check(lambda: nlp("   \n "), depeche.DocumentError)
    check(lambda: nlp({"id": "x"}), depeche.DocumentError)
    check(lambda: nlp({"text": "x", "lang": "de"}), depeche.DocumentError)
    check(lambda: nlp("a\ud800b"), depeche.DocumentError)  # lone surrogate
    check(lambda: nlp(42), TypeError)
    check(lambda: nlp(None), TypeError)
    check(lambda: depeche.Pipeline(max_doc_bytes=10)("x" * 11), depeche.DocumentError)
    assert issubclass(depeche.DocumentError, ValueError)
    with pytest.raises(depeche.DocumentError, match="empty document"):
        nlp("")


def test_offsets_are_python_str_indices(nlp):
    for text in MULTIBYTE_TEXTS:
        record = nlp(text)
        assert "error" not in record
        for span in spans_of(record):
            assert text[span["start"] : span["end"]] == span["text"], span


def test_call_equals_depeche_run(nlp, depeche_bin, sample_records):
    records = sample_records + [{"id": f"m{i}", "text": t} for i, t in enumerate(MULTIBYTE_TEXTS)]
    expected = run_cli(depeche_bin, records)
    for record, reference in zip(records, expected):
        if "error" in reference:
            with pytest.raises(depeche.DocumentError):
                nlp(record)
        else:
            assert nlp(record) == reference


def test_pipe_equals_depeche_run_record_by_record(nlp, depeche_bin, sample_records):
    records = sample_records * 3
    expected = run_cli(depeche_bin, records, ["--threads", "2"])
    for threads, batch_size in [(1, 256), (2, 1), (3, 5)]:
        got = list(nlp.pipe(records, threads=threads, batch_size=batch_size))
        assert got == expected, (threads, batch_size)


def test_pipe_lang_and_extractors_follow_the_cli(depeche_bin, sample_records):
    p = depeche.Pipeline(extractors=["entities", "numbers"], lang="en")
    expected = run_cli(depeche_bin, sample_records, ["--lang", "en", "--extractors", "entities,numbers"])
    assert list(p.pipe(sample_records)) == expected


def test_pipe_json_output_is_the_cli_line(nlp, depeche_bin, sample_records):
    import json

    lines = list(nlp.pipe(sample_records, output="json"))
    assert all(isinstance(line, str) for line in lines)
    assert [json.loads(line) for line in lines] == run_cli(depeche_bin, sample_records)


def test_pipe_columns_output_is_the_record_with_layers_as_json(nlp, sample_records):
    import json

    expected = list(nlp.pipe(sample_records))
    got = list(nlp.pipe(sample_records, output="columns"))
    assert len(got) == len(expected)
    for columns, record in zip(got, expected):
        assert set(columns) == set(record)
        assert all(isinstance(v, str) for v in columns.values())
        for key, value in record.items():
            assert (value if isinstance(value, str) else json.loads(columns[key])) == value


def test_pipe_keeps_order_and_loses_nothing(nlp):
    texts = [f"Le maire de Lyon a visité {n} écoles le {n % 28 + 1} mars." for n in range(300)]
    items = []
    for n, text in enumerate(texts):
        items.append(text if n % 2 else {"id": f"doc-{n}", "text": text})
    got = list(nlp.pipe(items, threads=2, batch_size=64))
    assert len(got) == len(items)
    for n, record in enumerate(got):
        assert record["id"] == (str(n) if n % 2 else f"doc-{n}")
        assert "error" not in record


def test_pipe_bad_records_become_error_records(nlp):
    class NotJson:
        pass

    items = [
        ("Bonjour Paris.", None),
        ("", "empty document"),
        (12, "not a str or a dict"),
        (None, "not a str or a dict"),
        ({"id": "no-text"}, "no `text`"),
        ({"id": "bad-lang", "text": "x", "lang": "xx-yy"}, "unknown `lang`"),
        ({"id": "bad-text", "text": 5}, "`text` is not a string"),
        ({"id": "bad-targets", "text": "x", "targets": [{"start": 1}]}, "`start` and `end`"),
        ({"id": "obj", "text": NotJson()}, "not JSON serializable"),
        ("a\ud800b", "not valid Unicode"),
        ({"id": 7, "text": "Bonjour Lyon."}, None),
        ("x" * 2_000_000, None),
        ({"tokens": ["Emmanuel", "Macron", "parle"]}, None),
    ]
    got = list(nlp.pipe((item for item, _ in items), threads=2, batch_size=3))
    assert len(got) == len(items)
    for n, ((item, error), record) in enumerate(zip(items, got)):
        if error is None:
            assert "error" not in record, record
        else:
            assert error in record["error"], (item, record)
    assert got[4]["id"] == "no-text"  # the record's own id
    assert got[10]["id"] == "7"
    assert got[12]["id"] == "12"  # no id: its position


def test_pipe_accepts_numpy_like_scalars_as_ids(nlp):
    class Int64Like:  # what a pandas row holds for an integer column
        def item(self):
            return 5

    (record,) = nlp.pipe([{"id": Int64Like(), "text": "Bonjour Nantes."}])
    assert record["id"] == "5"


def test_pipe_argument_errors(nlp):
    check(lambda: nlp.pipe(["a"], threads=0), ValueError)
    check(lambda: nlp.pipe(["a"], batch_size=0), ValueError)
    check(lambda: nlp.pipe(["a"], output="xml"), ValueError)
    check(lambda: nlp.pipe("a text, not a list"), TypeError)
    check(lambda: nlp.pipe(5), TypeError)


def test_pipe_is_lazy_and_reraises_source_errors_after_yielding_what_was_read(nlp):
    pulled = []

    def source():
        for n in range(5):
            pulled.append(n)
            yield f"Texte numéro {n} à Paris."
        raise RuntimeError("source broke")

    stream = nlp.pipe(source(), batch_size=2)
    assert pulled == []  # nothing read before the first next()
    first = next(stream)
    assert first["id"] == "0" and pulled == [0, 1]
    rest = []
    with pytest.raises(RuntimeError, match="source broke"):
        for record in stream:
            rest.append(record)
    assert [r["id"] for r in rest] == ["1", "2", "3", "4"]


def test_pipe_on_empty_input(nlp):
    assert list(nlp.pipe([])) == []
    assert list(nlp.pipe(iter(()))) == []


def test_pipeline_pickles(nlp):
    clone = pickle.loads(pickle.dumps(depeche.Pipeline(extractors=["numbers"], lang="fr", max_doc_bytes=999)))
    assert (clone.extractors, clone.lang, clone.max_doc_bytes) == (["numbers"], "fr", 999)
    again = pickle.loads(pickle.dumps(nlp))
    assert again("Bonjour Paris.") == nlp("Bonjour Paris.")


def test_pipe_releases_the_gil(nlp):
    """While one batch is analysed in Rust, another Python thread keeps running."""
    texts = [MULTIBYTE_TEXTS[n % len(MULTIBYTE_TEXTS)] * 20 for n in range(200)]
    list(nlp.pipe(texts[:2]))  # models loaded
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        started = time.perf_counter()
        list(nlp.pipe(texts, threads=1, batch_size=len(texts), output="json"))
        elapsed = time.perf_counter() - started
    finally:
        stop.set()
        thread.join()
    during = [t for t in ticks if started <= t <= started + elapsed]
    # With the GIL held through the batch, the ticker would be frozen for
    # nearly all of `elapsed`; released, it ticks about every millisecond.
    assert elapsed > 0.05, "batch too fast to tell"
    assert len(during) >= 10, (len(during), elapsed)
    gaps = [b - a for a, b in zip(during, during[1:])]
    assert max(gaps, default=0) < max(0.5 * elapsed, 0.05), (max(gaps), elapsed)


def test_repr(nlp):
    assert repr(nlp).startswith("depeche.Pipeline(")


def test_type_stubs_match_the_module():
    """The shipped `.pyi` names exactly the public API of the compiled module."""
    import ast
    from pathlib import Path

    stub = Path(depeche.__file__).with_suffix(".pyi")
    assert stub.is_file() and (stub.parent / "py.typed").is_file()
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    helpers = {"ExtractorInfo", "Record", "Document"}  # typing aliases, stub-only
    top = set()
    members = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            top.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            top.add(node.target.id)
        elif isinstance(node, ast.Assign):
            top.update(t.id for t in node.targets)
        if isinstance(node, ast.ClassDef) and node.name not in helpers:
            members[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
    public = {n for n in dir(depeche) if not n.startswith("_") and n != "depeche"} | {"__version__"}
    assert top - helpers == public
    for cls, names in members.items():
        runtime = {n for n in vars(getattr(depeche, cls)) if not n.startswith("_")}
        assert {n for n in names if not n.startswith("_")} == runtime, cls
