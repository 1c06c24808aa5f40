/* portalis_exec.c: the native launcher of `portalis exec` (see codegen/launcher.py).
 *
 * Runs one precompiled module (.cwasm, written by codegen/wasm_exec.py `load_module` for the
 * "exit" engine: memory_may_move=false, no epoch interruption) exactly as wasm_exec.run_wasm(...,
 * capture=False, timeout_mode="exit") does, without a Python interpreter and wasmtime-py in the
 * process: start-up time and peak memory are those of the program.  It dlopens the wasmtime C
 * library the wasmtime Python wheel ships and declares the few C-API types it uses itself
 * (layouts of wasmtime 50, checked against wasmtime-py's _bindings.py).
 *
 * Anything it cannot do the way the Python path would (library or symbol missing, a .cwasm that
 * does not deserialize, a --dir that cannot be preopened, ...) happens before the program
 * starts, and then it execs the Python path (the fallback argv it was given) with
 * PORTALIS_EXEC_LAUNCHER=0: the user sees no difference but speed.
 *
 * argv: LIB MODULE CWASM_PREFIX CWASM_SUFFIX TIMEOUT TIMEOUT_TEXT MAXMEM MAXMEM_TEXT NDIRS [HOST GUEST]...
 *       NARGS [PROGRAM ARG...] NFALLBACK [ARGV...]
 *   or --front RECORD PY exec ARG... (from the `portalis` command's /bin/sh front: see "the /bin/sh front")
 *   (or --demangle NAME... / --user-frames FRAME... / --no-fault-around / --sha256 FILE... /
 *   --front-argv RECORD PY exec ARG...: test hooks)
 *   The compiled module is CWASM_PREFIX + sha256(MODULE) in hex + CWASM_SUFFIX (wasm_exec's cache
 *   name): the hash is computed here, not in the Python part, whose every import and buffer is
 *   in the run's peak memory (codegen/exec_start.py).
 *   TIMEOUT: seconds (a float), MAXMEM: bytes, "-" for none; the _TEXTs are how Portalis' messages
 *   print them (Python's `f"{x:g}"`), so that they read exactly as the Python path's.
 * Exit codes: the program's own; 124 time limit, 137 memory limit, 130 Ctrl-C, 134 other traps.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ wasmtime C API (v50) */

typedef struct { size_t size; char *data; } wasm_byte_vec_t;
typedef struct wasm_frame_t wasm_frame_t;
typedef struct { size_t size; wasm_frame_t **data; } wasm_frame_vec_t;
typedef struct { uint64_t store_id; void *private_; } wasmtime_func_t;
typedef struct { uint64_t store_id; uint32_t private1; uint32_t private2; } wasmtime_memory_t;
typedef union {
    wasmtime_func_t func;
    struct { uint64_t store_id; uint32_t p1, p2, p3; } global;
    wasmtime_memory_t memory;
    void *sharedmemory;
} wasmtime_extern_union_t;
typedef struct { uint8_t kind; wasmtime_extern_union_t of; } wasmtime_extern_t;
typedef union {
    int32_t i32;
    int64_t i64;
    float f32;
    double f64;
    struct { uint64_t store_id; uint32_t p1, p2; void *p3; } ref;
    wasmtime_func_t funcref;
    uint8_t v128[16];
} wasmtime_valunion_t;
typedef struct { uint8_t kind; wasmtime_valunion_t of; } wasmtime_val_t;
typedef struct { uint64_t store_id; size_t private_; } wasmtime_instance_t;

enum { EXTERN_FUNC = 0, EXTERN_MEMORY = 3 };
enum { VAL_I32 = 0, VAL_I64 = 1 };
enum { TRAP_STACK_OVERFLOW = 0, TRAP_MEMORY_OUT_OF_BOUNDS = 1, TRAP_UNREACHABLE = 9, TRAP_INTERRUPT = 10 };

typedef void *P;
/* the native stack compiled WebAssembly may use: codegen/wasm_exec.py WASM_STACK (a test keeps them equal) */
#define WASM_STACK ((size_t)2 << 20)
static struct {
    P (*config_new)(void);
    void (*config_memory_may_move_set)(P, bool);
    void (*config_max_wasm_stack_set)(P, size_t);
    P (*engine_new_with_config)(P);
    P (*store_new)(P, void *, void (*)(void *));
    P (*store_context)(P);
    void (*store_limiter)(P, int64_t, int64_t, int64_t, int64_t, int64_t);
    P (*wasi_config_new)(void);
    bool (*wasi_config_set_argv)(P, size_t, const char **);
    void (*wasi_config_inherit_stdin)(P);
    void (*wasi_config_inherit_stdout)(P);
    void (*wasi_config_inherit_stderr)(P);
    bool (*wasi_config_preopen_dir)(P, const char *, const char *, bool);
    P (*context_set_wasi)(P, P);
    P (*linker_new)(P);
    P (*linker_define_wasi)(P);
    P (*module_deserialize_file)(P, const char *, P *);
    P (*linker_instantiate)(P, P, P, wasmtime_instance_t *, P *);
    bool (*instance_export_get)(P, const wasmtime_instance_t *, const char *, size_t, wasmtime_extern_t *);
    P (*func_call)(P, const wasmtime_func_t *, const wasmtime_val_t *, size_t, wasmtime_val_t *, size_t, P *);
    bool (*error_exit_status)(P, int *);
    void (*error_message)(P, wasm_byte_vec_t *);
    uint8_t *(*memory_data)(P, const wasmtime_memory_t *);
    size_t (*memory_data_size)(P, const wasmtime_memory_t *);
    void (*trap_message)(P, wasm_byte_vec_t *);
    bool (*trap_code)(P, uint8_t *);
    void (*trap_trace)(P, wasm_frame_vec_t *);
    uint32_t (*frame_func_index)(const wasm_frame_t *);
    const wasm_byte_vec_t *(*frame_func_name)(const wasm_frame_t *);
    void (*config_host_memory_creator_set)(P, const void *);
    P (*error_new)(const char *);
} W;

