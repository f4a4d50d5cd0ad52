"""Date formats of the site (FORMAT_MODULE_PATH): one long date everywhere,
"7 October 2025" and its equivalent in each language. Only what differs
from Django's own locale formats is here."""
