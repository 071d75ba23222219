"""The reader's pages: sign up, confirm by one click, manage by a signed link, unsubscribe by one
click (RFC 8058). None of them is cached: each answers one reader."""

import json
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from herald.lib import signing
from herald.lib.network import client_ip, network_of
from newsletter import bounces
from newsletter import subscribe as verbs
from newsletter.forms import InviteForm, PauseForm, PreferencesForm, SubscribeForm, from_a_person
from newsletter.models import Subscriber
from portal.csrf import seconds_filling


@never_cache
def page(request):
    """The sign-up page, also where the site's small forms send their readers' mistakes."""
    return render(request, "newsletter/subscribe.html", {"form": SubscribeForm()})


def too_many_from(ip: str) -> bool:
    """Count the address's sign-ups this hour in the shared cache (Redis at scale)."""
    key = f"signups:{ip}:{timezone.now():%Y%m%d%H}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted in between
        count = 1
    return count > settings.NEWSLETTER_SIGNUPS_PER_IP_HOUR


@never_cache
@require_POST
def sign_up(request):
    if too_many_from(client_ip(request)):
        return render(request, "newsletter/too_many.html", status=429)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "newsletter/subscribe.html", {"form": form}, status=400)
    # A robot is told what a person is told; only nothing is stored or sent.
    if from_a_person(request.POST, seconds_filling(request)):
        # Which form it was (the consent record keeps it): its printable text, whatever was sent.
        source = "".join(filter(str.isprintable, request.POST.get("form", "page")))[:40]
        verbs.sign_up(form.cleaned_data["email"], form.choices(), f"form: {source}", timezone.now())
    return render(request, "newsletter/check_inbox.html")


@never_cache
def confirm(request, token: str):
    subscriber = verbs.confirm(token, timezone.now(), network_of(client_ip(request)))
    if subscriber is None:
        return render(request, "newsletter/link_expired.html", status=400)
    manage_token = signing.make_token(verbs.MANAGE, subscriber.pk, subscriber.email)
    return render(
        request,
        "newsletter/confirmed.html",
        {"subscriber": subscriber, "manage_token": manage_token},
    )


def reader(token: str) -> Subscriber:
    subscriber = verbs.from_token(verbs.MANAGE, token)
    if subscriber is None:
        raise Http404("This link does not work: it was changed or is not for this address.")
    return subscriber


@never_cache
def manage(request, token: str):
    subscriber = reader(token)
    now = timezone.now()
    initial = {
        "choice": subscriber.choice,
        "sections": subscriber.sections.all(),
        "pace": subscriber.pace,
        "hour": subscriber.hour,
        "weekday": subscriber.weekday,
        "time_zone": subscriber.time_zone,
        "daily_cap": subscriber.daily_cap,
    }
    form, invite, notice = PreferencesForm(initial=initial), InviteForm(), ""
    status = 200
    if request.method == "POST" and subscriber.status in ("active", "pending"):
        action = request.POST.get("action")
        if action == "preferences":
            form = PreferencesForm(request.POST)
            if form.is_valid():
                subscriber.daily_cap = form.cleaned_data["daily_cap"]
                verbs.apply(subscriber, form.choices(), now)
                notice = "Your choices are saved."
            else:
                status = 400
        elif action == "pause":
            pause = PauseForm(request.POST)
            if pause.is_valid():
                days = pause.cleaned_data["days"]
                verbs.pause(subscriber, now + timedelta(days=days) if days else None)
                notice = f"Paused for {days} days." if days else "Your mail comes again."
        elif action == "invite":
            invite = InviteForm(request.POST)
            if invite.is_valid():
                if verbs.invite(subscriber, invite.cleaned_data["email"], now):
                    notice = "Invited: they will get a link to confirm their own address."
                    invite = InviteForm()
                else:
                    notice = "Your household is full."
            else:
                status = 400
        elif action == "remove":
            verbs.remove_member(subscriber, number(request.POST.get("invitation", "")) or 0)
            notice = "Removed from your household."
    return render_manage(request, subscriber, form, invite, notice, token, status)


