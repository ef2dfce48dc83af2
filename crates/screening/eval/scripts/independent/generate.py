#!/usr/bin/env python3
"""An independent multi-script evaluation set: name tables and romanizers of its own.

Same shape as `../generate.py` (so `eval_scripts independent` runs it), but nothing is shared
with it: every given name and family name below is outside that generator's tables, and the
romanizations are produced here by rule from the published schemes:

* Korean: Revised Romanization (syllable by syllable in given names, as the RR rules for
  personal names say), McCune–Reischauer (with breves and apostrophes, and the plain form
  without them), the DPRK's 1992 national system (aspirates kh/th/ph, syllables written apart),
  and South Korean passport spellings (Yoo, Joo, Hyun, Soo …) in Western order;
* Chinese: Hanyu Pinyin (with the apostrophe before a syllable that begins with a, o, e),
  Wade–Giles (apostrophes for aspirates, ü, ih/u, -ieh, -ien, -ung …), the Taiwan passport
  habit (Wade–Giles without marks, hyphenated given name), Hong Kong (Cantonese) surname
  spellings;
* Arabic and Persian: the common passport and press spellings carried in the tables (Levantine,
  Gulf, Egyptian g, Maghreb French ou/ch/dj; Persian gh/q, ou/u, -zadeh/-nejad);
* Russian: BGN/PCGN, ICAO Doc 9303 (Russian passports), German (Duden) and French
  transcription, with patronymics in the list and the original;
* Ukrainian: the national system of 2010 (KMU 55), the older passport habit (y for й, ya/yu/ye
  everywhere), German transcription of Ukrainian, and the Russian reading of the name (BGN).

Listed persons are written twice: `list_latin.jsonl` ("FAMILY, Given" in one romanization, as
OFAC's CSV) and `list_orig.jsonl` (the same with the original-script name as an alias).
Probes (`queries.jsonl`): each listed person written the other ways, and same-culture namesakes
(another listed person's given name with this family name, or this given name with another
family name of the table), in Latin and original script, which are not listed. A namesake is
only drawn when its differing part is spelled differently in every scheme (王/黄 are both
"Wong" in Hong Kong, so they are never namesakes of each other).

Deterministic: `python3 generate.py [SEED [DIR]]` (default seed 2026120621, this folder).
"""
import json
import os
import random
import sys
import unicodedata

R = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 2026120621)
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
PER_SCRIPT = 60


def strip_marks(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def cap(s):
    return s[:1].upper() + s[1:]


# --- Korean -------------------------------------------------------------------------------
# Jamo order of the Unicode Hangul syllable block.
# initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
# medials:  ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
RR_I = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
RR_V = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
        "yu", "eu", "ui", "i"]
# Final consonant as pronounced at the end of a syllable (the 7 representative codas).
CODA = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
        "ng", "t", "t", "k", "t", "p", "t"]
MR_I = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"]
MR_V = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu",
        "ŭ", "ŭi", "i"]
DPRK_I = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h"]
VOICE = {"k": "g", "t": "d", "p": "b", "ch": "j"}


def jamo(c):
    s = ord(c) - 0xAC00
    return s // 588, (s // 28) % 21, s % 28


def rr_syllables(word):
    return [RR_I[i] + RR_V[v] + CODA[f] for i, v, f in map(jamo, word)]


def mr_syllables(word, dprk=False):
    out, prev = [], None
    for k, (i, v, f) in enumerate(map(jamo, word)):
        ini = (DPRK_I if dprk else MR_I)[i]
        vowel = MR_V[v]
        if dprk:
            vowel = strip_marks(vowel)
        # Plain stops are voiced after a vowel or a voiced coda inside the name.
        if k > 0 and ini in VOICE and prev in ("", "n", "m", "ng", "l"):
            ini = VOICE[ini]
        if ini == "s" and vowel in ("i", "wi") and not dprk:
            ini = "sh"  # MR: ㅅ before i and wi
        if i == 5 and k > 0 and prev in ("n", "l"):
            ini = "l"
        out.append(ini + vowel + CODA[f])
        prev = CODA[f]
    return out


KO_SURNAMES = [  # hangul, RR, MR, DPRK, common passport spelling
    ("유", "Yu", "Yu", "Ryu", "Yoo"), ("구", "Gu", "Ku", "Ku", "Koo"), ("민", "Min", "Min", "Min", "Min"),
    ("양", "Yang", "Yang", "Ryang", "Yang"), ("나", "Na", "Na", "Ra", "Nah"), ("심", "Sim", "Sim", "Sim", "Shim"),
    ("엄", "Eom", "Ŏm", "Om", "Um"), ("채", "Chae", "Ch'ae", "Chae", "Chae"), ("천", "Cheon", "Ch'ŏn", "Chon", "Chun"),
    ("방", "Bang", "Pang", "Pang", "Bang"), ("공", "Gong", "Kong", "Kong", "Kong"),
    ("현", "Hyeon", "Hyŏn", "Hyon", "Hyun"), ("함", "Ham", "Ham", "Ham", "Hahm"),
    ("변", "Byeon", "Pyŏn", "Pyon", "Byun"), ("염", "Yeom", "Yŏm", "Ryom", "Yum"), ("추", "Chu", "Ch'u", "Chu", "Choo"),
    ("도", "Do", "To", "To", "Doh"), ("석", "Seok", "Sŏk", "Sok", "Suk"), ("설", "Seol", "Sŏl", "Sol", "Sul"),
    ("마", "Ma", "Ma", "Ma", "Mah"), ("길", "Gil", "Kil", "Kil", "Kil"), ("표", "Pyo", "P'yo", "Phyo", "Pyo"),
    ("기", "Gi", "Ki", "Ki", "Ki"), ("반", "Ban", "Pan", "Pan", "Bahn"), ("금", "Geum", "Kŭm", "Kum", "Keum"),
    ("육", "Yuk", "Yuk", "Ryuk", "Yook"), ("맹", "Maeng", "Maeng", "Maeng", "Maeng"), ("탁", "Tak", "T'ak", "Thak", "Tak"),
    ("어", "Eo", "Ŏ", "O", "Uh"), ("편", "Pyeon", "P'yŏn", "Phyon", "Pyun"), ("봉", "Bong", "Pong", "Pong", "Bong"),
    ("선우", "Seonu", "Sŏnu", "Sonu", "Sunwoo"), ("제갈", "Jegal", "Chegal", "Jegal", "Jekal"),
    ("독고", "Dokgo", "Tokko", "Tokko", "Dokko"), ("사공", "Sagong", "Sagong", "Sagong", "Sakong"),
]
KO_GIVEN = [  # hangul syllable, common passport spelling
    ("지", "ji"), ("연", "yeon"), ("서", "seo"), ("윤", "yoon"), ("하", "ha"), ("재", "jae"), ("도", "do"),
    ("시", "si"), ("유", "yoo"), ("아", "ah"), ("예", "ye"), ("빈", "bin"), ("규", "kyu"), ("훈", "hoon"),
    ("환", "hwan"), ("승", "seung"), ("창", "chang"), ("형", "hyung"), ("근", "keun"), ("찬", "chan"), ("택", "taek"),
    ("범", "bum"), ("순", "soon"), ("옥", "ok"), ("숙", "sook"), ("화", "hwa"), ("식", "sik"), ("기", "ki"),
    ("만", "man"), ("병", "byung"), ("덕", "duk"), ("종", "jong"), ("인", "in"), ("섭", "sub"), ("완", "wan"),
    ("탁", "tak"), ("필", "pil"), ("표", "pyo"), ("채", "chae"),
]
KO_GIVEN_PASSPORT = dict(KO_GIVEN)


