"""Knowledge: YAML files turned into typed, validated, frozen models.

Public entry points: ``load_knowledge`` (built-in + user knowledge in the interface's language,
cached per process and language) and ``validate_paths`` (check given files). Never imports
Textual.
"""

from cxguide.knowledge.loader import load_knowledge, validate_paths
from cxguide.knowledge.models import Country, Knowledge, Method, Source
from cxguide.knowledge.problems import KnowledgeError, Problem

__all__ = [
    "Country",
    "Knowledge",
    "KnowledgeError",
    "Method",
    "Problem",
    "Source",
    "load_knowledge",
    "validate_paths",
]
