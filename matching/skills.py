"""Skill names folded to canonical keys, so "LLM" meets "large language models".

Pure Python. Specialists' skills are folded once, when the roster is written
(``Specialist.skill_keys``); a project's required skills are folded when it is
ranked, and coverage is a comparison of keys.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

# Canonical key -> the other ways people write it (already normalised: lower
# case, separators as single spaces). Unknown skills keep their normalised
# form, so two people who spell an unlisted tool the same way still meet.
_ALIASES: dict[str, tuple[str, ...]] = {
    # Building on existing models
    "llm": ("llms", "large language model", "large language models", "large-language models"),
    "rag": (
        "retrieval augmented generation",
        "retrieval augmented gen",
        "retrieval based generation",
    ),
    "embeddings": ("embedding", "vector embeddings", "text embeddings", "embedding models"),
    "vector-database": (
        "vector database",
        "vector databases",
        "vector db",
        "vector dbs",
        "vectordb",
        "vector store",
        "vector stores",
        "vector search",
    ),
    "prompt-engineering": ("prompt engineering", "prompting", "prompt design"),
    "agents": ("ai agents", "llm agents", "agentic ai", "agentic workflows", "autonomous agents"),
    "tool-calling": ("tool calling", "function calling", "tool use"),
    "llm-evaluation": ("llm evaluation", "llm evals", "evals", "llm eval"),
    "openai": ("openai api", "openai apis", "gpt", "gpt 4", "gpt4", "chatgpt", "chatgpt api"),
    "anthropic": ("claude", "anthropic api", "claude api"),
    "langchain": ("lang chain",),
    "llamaindex": ("llama index", "gpt index"),
    "hugging-face": ("huggingface", "hugging face transformers", "hf"),
    "fine-tuning": ("fine tuning", "finetuning", "fine tune", "finetune", "model fine tuning"),
    "nlp": ("natural language processing",),
    "computer-vision": ("computer vision", "cv", "image recognition"),
    # Building the model
    "machine-learning": ("machine learning", "ml"),
    "deep-learning": ("deep learning", "dl", "neural networks"),
    "pytorch": ("torch", "py torch"),
    "tensorflow": ("tf", "tensor flow"),
    "scikit-learn": ("scikit learn", "sklearn", "scikit"),
    "xgboost": ("xg boost",),
    "lightgbm": ("light gbm",),
    "mlops": ("ml ops", "machine learning operations"),
    "mlflow": ("ml flow",),
    "kubeflow": ("kube flow",),
    "wandb": ("weights and biases", "weights & biases", "w&b"),
    "feature-store": ("feature store", "feature stores"),
    "data-pipelines": ("data pipeline", "data pipelines", "etl", "elt", "etl pipelines"),
    "model-serving": ("model serving", "model deployment", "inference serving", "ml serving"),
    "model-monitoring": ("model monitoring", "ml monitoring", "monitoring models"),
    "drift-detection": ("drift detection", "data drift", "model drift", "concept drift"),
    "time-series": ("time series", "timeseries", "time series forecasting", "forecasting"),
    "recommender-systems": (
        "recommender systems",
        "recommender system",
        "recommendation systems",
        "recommendation engines",
        "recsys",
    ),
    "sagemaker": ("aws sagemaker", "amazon sagemaker"),
    "vertex-ai": ("vertex ai", "google vertex ai", "vertex"),
    # General engineering
    "python": ("python3", "python 3", "py"),
    "sql": ("structured query language",),
    "postgresql": ("postgres", "psql", "pgsql"),
    "spark": ("apache spark", "pyspark"),
    "kafka": ("apache kafka",),
    "airflow": ("apache airflow",),
    "kubernetes": ("k8s", "kube"),
    "docker": ("docker compose",),
    "aws": ("amazon web services",),
    "gcp": ("google cloud", "google cloud platform"),
    "azure": ("microsoft azure",),
    "javascript": ("js", "ecmascript"),
    "typescript": ("ts",),
    "nodejs": ("node", "node js", "node.js"),
    "fastapi": ("fast api",),
}

_LOOKUP: dict[str, str] = {}
for _key, _aliases in _ALIASES.items():
    for _form in (_key.replace("-", " "), *_aliases):
        _LOOKUP[_form] = _key

_SEPARATORS = re.compile(r"[\s_\-/]+")


def tidy_skill_names(raws: Iterable[str]) -> list[str]:
    """Skill names as a person wrote them, whitespace collapsed, blanks and repeats dropped.

    Repeats are told apart ignoring case; the first spelling is kept.
    """
    kept: dict[str, str] = {}
    for raw in raws:
        name = " ".join(raw.split())
        if name:
            kept.setdefault(name.casefold(), name)
    return list(kept.values())


def normalise(raw: str) -> str:
    """Lower case, separators folded to single spaces, no stray outer punctuation."""
    # A leading dot is kept: ".NET" is not "NET".
    return _SEPARATORS.sub(" ", raw.strip().lower()).strip(" ,;:").rstrip(".").strip()


# Bounded: skill names come from users; a roster repeats the same few hundred, so a
# 100,000-row import reads each from here instead of running the regex again.
@lru_cache(maxsize=16_384)
def canonical_skill(raw: str) -> str | None:
    """The canonical key of one skill name, or None when nothing is left of it."""
    form = normalise(raw)
    if not form:
        return None
    if form in _LOOKUP:
        return _LOOKUP[form]
    # Plurals of listed skills ("LLMs", "Vector databases") fold to the singular.
    if form.endswith("s") and form[:-1] in _LOOKUP:
        return _LOOKUP[form[:-1]]
    return form.replace(" ", "-")


def canonical_skills(raws: Iterable[str]) -> list[str]:
    """Canonical keys of many skill names, duplicates dropped, first order kept."""
    keys: dict[str, None] = {}
    for raw in raws:
        key = canonical_skill(raw)
        if key is not None:
            keys.setdefault(key, None)
    return list(keys)


def labelled_skills(raws: Iterable[str]) -> dict[str, str]:
    """Canonical key -> the first way the caller wrote it, for explanations."""
    labels: dict[str, str] = {}
    for raw in raws:
        key = canonical_skill(raw)
        if key is not None:
            labels.setdefault(key, raw.strip())
    return labels
