from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    demo_steps = {
        "home.demo": 20,
        "home.demo_featured": 100,
        "home.demo_footer": 110,
    }  # load_demo's steps and their order
    verbose_name = "Home"
