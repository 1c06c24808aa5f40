"""NamedTuple fields that may be None (defaults None), printed inside repr, tested before use."""
from typing import NamedTuple, Optional


class Contact(NamedTuple):
    name: str
    email: Optional[str] = None
    phone: str | None = None
    age: int = 0


def reach(c: Contact) -> str:
    if c.email is not None:
        return "mail " + c.email.lower()
    if c.phone is not None:
        return "call " + c.phone
    return "no way to reach " + c.name


def main() -> None:
    people = [Contact("Ann", "ANN@EXAMPLE.ORG"), Contact("Bob", phone="555-0100", age=41), Contact("Cy")]
    for p in people:
        print(p)
        print("  ", reach(p))
    updated = people[2]._replace(email="cy@example.org")
    print(updated, reach(updated))
    with_phone = [p.name for p in people if p.phone]
    print(with_phone, people[0] == Contact("Ann", "ANN@EXAMPLE.ORG", None, 0))
    ages = {p.name: p.age for p in people}
    print(ages, sorted(people, key=lambda p: p.age))


main()
