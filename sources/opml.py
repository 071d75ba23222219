"""OPML in and out, the list of feeds a newsroom carries between readers: importing adds the new
feeds as sources without fetching them (polling reports broken ones); exporting writes OPML 2.0."""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from email.utils import format_datetime
from urllib.parse import urlsplit

from defusedxml import EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import ParseError, fromstring
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sources import takedown
from sources.add import is_http_url
from sources.models import Source


class OpmlError(Exception):
    """The bytes are not an OPML file Herald will read."""


@dataclass
class OpmlOutline:
    feed_url: str
    name: str
    homepage: str


@dataclass
class OpmlImport:
    added: int = 0
    skipped: int = 0  # already sources, or repeated in the file
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (feed URL, reason)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (feed URL, why): taken down

    def __str__(self) -> str:
        text = (
            f"{self.added} added, {self.skipped} skipped (already sources), "
            f"{len(self.invalid)} invalid"
        )
        return text + (f", {len(self.refused)} refused (taken down)" if self.refused else "")


def _local(tag) -> str:
    # "{namespace}outline" -> "outline"; comments and PIs have a function as their tag.
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_opml(data: bytes) -> list[OpmlOutline]:
    """Every outline with a feed URL (xmlUrl), nested ones included, in document order."""
    try:
        # defusedxml: entity declarations and external references raise instead of expanding.
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden:
        raise OpmlError("the OPML declares entities: refused") from None
    except ExternalReferenceForbidden:
        raise OpmlError("the OPML refers to external entities: refused") from None
    except (ParseError, ValueError) as error:
        raise OpmlError(f"not a readable OPML file: {error}") from None
    if _local(root.tag) != "opml":
        raise OpmlError(f"not an OPML file: its root element is <{_local(root.tag)}>")
    outlines = []
    for element in root.iter():
        if _local(element.tag) != "outline":
            continue
        # Readers write xmlUrl, xmlurl or XMLURL; compare attribute names case-insensitively.
        attributes = {_local(name): value.strip() for name, value in element.attrib.items()}
        if attributes.get("xmlurl"):
            outlines.append(
                OpmlOutline(
                    feed_url=attributes["xmlurl"],
                    name=attributes.get("text") or attributes.get("title", ""),
                    homepage=attributes.get("htmlurl", ""),
                )
            )
    return outlines


def import_opml(data: bytes) -> OpmlImport:
    """Add a source for each new feed URL of the OPML file; OpmlError if the file is unreadable."""
    report = OpmlImport()
    known = set(Source.objects.values_list("feed_url", flat=True))
    taken_down = takedown.taken_down_hosts()
    new = []
    for outline in parse_opml(data):
        url = outline.feed_url
        if not is_http_url(url):
            report.invalid.append((url, "not an http(s) URL"))
            continue
        if url in known:
            report.skipped += 1
            continue
        down = [h for h in map(takedown.host_of, (url, outline.homepage)) if h in taken_down]
        if down:
            report.refused.append((url, f"{down[0]} was taken down"))
            continue
        source = Source(
            feed_url=url,
            name=(outline.name or urlsplit(url).hostname or url)[:200],
            homepage=outline.homepage if is_http_url(outline.homepage) else "",
        )
        try:
            source.full_clean(validate_unique=False)  # known holds every feed URL already stored
        except ValidationError as error:
            report.invalid.append((url, "; ".join(error.messages)))
            continue
        known.add(url)
        new.append(source)
    with transaction.atomic():
        Source.objects.bulk_create(new, batch_size=500)
    report.added = len(new)
    return report


# Characters XML 1.0 cannot carry at all, not even escaped; a feed's title may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def export_opml(sources) -> bytes:
    """The sources as an OPML 2.0 document in UTF-8."""
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = "Herald sources"
    ET.SubElement(head, "dateCreated").text = format_datetime(timezone.now())
    body = ET.SubElement(opml, "body")
    for source in sources:
        name = _NOT_XML.sub("", source.name)
        attributes = {"text": name, "title": name, "type": "rss", "xmlUrl": source.feed_url}
        if source.homepage:
            attributes["htmlUrl"] = source.homepage
        ET.SubElement(body, "outline", attributes)
    ET.indent(opml)
    return ET.tostring(opml, encoding="UTF-8", xml_declaration=True) + b"\n"