def ko_render(fam, given, scheme):
    """fam: a KO_SURNAMES row; given: hangul given name. Returns (family, given) strings."""
    if scheme == "rr":
        return fam[1], cap("".join(rr_syllables(given)))
    if scheme == "rr-hyphen":
        return fam[1], cap("-".join(rr_syllables(given)))
    if scheme == "mr":
        return fam[2], cap("-".join(mr_syllables(given)))
    if scheme == "mr-plain":
        return strip_marks(fam[2]).replace("'", ""), cap("-".join(mr_syllables(given))).replace("'", "").translate(
            str.maketrans("ŏŭŎŬ", "ouOU"))
    if scheme == "dprk":
        return fam[3], " ".join(cap(s) for s in mr_syllables(given, dprk=True))
    if scheme == "passport":
        syl = [KO_GIVEN_PASSPORT[c] for c in given]
        return fam[4], cap("-".join(syl))
    raise ValueError(scheme)


def korean_person():
    fam = R.choice(KO_SURNAMES)
    given = "".join(x[0] for x in R.sample(KO_GIVEN, 2))
    list_scheme = R.choice(["dprk", "rr"])
    lf, lg = ko_render(fam, given, list_scheme)
    forms = {}
    for scheme in ["rr", "rr-hyphen", "mr", "mr-plain", "dprk"]:
        if scheme == list_scheme:
            continue
        f, g = ko_render(fam, given, scheme)
        forms[scheme] = f"{f} {g}"
    f, g = ko_render(fam, given, "passport")
    forms["passport-western-order"] = f"{g} {f}"
    forms["passport-caps"] = f"{f.upper()} {g.replace('-', '').upper()}"

    def namesake(other_given=None, other_fam=None):
        fm, gv = other_fam or fam, other_given or given
        a, b = ko_render(fm, gv, list_scheme)
        return f"{a} {b}", fm[0] + gv

    return {
        "orig": fam[0] + given,
        "list": f"{lf.upper()}, {lg}",
        "forms": forms,
        "given_key": given,
        "family_key": fam[0],
        "family_row": fam,
        "namesake": namesake,
        "given_spellings": {ko_render(fam, given, s)[1].lower().replace("-", "").replace(" ", "")
                            for s in ["rr", "mr-plain", "dprk", "passport"]},
        "family_spellings": {strip_marks(x).lower().replace("'", "") for x in fam[1:]},
    }


