from django.apps import AppConfig


class KnowledgebaseConfig(AppConfig):
    name = "knowledgebase"
    demo_steps = {"knowledgebase.demo": 40}  # load_demo's steps and their order
