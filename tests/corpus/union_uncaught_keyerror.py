settings: dict[str, object] = {"depth": 3, "name": "deep", "ratio": 0.5}
for key in ["depth", "name", "ratio"]:
    print(key, settings[key])
print("next", settings["missing"])
print("not reached")
