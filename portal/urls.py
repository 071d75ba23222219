from django.urls import path

from portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/<str:slug>/", views.article, name="article"),
]
