"""Candidate generation and verification at scale, on a corpus with planted reuse.

Usage: python benchmarks/bench_reuse_scale.py ../shared/data --sizes 1000 3000 10000 30000 100000
       [--baseline-max 30000] [--brute-max 1000] [--paths default|stems|embedding]

The corpus is built from real sentences: PolNeAR texts (train + dev) and ECB+ documents
give a pool of ~42k sentences; each article is 8-16 sentences, each made of the first half
of one pool sentence and the second half of another (so that articles do not share whole
sentences by construction).  Planted pairs:
1% exact copies (with a sentence of their own added), 1% light edits (~10% of the words
replaced, deleted or duplicated), and reworded copies made of MSRP train paraphrase pairs
(sentence 1s in the source, sentence 2s in the copy; at most 400, limited by MSRP).
Each size runs in a fresh process so that peak memory (ru_maxrss) is its own.
Methods, each size and method in a fresh process (one JSON line each):

* ``newsprism``: signatures, candidates and verification (``compare`` says
  copy/edited/rewrite); recall of planted pairs after candidates and after verification;
* ``datasketch@t``: plain datasketch MinHash LSH (5-gram shingles, sha1, no cap, 64
  permutations, thresholds 0.5 and 0.3), candidates only;
* ``rensa@t`` (``--rensa``): the same plain baseline with rensa (a Rust MinHash on PyPI):
  5-gram shingles, 64 permutations, its own LSH at the threshold, candidates only;
* ``newsprism+rensa`` (``--rensa``): the newsprism path with rensa computing the MinHashes
  of the kept features (issue 19: "consider rensa for the MinHash stage");
* ``brute``: ``compare`` on every pair, no candidate generation, stopped after
  ``--brute-cap`` seconds (then ``finished`` is false and recall covers the pairs done).

Times are wall and CPU seconds (the machine is shared: compare CPU); ``load`` is the
1-minute load average at the end.
"""

from __future__ import annotations

import argparse
import csv
import functools
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from datasketch import MinHash, MinHashLSH

from newsprism.reuse import CandidateConfig, candidates, compare_prepared, prepare, signature
from newsprism.reuse.candidates import EMBEDDING, default_config
from newsprism.reuse.text import analyse
from newsprism.reuse.verdict import DERIVED


def sentence_pool(data: Path) -> list[str]:
    texts = [p.read_text("utf-8", "replace") for p in sorted(data.glob("polnear/*/text/*.txt"))]
    with open(data / "ecbplus" / "ecbplus.jsonl", encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh]
    pool: list[str] = []
    for t in texts:
        doc = analyse(t)
        for s in doc.sentences:
            if 8 <= s.last - s.first <= 60:
                pool.append(t[s.start : s.end].strip() + ".")
    return sorted(set(pool))


