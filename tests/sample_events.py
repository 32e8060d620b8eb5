"""A small fictional news stream for the grouping, store and Dask tests: three events, four reports each.

Everything here is invented (places, people, numbers); the reports of one event
share its particulars in different words, as real coverage does.
"""

from __future__ import annotations

FIRE = [
    ("Warehouse fire in Port Elsby harbour injures three",
     "A fire broke out on Tuesday night in a grain warehouse at Port Elsby harbour, injuring three dock "
     "workers. Fire chief Maren Tollak said 40 firefighters fought the blaze for six hours. The cause of "
     "the Port Elsby fire is not yet known, and the harbour stayed closed on Wednesday."),
    ("Port Elsby blaze: harbour closed after grain store burns",
     "Firefighters in Port Elsby needed six hours to control a blaze that destroyed a grain warehouse "
     "in the harbour late on Tuesday. Three workers were taken to hospital with burns, according to chief "
     "Maren Tollak. Shipping into Port Elsby was halted while the warehouse ruins cooled."),
    ("Three hurt as fire guts Port Elsby grain warehouse",
     "Three dock workers were hurt when fire gutted a grain warehouse in Port Elsby harbour. Maren Tollak, "
     "the town's fire chief, said 40 firefighters were called on Tuesday night. Investigators will examine "
     "the warehouse once the site in Port Elsby is safe."),
    ("Investigators search burnt Port Elsby warehouse",
     "Investigators began searching the burnt grain warehouse in Port Elsby harbour on Thursday, two days "
     "after the fire that injured three workers. Chief Maren Tollak said the blaze started near a conveyor "
     "belt. The harbour of Port Elsby reopened to ships on Thursday morning."),
]
ELECTION = [
    ("Lida Vantre elected mayor of Wenlow",
     "Lida Vantre won the Wenlow mayoral election on Sunday with 54 percent of the vote, defeating the "
     "incumbent Osric Palm. Turnout in Wenlow was 61 percent. Vantre promised to rebuild the Wenlow tram "
     "line during her first year in office."),
    ("Wenlow votes out mayor Osric Palm",
     "Voters in Wenlow ended the twelve-year tenure of mayor Osric Palm on Sunday. Challenger Lida Vantre "
     "took 54 percent of the ballots after a campaign built on the city's failing tram line. Palm conceded "
     "in a short speech at Wenlow city hall."),
    ("Vantre wins Wenlow race with 54 percent",
     "Lida Vantre will be the next mayor of Wenlow after winning 54 percent in Sunday's election. Osric Palm, "
     "mayor since 2012, received 41 percent. Vantre's supporters celebrated outside Wenlow city hall late "
     "into the night, chanting about the tram."),
    ("New Wenlow mayor Vantre names tram plan first task",
     "A day after her election, Wenlow's new mayor Lida Vantre said repairing the tram line comes first. "
     "She beat Osric Palm with 54 percent of the vote on Sunday. Vantre takes office at Wenlow city hall "
     "next month."),
]
CHESS = [
    ("Irina Kovalenko wins Harrowgate chess championship",
     "Irina Kovalenko won the Harrowgate chess championship on Saturday after beating Tomas Reiner in the "
     "final game of the tiebreak. The 19-year-old Kovalenko finished with 8.5 points out of 11. Reiner had "
     "led the Harrowgate tournament until the ninth round."),
    ("Kovalenko, 19, takes Harrowgate title in tiebreak",
     "Nineteen-year-old Irina Kovalenko is the new Harrowgate chess champion. She defeated Tomas Reiner in "
     "a rapid tiebreak on Saturday, having tied with him on 8.5 points. Kovalenko is the youngest winner in "
     "the history of the Harrowgate event."),
    ("Reiner falls to Kovalenko in Harrowgate chess final",
     "Tomas Reiner lost the Harrowgate championship to Irina Kovalenko in a tense tiebreak on Saturday. "
     "Both players ended the classical games on 8.5 points. Kovalenko, 19, won the decisive rapid game "
     "with the black pieces."),
    ("Youngest Harrowgate champion Kovalenko eyes world title",
     "Irina Kovalenko, who won the Harrowgate chess championship on Saturday at 19, said she now aims at "
     "the world title cycle. Her tiebreak win over Tomas Reiner followed a tied score of 8.5 points. "
     "Harrowgate organisers called it the best final in years."),
]
EVENTS = {"fire": FIRE, "election": ELECTION, "chess": CHESS}
DAYS = {"fire": "2024-03-05", "election": "2024-03-10", "chess": "2024-03-16"}


