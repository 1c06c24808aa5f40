# str case methods on Greek, combining marks and expanding mappings: CPython's final-sigma rule
# (Σ -> ς at the end of a word, looking past case-ignorable characters such as accents and
# apostrophes) and its Unicode 14 tables.
WORDS = ["ΟΔΥΣΣΕΥΣ", "ΣΑΣ ΣΟΦΟΣ", "ΑΣ\u0301", "ΑΣ'", "Σ", "ΑΣ.Β", "ΌΣΟΣ, ΤΌΣΟΣ!", "straße", "ǆemal", "ﬁnal ﬂow",
         "İstanbul", "ΣΣΣ", "aΣ\u0345b", "ΑΣ\u200dΒ", "1Σ", "ʰΣ"]

for w in WORDS:
    print(repr(w.lower()), repr(w.upper()), repr(w.title()), repr(w.capitalize()), repr(w.swapcase()))
    print(w.isupper(), w.islower(), w.istitle())
