DATE_FORMAT = "j F Y"  # 7 October 2025 (Django's English default: "Oct. 7, 2025")
DATETIME_FORMAT = "j F Y, H:i"
