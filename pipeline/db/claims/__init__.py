"""Claims about the stored figures: `read` reads a journalist's sentence, `match` judges each of its
figures against the database, `check` gives the answer (`check_claim`). Used by `chitieu check "CLAIM"`
and by the `/-/check` page; they differ only in how they show the answer."""
from pipeline.db.claims.check import (ANSWER_VI, CONTRADICTED, EXIT, MAX_CLAIM_CHARS, MAX_FIGURES, NO_FIGURE, NOT_FOUND,
                                      SUPPORTED, UNDECIDED, ClaimError, check_claim, check_text)

__all__ = ["ANSWER_VI", "CONTRADICTED", "EXIT", "MAX_CLAIM_CHARS", "MAX_FIGURES", "NO_FIGURE", "NOT_FOUND", "SUPPORTED",
           "UNDECIDED", "ClaimError", "check_claim", "check_text"]
