import sys

import pytest

from contracts.lazy_exports import lazy_exports


def test_names_load_on_first_use_and_are_kept():
    namespace = {}
    getattr_, dir_ = lazy_exports("pkg", {"dumps": ("json", "dumps"), "json": ("json", "")}, namespace)
    assert getattr_("dumps") is sys.modules["json"].dumps and namespace["dumps"] is sys.modules["json"].dumps
    assert getattr_("json") is sys.modules["json"]
    assert dir_() == ["dumps", "json"]
    with pytest.raises(AttributeError, match="module 'pkg' has no attribute 'nope'"):
        getattr_("nope")
