"""Signing in and out, the second factor, and keeping a session alive."""

from __future__ import annotations

import base64

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kith.platform.access.forms import SignInForm, TwoFactorForm


class SignInView(LoginView):
    form_class = SignInForm
    template_name = "access/sign_in.html"
    redirect_authenticated_user = True


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "You have signed out.")
    return redirect("access:sign_in")


@require_GET
def timed_out(request: HttpRequest) -> HttpResponse:
    """Where the idle-timeout script sends the browser: sign out and say why."""
    logout(request)
    messages.info(request, "You were signed out to protect children's records. Sign in again to carry on.")
    return redirect("access:sign_in")


@require_GET
def keepalive(request: HttpRequest) -> HttpResponse:
    """'Stay signed in' from the timeout warning: the request itself resets the idle clock."""
    return HttpResponse(status=204)


def two_factor(request: HttpRequest) -> HttpResponse:
    """Ask for the authenticator code; on first sign-in, set the authenticator up."""
    user = request.user
    next_url = request.GET.get("next") or request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setting_up = device is None
    if setting_up:
        device, _ = TOTPDevice.objects.get_or_create(user=user, confirmed=False, defaults={"name": "Authenticator app"})
    form = TwoFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if setting_up:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(next_url)
        form.add_error("token", "The security code is not right or has expired. Enter the newest code from your app")
    context = {"form": form, "setting_up": setting_up, "next": next_url}
    if setting_up:
        image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
        context["qr_svg"] = image.to_string(encoding="unicode")
        context["secret"] = _base32(device.bin_key)
    return render(request, "access/two_factor.html", context)


def _base32(key: bytes) -> str:
    return base64.b32encode(key).decode().rstrip("=")


def locked_out(request: HttpRequest, credentials: object = None, *args: object, **kwargs: object) -> HttpResponse:
    """django-axes calls this after too many failed sign-ins: a cool-off, not a lock."""
    return render(request, "access/locked_out.html", status=429)