# --- Chinese ------------------------------------------------------------------------------
ZH_SURNAMES = [  # hanzi, pinyin, Wade–Giles, Hong Kong, Taiwan passport
    ("孙", "Sun", "Sun", "Suen", "Sun"), ("马", "Ma", "Ma", "Ma", "Ma"), ("朱", "Zhu", "Chu", "Chu", "Chu"),
    ("胡", "Hu", "Hu", "Wu", "Hu"), ("高", "Gao", "Kao", "Ko", "Kao"), ("罗", "Luo", "Lo", "Law", "Lo"),
    ("梁", "Liang", "Liang", "Leung", "Liang"), ("宋", "Song", "Sung", "Sung", "Sung"),
    ("唐", "Tang", "T'ang", "Tong", "Tang"), ("韩", "Han", "Han", "Hon", "Han"), ("冯", "Feng", "Feng", "Fung", "Feng"),
    ("董", "Dong", "Tung", "Tung", "Tung"), ("曹", "Cao", "Ts'ao", "Tso", "Tsao"), ("袁", "Yuan", "Yüan", "Yuen", "Yuan"),
    ("傅", "Fu", "Fu", "Foo", "Fu"), ("沈", "Shen", "Shen", "Shum", "Shen"), ("彭", "Peng", "P'eng", "Pang", "Peng"),
    ("吕", "Lü", "Lü", "Lui", "Lu"), ("苏", "Su", "Su", "So", "Su"), ("叶", "Ye", "Yeh", "Yip", "Yeh"),
    ("潘", "Pan", "P'an", "Poon", "Pan"), ("杜", "Du", "Tu", "To", "Tu"), ("戴", "Dai", "Tai", "Tai", "Tai"),
    ("夏", "Xia", "Hsia", "Ha", "Hsia"), ("钟", "Zhong", "Chung", "Chung", "Chung"), ("田", "Tian", "T'ien", "Tin", "Tien"),
    ("任", "Ren", "Jen", "Yam", "Jen"), ("范", "Fan", "Fan", "Fan", "Fan"), ("方", "Fang", "Fang", "Fong", "Fang"),
    ("石", "Shi", "Shih", "Shek", "Shih"), ("廖", "Liao", "Liao", "Liu", "Liao"), ("邹", "Zou", "Tsou", "Chau", "Tsou"),
    ("熊", "Xiong", "Hsiung", "Hung", "Hsiung"), ("陆", "Lu", "Lu", "Luk", "Lu"), ("白", "Bai", "Pai", "Pak", "Pai"),
    ("崔", "Cui", "Ts'ui", "Tsui", "Tsui"), ("邱", "Qiu", "Ch'iu", "Yau", "Chiu"), ("秦", "Qin", "Ch'in", "Chun", "Chin"),
    ("顾", "Gu", "Ku", "Koo", "Ku"), ("侯", "Hou", "Hou", "Hau", "Hou"), ("孟", "Meng", "Meng", "Mang", "Meng"),
    ("段", "Duan", "Tuan", "Tuen", "Tuan"), ("钱", "Qian", "Ch'ien", "Chin", "Chien"), ("尹", "Yin", "Yin", "Wan", "Yin"),
    ("贺", "He", "Ho", "Ho", "Ho"), ("龚", "Gong", "Kung", "Kung", "Kung"),
    ("司马", "Sima", "Ssu-ma", "Sze-ma", "Szuma"), ("诸葛", "Zhuge", "Chu-ko", "Chu-kot", "Chuko"),
    ("上官", "Shangguan", "Shang-kuan", "Sheung-kwun", "Shangkuan"),
]
ZH_GIVEN = [  # hanzi, pinyin syllable
    ("嘉", "jia"), ("婷", "ting"), ("静", "jing"), ("芳", "fang"), ("敏", "min"), ("杰", "jie"), ("磊", "lei"),
    ("斌", "bin"), ("浩", "hao"), ("宇", "yu"), ("鑫", "xin"), ("博", "bo"), ("亮", "liang"), ("超", "chao"),
    ("辉", "hui"), ("刚", "gang"), ("峰", "feng"), ("琳", "lin"), ("娜", "na"), ("秀", "xiu"), ("英", "ying"),
    ("霞", "xia"), ("燕", "yan"), ("梅", "mei"), ("振", "zhen"), ("世", "shi"), ("成", "cheng"), ("安", "an"),
    ("恩", "en"), ("爱", "ai"), ("阳", "yang"), ("飞", "fei"), ("云", "yun"), ("坤", "kun"), ("瑞", "rui"),
    ("卓", "zhuo"), ("川", "chuan"), ("翔", "xiang"), ("奇", "qi"), ("毅", "yi"), ("旭", "xu"), ("泉", "quan"),
    ("秋", "qiu"), ("冰", "bing"), ("楠", "nan"), ("宁", "ning"), ("涵", "han"), ("晨", "chen"), ("悦", "yue"),
    ("然", "ran"), ("策", "ce"), ("森", "sen"), ("仁", "ren"), ("哲", "zhe"), ("彩", "cai"),
]
# Wade–Giles initials for pinyin initials (longest first).
WG_INITIALS = [("zh", "ch"), ("ch", "ch'"), ("sh", "sh"), ("b", "p"), ("p", "p'"), ("d", "t"), ("t", "t'"),
               ("g", "k"), ("k", "k'"), ("h", "h"), ("j", "ch"), ("q", "ch'"), ("x", "hs"), ("z", "ts"),
               ("c", "ts'"), ("s", "s"), ("r", "j"), ("m", "m"), ("f", "f"), ("n", "n"), ("l", "l"), ("y", "y"),
               ("w", "w"), ("", "")]


def wade_giles(syl):
    """One pinyin syllable (no tone) in Wade–Giles with its marks."""
    whole = {"zhi": "chih", "chi": "ch'ih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tz'u", "si": "ssu",
             "yi": "i", "you": "yu", "yan": "yen", "ye": "yeh", "yu": "yü", "yue": "yüeh", "yuan": "yüan",
             "yun": "yün", "er": "êrh", "e": "o"}
    if syl in whole:
        return whole[syl]
    for p, w in WG_INITIALS:
        if syl.startswith(p):
            ini, fin = p, syl[len(p):]
            break
    if ini in ("j", "q", "x"):
        fin = {"u": "ü", "ue": "üeh", "uan": "üan", "un": "ün"}.get(fin, fin)
    if fin == "e":
        fin = "o" if ini in ("g", "k", "h") else "ê"
    elif fin == "uo":
        fin = "uo" if ini in ("g", "k", "h", "sh") else "o"
    elif fin == "ui":
        fin = "uei" if ini in ("g", "k") else "ui"
    elif fin in ("en", "eng") and ini in ("zh", "ch", "sh", "r", "z", "c", "s"):
        fin = "ê" + fin[1:]
    else:
        fin = {"ong": "ung", "iong": "iung", "ie": "ieh", "ian": "ien", "ü": "ü", "üe": "üeh"}.get(fin, fin)
    return WG_INITIALS[[x[0] for x in WG_INITIALS].index(ini)][1] + fin


def pinyin_join(syls):
    out = syls[0]
    for s in syls[1:]:
        out += ("'" if s[0] in "aoe" else "") + s
    return out


def wg_plain(s):
    return strip_marks(s).replace("'", "")


def zh_render(fam, given, scheme):
    py = [dict(ZH_GIVEN)[c] for c in given]
    if scheme == "pinyin":
        return strip_marks(fam[1]).replace("u", "u"), cap(pinyin_join(py))
    if scheme == "pinyin-split":
        return fam[1], " ".join(cap(s) for s in py)
    if scheme == "wade-giles":
        return fam[2], cap("-".join(wade_giles(s) for s in py))
    if scheme == "wade-giles-plain":
        return wg_plain(fam[2]), cap(wg_plain("".join(wade_giles(s) for s in py)))
    if scheme == "taiwan":
        return fam[4], cap(wg_plain("-".join(wade_giles(s) for s in py)))
    if scheme == "hong-kong-surname":
        return fam[3], cap(pinyin_join(py))
    raise ValueError(scheme)


