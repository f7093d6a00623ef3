"""Loading real article text for benchmarks (never used by the package or tests)."""

from __future__ import annotations

import glob
import os
import re
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def polnear_texts(folder: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """(id, text) of PolNeAR-format articles under ``folder`` (any split's ``text/``)."""
    files = sorted(folder.rglob("text/*.txt")) or sorted(folder.rglob("*.txt"))
    out = [(f.stem, f.read_text(encoding="utf-8")) for f in files[: limit or None]]
    if not out:
        raise SystemExit(f"{folder}: no PolNeAR text files found")
    return out


def peak_rss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def polnear_ann(folder: Path, name: str) -> Path | None:
    """The brat annotation file of one PolNeAR article (its name may carry a 4-hex
    suffix), or None."""
    pattern = str(folder / "attributions" / (name + "*.ann"))
    anns = [
        a
        for a in sorted(glob.glob(pattern))
        if re.sub(r"_[0-9a-f]{4}$", "", os.path.basename(a)[:-4]) == name
    ]
    return Path(anns[0]) if anns else None
