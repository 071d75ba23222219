"""The fictional outlets of the demo wire: who they are, what they cover and how they publish.

Herald seeds its sources from `OUTLETS`; the builder and renderer read the rest of each record.
"""

from dataclasses import dataclass, field

SECTIONS = (
    "politics",
    "world",
    "business",
    "health",
    "science-tech",
    "entertainment",
    "showbiz",
    "tourism",
    "comedy",
    "sports",
)

SECTION_LABELS = {
    "politics": "Politics",
    "world": "World",
    "business": "Business",
    "health": "Health",
    "science-tech": "Science & Tech",
    "entertainment": "Entertainment",
    "showbiz": "Showbiz",
    "tourism": "Tourism",
    "comedy": "Comedy",
    "sports": "Sports",
}

FEED_KINDS = ("rss2", "atom", "jsonfeed", "rss1")

_FEED_FILES = {"rss2": "feed.xml", "atom": "feed.xml", "rss1": "feed.xml", "jsonfeed": "feed.json"}


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    tagline: str
    language: str
    feed_kind: str
    sections: tuple[str, ...]
    authors: tuple[str, ...]
    summaries_only: bool = False
    content_farm: bool = False
    # How a republished (copied) story is credited at its foot; empty means no credit at all.
    credit_line: str = "This story was first published by {source}."
    # Wire-style datelines ("PORT ELLERY (Valley Wire) - ...") on the first paragraph.
    dateline: str = ""
    # Whether this outlet breaks stories itself or mostly follows others.
    originates: bool = True
    # A news agency: its copy is sold to be republished as it stands.
    wire_service: bool = False
    home_path: str = field(init=False)
    feed_path: str = field(init=False)

    def __post_init__(self):
        # Derived once so they are plain fields (visible to asdict, repr and the Django seeder).
        object.__setattr__(self, "home_path", f"/{self.slug}/")
        object.__setattr__(self, "feed_path", f"/{self.slug}/{_FEED_FILES[self.feed_kind]}")

    @property
    def full_text(self) -> bool:
        return not self.summaries_only


_ALL = SECTIONS

OUTLETS: list[Outlet] = [
    Outlet(
        slug="daily-courier",
        name="The Daily Courier",
        tagline="News for the whole coast since 1898",
        language="en",
        feed_kind="rss2",
        sections=_ALL,
        authors=(
            "Margaret Ellison",
            "Tom Havers",
            "Priyanka Shah",
            "Owen Castell",
            "Ruth Adeyemi",
            "Callum Byrne",
        ),
        credit_line="Distributed by {source}.",
        dateline="{PLACE} \u2014 ",
    ),
    Outlet(
        slug="metro-ledger",
        name="The Metro Ledger",
        tagline="Politics, money and the city",
        language="en",
        feed_kind="atom",
        sections=("politics", "world", "business", "health", "science-tech", "tourism"),
        authors=("Jonah Whitcombe", "Amelia Strand", "Rafael Ortega", "Simone Achterberg"),
        credit_line="This article originally appeared in {source} and is republished here.",
    ),
    Outlet(
        slug="northstar-bulletin",
        name="Northstar Bulletin",
        tagline="The news in brief, all day long",
        language="en",
        feed_kind="rss2",
        sections=_ALL,
        authors=("Hannah Pryce", "Kwame Asante", "Iris Delacroix", "Felix Moreau", "Bea Lindqvist"),
        summaries_only=True,
        credit_line="Source: {source}.",
    ),
    Outlet(
        slug="signal-circuit",
        name="Signal & Circuit",
        tagline="Science, technology and the people who build it",
        language="en",
        feed_kind="atom",
        sections=("science-tech", "health", "business"),
        authors=("Mei Tanaka", "Arjun Pillai", "Sofia Brennan", "Elliot Crane"),
        summaries_only=True,
    ),
    Outlet(
        slug="trendpulse",
        name="TrendPulse Daily",
        tagline="Everything everyone is talking about",
        language="en",
        feed_kind="rss2",
        sections=(
            "entertainment",
            "showbiz",
            "comedy",
            "health",
            "tourism",
            "sports",
            "science-tech",
        ),
        authors=("TrendPulse Staff", "Kayla Brooks", "Ty Morgan"),
        content_farm=True,
        # Content farms lift wire copy without saying where it came from.
        credit_line="",
        originates=False,
    ),
    Outlet(
        slug="pitchside",
        name="Pitchside Report",
        tagline="Every match, every result",
        language="en",
        feed_kind="jsonfeed",
        sections=("sports",),
        authors=("Declan Murphy", "Grace Okonjo", "Sam Whitfield", "Ana Petrova"),
    ),
    Outlet(
        slug="wayfarer",
        name="The Wayfarer",
        tagline="Travel, places and the world beyond the headlines",
        language="en",
        feed_kind="rss1",
        sections=("tourism", "world", "entertainment"),
        authors=("Isabel Harcourt", "Nico Albrecht", "Yara Haddad", "Theo Lindgren"),
        credit_line="With reporting from {source}.",
    ),
    Outlet(
        slug="weekly-wag",
        name="The Weekly Wag",
        tagline="Comedy news, reviews and the occasional straight face",
        language="en",
        feed_kind="atom",
        sections=("comedy", "showbiz", "entertainment"),
        authors=("Penny Alcott", "Marcus Dunmore", "Gwen Tully", "Rory Fitzgerald"),
    ),
    Outlet(
        slug="valley-wire",
        name="Valley Wire Service",
        tagline="Fast, fair, first",
        language="en",
        feed_kind="jsonfeed",
        sections=_ALL,
        authors=(
            "Elise Carver",
            "Tobi Adekunle",
            "Martin Sorensen",
            "Clara Whitby",
            "Rashid Karim",
            "Joanne Pell",
        ),
        dateline="{PLACE} (Valley Wire) \u2014 ",
        wire_service=True,
    ),
    Outlet(
        slug="el-faro",
        name="El Faro del Sur",
        tagline="Noticias de Puerto Alba y de toda la costa",
        language="es",
        feed_kind="rss2",
        sections=_ALL,
        authors=("Luc\u00eda Ferrer", "Andr\u00e9s Molina", "Carmen Ibarra"),
        credit_line="Publicado originalmente por {source}.",
        dateline="{PLACE} \u2014 ",
    ),
]

OUTLETS_BY_SLUG: dict[str, Outlet] = {outlet.slug: outlet for outlet in OUTLETS}
