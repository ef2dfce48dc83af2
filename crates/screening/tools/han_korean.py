"""Writes src/han_korean.txt: the Korean (Sino-Korean) readings of the Han characters names are
written with, one character a line, its readings in Hangul after it, apart by commas.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install hanja==0.15.1
    /tmp/v/bin/python crates/screening/tools/han_korean.py

Readings: the table of the `hanja` package (Sumin Byeon, WTFPL), one reading a character, as
dictionaries give it (李 리, 龍 룡). Where the reading begins with ㄹ or with ㄴ before i or y,
South Korea writes it otherwise at the start of a word (the initial-sound rule: 李 이, 龍 용,
盧 노, 女 여), the North as read: both are given, the dictionary's first. Characters: those of
han_readings.txt (the characters of names, traditional and simplified); a simplified character
the table lacks takes the readings of its traditional forms (han_simplified.txt), as the
Chinese press writes Korean names in simplified characters (崔贤哲).
"""

import pathlib
import re

import hanja

SRC = pathlib.Path(__file__).resolve().parent.parent / "src"


def table() -> dict[str, str]:
    path = pathlib.Path(hanja.__file__).parent / "table.yml"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r'"(.*)": "(.*)"', line.strip())
        if m:
            k = m.group(1).encode().decode("unicode_escape")
            v = m.group(2).encode().decode("unicode_escape")
            if len(k) == 1 and len(v) == 1 and 0xAC00 <= ord(v) <= 0xD7A3:
                out[k] = v
    return out


def initial_sound(h: str) -> str | None:
    """The reading at the start of a word under South Korea's initial-sound rule, if other."""
    s = ord(h) - 0xAC00
    i, m, f = s // 588, (s // 28) % 21, s % 28
    # Medials i and y-: ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ (and ㅒ).
    iy = m in (2, 3, 6, 7, 12, 17, 20)
    if i == 5:  # ㄹ: before i/y dropped (ㅇ), else ㄴ
        i = 11 if iy else 2
    elif i == 2 and iy:  # ㄴ before i/y: dropped
        i = 11
    else:
        return None
    return chr(0xAC00 + i * 588 + m * 28 + f)


def main() -> None:
    t = table()
    chars = []
    for line in (SRC / "han_readings.txt").read_text(encoding="utf-8").splitlines():
        if line:
            chars.append(line[0])
    traditional: dict[str, list[str]] = {}
    for line in (SRC / "han_simplified.txt").read_text(encoding="utf-8").splitlines():
        if len(line) >= 2:
            traditional.setdefault(line[1], []).append(line[0])
    lines = []
    for c in chars:
        base = [t[c]] if c in t else [t[x] for x in traditional.get(c, []) if x in t]
        rs: list[str] = []
        for r in base:
            for x in (r, initial_sound(r)):
                if x and x not in rs:
                    rs.append(x)
        if rs:
            lines.append(c + ",".join(rs))
    (SRC / "han_korean.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(len(lines), "characters")


if __name__ == "__main__":
    main()
