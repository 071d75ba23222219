"""What makes two entries of one source the same article: the canonical form of their link
(tracking parameters and fragment gone) and a fingerprint of their text."""

import hashlib
import re
import unicodedata
from urllib.parse import unquote_plus, urlsplit, urlunsplit

# Parameters that only say how a reader arrived (campaigns, click ids, referrers), never which
# page they asked for. Matched case-insensitively.
TRACKING_PARAMS = {
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
    "li_fat_id", "igshid", "igsh", "mc_cid", "mc_eid", "mkt_tok", "vero_id", "vero_conv",
    "_ga", "_gl", "ref", "ref_src", "ref_url", "referrer", "cmpid", "ncid", "ocid", "icid",
    "ito", "xtor", "s_cid", "sr_share", "spm", "rb_clickid", "wt.mc_id", "__twitter_impression",
    "oly_anon_id", "oly_enc_id", "smid", "smtyp", "at_medium", "at_campaign",
}  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "matomo_", "hsa_", "_hs")

DEFAULT_PORTS = {"http": 80, "https": 443}
# Texts shorter than this are too generic ("Read more…", a one-line teaser) to prove that two
# entries are the same story, so they get no fingerprint.
FINGERPRINT_MIN_WORDS = 25


def is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The link as a key: scheme and host lower-cased, default port, credentials, fragment and
    tracking parameters dropped, the other parameters kept in their order. "" for anything that
    is not an http(s) URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in DEFAULT_PORTS or not host:
        return ""
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal keeps its brackets
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    # Each kept parameter stays exactly as written: re-encoding could change what it asks for.
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not is_tracking(_name(pair))
    )
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def _name(pair: str) -> str:
    return unquote_plus(pair.partition("=")[0])


# Hosts an outlet uses for the same site: its mobile and AMP editions, with or without www.
_SITE_ALIASES = ("www.", "m.", "amp.", "mobile.")


def site_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    for alias in _SITE_ALIASES:
        if host.startswith(alias):
            return host.removeprefix(alias)
    return host


def same_site(url: str, other: str) -> bool:
    site = site_of(url)
    return bool(site) and site == site_of(other)


_NOT_WORD = re.compile(r"[\W_]+")


def fingerprint(text: str) -> str:
    """sha1 of the text reduced to its words (case, accents' forms, punctuation and spacing
    ignored), so a re-encoded or re-wrapped copy of a story has the same fingerprint."""
    words = _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split()
    if len(words) < FINGERPRINT_MIN_WORDS:
        return ""
    return hashlib.sha1(" ".join(words).encode()).hexdigest()
