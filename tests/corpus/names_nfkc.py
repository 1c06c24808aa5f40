# PEP 3131: identifiers are NFKC-normalised, so these spellings are one name each
µ = 5
print(μ)
ﬁle = "ligature"
print(file)
ｘ = 3
def ｆ(ａ: int) -> int:
    return a * x
print(f(2), ｆ(3))
def g() -> None:
    global µ
    μ = 7
g()
print(µ, μ)
ℌ = 1
H = 2
print(ℌ, H)
