"""Getting documents in: text dumps, web pages, reports."""
