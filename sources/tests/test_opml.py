from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from sources.models import Source
from sources.opml import OpmlError, export_opml, import_opml, parse_opml

TESTDATA = Path(__file__).parent / "testdata"


def test_it_reads_every_outline_of_nested_folders_in_order():
    outlines = parse_opml((TESTDATA / "subscriptions.opml").read_bytes())
    assert [(o.feed_url, o.name, o.homepage) for o in outlines] == [
        ("https://harbour.example/feed.xml", "Harbour Notes", "https://harbour.example/"),
        ("https://rapporteur.example/atom.xml", "Le Petit Rapporteur", ""),
        ("https://almanac.example/index.rdf", "Almanac", "https://almanac.example/"),
        ("ftp://old.example/feed", "Old FTP feed", ""),
        ("https://harbour.example/feed.xml", "Harbour again", ""),
    ]


def test_it_skips_outlines_without_a_feed_url():
    data = b"""<opml version="2.0"><body>
        <outline text="Just a folder"/><outline text="A link" type="link" url="https://a.example/"/>
        <outline text="Feed" xmlurl="https://b.example/rss"/></body></opml>"""
    assert [o.feed_url for o in parse_opml(data)] == ["https://b.example/rss"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'<!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>', "declares entities"),
        (
            b'<!DOCTYPE opml [<!ENTITY e SYSTEM "file:///etc/passwd">]><opml>&e;</opml>',
            "declares entities",
        ),
        (b"<opml><body><outline", "not a readable OPML file"),
        (b"", "not a readable OPML file"),
        (b'<rss version="2.0"><channel/></rss>', "its root element is <rss>"),
    ],
)
def test_an_unreadable_or_entity_declaring_opml_is_refused_with_the_reason(data, reason):
    with pytest.raises(OpmlError, match=reason):
        parse_opml(data)


def test_a_billion_laughs_opml_is_refused_without_expanding():
    data = (Path(__file__).parent / "testdata" / "hostile" / "billion-laughs.opml").read_bytes()
    with pytest.raises(OpmlError, match="declares entities"):
        parse_opml(data)


@pytest.mark.django_db
def test_an_import_adds_new_feeds_skips_known_ones_and_reports_invalid_ones():
    Source.objects.create(feed_url="https://rapporteur.example/atom.xml", name="Rapporteur")
    report = import_opml((TESTDATA / "subscriptions.opml").read_bytes())
    assert (report.added, report.skipped) == (2, 2)
    assert report.invalid == [("ftp://old.example/feed", "not an http(s) URL")]
    harbour = Source.objects.get(feed_url="https://harbour.example/feed.xml")
    assert (harbour.name, harbour.homepage) == ("Harbour Notes", "https://harbour.example/")
    assert Source.objects.count() == 3


@pytest.mark.django_db
def test_an_import_fetches_nothing(feed_server):
    url = feed_server.url + "/feed.xml"
    import_opml(f'<opml version="2.0"><body><outline xmlUrl="{url}"/></body></opml>'.encode())
    assert Source.objects.get().name == "127.0.0.1"
    assert feed_server.requests == []


@pytest.mark.django_db
def test_an_unreadable_import_changes_nothing():
    with pytest.raises(OpmlError):
        import_opml(b'<opml><body><outline xmlUrl="https://a.example/rss"/></body>')
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_an_export_reads_back_as_the_same_sources():
    Source.objects.create(
        feed_url="https://a.example/rss?x=1&y=2", name="A & <B>", homepage="https://a.example/"
    )
    Source.objects.create(feed_url="https://c.example/atom", name="C\x0b")
    data = export_opml(Source.objects.all())
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<opml version=\"2.0\">")
    assert b'type="rss"' in data
    assert [(o.feed_url, o.name, o.homepage) for o in parse_opml(data)] == [
        ("https://a.example/rss?x=1&y=2", "A & <B>", "https://a.example/"),
        ("https://c.example/atom", "C", ""),
    ]


@pytest.mark.django_db
def test_an_export_imported_into_an_empty_herald_recreates_the_sources():
    Source.objects.create(feed_url="https://a.example/rss", name="A", homepage="https://a.example/")
    data = export_opml(Source.objects.all())
    Source.objects.all().delete()
    assert import_opml(data).added == 1
    assert Source.objects.values_list("feed_url", "name", "homepage").get() == (
        "https://a.example/rss",
        "A",
        "https://a.example/",
    )


@pytest.mark.django_db
def test_the_command_imports_an_opml_file(capsys):
    call_command("sources", "import-opml", str(TESTDATA / "subscriptions.opml"))
    out = capsys.readouterr().out
    assert "3 added, 1 skipped (already sources), 1 invalid" in out
    assert "ftp://old.example/feed" in out
    assert Source.objects.count() == 3


@pytest.mark.django_db
def test_the_command_refuses_an_unreadable_opml_file(tmp_path):
    bad = tmp_path / "bad.opml"
    bad.write_bytes(b"<opml><body>")
    with pytest.raises(CommandError, match="not a readable OPML file"):
        call_command("sources", "import-opml", str(bad))


@pytest.mark.django_db
def test_the_command_exports_to_stdout_and_to_a_file(tmp_path, capsys):
    Source.objects.create(feed_url="https://a.example/rss", name="A")
    call_command("sources", "export-opml")
    printed = capsys.readouterr().out.encode()
    call_command("sources", "export-opml", str(tmp_path / "out.opml"))
    for data in (printed, (tmp_path / "out.opml").read_bytes()):
        assert [o.feed_url for o in parse_opml(data)] == ["https://a.example/rss"]


def test_the_admin_imports_an_uploaded_opml_file(admin_client):
    upload = SimpleUploadedFile("feeds.opml", (TESTDATA / "subscriptions.opml").read_bytes())
    response = admin_client.post("/admin/sources/source/import-opml/", {"file": upload})
    assert response.status_code == 302
    assert Source.objects.count() == 3
    page = admin_client.get(response["Location"]).content.decode()
    assert "3 added, 1 skipped (already sources), 1 invalid" in page
    assert "Import OPML" in page


def test_the_admin_shows_why_an_uploaded_file_is_refused(admin_client):
    upload = SimpleUploadedFile("feeds.opml", b'<!DOCTYPE x [<!ENTITY a "b">]><opml/>')
    response = admin_client.post("/admin/sources/source/import-opml/", {"file": upload})
    assert response.status_code == 200
    assert "the OPML declares entities: refused" in response.content.decode()
    assert not Source.objects.exists()


def test_the_admin_import_page_is_for_staff_only(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw")
    client.force_login(user)
    response = client.get("/admin/sources/source/import-opml/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_admin_exports_the_selected_sources(admin_client):
    keep = Source.objects.create(feed_url="https://a.example/rss", name="A")
    Source.objects.create(feed_url="https://b.example/rss", name="B")
    response = admin_client.post(
        "/admin/sources/source/", {"action": "export_as_opml", "_selected_action": [keep.pk]}
    )
    assert response["Content-Type"].startswith("text/x-opml")
    assert [o.feed_url for o in parse_opml(response.content)] == ["https://a.example/rss"]