def number(value: str) -> int | None:
    """An id sent by a form or a link, or None for anything else: never an error, whatever was
    sent ("²" is a digit to isdigit(), not to int(); 19 digits are past any id)."""
    return int(value) if value.isdecimal() and len(value) <= 18 else None


def render_manage(request, subscriber, form, invite, notice, token, status=200):
    context = {
        "subscriber": subscriber,
        "form": form,
        "invite": invite,
        "pause": PauseForm(),
        "household": subscriber.invitations.order_by("created_at"),
        "household_max": settings.NEWSLETTER_HOUSEHOLD_MAX,
        "notice": notice,
        "token": token,
    }
    return render(request, "newsletter/manage.html", context, status=status)


@never_cache
def export(request, token: str):
    subscriber = reader(token)
    data = json.dumps(verbs.export(subscriber), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(data, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-subscription.json"'
    return response


@never_cache
@require_POST
def erase(request, token: str):
    verbs.erase(reader(token))
    return render(request, "newsletter/erased.html")


@never_cache
@csrf_exempt  # a mail provider's one-click POST carries no token: the signed link is the proof
def unsubscribe(request, token: str):
    """GET: a page with one button (a link scanner's visit changes nothing). POST, from that
    button or from the reader's mail client (List-Unsubscribe=One-Click): unsubscribed at once."""
    subscriber = reader(token)
    if request.method == "POST":
        mailing = request.GET.get("m", "")
        verbs.unsubscribe(subscriber, timezone.now(), number(mailing))
        return render(request, "newsletter/unsubscribed.html", {"token": token})
    if request.method != "GET":
        return HttpResponse(status=405)
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


@never_cache
@csrf_exempt  # the mail provider posts here: the secret in the address is the proof
def bounce_events(request, secret: str):
    """Bounces and complaints from the mail provider; the body's shape is in bounces.py."""
    if not bounces.secret_matches(secret):
        raise Http404("No such page.")
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    declared = request.headers.get("Content-Length", "")
    try:
        if declared.isdigit() and int(declared) > bounces.MAX_BODY:
            raise bounces.BadEvents(f"the body is larger than {bounces.MAX_BODY} bytes")
        events = bounces.events_from(request.read(bounces.MAX_BODY + 1))
    except bounces.BadEvents as error:
        answer, status = {"error": str(error)}, 400
    else:
        answer, status = bounces.record_all(events, timezone.now()), 200
    return HttpResponse(json.dumps(answer), content_type="application/json", status=status)


@never_cache
@require_POST
def follow_story(request, story_id: int):
    """The story page's form: an address asks to follow one story. The answer is the same
    whatever the address's state; only a click from its inbox makes the follow start."""
    from newsletter import follow as following

    story = following.followable(story_id)
    if story is None:
        raise Http404("No such story")
    if too_many_from(client_ip(request)):
        return render(request, "newsletter/too_many.html", status=429)
    email = following.address(request.POST.get("email", ""))
    if email is None:
        context = {"story": story, "follow_error": "Enter a valid email address."}
        return render(request, "newsletter/follow_story.html", context, status=400)
    # A robot is told what a person is told; only nothing is stored or sent.
    if from_a_person(request.POST, seconds_filling(request)):
        following.follow(email, story, timezone.now())
    return render(request, "newsletter/check_inbox.html", {"story": story})


@never_cache
def confirm_follow(request, token: str):
    from newsletter import follow as following

    follow = following.confirm_follow(token, timezone.now())
    if follow is None:
        return render(request, "newsletter/link_expired.html", status=400)
    subscriber = follow.subscriber
    context = {
        "follow": follow,
        "quiet_days": settings.NEWSLETTER_FOLLOW_QUIET_DAYS,
        "manage_token": signing.make_token(verbs.MANAGE, subscriber.pk, subscriber.email),
    }
    return render(request, "newsletter/follow_confirmed.html", context)
