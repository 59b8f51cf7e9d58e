"""Loads every service's demo data, in the order the events flow: partnerships first, then assessments."""
import importlib.util

import partnerships
from client import Api

ids = partnerships.load(Api("partnership"))
if importlib.util.find_spec("assessments"):
    import assessments
    assessments.load(Api("assessment"), ids)
