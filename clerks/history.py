"""Every change to a petition and its parts is kept (django-simple-history).

The historical models are registered here, once modeltranslation has added the
English and French columns (``lead_in_en``, ``text_fr``...), so that history
keeps both languages. They live in this app: ``clerks.HistoricalPetition``...
"""

import simple_history
from django.apps import apps

# The models whose every version is kept, as "app_label.ModelName".
TRACKED_MODELS = [
    "petitions.Petition",
    "petitions.WhereasClause",
    "petitions.Demand",
    "petitions.SignatureCount",
    "responses.GovernmentResponse",
]


def register_history():
    for label in TRACKED_MODELS:
        model = apps.get_model(label)
        if not hasattr(model._meta, "simple_history_manager_attribute"):
            simple_history.register(model, app="clerks")
