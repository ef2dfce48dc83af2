"""Writes src/han_simplified.txt: each traditional Han character whose simplified form differs,
followed by that form, one pair a line, so that a name written in traditional characters (a
Taiwan or Hong Kong record, many lists) and the same name in simplified ones (a mainland
passport) compare equal in the original script.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install opencc-python-reimplemented==0.1.7
    /tmp/v/bin/python crates/screening/tools/han_simplified.py

The pairs are OpenCC's character table (TSCharacters.txt, Apache License 2.0). Where OpenCC
gives several simplified forms the first, its usual one, is kept; a character whose first form
is itself is left out.
"""

import pathlib

import opencc

table = pathlib.Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
pairs = []
for line in table.read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    traditional, simplified = line.split("\t")
    first = simplified.split()[0]
    if len(traditional) == 1 and len(first) == 1 and first != traditional:
        pairs.append(traditional + first)
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "han_simplified.txt"
out.write_text("".join(p + "\n" for p in sorted(set(pairs))), encoding="utf-8")
print(f"{len(pairs)} pairs written to {out}")