static const struct { const char *name; size_t off; } SYMBOLS[] = {
#define S(field, sym) {#sym, offsetof(__typeof__(W), field)}
    S(config_new, wasm_config_new),
    S(config_memory_may_move_set, wasmtime_config_memory_may_move_set),
    S(config_max_wasm_stack_set, wasmtime_config_max_wasm_stack_set),
    S(engine_new_with_config, wasm_engine_new_with_config),
    S(store_new, wasmtime_store_new),
    S(store_context, wasmtime_store_context),
    S(store_limiter, wasmtime_store_limiter),
    S(wasi_config_new, wasi_config_new),
    S(wasi_config_set_argv, wasi_config_set_argv),
    S(wasi_config_inherit_stdin, wasi_config_inherit_stdin),
    S(wasi_config_inherit_stdout, wasi_config_inherit_stdout),
    S(wasi_config_inherit_stderr, wasi_config_inherit_stderr),
    S(wasi_config_preopen_dir, wasi_config_preopen_dir),
    S(context_set_wasi, wasmtime_context_set_wasi),
    S(linker_new, wasmtime_linker_new),
    S(linker_define_wasi, wasmtime_linker_define_wasi),
    S(module_deserialize_file, wasmtime_module_deserialize_file),
    S(linker_instantiate, wasmtime_linker_instantiate),
    S(instance_export_get, wasmtime_instance_export_get),
    S(func_call, wasmtime_func_call),
    S(error_exit_status, wasmtime_error_exit_status),
    S(error_message, wasmtime_error_message),
    S(memory_data, wasmtime_memory_data),
    S(memory_data_size, wasmtime_memory_data_size),
    S(trap_message, wasm_trap_message),
    S(trap_code, wasmtime_trap_code),
    S(trap_trace, wasm_trap_trace),
    S(frame_func_index, wasm_frame_func_index),
    S(frame_func_name, wasmtime_frame_func_name),
#undef S
};

/* ------------------------------------------------------------------ small strings */

typedef struct { char *s; size_t n, cap; } Buf;

static void buf_add(Buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) abort();
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}
static void buf_str(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }
static void buf_fmt(Buf *b, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0) buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}
static bool starts(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }
static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return; /* best effort: a closed pipe drops the rest */
        }
        p += w;
        n -= (size_t)w;
    }
}

/* ------------------------------------------------------------------ SHA-256 (FIPS 180-4) */

static const uint32_t SHA_K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha256_block(uint32_t h[8], const uint8_t *p) {
    uint32_t w[64];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 | (uint32_t)p[4 * t + 2] << 8 | p[4 * t + 3];
    for (int t = 16; t < 64; t++)
        w[t] = w[t - 16] + (ror(w[t - 15], 7) ^ ror(w[t - 15], 18) ^ (w[t - 15] >> 3)) + w[t - 7] +
               (ror(w[t - 2], 17) ^ ror(w[t - 2], 19) ^ (w[t - 2] >> 10));
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + SHA_K[t] + w[t];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

/* the file's SHA-256 as 64 lowercase hex digits into hex[65] (hashlib's hexdigest); false with
 * errno set when it cannot be read */
static bool sha256_file(const char *path, char hex[65]) {
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    static uint8_t buf[16384];
    size_t have = 0; /* bytes in buf not hashed yet (< 64 between reads) */
    uint64_t total = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    for (;;) {
        ssize_t n = read(fd, buf + have, sizeof buf - have);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) { int e = errno; close(fd); errno = e; return false; }
        if (n == 0) break;
        have += (size_t)n;
        total += (uint64_t)n;
        size_t k = 0;
        for (; k + 64 <= have; k += 64) sha256_block(h, buf + k);
        memmove(buf, buf + k, have - k);
        have -= k;
    }
    close(fd);
    buf[have++] = 0x80;
    if (have > 56) {
        memset(buf + have, 0, 64 - have);
        sha256_block(h, buf);
        have = 0;
    }
    memset(buf + have, 0, 56 - have);
    for (int k = 0; k < 8; k++) buf[56 + k] = (uint8_t)((total * 8) >> (56 - 8 * k));
    sha256_block(h, buf);
    for (int k = 0; k < 8; k++) snprintf(hex + 8 * k, 9, "%08x", h[k]);
    return true;
}

/* ------------------------------------------------------------------ fallback to Python */

static char **fallback_argv;
static bool verbose;

static void fallback(const char *why, const char *detail) {
    if (verbose) {
        fprintf(stderr, "portalis: exec: not using the native launcher: %s%s%s\n", why, detail ? ": " : "",
                detail ? detail : "");
        fflush(stderr);
    }
    if (fallback_argv && fallback_argv[0]) {
        sigset_t sigint;
        sigemptyset(&sigint);
        sigaddset(&sigint, SIGINT);
        pthread_sigmask(SIG_UNBLOCK, &sigint, NULL); /* a blocked mask survives exec */
        setenv("PORTALIS_EXEC_LAUNCHER", "0", 1);
        execv(fallback_argv[0], fallback_argv);
    }
    fprintf(stderr, "portalis: exec: cannot start the Python fallback (%s)\n", why);
    _exit(3);
}

static char *error_text(P err, size_t *len) {
    wasm_byte_vec_t v = {0, 0};
    W.error_message(err, &v);
    char *s = malloc(v.size + 1);
    if (!s) abort();
    if (v.size) memcpy(s, v.data, v.size);
    s[v.size] = 0;
    *len = v.size;
    return s; /* the vec is leaked: the process ends soon */
}

/* ------------------------------------------------------------------ demangling (wasm_exec.demangle) */

