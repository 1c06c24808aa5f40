"""Python side of the pipeline: ingest (libcst), type facts, lowering to the IR."""