def chinese_person():
    fam = R.choice(ZH_SURNAMES)
    given = "".join(x[0] for x in R.sample(ZH_GIVEN, 2))
    lf, lg = zh_render(fam, given, "pinyin")
    lf = "LYU" if fam[1] == "Lü" else lf.upper()  # PRC passports write ü as yu after l and n
    forms = {}
    for scheme in ["pinyin-split", "wade-giles", "wade-giles-plain", "taiwan", "hong-kong-surname"]:
        f, g = zh_render(fam, given, scheme)
        forms[scheme] = f"{f} {g}"
    f, g = zh_render(fam, given, "pinyin")
    forms["western-order"] = f"{g} {f}"

    def namesake(other_given=None, other_fam=None):
        fm, gv = other_fam or fam, other_given or given
        a, b = zh_render(fm, gv, "pinyin")
        return f"{b} {a}", fm[0] + gv

    return {
        "orig": fam[0] + given,
        "list": f"{lf}, {lg}",
        "forms": forms,
        "given_key": given,
        "family_key": fam[0],
        "family_row": fam,
        "namesake": namesake,
        "given_spellings": {zh_render(fam, given, s)[1].lower().replace("-", "").replace(" ", "").replace("'", "")
                            for s in ["pinyin", "wade-giles-plain"]},
        "family_spellings": {strip_marks(x).lower().replace("'", "").replace("-", "") for x in fam[1:]},
    }


