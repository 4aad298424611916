"""Decide whether a client's brief needs an AI engineer or an ML engineer.

Pure Python (scikit-learn, no Django): ``classify()`` combines a trained text model over the
brief with the client's checklist answers and explains the decision in client terms.
"""

from .checklist import CHECKLIST_QUESTIONS, LOW_CONFIDENCE_THRESHOLD

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .decision import Classification, classify
    from .training import EvaluationReport, evaluate, train


def __getattr__(name: str) -> object:
    # The model's modules pull in scikit-learn (about a second and tens of MB), which
    # web processes that only read the questions or the threshold should not pay for.
    if name in {"Classification", "classify"}:
        from . import decision

        return getattr(decision, name)
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
