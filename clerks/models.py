"""The historical models are created in ``clerks.history`` when the app is ready."""
