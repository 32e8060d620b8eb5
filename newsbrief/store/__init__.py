"""A SQLite store of articles, events, stories and briefings that grows incrementally::

    from newsbrief.store import Store
    with Store("news.db") as store:
        store.add(["feed-monday.jsonl"])          # new articles join events and stories, or open new ones
        for story in store.stories():            # largest first, each with its events
            print(story.size, story.title, [e.id for e in story.events])
        store.briefing("e12"), store.story_briefing("s3")   # an id merged away still leads to its articles
        store.search("ceasefire Idlib")
"""

from newsbrief.store.store import EventInfo, Pending, SearchHit, Store, StoreError, StoryInfo

__all__ = ["EventInfo", "Pending", "SearchHit", "Store", "StoreError", "StoryInfo"]
