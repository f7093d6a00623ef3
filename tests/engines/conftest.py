"""One Spark session (``local[2]``) for every engine test of the session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[object]:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Java not installed (apt-get install openjdk-17-jre-headless)")
    pytest.importorskip("pyspark", reason="pyspark not installed: pip install 'newsprism[spark]'")
    from newsprism.engines.spark import spark_session

    session = spark_session("local[2]", memory="1g")
    yield session
    session.stop()
