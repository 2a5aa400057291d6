"""Tools → Plan a trip (Ctrl+Shift+P): the trip planning workspace (issue 19).

A non-modal window per main window, built on the Qt-free planning core
(:mod:`movizor_desktop.planning`):

* :mod:`.feature` — the menu action; opens the window or raises it;
* :mod:`.window` — the workspace: the start, the point table, the legs, the map, the ranking;
* :mod:`.times` — times typed in Moscow time and dwell times, read and written;
* :mod:`.points` — the point table's model (edits, drag to reorder, the legs' figures);
* :mod:`.start` — where the trip starts: a truck's fix, its route's end, or an address;
* :mod:`.ranking` — which truck can make it: the ranking model, its filter and the fresh
  position requests;
* :mod:`.assign` — the plan put on a truck (``object_edit``, route only), after a
  confirmation showing the difference from its current route;
* :mod:`.files` — templates, GPX/KML export and the printed plan sheet;
* :mod:`.map_link` — the route editor's map component, kept in step with the plan.

``docs/planning.md`` describes the workspace and the model behind it.
"""
