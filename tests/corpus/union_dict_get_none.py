settings: dict[str, object] = {"timeout": None, "retries": 3, "name": "svc"}
for key in ["timeout", "retries", "missing", "name"]:
    v = settings.get(key)
    if v is None:
        print(key, "-> None")
    else:
        print(key, "->", v)
    print(settings.get(key) is not None, settings.get(key, "dflt"))
popped = settings.pop("timeout", 0)
print(popped is None, popped, settings)
