from django.urls import path, register_converter
from django.urls.converters import StringConverter

from portal import feeds, search, sitemaps, views


class NameConverter(StringConverter):
    """A tag's or post's name in an address: any text but a slash, and no NUL, which no
    database stores (PostgreSQL refuses it even in a lookup): such an address is a 404."""

    regex = r"[^/\x00]+"


register_converter(NameConverter, "name")

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/<str:slug>/", views.article, name="article"),
    path("posts/<name:slug>/", views.post, name="post"),
    path("section/<slug:slug>/", views.section, name="section"),
    path("outlet/<int:source_id>/", views.outlet, name="outlet"),
    path("latest/", views.latest, name="latest"),
    path("story/<int:pk>/", views.story, name="story"),
    path("tag/<name:slug>/", views.tag, name="tag"),
    # The site's own pages, written by editors; the footer links them.
    path("about/", views.site_page, {"slug": "about"}, name="about"),
    path("privacy/", views.site_page, {"slug": "privacy"}, name="privacy"),
    path("imprint/", views.site_page, {"slug": "imprint"}, name="imprint"),
    path("search/", search.search, name="search"),
    # Feeds: the whole site, a section, a tag, an outlet; each as RSS, Atom and JSON Feed.
    path("feeds/rss/", feeds.SiteFeed("rss"), name="feed-rss"),
    path("feeds/atom/", feeds.SiteFeed("atom"), name="feed-atom"),
    path("feeds/json/", feeds.SiteFeed("json"), name="feed-json"),
    path("feeds/rss/section/<slug:slug>/", feeds.SectionFeed("rss"), name="section-feed-rss"),
    path("feeds/atom/section/<slug:slug>/", feeds.SectionFeed("atom"), name="section-feed-atom"),
    path("feeds/json/section/<slug:slug>/", feeds.SectionFeed("json"), name="section-feed-json"),
    path("feeds/rss/tag/<name:slug>/", feeds.TagFeed("rss"), name="tag-feed-rss"),
    path("feeds/atom/tag/<name:slug>/", feeds.TagFeed("atom"), name="tag-feed-atom"),
    path("feeds/json/tag/<name:slug>/", feeds.TagFeed("json"), name="tag-feed-json"),
    path("feeds/rss/outlet/<int:source_id>/", feeds.OutletFeed("rss"), name="outlet-feed-rss"),
    path("feeds/atom/outlet/<int:source_id>/", feeds.OutletFeed("atom"), name="outlet-feed-atom"),
    path("feeds/json/outlet/<int:source_id>/", feeds.OutletFeed("json"), name="outlet-feed-json"),
    # Sitemaps sit at the root: a sitemap may only list URLs under its own folder.
    path("sitemap.xml", sitemaps.index, name="sitemap-index"),
    path("sitemap-news.xml", sitemaps.news, name="sitemap-news"),
    path("sitemap-<str:section>.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
