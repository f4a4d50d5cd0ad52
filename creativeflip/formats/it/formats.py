DATE_FORMAT = "j F Y"  # 7 ottobre 2025, without Django's leading zero
DATETIME_FORMAT = "j F Y, H:i"
