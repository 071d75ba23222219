from django.urls import path

from newsletter import views

app_name = "newsletter"
urlpatterns = [
    path("", views.page, name="page"),
    path("subscribe/", views.sign_up, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("manage/<str:token>/export.json", views.export, name="export"),
    path("manage/<str:token>/erase/", views.erase, name="erase"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("follow/<int:story_id>/", views.follow_story, name="follow"),
    path("follow/confirm/<str:token>/", views.confirm_follow, name="follow_confirm"),
    path("bounces/<str:secret>/", views.bounce_events, name="bounces"),
]
