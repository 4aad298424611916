"""Classification and ranking: pure scoring, wording and classifier modules, the
Match/MatchRun/Decision models, services, selectors, tasks, ``ranking/`` and the
staff review workbench (``admin/``)."""
