"""Rust side of the pipeline: emission, crate writing, toolchain, build, execution, conformance."""
