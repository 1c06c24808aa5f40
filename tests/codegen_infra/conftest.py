"""Fixtures for the toolchain / build / wasm_exec tests: real rustc, real wasmtime, no skips.

A missing wasm toolchain makes the tests FAIL with the install instructions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from portalis.codegen.build import build_wasm
from portalis.codegen.toolchain import Toolchain, ToolchainError, find_toolchain

# One program with many behaviours selected by argv[1].
PROGRAM_RS = r"""
use std::io::Read;

#[inline(never)]
fn crash_here(x: u32) -> u32 {
    if x > 2 {
        std::process::abort()
    }
    x
}

#[inline(never)]
fn recurse(n: u64) -> u64 {
    if n == 0 { 0 } else { 1 + recurse(n - 1) * 2 % 7 + recurse(n / 100000000) }
}

fn spin() {
    let x: u64 = 1;
    let mut i: u64 = 0;
    loop {
        // volatile read: the loop cannot be optimised away
        i = i.wrapping_add(unsafe { std::ptr::read_volatile(&x) });
        if i == 0 { println!("wrapped"); }
    }
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let mode = a.get(1).map(|s| s.as_str()).unwrap_or("");
    match mode {
        "exit3" => { println!("to stdout"); eprintln!("to stderr"); std::process::exit(3); }
        "loop" => spin(),
        "mem" => { let mut v: Vec<Vec<u8>> = Vec::new(); loop { v.push(vec![1u8; 1 << 20]); } }
        "read" => match std::fs::read_to_string(&a[2]) {
            Ok(s) => println!("OK {}", s.trim()),
            Err(e) => println!("ERR {}", e),
        },
        "write" => match std::fs::write(&a[2], "written by wasm") {
            Ok(()) => println!("WROTE"),
            Err(e) => println!("ERR {}", e),
        },
        "abort" => { let n = a.len() as u32; println!("{}", crash_here(n + 5)); }
        "panic" => { let v: Vec<i32> = Vec::new(); println!("{}", v[a.len()]); }
        "stack" => println!("{}", recurse(u64::MAX)),
        "stdin" => { let mut s = String::new(); std::io::stdin().read_to_string(&mut s).unwrap(); println!("got {}", s.to_uppercase()); }
        "env" => println!("env={:?}", std::env::vars().collect::<Vec<_>>()),
        // out-of-bounds reads: near the end of the 4 GiB, and right past a memory grown by 48 MiB
        // (whose pages were written and read first)
        "oob" => println!("{}", unsafe { std::ptr::read_volatile((usize::MAX - 15) as *const u32) }),
        #[cfg(target_arch = "wasm32")]
        "grown" => {
            let v: Vec<u8> = (0..48u32 << 20).map(|i| (i % 251) as u8).collect();
            println!("sum={}", v.iter().map(|&b| b as u64).sum::<u64>());
            let end = core::arch::wasm32::memory_size(0) * 65536;
            println!("{}", unsafe { std::ptr::read_volatile(end as *const u8) });
        }
        "count" => { let n: u64 = a[2].parse().unwrap(); let mut s: u64 = 0; for i in 0..n { s = s.wrapping_add(i * i % 7); } println!("sum={}", s); }
        _ => println!("args={:?}", a),
    }
}
"""

CARGO_TOML = """\
[package]
name = "{name}"
version = "0.1.0"
edition = "2021"

[profile.release]
opt-level = 3
lto = true
codegen-units = 1
"""


def write_crate(root: Path, main_rs: str, line_map: list[int] | None = None, name: str = "prog") -> Path:
    """Write a generated-style crate: Cargo.toml, src/main.rs and (optionally) portalis-map.json."""
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "src" / "main.rs").write_text(main_rs)
    (root / "Cargo.toml").write_text(CARGO_TOML.format(name=name))
    if line_map is not None:
        (root / "portalis-map.json").write_text(json.dumps({"src/main.rs": line_map}))
    return root


@pytest.fixture(scope="session")
def toolchain() -> Toolchain:
    try:
        return find_toolchain()
    except ToolchainError as e:  # never skip: a missing toolchain is a failure
        message = str(e)
    pytest.fail(message, pytrace=False)


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("portalis-cache")


@pytest.fixture(scope="session")
def make_crate(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    def make(main_rs: str, line_map: list[int] | None = None, name: str = "prog") -> Path:
        return write_crate(tmp_path_factory.mktemp("crate"), main_rs, line_map, name)

    return make


@pytest.fixture(scope="session")
def program_wasm(toolchain: Toolchain, cache_dir: Path, make_crate: Callable[..., Path]) -> Path:
    crate = make_crate(PROGRAM_RS)
    res = build_wasm(crate, toolchain, cache_dir=cache_dir)
    assert res.ok, res.format_errors()
    assert res.wasm_path is not None
    return res.wasm_path
