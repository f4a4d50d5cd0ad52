DATE_FORMAT = "j E Y"  # 7 Οκτωβρίου 2025: the month in the genitive (Django's default: 07/10/2025)
DATETIME_FORMAT = "j E Y, H:i"
