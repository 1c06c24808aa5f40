# f-string = specifier keeps the spaces of the source
def main() -> None:
    x: int = 5
    name = "ab"
    print(f"{x = }", f"{ x=}", f"{x=   }", f"{x+1=}", f"{ name  =  !s}", f"{x = :>4}")


main()