# --- Arabic and Persian: spellings carried in the tables ----------------------------------
AR_GIVEN = [  # arabic, [first = list spelling, other spellings]
    ("حسين", ["Hussein", "Husain", "Hussain", "Hocine"]), ("مصطفى", ["Mustafa", "Moustafa", "Mostafa", "Mustapha"]),
    ("محمود", ["Mahmoud", "Mahmud", "Mahmood"]), ("عثمان", ["Othman", "Osman", "Uthman", "Otman"]),
    ("صالح", ["Saleh", "Salih", "Salah"]), ("عادل", ["Adel", "Adil"]), ("كريم", ["Karim", "Kareem"]),
    ("هشام", ["Hisham", "Hesham", "Hicham"]), ("ماجد", ["Majid", "Majed", "Maged"]), ("فهد", ["Fahd", "Fahad"]),
    ("بدر", ["Badr", "Bader", "Badre"]), ("حمزة", ["Hamza", "Hamzah", "Hamzeh"]), ("أنور", ["Anwar", "Anouar", "Anwer"]),
    ("ياسر", ["Yasser", "Yasir", "Yaser"]), ("جعفر", ["Jafar", "Jaafar", "Ja'far", "Gaafar"]),
    ("عبد الكريم", ["Abdulkarim", "Abdel Karim", "Abd al-Karim", "Abdelkrim"]),
    ("عبد الحميد", ["Abdulhamid", "Abdel Hamid", "Abd al-Hamid", "Abdelhamid"]),
    ("عبد الرزاق", ["Abdulrazzaq", "Abdel Razek", "Abd al-Razzaq", "Abderrazak"]),
    ("نبيل", ["Nabil", "Nabeel"]), ("أسامة", ["Usama", "Osama", "Oussama"]), ("حمد", ["Hamad", "Hamed"]),
    ("موسى", ["Musa", "Moussa", "Mousa"]), ("عيسى", ["Issa", "Isa", "Eissa"]),
    ("سليمان", ["Sulaiman", "Suleiman", "Soliman", "Slimane"]), ("مروان", ["Marwan", "Merouane"]),
    ("هاني", ["Hani", "Hany"]), ("سامي", ["Sami", "Samy"]), ("توفيق", ["Tawfiq", "Tawfik", "Toufik"]),
    ("عماد", ["Imad", "Emad"]), ("رياض", ["Riyad", "Riad", "Riyadh"]), ("نزار", ["Nizar", "Nezar"]),
    ("بشير", ["Bashir", "Bachir", "Basheer"]), ("منير", ["Munir", "Mounir", "Moneer"]),
    ("قصي", ["Qusay", "Qusai", "Kusay"]), ("لؤي", ["Luay", "Louay", "Loay"]),
]
AR_FAMILY = [
    ("الأنصاري", ["al-Ansari", "Al Ansari", "Elansary", "Alansari"]),
    ("البغدادي", ["al-Baghdadi", "Al Baghdadi", "El-Baghdadi"]),
    ("الحسيني", ["al-Husseini", "Al Husaini", "El Husseini", "Alhusseini"]),
    ("العمري", ["al-Omari", "Alomari", "Al-Umari", "El Omari"]),
    ("الكبيسي", ["al-Kubaisi", "Al Kubaisi", "Alkubaisi", "Al-Kubaysi"]),
    ("المصري", ["al-Masri", "El-Masry", "Almasri", "El Masri"]),
    ("الهاشمي", ["al-Hashimi", "Al Hashemi", "El Hachemi", "Alhashemi"]),
    ("الشامي", ["al-Shami", "Al Chami", "Elshamy", "Alshami"]), ("البكري", ["al-Bakri", "El Bakry", "Albakri"]),
    ("الصباح", ["al-Sabah", "Al Sabah", "Alsabah", "As-Sabah"]), ("العنزي", ["al-Anazi", "Al Enezi", "Alanazi", "Al-Enazi"]),
    ("السويدي", ["al-Suwaidi", "Al Suwaidi", "Alsuwaidi", "As-Suwaidi"]),
    ("الكعبي", ["al-Kaabi", "Al Ka'bi", "Alkaabi"]), ("المطيري", ["al-Mutairi", "Almutairi", "Al Mutairy"]),
    ("البلوشي", ["al-Balushi", "Al Baloushi", "Albalushi"]), ("الفاسي", ["al-Fasi", "El Fassi", "Elfassi"]),
    ("بن علي", ["Ben Ali", "Bin Ali", "Benali"]), ("بن سالم", ["Ben Salem", "Bin Salem", "Bensalem"]),
    ("خليل", ["Khalil", "Khalel", "Khelil"]), ("حجازي", ["Hijazi", "Hegazy", "Higazi", "Hejazi"]),
    ("درويش", ["Darwish", "Darwiche", "Derwich"]), ("النعيمي", ["al-Nuaimi", "Al Noaimi", "Alnuaimi", "An-Nuaimi"]),
    ("الجزائري", ["al-Jazairi", "El Djazairi", "Aljazairi"]), ("عبد النور", ["Abdelnour", "Abdul Nour", "Abd al-Nur"]),
    ("الطحان", ["al-Tahhan", "El Tahan", "Altahhan"]), ("يعقوب", ["Yaqub", "Yacoub", "Yaakoub", "Yakoub"]),
]
FA_GIVEN = [
    ("حمید", ["Hamid", "Hameed"]), ("ابوالفضل", ["Abolfazl", "Abulfazl", "Abol-Fazl"]), ("اکبر", ["Akbar"]),
    ("محسن", ["Mohsen", "Muhsin", "Mohsin"]), ("داریوش", ["Dariush", "Daryoush", "Dariyush"]),
    ("فرهاد", ["Farhad"]), ("کامران", ["Kamran"]), ("بابک", ["Babak"]), ("سیاوش", ["Siavash", "Siyavash", "Siavosh"]),
    ("پرویز", ["Parviz", "Parwiz", "Perviz"]), ("منوچهر", ["Manouchehr", "Manuchehr", "Manoochehr"]),
    ("عباس", ["Abbas"]), ("حبیب", ["Habib", "Habeeb"]), ("نادر", ["Nader", "Nadir"]), ("شهرام", ["Shahram"]),
    ("کوروش", ["Kourosh", "Kurosh", "Koorosh"]), ("اصغر", ["Asghar", "Asqar"]), ("مهرداد", ["Mehrdad"]),
    ("پیمان", ["Peyman", "Payman", "Paiman"]), ("رامین", ["Ramin"]), ("سهراب", ["Sohrab", "Suhrab"]),
    ("هادی", ["Hadi", "Hady"]), ("وحید", ["Vahid", "Wahid"]), ("یدالله", ["Yadollah", "Yadullah", "Yadolah"]),
    ("روح‌الله", ["Rouhollah", "Ruhollah", "Ruhullah"]), ("نعمت‌الله", ["Nematollah", "Ne'matollah", "Nemat Allah"]),
    ("اسفندیار", ["Esfandiar", "Esfandiyar", "Isfandiyar"]), ("جمشید", ["Jamshid", "Jamsheed"]),
]
FA_FAMILY = [
    ("احمدی", ["Ahmadi"]), ("محمدی", ["Mohammadi", "Mohamadi", "Muhammadi"]),
    ("جعفری", ["Jafari", "Jaafari", "Ja'fari"]), ("اکبری", ["Akbari"]), ("نوری", ["Nouri", "Nuri", "Noori"]),
    ("صالحی", ["Salehi"]), ("مرادی", ["Moradi", "Muradi"]), ("زارعی", ["Zarei", "Zare'i", "Zareie"]),
    ("فراهانی", ["Farahani"]), ("خامنه‌ای", ["Khamenei", "Khamenehei", "Khamene'i"]),
    ("رفسنجانی", ["Rafsanjani"]), ("شیرازی", ["Shirazi"]), ("تهرانی", ["Tehrani", "Teherani"]),
    ("اصفهانی", ["Esfahani", "Isfahani", "Isfahany"]), ("سلیمانی", ["Soleimani", "Suleimani", "Soleymani"]),
    ("رستمی", ["Rostami", "Rustami"]), ("یزدانی", ["Yazdani"]), ("فرجی", ["Faraji"]),
    ("میرزایی", ["Mirzaei", "Mirzaee", "Mirzai"]), ("عزیزی", ["Azizi"]), ("بهرامی", ["Bahrami"]),
    ("پورمحمدی", ["Pourmohammadi", "Pour-Mohammadi", "Purmohammadi"]),
    ("احمدی‌نژاد", ["Ahmadinejad", "Ahmadinezhad", "Ahmadi-Nejad"]),
    ("طباطبایی", ["Tabatabaei", "Tabatabai", "Tabatabaee"]), ("دهقان", ["Dehghan", "Dehqan"]),
    ("قالیباف", ["Ghalibaf", "Qalibaf"]),
]


def drop_article(s):
    for p in ("al-", "Al-", "Al ", "El-", "El ", "As-", "An-"):
        if s.startswith(p):
            return cap(s[len(p):])
    for p in ("Al", "El"):
        if s.startswith(p) and len(s) > 5 and s[2].islower() and s[2] not in "aeiou":
            return cap(s[2:])
    return s


def table_person(given_table, family_table):
    g, f = R.choice(given_table), R.choice(family_table)
    g_alt, f_alt = g[1][1:] or g[1], f[1][1:] or f[1]
    a1 = (R.choice(g_alt), R.choice(f_alt))
    a2 = (R.choice(g[1]), R.choice(f[1]))
    for _ in range(10):
        if a2 != a1 and a2 != (g[1][0], f[1][0]):
            break
        a2 = (R.choice(g[1]), R.choice(f[1]))
    forms = {"other-spelling": f"{a1[0]} {a1[1]}", "other-spelling-2": f"{a2[0]} {a2[1]}",
             "reordered": f"{cap(f[1][0])} {g[1][0]}", "article-dropped": f"{g[1][0]} {drop_article(f[1][0])}"}
    # A form that is only the list's spelling in natural order says nothing: leave it out.
    for form in list(forms):
        if form != "reordered" and forms[form] == f"{g[1][0]} {f[1][0]}":
            del forms[form]

    def namesake(other_given=None, other_fam=None):
        gv = other_given or g
        fm = other_fam or f
        return f"{gv[1][0]} {cap(fm[1][0])}", f"{gv[0]} {fm[0]}"

    return {
        "orig": f"{g[0]} {f[0]}",
        "list": f"{f[1][0].upper()}, {g[1][0]}",
        "forms": forms,
        "given_key": g,
        "family_key": f,
        "family_row": f,
        "namesake": namesake,
        "given_spellings": {x.lower().replace(" ", "").replace("-", "").replace("'", "") for x in g[1]},
        "family_spellings": {drop_article(x).lower().replace(" ", "").replace("-", "").replace("'", "") for x in f[1]},
    }


