"""Herald's article text against plain trafilatura on real pages with hand-made ground truth (the
Scrapinghub benchmark in the shared data folder), scored as bench/extraction.py scores it."""

import pytest

from bench.scoring import EXTRACTORS, SCRAPINGHUB, macro, score, scrapinghub_pages


@pytest.mark.skipif(
    not SCRAPINGHUB.is_dir(), reason=f"the shared Scrapinghub corpus is absent ({SCRAPINGHUB})"
)
def test_it_finds_article_text_at_least_as_well_as_plain_trafilatura():
    scores = {name: [] for name in EXTRACTORS}
    for sample in scrapinghub_pages():
        for name, extract in EXTRACTORS.items():
            scores[name].append(score(extract(sample.html, sample.url), sample.expected))
    herald, plain = macro(scores["herald"]).f1, macro(scores["trafilatura"]).f1
    assert len(scores["herald"]) == 181
    assert herald >= plain, f"macro F1: Herald {herald:.3f} < trafilatura {plain:.3f}"
