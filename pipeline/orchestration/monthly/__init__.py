"""The monthly batch (`chitieu run --month YYYY-MM`): `batch` runs it (see its docstring for the order of
the work), `settings` reads its `[monthly]` config, `tables` keeps its bookkeeping, `crawl` is its crawl
stage, `refresh` re-extracts stored documents of an older extractor version."""