# --- Russian ------------------------------------------------------------------------------
VOWELS_RU = "аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ"
BGN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh", "з": "z", "и": "i",
       "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
       "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
       "ю": "yu", "я": "ya"}
ICAO = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e",
        "ю": "iu", "я": "ia"}
DE = {"а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch", "з": "s", "и": "i",
      "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
      "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e",
      "ю": "ju", "я": "ja"}
FR = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j", "з": "z", "и": "i",
      "й": "ï", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "ou",
      "ф": "f", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e",
      "ю": "iou", "я": "ia"}


def translit_ru(word, scheme):
    w = word.lower()
    out = []
    for k, c in enumerate(w):
        prev = w[k - 1] if k else ""
        nxt = w[k + 1] if k + 1 < len(w) else ""
        after_vowel = k == 0 or prev in VOWELS_RU or prev in "ьъй"
        if scheme == "bgn":
            t = BGN[c]
            if c == "е" and after_vowel:
                t = "ye"
            if c == "ё":
                t = "yë" if after_vowel else "ë"
        elif scheme == "icao":
            t = ICAO[c]
        elif scheme == "de":
            t = DE[c]
            if c == "е" and (after_vowel and k > 0 or prev == "ь" or k == 0):
                t = "je"
            if c == "ё" and prev in "жчшщ":
                t = "o"
            if c == "с" and prev in VOWELS_RU and nxt in VOWELS_RU and prev:
                t = "ss"
            if c == "к" and nxt == "с" and k > 0:
                t = "x"
            if c == "с" and prev == "к" and k > 1:
                t = ""
            if c == "й" and prev == "и" and not nxt:
                t = ""  # -ий is written -i
            if c == "ь" and nxt in "еёюя":
                t = "j" if nxt in "е" else ""
        elif scheme == "fr":
            t = FR[c]
            if c == "е" and after_vowel and k > 0:
                t = "ie"
            if c == "ё" and prev in "жчшщ":
                t = "o"
            if c == "г" and nxt in "еёиыэюя":
                t = "gu"
            if c == "с" and prev and prev in VOWELS_RU and nxt in VOWELS_RU:
                t = "ss"
            if c == "к" and nxt == "с" and k > 0:
                t = "x"
            if c == "с" and prev == "к" and k > 1:
                t = ""
            if c == "й" and prev == "и" and not nxt:
                t = ""  # -ий is written -i
            if c == "е" and prev == "ь":
                t = "ie"
            if c == "я" and prev == "и":
                t = "a"  # -ия is written -ia
        else:
            raise ValueError(scheme)
        out.append(t)
    return cap("".join(out))


RU_MALE = [  # given name, patronymic formed from it (male, female)
    ("Александр", "Александрович", "Александровна"), ("Павел", "Павлович", "Павловна"),
    ("Фёдор", "Фёдорович", "Фёдоровна"), ("Константин", "Константинович", "Константиновна"),
    ("Борис", "Борисович", "Борисовна"), ("Леонид", "Леонидович", "Леонидовна"),
    ("Кирилл", "Кириллович", "Кирилловна"), ("Максим", "Максимович", "Максимовна"),
    ("Вадим", "Вадимович", "Вадимовна"), ("Эдуард", "Эдуардович", "Эдуардовна"),
    ("Вячеслав", "Вячеславович", "Вячеславовна"), ("Станислав", "Станиславович", "Станиславовна"),
    ("Семён", "Семёнович", "Семёновна"), ("Тимофей", "Тимофеевич", "Тимофеевна"),
    ("Георгий", "Георгиевич", "Георгиевна"), ("Аркадий", "Аркадьевич", "Аркадьевна"),
    ("Илья", "Ильич", "Ильинична"), ("Артём", "Артёмович", "Артёмовна"), ("Владислав", "Владиславович", "Владиславовна"),
    ("Глеб", "Глебович", "Глебовна"), ("Руслан", "Русланович", "Руслановна"),
]
RU_FEMALE = ["Светлана", "Елена", "Ольга", "Мария", "Анастасия", "Екатерина", "Дарья", "Ксения", "Людмила",
             "Галина", "Вера", "Жанна"]
RU_FAMILY = [  # male, female
    ("Смирнов", "Смирнова"), ("Лебедев", "Лебедева"), ("Новиков", "Новикова"), ("Козлов", "Козлова"),
    ("Петров", "Петрова"), ("Семёнов", "Семёнова"), ("Голубев", "Голубева"), ("Виноградов", "Виноградова"),
    ("Богданов", "Богданова"), ("Воробьёв", "Воробьёва"), ("Фёдоров", "Фёдорова"), ("Беляев", "Беляева"),
    ("Тарасов", "Тарасова"), ("Комаров", "Комарова"), ("Орлов", "Орлова"), ("Киселёв", "Киселёва"),
    ("Макаров", "Макарова"), ("Ковалёв", "Ковалёва"), ("Ильин", "Ильина"), ("Гусев", "Гусева"),
    ("Кудрявцев", "Кудрявцева"), ("Баранов", "Баранова"), ("Куликов", "Куликова"), ("Яковлев", "Яковлева"),
    ("Сорокин", "Сорокина"), ("Захаров", "Захарова"), ("Королёв", "Королёва"), ("Герасимов", "Герасимова"),
    ("Пономарёв", "Пономарёва"), ("Григорьев", "Григорьева"), ("Медведев", "Медведева"), ("Ершов", "Ершова"),
    ("Щербаков", "Щербакова"), ("Чернышёв", "Чернышёва"), ("Хрущёв", "Хрущёва"), ("Шувалов", "Шувалова"),
    ("Юдин", "Юдина"), ("Цветков", "Цветкова"), ("Жаров", "Жарова"), ("Высоцкий", "Высоцкая"),
    ("Белоусов", "Белоусова"), ("Евдокимов", "Евдокимова"),
]


