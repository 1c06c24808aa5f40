# corpus: classes: dataclass records managed by a plain class (dicts of lists of objects), loans and returns mutate shared Book objects
from dataclasses import dataclass, field


@dataclass
class Book:
    isbn: str
    title: str
    copies: int = 1
    on_loan: int = 0

    def available(self) -> int:
        return self.copies - self.on_loan


@dataclass
class Member:
    name: str
    books: list[Book] = field(default_factory=list)
    fines: float = 0.0


class Library:
    def __init__(self) -> None:
        self.catalog: dict[str, Book] = {}
        self.members: dict[str, Member] = {}

    def add(self, isbn: str, title: str, copies: int) -> None:
        if isbn in self.catalog:
            self.catalog[isbn].copies += copies
        else:
            self.catalog[isbn] = Book(isbn, title, copies)

    def lend(self, who: str, isbn: str) -> str:
        if isbn not in self.catalog:
            return f"{isbn}: no such book"
        book = self.catalog[isbn]
        if book.available() == 0:
            return f"{book.title}: none left"
        m = self.members.setdefault(who, Member(who))
        m.books.append(book)
        book.on_loan += 1
        return f"{who} borrows {book.title}"

    def give_back(self, who: str, isbn: str, days_late: int) -> None:
        m = self.members[who]
        for b in m.books:
            if b.isbn == isbn:
                m.books.remove(b)
                b.on_loan -= 1
                m.fines += 0.25 * days_late
                return
        raise KeyError(isbn)


def main() -> None:
    lib = Library()
    lib.add("111", "Dune", 2)
    lib.add("222", "Emma", 1)
    lib.add("111", "Dune", 1)
    for who, isbn in [("ann", "111"), ("bob", "111"), ("cy", "222"), ("dee", "222"), ("ann", "333"), ("eve", "111"), ("fay", "111")]:
        print(lib.lend(who, isbn))
    lib.give_back("ann", "111", 3)
    lib.give_back("cy", "222", 0)
    try:
        lib.give_back("bob", "999", 1)
    except KeyError as e:
        print("not borrowed:", e)
    print(lib.catalog["111"], lib.catalog["222"].available())
    for m in lib.members.values():
        print(m.name, [b.title for b in m.books], m.fines)
    print(lib.members["bob"])


main()
