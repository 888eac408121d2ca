"""`chitieu eval`: the extractor scored against the hand-annotated gold set in tests/gold/ (`evaluate`), and
the precision of the checks' `inconsistent` verdicts (`evaluate_checks`); both read the gold set through
`gold`."""
