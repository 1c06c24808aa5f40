// ===================================================================================
// Output
// ===================================================================================

// On WebAssembly the runtime keeps a block the host reads and writes (exported as
// `portalis_stdout_buffer`; codegen/wasm_exec.py has the same layout):
// * the stdout buffer: after a trap, or when it stops a program at its time limit, the host
//   writes out what the program printed but had not flushed yet, so no printed output is ever
//   lost. `len` is stored (Release) after the bytes it covers; `seq` is odd while bytes are
//   being written out and `len` reset (a seqlock: a reader that saw the same even `seq`
//   before and after copying `data[..len]` has a consistent copy). `line_buffered` is set by
//   the host before `_start` when stdout is a terminal (flush at every newline, like CPython).
// * the rerun with big ints (portalis/pipeline.py `run_program`): with `flags` bit 0 set, a
//   program that outgrows 64-bit ints exits at once (`int_limit_line`, no `finally` runs) and
//   the host runs the big-int build of it (giving it the same stdin). Every byte written to
//   stdout and stderr is counted and hashed (`out_total`/`out_hash`, `err_*`); the rerun gets
//   `skip_*`/`expect_*`: it writes nothing until it has produced as many bytes as the first run
//   did, and stops loudly if they differ.
// Elsewhere (native builds, library crates called from several threads) stdout is a
// thread-local `Vec` and none of this exists.

const OUT_LIMIT: usize = 64 * 1024;

#[cfg(target_os = "wasi")]
mod out_wasi {
    use std::cell::{Cell, UnsafeCell};
    use std::sync::atomic::{AtomicU32, Ordering};

    #[repr(C)]
    pub struct HostBlock {
        pub seq: AtomicU32,
        pub len: AtomicU32,
        pub line_buffered: AtomicU32,
        pub cap: AtomicU32, // 0 until `start` (see OUTBUF)
        pub flags: AtomicU32,
        pub int_limit_line: AtomicU32,
        pub stop_limit_line: AtomicU32, // the program stopped at a Portalis limit on this line
        pub reserved: u32,
        pub out_total: Cell<u64>,
        pub out_hash: Cell<u64>, // FNV-1a of the bytes, XOR its offset basis (0 for none)
        pub err_total: Cell<u64>,
        pub err_hash: Cell<u64>,
        pub skip_out: Cell<u64>,
        pub skip_err: Cell<u64>,
        pub expect_out_hash: Cell<u64>,
        pub expect_err_hash: Cell<u64>,
        pub data: UnsafeCell<[u8; super::OUT_LIMIT]>,
    }
    // SAFETY: a WASI command module has one thread; the host reads the block only while the
    // program is stopped, or at a time limit under the protocol above.
    unsafe impl Sync for HostBlock {}

    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

    // All zeros, so that the block (with its 64 KiB of data) is in `.bss`, which the linker
    // leaves out of the module, not in `.data`, which it copies into every module: `cap` is
    // set by `start`, and the hashes are stored XOR FNV_OFFSET.
    pub static OUTBUF: HostBlock = HostBlock {
        seq: AtomicU32::new(0),
        len: AtomicU32::new(0),
        line_buffered: AtomicU32::new(0),
        cap: AtomicU32::new(0),
        flags: AtomicU32::new(0),
        int_limit_line: AtomicU32::new(0),
        stop_limit_line: AtomicU32::new(0),
        reserved: 0,
        out_total: Cell::new(0),
        out_hash: Cell::new(0),
        err_total: Cell::new(0),
        err_hash: Cell::new(0),
        skip_out: Cell::new(0),
        skip_err: Cell::new(0),
        expect_out_hash: Cell::new(0),
        expect_err_hash: Cell::new(0),
        data: UnsafeCell::new([0; super::OUT_LIMIT]),
    };

    #[no_mangle]
    pub extern "C" fn portalis_stdout_buffer() -> *const HostBlock {
        &OUTBUF
    }

    #[repr(C)]
    struct Ciovec {
        buf: *const u8,
        len: usize,
    }

    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    extern "C" {
        #[link_name = "fd_write"]
        fn wasi_fd_write(fd: u32, iovs: *const Ciovec, iovs_len: usize, nwritten: *mut usize) -> u16;
    }

