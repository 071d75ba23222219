"""Every mail Herald sends is built here: three templates per mail (`<name>/subject.txt`,
`body.txt`, `body.html` under templates/mail/), one From, the list headers of RFC 2369 and
RFC 8058, and no header that a visitor's text could split."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def one_line(value: str, limit: int = 200) -> str:
    """A value fit for a header: no line breaks (no header injection), no control characters."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in str(value))
    return " ".join(cleaned.split())[:limit]


def list_headers(unsubscribe_url: str, list_name: str) -> dict[str, str]:
    """List-Id, and an unsubscribe link a mail client offers as a button; with
    List-Unsubscribe-Post, the client unsubscribes by one POST, no page in between (RFC 8058)."""
    domain = settings.MESSAGE_ID_DOMAIN
    return {
        "List-Id": f"{one_line(settings.SITE_NAME)} {one_line(list_name)} <{list_name}.{domain}>",
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def build(
    template: str,
    context: dict,
    to: str,
    *,
    message_id: str | None = None,
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """The mail `template` (a folder under templates/mail/) for one address, plain text and
    HTML, rendered with the site's name and postal address."""
    context = {
        "site_name": settings.SITE_NAME,
        "base_url": settings.BASE_URL,
        "postal_address": settings.POSTAL_ADDRESS,
        **context,
    }
    subject = one_line(render_to_string(f"mail/{template}/subject.txt", context))
    text = render_to_string(f"mail/{template}/body.txt", context)
    html = render_to_string(f"mail/{template}/body.html", context)
    all_headers = {one_line(k): one_line(v, 2000) for k, v in (headers or {}).items()}
    if message_id:
        all_headers["Message-ID"] = one_line(message_id)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [one_line(to, 254)],
        headers=all_headers,
    )
    message.attach_alternative(html, "text/html")
    return message
