"""JSON Schemas for the data files, exported from the same models `check` validates with,
so that a writer's editor can complete keys and underline mistakes."""

from __future__ import annotations

import json

from pydantic import BaseModel

from .model import (Glossary, GuidanceFile, ProductRegistry, QuestionFile, RegulationRegistry,
                    SearchVocabulary, SourceArticle, TopicFile)

# schema file name → (model, the data files it describes, as globs from the repository root)
SCHEMAS: dict[str, tuple[type[BaseModel], tuple[str, ...]]] = {
    "article.schema.json": (SourceArticle, ("data/articles/*.yml",)),
    "topic.schema.json": (TopicFile, ("data/topics/*.yml",)),
    "products.schema.json": (ProductRegistry, ("data/products.yml",)),
    "regulations.schema.json": (RegulationRegistry, ("data/regulations.yml",)),
    "glossary.schema.json": (Glossary, ("data/glossary.yml",)),
    "guidance.schema.json": (GuidanceFile, ("data/guidance.yml",)),
    "questions.schema.json": (QuestionFile, ("data/questions.yml",)),
    "search.schema.json": (SearchVocabulary, ("data/search.yml",)),
}


def export() -> dict[str, str]:
    """schema file name → its JSON text (deterministic)."""
    out = {}
    for name, (model, _) in SCHEMAS.items():
        schema = model.model_json_schema(mode="validation")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name, **schema}
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
