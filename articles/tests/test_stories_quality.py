"""Stories found against known ones (the shared corpora), scored as bench/stories.py scores them:
NewsWCL50's events told by five outlets in very different words, and the BBC corpus with its
byte-identical files and generated copies."""

import pytest

from articles.models import Article
from bench.stories import BBC, NEWSWCL50, assign_all, near_duplicate_items, newswcl50_items, score

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    not NEWSWCL50.is_dir(), reason=f"the shared NewsWCL50 corpus is absent ({NEWSWCL50})"
)
def test_it_finds_each_newswcl50_event_told_in_other_words():
    items = newswcl50_items(order_seed=0)
    found = score([item.gold for item in items], assign_all(items))
    # Measured B-cubed F1 0.890 (P 0.967, R 0.824) with `.venv/bin/python -m bench.stories`;
    # other orders of arrival measured 0.855 to 0.954.
    assert found.f1 >= 0.86, found


@pytest.mark.skipif(not BBC.is_dir(), reason=f"the shared BBC corpus is absent ({BBC})")
def test_it_finds_the_copies_in_the_bbc_corpus_and_keeps_the_rest_apart():
    items = near_duplicate_items()
    found = score([item.gold for item in items], assign_all(items))
    # Measured with `.venv/bin/python -m bench.stories`: B-cubed F1 0.973 (P 0.948, R 1.000),
    # every copy in its original's story, 734 of the 736 generated copies marked as copies (the
    # other two, the most edited, joined as the same event). What is lost is distinct stories
    # of one saga joined as one event.
    assert found.f1 >= 0.95, found
    assert found.recall >= 0.99, found
    copies = [item.key for item in items if "-copy" in item.key]
    marked = Article.objects.filter(guid__in=copies, duplicate_of__isnull=False).count()
    assert marked >= 0.98 * len(copies), (marked, len(copies))
