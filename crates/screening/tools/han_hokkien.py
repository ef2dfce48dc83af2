"""Writes src/han_hokkien.txt: the Hokkien readings of the Han characters names are written with,
in the spelling Singapore and Malaysia register names in, one character a line, its readings after
it apart by semicolons (成chia;sia;seng).

    python3 -m venv /tmp/v && /tmp/v/bin/pip install taibun==1.1.8
    /tmp/v/bin/python crates/screening/tools/han_hokkien.py

Characters: those of src/han_readings.txt; a simplified character is read as its traditional
forms are (src/han_simplified.txt read backwards). Readings: taibun 1.1.8 (MIT licence; its
data, from the Ministry of Education's Taiwanese dictionary and iTaigi via ChhoeTaigi, is under
CC BY-SA 4.0), every reading it gives a character, literary and colloquial, in Tâi-lô, without
tones; where it gives a Zhangzhou and a Quanzhou form (kenn/kinn) both, the Quanzhou one first,
as Singapore's Hokkien is Quanzhou-leaning. Written as Singapore and Malaysia write names:

- initials: ph p → p, th t → t, kh k → k, tsh ts → ch (the others as written);
- finals: the nasal nn is dropped (kinn Kee, tiunn Teo), oo → o (Goh), ing → eng (Eng, Seng),
  ik → ek (Teck), the others as written; a final glottal stop stays h (toh).

The other habits of those spellings (ee for i, oo for u, ck for k, h after an open vowel as in
Kah and Poh, ay for e, ye for ai, ew and iew for iu, wee for ui, eo for io, w and y for u and i
beginning a syllable) are not written here: the key on which the spellings meet
(`hokkien_key` in src/romanize.rs) reads them alike. Teochew is not covered: no maintained
package of Teochew character readings was found.
"""

import pathlib
import unicodedata

from taibun import taibun

INITIALS = [("tsh", "ch"), ("ts", "ch"), ("ph", "p"), ("th", "t"), ("kh", "k")]


def toneless(s: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return s.lower().strip()


def spelling(tl: str) -> str:
    s = toneless(tl)
    for a, b in INITIALS:
        if s.startswith(a):
            s = b + s[len(a):]
            break
    s = s.replace("nn", "") if s not in ("nn",) else s
    # The Quanzhou vowel ir is i in these spellings.
    s = s.replace("ir", "i")
    s = s.replace("oo", "o")
    if s.endswith("ing"):
        s = s[:-3] + "eng"
    elif s.endswith("ik"):
        s = s[:-2] + "ek"
    return s


def main() -> None:
    here = pathlib.Path(__file__).resolve().parent.parent / "src"
    chars = [line[0] for line in (here / "han_readings.txt").read_text(encoding="utf-8").splitlines()
             if line]
    traditional: dict[str, list[str]] = {}
    for line in (here / "han_simplified.txt").read_text(encoding="utf-8").splitlines():
        if len(line) == 2:
            traditional.setdefault(line[1], []).append(line[0])
    prons = taibun.prons_dict
    lines = []
    for ch in chars:
        out: list[str] = []
        for form in [ch] + traditional.get(ch, []):
            for p in prons.get(form, []):
                # Zhangzhou/Quanzhou: the Quanzhou form first.
                for v in reversed(p.split("/")):
                    s = spelling(v)
                    if s and s.isascii() and s.isalpha() and s not in out:
                        out.append(s)
        if out:
            lines.append(ch + ";".join(out))
    path = here / "han_hokkien.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} characters written to {path}")


if __name__ == "__main__":
    main()
