import logging

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from articles.images import ImageRejected, store_image, store_lead_image
from articles.tests.pages import picture, png_bomb
from herald.lib import http


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_it_stores_two_widths_as_webp(media):
    stored = store_image(picture(1600, 900))
    assert (stored.width, stored.height) == (1200, 675)
    for path, width in ((stored.large, 1200), (stored.small, 480)):
        with Image.open(media / path) as variant:
            assert variant.format == "WEBP" and variant.width == width
    assert stored.large.startswith("articles/images/")


def test_a_small_picture_is_never_enlarged():
    stored = store_image(picture(640, 360, "PNG"))
    assert (stored.width, stored.height) == (640, 360)
    with default_storage.open(stored.small) as small:
        assert Image.open(small).size == (480, 270)


def test_the_same_picture_is_stored_once(media):
    data = picture()
    assert store_image(data) == store_image(data)
    assert len(list(media.rglob("*.webp"))) == 2


def test_a_sideways_photo_is_stored_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    stored = store_image(picture(1600, 900, exif=exif))
    assert (stored.width, stored.height) == (900, 1600)


@pytest.mark.parametrize(
    "data, reason",
    [
        (png_bomb(), "pixels"),
        (png_bomb(6000, 6000), "more than Herald decodes"),
        (b"<html>not a picture</html>", "not a picture"),
        (picture(40, 40, "PNG"), "too small"),
        (picture()[:2000], "broken"),
    ],
    ids=["bomb", "too many pixels", "not a picture", "an icon", "truncated"],
)
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_hostile_or_broken_pictures_are_refused(data, reason, media):
    with pytest.raises(ImageRejected, match=reason):
        store_image(data)
    assert list(media.rglob("*.webp")) == []


def test_it_downloads_through_the_guarded_client(feed_server, media):
    url = feed_server.serve("/lead.jpg", picture(), content_type="image/jpeg")
    stored = store_lead_image(url)
    assert stored and (media / stored.large).exists()
    _, headers = feed_server.requests[-1]
    assert headers["User-Agent"].startswith("Herald/")


def test_a_picture_that_cannot_be_had_is_skipped_with_a_log_line(feed_server, caplog):
    missing = feed_server.url + "/missing.jpg"
    bomb = feed_server.serve("/bomb.png", png_bomb(), content_type="image/png")
    with caplog.at_level(logging.WARNING):
        assert store_lead_image(missing) is None
        assert store_lead_image(bomb) is None
    assert "HTTP 404" in caplog.text and "bomb.png skipped" in caplog.text


def test_a_picture_on_a_private_address_is_refused(settings, caplog):
    settings.FETCH_ALLOW = []
    url = "http://10.1.2.3/lead.jpg"
    with pytest.raises(http.FetchRefused):
        http.fetch(url)
    assert store_lead_image(url) is None
    assert "10.1.2.3/lead.jpg skipped" in caplog.text


def test_a_picture_larger_than_the_cap_is_not_downloaded(feed_server, monkeypatch):
    monkeypatch.setattr("articles.images.MAX_BYTES", 1000)
    url = feed_server.serve("/big.jpg", picture(), content_type="image/jpeg")
    assert store_lead_image(url) is None
