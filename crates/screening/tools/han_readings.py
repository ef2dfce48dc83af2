"""Writes src/han_readings.txt: the Mandarin readings of the Han characters names are written
with, one character a line, its readings (without tones) after it, the usual one first.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install pypinyin==0.55.0 pypinyin-dict==0.9.0
    /tmp/v/bin/python crates/screening/tools/han_readings.py

Characters: the 8,105 of the General Standard Chinese Characters table (2013), which holds the
characters of personal names in use on the mainland, and the 5,401 common characters of Big5
(Taiwan and Hong Kong). Readings of the standard table's characters: Unihan's kMandarin (the
customary reading) first, then those of the Tongyong Guifan Hanzi Zidian (kTGHZ2013) and the
Xiandai Hanyu Cidian (kXHC1983); of Big5's other characters (traditional forms), the first two
of pinyin-data's. ü is written u (as passports and most lists drop the diaeresis), and lü/nü
also lyu/nyu (as Chinese passports write them).
"""

import pathlib
import unicodedata

from pypinyin import pinyin_dict
from pypinyin_dict.pinyin_data import kmandarin_8105, ktghz2013, kxhc1983


def toneless(p: str) -> str:
    # The tone marks go, the diaeresis of ü stays.
    s = "".join(
        c
        for c in unicodedata.normalize("NFD", p)
        if not unicodedata.combining(c) or c == "\u0308"
    )
    return unicodedata.normalize("NFC", s).lower()


def spellings(p: str) -> list[str]:
    s = toneless(p)
    out = [s.replace("ü", "u").replace("v", "u")]
    if s in ("lü", "nü", "lv", "nv"):
        out.append(s[0] + "yu")
    return out


def readings(sources, cp: int, limit: int) -> list[str]:
    """The first `limit` distinct readings in the sources' order, each in its spellings."""
    seen: list[str] = []
    for src in sources:
        for p in src.get(cp, "").split(","):
            p = toneless(p.strip())
            if p and p not in seen and len(seen) < limit:
                seen.append(p)
    out: list[str] = []
    for p in seen:
        for s in spellings(p):
            if s not in out:
                out.append(s)
    return out


def big5_common() -> list[int]:
    out = []
    for hi in range(0xA4, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                ch = bytes([hi, lo]).decode("big5")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and unicodedata.category(ch) == "Lo":
                out.append(ord(ch))
    return out


def main() -> None:
    std = kmandarin_8105.pinyin_dict
    table: dict[int, list[str]] = {}
    for cp in std:
        r = readings([std, ktghz2013.pinyin_dict, kxhc1983.pinyin_dict], cp, 9)
        if r:
            table[cp] = r
    for cp in big5_common():
        if cp in table:
            continue
        r = readings([pinyin_dict.pinyin_dict], cp, 2)
        if r:
            table[cp] = r
    out = pathlib.Path(__file__).resolve().parent.parent / "src" / "han_readings.txt"
    lines = [f"{chr(cp)}{','.join(r)}" for cp, r in sorted(table.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} characters written to {out}")


if __name__ == "__main__":
    main()
