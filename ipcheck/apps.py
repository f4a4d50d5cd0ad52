from django.apps import AppConfig


class IpcheckConfig(AppConfig):
    name = "ipcheck"
    demo_steps = {"ipcheck.demo": 70}  # load_demo's steps and their order
    verbose_name = "IP self-check"
