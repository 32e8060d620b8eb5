"""A SQLite store of articles, events and briefings that grows incrementally::

    from newsbrief.store import Store
    with Store("news.db") as store:
        store.add(["feed-monday.jsonl"])          # new articles join events or open new ones
        for event in store.events():             # largest first
            print(event.size, event.title, store.briefing(event.id)["summary"])
        store.search("ceasefire Idlib")
"""

from newsbrief.store.store import EventInfo, SearchHit, Store, StoreError

__all__ = ["EventInfo", "SearchHit", "Store", "StoreError"]
