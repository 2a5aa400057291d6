"""The gazetteer: cities, addresses, search and place names."""

from __future__ import annotations

import random

from movizor_desktop.simulator import gazetteer
from movizor_desktop.simulator.geo import haversine_km

DISTRICTS = {"ЦФО", "СЗФО", "ПФО", "УФО", "СФО", "ДФО", "ЮФО", "СКФО"}


def titles(query: str) -> list[str]:
    return [e.title for e in gazetteer.search(query)]


def test_about_150_russian_cities_with_full_records():
    cities = gazetteer.cities()
    assert len(cities) >= 150
    assert len({c.name for c in cities}) == len(cities)
    for c in cities:
        assert c.district in DISTRICTS and c.region
        assert 41 < c.lat < 70 and 19 < c.lon < 160
        assert len(c.postcode) == 6 and c.postcode.isdigit()


def test_addresses_in_five_big_cities():
    for name in ("Москва", "Санкт-Петербург", "Казань", "Екатеринбург", "Новосибирск"):
        found = gazetteer.search(name, limit=10)
        assert sum(1 for e in found if not e.title.startswith(name)) >= 3, name


def test_search_exact_address():
    assert titles("Вятская улица, 27") == ["Вятская улица, 27, Москва, ЦФО, 127015, Россия"]
    assert titles("г. Москва, ул. Вятская, д. 27")[0].startswith("Вятская улица, 27")
    assert titles("новосибирск красный пр-т 25")[0].startswith("Красный проспект, 25")


def test_search_city_first_then_its_addresses():
    found = titles("москва")
    assert found[0] == "Москва, ЦФО, 101000, Россия"
    assert len(found) == 5 and all("Москва" in t for t in found)
    assert titles("Казань")[0] == "Казань, Республика Татарстан, ПФО, 420000, Россия"


def test_search_is_case_and_yo_insensitive_and_knows_aliases():
    assert titles("ОРЕЛ") == titles("Орёл") == ["Орёл, Орловская область, ЦФО, 302000, Россия"]
    assert titles("спб")[0].startswith("Санкт-Петербург")
    assert titles("Питер Невский")[0].startswith("Невский проспект, 28, Санкт-Петербург")
    assert titles("екб")[0].startswith("Екатеринбург")
    assert titles("сергиев посад")[0].startswith("Сергиев Посад")


def test_search_by_region_and_prefix():
    assert titles("Татарстан")[0].startswith("Казань")
    assert titles("Новосиб")[0].startswith("Новосибирск")


def test_search_refuses_nonsense():
    for query in ("XXXXX", "", "   ", "улица 27", "Россия", "Москва Марс"):
        assert gazetteer.search(query) == [], query


def test_nearest_place_names():
    moscow = gazetteer.by_name("Москва")
    assert gazetteer.nearest_place(moscow.lat + 0.05, moscow.lon) == "Москва"
    torzhok = gazetteer.by_name("Торжок")
    place = gazetteer.nearest_place(torzhok.lat + 0.25, torzhok.lon)
    assert place == "Торжок (28 км)"
    assert gazetteer.nearest_place(52.0, 60.0) == "Оренбургская область"


def test_nearest_city_matches_brute_force():
    rng = random.Random(7)
    cities = gazetteer.cities()
    for _ in range(500):
        lat, lon = rng.uniform(42, 68), rng.uniform(20, 150)
        city, d = gazetteer.nearest_city(lat, lon)
        best = min(cities, key=lambda c: haversine_km(lat, lon, c.lat, c.lon))
        assert city == best
        assert abs(d - haversine_km(lat, lon, best.lat, best.lon)) < 1e-9


def test_urban_levels():
    moscow = gazetteer.by_name("Москва")
    valdai = gazetteer.by_name("Валдай")
    assert gazetteer.urban_level(moscow.lat, moscow.lon) == 2
    assert gazetteer.urban_level(valdai.lat, valdai.lon) == 1
    assert gazetteer.urban_level(57.3, 34.9) == 0
