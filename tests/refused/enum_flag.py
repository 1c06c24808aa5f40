# expect: unsupported-enum @ 2
from enum import Flag


class Perm(Flag):
    R = 4
    W = 2
