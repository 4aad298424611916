"""Fit of a specialist's experience to a client's brief (the ``relevance`` criterion).

Pure Python: ``concepts`` reads problem domains, techniques and industries
(``vocabulary``) from a brief and a profile with the words that named them;
``lexical`` is field-weighted BM25; ``embedding`` is the optional sentence
encoder (the ``semantic`` extra); ``scorer`` blends them into one figure with
its evidence; ``features`` is what a profile keeps once written; ``evaluation``
measures NDCG on a judged set.
"""
