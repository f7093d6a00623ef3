"""Static sentence embeddings from the ``wordllama`` wheel, loaded without any download.

WordLlama ships a 256-dimensional token-embedding table and its tokenizer inside the
PyPI wheel; a sentence vector is the mean of its token vectors.  That is crude next to a
transformer, but costs microseconds per sentence, which is what a semantic candidate path
over 100k articles can afford.  The files are read directly (``safetensors`` +
``tokenizers``) because ``wordllama.WordLlama.load`` looks for the tokenizer in a folder
the wheel does not have and then tries Hugging Face, and importing ``wordllama.inference``
calls ``logging.basicConfig`` on the host application's root logger.

When wordllama is not installed, :func:`available` is False and callers fall back to
lexical similarity only.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["available", "dimension", "embed", "embed_words", "text_vector"]

log = logging.getLogger(__name__)

_WEIGHTS = ("weights", "l2_supercat_256.safetensors")
_TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")

Matrix = npt.NDArray[np.float32]


@functools.lru_cache(maxsize=1)
def _model() -> tuple[Any, Matrix] | None:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        log.info("wordllama is not installed: reworded passages use lexical similarity only")
        return None
    root = Path(spec.origin).parent
    weights, tok_file = root.joinpath(*_WEIGHTS), root.joinpath(*_TOKENIZER)
    if not weights.exists() or not tok_file.exists():
        log.warning("wordllama files not found under %s; semantic similarity disabled", root)
        return None
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    table = np.ascontiguousarray(load_file(str(weights))["embedding.weight"], dtype=np.float32)
    tokenizer = Tokenizer.from_file(str(tok_file))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    log.debug("loaded wordllama table %s", table.shape)
    return tokenizer, table


def available() -> bool:
    return _model() is not None


def embed(texts: Sequence[str]) -> Matrix:
    """Unit-length mean-of-token vectors, one row per text (zeros for empty text)."""
    model = _model()
    if model is None:
        raise RuntimeError("wordllama is not installed")
    tokenizer, table = model
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    if not texts:
        return out
    encodings = tokenizer.encode_batch(list(texts), add_special_tokens=False)
    for i, enc in enumerate(encodings):
        ids = enc.ids
        if ids:
            vec = table[np.minimum(np.asarray(ids), table.shape[0] - 1)].mean(axis=0)
            out[i] = vec
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


class _WordTable:
    """Token-vector sums per distinct word, so that a text costs one gather, not a
    tokenizer call.

    The tokenizer (SentencePiece BPE) splits a word the same way wherever it occurs, so
    the mean over a sentence's tokens equals the sum of its words' token sums divided by
    their token count.  New words are tokenized in one batch per text; the table stops
    growing at :data:`MAX_WORDS` and later unknown words are tokenized every time.
    """

    MAX_WORDS = 200_000  # about 200 MB of sums; rarer words are tokenized each time

    def __init__(self, dim: int) -> None:
        self.rows: dict[str, int] = {}
        self.sums = np.zeros((1024, dim + 1), dtype=np.float32)  # last column: token count

    def lookup(self, words: Sequence[str]) -> npt.NDArray[np.float32]:
        model = _model()
        assert model is not None
        tokenizer, table = model
        new = [w for w in dict.fromkeys(words) if w not in self.rows]
        extra: dict[str, npt.NDArray[np.float32]] = {}
        if new:
            encodings = tokenizer.encode_batch(new, add_special_tokens=False)
            for word, enc in zip(new, encodings, strict=True):
                ids = np.minimum(np.asarray(enc.ids, dtype=np.int64), table.shape[0] - 1)
                row = np.zeros(table.shape[1] + 1, dtype=np.float32)
                if len(ids):
                    row[:-1] = table[ids].sum(axis=0)
                    row[-1] = len(ids)
                if len(self.rows) < self.MAX_WORDS:
                    k = len(self.rows)
                    if k >= len(self.sums):
                        self.sums = np.vstack([self.sums, np.zeros_like(self.sums)])
                    self.sums[k] = row
                    self.rows[word] = k
                else:
                    extra[word] = row
        if not extra:
            return self.sums[[self.rows[w] for w in words]]
        return np.stack([extra[w] if w in extra else self.sums[self.rows[w]] for w in words])


@functools.lru_cache(maxsize=1)
def _words() -> _WordTable:
    model = _model()
    assert model is not None
    return _WordTable(model[1].shape[1])


def embed_words(groups: Sequence[Sequence[str]]) -> tuple[Matrix, Matrix]:
    """Vectors of word groups (one row each) and of all the words together."""
    model = _model()
    if model is None:
        raise RuntimeError("wordllama is not installed")
    dim = model[1].shape[1]
    flat = [w for g in groups for w in g]
    out = np.zeros((len(groups), dim), dtype=np.float32)
    whole = np.zeros((1, dim), dtype=np.float32)
    if flat:
        sums = _words().lookup(flat)
        sizes = [len(g) for g in groups]
        starts = np.cumsum([0, *sizes[:-1]])
        nonempty = np.asarray(sizes) > 0
        if nonempty.any():
            seg = np.add.reduceat(sums, starts[nonempty], axis=0)
            out[nonempty] = seg[:, :-1] / np.maximum(seg[:, -1:], 1)
        total = sums.sum(axis=0)
        whole[0] = total[:-1] / max(float(total[-1]), 1.0)
    for mat in (out, whole):
        norms = np.linalg.norm(mat, axis=1, keepdims=True)
        np.divide(mat, norms, out=mat, where=norms > 0)
    return out, whole


def dimension() -> int:
    """Length of the vectors (0 when wordllama is not installed)."""
    model = _model()
    return 0 if model is None else int(model[1].shape[1])


def text_vector(words: Sequence[str]) -> npt.NDArray[np.float32]:
    """Mean token vector of a whole text, not normalised (zeros for no words).

    The lean path for candidate generation, which embeds every article of a corpus:
    one dictionary look-up per word and one gather, where :func:`embed_words` also
    builds per-sentence vectors.  Words new to the table are tokenized first.
    """
    model = _model()
    if model is None:
        raise RuntimeError("wordllama is not installed")
    dim = model[1].shape[1]
    if not words:
        return np.zeros(dim, dtype=np.float32)
    table = _words()
    rows = table.rows
    idx = [rows.get(w, -1) for w in words]
    if -1 in idx:
        table.lookup([w for w, i in zip(words, idx, strict=True) if i < 0])
        idx = [rows.get(w, -1) for w in words]
        if -1 in idx:  # the table is full: the slow path tokenizes the rest every time
            total = table.lookup(words).sum(axis=0)
            out: npt.NDArray[np.float32] = total[:-1] / max(float(total[-1]), 1.0)
            return out
    total = table.sums[idx].sum(axis=0)
    mean: npt.NDArray[np.float32] = total[:-1] / max(float(total[-1]), 1.0)
    return mean