def ru_render(given, patr, fam, scheme, with_patr=True):
    parts = [translit_ru(given, scheme)] + ([translit_ru(patr, scheme)] if with_patr and patr else [])
    return " ".join(parts), translit_ru(fam, scheme)


def russian_person():
    female = R.random() < 0.3
    father = R.choice(RU_MALE)
    if female:
        given = R.choice(RU_FEMALE)
        patr = father[2]
        fam = R.choice(RU_FAMILY)[1]
    else:
        g = R.choice([x for x in RU_MALE if x is not father])
        given = g[0]
        patr = father[1]
        fam = R.choice(RU_FAMILY)[0]
    lg, lf = ru_render(given, patr, fam, "bgn")
    lg, lf = lg.replace("ë", "e"), lf.replace("ë", "e")
    forms = {}
    g, f = ru_render(given, patr, fam, "icao")
    forms["icao-passport"] = f"{g} {f}"
    g, f = ru_render(given, patr, fam, "bgn", with_patr=False)
    forms["bgn-without-patronymic"] = f"{g} {f}"
    for scheme, name in [("de", "german"), ("fr", "french")]:
        g, f = ru_render(given, patr, fam, scheme, with_patr=False)
        forms[name] = f"{g} {f}"
    g, f = ru_render(given, patr, fam, "bgn")
    forms["reordered-with-patronymic"] = f"{f} {g}"

    def namesake(other_given=None, other_fam=None):
        gv = other_given or given
        fm = other_fam or fam
        a, b = ru_render(gv, None, fm, "bgn", with_patr=False)
        return f"{a.replace('ë', 'e')} {b.replace('ë', 'e')}", f"{gv} {fm}"

    return {
        "orig": f"{given} {patr} {fam}",
        "list": f"{lf.upper()}, {lg}",
        "forms": forms,
        "given_key": given,
        "family_key": fam,
        "family_row": fam,
        "female": female,
        "namesake": namesake,
        "given_spellings": {translit_ru(given, s).lower() for s in ("bgn", "icao", "de", "fr")},
        "family_spellings": {strip_marks(translit_ru(fam, s)).lower() for s in ("bgn", "icao", "de", "fr")},
    }


# --- Ukrainian ----------------------------------------------------------------------------
UA2010 = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
          "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
          "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
          "ь": "", "ю": "iu", "я": "ia", "'": "", "’": ""}
UA2010_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
UA_DE = {"а": "a", "б": "b", "в": "w", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "je", "ж": "sch", "з": "s",
         "и": "y", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
         "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
         "щ": "schtsch", "ь": "", "ю": "ju", "я": "ja", "'": "", "’": ""}


def translit_ua(word, scheme):
    w = word.lower()
    out = []
    for k, c in enumerate(w):
        if scheme == "2010":
            t = UA2010_INITIAL.get(c, UA2010[c]) if k == 0 else UA2010[c]
            if c == "г" and k > 0 and w[k - 1] == "з":
                t = "gh"
        elif scheme == "older":
            t = {"й": "y", "ї": "yi", "є": "ye", "ю": "yu", "я": "ya"}.get(c, UA2010[c])
        elif scheme == "de":
            t = UA_DE[c]
        else:
            raise ValueError(scheme)
        out.append(t)
    return cap("".join(out))


UA_GIVEN = [  # ukrainian, russian form of the name
    ("Василь", "Василий"), ("Микола", "Николай"), ("Іван", "Иван"), ("Михайло", "Михаил"),
    ("Володимир", "Владимир"), ("Дмитро", "Дмитрий"), ("Тарас", "Тарас"), ("Ярослав", "Ярослав"),
    ("Євген", "Евгений"), ("Ігор", "Игорь"), ("Остап", "Остап"), ("Степан", "Степан"), ("Павло", "Павел"),
    ("Віталій", "Виталий"), ("Олексій", "Алексей"), ("Анатолій", "Анатолий"), ("Валентин", "Валентин"),
    ("Оксана", "Оксана"), ("Наталія", "Наталья"), ("Юлія", "Юлия"), ("Ірина", "Ирина"), ("Олена", "Елена"),
    ("Тетяна", "Татьяна"), ("Ганна", "Анна"), ("Любов", "Любовь"),
]
UA_FAMILY = [  # ukrainian, russian form
    ("Савченко", "Савченко"), ("Руденко", "Руденко"), ("Марченко", "Марченко"), ("Кравченко", "Кравченко"),
    ("Олійник", "Олейник"), ("Бойко", "Бойко"), ("Мороз", "Мороз"), ("Лисенко", "Лысенко"),
    ("Ковальчук", "Ковальчук"), ("Павленко", "Павленко"), ("Поліщук", "Полищук"), ("Савчук", "Савчук"),
    ("Зінченко", "Зинченко"), ("Кушнір", "Кушнир"), ("Мазур", "Мазур"), ("Ярошенко", "Ярошенко"),
    ("Тимошенко", "Тимошенко"), ("Гордієнко", "Гордиенко"), ("Дорошенко", "Дорошенко"), ("Білоус", "Белоус"),
    ("Захарченко", "Захарченко"), ("Стельмах", "Стельмах"), ("Головко", "Головко"), ("Дяченко", "Дьяченко"),
    ("Гриценко", "Гриценко"), ("Щербак", "Щербак"), ("Юрченко", "Юрченко"), ("Приходько", "Приходько"),
    ("Яковенко", "Яковенко"), ("Зозуля", "Зозуля"), ("Гуменюк", "Гуменюк"), ("Ігнатенко", "Игнатенко"),
]


