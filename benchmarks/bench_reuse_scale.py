"""Candidate generation and verification at scale, on a corpus with planted reuse.

Usage: python benchmarks/bench_reuse_scale.py ../shared/data --sizes 10000 30000 100000
       [--baseline-max 30000]

The corpus is built from real sentences: PolNeAR texts (train + dev) and ECB+ documents
give a pool of ~42k sentences; each article is 8-16 sentences, each made of the first half
of one pool sentence and the second half of another (so that articles do not share whole
sentences by construction).  Planted pairs:
1% exact copies (with a sentence of their own added), 1% light edits (~10% of the words
replaced, deleted or duplicated), and reworded copies made of MSRP train paraphrase pairs
(sentence 1s in the source, sentence 2s in the copy; at most 400, limited by MSRP).
Each size runs in a fresh process so that peak memory (ru_maxrss) is its own.
Reports recall of planted pairs after candidate generation and after verification
(``compare`` says copy/edited/rewrite), the other pairs, time and peak memory, and the
same for plain datasketch MinHash LSH (5-gram shingles, sha1, no cap, threshold 0.5).
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from newsprism.reuse import candidates, compare_prepared, prepare, signature
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


def run_one(data: Path, n: int, baseline: bool, verify: bool = True) -> dict[str, object]:
    docs, planted = build(data, n)
    texts = dict(docs)
    base_mb = peak_mb()
    out: dict[str, object] = {"articles": len(docs), "corpus_mb_peak": round(base_mb)}
    all_planted = set().union(*planted.values())

    t0, c0 = time.perf_counter(), time.process_time()
    sigs = [signature(i, t) for i, t in docs]
    t_sig = time.perf_counter() - t0
    pairs = {tuple(sorted(p)) for p in candidates(sigs)}
    t_cand = time.perf_counter() - t0
    cpu_cand = time.process_time() - c0
    out["cpu_candidates_s"] = round(cpu_cand, 1)
    del sigs
    # pairs come sorted by their first article, so a small cache of prepared texts
    # serves most of them while keeping memory bounded
    prep = functools.lru_cache(maxsize=4096)(lambda i: prepare(texts[i]))
    derived: set[tuple[str, str]] = set()
    for a, b in sorted(pairs) if verify else ():
        if compare_prepared(prep(a), prep(b)).relation in DERIVED:
            derived.add((a, b))
    t_total = time.perf_counter() - t0
    cpu_total = time.process_time() - c0

    def norm(s: set[tuple[str, str]]) -> set[tuple[str, str]]:
        return {tuple(sorted(p)) for p in s}  # type: ignore[misc]

    for kind, ps in planted.items():
        ps = norm(ps)
        out[f"recall_{kind}_candidates"] = round(len(ps & pairs) / max(1, len(ps)), 3)
        out[f"recall_{kind}_verified"] = round(len(ps & derived) / max(1, len(ps)), 3)
        out[f"planted_{kind}"] = len(ps)
    other = norm(all_planted)
    out["candidate_pairs"] = len(pairs)
    out["candidates_not_planted"] = len(pairs - other)
    out["derived_not_planted"] = len(derived - other)
    out["time_signatures_s"] = round(t_sig, 1)
    out["time_candidates_s"] = round(t_cand, 1)
    out["time_total_s"] = round(t_total, 1)
    out["cpu_total_s"] = round(cpu_total, 1)
    out["peak_mb"] = round(peak_mb())
    if baseline:
        t0 = time.perf_counter()
        lsh = MinHashLSH(threshold=0.5, num_perm=64)
        hashes = []
        for k, (_, t) in enumerate(docs):
            w = t.lower().split()
            m = MinHash(num_perm=64)
            m.update_batch([" ".join(w[i : i + 5]).encode() for i in range(len(w) - 4)])
            lsh.insert(k, m)
            hashes.append(m)
        found = set()
        for k, m in enumerate(hashes):
            for o in lsh.query(m):
                if o != k:
                    found.add(tuple(sorted((docs[k][0], docs[o][0]))))
        out["baseline_time_s"] = round(time.perf_counter() - t0, 1)
        for kind, ps in planted.items():
            out[f"baseline_recall_{kind}"] = round(len(norm(ps) & found) / max(1, len(ps)), 3)
        out["baseline_pairs_not_planted"] = len(found - other)
        out["baseline_peak_mb"] = round(peak_mb())
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 30000, 100000])
    ap.add_argument("--baseline-max", type=int, default=30000)
    ap.add_argument("--verify-max", type=int, default=10**9, help="skip verification above")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        res = run_one(
            args.data, args.one, args.one <= args.baseline_max, args.one <= args.verify_max
        )
        print(json.dumps(res))
        return
    for n in args.sizes:
        cmd = [sys.executable, __file__, str(args.data), "--one", str(n)]
        cmd += ["--baseline-max", str(args.baseline_max), "--verify-max", str(args.verify_max)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        print(n, proc.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