def stream(interleave: bool = True, times: bool = True) -> list[dict]:
    """The twelve reports as article records; ``gold`` holds the event (the grouper never reads it)."""
    by_event = [[(name, n, title, text) for n, (title, text) in enumerate(reports)]
                for name, reports in EVENTS.items()]
    ordered = [r for group in zip(*by_event) for r in group] if interleave else [r for g in by_event for r in g]
    return [{"id": f"{name}-{n}", "title": title, "text": text, "gold": name,
             "url": f"https://{('daily', 'herald', 'post', 'wire')[n]}.example/{name}/{n}",
             "time": f"{DAYS[name]}T{8 + n:02d}:00:00+00:00" if times else None}
            for name, n, title, text in ordered]


def partition(ids: list[str], labels: list[str | None]) -> set[frozenset[str]]:
    """The grouping as a set of groups of ids (label names do not matter)."""
    groups: dict[str | None, set[str]] = {}
    for i, label in zip(ids, labels):
        groups.setdefault(label, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def gold_partition(records: list[dict]) -> set[frozenset[str]]:
    return partition([r["id"] for r in records], [r["gold"] for r in records])


CHESS_LATER = [
    ("Kovalenko keeps Harrowgate chess crown",
     "Irina Kovalenko defended her Harrowgate chess championship on Sunday, beating Lukas Brandt in the last "
     "round. Kovalenko, now 21, finished on 9 points out of 11, a full point clear of the field. Harrowgate "
     "organisers said a record crowd followed the final games."),
    ("Harrowgate champion Kovalenko beats Brandt to retain title",
     "Defending champion Irina Kovalenko retained the Harrowgate chess title after a last-round win against "
     "Lukas Brandt. The 21-year-old Kovalenko lost no game in the Harrowgate event this year. Brandt said "
     "Kovalenko deserved the championship."),
    ("Kovalenko wins Harrowgate chess title again",
     "Irina Kovalenko won the Harrowgate chess championship for a second time, two years after her first "
     "title. She beat Lukas Brandt in the final round on Sunday. Kovalenko said she will play the world "
     "title cycle again next year."),
]
"""The same subject as CHESS two years later: another event of the same story."""


def later_chess() -> list[dict]:
    """The CHESS_LATER reports as records, dated two years after CHESS."""
    return [{"id": f"chess-later-{n}", "title": title, "text": text, "gold": "chess-later",
             "url": f"https://{('daily', 'herald', 'post')[n]}.example/chess-later/{n}",
             "time": f"2026-03-15T{8 + n:02d}:00:00+00:00"}
            for n, (title, text) in enumerate(CHESS_LATER)]


BRIDGE = [
    ("Port Elsby warehouse burns",
     "A grain warehouse burned down in Port Elsby harbour on Tuesday night and three dock workers were injured."),
    ("Fire chief praises crews",
     "Fire chief Maren Tollak said forty firefighters fought the blaze for six hours, a hard night for her crews."),
    ("Maren Tollak: Port Elsby grain warehouse fire injured three",
     "Fire chief Maren Tollak said the grain warehouse fire in Port Elsby harbour injured three dock workers, "
     "and that forty firefighters fought the blaze for six hours on Tuesday night."),
]
"""Two reports of one fire that share almost no words, then one that shares words with both."""


def bridge() -> list[dict]:
    """The BRIDGE reports as records, all of one day."""
    return [{"id": f"bridge-{n}", "title": title, "text": text, "gold": "fire",
             "time": f"2024-03-06T{8 + n:02d}:00:00+00:00"} for n, (title, text) in enumerate(BRIDGE)]
