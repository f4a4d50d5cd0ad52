"""Admin: Reports → IP self-check, anonymous counts for staff with the
permission "Can see anonymous IP self-check counts"."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ipcheck.report import report_rows

REPORT_PERMISSION = "ipcheck.view_ipcheck_report"


@permission_required(REPORT_PERMISSION, raise_exception=True)
def ipcheck_report(request):
    return render(request, "ipcheck/admin/report.html", {"rows": report_rows()})


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("ipcheck/report/", ipcheck_report, name="ipcheck_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("IP self-check"),
        reverse("ipcheck_report"),
        name="ipcheck-report",
        icon_name="tick",
        order=910,
    )
