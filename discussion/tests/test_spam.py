"""The spam filter: trained from the moderators' decisions once there are enough of them, retrained
only when they change, and the score and verdict it gives a new comment."""

import itertools

import pytest
from django.contrib.auth import get_user_model

from discussion import spam
from discussion.models import Comment, SpamFilter, Thread
from herald.lib import models_store
from portal.tests import site

pytestmark = pytest.mark.django_db

NOW = site.NOW

# Readers' comments: 8 openings x 15 points = 120 different ones.
OPENINGS = [
    "I live near the harbour and",
    "Thanks for covering this;",
    "As a parent in this town,",
    "Good piece, although",
    "My neighbours and I agree that",
    "Having sat through the meeting,",
    "Interesting, but",
    "Honestly,",
]
POINTS = [
    "the council should publish the budget before the vote.",
    "the new pier will bring more traffic to our street.",
    "the bus timetable change hurts people who work nights.",
    "the school needs the repairs more than the car park does.",
    "nobody asked the fishermen what they think of the plan.",
    "the library opening hours were already too short.",
    "the flooding last winter showed the drains are too small.",
    "I would like to know who pays for the new lights.",
    "the market on Saturdays is the best thing in town.",
    "the cycle lane on Mill Road is still unfinished.",
    "the mayor answered none of the questions about rents.",
    "my daughter's class walked to the museum and loved it.",
    "the article leaves out what happened to the old ferry.",
    "the rubbish collection has been late three weeks running.",
    "the hospital parking fees are unfair to visitors.",
]
READERS = ["Ana Reader", "Tom Price", "Maria Lopez", "J. Okafor", "Sam", "Priya N."]

# Spam: 5 offers x 8 sites = 40 different ones, each signed with a keyword and its site.
OFFERS = [
    "Buy cheap pills online without prescription, fast delivery at",
    "Earn $500 a day working from home!!! Find out how at",
    "Best casino bonus of 2024, 200 free spins, click",
    "Lose 10 kg in one week with our miracle diet, order now at",
    "Cheap SEO backlinks and followers, rank #1 on Google:",
]
SITES = [
    "pills-now.example",
    "easy-money.example",
    "casino-bonus.example",
    "slim-fast-diet.example",
    "seo-links.example",
    "best-deals.example",
    "free-spins.example",
    "crypto-profit.example",
]
SPAMMERS = ["Cheap Pills", "Casino Bonus", "SEO Expert", "Make Money Fast"]


def readers_comments(count: int) -> list[tuple[str, str, str]]:
    pairs = itertools.islice(itertools.product(POINTS, OPENINGS), count)
    return [
        (READERS[n % len(READERS)], "", f"{opening} {point}")
        for n, (point, opening) in enumerate(pairs)
    ]


def spam_comments(count: int) -> list[tuple[str, str, str]]:
    pairs = itertools.islice(itertools.product(SITES, OFFERS), count)
    return [
        (SPAMMERS[n % len(SPAMMERS)], f"https://www.{site_}/", f"{offer} http://{site_}/?ref={n}")
        for n, (site_, offer) in enumerate(pairs)
    ]


@pytest.fixture
def thread():
    return Thread.objects.create(article=site.article(site.outlet(), 1))


@pytest.fixture
def moderator():
    return get_user_model().objects.create_user("moderator")


def decided(thread, moderator, status, comments) -> list[Comment]:
    """Comments as a moderator left them: approved, or marked spam (moderator None: published
    or held without anyone's decision)."""
    fields = {"thread": thread, "email": "someone@example.org", "created_at": NOW}
    return Comment.objects.bulk_create(
        Comment(
            name=name,
            website=website,
            body=body,
            body_html=body,
            status=status,
            moderated_by=moderator,
            **fields,
        )
        for name, website, body in comments
    )


@pytest.fixture
def labelled(thread, moderator):
    """120 comments a moderator approved and 40 they marked spam."""
    decided(thread, moderator, Comment.Status.APPROVED, readers_comments(120))
    decided(thread, moderator, Comment.Status.SPAM, spam_comments(40))


