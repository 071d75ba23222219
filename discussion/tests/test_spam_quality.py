"""The spam filter on public spam: 5-fold cross-validated, the threshold chosen inside each
training fold as production chooses it, exactly as bench/spam.py measures it; on a fixed
stratified sample of each corpus, to stay quick."""

import random

import pytest

from bench.spam import (
    SMS,
    SPAM,
    YOUTUBE,
    Corpus,
    cross_validated,
    sms_messages,
    the_filter,
    youtube_comments,
)

SEED = 0

pytestmark = pytest.mark.skipif(
    not (YOUTUBE.is_dir() and SMS.is_file()), reason=f"the shared spam corpora are absent ({SPAM})"
)


def sample(corpus: Corpus, size: int) -> Corpus:
    """`size` messages, spam and legitimate in the corpus's proportions, the same every run."""
    draw = random.Random(SEED)
    chosen = []
    for is_spam in (True, False):
        ids = [i for i in range(len(corpus)) if corpus.is_spam[i] == is_spam]
        chosen += draw.sample(ids, round(size * len(ids) / len(corpus)))
    return corpus.subset(sorted(chosen))


def test_it_catches_youtube_spam_holding_few_legitimate_comments():
    # Measured on this sample (800 comments, 411 spam): precision 0.992, recall 0.922, 3 of 389
    # legitimate comments held (0.77%), thresholds 0.60-0.70. The whole corpus, as bench/spam.py
    # prints it: 0.993, 0.905, 0.63%.
    result = cross_validated(sample(youtube_comments(), 800), the_filter)
    assert result.precision >= 0.97
    assert result.recall >= 0.88
    assert result.false_positive_rate <= 0.015


def test_it_catches_sms_spam_holding_few_legitimate_messages():
    # Measured on this sample (1,000 messages, 134 spam): precision 1.000, recall 0.851, none of
    # 866 legitimate messages held, threshold 0.50. The whole corpus: 0.999, 0.930, 0.02%.
    result = cross_validated(sample(sms_messages(), 1000), the_filter)
    assert result.precision >= 0.97
    assert result.recall >= 0.81
    assert result.false_positive_rate <= 0.01
