from django.urls import path

from portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/<str:slug>/", views.article, name="article"),
    path("posts/<str:slug>/", views.post, name="post"),
    path("section/<slug:slug>/", views.section, name="section"),
    path("outlet/<int:source_id>/", views.outlet, name="outlet"),
]
