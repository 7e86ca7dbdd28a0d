"""The view's caches: per store (held weakly) and store generation, so a write is seen at once."""

from __future__ import annotations

import threading
import weakref
from typing import Any

from graph.store.base import Store

lock = threading.RLock()
data_cache: dict[tuple, tuple[weakref.ref, Any]] = {}  # (store, generation, lang) -> NetworkData
view_cache: dict[tuple, tuple[weakref.ref, Any]] = {}  # (store, generation, options) -> View


def get(cache: dict, key: tuple, store: Store) -> Any:
    """The cached value for `key` when it was made for this very store, else None."""
    hit = cache.get(key)
    if hit is not None and hit[0]() is store:
        return hit[1]
    return None


def put(cache: dict, key: tuple, store: Store, value: Any, limit: int) -> None:
    """Cache `value`, dropping this store's older generations and the oldest entries beyond `limit`."""
    stale = [k for k in cache if k[0] == key[0] and k[1] != key[1]]
    for k in stale:
        del cache[k]
    while len(cache) >= limit:
        del cache[next(iter(cache))]
    cache[key] = (weakref.ref(store), value)
