"""The records side: models, database, import and the source documents."""
