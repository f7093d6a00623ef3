"""Build the story clusterer's background document frequencies (``stories_background``).

    python benchmarks/build_stories_background.py [--data DATA_DIR] [--write]

Why: the clusterer weighs words by inverse document frequency counted over the
corpus it is given.  A folder of five articles about one event makes the event's
own words the *commonest* (idf 1) and one-off background words the rarest, the
opposite of what the join model was calibrated on (a stream of hundreds of
events), so five reports of one event came out as several stories (66 of 86 ECB+
events run alone).  A background of ordinary news, counted once and shipped as
data, restores the usual weights; :func:`newsprism.stories.group` blends it in
with a weight that fades as the corpus grows.

Data: FNC-1 training bodies (1,673 news bodies) and the PolNeAR training texts
(840 articles): many events, none of them ECB+, on which the effect is measured.
Keys (the clusterer's word and entity keys, from its own ``bags``) in at least
:data:`MIN_DF` documents are kept.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from _data import DEFAULT_DATA
from newsprism import artifacts
from newsprism.model import Article
from newsprism.stories._features import bags
from newsprism.stories._stories import _ENT

MIN_DF = 3


def documents(data: Path) -> list[Article]:
    csv.field_size_limit(sys.maxsize)
    out = []
    with (data / "fnc1-train" / "train_bodies.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.append(Article(id=f"fnc-{row['Body ID']}", text=row["articleBody"]))
    for path in sorted((data / "polnear" / "train").rglob("*.txt")):
        out.append(Article(id=path.stem, text=path.read_text(encoding="utf-8", errors="replace")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--write", action="store_true", help="write the shipped artefact")
    args = ap.parse_args()
    docs = documents(args.data)
    df: Counter[str] = Counter()
    for a in docs:
        b = bags(a)
        df.update(b.words.keys())
        df.update(_ENT + k for k in b.entities)
    kept = {k: v for k, v in sorted(df.items()) if v >= MIN_DF}
    print(f"{len(docs)} documents, {len(df)} keys, {len(kept)} in {MIN_DF}+ documents")
    if args.write:
        path = artifacts.write(
            "stories_background",
            {"docs": len(docs), "min_df": MIN_DF, "df": kept},
            data=[args.data / "fnc1-train" / "train_bodies.csv", args.data / "polnear" / "train"],
            command="python benchmarks/build_stories_background.py --write",
            metrics={"documents": len(docs), "keys": len(kept)},
            notes="document frequencies of the clusterer's bag keys; no ECB+ document",
        )
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