    /// The program starts: the host may read up to `cap` bytes of `data` from now on.
    pub fn start() {
        OUTBUF.cap.store(super::OUT_LIMIT as u32, Ordering::Release);
    }

    /// A stored hash (XOR FNV_OFFSET, see OUTBUF) continued over `bytes`.
    fn fnv(stored: u64, bytes: &[u8]) -> u64 {
        let mut h = stored ^ FNV_OFFSET;
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^ FNV_OFFSET
    }

    /// All of `bytes` to `fd` (an error, e.g. a closed pipe, drops the rest, as CPython's
    /// flush at exit would report and give up).
    fn write_raw(fd: u32, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let iov = Ciovec { buf: bytes.as_ptr(), len: bytes.len() };
            let mut n: usize = 0;
            // SAFETY: iov points at live bytes; n is a valid out-pointer.
            let rc = unsafe { wasi_fd_write(fd, &iov, 1, &mut n) };
            if rc != 0 || n == 0 {
                return;
            }
            bytes = &bytes[n.min(bytes.len())..];
        }
    }

    /// Count, hash and write (after the part a rerun must skip) bytes for fd 1 or 2.
    fn write_counted(fd: u32, bytes: &[u8]) {
        let (total, hash, skip, expect) = if fd == 1 {
            (&OUTBUF.out_total, &OUTBUF.out_hash, &OUTBUF.skip_out, &OUTBUF.expect_out_hash)
        } else {
            (&OUTBUF.err_total, &OUTBUF.err_hash, &OUTBUF.skip_err, &OUTBUF.expect_err_hash)
        };
        total.set(total.get() + bytes.len() as u64);
        let mut rest = bytes;
        let k = skip.get().min(rest.len() as u64) as usize;
        if k > 0 {
            hash.set(fnv(hash.get(), &rest[..k]));
            skip.set(skip.get() - k as u64);
            rest = &rest[k..];
            if skip.get() == 0 && hash.get() != expect.get() {
                rerun_diverged();
            }
        }
        hash.set(fnv(hash.get(), rest));
        write_raw(fd, rest);
    }

    /// The rerun with big ints printed something else than the first run did up to where it
    /// stopped: a Portalis bug; never carry on with output that may be wrong.
    #[cold]
    fn rerun_diverged() -> ! {
        write_raw(2, b"portalis: internal error: the rerun with big ints printed different output than the first run \
(please report this Portalis bug)\n");
        std::process::exit(70);
    }

    /// At exit: a rerun that printed less than the first run did before it stopped has diverged.
    pub fn check_rerun_complete() {
        if OUTBUF.skip_out.get() > 0 || OUTBUF.skip_err.get() > 0 {
            rerun_diverged();
        }
    }

    pub fn flush() {
        let len = OUTBUF.len.load(Ordering::Acquire) as usize;
        if len == 0 {
            return;
        }
        OUTBUF.seq.fetch_add(1, Ordering::AcqRel);
        // SAFETY: one thread; `data[..len]` was written before `len` was stored.
        let data = unsafe { &(*OUTBUF.data.get())[..len] };
        write_counted(1, data);
        OUTBUF.len.store(0, Ordering::Release);
        OUTBUF.seq.fetch_add(1, Ordering::AcqRel);
    }

    pub fn out(s: &[u8]) {
        let len = OUTBUF.len.load(Ordering::Relaxed) as usize;
        if s.len() > super::OUT_LIMIT - len {
            flush();
            if s.len() > super::OUT_LIMIT {
                OUTBUF.seq.fetch_add(1, Ordering::AcqRel);
                write_counted(1, s);
                OUTBUF.seq.fetch_add(1, Ordering::AcqRel);
                return;
            }
        }
        let len = OUTBUF.len.load(Ordering::Relaxed) as usize;
        // SAFETY: one thread; len + s.len() <= OUT_LIMIT was checked above.
        unsafe { (*OUTBUF.data.get())[len..len + s.len()].copy_from_slice(s) };
        OUTBUF.len.store((len + s.len()) as u32, Ordering::Release);
        if OUTBUF.line_buffered.load(Ordering::Relaxed) != 0 && s.contains(&b'\n') {
            flush();
        }
    }

    /// stderr (unbuffered; stdout is flushed first by the callers).
    pub fn err(s: &[u8]) {
        write_counted(2, s);
    }

    /// Whether the host reruns a program that outgrows 64-bit ints with big ints.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn rerun_on_int_limit() -> bool {
        OUTBUF.flags.load(Ordering::Relaxed) & 1 != 0
    }

    /// The program ends with an uncaught Portalis limit error raised on `line` (so a host
    /// comparing it with CPython can say it stopped at a limit, not that it behaved differently).
    pub fn note_limit_stop(line: u32) {
        OUTBUF.stop_limit_line.store(line.max(1), Ordering::Release);
    }

    /// The 64-bit limit was hit on `line` and the host reruns with big ints: stop right here.
    pub fn stop_at_int_limit(line: u32) -> ! {
        flush();
        OUTBUF.int_limit_line.store(line.max(1), Ordering::Release);
        std::process::exit(super::WASI_STATUS_SENTINEL);
    }
}

