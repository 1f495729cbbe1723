"""Places: the packaged Sahel gazetteer and a context-aware geocoder.

>>> from sahel_ner.places import default_geocoder
>>> default_geocoder().resolve("Tillaberi").admin1
'Tillabéri'

The gazetteer (``resources/places/gazetteer.tsv.gz``) is built by
``python -m sahel_ner.places.build``; docs/places_and_events.md describes its
sources and fields and the geocoder's rules.
"""
from .geocoder import (COUNTRY_NAMES, Geocoder, Place, article_countries, default_geocoder, geocode_record, key, km,
                       load_places)

__all__ = ["COUNTRY_NAMES", "Geocoder", "Place", "article_countries", "default_geocoder", "geocode_record", "key",
           "km", "load_places"]