def test_it_trains_a_filter_from_the_moderators_decisions(labelled):
    version = spam.retrain(NOW)
    stored = SpamFilter.objects.get()
    assert stored == version
    assert stored.labels == 160
    assert stored.created_at == NOW
    assert stored.threshold in spam.THRESHOLDS
    assert stored.labels_digest == spam.digest(spam.training_labels())


def test_it_waits_for_enough_spam_labels(thread, moderator):
    decided(thread, moderator, Comment.Status.APPROVED, readers_comments(120))
    decided(thread, moderator, Comment.Status.SPAM, spam_comments(spam.MIN_LABELS - 1))
    assert spam.retrain(NOW) is None
    assert not SpamFilter.objects.exists()


def test_it_waits_for_enough_approved_labels(thread, moderator):
    decided(thread, moderator, Comment.Status.APPROVED, readers_comments(spam.MIN_LABELS - 1))
    decided(thread, moderator, Comment.Status.SPAM, spam_comments(40))
    assert spam.retrain(NOW) is None
    assert not SpamFilter.objects.exists()


def test_it_learns_only_from_moderators_decisions(thread, moderator):
    decided(thread, moderator, Comment.Status.APPROVED, readers_comments(30))
    decided(thread, moderator, Comment.Status.SPAM, spam_comments(25))
    decided(thread, None, Comment.Status.APPROVED, readers_comments(120)[30:])
    decided(thread, None, Comment.Status.SPAM, spam_comments(40)[25:])
    decided(thread, moderator, Comment.Status.PENDING, readers_comments(5))
    decided(thread, moderator, Comment.Status.TRASH, spam_comments(5))
    spam.retrain(NOW)
    assert SpamFilter.objects.get().labels == 55


def test_it_does_not_retrain_when_the_decisions_are_the_same(labelled):
    first = spam.retrain(NOW)
    assert spam.retrain(NOW) is None
    assert list(SpamFilter.objects.all()) == [first]


def test_it_retrains_when_a_decision_changes(labelled):
    first = spam.retrain(NOW)
    Comment.objects.filter(status=Comment.Status.APPROVED).first().delete()
    second = spam.retrain(NOW)
    assert second is not None and second.pk != first.pk
    assert SpamFilter.objects.get(pk=second.pk).labels == 159


def test_it_scores_with_the_newest_filter(labelled):
    spam.retrain(NOW)
    spam.score("Ana Reader", "", "The pier plan looks fine to me.")  # the first one is loaded
    Comment.objects.filter(status=Comment.Status.SPAM).first().delete()
    newest = spam.retrain(NOW)
    spam.score("Ana Reader", "", "The pier plan looks fine to me.")
    assert spam.newest_filter()[0] == newest.pk
    # Only the newest is kept loaded.
    assert models_store._loaded["discussion.SpamFilter"][0] == (newest.pk, NOW)


def test_there_is_no_score_before_a_filter_is_trained(labelled):
    assert spam.score("Cheap Pills", "", "Buy cheap pills at pills-now.example") is None
    assert spam.judge("Cheap Pills", "", "Buy cheap pills at pills-now.example") == (None, False)


def test_a_spammy_comment_scores_above_the_threshold(labelled):
    threshold = spam.retrain(NOW).threshold
    score, held = spam.judge(
        "Casino Bonus",
        "https://free-spins.example/",
        "Win big with our casino bonus, free spins every day at http://free-spins.example/?ref=9",
    )
    assert held and score >= threshold


def test_a_readers_comment_scores_below_the_threshold(labelled):
    threshold = spam.retrain(NOW).threshold
    score, held = spam.judge(
        "Lena K.", "", "Thanks for this; the council should explain why the ferry was sold."
    )
    assert not held and score < threshold


def test_the_filter_reads_the_name_and_the_websites_domain():
    text = spam.text_of("Casino Bonus", "https://www.free-spins.example/win?x=1", "Hello")
    assert text == "Hello\nCasino Bonus\nfree-spins.example"
