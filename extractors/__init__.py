"""Text to mentions: reading documents, finding figures, attributing and checking them."""

# Bumped whenever a change to the extractors can change what they output; the pipeline
# re-extracts documents whose stored extractor version differs.
EXTRACTOR_VERSION = "0.8.0"
