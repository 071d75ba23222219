from django.urls import path

from discussion import feeds, views

app_name = "discussion"
urlpatterns = [
    path("article/<int:pk>/", views.post, {"kind": "article"}, name="post-article"),
    path("post/<int:pk>/", views.post, {"kind": "post"}, name="post-post"),
    path("reply/<int:pk>/", views.reply, name="reply"),
    path("second-look/<int:pk>/", views.second_look, name="second-look"),
    path("feed/article/<int:pk>/", feeds.ArticleComments(), name="article-feed"),
    path("replies-off/<str:token>/", views.replies_off, name="replies-off"),
    path("erase/", views.erase_request, name="erase"),
    path("erase/<str:token>/", views.erase_confirm, name="erase-confirm"),
]
