# set comparison operators: subset and superset, strict and not
a = {1, 2}
b = {1, 2, 3}
c = {2, 1}
print(a <= b, a < b, b > a, b >= a, a < c, a <= c, c >= a, a > c, b < a, {1} < b < {1, 2, 3, 4})
print(set() < a, a == c, a != b)
