from django.urls import path

from kith.platform.access import views

app_name = "access"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("sign-out/timed-out/", views.timed_out, name="timed_out"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("session/keepalive/", views.keepalive, name="keepalive"),
]
