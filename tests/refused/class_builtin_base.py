# expect: unsupported-class @ 2
class Registry(dict):
    pass