def msrp_pairs(data: Path) -> list[tuple[str, str]]:
    with open(data / "msrp" / "msr-para-train.tsv", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [(r[3], r[4]) for r in rows if r[0] == "1"]


def edit(text: str, rng: random.Random, pool_words: list[str]) -> str:
    out: list[str] = []
    for w in text.split():
        x = rng.random()
        if x < 0.04:
            continue
        if x < 0.08:
            out.append(rng.choice(pool_words))
        elif x < 0.10:
            out.extend([w, rng.choice(pool_words)])
        else:
            out.append(w)
    return " ".join(out)


def build(
    data: Path, n: int, seed: int = 13
) -> tuple[list[tuple[str, str]], dict[str, set[tuple[str, str]]]]:
    rng = random.Random(seed)
    pool = sentence_pool(data)
    words = [w for s in rng.sample(pool, 2000) for w in s.split()]
    para = msrp_pairs(data)
    rng.shuffle(para)
    n_copy = n_edit = n // 100
    n_reword = min(n // 200, len(para) // 6)
    n_base = n - n_copy - n_edit - n_reword * 2
    halves = [(w[: len(w) // 2], w[len(w) // 2 :]) for w in (p.split() for p in pool)]

    def mixed() -> str:
        # the first half of one real sentence and the second half of another: a pool of
        # 40k sentences would otherwise repeat whole sentences in dozens of articles
        left, right = halves[rng.randrange(len(halves))][0], halves[rng.randrange(len(halves))][1]
        return " ".join(left + right)

    docs = [(f"d{k}", " ".join(mixed() for _ in range(rng.randint(8, 16)))) for k in range(n_base)]
    planted: dict[str, set[tuple[str, str]]] = {"copy": set(), "edit": set(), "reword": set()}
    for k in range(n_copy):
        src_id, text = docs[rng.randrange(n_base)]
        docs.append((f"c{k}", text + " " + mixed()))
        planted["copy"].add((src_id, f"c{k}"))
    for k in range(n_edit):
        src_id, text = docs[rng.randrange(n_base)]
        docs.append((f"e{k}", edit(text, rng, words)))
        planted["edit"].add((src_id, f"e{k}"))
    for k in range(n_reword):
        chunk = para[6 * k : 6 * k + 6]
        docs.append((f"r{k}a", " ".join(a for a, _ in chunk)))
        docs.append((f"r{k}b", " ".join(b for _, b in chunk)))
        planted["reword"].add((f"r{k}a", f"r{k}b"))
    return docs, planted


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


Pair = tuple[str, str]


def _norm(pairs: set[Pair]) -> set[Pair]:
    return {(a, b) if a <= b else (b, a) for a, b in pairs}


def score(
    out: dict[str, object], prefix: str, found: set[Pair], planted: dict[str, set[Pair]]
) -> None:
    """Recall per planted kind and the pairs nobody planted, under ``prefix``."""
    every = _norm(set().union(*planted.values()))
    for kind, ps in planted.items():
        ps = _norm(ps)
        out[f"{prefix}recall_{kind}"] = round(len(ps & found) / max(1, len(ps)), 3)
        out[f"planted_{kind}"] = len(ps)
    out[f"{prefix}pairs"] = len(found)
    out[f"{prefix}not_planted"] = len(found - every)


def run_newsprism(
    docs: list[tuple[str, str]], planted: dict[str, set[Pair]], paths: str, verify: bool
) -> dict[str, object]:
    texts = dict(docs)
    out: dict[str, object] = {}
    config = {
        "default": default_config(),
        "stems": CandidateConfig(),
        "embedding": replace(EMBEDDING, stem_threshold=None),
    }[paths]
    out["config"] = (
        paths if paths != "default" else ("embedding+stems" if config.embed_threshold else "stems")
    )
    t0, c0 = time.perf_counter(), time.process_time()
    sigs = [signature(i, t, config) for i, t in docs]
    out["time_signatures_s"] = round(time.perf_counter() - t0, 1)
    pairs = _norm(set(candidates(sigs, config)))
    out["time_candidates_s"] = round(time.perf_counter() - t0, 1)
    out["cpu_candidates_s"] = round(time.process_time() - c0, 1)
    del sigs
    # pairs come sorted by their first article, so a small cache of prepared texts
    # serves most of them while keeping memory bounded
    prep = functools.lru_cache(maxsize=4096)(lambda i: prepare(texts[i]))
    derived: set[Pair] = set()
    for a, b in sorted(pairs) if verify else ():
        if compare_prepared(prep(a), prep(b)).relation in DERIVED:
            derived.add((a, b))
    out["time_total_s"] = round(time.perf_counter() - t0, 1)
    out["cpu_total_s"] = round(time.process_time() - c0, 1)
    score(out, "candidates_", pairs, planted)
    score(out, "verified_", derived, planted)
    return out


def _plain_lsh(
    docs: list[tuple[str, str]],
    planted: dict[str, set[Pair]],
    lsh: Any,
    minhash: Callable[[list[str]], Any],
) -> dict[str, object]:
    """A plain MinHash LSH baseline: word 5-gram shingles, no cap, candidates only."""
    t0, c0 = time.perf_counter(), time.process_time()
    hashes = []
    for k, (_, t) in enumerate(docs):
        w = t.lower().split()
        m = minhash([" ".join(w[i : i + 5]) for i in range(len(w) - 4)])
        lsh.insert(k, m)
        hashes.append(m)
    found: set[Pair] = set()
    for k, m in enumerate(hashes):
        for o in lsh.query(m):
            if o != k:
                found.add(_norm({(docs[k][0], docs[o][0])}).pop())
    out: dict[str, object] = {
        "time_total_s": round(time.perf_counter() - t0, 1),
        "cpu_total_s": round(time.process_time() - c0, 1),
    }
    score(out, "candidates_", found, planted)
    return out


def run_datasketch(
    docs: list[tuple[str, str]], planted: dict[str, set[Pair]], threshold: float
) -> dict[str, object]:
    """Plain datasketch MinHash LSH: sha1 of the shingles, 64 perms."""

    def minhash(shingles: list[str]) -> MinHash:
        m = MinHash(num_perm=64)
        m.update_batch([s.encode() for s in shingles])
        return m

    return _plain_lsh(docs, planted, MinHashLSH(threshold=threshold, num_perm=64), minhash)


def run_rensa(
    docs: list[tuple[str, str]], planted: dict[str, set[Pair]], threshold: float
) -> dict[str, object]:
    """Plain rensa MinHash LSH: its own hashing of the shingles, 64 perms, 16 bands."""
    from rensa import RMinHash, RMinHashLSH

    def minhash(shingles: list[str]) -> RMinHash:
        m = RMinHash(num_perm=64, seed=1)
        m.update(shingles)
        return m

    lsh = RMinHashLSH(threshold=threshold, num_perm=64, num_bands=16)
    return _plain_lsh(docs, planted, lsh, minhash)


def _use_rensa() -> None:
    """Swap the candidate stage's MinHash (datasketch, numpy) for rensa's, for a measure."""
    import numpy as np
    from rensa import RMinHash

    from newsprism.reuse import candidates as cand

    def minhashes(sig, counts, config, templates):  # type: ignore[no-untyped-def]
        sh_counts, st_counts, n = counts
        cap = cand._cap(n, config)
        mask = np.uint32((1 << config.sketch_bits) - 1)
        out = []
        for values, df, seed, threshold in (
            (sig.shingles, sh_counts, config.seed, config.shingle_threshold),
            (sig.stems, st_counts, config.seed + 1, config.stem_threshold),
        ):
            kept = values[df[values & mask] <= cap]
            if len(kept) == 0 or threshold is None:
                out.append(None)
                continue
            m = RMinHash(num_perm=config.num_perm, seed=seed)
            m.update(list(map(str, kept.tolist())))
            out.append(np.asarray(m.digest(), dtype=np.uint32))
        return out[0], out[1]

    cand.minhashes = minhashes


def run_brute(
    docs: list[tuple[str, str]], planted: dict[str, set[Pair]], cap_s: float
) -> dict[str, object]:
    """``compare`` on every pair (no candidate generation), stopped after ``cap_s``."""
    t0, c0 = time.perf_counter(), time.process_time()
    prepared = [prepare(t) for _, t in docs]
    derived: set[Pair] = set()
    done = 0
    total = len(docs) * (len(docs) - 1) // 2
    for i, j in itertools.combinations(range(len(docs)), 2):
        if compare_prepared(prepared[i], prepared[j]).relation in DERIVED:
            derived.add(_norm({(docs[i][0], docs[j][0])}).pop())
        done += 1
        if done % 1000 == 0 and time.perf_counter() - t0 > cap_s:
            break
    out: dict[str, object] = {
        "time_total_s": round(time.perf_counter() - t0, 1),
        "cpu_total_s": round(time.process_time() - c0, 1),
        "pairs_compared": done,
        "pairs_all": total,
        "finished": done == total,
        "cpu_ms_per_pair": round(1000 * (time.process_time() - c0) / max(1, done), 3),
    }
    score(out, "verified_", derived, planted)
    return out


def run_one(data: Path, n: int, method: str, args: argparse.Namespace) -> dict[str, object]:
    docs, planted = build(data, n)
    out: dict[str, object] = {"articles": len(docs), "method": method}
    if method in ("newsprism", "newsprism+rensa"):
        if method == "newsprism+rensa":
            _use_rensa()
        out.update(run_newsprism(docs, planted, args.paths, n <= args.verify_max))
    elif method.startswith("rensa"):
        out.update(run_rensa(docs, planted, float(method.split("@")[1])))
    elif method.startswith("datasketch"):
        out.update(run_datasketch(docs, planted, float(method.split("@")[1])))
    elif method == "brute":
        out.update(run_brute(docs, planted, args.brute_cap))
    out["peak_mb"] = round(peak_mb())
    out["load"] = round(os.getloadavg()[0], 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 30000, 100000])
    ap.add_argument("--baseline-max", type=int, default=30000, help="datasketch up to this size")
    ap.add_argument("--baseline-thresholds", type=float, nargs="*", default=[0.5, 0.3])
    ap.add_argument("--brute-max", type=int, default=1000, help="all-pairs compare up to this")
    ap.add_argument("--brute-cap", type=float, default=600, help="seconds before it stops")
    ap.add_argument("--verify-max", type=int, default=10**9, help="skip verification above")
    ap.add_argument(
        "--paths",
        default="default",
        choices=["default", "stems", "embedding"],
        help="newsprism candidate paths: this install's default, shingles+stems, "
        "shingles+embedding without stems",
    )
    ap.add_argument(
        "--rensa",
        action="store_true",
        help="also run rensa (pip install rensa): its MinHash inside the newsprism path, "
        "and as a plain baseline beside datasketch",
    )
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--method", default="newsprism", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.data, args.one, args.method, args)))
        return
    for n in args.sizes:
        methods = ["newsprism"] + (["newsprism+rensa"] if args.rensa else [])
        if n <= args.baseline_max:
            methods += [f"datasketch@{t}" for t in args.baseline_thresholds]
            if args.rensa:
                methods += [f"rensa@{t}" for t in args.baseline_thresholds]
        if n <= args.brute_max:
            methods.append("brute")
        for method in methods:
            cmd = [sys.executable, __file__, str(args.data), "--one", str(n), "--method", method]
            cmd += ["--verify-max", str(args.verify_max), "--paths", args.paths]
            cmd += ["--brute-cap", str(args.brute_cap)]
            proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
            print(proc.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
