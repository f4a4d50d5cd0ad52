"""Consultation views under the language prefix (/<lang>/consultations/...)."""

from django.urls import path

from consultation import views

urlpatterns = [
    path("consultations/<int:pk>/respond/", views.respond, name="consultation_respond"),
    path("consultations/sent/", views.sent, name="consultation_sent"),
    path("consultations/confirm/<str:token>/", views.confirm, name="consultation_confirm"),
    path("consultations/privacy/", views.privacy, name="consultation_privacy"),
]