#[cfg(not(target_os = "wasi"))]
mod out_native {
    use std::cell::RefCell;
    use std::io::Write;

    thread_local! {
        static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    pub fn out(s: &[u8]) {
        OUT.with(|o| {
            if let Ok(mut b) = o.try_borrow_mut() {
                b.extend_from_slice(s);
                if b.len() >= super::OUT_LIMIT {
                    let so = std::io::stdout();
                    let mut lk = so.lock();
                    let _ = lk.write_all(&b);
                    let _ = lk.flush();
                    b.clear();
                }
            } else {
                let _ = std::io::stdout().write_all(s);
            }
        })
    }

    pub fn flush() {
        OUT.with(|o| {
            if let Ok(mut b) = o.try_borrow_mut() {
                let so = std::io::stdout();
                let mut lk = so.lock();
                if !b.is_empty() {
                    let _ = lk.write_all(&b);
                    b.clear();
                }
                let _ = lk.flush();
            }
        })
    }
}

#[cfg(not(target_os = "wasi"))]
mod out_native_extra {
    use std::io::Write;
    pub fn err(s: &[u8]) {
        let e = std::io::stderr();
        let mut lk = e.lock();
        let _ = lk.write_all(s);
        let _ = lk.flush();
    }
    pub fn rerun_on_int_limit() -> bool {
        false
    }
    pub fn stop_at_int_limit(_line: u32) -> ! {
        unreachable!("only a WASI host reruns programs")
    }
    pub fn note_limit_stop(_line: u32) {}
    pub fn check_rerun_complete() {}
    pub fn start() {}
}

#[cfg(target_os = "wasi")]
use out_wasi as out_impl;
#[cfg(not(target_os = "wasi"))]
use out_native as out_impl;
#[cfg(target_os = "wasi")]
use out_wasi as out_extra;
#[cfg(not(target_os = "wasi"))]
use out_native_extra as out_extra;

/// Append to the process-wide stdout buffer (flushed when full, at exit, before stderr output
/// and input(); at every newline when the host says stdout is a terminal).
#[cfg_attr(not(portalis_dev), inline)]
pub fn out_str(s: &str) {
    out_impl::out(s.as_bytes())
}

pub fn flush_stdout() {
    out_impl::flush()
}

/// Write to stderr (stdout is flushed first so the interleaving matches an unbuffered run).
pub fn err_str(s: &str) {
    flush_stdout();
    out_extra::err(s.as_bytes());
}

pub fn py_input(prompt: &str, line: u32) -> PyResult<String> {
    out_str(prompt);
    flush_stdout();
    let mut s = String::new();
    match std::io::BufRead::read_line(&mut std::io::stdin().lock(), &mut s) {
        Ok(0) => Err(PyErr::new(&EOF_ERROR, "EOF when reading a line", line)),
        // CPython decodes it with its locale's error handler (UnicodeDecodeError, or lone
        // surrogates a Portalis str cannot hold): not reproduced
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => Err(limit_err(
            "input() read a line that is not valid UTF-8 (CPython's result depends on its locale's error handler)",
            line,
        )),
        Err(_) => Err(PyErr::new(&EOF_ERROR, "EOF when reading a line", line)),
        Ok(_) => {
            // sys.stdin does not translate newlines on POSIX: only the "\n" goes ("\r\n" keeps "\r")
            if s.ends_with('\n') {
                s.pop();
            }
            Ok(s)
        }
    }
}
