"""Files in and out, without Qt: bulk import of subscribers (CSV/XLSX) and exports of the
list, tracks and events (XLSX, CSV, GPX, KML). The UI chooses files and shows progress;
everything here is plain Python, tested without a GUI."""
