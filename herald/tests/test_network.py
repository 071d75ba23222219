"""The client's address, from a trusted proxy's header only, and kept as its network."""

import pytest
from django.test import RequestFactory

from herald.lib.network import client_ip, network_of


def request(remote: str, forwarded: str = ""):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_behind_a_trusted_proxy_the_nearest_untrusted_hop_counts(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    # The client put a made-up address first; the proxies appended what they saw.
    got = client_ip(request("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.1.2.3"))
    assert got == "203.0.113.9"


def test_a_client_that_is_no_proxy_cannot_choose_its_address(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_a_mangled_header_falls_back_to_the_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1", "not-an-address")) == "127.0.0.1"


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("203.0.113.77", "203.0.113.0/24"),
        ("2001:db8:abcd:12::1", "2001:db8:abcd::/48"),
        ("nonsense", ""),
    ],
)
def test_addresses_are_kept_as_their_network(address, network):
    assert network_of(address) == network
