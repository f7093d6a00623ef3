"""Every error class newsprism raises on purpose has a stable, unique code and a fix."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import re
from pathlib import Path

import pytest

import newsprism
from newsprism.errors import InputError, NewsprismError, OptionsError, StoreError


def _all_error_classes() -> list[type[NewsprismError]]:
    """Every NewsprismError subclass in the tree (modules whose extra is missing skipped)."""
    for mod in pkgutil.walk_packages(newsprism.__path__, "newsprism."):
        if mod.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(mod.name)
        except ImportError:
            continue
    found: list[type[NewsprismError]] = []
    todo: list[type[NewsprismError]] = [NewsprismError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_each_error_class_has_a_unique_code_and_a_fix() -> None:
    classes = _all_error_classes()
    names = {cls.__name__ for cls in classes}
    assert {"InputError", "OptionsError", "PipelineError", "StoreError", "ArtifactError"} <= names
    codes = [cls.code for cls in classes]
    assert len(codes) == len(set(codes)), sorted(codes)
    for cls in classes:
        assert re.fullmatch(r"E\d{3}", cls.code), cls
        assert cls.fix.strip(), cls


def test_the_message_starts_with_the_code() -> None:
    exc = StoreError("cannot open store x.db")
    assert str(exc) == "[E301] cannot open store x.db"
    assert exc.message == "cannot open store x.db"
    assert str(InputError("a.txt", "empty file")) == "[E101] a.txt: empty file"
    with pytest.raises(StoreError, match=r"^\[E301\] cannot open"):
        raise exc


def test_an_option_error_is_a_value_error_too() -> None:
    assert issubclass(OptionsError, ValueError)


def test_errors_survive_pickling_as_a_process_pool_does() -> None:
    again = pickle.loads(pickle.dumps(InputError("a.txt", "empty file")))
    assert (again.source, again.reason, str(again)) == (
        "a.txt",
        "empty file",
        "[E101] a.txt: empty file",
    )
    assert str(pickle.loads(pickle.dumps(StoreError("x")))) == "[E301] x"


def test_a_new_error_class_must_choose_its_code() -> None:
    with pytest.raises(TypeError, match="must set its own `code` and `fix`"):

        class Unnamed(NewsprismError):  # no code: refused when the class is made
            pass


def test_records_passed_as_sources_say_which_function_reads_them(tmp_path: Path) -> None:
    art = newsprism.Article(id="a1", text="The council met on Tuesday.")
    with pytest.raises(TypeError, match="analyze_articles"):
        newsprism.analyze([art])  # type: ignore[list-item]
    # a path object is a source like its string
    page = tmp_path / "one.txt"
    page.write_text("The harbour council approved the budget on Tuesday, officials said.")
    assert len(newsprism.analyze(page).articles) == 1  # type: ignore[arg-type]
