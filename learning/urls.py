"""Views of the learning app under the language prefix (/<lang>/...).

Included by creativeflip/urls.py before Wagtail's page serving."""

from django.urls import path

from learning import views

app_name = "learning"

urlpatterns = [
    path("skills/", views.explorer_view, name="explorer"),
    path("skills/occupations/", views.occupation_autocomplete, name="occupation_autocomplete"),
    path("skills/transversal/", views.transversal_view, name="transversal"),
    path("skills/skill/<str:ref>/", views.skill_detail, name="skill"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/", views.LearnerLoginView.as_view(), name="login"),
    path("accounts/logout/", views.LearnerLogoutView.as_view(), name="logout"),
    path("accounts/progress/", views.mark_progress, name="progress"),
    path("accounts/progress/merge/", views.merge_progress, name="merge_progress"),
]
