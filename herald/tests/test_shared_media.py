"""Pictures stored through Django's storage API reach a storage every machine shares: here a real
S3-compatible server on loopback (moto's), configured the way a deployment configures its bucket
(STORAGE_BACKEND and STORAGE_OPTIONS)."""

import io

import boto3
import pytest
from django.core.files.storage import storages
from PIL import Image

from articles.images import store_image
from herald import config
from herald.checks import probe_storage
from herald.testing import free_port

moto_server = pytest.importorskip("moto.server", reason="moto[server] is a dev dependency")


@pytest.fixture
def bucket(settings):
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    credentials = {"aws_access_key_id": "herald", "aws_secret_access_key": "not-a-secret"}
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **credentials)
    s3.create_bucket(Bucket="herald-media")  # moto keeps its buckets per process: maybe again
    environ = {
        "STORAGE_BACKEND": "storages.backends.s3.S3Storage",
        "STORAGE_OPTIONS": (
            f'{{"bucket_name": "herald-media", "endpoint_url": "{endpoint}", '
            '"access_key": "herald", "secret_key": "not-a-secret", "querystring_auth": false}'
        ),
    }
    settings.STORAGES = {**settings.STORAGES, "default": config.media_storage(environ)}
    storages._storages.pop("default", None)  # made anew from the new setting
    try:
        yield s3, endpoint
    finally:
        storages._storages.pop("default", None)
        server.stop()


def picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1200, 800), (30, 90, 150)).save(out, "JPEG")
    return out.getvalue()


def test_lead_images_are_stored_in_the_shared_bucket(bucket):
    s3, endpoint = bucket
    stored = store_image(picture())
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket="herald-media")["Contents"]}
    assert {stored.large, stored.small} <= keys
    body = s3.get_object(Bucket="herald-media", Key=stored.small)["Body"].read()
    assert Image.open(io.BytesIO(body)).format == "WEBP"
    # Served from the bucket, by a URL every web machine gives alike.
    assert storages["default"].url(stored.small) == f"{endpoint}/herald-media/{stored.small}"


def test_check_writes_reads_and_removes_a_file_in_the_bucket(bucket):
    s3, _ = bucket

    def keys():
        return {
            item["Key"] for item in s3.list_objects_v2(Bucket="herald-media").get("Contents", [])
        }

    before = keys()
    assert probe_storage() == "S3Storage"
    assert keys() == before


def test_the_pictures_origin_is_allowed_by_the_content_security_policy():
    storage = config.media_storage(
        {
            "STORAGE_BACKEND": "storages.backends.s3.S3Storage",
            "STORAGE_OPTIONS": '{"bucket_name": "m", "custom_domain": "media.example.org"}',
        }
    )
    assert config.media_origin(storage) == "https://media.example.org"
    assert config.media_origin(config.media_storage({})) is None


def test_bad_storage_options_are_a_clear_error():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="STORAGE_OPTIONS"):
        config.media_storage({"STORAGE_BACKEND": "x.Y", "STORAGE_OPTIONS": "[1, 2]"})
