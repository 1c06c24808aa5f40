# expect: unsupported-class @ 5
class Meta:
    pass

class Thing(metaclass=Meta):
    pass