def ua_render(g, f, scheme):
    if scheme == "russian-reading":
        return translit_ru(g[1], "bgn").replace("ë", "e"), translit_ru(f[1], "bgn").replace("ë", "e")
    return translit_ua(g[0], scheme), translit_ua(f[0], scheme)


def ukrainian_person():
    g, f = R.choice(UA_GIVEN), R.choice(UA_FAMILY)
    lg, lf = ua_render(g, f, "2010")
    forms = {}
    for scheme, name in [("older", "older-passport"), ("de", "german"), ("russian-reading", "russian-reading")]:
        a, b = ua_render(g, f, scheme)
        forms[name] = f"{a} {b}"
    forms["reordered"] = f"{lf} {lg}"

    def namesake(other_given=None, other_fam=None):
        gv = other_given or g
        fm = other_fam or f
        a, b = ua_render(gv, fm, "2010")
        return f"{a} {b}", f"{gv[0]} {fm[0]}"

    return {
        "orig": f"{g[0]} {f[0]}",
        "list": f"{lf.upper()}, {lg}",
        "forms": forms,
        "given_key": g,
        "family_key": f,
        "family_row": f,
        "namesake": namesake,
        "given_spellings": {ua_render(g, f, s)[0].lower() for s in ("2010", "older", "de", "russian-reading")},
        "family_spellings": {ua_render(g, f, s)[1].lower() for s in ("2010", "older", "de", "russian-reading")},
    }


MAKERS = {
    "korean": korean_person,
    "chinese": chinese_person,
    "arabic": lambda: table_person(AR_GIVEN, AR_FAMILY),
    "persian": lambda: table_person(FA_GIVEN, FA_FAMILY),
    "cyrillic-ru": russian_person,
    "cyrillic-ua": ukrainian_person,
}
FAMILY_TABLE = {"korean": KO_SURNAMES, "chinese": ZH_SURNAMES, "arabic": AR_FAMILY, "persian": FA_FAMILY,
                "cyrillic-ru": None, "cyrillic-ua": UA_FAMILY}


def key(x):
    return x if isinstance(x, str) else x[0]


def family_spellings(script, row):
    """Every spelling of a family name (a table row) the schemes give, to keep namesakes apart."""
    if script == "korean":
        return {strip_marks(x).lower().replace("'", "") for x in row[1:]}
    if script == "chinese":
        return {strip_marks(x).lower().replace("'", "").replace("-", "") for x in row[1:]}
    if script in ("arabic", "persian"):
        return {drop_article(x).lower().replace(" ", "").replace("-", "").replace("'", "") for x in row[1]}
    if script == "cyrillic-ua":
        return {translit_ua(row[0], s).lower() for s in ("2010", "older", "de")} | {translit_ru(row[1], "bgn").lower()}
    return {strip_marks(translit_ru(row, s)).lower() for s in ("bgn", "icao", "de", "fr")}


def main():
    entries, probes, seen = [], [], set()
    people = {}
    n = 0
    for script, make in MAKERS.items():
        people[script] = []
        tries = 0
        while len(people[script]) < PER_SCRIPT and tries < 10_000:
            tries += 1
            p = make()
            k = (key(p["given_key"]), key(p["family_key"]))
            if k in seen:
                continue
            seen.add(k)
            n += 1
            p["id"] = f"I{n:04d}"
            p["script"] = script
            people[script].append(p)
    for script, ps in people.items():
        for p in ps:
            entries.append(p)
            probes.append({"query": p["orig"], "expected_entry_id": p["id"], "kind": "variant", "script": script,
                           "form": "original-script"})
            for form, q in p["forms"].items():
                probes.append({"query": q, "expected_entry_id": p["id"], "kind": "variant", "script": script,
                               "form": form})
        # Same-culture namesakes, not listed: another listed person's given name with this family
        # name (even positions), this given name with another family name of the table (odd).
        for i, p in enumerate(ps):
            for _ in range(50):
                if i % 2 == 0:
                    o = R.choice(ps)
                    if script == "cyrillic-ru" and o["female"] != p["female"]:
                        continue
                    k = (key(o["given_key"]), key(p["family_key"]))
                    if o is p or k in seen or o["given_spellings"] & p["given_spellings"]:
                        continue
                    latin, orig = p["namesake"](other_given=o["given_key"])
                    sub = "other-given"
                else:
                    if script == "cyrillic-ru":
                        row = R.choice(RU_FAMILY)[1 if p["female"] else 0]
                    else:
                        row = R.choice(FAMILY_TABLE[script])
                    k = (key(p["given_key"]), key(row))
                    if k in seen or family_spellings(script, row) & p["family_spellings"]:
                        continue
                    latin, orig = p["namesake"](other_fam=row)
                    sub = "other-family"
                seen.add(k)
                probes.append({"query": latin, "expected_entry_id": None, "kind": "namesake", "script": script,
                               "form": f"{sub}/latin"})
                probes.append({"query": orig, "expected_entry_id": None, "kind": "namesake", "script": script,
                               "form": f"{sub}/original-script"})
                break
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "list_latin.jsonl"), "w", encoding="utf-8") as latin, \
            open(os.path.join(OUT, "list_orig.jsonl"), "w", encoding="utf-8") as orig:
        for p in entries:
            e = {"entry_id": p["id"], "kind": "person", "name": p["list"], "aliases": [], "birth_dates": [],
                 "nationalities": [], "programs": ["EVAL"], "remarks": None}
            latin.write(json.dumps(e, ensure_ascii=False) + "\n")
            e["aliases"] = [p["orig"]]
            orig.write(json.dumps(e, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "queries.jsonl"), "w", encoding="utf-8") as f:
        for q in probes:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    counts = {}
    for q in probes:
        c = counts.setdefault(q["script"], [0, 0])
        c[0 if q["expected_entry_id"] else 1] += 1
    print(f"{len(entries)} entries, {len(probes)} probes")
    for s, (v, ns) in counts.items():
        print(f"  {s:<12} {v} probes of listed persons, {ns} namesakes")


if __name__ == "__main__":
    main()
