"""File → Preferences…: the settings shared by every profile (see :mod:`.dialog`)."""
