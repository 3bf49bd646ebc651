"""Type stubs for `depeche`: entities, quotes, numbers and stance from news
articles (French and English), with offsets in Python `str` indices.

Every analysed document is the JSON record of `depeche run`, as a dict:
`{"id", "lang", "entities"?, "quotes"?, "numbers"?, "stance"?, "tone"?}` (a key
per requested extractor); a document that could not be analysed is
`{"id", "error"}`. Every span is `{"start", "end", "text"}` with
`text == document_text[start:end]`.
"""

from typing import Any, Iterable, Iterator, Literal, Mapping, Optional, Sequence, TypedDict, Union, overload

__version__: str
DEFAULT_MAX_DOC_BYTES: int

class ExtractorInfo(TypedDict):
    name: str
    version: str
    requires: list[str]
    produces: list[str]
    summary: str

Record = dict[str, Any]
"""One output record: an analysed document or `{"id": ..., "error": ...}`."""

Document = Union[str, Mapping[str, Any]]
"""A text, or a record `{"id", "text", "lang"?, "tokens"?, "targets"?}` as read by `depeche run`."""

class DocumentError(ValueError):
    """A document could not be analysed (empty text, over the size limit, bad record...).

    Raised by `Pipeline.__call__`; `Pipeline.pipe` yields an error record instead.
    """

def extractors() -> list[ExtractorInfo]:
    """The registered extractors: name, version, requires, produces, summary."""

class Pipeline:
    """Which extractors run, in which language, on every document.

    >>> nlp = Pipeline(extractors=["entities", "quotes", "numbers", "stance"], lang="auto")
    >>> nlp("Le ministre a déclaré : « Nous partirons. »")["quotes"][0]["text"]
    'Nous partirons.'

    A pipeline pickles (it is rebuilt from its arguments), so it can be shipped
    to Spark executors.
    """

    def __init__(
        self,
        extractors: Optional[Union[Sequence[str], str]] = None,
        lang: Literal["auto", "fr", "en"] = "auto",
        max_doc_bytes: int = 10_000_000,
    ) -> None:
        """Plans the extractors (their required layers are computed too, only the
        requested ones are output).

        `extractors`: names (default: all), or one comma-separated str.
        `lang`: language of documents that give none (`"auto"`: identify it).
        `max_doc_bytes`: larger documents (UTF-8 bytes) get an error.

        Raises `ValueError` for an unknown extractor or language, `TypeError`
        when `extractors` is not a list of str.
        """

    @property
    def extractors(self) -> list[str]:
        """The extractors whose layers are output, as requested."""
    @property
    def order(self) -> list[str]:
        """All extractors in run order (required ones included)."""
    @property
    def layers(self) -> list[str]:
        """The keys of an analysed record besides `id` and `lang`: the layers of the
        requested extractors (`"tone"` comes with `"stance"` and may be absent)."""
    @property
    def lang(self) -> str:
        """`"auto"`, `"fr"` or `"en"`."""
    @property
    def max_doc_bytes(self) -> int: ...
    def __call__(self, document: Document, *, id: Optional[str] = None) -> Record:
        """Analyses one document (the GIL is released meanwhile).

        `id` names a `str` document (default `"0"`); a record dict carries its own.
        Raises `DocumentError` when the document cannot be analysed and
        `TypeError` when `document` is neither a str nor a mapping.
        """
    @overload
    def pipe(
        self,
        items: Iterable[Document],
        *,
        threads: Optional[int] = None,
        batch_size: int = 256,
        output: Literal["dict"] = "dict",
    ) -> Iterator[Record]: ...
    @overload
    def pipe(
        self,
        items: Iterable[Document],
        *,
        threads: Optional[int] = None,
        batch_size: int = 256,
        output: Literal["json"],
    ) -> Iterator[str]: ...
    @overload
    def pipe(
        self,
        items: Iterable[Document],
        *,
        threads: Optional[int] = None,
        batch_size: int = 256,
        output: Literal["columns"],
    ) -> Iterator[dict[str, str]]: ...
    def pipe(
        self,
        items: Iterable[Document],
        *,
        threads: Optional[int] = None,
        batch_size: int = 256,
        output: Literal["dict", "json", "columns"] = "dict",
    ) -> Union[Iterator[Record], Iterator[str], Iterator[dict[str, str]]]:
        """Analyses a stream in parallel (rayon, `threads` workers, default all
        cores, GIL released) and yields one result per item, in input order.

        Items are `str` (id = position in the stream, from 0) or record dicts.
        A bad item yields `{"id": ..., "error": ...}` as `depeche run` would:
        nothing is dropped. `batch_size` items are read and analysed at a time
        (bounds memory). `output="json"` yields the exact JSON line of
        `depeche run` instead of a dict; `output="columns"` a dict of str with
        `id`, `lang` (or `error`) and each layer as its JSON text (one column
        per layer for Parquet or a DataFrame).

        Raises `ValueError` for `threads < 1`, `batch_size < 1` or an unknown
        `output`; `TypeError` when `items` is a str or not iterable.
        """

class PipeIter(Iterator[Any]):
    """The lazy iterator returned by `Pipeline.pipe`."""

    def __iter__(self) -> "PipeIter": ...
    def __next__(self) -> Any: ...
