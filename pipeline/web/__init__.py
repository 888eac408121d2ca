"""What readers get from the database: Datasette (`serve`, with `metadata.yml`, `plugins/` and `templates/`
beside it), the HTML report of a run (`report`), and the CSV/Parquet export with its data dictionary
(`export`, whose column descriptions are `metadata.yml`'s)."""
