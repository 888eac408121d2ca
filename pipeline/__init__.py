"""Orchestration, CLI, storage and the Datasette configuration of chitieu."""
