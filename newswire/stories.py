"""The written material of the wire: news events kept as story sheets, parsed into `Event`s.

Each `stories_<section>.py` module holds one SHEET. An event is written once, with alternative
phrasings inline as `{first|second|third}`; the builder picks phrasings per outlet so copied
coverage repeats the original word for word and rewritten coverage says the same in other words.

Sheet format, one field per line (a line starting with spaces continues the previous field):

    === event-id @ Dateline Place
    H: headline used by the original       (three headlines: the others go to rewrites)
    S: one or two sentence summary
    P: a paragraph (four to seven; the second and third must read well in either order)
    O: outlet-slug, outlet-slug            (optional: fixed coverage, originator first)
    C: section                             (optional: overrides the sheet's section)

Every `{...}` choice must read correctly whatever the choices around it pick, and a rewrite may
drop the paragraph before the last, so the last must not lean on it.
"""

import hashlib
import re
from dataclasses import dataclass

from newswire import (
    stories_business,
    stories_comedy,
    stories_entertainment,
    stories_es,
    stories_health,
    stories_politics,
    stories_science,
    stories_showbiz,
    stories_sports,
    stories_tourism,
    stories_world,
)


@dataclass(frozen=True)
class Event:
    id: str
    section: str
    place: str
    language: str
    headlines: tuple[str, ...]
    summary: str
    paragraphs: tuple[str, ...]
    # Fixed coverage (originator first); empty lets the builder choose by section.
    outlets: tuple[str, ...] = ()


_SPIN = re.compile(r"\{([^{}]*)\}")


def spin(text: str, variant: int) -> str:
    """Resolve `{a|b|c}` choices: variant 0 takes every first choice (the original wording),
    variant 1 every second one (the furthest rewrite); later variants mix them by a fixed hash,
    so two rewrites of one event rarely agree."""
    group = 0

    def choose(match: re.Match) -> str:
        nonlocal group
        options = match.group(1).split("|")
        if variant <= 1:
            index = variant % len(options)
        else:
            index = hashlib.sha256(f"{variant}:{group}".encode()).digest()[0] % len(options)
        group += 1
        return options[index]

    return _SPIN.sub(choose, text)


def parse_sheet(sheet: str, section: str, language: str = "en") -> list[Event]:
    blocks = [block for block in sheet.split("\n===") if block.strip()]
    return [_parse_block(block.removeprefix("==="), section, language) for block in blocks]


def _parse_block(block: str, section: str, language: str) -> Event:
    header, *lines = block.strip("\n").split("\n")
    event_id, _, place = header.strip().partition("@")
    fields: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        if line.startswith((" ", "\t")) and fields:
            fields[-1][1] += " " + line.strip()
            continue
        key, sep, value = line.partition(":")
        if not sep or key not in {"H", "S", "P", "O", "C"}:
            raise ValueError(f"story sheet {event_id.strip()!r}: cannot read line {line!r}")
        fields.append([key, value.strip()])
    by_key = {key: [value for k, value in fields if k == key] for key in "HSPOC"}
    event = Event(
        id=event_id.strip(),
        section=by_key["C"][0] if by_key["C"] else section,
        place=place.strip(),
        language=language,
        headlines=tuple(by_key["H"]),
        summary=" ".join(by_key["S"]),
        paragraphs=tuple(by_key["P"]),
        outlets=tuple(s.strip() for o in by_key["O"] for s in o.split(",") if s.strip()),
    )
    if not event.headlines or not event.summary or not 4 <= len(event.paragraphs) <= 7:
        raise ValueError(f"story sheet {event.id!r}: needs headlines, a summary, 4-7 paragraphs")
    return event


def _load() -> list[Event]:
    modules = (
        stories_politics,
        stories_world,
        stories_business,
        stories_health,
        stories_science,
        stories_entertainment,
        stories_showbiz,
        stories_tourism,
        stories_comedy,
        stories_sports,
    )
    events = [event for m in modules for event in parse_sheet(m.SHEET, m.SECTION)]
    events += parse_sheet(stories_es.SHEET, stories_es.SECTION, language="es")
    return events


EVENTS: list[Event] = _load()
