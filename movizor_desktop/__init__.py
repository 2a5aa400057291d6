"""Movizor Desktop: a dispatcher workstation for Movizor.ru phone-based fleet tracking."""

__version__ = "0.1.0"
APP_NAME = "Movizor Desktop"
APP_ID = "ru.movizor.desktop"