static void unescape(Buf *out, const char *s, size_t n) {
    if (n >= 2 && s[0] == '_' && s[1] == '$') { s++; n--; }
    Buf tmp = {0};
    size_t i = 0;
    while (i < n) {
        if (s[i] == '$') {
            size_t j = i + 1;
            while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9'))) j++;
            if (j < n && j > i + 1 && s[j] == '$') {
                const char *t = s + i + 1;
                size_t tn = j - i - 1;
                static const char *esc[][2] = {{"SP", "@"}, {"BP", "*"}, {"RF", "&"}, {"LT", "<"}, {"GT", ">"},
                                               {"LP", "("}, {"RP", ")"}, {"C", ","}};
                const char *rep = NULL;
                for (size_t k = 0; k < sizeof esc / sizeof esc[0]; k++)
                    if (strlen(esc[k][0]) == tn && memcmp(esc[k][0], t, tn) == 0) rep = esc[k][1];
                char u8[5];
                if (!rep && t[0] == 'u' && tn > 1) {
                    unsigned long cp = 0;
                    bool ok = tn <= 9;
                    for (size_t k = 1; k < tn && ok; k++) {
                        char c = t[k];
                        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                        if (d < 0) ok = false; else cp = cp * 16 + (unsigned long)d;
                    }
                    if (ok && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                        if (cp < 0x80) { u8[0] = (char)cp; u8[1] = 0; }
                        else if (cp < 0x800) { u8[0] = (char)(0xC0 | (cp >> 6)); u8[1] = (char)(0x80 | (cp & 0x3F)); u8[2] = 0; }
                        else if (cp < 0x10000) { u8[0] = (char)(0xE0 | (cp >> 12)); u8[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); u8[2] = (char)(0x80 | (cp & 0x3F)); u8[3] = 0; }
                        else { u8[0] = (char)(0xF0 | (cp >> 18)); u8[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); u8[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u8[3] = (char)(0x80 | (cp & 0x3F)); u8[4] = 0; }
                        rep = u8;
                    }
                }
                if (rep) buf_str(&tmp, rep); else buf_add(&tmp, s + i, j - i + 1);
                i = j + 1;
                continue;
            }
        }
        buf_add(&tmp, s + i, 1);
        i++;
    }
    /* then ".." -> "::" (left to right, non-overlapping, like str.replace) */
    for (size_t k = 0; k < tmp.n;) {
        if (k + 1 < tmp.n && tmp.s[k] == '.' && tmp.s[k + 1] == '.') { buf_str(out, "::"); k += 2; }
        else { buf_add(out, tmp.s + k, 1); k++; }
    }
    free(tmp.s);
}

static bool is_hash(const char *s, size_t n) {
    if (n != 17 || s[0] != 'h') return false;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
    return true;
}

static char *demangle(const char *name) {
    size_t len = strlen(name);
    if (!starts(name, "_ZN")) return strdup(name);
    size_t i = 3, np = 0;
    size_t ps[256], pn[256];
    while (i < len && name[i] != 'E') {
        size_t j = i;
        while (j < len && name[j] >= '0' && name[j] <= '9') j++;
        if (j >= len || j == i || np == 256) return strdup(name); /* IndexError / ValueError */
        size_t n = 0;
        for (size_t k = i; k < j; k++) {
            n = n * 10 + (size_t)(name[k] - '0');
            if (n > len) n = len + 1;
        }
        ps[np] = j;
        pn[np] = j + n <= len ? n : len - j;
        np++;
        i = j + n;
    }
    const char *rest = i < len ? name + i : "";
    if (np == 0 || !(strcmp(rest, "E") == 0 || starts(rest, "E."))) return strdup(name);
    if (is_hash(name + ps[np - 1], pn[np - 1])) np--;
    Buf out = {0};
    buf_add(&out, "", 0);
    for (size_t k = 0; k < np; k++) {
        if (k) buf_str(&out, "::");
        unescape(&out, name + ps[k], pn[k]);
    }
    return out.s;
}

/* ------------------------------------------------------------------ traps (wasm_exec._trap_info) */

typedef struct {
    char *message;
    char **frames;
    size_t nframes;
    int code; /* -1: none */
} Trap;

static Trap trap_info(P trap) {
    Trap t = {0};
    t.code = -1;
    wasm_frame_vec_t fv = {0, 0};
    W.trap_trace(trap, &fv);
    t.frames = calloc(fv.size + 1, sizeof(char *));
    if (!t.frames) abort();
    for (size_t i = 0; i < fv.size; i++) {
        const wasm_byte_vec_t *nm = W.frame_func_name(fv.data[i]);
        if (nm && nm->size) {
            char *s = strndup(nm->data, nm->size);
            t.frames[t.nframes++] = demangle(s);
            free(s);
        } else {
            Buf b = {0};
            buf_fmt(&b, "<wasm function %u>", W.frame_func_index(fv.data[i]));
            t.frames[t.nframes++] = b.s;
        }
    }
    uint8_t code;
    if (W.trap_code(trap, &code)) t.code = code;
    wasm_byte_vec_t mv = {0, 0};
    W.trap_message(trap, &mv);
    size_t mn = mv.size ? mv.size - 1 : 0; /* the message ends with a NUL */
    char *msg = strndup(mv.data ? mv.data : "", mn);
    /* re.search(r"Caused by:\s*\n\s*(.+)", msg) */
    const char *found = NULL;
    size_t found_n = 0;
    for (const char *p = strstr(msg, "Caused by:"); p && !found; p = strstr(p + 1, "Caused by:")) {
        const char *q = p + strlen("Caused by:");
        const char *ws = q;
        bool nl = false;
        while (*q && is_space(*q)) { if (*q == '\n') nl = true; q++; }
        if (!nl) continue;
        if (*q == 0) { /* all whitespace: (.+) backtracks into it */
            const char *lastnl = NULL;
            for (const char *r = ws; r < q; r++) if (*r == '\n') lastnl = r;
            if (lastnl && lastnl + 1 < q) { found = lastnl + 1; found_n = (size_t)(q - found); }
            continue;
        }
        found = q;
        while (q[found_n] && q[found_n] != '\n') found_n++;
    }
    Buf s = {0};
    buf_add(&s, "", 0);
    if (found) {
        buf_add(&s, found, found_n);
    } else {
        const char *a = msg, *b = msg + strlen(msg);
        while (a < b && is_space(*a)) a++;
        while (b > a && is_space(b[-1])) b--;
        if (a == b) buf_str(&s, "trap");
        else {
            const char *e = a;
            while (e < b && *e != '\n' && *e != '\r') e++;
            buf_add(&s, a, (size_t)(e - a));
        }
    }
    /* .strip(), then re.sub(r"^wasm trap:\s*", "", short) */
    char *a = s.s, *b = s.s + s.n;
    while (a < b && is_space(*a)) a++;
    while (b > a && is_space(b[-1])) b--;
    *b = 0;
    if (starts(a, "wasm trap:")) {
        a += strlen("wasm trap:");
        while (*a && is_space(*a)) a++;
    }
    t.message = strdup(a);
    free(s.s);
    free(msg);
    return t;
}

/* wasm_exec._user_frames */
static size_t user_frames(const Trap *t, char **out, size_t max) {
    static const char *skip[] = {"std::", "core::", "alloc::", "__", "rust_", "_start", "abort", "dlmalloc",
                                 "<wasm function"};
    size_t n = 0;
    char **names = calloc(t->nframes + 1, sizeof(char *));
    size_t *counts = calloc(t->nframes + 1, sizeof(size_t));
    if (!names || !counts) abort();
    for (size_t i = 0; i < t->nframes; i++) {
        const char *f = t->frames[i];
        bool skipped = false;
        for (size_t k = 0; k < sizeof skip / sizeof skip[0]; k++) if (starts(f, skip[k])) skipped = true;
        if (skipped) continue;
        char *g;
        const char *c;
        if (starts(f, "main::pf_") && (c = strchr(f + 9, ':')) != NULL && c > f + 9 && c[1] == ':') {
            Buf b = {0};
            buf_str(&b, "main::");
            buf_str(&b, c + 2);
            g = b.s;
        } else {
            g = strdup(f);
        }
        if (n && strcmp(names[n - 1], g) == 0) { counts[n - 1]++; free(g); }
        else { names[n] = g; counts[n] = 1; n++; }
    }
    size_t m = 0;
    for (size_t i = 0; i < n && m < max; i++) {
        Buf b = {0};
        buf_str(&b, names[i]);
        if (counts[i] != 1) buf_fmt(&b, " (x%zu)", counts[i]);
        out[m++] = b.s;
    }
    return m;
}

/* ------------------------------------------------------------------ the stdout block (wasm_exec._OutBuf) */

enum { OB_SEQ = 0, OB_LEN = 4, OB_LINE = 8, OB_CAP = 12, OB_DATA = 96 };

static uint8_t *volatile outbuf; /* host address of the block, once found */
static size_t outbuf_room;       /* bytes of linear memory from the block to the end */

static uint32_t ob_u32(uint8_t *ob, size_t off) { return __atomic_load_n((uint32_t *)(void *)(ob + off), __ATOMIC_ACQUIRE); }

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The bytes printed but not yet written out (malloc'd, *n set); with wait_s > 0 the guest may be
 * running: copy under the seqlock, waiting up to wait_s for a flush in progress. */
static char *pending(uint8_t *ob, double wait_s, size_t *n_out) {
    double deadline = now_s() + wait_s;
    *n_out = 0;
    for (;;) {
        uint32_t seq = ob_u32(ob, OB_SEQ);
        if (seq % 2 == 0) {
            uint32_t cap = ob_u32(ob, OB_CAP);
            uint32_t len = ob_u32(ob, OB_LEN);
            size_t n = len < cap ? len : cap;
            if (OB_DATA + n > outbuf_room) return NULL;
            char *data = malloc(n + 1);
            if (!data) abort();
            memcpy(data, ob + OB_DATA, n);
            __atomic_thread_fence(__ATOMIC_ACQUIRE);
            if (ob_u32(ob, OB_SEQ) == seq) { *n_out = n; return data; }
            free(data);
        }
        if (now_s() >= deadline) return NULL;
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
}

/* ------------------------------------------------------------------ watchdog (wasm_exec._Watchdog) */

static volatile int done;
static double timeout_s = -1; /* < 0: none */
static double t0;
static const char *timeout_text;

static void stop(const char *message, int code) {
    uint8_t *ob = outbuf;
    size_t n = 0;
    char *data = ob ? pending(ob, 0.2, &n) : NULL;
    if (__atomic_load_n(&done, __ATOMIC_ACQUIRE)) return; /* the program finished meanwhile */
    if (n) write_all(1, data, n);
    Buf b = {0};
    if (n && data[n - 1] != '\n') buf_str(&b, "\n");
    buf_str(&b, message);
    buf_str(&b, "\n");
    write_all(2, b.s, b.n);
    _exit(code);
}

static void *watchdog(void *arg) {
    sigset_t *set = arg;
    for (;;) {
        if (__atomic_load_n(&done, __ATOMIC_ACQUIRE)) return NULL;
        double left = timeout_s < 0 ? 0.05 : timeout_s - (now_s() - t0);
        if (timeout_s >= 0 && left <= 0) {
            Buf m = {0};
            buf_fmt(&m, "portalis: time limit exceeded: the program ran for more than %s s and was stopped "
                        "(raise the limit with --timeout SECONDS)", timeout_text);
            stop(m.s, 124);
            return NULL;
        }
        double wait = left < 0.05 ? left : 0.05;
        struct timespec ts = {(time_t)wait, (long)((wait - (double)(time_t)wait) * 1e9)};
        int sig = sigtimedwait(set, NULL, &ts);
        if (sig == SIGINT && !__atomic_load_n(&done, __ATOMIC_ACQUIRE)) {
            stop("KeyboardInterrupt (portalis: the program was stopped)", 130);
            return NULL;
        }
    }
}

/* ------------------------------------------------------------------ linear memory: grown pages pre-faulted
 *
 * A program that allocates much touches every page its memory grows by, one page fault per
 * 4 KiB page (text_clean: ~63,000 faults, a sixth of its time in the kernel).  The launcher gives
 * wasmtime its own linear memory (a "host memory creator") that does what wasmtime's does --
 * reserve the whole range wasmtime asks for (4 GiB plus its guard on 64-bit hosts) inaccessible,
 * make it accessible as it grows, never move it -- and then asks the kernel to allocate the
 * grown pages (or the first half of a large step, see hm_open) at once (madvise
 * MADV_POPULATE_WRITE, Linux 5.14+; where it fails the pages are faulted in as before).  The
 * memory it starts with is not pre-faulted (a small program's peak memory stays what it was).  Out-of-bounds accesses trap as before: wasmtime compiled the module
 * for that reservation and guard (its bounds checks rely on them) and treats a fault anywhere in
 * them as the program's.  Only with the wasmtime whose C layout this follows (51: the request
 * struct); built for another (or without PORTALIS_WASMTIME_MAJOR), wasmtime's own memory. */
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
#ifndef PORTALIS_WASMTIME_MAJOR
#define PORTALIS_WASMTIME_MAJOR 0
#endif
typedef struct { P ty; size_t minimum, maximum, reserved, guard; uint8_t kind; } MemRequest; /* wasmtime_memory_request_t */
typedef struct {                                                                               /* wasmtime_linear_memory_t */
    void *env;
    uint8_t *(*get_memory)(void *, size_t *, size_t *);
    P (*grow_memory)(void *, size_t);
    void (*finalizer)(void *);
} LinearMemory;
typedef struct { void *env; P (*new_memory)(void *, const MemRequest *, LinearMemory *); void (*finalizer)(void *); } MemoryCreator;
typedef struct { uint8_t *base; size_t size, cap, mapped; } HostMemory;

static uint8_t *hm_get(void *env, size_t *size, size_t *cap) {
    HostMemory *m = env;
    *size = m->size;
    *cap = m->cap;
    return m->base;
}

/* [from, to) of the reservation made accessible, and (when `populate`) its pages allocated: all
 * of a step of up to 64 KiB (the runtime's allocator takes 64 KiB at a time for small blocks),
 * the first half of a larger one.  Why half: a large step is made for one block, and a block
 * that is not filled yet is typically a growing list's or dict's, which doubles (its old
 * contents fill the first half); pre-faulting all of it would add the unfilled half to the
 * program's peak memory (json_like +11 %, wordcount +23 % measured), half adds nothing there
 * and keeps most of the gain (page faults of text_clean 62,900 -> 13,500). */
static bool hm_open(HostMemory *m, size_t from, size_t to, bool populate) {
    if (to <= from) return true;
    if (mprotect(m->base + from, to - from, PROT_READ | PROT_WRITE) != 0) return false;
    size_t n = to - from;
    if (n > 65536) n = (n / 2 + 4095) & ~(size_t)4095;
    if (populate) (void)madvise(m->base + from, n, MADV_POPULATE_WRITE); /* an optimisation only */
    return true;
}

static P hm_grow(void *env, size_t new_size) {
    HostMemory *m = env;
    if (new_size <= m->size) return NULL;
    /* wasmtime does not grow a memory that may not move past its capacity; as its own does */
    if (new_size > m->cap || !hm_open(m, m->size, new_size, true)) return W.error_new("failed to grow memory");
    m->size = new_size;
    return NULL;
}

static void hm_free(void *env) {
    HostMemory *m = env;
    munmap(m->base, m->mapped);
    free(m);
}

static P hm_new(void *env, const MemRequest *rq, LinearMemory *out) {
    (void)env;
    size_t cap = rq->reserved > rq->minimum ? rq->reserved : rq->minimum;
    if (cap > SIZE_MAX - rq->guard) return W.error_new("failed to reserve memory");
    size_t mapped = cap + rq->guard ? cap + rq->guard : 4096; /* never a null base */
    HostMemory *m = calloc(1, sizeof *m);
    if (!m) return W.error_new("failed to reserve memory");
    void *base = mmap(NULL, mapped, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) { free(m); return W.error_new("failed to reserve memory"); }
    *m = (HostMemory){base, rq->minimum, cap, mapped};
    if (!hm_open(m, 0, rq->minimum, false)) { hm_free(m); return W.error_new("failed to allocate memory"); }
    *out = (LinearMemory){m, hm_get, hm_grow, hm_free};
    return NULL;
}

static const MemoryCreator HOST_MEMORY = {NULL, hm_new, NULL};

/* ------------------------------------------------------------------ peak memory: no fault-around */

/* The launcher's peak RSS was ~10.3 MB for a hello world, ~5 MB of it libwasmtime's code pages that
 * no instruction touched: on a page fault in a file mapping Linux maps the neighbouring pages
 * already in the page cache too ("fault-around", 64 KiB windows), and the ~1.2 MB of the library's
 * code a run executes is scattered over its 19 MB.  The kernel skips fault-around in a mapping
 * registered with userfaultfd for write-protection (mm/memory.c should_fault_around), and Linux
 * 6.7+ lets any mapping be registered so with UFFD_FEATURE_WP_ASYNC: nothing is ever
 * write-protected (no UFFDIO_WRITEPROTECT) and these mappings are read-only anyway, so it changes
 * nothing but that.  So: every read-only segment of every loaded object (libwasmtime, its
 * dependencies, libc) is registered once the library is loaded; a run then maps the pages it
 * touches (hello world 10.3 -> 4.7 MB, start-up time unchanged).  The descriptor stays open for
 * the process's life (closing it unregisters; O_CLOEXEC: the Python fallback does not inherit
 * it).  Where it is not available (older kernel, userfaultfd forbidden, seccomp) nothing changes.
 * Returns the number of segments registered. */
#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC (1 << 15)
#endif
#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY 1
#endif

static int uffd = -1;

static int register_segments(struct dl_phdr_info *info, size_t size, void *count) {
    (void)size;
    if (!info->dlpi_name || !*info->dlpi_name || strncmp(info->dlpi_name, "linux-vdso", 10) == 0) return 0;
    for (int k = 0; k < info->dlpi_phnum; k++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[k];
        if (ph->p_type != PT_LOAD || (ph->p_flags & PF_W) || ph->p_memsz == 0) continue;
        uintptr_t a = (info->dlpi_addr + ph->p_vaddr) & ~(uintptr_t)4095;
        uintptr_t b = (info->dlpi_addr + ph->p_vaddr + ph->p_memsz + 4095) & ~(uintptr_t)4095;
        struct uffdio_register r;
        memset(&r, 0, sizeof r);
        r.range.start = a;
        r.range.len = b - a;
        r.mode = UFFDIO_REGISTER_MODE_WP;
        if (ioctl(uffd, UFFDIO_REGISTER, &r) == 0) ++*(int *)count;
    }
    return 0;
}

static int no_fault_around(void) {
    if (uffd < 0) {
        int fd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
        if (fd < 0) return 0;
        struct uffdio_api api;
        memset(&api, 0, sizeof api);
        api.api = UFFD_API;
        api.features = UFFD_FEATURE_WP_ASYNC;
        if (ioctl(fd, UFFDIO_API, &api) != 0 || !(api.features & UFFD_FEATURE_WP_ASYNC)) {
            close(fd);
            return 0;
        }
        uffd = fd;
    }
    int count = 0;
    dl_iterate_phdr(register_segments, &count);
    return count;
}

/* ------------------------------------------------------------------ the /bin/sh front */

/* `--front RECORD PY exec [OPTION...] MODULE [ARG...]`: `portalis exec` handed over by the
 * `portalis` command's /bin/sh front (codegen/launcher/portalis) with no Python started at all.
 * RECORD, written by an earlier `portalis-py exec` (codegen/exec_start.py, write_front_record),
 * says where this launcher, its source and the wasmtime library are; PY is the `portalis-py`
 * script beside the front.  This ports portalis.entry.exec_fast and exec_start.launcher_argv for
 * the command lines they take, more strictly still (option values are plain decimals, every
 * string is UTF-8); for any other command line, and for a record that no longer matches the
 * installation (a changed launcher source or wasmtime library), it runs PY with the same
 * arguments, which is what the front does without a record.  `--front-argv` (a test hook) prints
 * what it would run instead, one argument per line after "launcher" or "python". */

static char **front_py; /* PY exec ARG... */
static bool front_dry, from_front;

static void print_argv(const char *what, char **v) {
    printf("%s\n", what);
    for (; *v; v++) printf("%s\n", *v);
    fflush(stdout);
}

static void to_python(const char *why) {
    if (front_dry) { print_argv("python", front_py); exit(0); }
    if (why && verbose) fprintf(stderr, "portalis: exec: the record of the /bin/sh front is out of date: %s\n", why);
    execv(front_py[0], front_py);
    fprintf(stderr, "portalis: cannot run %s: %s\n", front_py[0], strerror(errno));
    exit(127);
}

/* digits with at most one '.': what Python's float() and strtod read as the same number */
static bool plain_decimal(const char *s, double *out) {
    size_t digits = 0, dots = 0, n = 0;
    for (const char *p = s; *p; p++, n++) {
        if (*p >= '0' && *p <= '9') digits++;
        else if (*p == '.' && !dots) dots++;
        else return false;
    }
    if (!digits || n > 24) return false;
    *out = strtod(s, NULL);
    return true;
}

/* strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF): what Python's
 * str.encode("utf-8") accepts of a command-line argument it decoded */
static bool utf8_ok(const char *s) {
    const uint8_t *p = (const uint8_t *)s;
    while (*p) {
        uint32_t c = *p, need, min;
        if (c < 0x80) { p++; continue; }
        if ((c & 0xE0) == 0xC0) { need = 1; min = 0x80; c &= 0x1F; }
        else if ((c & 0xF0) == 0xE0) { need = 2; min = 0x800; c &= 0x0F; }
        else if ((c & 0xF8) == 0xF0) { need = 3; min = 0x10000; c &= 0x07; }
        else return false;
        p++;
        for (uint32_t k = 0; k < need; k++, p++) {
            if ((*p & 0xC0) != 0x80) return false;
            c = (c << 6) | (*p & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    }
    return true;
}

/* one line of the record, without its newline; NULL at the end of the file */
static char *record_line(FILE *f) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, f);
    if (n <= 0) { free(line); return NULL; }
    if (line[n - 1] == '\n') line[n - 1] = 0;
    return line;
}

/* "SIZE MTIME_NS" of `path` as the record has it (Python's os.stat st_size, st_mtime_ns) */
static bool same_stat(const char *path, const char *want) {
    struct stat st;
    if (!path || !want || stat(path, &st) != 0) return false;
    char have[64];
    snprintf(have, sizeof have, "%lld %lld", (long long)st.st_size,
             (long long)st.st_mtim.tv_sec * 1000000000LL + (long long)st.st_mtim.tv_nsec);
    return strcmp(have, want) == 0;
}

static char *fmt_dup(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0) abort();
    va_end(ap);
    return s;
}

/* the launcher's own argv (see the top of this file) for this command line, or no return */
static char **front(int argc, char **argv) {
    /* argv: SELF --front[-argv] RECORD PY exec ARG... */
    if (argc < 5 || strcmp(argv[4], "exec") != 0) { fprintf(stderr, "portalis-exec: bad arguments\n"); exit(3); }
    front_dry = strcmp(argv[1], "--front-argv") == 0;
    front_py = calloc((size_t)argc, sizeof(char *));
    if (!front_py) abort();
    for (int k = 3; k < argc; k++) front_py[k - 3] = argv[k];
    const char *py = argv[3];

    /* the record: LAUNCHER, the format, BINDIR, SOURCE, its stat, LIB, its stat, LIB_COPY, CWASM_PREFIX, CWASM_SUFFIX */
    FILE *f = fopen(argv[2], "r");
    if (!f) to_python("cannot read it");
    char *rec[10];
    for (int k = 0; k < 10; k++) rec[k] = record_line(f);
    fclose(f);
    for (int k = 0; k < 10; k++) if (!rec[k]) to_python("it is incomplete");
    if (strcmp(rec[1], "portalis-front 1") != 0) to_python("another format");
    size_t nb = strlen(rec[2]);
    if (strncmp(py, rec[2], nb) != 0 || strcmp(py + nb, "/portalis-py") != 0) to_python("another installation");
    if (!same_stat(rec[3], rec[4])) to_python("the launcher's source changed");
    if (!same_stat(rec[5], rec[6])) to_python("the wasmtime library changed");

    /* entry.exec_fast: full option names before the module, values that do not start with `-`, no `--` */
    double timeout = 10.0, max_memory = 512.0; /* entry.DEFAULT_TIMEOUT_S, DEFAULT_MAX_MEMORY_MB */
    char **dirs = calloc((size_t)argc * 2, sizeof(char *));
    if (!dirs) abort();
    int ndirs = 0, i = 5;
    while (i < argc && argv[i][0] == '-') {
        char *opt = argv[i], *eq = strchr(opt, '='), *val;
        size_t optlen = eq ? (size_t)(eq - opt) : strlen(opt);
        if (eq) val = eq + 1;
        else if (i + 1 < argc) val = argv[++i];
        else to_python(NULL);
        i++;
        if (val[0] == '-') to_python(NULL);
        if (optlen == 9 && strncmp(opt, "--timeout", 9) == 0) {
            if (!plain_decimal(val, &timeout)) to_python(NULL);
        } else if (optlen == 12 && strncmp(opt, "--max-memory", 12) == 0) {
            if (!plain_decimal(val, &max_memory) || max_memory >= 1e12) to_python(NULL);
        } else if (optlen == 5 && strncmp(opt, "--dir", 5) == 0) {
            char *sep = strstr(val, "::");
            char *host = sep ? strndup(val, (size_t)(sep - val)) : val;
            char *guest = sep && sep[2] ? sep + 2 : host;
            if (!utf8_ok(host) || !utf8_ok(guest)) to_python(NULL);
            dirs[2 * ndirs] = host;
            dirs[2 * ndirs + 1] = guest;
            ndirs++;
        } else {
            to_python(NULL);
        }
    }
    if (i >= argc) to_python(NULL);
    for (int k = i; k < argc; k++) if (strcmp(argv[k], "--") == 0 || !utf8_ok(argv[k])) to_python(NULL);
    const char *module = argv[i];
    struct stat st;
    if (stat(module, &st) != 0 || !S_ISREG(st.st_mode)) to_python(NULL); /* Python says what is wrong */

    /* the program's name: os.path.splitext(os.path.basename(module))[0] + ".py" */
    const char *base = strrchr(module, '/');
    base = base ? base + 1 : module;
    const char *dot = strrchr(base, '.');
    size_t stem = strlen(base);
    if (dot) for (const char *p = base; p < dot; p++) if (*p != '.') { stem = (size_t)(dot - base); break; }
    char *name = fmt_dup("%.*s.py", (int)stem, base);

    /* exec_start.launcher_argv */
    int nargs = argc - i - 1;
    char **out = calloc((size_t)(argc * 4 + 32), sizeof(char *));
    if (!out) abort();
    int o = 0;
    out[o++] = argv[0];
    out[o++] = access(rec[7], F_OK) == 0 ? rec[7] : rec[5];
    out[o++] = (char *)module;
    out[o++] = rec[8];
    out[o++] = rec[9];
    if (timeout > 0) {
        out[o++] = fmt_dup("%.17g", timeout);
        out[o++] = fmt_dup("%g", timeout);
    } else {
        out[o++] = "-";
        out[o++] = "-";
    }
    if (max_memory > 0) {
        long long bytes = (long long)(max_memory * 1024 * 1024);
        out[o++] = fmt_dup("%lld", bytes);
        out[o++] = fmt_dup("%g MB", (double)bytes / (1024.0 * 1024.0));
    } else {
        out[o++] = "-";
        out[o++] = "-";
    }
    out[o++] = fmt_dup("%d", ndirs);
    for (int k = 0; k < 2 * ndirs; k++) out[o++] = dirs[k];
    out[o++] = fmt_dup("%d", 1 + nargs);
    out[o++] = name;
    for (int k = i + 1; k < argc; k++) out[o++] = argv[k];
    out[o++] = fmt_dup("%d", argc - 3);
    for (int k = 3; k < argc; k++) out[o++] = argv[k]; /* the fallback: PY exec ARG... */
    out[o] = NULL;
    if (front_dry) { print_argv("launcher", out); exit(0); }
    from_front = true;
    return out;
}

/* ------------------------------------------------------------------ running */

static P context;
static wasmtime_instance_t instance;

static bool export_of(const char *name, uint8_t kind, wasmtime_extern_t *out) {
    return W.instance_export_get(context, &instance, name, strlen(name), out) && out->kind == kind;
}

/* Call a function of no arguments returning one integer (wasm_exec: `fn(store)`). */
static bool call_int(const wasmtime_extern_t *fn, int64_t *out) {
    wasmtime_val_t res;
    memset(&res, 0, sizeof res);
    P trap = NULL;
    P err = W.func_call(context, &fn->of.func, NULL, 0, &res, 1, &trap);
    if (err || trap) return false;
    if (res.kind == VAL_I32) { *out = res.of.i32; return true; }
    if (res.kind == VAL_I64) { *out = res.of.i64; return true; }
    return false;
}

static char *strip_dup(const char *s) {
    const char *a = s, *b = s + strlen(s);
    while (a < b && is_space(*a)) a++;
    while (b > a && is_space(b[-1])) b--;
    return strndup(a, (size_t)(b - a));
}

int main(int argc, char **argv) {
    /* Ctrl-C goes to the watchdog (sigtimedwait), never to the guest's thread */
    sigset_t sigint;
    sigemptyset(&sigint);
    sigaddset(&sigint, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigint, NULL);
    const char *v = getenv("PORTALIS_EXEC_VERBOSE");
    verbose = v && *v && strcmp(v, "0") != 0;

    /* test hooks (tests/codegen_infra/test_infra_exec_launcher.py): the ports of wasm_exec's
     * demangle and _user_frames, one result per line */
    if (argc >= 2 && strcmp(argv[1], "--demangle") == 0) {
        for (int k = 2; k < argc; k++) printf("%s\n", demangle(argv[k]));
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "--user-frames") == 0) {
        Trap t = {0};
        t.frames = argv + 2;
        t.nframes = (size_t)(argc - 2);
        char *where[8];
        size_t nw = user_frames(&t, where, 8);
        for (size_t k = 0; k < nw; k++) printf("%s\n", where[k]);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "--sha256") == 0) {
        for (int k = 2; k < argc; k++) {
            char hex[65];
            if (!sha256_file(argv[k], hex)) { perror(argv[k]); return 1; }
            printf("%s\n", hex);
        }
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--no-fault-around") == 0) { /* how many segments no_fault_around registers */
        printf("%d\n", no_fault_around());
        return 0;
    }

    if (argc >= 2 && (strcmp(argv[1], "--front") == 0 || strcmp(argv[1], "--front-argv") == 0)) {
        argv = front(argc, argv);
        for (argc = 0; argv[argc]; argc++) {}
    }

    /* ---- arguments */
    int i = 1;
    if (argc < 12) { fprintf(stderr, "portalis-exec: bad arguments (run by `portalis exec`)\n"); return 3; }
    const char *lib = argv[i++], *module_path = argv[i++], *cwasm_prefix = argv[i++], *cwasm_suffix = argv[i++];
    const char *timeout_arg = argv[i++];
    timeout_text = argv[i++];
    const char *maxmem_arg = argv[i++];
    const char *maxmem_text = argv[i++];
    int ndirs = atoi(argv[i++]);
    if (ndirs < 0 || i + 2 * ndirs >= argc) { fprintf(stderr, "portalis-exec: bad arguments\n"); return 3; }
    char **dirs = argv + i;
    i += 2 * ndirs;
    int nargs = atoi(argv[i++]);
    if (nargs < 1 || i + nargs >= argc) { fprintf(stderr, "portalis-exec: bad arguments\n"); return 3; }
    const char **gargv = (const char **)(argv + i);
    i += nargs;
    int nfb = atoi(argv[i++]);
    if (nfb < 1 || i + nfb > argc) { fprintf(stderr, "portalis-exec: bad arguments\n"); return 3; }
    fallback_argv = calloc((size_t)nfb + 1, sizeof(char *));
    if (!fallback_argv) abort();
    for (int k = 0; k < nfb; k++) fallback_argv[k] = argv[i + k];
    if (strcmp(timeout_arg, "-") != 0) timeout_s = strtod(timeout_arg, NULL);
    int64_t max_memory = strcmp(maxmem_arg, "-") == 0 ? -1 : strtoll(maxmem_arg, NULL, 10);

    /* ---- the compiled module: wasm_exec's cache entry for this module (the Python path makes it) */
    char hex[65];
    if (!sha256_file(module_path, hex)) fallback("cannot read the module", strerror(errno));
    size_t cwasm_len = strlen(cwasm_prefix) + 64 + strlen(cwasm_suffix) + 1;
    char *cwasm = malloc(cwasm_len);
    if (!cwasm) abort();
    snprintf(cwasm, cwasm_len, "%s%s%s", cwasm_prefix, hex, cwasm_suffix);
    /* just used: the cache's pruning keeps it (codegen.cache_prune) */
    if (utimensat(AT_FDCWD, cwasm, NULL, 0) != 0 && access(cwasm, F_OK) != 0)
        fallback("the module is not compiled yet (this run compiles it)", NULL);

    /* ---- wasmtime: everything that can fail here falls back to the Python path */
    void *dl = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    if (!dl) fallback("cannot load the wasmtime library", dlerror());
    no_fault_around();
    for (size_t k = 0; k < sizeof SYMBOLS / sizeof SYMBOLS[0]; k++) {
        void *f = dlsym(dl, SYMBOLS[k].name);
        if (!f) fallback("the wasmtime library lacks a function", SYMBOLS[k].name);
        memcpy((char *)&W + SYMBOLS[k].off, &f, sizeof f);
    }
    P config = W.config_new();
    W.config_memory_may_move_set(config, false); /* = wasm_exec.get_engine("exit") */
    W.config_max_wasm_stack_set(config, WASM_STACK);
    if (PORTALIS_WASMTIME_MAJOR == 51) { /* the launcher's linear memory (HOST_MEMORY), where the library has it */
        void *set = dlsym(dl, "wasmtime_config_host_memory_creator_set"), *error_new = dlsym(dl, "wasmtime_error_new");
        memcpy(&W.config_host_memory_creator_set, &set, sizeof set);
        memcpy(&W.error_new, &error_new, sizeof error_new);
        if (W.config_host_memory_creator_set && W.error_new) W.config_host_memory_creator_set(config, &HOST_MEMORY);
    }
    P engine = W.engine_new_with_config(config);
    if (!engine) fallback("cannot create the wasmtime engine", NULL);
    P module = NULL;
    P err = W.module_deserialize_file(engine, cwasm, &module);
    if (err) { size_t n; fallback("the compiled module does not load", error_text(err, &n)); }
    P linker = W.linker_new(engine);
    if ((err = W.linker_define_wasi(linker))) { size_t n; fallback("cannot define WASI", error_text(err, &n)); }
    P store = W.store_new(engine, NULL, NULL);
    context = W.store_context(store);
    if (max_memory >= 0) W.store_limiter(store, max_memory, -1, -1, -1, -1);
    P wasi = W.wasi_config_new();
    if (!W.wasi_config_set_argv(wasi, (size_t)nargs, gargv)) fallback("cannot set argv", NULL);
    for (int k = 0; k < ndirs; k++)
        if (!W.wasi_config_preopen_dir(wasi, dirs[2 * k], dirs[2 * k + 1], true))
            fallback("cannot preopen a directory", dirs[2 * k]);
    W.wasi_config_inherit_stdin(wasi);
    W.wasi_config_inherit_stdout(wasi);
    W.wasi_config_inherit_stderr(wasi);
    if ((err = W.context_set_wasi(context, wasi))) { size_t n; fallback("cannot set up WASI", error_text(err, &n)); }
    if (verbose) fprintf(stderr, "portalis: exec: running in the native launcher%s\n",
                         from_front ? " (from the /bin/sh front: no Python started)" : "");

    /* ---- the run (wasm_exec.run_wasm) */
    t0 = now_s();
    pthread_t wd;
    if (pthread_create(&wd, NULL, watchdog, &sigint) != 0) fallback("cannot start the watchdog thread", NULL);
    int exit_code = 0;
    P trap = NULL;
    char *other_error = NULL;
    bool instantiated = false;
    err = W.linker_instantiate(linker, context, module, &instance, &trap);
    if (!err && !trap) {
        instantiated = true;
        wasmtime_extern_t fn, mem;
        int64_t addr;
        if (export_of("portalis_stdout_buffer", EXTERN_FUNC, &fn) && export_of("memory", EXTERN_MEMORY, &mem) &&
            call_int(&fn, &addr)) {
            uint8_t *base = W.memory_data(context, &mem.of.memory);
            size_t mem_len = W.memory_data_size(context, &mem.of.memory);
            if (base && addr > 0 && (uint64_t)addr + OB_DATA <= mem_len) {
                outbuf_room = mem_len - (size_t)addr;
                uint8_t *ob = base + addr;
                __atomic_store_n(&outbuf, ob, __ATOMIC_RELEASE);
                if (isatty(1)) __atomic_store_n((uint32_t *)(void *)(ob + OB_LINE), 1u, __ATOMIC_RELEASE);
            }
        }
        wasmtime_extern_t start;
        if (!export_of("_start", EXTERN_FUNC, &start)) {
            other_error = strdup("the module has no `_start` export (not a WASI command module)");
        } else {
            err = W.func_call(context, &start.of.func, NULL, 0, NULL, 0, &trap);
        }
    }
    if (err) {
        int status;
        if (W.error_exit_status(err, &status)) {
            exit_code = status;
            int64_t real;
            wasmtime_extern_t fn;
            if (exit_code == 125 && instantiated && export_of("portalis_exit_status", EXTERN_FUNC, &fn) &&
                call_int(&fn, &real) && real >= 0 && real <= 255)
                exit_code = (int)real;
        } else {
            size_t n;
            other_error = error_text(err, &n);
        }
    }
    __atomic_store_n(&done, 1, __ATOMIC_RELEASE);

    Buf message = {0};
    if (trap) {
        Trap t = trap_info(trap);
        uint8_t *ob = outbuf;
        if (ob) { /* the guest stopped between flushes: what it printed is still in its buffer */
            size_t n;
            char *data = pending(ob, 0.0, &n);
            if (n) write_all(1, data, n);
        }
        bool oom = false;
        static const char *markers[] = {"alloc_error", "rust_oom", "__rdl_oom", "handle_alloc_error"};
        for (size_t k = 0; k < t.nframes; k++)
            for (size_t m = 0; m < 4; m++) if (strstr(t.frames[k], markers[m])) oom = true;
        if (t.code == TRAP_INTERRUPT) {
            exit_code = 124;
            buf_fmt(&message, "portalis: time limit exceeded: the program ran for more than %s s and was stopped "
                              "(raise the limit with --timeout SECONDS)", timeout_text);
        } else if (oom && max_memory >= 0) {
            exit_code = 137;
            buf_str(&message, "portalis: memory limit exceeded: the program needed more than ");
            buf_str(&message, maxmem_text);
            buf_str(&message, " (raise the limit with --max-memory MB)");
        } else {
            exit_code = 134;
            char *where[8];
            size_t nw = user_frames(&t, where, 8);
            if (nw == 0) for (; nw < t.nframes && nw < 8; nw++) where[nw] = t.frames[nw];
            buf_str(&message, "portalis: the program crashed: ");
            buf_str(&message, t.message);
            if (t.code == TRAP_STACK_OVERFLOW) buf_str(&message, " (stack overflow: recursion too deep?)");
            else if (t.code == TRAP_MEMORY_OUT_OF_BOUNDS)
                buf_str(&message, " (the stack in linear memory overflowed: recursion too deep?)");
            else if (t.code == TRAP_UNREACHABLE) buf_str(&message, " (a Rust panic or abort; see the message above)");
            for (size_t k = 0; k < nw; k++) {
                buf_str(&message, k == 0 ? "\n  in " : "\n  called from ");
                buf_str(&message, where[k]);
            }
        }
    } else if (other_error) {
        char *stripped = strip_dup(other_error);
        char *first = *stripped ? strndup(stripped, strcspn(stripped, "\r\n")) : strdup("error");
        if (strstr(other_error, "exceeds memory limits") && max_memory >= 0) {
            exit_code = 137;
            buf_str(&message, "portalis: memory limit exceeded: the program needs more than ");
            buf_str(&message, maxmem_text);
            buf_str(&message, " just to start (");
            buf_str(&message, first);
            buf_str(&message, ") (raise the limit with --max-memory MB)");
        } else {
            exit_code = 134;
            buf_str(&message, "portalis: cannot run the module: ");
            buf_str(&message, stripped);
        }
    }
    if (message.n) {
        buf_str(&message, "\n");
        write_all(2, message.s, message.n);
    }
    _exit(exit_code & 0xff);
}
