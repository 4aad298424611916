"""Decide whether a client's brief needs an AI engineer or an ML engineer.

Pure Python (scikit-learn, no Django): ``classify()`` combines a trained text model over the
brief with the client's checklist answers and explains the decision in client terms.
"""

from .checklist import CHECKLIST_QUESTIONS
from .decision import LOW_CONFIDENCE_THRESHOLD, Classification, classify

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .training import EvaluationReport, evaluate, train


def __getattr__(name: str) -> object:
    # Imported lazily so `python -m matching.classifier.training` does not import the
    # module twice (once via this package, once as __main__).
    if name in {"EvaluationReport", "evaluate", "train"}:
        from . import training

        return getattr(training, name)
    raise AttributeError(name)


__all__ = [
    "CHECKLIST_QUESTIONS",
    "LOW_CONFIDENCE_THRESHOLD",
    "Classification",
    "EvaluationReport",
    "classify",
    "evaluate",
    "train",
]
