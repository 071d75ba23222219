"""Signed links: the reader's key to their own subscription, with no account or password.

A token names one subscriber and a keyed digest of their address, under a salt per purpose: it
cannot be forged without SECRET_KEY, opens nothing for another address (or for the same address
after it was erased and entered again, which makes a new subscriber), and a link made for one
purpose (confirming) does not work for another (managing)."""

from django.core import signing
from django.utils.crypto import salted_hmac


def address_digest(email: str) -> str:
    return salted_hmac("herald.signing.address", email.lower(), algorithm="sha256").hexdigest()[:16]


def make_token(purpose: str, pk: int, email: str) -> str:
    return signing.dumps([pk, address_digest(email)], salt=f"herald.{purpose}", compress=True)


def read_token(purpose: str, token: str, max_age: float | None = None) -> tuple[int, str] | None:
    """(pk, address digest) of a good token, or None: forged, mangled, expired or another
    purpose's. The caller checks the digest against the subscriber the pk names."""
    try:
        pk, digest = signing.loads(token, salt=f"herald.{purpose}", max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(digest, str):
        return None
    return pk, digest
