# kernel: a web-log report with collections: Counter of status codes, paths and clients,
# defaultdict(list) of latencies per path, most_common, per-path percentiles

from collections import Counter, defaultdict

PATHS = ["/", "/login", "/search", "/cart", "/checkout", "/api/items", "/api/user", "/static/app.js",
         "/static/site.css", "/help"]
METHODS = ["GET", "GET", "GET", "POST"]
STATUSES = [200, 200, 200, 200, 200, 301, 304, 404, 500]


def make_log(n: int) -> list[str]:
    lines: list[str] = []
    x = 2024
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        ip = f"10.0.{(x // 7) % 16}.{x % 250}"
        path = PATHS[(x // 1024) % 10]
        method = METHODS[(x // 64) % 4]
        status = STATUSES[(x // 32768) % 9]
        ms = (x // 4096) % 900 + 1
        lines.append(f"{ip} - - [05/Dec/2026:10:{i % 60:02d}:00] \"{method} {path} HTTP/1.1\" {status} {ms}")
    return lines


def main() -> None:
    lines = make_log(1500000)
    statuses: Counter[int] = Counter()
    paths: Counter[str] = Counter()
    clients: Counter[str] = Counter()
    latency: defaultdict[str, list[int]] = defaultdict(list)
    errors_by_path: defaultdict[str, int] = defaultdict(int)
    for line in lines:
        ip, rest = line.split(" - - ", 1)
        request = rest.split('"')[1]
        method, path, _ = request.split(" ")
        status_s, ms_s = rest.rsplit(" ", 2)[1:]
        status = int(status_s)
        statuses[status] += 1
        paths[f"{method} {path}"] += 1
        clients[ip] += 1
        latency[path].append(int(ms_s))
        if status >= 500:
            errors_by_path[path] += 1
    print(f"{len(lines)} requests, {len(clients)} clients, {statuses.total()} counted")
    print("statuses", statuses.most_common())
    print("top paths", paths.most_common(3))
    print("top clients", clients.most_common(2))
    for path in sorted(latency):
        ms = sorted(latency[path])
        p50 = ms[len(ms) // 2]
        p99 = ms[len(ms) * 99 // 100]
        print(f"{path:<18} n={len(ms):6d} p50={p50:4d} p99={p99:4d} errors={errors_by_path[path]}")


if __name__ == "__main__":
    main()
