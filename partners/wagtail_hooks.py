from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from partners.contact_admin import ContactMessagePolicy, ContactMessageViewSet
from partners.models import ContactMessage, Service

# Before anything asks for ContactMessage's policy (Wagtail would make a default one).
register_permission_policy(ContactMessage, ContactMessagePolicy(ContactMessage))

register_snippet(Service)


@hooks.register("register_admin_viewset")
def contact_messages():
    return ContactMessageViewSet("contact_messages")
