"""The checklist is declared for the database and for the classifier: one set of questions."""


def test_the_project_checklist_and_the_classifier_ask_the_same_questions() -> None:
    # The classifier stays free of Django, so the keys are declared twice; they must agree.
    from marketplace.models import CHECKLIST_KEYS
    from matching.classifier import CHECKLIST_QUESTIONS

    assert tuple(CHECKLIST_QUESTIONS) == CHECKLIST_KEYS
