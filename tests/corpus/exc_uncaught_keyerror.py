# corpus: exc: module-level script, config lookups with .get and in, then an uncaught KeyError (exit 1)
CONFIG: dict[str, str] = {"host": "localhost", "port": "8080", "mode": "dev"}
REQUIRED = ["host", "port", "mode"]
DEFAULTS: dict[str, str] = {"timeout": "30", "retries": "3", "host": "0.0.0.0"}

for key in REQUIRED:
    print(f"{key:<6} = {CONFIG[key]}")
merged: dict[str, str] = {}
merged.update(DEFAULTS)
merged.update(CONFIG)
print("merged:", merged)
print("timeout (default):", CONFIG.get("timeout", "30"))
print("has user:", "user" in CONFIG)
port = int(CONFIG["port"])
print("next port:", port + 1)
CONFIG["user"] = "admin"
del CONFIG["mode"]
print("keys now:", list(CONFIG.keys()))
print("popped:", CONFIG.pop("user"), "left:", len(CONFIG))
print("about to read a key that was deleted")
print("mode is", CONFIG["mode"])
print("unreachable")
