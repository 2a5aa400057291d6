"""Helpers shared by the tests, imported as ``tests.kits.<name>`` (never through sys.path).

* :mod:`.map` — the map tests' page helpers (importing it registers the ``app:`` scheme,
  which must happen before the QApplication exists);
* :mod:`.subscribers` — opening sessions and driving the subscriber dialogs;
* :mod:`.windows` — a main window on the simulator, with or without its map;
* :mod:`.planning` — rule documents and places for the planning tests;
* :mod:`.imports`, :mod:`.hostile_files` — import files, good and hostile;
* :mod:`.store_samples` — rows, events and positions for the store tests;
* :mod:`.mbtiles` — small offline map files;
* :mod:`.secret_service` — a real Secret Service (gnome-keyring) on a private D-Bus.
"""
