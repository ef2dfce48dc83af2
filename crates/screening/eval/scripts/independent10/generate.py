#!/usr/bin/env python3
"""A ninth independent multi-script evaluation set for the screening matcher.

Same shape as eval/scripts/independent*/ (so `eval_scripts independent9` reads it):
list_latin.jsonl (one romanization, "FAMILY, Given"), list_orig.jsonl (the same entries with
the original-script name as an alias) and queries.jsonl (listed persons written other ways, and
same-culture namesakes that are not listed). Every name table is new (check_overlap.py compares
them with the older generators and sets); the romanizers are those of independent6/generate.py
and independent5/generate.py, taken over as independent7/generate.py and independent8/generate.py
hold them, unchanged. No new spelling habit is added: the forms are the ones the older sets
measure, weighted roughly as a screening desk meets them (FORM_WEIGHTS below, as in independent7
and independent8), and the drawing rules are independent8's.
README.md beside this file lists the schemes, the habits and the counts.

Run: python3 generate.py (rewrites the three .jsonl files beside it; fixed seed, standard
library only; the output does not depend on PYTHONHASHSEED).
"""
import json
import random
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20270114


def cap(s):
    return s[:1].upper() + s[1:]


def strip_marks(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def nfc(s):
    return unicodedata.normalize("NFC", s)


# =============================================================================================
# Korean
# =============================================================================================
# Unicode composes a Hangul syllable as 0xAC00 + (initial * 21 + vowel) * 28 + final.
# initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
# vowels:   ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
KO_INITIAL = {
    # Revised Romanization (2000)
    "rr": ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k",
           "t", "p", "h"],
    # McCune-Reischauer (1939), aspirates with an apostrophe
    "mr": ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'",
           "k'", "t'", "p'", "h"],
    # the DPRK's national system (1992): j for ㅈ, kh/th/ph for the aspirates
    "dprk": ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch",
             "kh", "th", "ph", "h"],
}
KO_VOWEL = {
    "rr": ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "eu", "ui", "i"],
    "mr": ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ",
           "we", "wi", "yu", "ŭ", "ŭi", "i"],
    "dprk": ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u",
             "wo", "we", "wi", "yu", "u", "ui", "i"],
}
# the 27 finals (and none) as pronounced at the end of a syllable; the three systems agree
KO_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
            "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
MR_VOICED = {"k": "g", "t": "d", "p": "b", "ch": "j"}


def ko_parts(syl):
    code = ord(syl) - 0xAC00
    assert 0 <= code < 11172, syl
    return code // 588, (code % 588) // 28, code % 28


def ko_compose(ini, vow, fin):
    return chr(0xAC00 + (ini * 21 + vow) * 28 + fin)


def ko_syllables(word, scheme):
    """The syllables of a Hangul word in one system. McCune-Reischauer voices a plain stop
    inside a word after a vowel or a voiced final (after ㄹ only k and p), writes ㅅ before
    ㅣ/ㅟ as sh and ㄹ after ㄴ/ㄹ as l; RR and the DPRK system write each syllable as is."""
    out = []
    prev_final = None
    for k, ch in enumerate(word):
        i, v, f = ko_parts(ch)
        ini = KO_INITIAL[scheme][i]
        if scheme == "mr" and k > 0:
            if ini in MR_VOICED and (prev_final in ("", "n", "m", "ng")
                                     or (prev_final == "l" and ini in ("k", "p"))):
                ini = MR_VOICED[ini]
            if i == 5 and prev_final in ("n", "l"):
                ini = "l"
            elif i == 5 and prev_final in ("m", "ng", "k", "p", "t"):
                # ㄹ after another final is read n, and a stop before it turns nasal
                ini = "n"
                nasal = {"k": "ng", "p": "m", "t": "n"}.get(prev_final)
                if nasal:
                    out[-1] = out[-1][:-len(prev_final)] + nasal
        if scheme == "mr" and i == 9 and v in (16, 20):
            ini = "sh"
        out.append(ini + KO_VOWEL[scheme][v] + KO_FINAL[f])
        prev_final = KO_FINAL[f]
    return out


def ko_surname(sur, scheme):
    if scheme == "mr" and sur == "이":
        return "Yi"  # the surname's customary MR (ALA-LC) spelling
    s = "".join(ko_syllables(sur, scheme))
    return cap(s)


def ko_to_south(word):
    """South Korean orthography of a word's first syllable (the initial-sound rule, 두음법칙):
    initial ㄹ becomes ㅇ before ㅣ and the y-vowels, else ㄴ; initial ㄴ becomes ㅇ before them."""
    i, v, f = ko_parts(word[0])
    y_vowels = (2, 3, 6, 7, 12, 17, 20)  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
    if i == 5:
        i = 11 if v in y_vowels else 2
    elif i == 2 and v in y_vowels:
        i = 11
    return ko_compose(i, v, f) + word[1:]


def ko_passport_syllable(syl):
    """A given-name syllable as South Korean passports customarily spell it: RR, with the
    spellings kept from before RR (oo for u, u for eo before a final, young, hee, eui, initial
    k for ㄱ)."""
    s = "".join(ko_syllables(syl, "rr"))
    if re.match(r"^u(n|k|l|ng|)$", s):
        return "woo" + s[1:]  # 우 Woo, 욱 Wook, 운 Woon, 웅 Woong
    if s == "yeong":
        return "young"
    if s == "yeon":
        return "yeon"
    if s == "a":
        return "ah"
    s = re.sub(r"^(s|j|h|y|g|b|m|)u(n|k|l|)$", r"\1oo\2", s)
    s = re.sub(r"eo(ng|n|k|l|m|p)$", r"u\1", s)
    s = {"hui": "hee", "ui": "eui"}.get(s, s)
    s = re.sub(r"^g", "k", s)
    return s


def ko_passport_given(given):
    return [ko_passport_syllable(c) for c in given]


# Russian practical transcription of Korean (Kontsevich's system, as the Russian press and
# Russian documents write Korean names: the surname, then the given name's syllables apart, each
# capitalized: Ким Чон Ын, Пак Пон Чжу). Plain stops and ㅈ are voiced inside the given name
# after a vowel or a voiced final (г д б чж); ㄹ is р at the start of a syllable and ль at its
# end; ㅇ at the end is н; the aspirates are кх тх пх чх.
KC_INITIAL = ["к", "кк", "н", "т", "тт", "р", "м", "п", "пп", "с", "сс", "", "ч", "чч", "чх",
              "кх", "тх", "пх", "х"]
KC_VOWEL = ["а", "э", "я", "е", "о", "е", "ё", "е", "о", "ва", "вэ", "ве", "ё", "у", "во", "ве",
            "ви", "ю", "ы", "и", "и"]
KC_VOWEL_ALONE = {1: "э", 3: "е", 5: "э", 7: "е", 19: "ый"}  # after the silent ㅇ
KC_FINAL = {"": "", "k": "к", "n": "н", "t": "т", "l": "ль", "m": "м", "p": "п", "ng": "н"}
KC_VOICED = {"к": "г", "т": "д", "п": "б", "ч": "чж"}
KC_SURNAME = {"이": "Ли", "리": "Ли"}


def ko_kontsevich_syllables(word, voice_inside=True):
    out = []
    prev_final = None
    for k, ch in enumerate(word):
        i, v, f = ko_parts(ch)
        ini = KC_INITIAL[i]
        vow = KC_VOWEL[v]
        if i == 11:
            vow = KC_VOWEL_ALONE.get(v, vow)
        if ini.startswith("ч"):
            vow = {"я": "а", "ё": "о", "ю": "у"}.get(vow, vow)
        if k > 0 and voice_inside and ini in KC_VOICED and prev_final in ("", "n", "m", "ng",
                                                                            "l"):
            ini = KC_VOICED[ini]
        out.append(ini + vow + KC_FINAL[KO_FINAL[f]])
        prev_final = KO_FINAL[f]
    return out


def ko_kontsevich(sur, given):
    s = KC_SURNAME.get(sur) or cap("".join(ko_kontsevich_syllables(sur)))
    return f"{s} {' '.join(cap(x) for x in ko_kontsevich_syllables(given))}"


# Yale romanization (Martin, 1954), the linguists' system: written letter by letter, finals as
# spelled (not as pronounced), wu for ㅜ except after a labial, c for ㅈ, e for ㅓ, u for ㅡ
YALE_INITIAL = ["k", "kk", "n", "t", "tt", "l", "m", "p", "pp", "s", "ss", "", "c", "cc", "ch",
                "kh", "th", "ph", "h"]
YALE_VOWEL = ["a", "ay", "ya", "yay", "e", "ey", "ye", "yey", "o", "wa", "way", "oy", "yo", "wu",
              "we", "wey", "wi", "yu", "u", "uy", "i"]
YALE_FINAL = ["", "k", "kk", "ks", "n", "nc", "nh", "t", "l", "lk", "lm", "lp", "ls", "lth",
              "lph", "lh", "m", "p", "ps", "s", "ss", "ng", "c", "ch", "kh", "th", "ph", "h"]


def ko_yale(word):
    out = []
    for ch in word:
        i, v, f = ko_parts(ch)
        vow = YALE_VOWEL[v]
        if i in (6, 7, 8, 17) and vow == "wu":
            vow = "u"
        out.append(YALE_INITIAL[i] + vow + YALE_FINAL[f])
    return out


def ko_yale_name(sur, given):
    """Surname and given name in Yale, the given name's syllables joined (a period where a
    syllable boundary would be read otherwise is left out, as most citations do)."""
    return f"{cap(''.join(ko_yale(sur)))} {cap(''.join(ko_yale(given)))}"


# South Korean surnames: Hangul, customary passport spelling, Hanja
KO_SOUTH_SURNAMES = [
    ("김", "Kim", "金"), ("이", "Lee", "李"), ("박", "Park", "朴"), ("최", "Choi", "崔"),
    ("정", "Jung", "鄭"), ("강", "Kang", "姜"), ("조", "Cho", "趙"), ("윤", "Yoon", "尹"),
    ("장", "Jang", "張"), ("임", "Lim", "林"), ("한", "Han", "韓"), ("오", "Oh", "吳"),
    ("서", "Seo", "徐"), ("신", "Shin", "申"), ("권", "Kwon", "權"), ("황", "Hwang", "黃"),
    ("안", "Ahn", "安"), ("송", "Song", "宋"), ("전", "Jeon", "全"), ("홍", "Hong", "洪"),
    ("유", "Yoo", "柳"), ("고", "Ko", "高"), ("문", "Moon", "文"), ("양", "Yang", "梁"),
    ("손", "Son", "孫"), ("배", "Bae", "裵"), ("백", "Baek", "白"), ("허", "Heo", "許"),
    ("남", "Nam", "南"), ("심", "Shim", "沈"), ("노", "Noh", "盧"), ("하", "Ha", "河"),
    ("곽", "Kwak", "郭"), ("성", "Sung", "成"), ("차", "Cha", "車"), ("주", "Joo", "朱"),
    ("우", "Woo", "禹"), ("구", "Koo", "具"), ("민", "Min", "閔"), ("나", "Na", "羅"),
    ("진", "Jin", "陳"), ("엄", "Um", "嚴"), ("채", "Chae", "蔡"), ("원", "Won", "元"),
    ("방", "Bang", "方"), ("공", "Kong", "孔"), ("현", "Hyun", "玄"), ("함", "Ham", "咸"),
    ("변", "Byun", "卞"), ("염", "Yeom", "廉"), ("추", "Choo", "秋"), ("도", "Do", "都"),
    ("석", "Suk", "石"), ("선우", "Sunwoo", "鮮于"), ("남궁", "Namkoong", "南宮"),
    ("황보", "Hwangbo", "皇甫"), ("제갈", "Jegal", "諸葛"), ("독고", "Dokko", "獨孤"),
    ("사공", "Sakong", "司空"),
]
# surnames as the DPRK writes them (an initial ㄹ kept: 리 for the South's 이, 림, 류, 로, 량 ...)
KO_NORTH_SURNAMES = [
    ("김", "金"), ("리", "李"), ("박", "朴"), ("최", "崔"), ("정", "鄭"), ("강", "姜"),
    ("조", "趙"), ("윤", "尹"), ("장", "張"), ("림", "林"), ("한", "韓"), ("오", "吳"),
    ("서", "徐"), ("신", "申"), ("권", "權"), ("황", "黃"), ("안", "安"), ("송", "宋"),
    ("전", "全"), ("홍", "洪"), ("류", "柳"), ("고", "高"), ("문", "文"), ("량", "梁"),
    ("손", "孫"), ("백", "白"), ("허", "許"), ("남", "南"), ("심", "沈"), ("로", "盧"),
    ("하", "河"), ("곽", "郭"), ("성", "成"), ("차", "車"), ("주", "朱"), ("구", "具"),
    ("라", "羅"), ("렴", "廉"), ("려", "呂"), ("태", "太"), ("계", "桂"), ("현", "玄"),
    ("방", "方"), ("명", "明"), ("지", "池"),
]
# given names: Hangul, Hanja, sex. South Korean names of the grandparents' generation (귀녀,
# 필녀, 봉녀, 점덕, 귀분, 금분, 덕칠, 팔복), of their children (성근, 재필, 규석, 종태, 덕자,
# 복자) and recent ones (서후, 하율, 지율, 나린, 아윤, 로아); North Korean names (위혁, 광룡,
# 백산, 청산, 혁웅, 철성, 련주, 명련, 단심, 향단, 혜실, 설금)
KO_GIVEN_SOUTH = [
    ("덕칠", "德七", "m"), ("성근", "成根", "m"), ("기석", "基錫", "m"), ("정길", "正吉", "m"), ("만식", "萬植", "m"),
    ("상만", "相萬", "m"), ("병만", "炳萬", "m"), ("재필", "載弼", "m"), ("태환", "泰煥", "m"), ("규석", "奎錫", "m"),
    ("용구", "龍九", "m"), ("정태", "正泰", "m"), ("상배", "相培", "m"), ("경태", "京泰", "m"), ("종태", "鍾泰", "m"),
    ("명구", "明九", "m"), ("원배", "元培", "m"), ("진구", "鎭九", "m"), ("팔복", "八福", "m"), ("서후", "瑞厚", "m"),
    ("하율", "夏律", "m"), ("윤호", "允浩", "m"), ("귀녀", "貴女", "f"), ("금분", "金粉", "f"), ("순례", "順禮", "f"),
    ("점덕", "點德", "f"), ("귀분", "貴粉", "f"), ("필녀", "必女", "f"), ("영례", "英禮", "f"), ("덕순", "德順", "f"),
    ("봉녀", "鳳女", "f"), ("덕자", "德子", "f"), ("분자", "粉子", "f"), ("복자", "福子", "f"), ("금자", "錦子", "f"),
    ("지율", "智律", "f"), ("나린", "娜潾", "f"), ("시은", "時恩", "f"), ("아윤", "娥允", "f"), ("로아", "路娥", "f"),
    ("리아", "理娥", "f"), ("이나", "利娜", "f"), ("예나", "禮娜", "f"),
]
KO_GIVEN_NORTH = [
    ("위혁", "偉赫", "m"), ("광국", "光國", "m"), ("위국", "偉國", "m"), ("충룡", "忠龍", "m"), ("광룡", "光龍", "m"),
    ("승룡", "勝龍", "m"), ("정룡", "正龍", "m"), ("명룡", "明龍", "m"), ("혁룡", "赫龍", "m"), ("백룡", "白龍", "m"),
    ("백산", "白山", "m"), ("금산", "錦山", "m"), ("룡산", "龍山", "m"), ("송산", "松山", "m"), ("청산", "靑山", "m"),
    ("룡웅", "龍雄", "m"), ("광웅", "光雄", "m"), ("성웅", "成雄", "m"), ("혁웅", "赫雄", "m"), ("금성", "金星", "m"),
    ("명성", "明星", "m"), ("광성", "光星", "m"), ("철성", "哲星", "m"), ("룡건", "龍健", "m"), ("련주", "蓮珠", "f"),
    ("련경", "蓮京", "f"), ("설주", "雪珠", "f"), ("순실", "順實", "f"), ("명실", "明實", "f"), ("혜실", "惠實", "f"),
    ("금심", "錦心", "f"), ("단심", "丹心", "f"), ("봉심", "鳳心", "f"), ("금단", "錦丹", "f"), ("향단", "香丹", "f"),
    ("송련", "松蓮", "f"), ("련미", "蓮美", "f"), ("금주", "錦珠", "f"), ("향주", "香珠", "f"), ("명련", "明蓮", "f"),
    ("정련", "貞蓮", "f"), ("송단", "松丹", "f"), ("혜단", "惠丹", "f"), ("향금", "香錦", "f"), ("설금", "雪錦", "f"),
]
# names that a surname would turn into a well-known person's name; not drawn
KO_REAL = {"한명숙", "홍준표", "김현숙", "김인숙", "이명숙", "김명숙", "정윤호", "서재필", "김성근",
           "김정태", "이정길", "박명성", "김종태", "이태환", "김경태", "최규석"}


def korean_south(sur, passport, sur_hanja, given, given_hanja):
    """A South Korean: listed in passport spelling (syllables apart, as OFAC writes Koreans)."""
    pp = ko_passport_given(given)
    rr = ko_syllables(given, "rr")
    mr = ko_syllables(given, "mr")
    listed = f"{passport.upper()}, {' '.join(cap(s) for s in pp)}"
    rr_s, mr_s = ko_surname(sur, "rr"), ko_surname(sur, "mr")
    mr_given = cap("-".join(mr))
    forms = [
        (sur + given, "original-script"),
        (f"{rr_s} {cap(''.join(rr))}", "rr"),
        (f"{passport} {cap(rr[0])}-{'-'.join(rr[1:])}", "rr-hyphen-usual-surname"),
        (f"{mr_s} {mr_given}", "mr"),
        (f"{strip_marks(mr_s).replace(chr(39), '')} "
         f"{strip_marks(mr_given).replace(chr(39), '')}", "mr-plain"),
        (f"{'-'.join(cap(s) for s in pp)} {passport}", "passport-hyphen-western-order"),
        (f"{passport.upper()} {''.join(pp).upper()}", "passport-caps"),
        (f"{''.join(pp).upper()} {passport.upper()}", "passport-caps-western-order"),
        (f"{passport} {cap(pp[0])}-{'-'.join(pp[1:])}", "press-hyphen"),
        (f"{cap(''.join(rr))} {rr_s}", "rr-reordered"),
        (ko_yale_name(sur, given), "yale"),
        (sur_hanja + given_hanja, "hanja"),
        (ko_kontsevich(sur, given), "kontsevich-cyrillic"),
    ]
    return listed, sur + given, forms


def korean_north(sur, sur_hanja, given, given_hanja):
    """A North Korean: listed in the DPRK's spelling, syllables apart (as the UN list does)."""
    d = ko_syllables(given, "dprk")
    d_s = ko_surname(sur, "dprk")
    mr = ko_syllables(given, "mr")
    mr_s = ko_surname(sur, "mr")
    rr = ko_syllables(given, "rr")
    listed = f"{d_s.upper()}, {' '.join(cap(s) for s in d)}"
    mr_given = cap("-".join(mr))
    forms = [
        (sur + given, "original-script"),
        (ko_to_south(sur) + ko_to_south(given), "original-script-south"),
        (f"{d_s} {cap(d[0])}-{'-'.join(d[1:])}", "press-hyphen"),
        (f"{mr_s} {mr_given}", "mr"),
        (f"{strip_marks(mr_s).replace(chr(39), '')} "
         f"{strip_marks(mr_given).replace(chr(39), '')}", "mr-plain"),
        (f"{ko_surname(sur, 'rr')} {cap(''.join(rr))}", "rr"),
        (f"{d_s.upper()} {''.join(d).upper()}", "dprk-joined-caps"),
        (f"{' '.join(cap(s) for s in d)} {d_s}", "dprk-reordered"),
        (ko_yale_name(sur, given), "yale"),
        (to_simplified(sur_hanja + given_hanja), "hanja-simplified"),
        (ko_kontsevich(sur, given), "kontsevich-cyrillic"),
    ]
    return listed, sur + given, forms


# =============================================================================================
# Chinese
# =============================================================================================
PINYIN_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j",
                   "q", "x", "r", "z", "c", "s")


def pinyin_split(syl):
    for ini in PINYIN_INITIALS:
        if syl.startswith(ini) and len(syl) > len(ini):
            return ini, syl[len(ini):]
    return "", syl


WG_INITIAL = {"b": "p", "p": "p'", "m": "m", "f": "f", "d": "t", "t": "t'", "n": "n", "l": "l",
              "g": "k", "k": "k'", "h": "h", "j": "ch", "q": "ch'", "x": "hs", "zh": "ch",
              "ch": "ch'", "sh": "sh", "r": "j", "z": "ts", "c": "ts'", "s": "s"}
# syllables without an initial (y- and w- spellings of pinyin)
WG_ZERO = {"a": "a", "ai": "ai", "an": "an", "ang": "ang", "ao": "ao", "e": "o", "en": "ên",
           "er": "êrh", "ou": "ou", "yi": "i", "ya": "ya", "yao": "yao", "ye": "yeh",
           "you": "yu", "yan": "yen", "yang": "yang", "yin": "yin", "ying": "ying",
           "yong": "yung", "yu": "yü", "yue": "yüeh", "yuan": "yüan", "yun": "yün", "wu": "wu",
           "wa": "wa", "wo": "wo", "wai": "wai", "wei": "wei", "wan": "wan", "wen": "wên",
           "wang": "wang", "weng": "wêng"}
WG_WHOLE = {"zhi": "chih", "chi": "ch'ih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tz'u",
            "si": "ssu"}


def wade_giles(syl):
    """One toneless pinyin syllable in Wade-Giles, with its apostrophes, ü and ê."""
    syl = syl.replace("v", "ü")
    if syl in WG_WHOLE:
        return WG_WHOLE[syl]
    ini, fin = pinyin_split(syl)
    if ini == "":
        return WG_ZERO[syl]
    if ini in ("j", "q", "x"):
        fin = {"u": "ü", "ue": "üeh", "uan": "üan", "un": "ün"}.get(fin, fin)
    if fin == "e":
        fin = "o" if ini in ("g", "k", "h") else "ê"
    elif fin in ("en", "eng"):
        fin = "ê" + fin[1:]
    elif fin == "uo":
        fin = "uo" if ini in ("g", "k", "h", "sh") else "o"
    elif fin == "ui":
        fin = "uei" if ini in ("g", "k") else "ui"
    elif fin == "üe":
        fin = "üeh"
    else:
        fin = {"ong": "ung", "iong": "iung", "ie": "ieh", "ian": "ien"}.get(fin, fin)
    return WG_INITIAL[ini] + fin


def wg_plain(s):
    return strip_marks(s).replace("'", "")


def tongyong(syl):
    """One toneless pinyin syllable in Tongyong Pinyin (Taiwan, 2002-2008): jh for zh, c for q,
    s for x, -ih after the retroflexes and z c s, yu for ü, -ong after b p m f w, wun, -iou,
    -uei."""
    syl = syl.replace("v", "ü")
    whole = {"zhi": "jhih", "chi": "chih", "shi": "shih", "ri": "rih", "zi": "zih", "ci": "cih",
             "si": "sih", "wen": "wun", "weng": "wong"}
    if syl in whole:
        return whole[syl]
    ini, fin = pinyin_split(syl)
    if ini in ("j", "q", "x"):
        fin = {"u": "yu", "ue": "yue", "uan": "yuan", "un": "yun", "iong": "yong"}.get(fin, fin)
    if fin in ("lü", "nü", "ü"):
        fin = "yu"
    fin = fin.replace("ü", "yu")
    if ini in ("b", "p", "m", "f") and fin == "eng":
        fin = "ong"
    if fin == "iu":
        fin = "iou"
    if fin == "ui":
        fin = "uei"
    ini = {"zh": "jh", "q": "c", "x": "s"}.get(ini, ini)
    return ini + fin


def pinyin_join(syls):
    """Pinyin syllables of one name joined, with the apostrophe before a, o, e."""
    out = syls[0]
    for s in syls[1:]:
        out += ("'" if s[0] in "aoe" else "") + s
    return out


# traditional -> simplified for the characters of the tables (the others are the same), the
# Hanja of the Korean tables included
T2S = dict(pair for pair in """
陳陈 張张 黃黄 劉刘 鄭郑 吳吴 葉叶 羅罗 鄧邓 馮冯 盧卢 麥麦 譚谭 許许 謝谢 鍾钟 區区 關关 歐欧
陽阳 湯汤 蘇苏 蕭萧 莊庄 呂吕 簡简 顏颜 趙赵 孫孙 楊杨 韓韩 馬马 蔣蒋 車车 賴赖 龔龚 賀贺 鄒邹
顧顾 龍龙 萬万 雲云 權权 閔闵 嚴严 諸诸 獨独 鮮鲜 宮宫 裵裴 順顺 鳳凤 賢贤 國国 進进 誠诚 東东
蓮莲 貞贞 實实 蘭兰 勳勋 點点 禮礼 後后 藝艺 軒轩 麗丽 嬌娇 韋韦 慶庆 強强 傑杰 華华 倫伦 達达
潔洁 曉晓 穎颖 凱凯 寶宝 樂乐 綺绮 儀仪 榮荣 澤泽 開开 潤润 靜静 維维 偉伟 農农 衛卫 紅红 躍跃
鐵铁 棟栋 瑤瑶 語语 貴贵 軍军 銘铭 彥彦 啟启 聰聪 錦锦 鴻鸿 輝辉 靄霭 詩诗 詠咏 興兴 愛爱 學学
亞亚 來来 臘腊 長长 滿满 倉仓 鳴鸣 諾诺 夢梦 發发 義义 鎭镇 銀银 鶴鹤 壽寿 錫锡
億亿 煥焕 燦灿 鋼钢 頭头 靑青 鎖锁 閏闰 壯壮 悅悦 堅坚 漢汉 樹树 樑梁 灝灏 謙谦 頌颂 鈺钰 瑩莹
兒儿 豐丰 廣广 遠远 嫻娴 勝胜 載载 時时 財财 溫温 趕赶 岡冈 鋒锋 賜赐 騫骞 帶带 賈贾 閆闫
""".split())
# 樑 (a beam, in the name 國樑) and the Korean 靑 simplify to 梁 and 青, which stay the
# traditional forms of the surname 梁 and of 青
S2T = {s: t for t, s in T2S.items() if s != t and t not in "樑靑"}


def to_simplified(s):
    return "".join(T2S.get(c, c) for c in s)


def to_traditional(s):
    return "".join(S2T.get(c, c) for c in s)


def toneless(py):
    """Pinyin syllables with tone numbers ("jian4 guo2") without them ("jian guo")."""
    return re.sub(r"[0-5]", "", py)


def zh_surname_syllables(py):
    for a in ("ou", "si"):
        if py.startswith(a) and py != a and len(py) > len(a) + 1:
            return [a, py[len(a):]]
    return [py]


def py_cap(syls):
    return cap(pinyin_join(syls))


TONE_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


def tone_mark(syl):
    """One pinyin syllable with a tone number (lü3) written with its tone mark (lǚ): the mark
    goes on a or e, on the o of ou, else on the last vowel; tone 5 (neutral) is unmarked."""
    tone = int(syl[-1]) if syl[-1].isdigit() else 5
    base = re.sub(r"[0-5]$", "", syl).replace("v", "ü")
    if tone == 5:
        return base
    if "a" in base:
        k = base.index("a")
    elif "e" in base:
        k = base.index("e")
    elif "ou" in base:
        k = base.index("o")
    else:
        k = max(base.rfind(c) for c in "iouü")
    return base[:k] + TONE_MARKS[base[k]][tone - 1] + base[k + 1:]


def tone_number(syl):
    """As written where marks cannot be typed: ü as v (lv3), the number after the syllable."""
    return syl.replace("ü", "v")


def pinyin_join_marked(syls):
    """Tone-marked syllables joined, with the apostrophe before a, o, e (marked or not)."""
    out = syls[0]
    for s in syls[1:]:
        out += ("'" if strip_marks(s)[0] in "aoe" else "") + s
    return out


def zh_tones(sur_py, given_py):
    """Surname and given name in pinyin with tone marks (Lǚ Wénbó) and with tone numbers
    (Lv3 Wen2bo2), as dictionaries, teaching material and some databases write them. A
    two-syllable surname's syllables are joined (Ōuyáng)."""
    g = given_py.split()
    s = sur_py.split()
    marked = f"{cap(pinyin_join_marked([tone_mark(x) for x in s]))} " \
             f"{cap(pinyin_join_marked([tone_mark(x) for x in g]))}"
    numbered = f"{cap(''.join(tone_number(x) for x in s))} " \
               f"{cap(''.join(tone_number(x) for x in g))}"
    marked_w = f"{cap(pinyin_join_marked([tone_mark(x) for x in g]))} " \
               f"{cap(pinyin_join_marked([tone_mark(x) for x in s]))}"
    return marked, numbered, marked_w




# Palladius, the Russian system for Chinese (the Russian press, Russian documents and the CIS
# write Chinese names in it: the surname, then the given name's syllables joined: Си Цзиньпин)
PAL_INITIAL = {"b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л",
               "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж",
               "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с"}
PAL_FINAL = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
             "an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр",
             "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь",
             "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
             "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "ü": "юй",
             "üe": "юэ", "üan": "юань", "ün": "юнь"}
PAL_ZERO = {"yi": "и", "ya": "я", "yao": "яо", "ye": "е", "you": "ю", "yan": "янь", "yin": "инь",
            "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань",
            "yun": "юнь", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй",
            "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн"}
PAL_WHOLE = {"zhi": "чжи", "chi": "чи", "shi": "ши", "ri": "жи", "zi": "цзы", "ci": "цы",
             "si": "сы", "hui": "хуэй"}


def palladius(syl):
    """One toneless pinyin syllable in Palladius."""
    syl = syl.replace("v", "ü")
    if syl in PAL_WHOLE:
        return PAL_WHOLE[syl]
    if syl in PAL_ZERO:
        return PAL_ZERO[syl]
    ini, fin = pinyin_split(syl)
    if ini == "":
        return PAL_FINAL[fin]
    if ini in ("j", "q", "x"):
        fin = {"u": "ü", "ue": "üe", "uan": "üan", "un": "ün"}.get(fin, fin)
    return PAL_INITIAL[ini] + PAL_FINAL[fin]


def palladius_join(syls):
    """Syllables joined, with ъ after -н (pinyin -ng) before a vowel: Чанъань, Дунъин."""
    out = ""
    for s in syls:
        r = palladius(s)
        if out.endswith("н") and r[0] in "аоуэияеюё":
            out += "ъ"
        out += r
    return out


def palladius_name(sur_py, given_py):
    s = cap(palladius_join(zh_surname_syllables(sur_py)))
    return f"{s} {cap(palladius_join(given_py.split()))}"


# Mainland persons: surname (simplified), its pinyin with the tone (the surname reading)
ZH_MAINLAND_SURNAMES = [
    ("王", "wang2"), ("李", "li3"), ("张", "zhang1"), ("刘", "liu2"), ("陈", "chen2"),
    ("杨", "yang2"), ("赵", "zhao4"), ("黄", "huang2"), ("周", "zhou1"), ("吴", "wu2"),
    ("徐", "xu2"), ("孙", "sun1"), ("马", "ma3"), ("朱", "zhu1"), ("胡", "hu2"), ("郭", "guo1"),
    ("何", "he2"), ("林", "lin2"), ("罗", "luo2"), ("高", "gao1"), ("郑", "zheng4"),
    ("梁", "liang2"), ("谢", "xie4"), ("宋", "song4"), ("唐", "tang2"), ("许", "xu3"),
    ("韩", "han2"), ("冯", "feng2"), ("邓", "deng4"), ("曹", "cao2"), ("彭", "peng2"),
    ("曾", "zeng1"), ("肖", "xiao1"), ("田", "tian2"), ("董", "dong3"), ("袁", "yuan2"),
    ("潘", "pan1"), ("蒋", "jiang3"), ("蔡", "cai4"), ("余", "yu2"), ("杜", "du4"), ("叶", "ye4"),
    ("程", "cheng2"), ("苏", "su1"), ("魏", "wei4"), ("吕", "lü3"), ("丁", "ding1"),
    ("沈", "shen3"), ("姜", "jiang1"), ("范", "fan4"), ("傅", "fu4"), ("钟", "zhong1"),
    ("卢", "lu2"), ("汪", "wang1"), ("戴", "dai4"), ("崔", "cui1"), ("廖", "liao4"),
    ("贾", "jia3"), ("夏", "xia4"), ("付", "fu4"), ("方", "fang1"), ("白", "bai2"), ("邹", "zou1"),
    ("孟", "meng4"), ("熊", "xiong2"), ("秦", "qin2"), ("邱", "qiu1"), ("江", "jiang1"),
    ("尹", "yin3"), ("薛", "xue1"), ("闫", "yan2"), ("段", "duan4"), ("雷", "lei2"),
    ("侯", "hou2"), ("龙", "long2"), ("史", "shi3"), ("陶", "tao2"), ("黎", "li2"), ("贺", "he4"),
    ("顾", "gu4"), ("毛", "mao2"), ("郝", "hao3"), ("龚", "gong1"), ("邵", "shao4"),
    ("万", "wan4"), ("覃", "qin2"), ("武", "wu3"), ("欧阳", "ou1 yang2"),
]
# given names (simplified) with their pinyin syllables and tones: names of the 1950s-70s
# (援越, 赶英, 超美, 卫彪, 学锋, 红兵, 向红, 永红, 延安, 井冈), older rural names (有福, 来喜,
# 长生, 招弟, 盼娣, 带娣, 桃花, 秀娥) and recent ones (梓航, 子骞, 雨涵, 歆瑶, 芊芊)
ZH_MAINLAND_GIVEN = [
    ("文革", "wen2 ge2", "m"), ("和平", "he2 ping2", "m"), ("赶英", "gan3 ying1", "m"),
    ("超美", "chao1 mei3", "m"), ("兴华", "xing1 hua2", "m"), ("博文", "bo2 wen2", "m"),
    ("援越", "yuan2 yue4", "m"), ("卫彪", "wei4 biao1", "m"), ("红军", "hong2 jun1", "m"),
    ("志农", "zhi4 nong2", "m"), ("学工", "xue2 gong1", "m"), ("爱民", "ai4 min2", "m"),
    ("东升", "dong1 sheng1", "m"), ("跃东", "yue4 dong1", "m"), ("延安", "yan2 an1", "m"),
    ("井冈", "jing3 gang1", "m"), ("学锋", "xue2 feng1", "m"), ("红兵", "hong2 bing1", "m"),
    ("振国", "zhen4 guo2", "m"), ("有福", "you3 fu2", "m"), ("长生", "chang2 sheng1", "m"),
    ("来喜", "lai2 xi3", "m"), ("润田", "run4 tian2", "m"), ("福生", "fu2 sheng1", "m"),
    ("天赐", "tian1 ci4", "m"), ("浩宇", "hao4 yu3", "m"), ("明轩", "ming2 xuan1", "m"),
    ("子骞", "zi3 qian1", "m"), ("梓航", "zi3 hang2", "m"), ("永红", "yong3 hong2", "f"),
    ("桂芝", "gui4 zhi1", "f"), ("翠兰", "cui4 lan2", "f"), ("招弟", "zhao1 di4", "f"),
    ("盼娣", "pan4 di4", "f"), ("带娣", "dai4 di4", "f"), ("胜男", "sheng4 nan2", "f"),
    ("梦洁", "meng4 jie2", "f"), ("雨涵", "yu3 han2", "f"), ("瑾瑜", "jin3 yu2", "f"),
    ("向红", "xiang4 hong2", "f"), ("喜梅", "xi3 mei2", "f"), ("桃花", "tao2 hua1", "f"),
    ("荷花", "he2 hua1", "f"), ("素娥", "su4 e2", "f"), ("秀娥", "xiu4 e2", "f"),
    ("彩云", "cai3 yun2", "f"), ("依依", "yi1 yi1", "f"), ("梓琪", "zi3 qi2", "f"),
    ("歆瑶", "xin1 yao2", "f"), ("芊芊", "qian1 qian1", "f"),
]
# Taiwan persons: surname (traditional), pinyin, the customary Taiwan passport spelling
ZH_TAIWAN_SURNAMES = [
    ("陳", "chen2", "Chen"), ("林", "lin2", "Lin"), ("黃", "huang2", "Huang"),
    ("張", "zhang1", "Chang"), ("李", "li3", "Lee"), ("王", "wang2", "Wang"), ("吳", "wu2", "Wu"),
    ("劉", "liu2", "Liu"), ("蔡", "cai4", "Tsai"), ("楊", "yang2", "Yang"), ("許", "xu3", "Hsu"),
    ("鄭", "zheng4", "Cheng"), ("謝", "xie4", "Hsieh"), ("郭", "guo1", "Kuo"),
    ("洪", "hong2", "Hung"), ("曾", "zeng1", "Tseng"), ("廖", "liao4", "Liao"),
    ("周", "zhou1", "Chou"), ("葉", "ye4", "Yeh"), ("蘇", "su1", "Su"), ("賴", "lai4", "Lai"),
    ("江", "jiang1", "Chiang"), ("鍾", "zhong1", "Chung"), ("簡", "jian3", "Chien"),
    ("莊", "zhuang1", "Chuang"), ("呂", "lü3", "Lu"), ("蕭", "xiao1", "Hsiao"),
    ("顏", "yan2", "Yen"), ("邱", "qiu1", "Chiu"), ("柯", "ke1", "Ko"), ("游", "you2", "Yu"),
]
# Taiwan given names (traditional): older ones in Taiwanese custom (添財, 旺來, 水木, 火土, 樹林,
# 罔舍, 招治) and recent ones (禹辰, 睿哲, 宥勝, 子晴, 芸熙)
ZH_TAIWAN_GIVEN = [
    ("禹辰", "yu3 chen2", "m"), ("睿哲", "rui4 zhe2", "m"), ("國雄", "guo2 xiong2", "m"),
    ("水木", "shui3 mu4", "m"), ("添財", "tian1 cai2", "m"), ("旺來", "wang4 lai2", "m"),
    ("宏達", "hong2 da2", "m"), ("振榮", "zhen4 rong2", "m"), ("坤煌", "kun1 huang2", "m"),
    ("清輝", "qing1 hui1", "m"), ("世昌", "shi4 chang1", "m"), ("茂雄", "mao4 xiong2", "m"),
    ("火土", "huo3 tu3", "m"), ("樹林", "shu4 lin2", "m"), ("錦堂", "jin3 tang2", "m"),
    ("炎輝", "yan2 hui1", "m"), ("宥勝", "you4 sheng4", "m"), ("昭明", "zhao1 ming2", "m"),
    ("進興", "jin4 xing1", "m"), ("子晴", "zi3 qing2", "f"), ("罔舍", "wang3 she3", "f"),
    ("招治", "zhao1 zhi4", "f"), ("鳳嬌", "feng4 jiao1", "f"), ("金英", "jin1 ying1", "f"),
    ("菊英", "ju2 ying1", "f"), ("碧珠", "bi4 zhu1", "f"), ("秀蓮", "xiu4 lian2", "f"),
    ("芸熙", "yun2 xi1", "f"), ("秋霞", "qiu1 xia2", "f"), ("素梅", "su4 mei2", "f"),
    ("蕙君", "hui4 jun1", "f"),
]
# Hong Kong persons: surname (traditional), the Hong Kong government's (Cantonese) spelling,
# pinyin
ZH_HK_SURNAMES = [
    ("陳", "Chan", "chen2"), ("李", "Lee", "li3"), ("張", "Cheung", "zhang1"),
    ("黃", "Wong", "huang2"), ("何", "Ho", "he2"), ("梁", "Leung", "liang2"),
    ("林", "Lam", "lin2"), ("劉", "Lau", "liu2"), ("鄭", "Cheng", "zheng4"), ("吳", "Ng", "wu2"),
    ("葉", "Yip", "ye4"), ("曾", "Tsang", "zeng1"), ("鄧", "Tang", "deng4"),
    ("周", "Chow", "zhou1"), ("盧", "Lo", "lu2"), ("麥", "Mak", "mai4"), ("譚", "Tam", "tan2"),
    ("謝", "Tse", "xie4"), ("余", "Yu", "yu2"), ("朱", "Chu", "zhu1"), ("馬", "Ma", "ma3"),
    ("郭", "Kwok", "guo1"), ("袁", "Yuen", "yuan2"), ("馮", "Fung", "feng2"),
    ("鍾", "Chung", "zhong1"), ("蔡", "Choi", "cai4"), ("區", "Au", "ou1"),
    ("司徒", "Szeto", "si1 tu2"), ("莫", "Mok", "mo4"), ("岑", "Shum", "cen2"),
    ("關", "Kwan", "guan1"), ("溫", "Wan", "wen1"), ("崔", "Tsui", "cui1"), ("羅", "Law", "luo2"),
    ("霍", "Fok", "huo4"), ("湯", "Tong", "tang1"), ("姚", "Yiu", "yao2"), ("杜", "To", "du4"),
    ("冼", "Sin", "xian3"),
]
# given names (traditional), Cantonese syllables (Hong Kong spelling), pinyin syllables, sex
ZH_HK_GIVEN = [
    ("偉明", "wai ming", "wei3 ming2", "m"), ("浩文", "ho man", "hao4 wen2", "m"),
    ("炳權", "ping kuen", "bing3 quan2", "m"), ("家俊", "ka chun", "jia1 jun4", "m"),
    ("樂天", "lok tin", "le4 tian1", "m"), ("卓峰", "cheuk fung", "zhuo2 feng1", "m"),
    ("朗軒", "long hin", "lang3 xuan1", "m"), ("梓朗", "tsz long", "zi3 lang3", "m"),
    ("柏霖", "pak lam", "bo2 lin2", "m"), ("浚軒", "chun hin", "jun4 xuan1", "m"),
    ("錦泉", "kam chuen", "jin3 quan2", "m"), ("美儀", "mei yee", "mei3 yi2", "f"),
    ("靖雯", "ching man", "jing4 wen2", "f"), ("惠芬", "wai fan", "hui4 fen1", "f"),
    ("晞彤", "hei tung", "xi1 tong2", "f"), ("穎琳", "wing lam", "ying3 lin2", "f"),
    ("雅詩", "nga sze", "ya3 shi1", "f"), ("凱晴", "hoi ching", "kai3 qing2", "f"),
    ("月嫦", "yuet sheung", "yue4 chang2", "f"),
]
# English given names Hong Kong people take beside their Chinese name (Peter Chan Tai-man)
HK_ENGLISH = {
    "m": ["Anson", "Carson", "Dickson", "Dominic", "Edmund", "Eugene", "Jackson", "Lester",
          "Percy", "Quincy", "Wallace", "Wilfred"],
    "f": ["Ada", "Becky", "Christy", "Gigi", "Gladys", "Hazel", "Ivy", "Kitty", "Mabel",
          "Melody", "Miranda", "Priscilla"],
}
# Macau persons, registered in Macau's Portuguese-based spelling of the Cantonese reading
# (LEONG, Vai Tac): surname (traditional), the Macau spelling, the Hong Kong spelling, pinyin
ZH_MACAU_SURNAMES = [
    ("陳", "Chan", "Chan", "chen2"), ("黃", "Vong", "Wong", "huang2"), ("李", "Lei", "Lee", "li3"),
    ("梁", "Leong", "Leung", "liang2"), ("張", "Cheong", "Cheung", "zhang1"),
    ("劉", "Lao", "Lau", "liu2"), ("何", "Ho", "Ho", "he2"), ("林", "Lam", "Lam", "lin2"),
    ("吳", "Ng", "Ng", "wu2"), ("郭", "Kuok", "Kwok", "guo1"), ("楊", "Ieong", "Yeung", "yang2"),
    ("蘇", "Sou", "So", "su1"), ("盧", "Lou", "Lo", "lu2"), ("高", "Kou", "Ko", "gao1"),
    ("馮", "Fong", "Fung", "feng2"), ("余", "U", "Yu", "yu2"), ("曾", "Chang", "Tsang", "zeng1"),
    ("鍾", "Chong", "Chung", "zhong1"), ("許", "Hoi", "Hui", "xu3"),
    ("卓", "Cheok", "Cheuk", "zhuo1"), ("孫", "Sun", "Suen", "sun1"), ("呂", "Loi", "Lui", "lü3"),
    ("袁", "Un", "Yuen", "yuan2"),
]
# given names (traditional), Macau syllables, Hong Kong syllables, pinyin, sex
ZH_MACAU_GIVEN = [
    ("偉雄", "wai hong", "wai hung", "wei3 xiong2", "m"),
    ("國明", "kuok meng", "kwok ming", "guo2 ming2", "m"),
    ("志成", "chi seng", "chi shing", "zhi4 cheng2", "m"),
    ("德安", "tak on", "tak on", "de2 an1", "m"),
    ("家健", "ka kin", "ka kin", "jia1 jian4", "m"),
    ("文輝", "man fai", "man fai", "wen2 hui1", "m"),
    ("耀明", "io meng", "yiu ming", "yao4 ming2", "m"),
    ("炳輝", "peng fai", "ping fai", "bing3 hui1", "m"),
    ("燕芳", "in fong", "yin fong", "yan4 fang1", "f"),
    ("詠儀", "weng i", "wing yee", "yong3 yi2", "f"),
    ("惠珍", "wai chan", "wai chun", "hui4 zhen1", "f"),
    ("少蘭", "sio lan", "siu lan", "shao3 lan2", "f"),
    ("麗萍", "lai peng", "lai ping", "li4 ping2", "f"),
    ("婉芬", "un fan", "yuen fan", "wan3 fen1", "f"),
    ("美蓮", "mei lin", "mei lin", "mei3 lian2", "f"),
    ("少梅", "sio mui", "siu mui", "shao3 mei2", "f"),
]
# well-known persons of these names, not to be drawn (the set's persons are fictitious)
ZH_REAL = {"陈爱莲", "陳愛蓮", "黄秋生", "黃秋生", "梁詠琪", "梁咏琪", "黃碧雲", "黄碧云", "蔡秋菊",
           "呂秀蓮", "吕秀莲"}


def zh_mainland(sur, sur_py_t, given, given_py_t):
    sur_py, given_py = toneless(sur_py_t), toneless(given_py_t)
    g = given_py.split()
    s = zh_surname_syllables(sur_py.replace(" ", ""))
    py_s = "Lyu" if sur_py == "lü" else py_cap(s)  # PRC passports write ü as yu after l, n
    py_g = py_cap(g)
    wg_s = cap("-".join(wade_giles(x) for x in s))
    wg_g = cap("-".join(wade_giles(x) for x in g))
    listed = f"{py_s.upper()}, {py_g}"
    marked, numbered, marked_w = zh_tones(sur_py_t, given_py_t)
    forms = [
        (sur + given, "original-script"),
        (to_traditional(sur + given), "original-script-traditional"),
        (f"{py_g} {py_s}", "pinyin-western-order"),
        (f"{py_s} {' '.join(cap(x) for x in g)}", "pinyin-split"),
        (f"{py_s} {cap(g[0])}-{'-'.join(g[1:])}", "pinyin-hyphen"),
        (f"{py_s.upper()} {pinyin_join(g).replace(chr(39), '').upper()}", "passport-caps"),
        (marked, "pinyin-tone-marks"),
        (numbered, "pinyin-tone-numbers"),
        (marked_w, "pinyin-tone-marks-western-order"),
        (f"{wg_s} {wg_g}", "wade-giles"),
        (f"{wg_plain(wg_s).replace('-', '')} {wg_plain(wg_g)}", "wade-giles-plain"),
        (palladius_name(sur_py.replace(" ", ""), given_py), "palladius-cyrillic"),
    ]
    if sur_py == "lü":
        forms.append((f"Lu {py_g}", "pinyin-u-for-u-umlaut"))
    return listed, sur + given, forms


def taiwan_given_syllable(syl):
    """Wade-Giles without marks, as Taiwan passports write it (yi, not i, for 怡, 宜 ...)."""
    w = wg_plain(wade_giles(syl))
    return {"i": "yi", "erh": "erh"}.get(w, w)


def zh_taiwan(sur, sur_py_t, tw, given, given_py_t):
    sur_py, given_py = toneless(sur_py_t), toneless(given_py_t)
    g = given_py.split()
    tw_g = [taiwan_given_syllable(x) for x in g]
    listed = f"{tw.upper()}, {cap(tw_g[0])}-{'-'.join(tw_g[1:])}"
    wg_s = cap("-".join(wade_giles(x) for x in zh_surname_syllables(sur_py)))
    forms = [
        (sur + given, "original-script"),
        (to_simplified(sur + given), "original-script-simplified"),
        (f"{'Lyu' if sur_py == 'lü' else py_cap(zh_surname_syllables(sur_py))} {py_cap(g)}",
         "pinyin"),
        (zh_tones(sur_py_t, given_py_t)[0], "pinyin-tone-marks"),
        (f"{wg_s} {cap('-'.join(wade_giles(x) for x in g))}", "wade-giles"),
        (f"{cap(''.join(tongyong(x) for x in zh_surname_syllables(sur_py)))} "
         f"{cap('-'.join(tongyong(x) for x in g))}", "tongyong"),
        (f"{tw} {' '.join(cap(x) for x in tw_g)}", "taiwan-passport-spaced"),
        (f"{'-'.join(cap(x) for x in tw_g)} {tw}", "taiwan-western-order"),
        (f"{tw.upper()} {''.join(tw_g).upper()}", "taiwan-caps-joined"),
        (palladius_name(sur_py, given_py), "palladius-cyrillic"),
    ]
    return listed, sur + given, forms


def zh_hk(sur, hk, sur_py_t, given, given_yue, given_py_t, english):
    sur_py, given_py = toneless(sur_py_t), toneless(given_py_t)
    y = given_yue.split()
    g = given_py.split()
    listed = f"{hk.upper()}, {cap(y[0])}-{'-'.join(y[1:])}"
    forms = [
        (sur + given, "original-script"),
        (to_simplified(sur + given), "original-script-simplified"),
        (f"{py_cap(zh_surname_syllables(sur_py.replace(' ', '')))} {py_cap(g)}",
         "pinyin-mandarin-reading"),
        (f"{hk} {cap(''.join(y))}", "cantonese-joined"),
        (f"{cap(y[0])}-{'-'.join(y[1:])} {hk}", "cantonese-western-order"),
        (f"{hk.upper()} {' '.join(y).upper()}", "hkid-caps"),
        (f"{' '.join(cap(x) for x in y)} {hk.upper()}", "cantonese-spaced-western-order"),
        # the English name before the Chinese one, as Hong Kong's press and records write it
        (f"{english} {hk} {cap(y[0])}-{'-'.join(y[1:])}", "english-name-added"),
    ]
    return listed, sur + given, forms


def zh_macau(sur, mo, hk, sur_py_t, given, given_mo, given_hk, given_py_t):
    """A Macau resident, listed as Macau's identity cards write the name: the Macau spelling,
    syllables apart (LEONG, Vai Tac)."""
    sur_py, given_py = toneless(sur_py_t), toneless(given_py_t)
    m = given_mo.split()
    h = given_hk.split()
    g = given_py.split()
    listed = f"{mo.upper()}, {' '.join(cap(x) for x in m)}"
    forms = [
        (sur + given, "original-script"),
        (to_simplified(sur + given), "original-script-simplified"),
        (f"{'Lyu' if sur_py == 'lü' else py_cap(zh_surname_syllables(sur_py))} {py_cap(g)}",
         "pinyin-mandarin-reading"),
        (f"{' '.join(cap(x) for x in m)} {mo}", "macau-western-order"),
        # the same name in the Hong Kong spelling, as Hong Kong records and press write it
        (f"{hk} {cap(h[0])}-{'-'.join(h[1:])}", "hong-kong-spelling"),
    ]
    return listed, sur + given, forms


# Singapore and Malaysia persons, registered in the spelling of their family's Hokkien or
# Teochew: surname (simplified), the registered spelling, pinyin
ZH_SG_SURNAMES = [
    ("陈", "Tan", "chen2"), ("林", "Lim", "lin2"), ("李", "Lee", "li3"), ("黄", "Ng", "huang2"),
    ("吴", "Goh", "wu2"), ("蔡", "Chua", "cai4"), ("杨", "Yeo", "yang2"), ("王", "Ong", "wang2"),
    ("张", "Teo", "zhang1"), ("郭", "Quek", "guo1"), ("许", "Koh", "xu3"), ("郑", "Tay", "zheng4"),
    ("谢", "Chia", "xie4"), ("周", "Chew", "zhou1"), ("洪", "Ang", "hong2"), ("邱", "Khoo", "qiu1"),
    ("庄", "Chng", "zhuang1"), ("苏", "Soh", "su1"), ("卓", "Toh", "zhuo2"), ("沈", "Sim", "shen3"),
    ("魏", "Gwee", "wei4"), ("颜", "Gan", "yan2"),
]
# given names (simplified), the registered (Hokkien/Teochew) syllables, pinyin, sex
ZH_SG_GIVEN = [
    ("亚发", "ah huat", "ya4 fa1", "m"), ("福成", "hock seng", "fu2 cheng2", "m"),
    ("荣发", "eng huat", "rong2 fa1", "m"), ("文彬", "boon pin", "wen2 bin1", "m"),
    ("亚明", "ah beng", "ya4 ming2", "m"), ("顺兴", "soon heng", "shun4 xing1", "m"),
    ("振源", "chin guan", "zhen4 yuan2", "m"), ("福兴", "hock heng", "fu2 xing1", "m"),
    ("金顺", "kim soon", "jin1 shun4", "m"), ("光辉", "kong hui", "guang1 hui1", "m"),
    ("亚水", "ah chwee", "ya4 shui3", "m"), ("亚兰", "ah lan", "ya4 lan2", "f"),
    ("瑞兰", "swee lan", "rui4 lan2", "f"), ("亚娥", "ah ngoh", "ya4 e2", "f"),
    ("宝兰", "poh lan", "bao3 lan2", "f"), ("瑞珠", "swee choo", "rui4 zhu1", "f"),
    ("月凤", "guat hong", "yue4 feng4", "f"), ("丽娥", "lay ngoh", "li4 e2", "f"),
    ("惠珠", "hui choo", "hui4 zhu1", "f"), ("亚珠", "ah choo", "ya4 zhu1", "f"),
    ("亚凤", "ah hong", "ya4 feng4", "f"),
]


def zh_sg(sur, reg, sur_py_t, given, given_reg, given_py_t):
    """A Singaporean or Malaysian listed in the registered dialect spelling, syllables apart
    (TAN, Boon Keng), as identity cards and passports write it."""
    sur_py, given_py = toneless(sur_py_t), toneless(given_py_t)
    r = given_reg.split()
    g = given_py.split()
    listed = f"{reg.upper()}, {' '.join(cap(x) for x in r)}"
    forms = [
        (sur + given, "original-script"),
        (to_traditional(sur + given), "original-script-traditional"),
        (f"{py_cap(zh_surname_syllables(sur_py))} {py_cap(g)}", "pinyin-mandarin-reading"),
        (f"{' '.join(cap(x) for x in r)} {reg}", "dialect-western-order"),
        (f"{reg} {cap(r[0])}-{'-'.join(r[1:])}", "dialect-hyphen"),
        (f"{reg} {cap(''.join(r))}", "dialect-joined"),
    ]
    return listed, sur + given, forms


# =============================================================================================
# Arabic
# =============================================================================================
# Names are written in a phonemic notation: consonants b t th j H(ح) kh d dh r z s sh S(ص) D(ض)
# T(ط) Z(ظ) 3(ع) gh f q k l m n h w y '(hamza); short vowels a i u, long aa ii uu; @ the final
# tā' marbūṭa; "al-" the article; "_" keeps two letters from reading as a digraph. A given name
# "3abd al-X" is an Abd-compound, "X al-diin" a Din-compound.
AR_DIGRAPHS = ("aa", "ii", "uu", "th", "kh", "dh", "sh", "gh")
AR_VOWELS = ("a", "i", "u", "aa", "ii", "uu")
AR_SUN = {"t", "th", "d", "dh", "r", "z", "s", "sh", "S", "D", "T", "Z", "l", "n"}
AR_THICK = {"H", "kh", "3", "gh", "q", "S", "D", "T", "Z"}  # backing consonants (Turkish a/e)


def ar_units(word):
    out, k = [], 0
    while k < len(word):
        if word[k] == "_":
            k += 1
            continue
        if word[k:k + 2] in AR_DIGRAPHS:
            out.append(word[k:k + 2])
            k += 2
        else:
            out.append(word[k])
            k += 1
    return out


AR_CONS = {"'": "", "b": "b", "t": "t", "th": "th", "j": "j", "H": "h", "kh": "kh", "d": "d",
           "dh": "dh", "r": "r", "z": "z", "s": "s", "sh": "sh", "S": "s", "D": "d", "T": "t",
           "Z": "z", "3": "", "gh": "gh", "f": "f", "q": "q", "k": "k", "l": "l", "m": "m",
           "n": "n", "h": "h", "w": "w", "y": "y"}
AR_SCHEME_CONS = {
    "bgn": {},
    "gulf": {"D": "dh", "Z": "dh"},
    "iraqi": {"D": "dh", "Z": "dh"},
    "levant": {"q": "k", "dh": "z"},
    "egypt": {"j": "g", "q": "k", "dh": "z"},
    # Sudanese documents and press: g for q (as the Sudanese say it), s for th, z for dh/ẓ
    "sudan": {"q": "g", "th": "s", "dh": "z", "D": "d", "Z": "z"},
    # German press: dsch, sch, ch, j for y, k for q
    "german": {"j": "dsch", "sh": "sch", "kh": "ch", "y": "j", "q": "k"},
    "maghreb": {"j": "dj", "sh": "ch", "q": "k", "th": "t", "dh": "d", "D": "d", "Z": "d"},
    "turkish": {"th": "s", "j": "c", "kh": "h", "dh": "z", "sh": "ş", "D": "z", "gh": "ğ",
                "q": "k", "w": "v"},
    "indonesian": {"th": "ts", "dh": "dz", "sh": "sy", "S": "sh", "D": "dh", "T": "th",
                   "Z": "zh", "3": "'"},
}


def ar_word(us, scheme, family=False):
    """One word (a list of units, no article) in a scheme; a word-initial i stays i in the
    schemes that write e for a short i. `family`: the word is a family name (Levantine -eh for
    the tā' marbūṭa)."""
    cons = dict(AR_CONS, **AR_SCHEME_CONS[scheme])
    out = []
    n = len(us)

    def at(j):
        return us[j] if 0 <= j < n else None

    for k, u in enumerate(us):
        prev, nxt = at(k - 1), at(k + 1)
        first = k == 0 or (k == 1 and prev == "'")
        if u == "@":
            r = {"bgn": "ah", "indonesian": "ah", "levant": "eh" if family else "a"}.get(
                scheme, "a")
            if scheme == "turkish":
                vowels = [c for c in "".join(out) if c in "aeıioöuü"]
                r = "e" if vowels and vowels[-1] in "ei" else "a"
            if prev == "y" and at(k - 2) == "i" and scheme not in ("bgn", "indonesian",
                                                                    "turkish"):
                r = "a"  # -iya: Nadia
            out.append(r)
            continue
        if u in AR_VOWELS:
            r = {"aa": "a", "ii": "i", "uu": "u"}.get(u, u)
            iya = u == "i" and nxt == "y" and (at(k + 2) in ("@", "y") or (
                scheme == "maghreb" and at(k + 2) in AR_VOWELS and at(k - 1) not in (None, "'")))
            if scheme == "gulf":
                if u == "i" and not first and not iya:
                    r = "e"
                if u == "ii" and not first:
                    r = "i" if nxt is None else "ee"
                if u == "uu":
                    r = "oo"
            elif scheme == "levant":
                if u == "i" and not first and not iya:
                    r = "e"
                if u in ("u", "uu"):
                    r = "ou"
            elif scheme in ("egypt", "sudan"):
                if u == "i" and not iya and not (first and scheme == "sudan"):
                    r = "e"
                if u == "ii" and first and scheme == "egypt":
                    r = "e"
                if u == "u" and scheme == "egypt":
                    r = "o"
                if u == "uu":
                    r = "ou"
                if u == "ii" and nxt is None and scheme == "egypt":
                    r = "y"
            elif scheme == "maghreb":
                if u == "i" and not first and not iya:
                    r = "e"
                if u in ("u", "uu"):
                    r = "ou"
            elif scheme == "turkish" and u == "a":
                near = {prev, nxt}
                medial_hamza = (prev == "'" and k > 1) or (nxt == "'" and k + 2 < n)
                r = "a" if (near & AR_THICK) or medial_hamza else "e"
            if u == "aa" and nxt == "'" and k + 2 == n and scheme in ("gulf", "levant", "egypt",
                                                                      "iraqi", "sudan"):
                r = "aa"  # Alaa, Asmaa, Wafaa
            out.append(r)
            continue
        r = cons[u]
        if scheme == "turkish" and u == "gh" and k == 0:
            r = "g"
        if u == "3" and prev is not None and scheme in ("gulf", "levant", "egypt", "iraqi",
                                                          "sudan"):
            if prev == "a" and nxt not in AR_VOWELS:
                r = "a"  # Kaabi, Saad
            elif prev not in AR_VOWELS and nxt == "aa":
                r = "a"  # Kanaan
            elif scheme == "gulf" and prev in ("u", "uu") and nxt in ("i", "ii"):
                r = "e"  # Mazrouei
        if scheme == "indonesian" and u == "3" and (k == 0 or nxt is None):
            r = ""
        y_drop = nxt == "@" or (scheme == "maghreb" and nxt in AR_VOWELS
                                and at(k - 2) not in (None, "'"))
        if u == "y" and prev == "i" and y_drop and scheme in (
                "gulf", "levant", "egypt", "maghreb", "iraqi", "sudan"):
            r = ""  # -iya: Nadia; Maghreb -iya-: Boudiaf
        elif u == "y" and prev == "i" and nxt == "y" and scheme in (
                "gulf", "levant", "egypt", "maghreb", "iraqi", "sudan"):
            r = ""  # -iyy-: Haniyeh
        elif scheme in ("gulf", "iraqi", "levant", "egypt", "indonesian", "maghreb", "sudan",
                        "german") \
                and u == "y" and prev == "a" and nxt not in AR_VOWELS and nxt != "y":
            r = "i"
            if scheme in ("egypt", "sudan"):
                out[-1] = "e"
        if scheme == "maghreb":
            if u == "3" and prev not in AR_VOWELS and prev is not None \
                    and nxt in ("ii", "uu"):
                r = "a"  # Belaid, Messaoudi
            if u == "w" and (prev in AR_VOWELS or nxt in AR_VOWELS):
                r = "" if prev in ("u", "uu") else "ou"
            if u == "y" and prev is not None and prev not in AR_VOWELS + ("y",) \
                    and nxt in AR_VOWELS:
                r = "i"
            if u == "y" and prev == "y":
                r = ""  # Ayoub
        if scheme in ("maghreb", "levant", "german") and u == "s" and prev in AR_VOWELS \
                and nxt in AR_VOWELS:
            r = "ss"
        # a doubled letter written as a digraph is written once in the schemes that join
        if prev == u and len(r) > 1 and scheme in ("maghreb", "egypt", "sudan", "german"):
            continue
        out.append(r)
    s = "".join(out)
    if scheme == "maghreb":
        s = re.sub(r"an$", "ane", s) if us[-2:] == ["aa", "n"] else s
        s = re.sub(r"in$", "ine", s) if us[-2:] == ["ii", "n"] else s
    return s


def tcap(s, scheme):
    if scheme == "turkish" and s[:1] == "i":
        return "İ" + s[1:]
    return cap(s)


def ar_article(rest_units, scheme):
    """A word with the article (al-X) in a scheme."""
    first = rest_units[0]
    base = {"assimilated": "bgn", "gulf-press": "gulf"}.get(scheme, scheme)
    word = ar_word(rest_units, base, family=True)
    sun = first in AR_SUN
    if scheme == "bgn":
        return f"al-{cap(word)}"
    if scheme == "assimilated":
        w = ar_word(rest_units, "bgn")
        art = "a" + AR_CONS[first] if sun else "al"
        return f"{art}-{cap(w)}"
    if scheme == "gulf":
        return f"Al{word}"
    if scheme == "gulf-press":
        return f"Al {cap(word)}"
    if scheme == "iraqi":
        return f"Al-{cap(word)}"
    if scheme in ("levant", "egypt"):
        return f"El-{cap(word)}"
    if scheme == "sudan":
        return f"El{word}"  # joined, as Sudanese passports write it: Elbashir, Eltayeb
    if scheme == "german":
        return f"al-{cap(word)}"
    if scheme == "maghreb":
        return cap(word)  # Maghreb family names drop the article: Alaoui, Tazi, Jebali
    if scheme == "turkish":
        t = AR_SCHEME_CONS["turkish"].get(first, AR_CONS[first])
        art = "e" + t if sun else "el"
        return f"{art}-{tcap(word, scheme)}"
    if scheme == "indonesian":
        t = AR_SCHEME_CONS["indonesian"].get(first, AR_CONS[first])
        art = "A" + t if sun else "Al"
        return f"{art}-{cap(word)}"
    raise ValueError(scheme)


def ar_abd(rest_units, scheme):
    """An Abd-compound (3abd al-X)."""
    first = rest_units[0]
    sun = first in AR_SUN
    rest = ar_word(rest_units, {"assimilated": "bgn", "gulf-press": "gulf"}.get(scheme, scheme))
    if scheme == "bgn":
        return f"Abd al-{cap(rest)}"
    if scheme == "assimilated":
        art = "a" + AR_CONS[first] if sun else "al"
        return f"Abd {art}-{cap(rest)}"
    if scheme in ("gulf", "gulf-press"):
        return f"Abdul{rest}"
    if scheme == "iraqi":
        return f"Abdul {cap(rest)}"
    if scheme in ("levant", "egypt"):
        return f"Abdel {cap(rest)}"
    if scheme == "sudan":
        return "Abdel" + rest  # Abdelrahim, Abdelgadir
    if scheme == "german":
        return f"Abdel {cap(rest)}"
    if scheme == "maghreb":
        if sun and first != "l":
            return "Abde" + rest[:1] + rest
        return "Abdel" + rest
    if scheme in ("turkish", "indonesian"):
        if sun and first != "l":
            return "Abdu" + rest[:1] + rest  # Abdurrahim, Abdussalam
        return "Abdul" + rest if scheme == "turkish" else f"Abdul {cap(rest)}"
    raise ValueError(scheme)


def ar_din(first_units, scheme):
    """A Din-compound (X al-diin)."""
    sch = {"assimilated": "bgn", "gulf-press": "gulf"}.get(scheme, scheme)
    x = ar_word(first_units, sch)
    if scheme in ("bgn", "assimilated", "iraqi"):
        return f"{cap(x)} al-Din"
    if scheme in ("gulf", "gulf-press"):
        return f"{cap(x)}{'ldeen' if x.endswith('a') else 'aldeen'}"
    if scheme == "levant":
        return f"{cap(x)} Eddine"
    if scheme in ("egypt", "sudan"):
        return f"{cap(x)} Eldin"
    if scheme == "german":
        return f"{cap(x)} ad-Din"
    if scheme == "maghreb":
        return f"{cap(x)}eddine"
    if scheme == "turkish":
        last = [u for u in first_units if u != "'"][-1]
        if x[-1] in "aeiouıöü":
            return tcap(x, scheme) + "ddin"
        return tcap(x, scheme) + ("addin" if last in AR_THICK else "eddin")
    if scheme == "indonesian":
        if x.endswith("i"):
            return cap(x) + "ddin"
        return cap(x) + "uddin"
    raise ValueError(scheme)


def ar_name(phon, scheme, family=False):
    """A whole name (space-separated words of the notation) in a scheme; `family`: a family
    name."""
    words = phon.split()
    out = []
    k = 0
    base = {"assimilated": "bgn", "gulf-press": "gulf"}.get(scheme, scheme)
    while k < len(words):
        w = words[k]
        if w == "3abd" and k + 1 < len(words) and words[k + 1].startswith("al-"):
            out.append(ar_abd(ar_units(words[k + 1][3:]), scheme))
            k += 2
            continue
        if k + 1 < len(words) and words[k + 1] == "al-diin":
            out.append(ar_din(ar_units(w), scheme))
            k += 2
            continue
        if w.startswith("al-"):
            out.append(ar_article(ar_units(w[3:]), scheme))
        elif w == "bin":
            out.append({"maghreb": "Ben", "turkish": "bin", "gulf": "bin"}.get(base, "Bin"))
        elif w == "buu":
            out.append("Bou" if scheme == "maghreb" else "Bu")
        else:
            out.append(tcap(ar_word(ar_units(w), base, family=family), base))
        k += 1
    s = " ".join(out)
    if scheme == "maghreb":
        s = re.sub(r"\b(Ben|Bou) ([A-Z])", lambda m: m.group(1) + m.group(2).lower(), s)
    return s


# given names: (notation, Arabic script, sex): Gulf and Bedouin names (Dakhil, Bakhit, Ayid,
# Mijbil, Falayh, Ayyaf, Mizyad, Fuhayd, Muhaysin, Ruwayshid, Nuf, Anud, Mahrah), names of the
# early Islamic period (Jarir, Tufayl, Khubayb, Dhakwan, Shurayh, Qaqa, Labid, Saraqah,
# Shurahbil, Jundub, Hanzalah, Uways, Zufar, Khansa, Umamah, Mariyah, Nailah), Egyptian names of
# the last century (Ramzi, Khayri, Bahjat, Safwat, Tafidah, Inshirah, Durriyyah, Fathiyyah),
# Levantine and Coptic Christian names (Yuhanna, Siman, Antun, Mitri, Niqula, Tanyus, Wahbah),
# Sudanese names (Mudaththir, Muzzammil, Abd al-Muhaymin, Awatif, Hawwa) and Maghreb names
# (Milud, Allal, Qaddur, Hammu, Jilali, Buazzah, Yaminah, Khaduj, Haddah, Fattumah)
AR_GIVEN = [
    ("dakhiil", "دخيل", "m"), ("Humayd", "حميد", "m"), ("bakhiit", "بخيت", "m"),
    ("3aayiD", "عايض", "m"), ("mijbil", "مجبل", "m"), ("falayH", "فليح", "m"),
    ("3ayyaaf", "عياف", "m"), ("mizyad", "مزيد", "m"), ("fuhayd", "فهيد", "m"),
    ("muHaysin", "محيسن", "m"), ("ruwayshid", "رويشد", "m"), ("zaamil", "زامل", "m"),
    ("nahaar", "نهار", "m"), ("jariir", "جرير", "m"), ("Tufayl", "طفيل", "m"),
    ("khubayb", "خبيب", "m"), ("dhakwaan", "ذكوان", "m"), ("shurayH", "شريح", "m"),
    ("qa3qaa3", "قعقاع", "m"), ("labiid", "لبيد", "m"), ("3ubaad@", "عبادة", "m"),
    ("saraaq@", "سراقة", "m"), ("shuraHbiil", "شرحبيل", "m"), ("'abaan", "أبان", "m"),
    ("jundub", "جندب", "m"), ("HanZal@", "حنظلة", "m"), ("'usayd", "أسيد", "m"),
    ("'uways", "أويس", "m"), ("zufar", "زفر", "m"), ("ramzii", "رمزي", "m"),
    ("khayrii", "خيري", "m"), ("bahjat", "بهجت", "m"), ("Safwat", "صفوت", "m"),
    ("3abd al-jawaad", "عبد الجواد", "m"), ("3abd al-3aaTii", "عبد العاطي", "m"),
    ("3abd al-shaafii", "عبد الشافي", "m"), ("yuuHannaa", "يوحنا", "m"),
    ("sim3aan", "سمعان", "m"), ("'anTuun", "أنطون", "m"), ("mitrii", "متري", "m"),
    ("niquulaa", "نقولا", "m"), ("Taanyuus", "طانيوس", "m"), ("wahb@", "وهبة", "m"),
    ("mudaththir", "مدثر", "m"), ("muzzammil", "مزمل", "m"),
    ("3abd al-muhaymin", "عبد المهيمن", "m"), ("miiluud", "ميلود", "m"),
    ("3allaal", "علال", "m"), ("qadduur", "قدور", "m"), ("Hammuu", "حمو", "m"),
    ("jiilaalii", "جيلالي", "m"), ("buu3azz@", "بوعزة", "m"), ("khansaa'", "خنساء", "f"),
    ("maariy@", "مارية", "f"), ("'umaam@", "أمامة", "f"), ("mayyaas@", "مياسة", "f"),
    ("naa'il@", "نائلة", "f"), ("naajiy@", "ناجية", "f"), ("ghaydaa'", "غيداء", "f"),
    ("mahr@", "مهرة", "f"), ("nuuf", "نوف", "f"), ("3anuud", "عنود", "f"),
    ("buduur", "بدور", "f"), ("Tarf@", "طرفة", "f"), ("diim@", "ديمة", "f"),
    ("ruulaa", "رولا", "f"), ("'inSaaf", "إنصاف", "f"), ("samiiH@", "سميحة", "f"),
    ("shaadiy@", "شادية", "f"), ("'inshiraaH", "انشراح", "f"), ("tafiid@", "تفيدة", "f"),
    ("zakiyy@", "زكية", "f"), ("durriyy@", "درية", "f"), ("fatHiyy@", "فتحية", "f"),
    ("3awaaTif", "عواطف", "f"), ("Hawwaa'", "حواء", "f"), ("yamiin@", "يمينة", "f"),
    ("khaduuj", "خدوج", "f"), ("mubaarak@", "مباركة", "f"), ("Hadd@", "حدة", "f"),
    ("zubayd@", "زبيدة", "f"), ("faTTuum@", "فطومة", "f"),
]

# family names by region: (notation, Arabic script)
AR_FAMILY = {
    "gulf": [
        ("al-3abrii", "العبري"), ("al-Saqrii", "الصقري"), ("al-jalaahim@", "الجلاهمة"),
        ("kaanuu", "كانو"), ("al-yaafi3ii", "اليافعي"), ("baawaziir", "باوزير"),
        ("al-junayd", "الجنيد"), ("al-jifrii", "الجفري"), ("al-ramsii", "الرمسي"),
        ("al-khaaTir", "الخاطر"), ("al-haamilii", "الهاملي"), ("al-kathiirii", "الكثيري"),
        ("al-mahrii", "المهري"), ("al-ruumii", "الرومي"), ("al-fardaan", "الفردان"),
        ("al-khunjii", "الخنجي"), ("al-ghufaylii", "الغفيلي"),
    ],
    "levant": [
        ("jarraar", "جرار"), ("nammuur", "نمور"), ("3awwaad", "عواد"), ("al-Hamawii", "الحموي"),
        ("al-ghazzaawii", "الغزاوي"), ("baydas", "بيدس"), ("al-ba3labakkii", "البعلبكي"),
        ("al-bayruutii", "البيروتي"), ("Sarruuf", "صروف"), ("al-yaazijii", "اليازجي"),
        ("al-bustaanii", "البستاني"), ("al-Tabarii", "الطبري"),
    ],
    "iraq": [
        ("al-Saffaar", "الصفار"), ("al-shaTrii", "الشطري"), ("al-hiitii", "الهيتي"),
        ("al-kurdii", "الكردي"), ("al-3anbakii", "العنبكي"), ("al-jaaf", "الجاف"),
        ("al-tall3afarii", "التلعفري"), ("al-khayyuun", "الخيون"), ("al-shuwaylii", "الشويلي"),
        ("al-ma3muurii", "المعموري"), ("al-faylii", "الفيلي"), ("al-mas3uudii", "المسعودي"),
        ("al-kirkuukii", "الكركوكي"),
    ],
    "egypt": [
        ("al-suuhaajii", "السوهاجي"), ("al-'aswaanii", "الأسواني"), ("al-buHayrii", "البحيري"),
        ("al-shubraawii", "الشبراوي"), ("al-3ashmaawii", "العشماوي"), ("al-qalyuubii", "القليوبي"),
        ("wiiSaa", "ويصا"), ("ghubriyaal", "غبريال"), ("al-Hadiidii", "الحديدي"),
        ("al-dimirdaash", "الدمرداش"), ("al-sanhuurii", "السنهوري"), ("al-baaruudii", "البارودي"),
    ],
    "sudan": [
        ("al-fuurii", "الفوري"), ("al-zaghaawii", "الزغاوي"), ("al-masaaliiTii", "المساليطي"),
        ("al-nuubii", "النوبي"), ("al-hadandawii", "الهدندوي"), ("al-kasalaawii", "الكسلاوي"),
        ("al-khurTuumii", "الخرطومي"), ("al-bishaarii", "البشاري"), ("al-sinnaarii", "السناري"),
        ("al-kaahilii", "الكاهلي"), ("al-barbarii", "البربري"),
        ("al-faadnii", "الفادني"), ("al-'ubayyiDii", "الأبيضي"), ("al-kurdufaanii", "الكردفاني"),
        ("al-Halanqii", "الحلنقي"),
    ],
    "maghreb": [
        ("al-3annaabii", "العنابي"), ("al-biskrii", "البسكري"), ("al-qayrawaanii", "القيرواني"),
        ("al-baajii", "الباجي"), ("binsulaymaan", "بنسليمان"), ("jassuus", "جسوس"),
        ("al-zammuurii", "الزموري"), ("al-riifii", "الريفي"), ("al-nafTii", "النفطي"),
        ("al-tuuzarii", "التوزري"), ("al-munastiirii", "المنستيري"), ("al-qaabisii", "القابسي"),
        ("binshiqruun", "بنشقرون"), ("al-tuwaatii", "التواتي"), ("binbuuziid", "بنبوزيد"),
    ],
}


AR_REGION_FORMS = {
    "gulf": ("gulf-passport", "gulf-press-bin"),
    "levant": ("levantine", "turkish"),
    "iraq": ("iraqi", "turkish"),
    "egypt": ("egyptian",),
    "sudan": ("sudanese",),
    "maghreb": ("maghreb-french",),
}


def ar_parts(parts, scheme):
    """Renders name parts [(notation, is_family)] in a scheme and joins them."""
    return " ".join(ar_name(p, scheme, family=fam) for p, fam in parts)


def ar_plain_letters(s):
    """Arabic as often typed: hamza seats as bare alif, ى as ي, ة as ه."""
    return s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"}))


def ar_hamza_variant(s):
    """The other hamza spellings met in documents and typing: ؤ on a yā' seat (ئ, the Egyptian
    spelling), ئ before ي typed as ي (السامرايي), the final hamza after alif left out
    (شيما)."""
    s = s.replace("ؤ", "ئ")
    s = s.replace("ائي", "ايي")
    s = re.sub(r"اء(?=\s|$)", "ا", s)
    return s


def ar_egyptian_ya(s):
    """Egyptian and Sudanese typing: a final ي written without dots, as ى (فهمى, المهدى)."""
    return re.sub(r"ي(?=\s|$)", "ى", s)


AR_LETTER = {"b": "ب", "t": "ت", "th": "ث", "j": "ج", "H": "ح", "kh": "خ", "d": "د", "dh": "ذ",
             "r": "ر", "z": "ز", "s": "س", "sh": "ش", "S": "ص", "D": "ض", "T": "ط", "Z": "ظ",
             "3": "ع", "gh": "غ", "f": "ف", "q": "ق", "k": "ك", "l": "ل", "m": "م", "n": "ن",
             "h": "ه", "w": "و", "y": "ي"}
AR_HAMZA_LETTERS = set("ءأإؤئا")
FATHA, DAMMA, KASRA, SUKUN, SHADDA = "\u064e", "\u064f", "\u0650", "\u0652", "\u0651"
AR_SHORT_MARK = {"a": FATHA, "i": KASRA, "u": DAMMA, "aa": FATHA, "ii": KASRA, "uu": DAMMA}
AR_LONG_LETTERS = {"aa": "اى", "ii": "ي", "uu": "و"}


def ar_vocalize(phon, script):
    """The script name with its vowel marks (fatha, kasra, damma, sukun, shadda), read off the
    notation letter by letter, as in a vocalized text or a carefully typed record. None when
    the notation and the script do not line up letter for letter."""
    units = []
    for k, w in enumerate(phon.split()):
        if k:
            units.append("SP")
        if w.startswith("al-"):
            units.append("ART")
            w = w[3:]
        units += ar_units(w)
    letters = list(script)
    out, i, j = [], 0, 0
    shadda_next = False
    while j < len(units):
        while i < len(letters) and letters[i] == " ":
            out.append(" ")
            i += 1
        u = units[j]
        if u == "SP":
            j += 1
            continue
        if i >= len(letters):
            return None
        ch = letters[i]
        if u == "ART":
            if letters[i:i + 2] != ["ا", "ل"] or j + 1 >= len(units):
                return None
            out.append("ال")
            i += 2
            j += 1
            if units[j] in AR_SUN:
                shadda_next = True
            else:
                out.append(SUKUN)
            continue
        if u == "@":
            if ch != "ة":
                return None
            out.append(ch)
            i += 1
            j += 1
            continue
        if u == "'":
            if ch == "آ" and j + 1 < len(units) and units[j + 1] == "aa":
                out.append(ch)
                i += 1
                j += 2
                continue
            if ch not in AR_HAMZA_LETTERS:
                return None
        elif AR_LETTER.get(u) != ch:
            return None
        out.append(ch)
        i += 1
        j += 1
        marks = ""
        if shadda_next:
            marks += SHADDA
            shadda_next = False
        if j < len(units) and units[j] == u and u != "'":
            marks += SHADDA
            j += 1
        v = units[j] if j < len(units) else None
        long_letter = None
        if v in AR_SHORT_MARK:
            marks += AR_SHORT_MARK[v]
            j += 1
            long_letter = AR_LONG_LETTERS.get(v)
        elif v == "@":
            marks += FATHA
        elif v not in (None, "SP", "ART"):
            marks += SUKUN
        out.append(marks)
        if long_letter:
            if i >= len(letters) or letters[i] not in long_letter:
                return None
            out.append(letters[i])
            i += 1
    while i < len(letters) and letters[i] == " ":
        i += 1
    if i != len(letters):
        return None
    return "".join(out)




# the Library of Congress (ALA-LC) romanization, as library catalogues, scholarly texts and
# some official reports write Arabic names: macrons, dots below, ʻ for ʿayn, ʼ for hamza (not
# written at the start of a word), -ah for the tā' marbūṭa, á for a final alif maqṣūra, the
# article unassimilated
ALA_AR = {"'": "ʼ", "b": "b", "t": "t", "th": "th", "j": "j", "H": "ḥ", "kh": "kh", "d": "d",
          "dh": "dh", "r": "r", "z": "z", "s": "s", "sh": "sh", "S": "ṣ", "D": "ḍ", "T": "ṭ",
          "Z": "ẓ", "3": "ʻ", "gh": "gh", "f": "f", "q": "q", "k": "k", "l": "l", "m": "m",
          "n": "n", "h": "h", "w": "w", "y": "y", "a": "a", "i": "i", "u": "u", "aa": "ā",
          "ii": "ī", "uu": "ū", "@": "ah"}


def alcap(s):
    """Capitalized after a leading ʻ (ʻAbd, ʻUdayy)."""
    return "ʻ" + cap(s[1:]) if s.startswith("ʻ") else cap(s)


def ala_ar_word(us, maqsura=False):
    out = []
    k = 0
    while k < len(us):
        u = us[k]
        nxt = us[k + 1] if k + 1 < len(us) else None
        if u == "'" and k == 0:
            k += 1
            continue
        if u in ("i", "u") and nxt == {"i": "y", "u": "w"}[u] and k + 2 < len(us) \
                and us[k + 2] == nxt:
            out.append({"i": "īy", "u": "ūw"}[u])  # iyy, uww: ʻAṭīyah
            k += 3
            continue
        out.append(ALA_AR[u])
        k += 1
    s = "".join(out)
    if maqsura and s.endswith("ā"):
        s = s[:-1] + "á"
    return s


def ala_ar_name(phon, script):
    """A name (words of the notation) with its script (to see a final ى) in ALA-LC."""
    words = phon.split()
    sw = script.split()
    maq = [w.endswith("ى") for w in sw] if len(sw) == len(words) else [False] * len(words)
    out = []
    k = 0
    while k < len(words):
        w = words[k]
        if w == "3abd" and k + 1 < len(words) and words[k + 1].startswith("al-"):
            rest = ala_ar_word(ar_units(words[k + 1][3:]), maq[k + 1])
            out.append(f"ʻAbd al-{alcap(rest)}")
            k += 2
            continue
        if k + 1 < len(words) and words[k + 1] == "al-diin":
            out.append(f"{alcap(ala_ar_word(ar_units(w), maq[k]))} al-Dīn")
            k += 2
            continue
        if w.startswith("al-"):
            out.append(f"al-{alcap(ala_ar_word(ar_units(w[3:]), maq[k]))}")
        elif w == "bin":
            out.append("Bin")
        elif w == "buu":
            out.append("Bū")
        else:
            out.append(alcap(ala_ar_word(ar_units(w), maq[k])))
        k += 1
    return " ".join(out)


# Russian practical transcription of Arabic names, as the Russian press writes them: х for ḥ and
# kh, дж, з for dh and ẓ, к for q, г for gh, ʿayn and hamza dropped (аа for aʿ before a
# consonant at the end: Саад), я ю for ya yu, ау ай, ль for a final l after i (Исмаиль), the article
# assimilated to a sun letter (ас-Сувейди, ад-Дин, ар-Рахман), Абд ар-Рахим
RU_AR = {"'": "", "b": "б", "t": "т", "th": "с", "j": "дж", "H": "х", "kh": "х", "d": "д",
         "dh": "з", "r": "р", "z": "з", "s": "с", "sh": "ш", "S": "с", "D": "д", "T": "т",
         "Z": "з", "3": "", "gh": "г", "f": "ф", "q": "к", "k": "к", "l": "л", "m": "м",
         "n": "н", "h": "х", "w": "в", "y": "й"}
RU_AR_VOWEL = {"a": "а", "aa": "а", "i": "и", "ii": "и", "u": "у", "uu": "у", "@": "а"}
RU_AR_YV = {"a": "я", "aa": "я", "u": "ю", "uu": "ю", "i": "и", "ii": "и", "@": "я"}


def ru_ar_word(us):
    out = []
    k = 0
    n = len(us)
    while k < n:
        u = us[k]
        prev = us[k - 1] if k else None
        nxt = us[k + 1] if k + 1 < n else None
        if u in RU_AR_VOWEL:
            out.append(RU_AR_VOWEL[u])
        elif u == "y" and nxt in RU_AR_YV:
            soft = prev is not None and prev not in RU_AR_VOWEL and prev != "y"
            out.append(("ь" if soft else "") + RU_AR_YV[nxt])
            k += 2
            continue
        elif u == "y" and prev == "y":
            pass  # a doubled y before a consonant or at the end is one й
        elif u == "w" and prev in RU_AR_VOWEL and nxt not in RU_AR_VOWEL and nxt != "w":
            out.append("у")
        elif u == "3" and prev == "a" and k + 2 == n and nxt not in RU_AR_VOWEL:
            out.append("а")  # Саад, Раад
        elif u == "l" and prev in ("i", "ii") and (nxt is None or nxt not in RU_AR_VOWEL):
            out.append("ль")
        elif u == prev and len(RU_AR[u]) > 1:
            pass  # a doubled дж is written once: Хадж
        else:
            out.append(RU_AR[u])
        k += 1
    return "".join(out)


def ru_ar_article(units):
    first = units[0]
    art = "а" + RU_AR[first] if first in AR_SUN and first != "l" else "аль"
    return f"{art}-{cap(ru_ar_word(units))}"


def ru_ar_name(phon):
    words = phon.split()
    out = []
    k = 0
    while k < len(words):
        w = words[k]
        if w == "3abd" and k + 1 < len(words) and words[k + 1].startswith("al-"):
            out.append(f"Абд {ru_ar_article(ar_units(words[k + 1][3:]))}")
            k += 2
            continue
        if k + 1 < len(words) and words[k + 1] == "al-diin":
            out.append(f"{cap(ru_ar_word(ar_units(w)))} ад-Дин")
            k += 2
            continue
        if w.startswith("al-"):
            out.append(ru_ar_article(ar_units(w[3:])))
        elif w == "bin":
            out.append("бин")
        elif w == "buu":
            out.append("Бу")
        else:
            out.append(cap(ru_ar_word(ar_units(w))))
        k += 1
    return " ".join(out)


def ar_persian_letters(s):
    """Arabic as typed on a Persian keyboard (as Iranian sources write Arab names): ی for ي and
    ى, ک for ك, ه for ة."""
    return s.translate(str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"}))


def arabic_person(given, father, family, region, with_father=True):
    """The list name and probes of one Arab person (given name, father's name, family name).
    With with_father=False (namesakes) only the forms without the father's name."""
    gp, ga = given[:2]
    fp, fa = father[:2]
    sp, sa = family
    full = [(gp, False), (fp, False), (sp, True)]
    short = [(gp, False), (sp, True)]
    bgn_s = ar_name(sp, "bgn", family=True)
    listed = f"{bgn_s.upper()}, {ar_name(gp, 'bgn')} {ar_name(fp, 'bgn')}"
    orig = f"{ga} {fa} {sa}"
    voc = [ar_vocalize(p, a) for p, a in ((gp, ga), (fp, fa), (sp, sa))]
    for (p, a), v in zip(((gp, ga), (fp, fa), (sp, sa)), voc):
        if v is None:
            raise SystemExit(f"notation and script differ: {p} {a}")
    forms = [
        (orig, "original-script", True),
        (" ".join(voc), "original-script-vocalized", True),
        (ar_plain_letters(orig), "original-script-plain-letters", True),
        (ar_hamza_variant(orig), "original-script-hamza-variant", True),
        (ar_persian_letters(orig), "original-script-persian-letters", True),
        (f"{ga} {sa}", "original-script-short", False),
        (ar_parts(short, "bgn"), "shortened", False),
        (f"{cap(bgn_s)} {ar_name(gp, 'bgn')}", "reordered", False),
        (ar_parts(full, "indonesian"), "indonesian-press", True),
        (ar_parts(short, "german"), "german-press", False),
        (" ".join(ala_ar_name(p, a) for p, a in ((gp, ga), (fp, fa), (sp, sa))), "ala-lc", True),
        (f"{ru_ar_name(gp)} {ru_ar_name(sp)}", "russian-press-cyrillic", False),
    ]
    if region in ("egypt", "sudan"):
        forms.append((ar_egyptian_ya(orig), "original-script-egyptian-ya", True))
    if sp.startswith("al-"):
        forms.append((f"{ar_name(gp, 'bgn')} {cap(bgn_s[3:])}", "article-dropped", False))
        forms.append((f"{ar_name(gp, 'bgn')} {ar_name(fp, 'bgn')} Al {cap(bgn_s[3:])}",
                      "article-spaced", True))
        if ar_units(sp[3:])[0] in AR_SUN - {"l"}:
            forms.append((ar_parts(full, "assimilated"), "assimilated-article", True))
    for form in AR_REGION_FORMS[region]:
        if form == "gulf-passport":
            forms.append((ar_parts(full, "gulf").upper(), form, True))
        elif form == "gulf-press-bin":
            bin_ = "bint" if given[2] == "f" else "bin"
            forms.append((f"{ar_name(gp, 'gulf')} {bin_} {ar_name(fp, 'gulf')} "
                          f"{ar_name(sp, 'gulf-press', family=True)}", form, True))
        elif form == "levantine":
            forms.append((ar_parts(full, "levant"), form, True))
        elif form == "iraqi":
            forms.append((ar_parts(full, "iraqi"), form, True))
        elif form == "egyptian":
            forms.append((ar_parts(full, "egypt"), form, True))
        elif form == "sudanese":
            forms.append((ar_parts(full, "sudan"), form, True))
            forms.append((ar_parts(full, "sudan").upper(), "sudanese-passport-caps", True))
        elif form == "maghreb-french":
            forms.append((ar_parts(short, "maghreb"), form, False))
        elif form == "turkish":
            forms.append((ar_parts(short, "turkish"), form, False))
    out = [(q, f) for q, f, has_father in forms if with_father or not has_father]
    return listed, orig, out


# =============================================================================================
# Persian
# =============================================================================================
# Notation: short vowels a e o, long aa i u, diphthongs ey ow; consonants b p t c(ث) s j ch H(ح)
# kh d x(ذ) z r zh sh S(ص) D(ض) Z(ظ) T(ط) 3(ع) '(ء) gh(غ) q(ق) f k g l m n v h y (each letter of
# the script its own unit, so that the library romanization can tell them apart); @ a silent
# final ه after e; "-" the boundary inside a compound name (محمدرضا: moHammad-reDaa); "_" keeps
# two letters from reading as a digraph.
FA_DIGRAPHS = ("aa", "ey", "ow", "kh", "gh", "zh", "sh", "ch")
FA_VOWEL_UNITS = ("a", "e", "o", "aa", "i", "u", "ey", "ow")


def fa_units(word):
    out, k = [], 0
    while k < len(word):
        if word[k] == "_":
            k += 1
            continue
        if word[k:k + 2] in FA_DIGRAPHS:
            out.append(word[k:k + 2])
            k += 2
        else:
            out.append(word[k])
            k += 1
    return out


FA_BASE = {"aa": "a", "H": "h", "S": "s", "Z": "z", "T": "t", "3": "", "'": "", "@": "h", "c": "s",
           "x": "z", "D": "z"}
FA_SCHEMES = {
    # BGN/PCGN (1958) without its diacritics, as lists print it
    "bgn": {},
    # Iranian English-language press: gh for ق as for غ, ou, ei, ss between vowels
    "press": {"q": "gh", "u": "ou", "ey": "ei", "ow": "ou"},
    # Iranian passports: gh, oo, ey, compounds and double family names joined
    "passport": {"q": "gh", "u": "oo", "ey": "ei", "ow": "o"},
    # German press: sch, tsch, dsch, ch, s for z, w, j for y
    "german": {"q": "gh", "sh": "sch", "ch": "tsch", "j": "dsch", "kh": "ch", "zh": "sch",
               "z": "s", "Z": "s", "x": "s", "D": "s", "v": "w", "y": "j", "ey": "ei",
               "ow": "ou"},
    # French press: ch, tch, dj, j for zh, ou
    "french": {"q": "gh", "sh": "ch", "ch": "tch", "j": "dj", "zh": "j", "u": "ou", "ey": "ei",
               "ow": "ou"},
    # Spanish press: j for kh, y for j, gh for q
    "spanish": {"q": "gh", "kh": "j", "j": "y", "ey": "ei", "ow": "ou"},
}


def fa_part(part, scheme):
    t = dict(FA_BASE, **FA_SCHEMES[scheme])
    us = fa_units(part)
    out = ""
    for k, u in enumerate(us):
        r = t.get(u, u)
        if u == "s" and 0 < k < len(us) - 1 and us[k + 1] in FA_VOWEL_UNITS:
            # a voiceless s between vowels: ss in German and French, and after a short vowel
            # in the Iranian press and passports (Hossein)
            if (scheme in ("german", "french") and us[k - 1] in FA_VOWEL_UNITS) or (
                    scheme in ("press", "passport") and us[k - 1] in ("a", "e", "o")):
                r = "ss"
        if k > 0 and us[k - 1] == u and len(r) >= 2 and u not in FA_VOWEL_UNITS \
                and scheme in ("german", "french"):
            continue  # a doubled dsch or dj is written once: Hodschat, Hodjat
        out += r
    return out


def fa_word(word, scheme):
    """One name (a given name, possibly compound, or one family-name word); a name in -ollah
    is written as one word (Ruhollah)."""
    parts = [fa_part(p, scheme) for p in word.split("-")]
    if word.endswith("-ollaah"):
        parts = parts[:-2] + [parts[-2] + parts[-1]]
    if scheme == "bgn":
        return " ".join(cap(p) for p in parts)
    if scheme in ("press", "passport", "spanish"):
        return cap("".join(parts))
    if scheme == "german":
        return " ".join(cap(p) for p in parts)
    if scheme == "french":
        return "-".join(cap(p) for p in parts)
    raise ValueError(scheme)


def fa_family(family, scheme):
    """A family name (words separated by spaces: a double family name). The parts of a
    compound (-zadeh, -pur) are written joined, as lists and the press write them, and with a
    hyphen in French; passports join the words of a double name too."""
    words = []
    for w in family.split():
        parts = [fa_part(p, scheme) for p in w.split("-")]
        words.append("-".join(cap(p) for p in parts) if scheme == "french"
                     else cap("".join(parts)))
    if scheme == "passport":
        return cap("".join(w.lower() for w in words))
    return " ".join(words)


FA_SEYYED = {"bgn": "Seyyed", "press": "Seyed", "passport": "Seyed", "german": "Seyyed",
             "french": "Seyed", "spanish": "Seyed"}

# Tajik Cyrillic, as the Tajik press and Tajik documents write Persian names: the Persian
# vowels a aa e o i u as а о и у и ӯ (ӣ at the end of a word), ey ай, ow ав; ҳ for h and ḥ,
# қ ғ ҷ х; ʿ and ʾ as ъ inside a word; the silent final h after e as а (-zadeh: -зода)
TJ_UNIT = {"a": "а", "aa": "о", "e": "и", "o": "у", "i": "и", "u": "ӯ", "ey": "ай", "ow": "ав",
           "b": "б", "p": "п", "t": "т", "c": "с", "s": "с", "j": "ҷ", "ch": "ч", "H": "ҳ",
           "kh": "х", "d": "д", "x": "з", "z": "з", "r": "р", "zh": "ж", "sh": "ш", "S": "с",
           "D": "з", "Z": "з", "T": "т", "3": "ъ", "'": "ъ", "gh": "ғ", "q": "қ", "f": "ф",
           "k": "к", "g": "г", "l": "л", "m": "м", "n": "н", "v": "в", "h": "ҳ", "y": "й", "@": ""}
TJ_Y = {"а": "я", "о": "ё", "у": "ю", "ӯ": "ю", "и": "е"}


def tj_part(part):
    us = fa_units(part)
    out = []
    for k, u in enumerate(us):
        r = TJ_UNIT[u]
        if u == "'" or (u == "3" and (k == 0 or k == len(us) - 1
                                      or us[k - 1] not in FA_VOWEL_UNITS
                                      or us[k + 1] in FA_VOWEL_UNITS)):
            r = ""
        if u == "i" and k == len(us) - 1:
            r = "ӣ"
        if u == "e" and k + 1 < len(us) and us[k + 1] == "@":
            r = "а"
        if out and out[-1] == "й" and r[:1] in TJ_Y:
            out[-1] = TJ_Y[r[0]]
            r = r[1:]
        out.append(r)
    return "".join(out)


def tajik(given, family, seyyed):
    g = cap(tj_part(given.replace("-", "")))
    f = " ".join(cap(tj_part(w.replace("-", ""))) for w in family.split())
    return ("Сайид " if seyyed else "") + f"{g} {f}"


def fa_arabic_letters(s):
    """Persian as often typed on an Arabic keyboard: ي for ی, ك for ک, a space for the
    zero-width non-joiner."""
    return s.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


# the letters each unit of the notation is written with, to check the notation against the
# script (short vowels are not written; a word-initial vowel has its alif)
FA_LETTER = {"b": "ب", "p": "پ", "t": "ت", "c": "ث", "j": "ج", "ch": "چ", "H": "ح", "kh": "خ",
             "d": "د", "x": "ذ", "r": "ر", "z": "ز", "zh": "ژ", "s": "س", "sh": "ش", "S": "ص",
             "D": "ض", "T": "ط", "Z": "ظ", "3": "ع", "gh": "غ", "q": "ق", "f": "ف", "k": "ک",
             "g": "گ", "l": "ل", "m": "م", "n": "ن", "v": "و", "h": "ه", "y": "ی", "@": "ه",
             "aa": "ا", "i": "ی", "u": "و", "ey": "ی", "ow": "و", "a": "", "e": "", "o": ""}
FA_INITIAL = {"a": "ا", "e": "ا", "o": "ا", "aa": "آ", "i": "ای", "u": "او", "ey": "ای",
              "ow": "او"}


def fa_check(phon, script):
    """True when the notation spells, letter by letter, the script name (a doubled consonant is
    written once; ' is a hamza on any seat; ' and a following aa may be one آ; -ollaah is
    الله)."""
    want = []
    for word in phon.split():
        for part in word.split("-"):
            if part == "ollaah":
                want.append(["الله"])
                continue
            us = fa_units(part)
            for k, u in enumerate(us):
                if k and us[k - 1] == u and u not in FA_VOWEL_UNITS:
                    continue
                if u == "'":
                    nxt = us[k + 1] if k + 1 < len(us) else None
                    want.append(["ئ", "ء", "أ", "ؤ", "ی"] + (["آ"] if nxt == "aa" else []))
                elif k == 0 and u in FA_INITIAL:
                    want.append([FA_INITIAL[u]])
                elif u == "aa" and k and us[k - 1] == "'":
                    want.append(["ا", ""])
                elif u == "aa":
                    want.append(["ا", "آ"])  # آ inside a compound: گردآفرید
                elif u == "i" and k + 1 < len(us) and us[k + 1] == "y":
                    want.append(["ی", ""])  # iy written with one ی: سیاوش
                else:
                    want.append([FA_LETTER[u]])
    text = script.replace(" ", "").replace("\u200c", "")

    def match(i, j):
        if j == len(want):
            return i == len(text)
        return any(text.startswith(alt, i) and match(i + len(alt), j + 1) for alt in want[j])
    return match(0, 0)


# the Library of Congress (ALA-LC) romanization of Persian, as library catalogues and scholarly
# texts write Persian names: a i u for the short vowels, ā ī ū, ay aw, s̄ ẕ z̤ ẓ ṣ ṭ ḥ, ʻ for
# ʿayn, ʼ for hamza (not at the start of a word), -ah for a silent final h, v for و
ALA_FA = {"a": "a", "e": "i", "o": "u", "aa": "ā", "i": "ī", "u": "ū", "ey": "ay", "ow": "aw",
          "b": "b", "p": "p", "t": "t", "c": "s̄", "j": "j", "ch": "ch", "H": "ḥ", "kh": "kh",
          "d": "d", "x": "ẕ", "r": "r", "z": "z", "zh": "zh", "s": "s", "sh": "sh", "S": "ṣ",
          "D": "z̤", "T": "ṭ", "Z": "ẓ", "3": "ʻ", "'": "ʼ", "gh": "gh", "q": "q", "f": "f",
          "k": "k", "g": "g", "l": "l", "m": "m", "n": "n", "v": "v", "h": "h", "y": "y",
          "@": "h"}


def ala_fa_part(part):
    if part == "ollaah":
        return "allāh"
    us = fa_units(part)
    out = []
    for k, u in enumerate(us):
        if u == "'" and k == 0:
            continue
        r = ALA_FA[u]
        if u == "e" and k + 1 < len(us) and us[k + 1] == "@":
            r = "a"  # -ah
        out.append(r)
    return nfc("".join(out))


def ala_fa(given, family, seyyed):
    g = " ".join(alcap(ala_fa_part(p)) for p in given.split("-"))
    f = " ".join(alcap("".join(ala_fa_part(p) for p in w.split("-"))) for w in family.split())
    return ("Sayyid " if seyyed else "") + f"{g} {f}"


# the Russian press's transcription of Persian names: а for a and aa, е (э at the start), о, и,
# у, ей, оу; х for h, ḥ and kh, г for gh and q, дж, ж, ч, ш; ʿayn and hamza dropped; я ю ё for
# ya yu yo; the silent final h dropped (-заде); compound given names apart, compound family
# names joined (Мохаммад Джавад, Ахмадинежад)
RU_FA = {"a": "а", "e": "е", "o": "о", "aa": "а", "i": "и", "u": "у", "ey": "ей", "ow": "оу",
         "b": "б", "p": "п", "t": "т", "c": "с", "j": "дж", "ch": "ч", "H": "х", "kh": "х",
         "d": "д", "x": "з", "r": "р", "z": "з", "zh": "ж", "s": "с", "sh": "ш", "S": "с",
         "D": "з", "T": "т", "Z": "з", "3": "", "'": "", "gh": "г", "q": "г", "f": "ф",
         "k": "к", "g": "г", "l": "л", "m": "м", "n": "н", "v": "в", "h": "х", "y": "й",
         "@": ""}
RU_FA_YV = {"a": "я", "aa": "я", "u": "ю", "o": "ё", "e": "е", "i": "и"}


def ru_fa_part(part):
    us = fa_units(part)
    out = []
    k = 0
    while k < len(us):
        u = us[k]
        prev = us[k - 1] if k else None
        if u == "y" and k + 1 < len(us) and us[k + 1] in RU_FA_YV:
            soft = prev is not None and prev not in FA_VOWEL_UNITS and prev not in ("3", "'")
            out.append(("ь" if soft else "") + RU_FA_YV[us[k + 1]])  # Донья
            k += 2
            continue
        r = RU_FA[u]
        if u == "e" and (k == 0 or prev in FA_VOWEL_UNITS or (prev in ("3", "'") and k == 1)):
            r = "э"
        if u == prev and len(r) > 1:
            r = ""
        out.append(r)
        k += 1
    return "".join(out)


def ru_fa(given, family, seyyed):
    words = []
    for part in given.split("-"):
        if part == "ollaah" and words:
            words[-1] += "олла"  # Рухолла, Асадолла
        else:
            words.append(cap(ru_fa_part(part)))
    f = " ".join(cap("".join(ru_fa_part(p) for p in w.split("-"))) for w in family.split())
    return ("Сейед " if seyyed else "") + f"{' '.join(words)} {f}"


# given names: (notation, Persian script, sex): names of the Shahnameh and of pre-Islamic Iran
# (Giv, Garsivaz, Zarir, Anushiravan, Barbod, Nakisa, Farjad, Azarakhsh), compound names (Sabz
# Ali, Shir Ali, Aqa Bozorg, Mir Hashem), names of Arabic origin (Yunes, Zakariya, Jabbar,
# Enayatollah, Askar, Zaker, Meysam), Azeri, Kurdish and Turkic names (Savalan, Ilqar, Azhdar,
# Shahverdi, Toghrol, Zanyar, Zhiyan, Aras; Shilan, Avin, Ruzhin, Nazdar), women's names of
# older generations (Khavar, Tuti, Bolur, Zivar, Golnesa, Naz Banu, Sorur, Azra) and of jewels
# and flowers (Zomorrod, Almas, Morvarid, Yaqut, Golbarg, Ghoncheh)
FA_GIVEN = [
    ("giv", "گیو", "m"), ("anushiravaan", "انوشیروان", "m"), ("parhaam", "پرهام", "m"),
    ("arshaam", "ارشام", "m"), ("baarbod", "باربد", "m"), ("nakisaa", "نکیسا", "m"),
    ("yunes", "یونس", "m"), ("zakariyaa", "زکریا", "m"), ("jabbaar", "جبار", "m"),
    ("3enaayat-ollaah", "عنایت‌الله", "m"), ("sabz-3ali", "سبزعلی", "m"),
    ("shir-3ali", "شیرعلی", "m"), ("Toghrol", "طغرل", "m"), ("aaraas", "آراس", "m"),
    ("zaanyaar", "زانیار", "m"), ("Safar", "صفر", "m"), ("saavaalaan", "ساوالان", "m"),
    ("homaayun", "همایون", "m"), ("garsivaz", "گرسیوز", "m"), ("jaavid", "جاوید", "m"),
    ("zarir", "زریر", "m"), ("3askar", "عسکر", "m"), ("farjaad", "فرجاد", "m"),
    ("behdaad", "بهداد", "m"), ("azhdar", "اژدر", "m"), ("ilqaar", "ایلقار", "m"),
    ("shaahpur", "شاهپور", "m"), ("piruz", "پیروز", "m"), ("zhiyaan", "ژیان", "m"),
    ("shaahverdi", "شاهوردی", "m"), ("aaqaa-bozorg", "آقابزرگ", "m"),
    ("mir-haashem", "میرهاشم", "m"), ("haashem", "هاشم", "m"), ("qaader", "قادر", "m"),
    ("xaaker", "ذاکر", "m"), ("meycam", "میثم", "m"), ("aaxarakhsh", "آذرخش", "m"),
    ("golshan", "گلشن", "f"), ("ghonche@", "غنچه", "f"), ("khaavar", "خاور", "f"),
    ("shilaan", "شیلان", "f"), ("aavin", "آوین", "f"), ("naazdaar", "نازدار", "f"),
    ("bitaa", "بیتا", "f"), ("faraanak", "فرانک", "f"), ("farnush", "فرنوش", "f"),
    ("nushaafarin", "نوشآفرین", "f"), ("saaye@", "سایه", "f"), ("yektaa", "یکتا", "f"),
    ("zhinus", "ژینوس", "f"), ("zoleykhaa", "زلیخا", "f"), ("golbarg", "گلبرگ", "f"),
    ("Sahbaa", "صهبا", "f"), ("parmis", "پرمیس", "f"), ("mahru", "مهرو", "f"),
    ("dorsaa", "درسا", "f"), ("melikaa", "ملیکا", "f"), ("niyaayesh", "نیایش", "f"),
    ("zomorrod", "زمرد", "f"), ("almaas", "الماس", "f"), ("morvaarid", "مروارید", "f"),
    ("yaaqut", "یاقوت", "f"), ("3axraa", "عذرا", "f"), ("ruzhin", "روژین", "f"),
    ("naaz-baanu", "نازبانو", "f"), ("bolur", "بلور", "f"), ("golnesaa", "گلنسا", "f"),
    ("zivar", "زیور", "f"), ("sorur", "سرور", "f"), ("Hadic", "حدیث", "f"),
    ("TuTi", "طوطی", "f"),
]

# the men's names a Seyyed may carry here (names of Arabic and Islamic origin)
FA_SEYYED_NAMES = {
    "yunes", "zakariyaa", "jabbaar", "3enaayat-ollaah", "sabz-3ali", "shir-3ali", "Safar",
    "3askar", "haashem", "qaader", "xaaker", "meycam",
}
# family names: (notation, Persian script): from places (Ardestani, Astarai, Kuhestani), from
# trades (Mesgar, Nassaj, Rangraz, Kuzehgar, Shishehgar, Nanva, Qassab, Hakkak, Kharrat,
# Kafshduz, Baqqal, Allaf), Lur, Kurdish and Turkic tribal names (Beyranvand, Dalvand,
# Sepahvand, Hasanvand, Zanganeh, Kalhor, Shamlu, Qaraguzlu) and compounds in -zadeh, -pur and
# -nezhad
FA_FAMILY = [
    ("ardestaani", "اردستانی"), ("aastaaraa'i", "آستارایی"), ("kuhestaani", "کوهستانی"),
    ("mesgar", "مسگر"), ("nassaaj", "نساج"), ("rangraz", "رنگرز"), ("kuze@-gar", "کوزه‌گر"),
    ("shishe@-gar", "شیشه‌گر"), ("naanvaa", "نانوا"), ("qaSSaab", "قصاب"), ("Hakkaak", "حکاک"),
    ("kharraaT", "خراط"), ("kafshduz", "کفشدوز"), ("taajer", "تاجر"), ("baqqaal", "بقال"),
    ("3allaaf", "علاف"), ("qorbaan-zaade@", "قربان‌زاده"),
    ("kiyaan-pur", "کیان‌پور"), ("jahaan-pur", "جهان‌پور"), ("karim-nezhaad", "کریم‌نژاد"),
    ("Saffaar-zaade@", "صفارزاده"), ("beyraanvand", "بیرانوند"),
    ("dalvand", "دلوند"), ("sepahvand", "سپهوند"), ("Hasanvand", "حسنوند"),
    ("zangane@", "زنگنه"), ("kalhor", "کلهر"), ("shaamlu", "شاملو"), ("qaraaguzlu", "قراگوزلو"),
    ("daryaa-bandari", "دریابندری"), ("ashrafi", "اشرفی"), ("mo3tamedi", "معتمدی"),
    ("laajevardi", "لاجوردی"),
]


def persian_person(given, family, seyyed):
    gp, ga = given[:2]
    sp, sa = family
    for p, a in ((gp, ga), (sp, sa)):
        if not fa_check(p, a):
            raise SystemExit(f"notation and script differ: {p} {a}")
    title = lambda sc: (FA_SEYYED[sc] + " ") if seyyed else ""  # noqa: E731
    orig_title = "سید " if seyyed else ""
    orig = f"{orig_title}{ga} {sa}"
    listed = f"{fa_family(sp, 'bgn').upper()}, {title('bgn')}{fa_word(gp, 'bgn')}"
    forms = [
        (orig, "original-script"),
        (fa_arabic_letters(orig), "original-script-arabic-letters"),
        (f"{title('press')}{fa_word(gp, 'press')} {fa_family(sp, 'press')}", "press"),
        (f"{title('passport')}{fa_word(gp, 'passport')} {fa_family(sp, 'passport')}".upper(),
         "passport"),
        (f"{title('german')}{fa_word(gp, 'german')} {fa_family(sp, 'german')}", "german"),
        (f"{title('french')}{fa_word(gp, 'french')} {fa_family(sp, 'french')}", "french"),
        (f"{fa_family(sp, 'press').upper()} {fa_word(gp, 'press')}", "press-reordered"),
        (f"{title('spanish')}{fa_word(gp, 'spanish')} {fa_family(sp, 'spanish')}", "spanish"),
        (tajik(gp, sp, seyyed), "tajik-cyrillic"),
        (ala_fa(gp, sp, seyyed), "ala-lc"),
        (ru_fa(gp, sp, seyyed), "russian-press-cyrillic"),
    ]
    if seyyed:
        forms.append((f"{fa_word(gp, 'bgn')} {fa_family(sp, 'bgn')}", "title-dropped"))
    return listed, orig, forms


# =============================================================================================
# Russian
# =============================================================================================
RU_VOWELS = set("аеёиоуыэюя")
RU_SOFT_VOWELS = {"е": "e", "ё": "o", "ю": "u", "я": "a"}  # and the vowel they carry
RU_BGN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
          "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
          "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
          "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
          "я": "ya", "-": "-"}
# ICAO Doc 9303 (2013), used in Russian passports since 2014
RU_ICAO = dict(RU_BGN, **{"й": "i", "ъ": "ie", "ю": "iu", "я": "ia"})
# GOST R 52535.1-2006, used in Russian passports 2010-2013: as ICAO, but tc for ц
RU_GOST2006 = dict(RU_ICAO, **{"ц": "tc", "ъ": ""})
RU_GERMAN = dict(RU_BGN, **{"в": "w", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z",
                            "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja"})
RU_FRENCH = dict(RU_BGN, **{"ж": "j", "у": "ou", "ч": "tch", "ш": "ch", "щ": "chtch",
                            "ю": "iou", "я": "ia"})
RU_SPANISH = dict(RU_BGN, **{"х": "j", "щ": "sch"})
RU_TABLES = {"bgn": RU_BGN, "press": RU_BGN, "icao": RU_ICAO, "gost2006": RU_GOST2006,
             "german": RU_GERMAN, "french": RU_FRENCH, "spanish": RU_SPANISH}


def ru_latin(word, scheme, kind="given"):
    """A Russian word in a scheme. kind: given, patronymic or family (the English press writes
    ё as yo and кс as x in given names only)."""
    w = word.lower()
    t = RU_TABLES[scheme]
    out = []
    n = len(w)
    for k, ch in enumerate(w):
        prev = w[k - 1] if k > 0 else "#"
        nxt = w[k + 1] if k + 1 < n else ""
        at_end = k == n - 1
        soft_pos = k == 0 or prev in RU_VOWELS or prev in "ьъ"
        r = t[ch]
        if ch in ("е", "ё") and scheme in ("bgn", "press") and soft_pos:
            r = "ye"
        if ch == "ё":
            hush = prev in "жчшщ"
            if scheme == "press" and kind != "family":
                r = "yo" if not hush else "o"
            elif scheme == "german":
                r = "o" if hush else "jo"
            elif scheme == "french":
                r = "o" if hush else "io"
            elif scheme == "spanish":
                r = "o" if hush else ("yo" if k == 0 else "io")
        if ch == "е" and scheme == "german" and soft_pos:
            r = "je"
        if ch == "е" and scheme == "spanish" and k == 0:
            r = "ye"
        if ch == "е" and scheme in ("spanish", "french") and prev in "ьъ":
            r = "ie"  # Kondratieva
        if ch in ("ю", "я") and scheme == "spanish":
            r = ("y" if soft_pos else "i") + RU_SOFT_VOWELS[ch]
        if ch == "я" and scheme == "french" and k == 0:
            r = "ia"
        if ch == "й":
            if scheme == "press" and prev in "еа" and at_end:
                r = "i"  # Alexei, Nikolai
            if scheme == "press" and prev == "и" and at_end:
                out[-1] = ""
                r = "y"  # Dmitry
            if scheme in ("german", "spanish", "french") and prev == "и" and at_end:
                r = ""  # Dmitri, Juri
            elif scheme == "german" and at_end and prev in "ао":
                r = "i"  # Nikolai, Tolstoi
            elif scheme == "spanish":
                r = "i"
            elif scheme == "french":
                r = "ï" if prev in RU_VOWELS and prev != "и" else "i"
        if ch == "ы" and nxt == "й" and k + 2 == n and scheme in ("german", "french", "spanish"):
            r = "y" if scheme == "german" else "i"
        if ch == "г" and scheme in ("french", "spanish") and nxt in ("е", "и", "ы", "э"):
            r = "gu"
        if ch == "с" and scheme in ("german", "french") and prev in RU_VOWELS and nxt in RU_VOWELS:
            r = "ss"
        if ch == "ь" and nxt in ("и", "о") and scheme in ("german", "bgn", "press"):
            r = {"german": "j", "bgn": "", "press": ""}[scheme]
        if ch == "ь" and nxt in ("и", "е", "ё", "ю", "я") and scheme == "french":
            r = ""
        if ch == "к" and nxt == "с" and kind == "given" and scheme in ("press", "german",
                                                                       "french", "spanish"):
            r = "x"
        if ch == "с" and prev == "к" and kind == "given" and scheme in ("press", "german",
                                                                        "french", "spanish"):
            r = ""
        out.append(r)
    s = "".join(out)
    if scheme == "french" and kind == "family":
        s = re.sub(r"in$", "ine", s)
    if scheme in ("german", "french", "spanish") and w.endswith(("ский", "цкий")):
        s = re.sub(r"(k|z|ts)i$", r"\1i", s)
    if scheme == "press" and w.endswith(("ский", "цкий")):
        s = s[:-1] if s.endswith("yy") else s
        s = re.sub(r"iy$", "y", s)
    return "-".join(cap(p) for p in s.split("-"))


# Russian persons are drawn within three groups, so that a person's given name, father's name
# and family name belong together: "ru" (Russian names: old church names, Аггей, Аникита,
# Вонифатий, Елпидифор, Пафнутий, Якинф, Мамелфа, Препедигна, Текуса, Нимфодора, and Soviet-era
# ones, Спартак, Тельман, Авангард, Рэмир, Радий, Сталина, Люция), "tt" (Tatar and Bashkir names
# of Russian citizens) and "nc" (Chechen and Dagestani names of Russian citizens).
# male given names: Russian, the Ukrainian form, the patronymics they give in Russian (a son's,
# a daughter's) and in Ukrainian (a son's, a daughter's), group
RU_MALE = [
    ("Аггей", "Огій", "Аггеевич", "Аггеевна", "Огійович", "Огіївна", "ru"),
    ("Аникита", "Анікита", "Аникитич", "Аникитична", "Анікитович", "Анікитівна", "ru"),
    ("Анфим", "Анфім", "Анфимович", "Анфимовна", "Анфімович", "Анфімівна", "ru"),
    ("Аполлинарий", "Аполінарій", "Аполлинарьевич", "Аполлинарьевна", "Аполінарійович", "Аполінаріївна",
     "ru"),
    ("Артамон", "Артамон", "Артамонович", "Артамоновна", "Артамонович", "Артамонівна", "ru"),
    ("Вонифатий", "Вонифатій", "Вонифатьевич", "Вонифатьевна", "Вонифатійович", "Вонифатіївна",
     "ru"),
    ("Геласий", "Геласій", "Геласьевич", "Геласьевна", "Геласійович", "Геласіївна", "ru"),
    ("Гермоген", "Гермоген", "Гермогенович", "Гермогеновна", "Гермогенович", "Гермогенівна", "ru"),
    ("Гурий", "Гурій", "Гурьевич", "Гурьевна", "Гурійович", "Гуріївна", "ru"),
    ("Евсевий", "Євсевій", "Евсевьевич", "Евсевьевна", "Євсевійович", "Євсевіївна", "ru"),
    ("Елпидифор", "Єлпідифор", "Елпидифорович", "Елпидифоровна", "Єлпідифорович", "Єлпідифорівна",
     "ru"),
    ("Еразм", "Еразм", "Еразмович", "Еразмовна", "Еразмович", "Еразмівна", "ru"),
    ("Панкратий", "Панкратій", "Панкратьевич", "Панкратьевна", "Панкратійович", "Панкратіївна",
     "ru"),
    ("Парфений", "Парфеній", "Парфеньевич", "Парфеньевна", "Парфенійович", "Парфеніївна", "ru"),
    ("Пафнутий", "Пафнутій", "Пафнутьевич", "Пафнутьевна", "Пафнутійович", "Пафнутіївна", "ru"),
    ("Прокл", "Прокл", "Проклович", "Прокловна", "Проклович", "Проклівна", "ru"),
    ("Протасий", "Протасій", "Протасьевич", "Протасьевна", "Протасійович", "Протасіївна", "ru"),
    ("Сампсон", "Сампсон", "Сампсонович", "Сампсоновна", "Сампсонович", "Сампсонівна", "ru"),
    ("Селиверст", "Селіверст", "Селиверстович", "Селиверстовна", "Селіверстович", "Селіверстівна",
     "ru"),
    ("Серапион", "Серапіон", "Серапионович", "Серапионовна", "Серапіонович", "Серапіонівна", "ru"),
    ("Силантий", "Силантій", "Силантьевич", "Силантьевна", "Силантійович", "Силантіївна", "ru"),
    ("Стахий", "Стахій", "Стахиевич", "Стахиевна", "Стахійович", "Стахіївна", "ru"),
    ("Флегонт", "Флегонт", "Флегонтович", "Флегонтовна", "Флегонтович", "Флегонтівна", "ru"),
    ("Якинф", "Якінф", "Якинфович", "Якинфовна", "Якінфович", "Якінфівна", "ru"),
    ("Лупп", "Луп", "Луппович", "Лупповна", "Лупович", "Лупівна", "ru"),
    ("Радий", "Радій", "Радиевич", "Радиевна", "Радійович", "Радіївна", "ru"),
    ("Спартак", "Спартак", "Спартакович", "Спартаковна", "Спартакович", "Спартаківна", "ru"),
    ("Тельман", "Тельман", "Тельманович", "Тельмановна", "Тельманович", "Тельманівна", "ru"),
    ("Авангард", "Авангард", "Авангардович", "Авангардовна", "Авангардович", "Авангардівна", "ru"),
    ("Рэмир", "Ремір", "Рэмирович", "Рэмировна", "Ремірович", "Ремірівна", "ru"),
    ("Рифкат", "Ріфкат", "Рифкатович", "Рифкатовна", "Ріфкатович", "Ріфкатівна", "tt"),
    ("Алмаз", "Алмаз", "Алмазович", "Алмазовна", "Алмазович", "Алмазівна", "tt"),
    ("Закир", "Закір", "Закирович", "Закировна", "Закірович", "Закірівна", "tt"),
    ("Рашит", "Рашит", "Рашитович", "Рашитовна", "Рашитович", "Рашитівна", "tt"),
    ("Фоат", "Фоат", "Фоатович", "Фоатовна", "Фоатович", "Фоатівна", "tt"),
    ("Хамит", "Хаміт", "Хамитович", "Хамитовна", "Хамітович", "Хамітівна", "tt"),
    ("Ягфар", "Ягфар", "Ягфарович", "Ягфаровна", "Ягфарович", "Ягфарівна", "tt"),
    ("Газиз", "Газіз", "Газизович", "Газизовна", "Газізович", "Газізівна", "tt"),
    ("Равиль", "Равіль", "Равилевич", "Равилевна", "Равільович", "Равілівна", "tt"),
    ("Ильсур", "Ільсур", "Ильсурович", "Ильсуровна", "Ільсурович", "Ільсурівна", "tt"),
    ("Ильвир", "Ільвір", "Ильвирович", "Ильвировна", "Ільвірович", "Ільвірівна", "tt"),
    ("Фларит", "Фларіт", "Фларитович", "Фларитовна", "Фларітович", "Фларітівна", "tt"),
    ("Рузаль", "Рузаль", "Рузалевич", "Рузалевна", "Рузальович", "Рузалівна", "tt"),
    ("Майрбек", "Майрбек", "Майрбекович", "Майрбековна", "Майрбекович", "Майрбеківна", "nc"),
    ("Висхан", "Вісхан", "Висханович", "Висхановна", "Вісханович", "Вісханівна", "nc"),
    ("Хизир", "Хізір", "Хизирович", "Хизировна", "Хізірович", "Хізірівна", "nc"),
    ("Сулим", "Сулім", "Сулимович", "Сулимовна", "Сулімович", "Сулімівна", "nc"),
    ("Алхазур", "Алхазур", "Алхазурович", "Алхазуровна", "Алхазурович", "Алхазурівна", "nc"),
    ("Байсангур", "Байсангур", "Байсангурович", "Байсангуровна", "Байсангурович", "Байсангурівна",
     "nc"),
    ("Берс", "Берс", "Берсович", "Берсовна", "Берсович", "Берсівна", "nc"),
    ("Шахбан", "Шахбан", "Шахбанович", "Шахбановна", "Шахбанович", "Шахбанівна", "nc"),
    ("Гамзат", "Гамзат", "Гамзатович", "Гамзатовна", "Гамзатович", "Гамзатівна", "nc"),
    ("Абакар", "Абакар", "Абакарович", "Абакаровна", "Абакарович", "Абакарівна", "nc"),
    ("Арслан", "Арслан", "Арсланович", "Арслановна", "Арсланович", "Арсланівна", "nc"),
    ("Газимагомед", "Газімагомед", "Газимагомедович", "Газимагомедовна", "Газімагомедович", "Газімагомедівна",
     "nc"),
    ("Магомедрасул", "Магомедрасул", "Магомедрасулович", "Магомедрасуловна", "Магомедрасулович", "Магомедрасулівна",
     "nc"),
    ("Сиражудин", "Сіражудін", "Сиражудинович", "Сиражудиновна", "Сіражудінович", "Сіражудінівна",
     "nc"),
    ("Бадрудин", "Бадрудін", "Бадрудинович", "Бадрудиновна", "Бадрудінович", "Бадрудінівна", "nc"),
    ("Зубаир", "Зубаїр", "Зубаирович", "Зубаировна", "Зубаїрович", "Зубаїрівна", "nc"),
    ("Арип", "Аріп", "Арипович", "Ариповна", "Аріпович", "Аріпівна", "nc"),
    ("Абубакар", "Абубакар", "Абубакарович", "Абубакаровна", "Абубакарович", "Абубакарівна", "nc"),
]
# female given names: Russian, the Ukrainian form, group
RU_FEMALE = [
    ("Фетинья", "Фетинія", "ru"), ("Хиония", "Хіонія", "ru"), ("Конкордия", "Конкордія", "ru"),
    ("Иулитта", "Юліта", "ru"), ("Леонилла", "Леоніла", "ru"), ("Мамелфа", "Мамелфа", "ru"),
    ("Манефа", "Манефа", "ru"), ("Препедигна", "Препедигна", "ru"), ("Рипсимия", "Рипсимія", "ru"),
    ("Текуса", "Текуса", "ru"), ("Еликонида", "Єліконіда", "ru"), ("Нимфодора", "Німфодора", "ru"),
    ("Соломонида", "Соломоніда", "ru"), ("Сталина", "Сталіна", "ru"), ("Люция", "Люція", "ru"),
    ("Октавия", "Октавія", "ru"), ("Фомаида", "Фомаїда", "ru"), ("Сосипатра", "Сосипатра", "ru"),
    ("Дросида", "Дросида", "ru"), ("Каллиста", "Каліста", "ru"), ("Феофила", "Феофіла", "ru"),
    ("Евлампия", "Євлампія", "ru"), ("Фотина", "Фотина", "ru"), ("Ненила", "Неніла", "ru"),
    ("Евдоксия", "Євдоксія", "ru"), ("Февронья", "Февронія", "ru"), ("Рушания", "Рушанія", "tt"),
    ("Нурия", "Нурія", "tt"), ("Раиля", "Раїля", "tt"), ("Сария", "Сарія", "tt"),
    ("Флюра", "Флюра", "tt"), ("Ильсия", "Ільсія", "tt"), ("Минзифа", "Мінзіфа", "tt"),
    ("Гульчачак", "Гульчачак", "tt"), ("Айзиля", "Айзіля", "tt"), ("Табарик", "Табарік", "nc"),
    ("Жовхар", "Жовхар", "nc"), ("Пайзат", "Пайзат", "nc"), ("Сапият", "Сапіят", "nc"),
    ("Загидат", "Загідат", "nc"), ("Рукижат", "Рукіжат", "nc"), ("Умият", "Уміят", "nc"),
    ("Написат", "Напісат", "nc"), ("Забидат", "Забідат", "nc"), ("Муслимат", "Муслімат", "nc"),
    ("Зезаг", "Зезаг", "nc"), ("Товсари", "Товсарі", "nc"),
]
# family names (men's form): Russian, Ukrainian form, group; clergy names (Гиацинтов, Кипарисов,
# Сладкопевцев, Смиренский, Тихвинский, Фаворский, Померанцев), old merchant and service
# families (Рябушинский, Бахрушин, Милославский), names from trades (Шапошников, Рукавишников,
# Извозчиков, Пряничников, Свечников, Воскобойников, Звонарёв, Просвирнин) and from birds
# (Снегирёв, Зябликов, Беркутов, Бекасов, Рябчиков, Глухарёв)
RU_FAMILY = [
    ("Гиацинтов", "Гіацинтов", "ru"), ("Кипарисов", "Кипарисов", "ru"),
    ("Доброхотов", "Доброхотов", "ru"), ("Сладкопевцев", "Сладкопевцев", "ru"),
    ("Смиренский", "Смиренський", "ru"), ("Тихвинский", "Тихвінський", "ru"),
    ("Казанский", "Казанський", "ru"), ("Фаворский", "Фаворський", "ru"),
    ("Зерцалов", "Зерцалов", "ru"), ("Померанцев", "Померанцев", "ru"),
    ("Гумилевский", "Гумілевський", "ru"), ("Миролюбов", "Миролюбов", "ru"),
    ("Шапошников", "Шапошников", "ru"), ("Рукавишников", "Рукавишников", "ru"),
    ("Извозчиков", "Ізвозчиков", "ru"), ("Серебренников", "Серебренников", "ru"),
    ("Золотарёв", "Золотарьов", "ru"), ("Снегирёв", "Снегірьов", "ru"),
    ("Клестов", "Клестов", "ru"), ("Зябликов", "Зябликов", "ru"), ("Беркутов", "Беркутов", "ru"),
    ("Чайкин", "Чайкін", "ru"), ("Бекасов", "Бекасов", "ru"), ("Рябчиков", "Рябчиков", "ru"),
    ("Глухарёв", "Глухарьов", "ru"), ("Милославский", "Милославський", "ru"),
    ("Рябушинский", "Рябушинський", "ru"), ("Бахрушин", "Бахрушин", "ru"),
    ("Федулов", "Федулов", "ru"), ("Пронькин", "Пронькін", "ru"), ("Ивашкин", "Івашкін", "ru"),
    ("Хлебников", "Хлебников", "ru"), ("Пряничников", "Пряничников", "ru"),
    ("Свечников", "Свечников", "ru"), ("Воскобойников", "Воскобойников", "ru"),
    ("Холщевников", "Холщевников", "ru"), ("Сундуков", "Сундуков", "ru"),
    ("Лапотников", "Лапотников", "ru"), ("Смолянинов", "Смолянінов", "ru"),
    ("Гребенщиков", "Гребенщиков", "ru"), ("Овсянников", "Овсянников", "ru"),
    ("Рогожин", "Рогожин", "ru"), ("Сермягин", "Сермягін", "ru"), ("Кафтанов", "Кафтанов", "ru"),
    ("Пустовалов", "Пустовалов", "ru"), ("Звонарёв", "Звонарьов", "ru"),
    ("Просвирнин", "Просвірнін", "ru"), ("Дьячков", "Дячков", "ru"),
    ("Габдуллин", "Габдуллін", "tt"), ("Сибгатуллин", "Сібгатуллін", "tt"),
    ("Фатхутдинов", "Фатхутдінов", "tt"), ("Низамутдинов", "Нізамутдінов", "tt"),
    ("Муртазин", "Муртазін", "tt"), ("Абзалов", "Абзалов", "tt"),
    ("Гайнутдинов", "Гайнутдінов", "tt"), ("Ямалиев", "Ямалієв", "tt"),
    ("Гумеров", "Гумеров", "tt"), ("Хисамов", "Хісамов", "tt"), ("Кашапов", "Кашапов", "tt"),
    ("Хазиев", "Хазієв", "tt"), ("Мавлютов", "Мавлютов", "tt"), ("Биктимиров", "Біктіміров", "tt"),
    ("Мингалеев", "Мінгалеєв", "tt"), ("Ахтямов", "Ахтямов", "tt"),
    ("Ишмуратов", "Ішмуратов", "tt"), ("Тухватуллин", "Тухватуллін", "tt"),
    ("Ягудин", "Ягудін", "tt"), ("Камалетдинов", "Камалетдінов", "tt"), ("Батаев", "Батаєв", "nc"),
    ("Гериев", "Герієв", "nc"), ("Израилов", "Ізраїлов", "nc"), ("Мовсаров", "Мовсаров", "nc"),
    ("Тимаев", "Тімаєв", "nc"), ("Хамзатов", "Хамзатов", "nc"), ("Яндиев", "Яндієв", "nc"),
    ("Мутушев", "Мутушев", "nc"), ("Зубайраев", "Зубайраєв", "nc"), ("Дадашев", "Дадашев", "nc"),
    ("Алибеков", "Алібеков", "nc"), ("Газиев", "Газієв", "nc"), ("Атаев", "Атаєв", "nc"),
    ("Бийболатов", "Бійболатов", "nc"), ("Эльдаров", "Ельдаров", "nc"), ("Эминов", "Емінов", "nc"),
    ("Давудов", "Давудов", "nc"), ("Кадиев", "Кадієв", "nc"), ("Висаев", "Вісаєв", "nc"),
    ("Галаев", "Галаєв", "nc"), ("Довтаев", "Довтаєв", "nc"), ("Загаев", "Загаєв", "nc"),
    ("Нахаев", "Нахаєв", "nc"), ("Усаев", "Усаєв", "nc"), ("Цакаев", "Цакаєв", "nc"),
    ("Шидаев", "Шідаєв", "nc"),
]


# letter-for-letter systems: the Scholarly (linguists') transliteration, ISO 9:1995 (GOST 7.79
# system A) and GOST 7.79-2000 system B (the Russian library and web standard, ASCII only)
RU_SCHOLARLY = dict(RU_BGN, **{"ё": "ë", "ж": "ž", "й": "j", "х": "x", "ц": "c", "ч": "č",
                               "ш": "š", "щ": "šč", "ъ": "ʺ", "ь": "ʹ", "э": "è", "ю": "ju",
                               "я": "ja"})
RU_ISO9 = dict(RU_SCHOLARLY, **{"х": "h", "щ": "ŝ", "ю": "û", "я": "â"})
RU_GOST_B = dict(RU_BGN, **{"ё": "yo", "й": "j", "х": "x", "ц": "cz", "щ": "shh", "ъ": "``",
                            "ы": "y'", "ь": "`", "э": "e`", "ю": "yu", "я": "ya"})
# the Dutch press: oe for у, j for й, je/jo/joe/ja, sj, zj, tsj, ch for х, -ski
RU_DUTCH = dict(RU_BGN, **{"ё": "jo", "ж": "zj", "й": "j", "у": "oe", "х": "ch", "ч": "tsj",
                           "ш": "sj", "щ": "sjtsj", "ю": "joe", "я": "ja"})


def ru_letters(word, scheme):
    w = word.lower()
    out = []
    for k, ch in enumerate(w):
        nxt = w[k + 1] if k + 1 < len(w) else ""
        prev = w[k - 1] if k else "#"
        if scheme == "scholarly":
            r = RU_SCHOLARLY[ch]
        elif scheme == "iso9":
            r = RU_ISO9[ch]
        elif scheme == "gost-b":
            r = RU_GOST_B[ch]
            if ch == "ц" and nxt in ("е", "и", "ы", "й", "э", "ю", "я", "ё"):
                r = "c"
        else:  # dutch
            r = RU_DUTCH[ch]
            soft = k == 0 or prev in RU_VOWELS or prev in "ьъ"
            if ch == "е" and soft:
                r = "je"
            if ch == "ё" and prev in "жчшщ":
                r = "o"
            if ch == "й" and prev in "иы" and k == len(w) - 1:
                r = ""  # Joeri, Arseni
            if ch == "ь" and nxt in ("е", "ё", "и", "ю", "я", "о"):
                r = "j" if nxt in ("и", "о") else ""
            if ch == "с" and prev == "к":
                r = "s"
        out.append(r)
    s = "".join(out)
    if scheme == "dutch":
        s = re.sub(r"(sk|tsk)i$", r"\1i", s)
        if w.endswith(("ский", "цкий")):
            s = s[:-1] if s.endswith("ii") else s
    return "-".join(cap(p) for p in s.split("-"))


def ru_yo_as_e(s):
    return s.replace("ё", "е").replace("Ё", "Е")


def ru_female_family(f):
    if f.endswith(("ский", "цкий")):
        return f[:-2] + "ая"
    if f.endswith("ой"):
        return f[:-2] + "ая"
    if f.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return f + "а"
    return f


def ua_female_of_russian(uk):
    """The Ukrainian form of a Russian woman's family name, from the man's."""
    if uk.endswith(("ський", "цький")):
        return uk[:-2] + "а"
    if uk.endswith("ой"):
        return uk[:-2] + "а"
    if uk.endswith(("ов", "ев", "єв", "ьов", "йов", "ін", "ин")):
        return uk + "а"
    return uk


# Russian passports 1997-2010 (Ministry of Internal Affairs order 310): e for е and ё, y for й,
# kh, ts, ch, sh, shch, yu, ya, and an apostrophe for ь and ъ (NATAL'YA, IL'YA)
RU_PASSPORT1997 = dict(RU_BGN, **{"е": "e", "ё": "e", "ь": "'", "ъ": "'"})


def ru_passport1997(word):
    w = word.lower()
    s = "".join(RU_PASSPORT1997[ch] for ch in w)
    return s.upper()


# the Czech press's transcription of Russian: č š ž, ch for х, c for ц, j for й, je/jo/ju/ja,
# ě ď ť ň for the soft д т н, y for ы, -ij/-yj/-oj; a woman's family name takes -ová (Zacharovová,
# Kareninová) or the Czech adjective ending (-ská, -cká, -á)
RU_CZECH = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "ž",
            "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
            "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c",
            "ч": "č", "ш": "š", "щ": "šč", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju",
            "я": "ja", "-": "-"}
CZ_SOFT = {"д": "ď", "т": "ť", "н": "ň"}
CZ_SOFT_VOWEL = {"е": "ě", "ё": "o", "ю": "u", "я": "a"}


def ru_czech_letters(w):
    out = []
    for k, ch in enumerate(w):
        prev = w[k - 1] if k else "#"
        nxt = w[k + 1] if k + 1 < len(w) else ""
        r = RU_CZECH[ch]
        soft_pos = k == 0 or prev in RU_VOWELS or prev in "ьъ"
        if ch == "е":
            r = "je" if soft_pos else ("ě" if prev in CZ_SOFT else "e")
        elif ch == "ё":
            if prev in "жчшщ":
                r = "o"
            elif prev in CZ_SOFT:
                out[-1] = CZ_SOFT[prev]
                r = "o"
        elif ch in ("ю", "я") and prev in CZ_SOFT:
            out[-1] = CZ_SOFT[prev]
            r = CZ_SOFT_VOWEL[ch]
        elif ch == "и" and prev in "ьъ":
            r = "ji"
        elif ch == "ь" and prev in CZ_SOFT and (nxt == "" or nxt not in RU_VOWELS):
            out[-1] = CZ_SOFT[prev]
        out.append(r)
    return "".join(out)


def ru_czech(word, female_family=False, male_form=None):
    """A Russian name in Czech; a woman's family name from the man's form."""
    w = word.lower()
    if female_family and male_form:
        m = male_form.lower()
        if w.endswith(("ская", "цкая")):
            return cap(ru_czech_letters(w[:-2]) + "á")
        if w.endswith("ая"):
            return cap(ru_czech_letters(w[:-2]) + "á")
        if w != m:  # -ова, -ева, -ина, -ына
            return cap(ru_czech_letters(m) + "ová")
    return "-".join(cap(p) for p in ru_czech_letters(w).split("-"))


# the Turkish press's transcription of Russian: ç ş j, h for х, ı for ы, y for й, ye/yo/yu/ya,
# ts for ц, c for дж, -iy/-ıy/-oy (Sergey Lavrov, Mariya Zaharova, Dmitriy Peskov)
RU_TURKISH = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j",
              "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
              "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
              "ч": "ç", "ш": "ş", "щ": "şç", "ъ": "", "ы": "ı", "ь": "", "э": "e", "ю": "yu",
              "я": "ya", "-": "-"}


def ru_turkish(word):
    w = word.lower().replace("дж", "c")  # Cebrail
    out = []
    for k, ch in enumerate(w):
        prev = w[k - 1] if k else "#"
        r = RU_TURKISH.get(ch, ch)
        soft_pos = k == 0 or prev in RU_VOWELS or prev in "ьъ"
        if ch == "е" and soft_pos:
            r = "ye"
        if ch == "ё" and prev in "жчшщ":
            r = "o"
        out.append(r)
    s = "".join(out)
    return "-".join(tcap(p, "turkish") for p in s.split("-"))


def russian_person(given, patronymic, family, ua):
    """ua: the Ukrainian forms (given, patronymic, family) of the name."""
    g_ua, p_ua, f_ua = ua
    orig = f"{family} {given} {patronymic}"

    def r(w, sc, kind):
        return ru_latin(w, sc, kind)

    listed = f"{r(family, 'bgn', 'family').upper()}, {r(given, 'bgn', 'given')} " \
             f"{r(patronymic, 'bgn', 'patronymic')}"
    female = patronymic.endswith("на")
    male_family = family
    if female:
        male_family = next((f[0] for f in RU_FAMILY if ru_female_family(f[0]) == family), family)
    forms = [
        (orig, "original-script"),
        (ru_yo_as_e(orig), "original-script-yo-as-e"),
        (f"{given} {family}", "original-script-short"),
        (f"{r(given, 'press', 'given')} {r(family, 'press', 'family')}", "english-press"),
        (f"{r(given, 'icao', 'given')} {r(family, 'icao', 'family')}".upper(), "icao-passport"),
        (f"{r(given, 'gost2006', 'given')} {r(family, 'gost2006', 'family')}".upper(),
         "passport-2010-gost"),
        (f"{r(given, 'german', 'given')} {r(patronymic, 'german', 'patronymic')} "
         f"{r(family, 'german', 'family')}", "german"),
        (f"{r(given, 'french', 'given')} {r(family, 'french', 'family')}", "french"),
        (f"{r(given, 'spanish', 'given')} {r(family, 'spanish', 'family')}", "spanish"),
        (f"{r(family, 'bgn', 'family')} {r(given, 'bgn', 'given')}", "reordered"),
        (" ".join(ru_letters(w, "scholarly") for w in (family, given, patronymic)), "scholarly"),
        (" ".join(ru_letters(w, "iso9") for w in (family, given, patronymic)), "iso9"),
        (" ".join(ru_letters(w, "gost-b") for w in (family, given, patronymic)),
         "gost-7.79-b"),
        (f"{ru_letters(given, 'dutch')} {ru_letters(family, 'dutch')}", "dutch"),
        (f"{ru_passport1997(given)} {ru_passport1997(family)}", "passport-1997"),
        (f"{f_ua} {g_ua} {p_ua}", "ukrainian-original-script"),
        (" ".join(ua_latin(w, "national") for w in (f_ua, g_ua, p_ua)),
         "ukrainian-national-2010"),
        (f"{ru_czech(given)} {ru_czech(family, female, male_family)}", "czech"),
        (f"{ru_turkish(given)} {ru_turkish(family)}", "turkish"),
    ]
    return listed, orig, forms


# =============================================================================================
# Ukrainian
# =============================================================================================
UA_VOWELS = set("аеєиіїоуюя")
# the national system (Cabinet of Ministers resolution 55, 2010); word-initial є ї й ю я below
UA_NATIONAL = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
               "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
               "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
               "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
               "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "", "-": "-"}
UA_NATIONAL_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# the habit of passports and the press before 2010 (Yuliya, Serhiy, Zelenskyy): the y-forms
# everywhere
UA_OLDER = dict(UA_NATIONAL, **UA_NATIONAL_INITIAL)
UA_GERMAN = dict(UA_NATIONAL, **{"в": "w", "ж": "sch", "з": "s", "є": "je", "ї": "ji", "й": "j",
                                 "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch",
                                 "ю": "ju", "я": "ja"})
UA_POLISH = dict(UA_NATIONAL, **{"в": "w", "ж": "ż", "є": "je", "ї": "ji", "й": "j", "л": "ł",
                                 "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz",
                                 "ю": "ju", "я": "ja"})
UA_TABLES = {"national": UA_NATIONAL, "older": UA_OLDER, "german": UA_GERMAN,
             "polish": UA_POLISH}
PL_SOFT = {"н": "ń", "с": "ś", "ц": "ć", "з": "ź"}


def ua_latin(word, scheme):
    w = word.lower()
    if scheme == "polish":
        # the Polish press writes the adjectival endings the Polish way: Zełenski, Zełenska
        m = re.match(r"(.*?)(с|ц)ьк(ий|а)$", w)
        if m:
            end = {"с": "sk", "ц": "ck"}[m.group(2)] + ("i" if m.group(3) == "ий" else "a")
            base = ua_latin(m.group(1), scheme).lower() + end
            return "-".join(cap(p) for p in base.split("-"))
    t = UA_TABLES[scheme]
    out = []
    n = len(w)
    for k, ch in enumerate(w):
        prev = w[k - 1] if k > 0 else "#"
        nxt = w[k + 1] if k + 1 < n else ""
        r = t[ch]
        if scheme == "national":
            if k == 0 and ch in UA_NATIONAL_INITIAL:
                r = UA_NATIONAL_INITIAL[ch]
            if ch == "г" and prev == "з":
                r = "gh"  # зг: zgh
        if scheme == "german" and ch == "с" and prev in UA_VOWELS and nxt in UA_VOWELS:
            r = "ss"
        if scheme == "polish":
            if ch == "л" and nxt in ("і", "ь", "є", "ю", "я", "ї"):
                r = "l"
            if ch in ("є", "ю", "я") and prev not in UA_VOWELS and prev not in ("#", "ь", "'",
                                                                                  "’", "ʼ"):
                r = ("" if prev == "л" else "i") + {"є": "e", "ю": "u", "я": "a"}[ch]
            if ch == "ь":
                r = ""
                if prev in PL_SOFT and nxt not in UA_VOWELS:
                    out[-1] = PL_SOFT[prev]
        out.append(r)
    s = "".join(out)
    if scheme == "polish":
        s = re.sub(r"(s|c)kyj$", r"\1ki", s)
        s = re.sub(r"yj$", "y", s)
    return "-".join(cap(p) for p in s.split("-"))


# given names: Ukrainian, the Russian form of the name, sex; church names in their Ukrainian
# folk forms (Онисько, Гарасим, Сохрон, Явдоким, Харко, Омелько, Грицько, Улян, Векла, Гафійка,
# Докійка, Палагна, Парася), older church names (Питирим, Нектарій, Іринарх, Павсикакій,
# Єлевферій, Феодул, Уар, Глафіра, Калиса, Сосанна), names of the Slavic revival (Ждан, Неждан,
# Годислав, Судислав, Творимир, Яровит, Рогволод, Предслава, Малуша, Мирава, Красава, Добрава)
# and of western Ukraine (Йосафат, Ксаверій, Теофан, Генрика, Марцеліна, Бальбіна, Йосифа,
# Філомена, Констанція, Габріеля)
UA_GIVEN = [
    ("Онисько", "Онисим", "m"), ("Гарасим", "Герасим", "m"), ("Сохрон", "Софрон", "m"),
    ("Явдоким", "Евдоким", "m"), ("Зеновій", "Зиновий", "m"), ("Йосафат", "Иосафат", "m"),
    ("Ксаверій", "Ксаверий", "m"), ("Атанасій", "Афанасий", "m"), ("Іпатій", "Ипатий", "m"),
    ("Кассіян", "Кассиан", "m"), ("Питирим", "Питирим", "m"), ("Теофан", "Феофан", "m"),
    ("Йоасаф", "Иоасаф", "m"), ("Нектарій", "Нектарий", "m"), ("Харко", "Харитон", "m"),
    ("Омелько", "Емельян", "m"), ("Грицько", "Григорий", "m"), ("Ждан", "Ждан", "m"),
    ("Неждан", "Неждан", "m"), ("Даміян", "Дамиан", "m"), ("Євтихій", "Евтихий", "m"),
    ("Прокопій", "Прокопий", "m"), ("Улян", "Ульян", "m"), ("Феофіл", "Феофил", "m"),
    ("Юліян", "Юлиан", "m"), ("Воїслав", "Воислав", "m"), ("Годислав", "Годислав", "m"),
    ("Драгомир", "Драгомир", "m"), ("Милорад", "Милорад", "m"), ("Рогволод", "Рогволод", "m"),
    ("Судислав", "Судислав", "m"), ("Творимир", "Творимир", "m"), ("Яровит", "Яровит", "m"),
    ("Амфілохій", "Амфилохий", "m"), ("Ананій", "Ананий", "m"), ("Власій", "Власий", "m"),
    ("Діодор", "Диодор", "m"), ("Євлогій", "Евлогий", "m"), ("Єлевферій", "Елевферий", "m"),
    ("Іринарх", "Иринарх", "m"), ("Кирик", "Кирик", "m"), ("Кодрат", "Кодрат", "m"),
    ("Павсикакій", "Павсикакий", "m"), ("Руфин", "Руфин", "m"), ("Тимон", "Тимон", "m"),
    ("Уар", "Уар", "m"), ("Феодул", "Феодул", "m"), ("Векла", "Фёкла", "f"),
    ("Предслава", "Предслава", "f"), ("Малуша", "Малуша", "f"), ("Людомира", "Людомира", "f"),
    ("Генрика", "Генрика", "f"), ("Марцеліна", "Марцелина", "f"), ("Казимира", "Казимира", "f"),
    ("Бальбіна", "Бальбина", "f"), ("Йосифа", "Иосифа", "f"), ("Доміника", "Доминика", "f"),
    ("Євфимія", "Евфимия", "f"), ("Мелетина", "Мелитина", "f"), ("Теофілія", "Феофилия", "f"),
    ("Гафійка", "Агафья", "f"), ("Докійка", "Евдокия", "f"), ("Зіня", "Зиновия", "f"),
    ("Палагна", "Пелагея", "f"), ("Парася", "Параскева", "f"), ("Воля", "Воля", "f"),
    ("Мирава", "Мирава", "f"), ("Росана", "Росана", "f"), ("Зірка", "Зирка", "f"),
    ("Ясна", "Ясна", "f"), ("Красава", "Красава", "f"), ("Добрава", "Добрава", "f"),
    ("Славомира", "Славомира", "f"), ("Ізабела", "Изабелла", "f"), ("Філомена", "Филомена", "f"),
    ("Анастазія", "Анастасия", "f"), ("Терезія", "Терезия", "f"),
    ("Флорентина", "Флорентина", "f"), ("Констанція", "Констанция", "f"),
    ("Габріеля", "Габриэля", "f"), ("Анатолія", "Анатолия", "f"), ("Глафіра", "Глафира", "f"),
    ("Ісидора", "Исидора", "f"), ("Калиса", "Каллиса", "f"), ("Лукерія", "Лукерья", "f"),
    ("Сосанна", "Сусанна", "f"), ("Агрипина", "Агриппина", "f"),
]

# fathers' names (drawn from this set's own men's names, never the person's own given name) and
# the patronymics they give: Ukrainian (son, daughter), Russian (son, daughter)
UA_PATRONYMICS = [
    ("Зеновій", "Зеновійович", "Зеновіївна", "Зиновьевич", "Зиновьевна"),
    ("Йосафат", "Йосафатович", "Йосафатівна", "Иосафатович", "Иосафатовна"),
    ("Іпатій", "Іпатійович", "Іпатіївна", "Ипатьевич", "Ипатьевна"),
    ("Кассіян", "Кассіянович", "Кассіянівна", "Кассианович", "Кассиановна"),
    ("Питирим", "Питиримович", "Питиримівна", "Питиримович", "Питиримовна"),
    ("Ждан", "Жданович", "Жданівна", "Жданович", "Ждановна"),
    ("Даміян", "Даміянович", "Даміянівна", "Дамианович", "Дамиановна"),
    ("Улян", "Улянович", "Улянівна", "Ульянович", "Ульяновна"),
    ("Феофіл", "Феофілович", "Феофілівна", "Феофилович", "Феофиловна"),
    ("Драгомир", "Драгомирович", "Драгомирівна", "Драгомирович", "Драгомировна"),
    ("Власій", "Власійович", "Власіївна", "Власьевич", "Власьевна"),
    ("Діодор", "Діодорович", "Діодорівна", "Диодорович", "Диодоровна"),
    ("Кирик", "Кирикович", "Кириківна", "Кирикович", "Кириковна"),
    ("Руфин", "Руфинович", "Руфинівна", "Руфинович", "Руфиновна"),
    ("Милорад", "Милорадович", "Милорадівна", "Милорадович", "Милорадовна"),
    ("Тимон", "Тимонович", "Тимонівна", "Тимонович", "Тимоновна"),
    ("Кодрат", "Кодратович", "Кодратівна", "Кодратович", "Кодратовна"),
    ("Годислав", "Годиславович", "Годиславівна", "Годиславович", "Годиславовна"),
]


# family names (men's form): Ukrainian, Russian form; in -енко and -ук, from trades (Рибалка,
# Бортник, Скляр, Чоботар, Бочкар, Дігтяр, Сідляр, Паламар, Писар), Cossack ranks (Сотник,
# Осадчий, Отаман), nicknames (Чорновол, Чорногуз, Сивоус, Білокінь, Голобородько, Забіяка),
# beasts, birds and trees (Ведмідь, Лебідь, Шуліка, Яструб, Сокіл, Явір, Бузина), in -ський and
# the western Ukrainian patronymic forms in -ів (Федьків, Кузьмів, Андрухів, Юрків, Семків)
UA_FAMILY = [
    ("Даниленко", "Даниленко"), ("Дмитренко", "Дмитренко"), ("Тищенко", "Тищенко"),
    ("Кучеренко", "Кучеренко"), ("Корнієнко", "Корниенко"), ("Овдієнко", "Овдиенко"),
    ("Пархоменко", "Пархоменко"), ("Шульженко", "Шульженко"), ("Якименко", "Якименко"),
    ("Волошенко", "Волошенко"), ("Гуменко", "Гуменко"), ("Жученко", "Жученко"),
    ("Ляшенко", "Ляшенко"), ("Мазуренко", "Мазуренко"), ("Тесленко", "Тесленко"),
    ("Цибуленко", "Цибуленко"), ("Андрійчук", "Андрийчук"), ("Данилюк", "Данилюк"),
    ("Сидорук", "Сидорук"), ("Стефанюк", "Стефанюк"), ("Процюк", "Процюк"), ("Грищук", "Грищук"),
    ("Гуцалюк", "Гуцалюк"), ("Кушнірук", "Кушнирук"), ("Пасічнюк", "Пасечнюк"),
    ("Гончарук", "Гончарук"), ("Рибалка", "Рыбалка"), ("Бортник", "Бортник"),
    ("Скляр", "Скляр"), ("Чоботар", "Чеботарь"), ("Бочкар", "Бочкарь"), ("Дігтяр", "Дегтярь"),
    ("Сідляр", "Седляр"), ("Паламар", "Паламарь"), ("Писар", "Писарь"), ("Сотник", "Сотник"),
    ("Осадчий", "Осадчий"), ("Отаман", "Отаман"), ("Чорновол", "Черновол"),
    ("Чорногуз", "Черногуз"), ("Сивоус", "Сивоус"), ("Довгаль", "Довгаль"),
    ("Білокінь", "Белоконь"), ("Загорулько", "Загорулько"), ("Голобородько", "Голобородько"),
    ("Забіяка", "Забияка"), ("Крутько", "Крутько"), ("Ведмідь", "Ведмедь"), ("Лебідь", "Лебедь"),
    ("Шуліка", "Шулика"), ("Яструб", "Ястреб"), ("Сокіл", "Сокол"), ("Явір", "Явор"),
    ("Бузина", "Бузина"), ("Заліський", "Залесский"), ("Підлісний", "Подлесный"),
    ("Вербицький", "Вербицкий"), ("Яворський", "Яворский"), ("Бережницький", "Бережницкий"),
    ("Дубровський", "Дубровский"), ("Гуцул", "Гуцул"), ("Лемко", "Лемко"),
    ("Федьків", "Федькив"), ("Кузьмів", "Кузьмив"), ("Андрухів", "Андрухив"),
    ("Юрків", "Юркив"), ("Семків", "Семкив"), ("Кіндратів", "Киндратив"),
]


def ua_female_family(uk, ru):
    if uk.endswith("ий"):
        uk = uk[:-2] + "а"
    if ru.endswith(("ский", "цкий", "ый")):
        ru = ru[:-2] + "ая"
    elif ru.endswith("чий"):
        ru = ru[:-2] + "ая"
    elif ru.endswith(("ов", "ин")):
        ru = ru + "а"
    if uk.endswith(("ов", "ін", "ин")) and not uk.endswith("ій"):
        uk = uk + "а"
    return uk, ru


# the Czech press's transcription of Ukrainian: h for г, g for ґ, y for и, i for і, ji for ї,
# j for й, je/ju/ja, č š ž šč, ch for х, c for ц, ď ť ň for the soft д т н, -yj/-ij; a woman's
# family name takes -ová (Tymošenková, Ševčuková) or the Czech adjective ending (-ská, -cká)
UA_CZECH = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "je",
            "ж": "ž", "з": "z", "и": "y", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l",
            "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
            "ф": "f", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ь": "", "ю": "ju",
            "я": "ja", "'": "", "’": "", "-": "-"}


def ua_czech_letters(w):
    out = []
    for k, ch in enumerate(w):
        prev = w[k - 1] if k else "#"
        nxt = w[k + 1] if k + 1 < len(w) else ""
        r = UA_CZECH[ch]
        if ch in ("ю", "я", "є") and prev in CZ_SOFT:
            out[-1] = CZ_SOFT[prev]
            r = {"ю": "u", "я": "a", "є": "e"}[ch]
        elif ch == "ь" and prev in CZ_SOFT and (nxt == "" or nxt not in UA_VOWELS):
            out[-1] = CZ_SOFT[prev]
        out.append(r)
    return "".join(out)


def ua_czech(word, male_form=None):
    """A Ukrainian name in Czech; with male_form, a woman's family name made from it."""
    w = word.lower()
    if male_form:
        m = male_form.lower()
        if m.endswith(("ський", "цький")):
            return cap(ua_czech_letters(w[:-3]) + "ká")
        if m.endswith("ий"):
            return cap(ua_czech_letters(w[:-1]) + "á")  # Osadčá, Sahajdačná
        if m.endswith(("а", "о")):
            return cap(ua_czech_letters(w[:-1]) + "ová")  # Tymošenková, Mazepová
        if m.endswith("ець"):
            return cap(re.sub(r"ec$", "cová", ua_czech_letters(w)))  # Kolomijcová
        return cap(ua_czech_letters(w) + "ová")
    return "-".join(cap(p) for p in ua_czech_letters(w).split("-"))


# the Turkish press's transcription of Ukrainian: h for г, i for и and і, yi for ї, y for й,
# ye yu ya, j for ж, c for дж, ç ş şç, ts for ц, -iy (Volodimir Zelenskiy, Yuliya Timoşenko)
UA_TURKISH = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye",
              "ж": "j", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l",
              "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
              "ф": "f", "х": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şç", "ь": "", "ю": "yu",
              "я": "ya", "'": "", "’": "", "-": "-"}


def ua_turkish(word):
    s = "".join(UA_TURKISH.get(ch, ch) for ch in word.lower().replace("дж", "c"))
    return "-".join(tcap(p, "turkish") for p in s.split("-"))


# older and foreign systems for Ukrainian: the 1996 Ukrainian Legal Terminology Commission
# system (the national system's forerunner: ь as an apostrophe), BGN/PCGN 1965 (y-forms
# everywhere, ʹ for ь, -yy), the Scholarly transliteration, and the French and Dutch press
UA_ULTC1996 = dict(UA_NATIONAL, **{"ь": "'"})
UA_BGN1965 = dict(UA_OLDER, **{"ь": "ʹ", "й": "y"})
UA_SCHOLARLY = dict(UA_NATIONAL, **{"є": "je", "ж": "ž", "ї": "ji", "й": "j", "х": "x",
                                    "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ь": "ʹ",
                                    "ю": "ju", "я": "ja"})
UA_FRENCH = dict(UA_NATIONAL, **{"є": "ie", "ж": "j", "ї": "ï", "й": "ï", "у": "ou",
                                 "ч": "tch", "ш": "ch", "щ": "chtch", "ю": "iou", "я": "ia"})
UA_DUTCH = dict(UA_NATIONAL, **{"є": "je", "ж": "zj", "ї": "ji", "й": "j", "у": "oe", "х": "ch",
                                "ч": "tsj", "ш": "sj", "щ": "sjtsj", "ю": "joe", "я": "ja"})
UA_LETTER_TABLES = {"ultc1996": UA_ULTC1996, "bgn1965": UA_BGN1965,
                    "scholarly": UA_SCHOLARLY, "french": UA_FRENCH, "dutch": UA_DUTCH}


def ua_letters(word, scheme):
    w = word.lower()
    t = UA_LETTER_TABLES[scheme]
    out = []
    for k, ch in enumerate(w):
        prev = w[k - 1] if k else "#"
        nxt = w[k + 1] if k + 1 < len(w) else ""
        r = t.get(ch, ch)
        start = k == 0 or prev in ("-", " ")
        if scheme == "ultc1996" and start and ch in UA_NATIONAL_INITIAL:
            r = UA_NATIONAL_INITIAL[ch]
        if scheme == "bgn1965" and ch in ("'", "’", "ʼ"):
            r = ""
        if scheme == "french":
            if ch == "й" and prev not in UA_VOWELS:
                r = "i"
            if ch == "с" and prev in UA_VOWELS and nxt in UA_VOWELS:
                r = "ss"
            if ch in ("ю", "я", "є") and start:
                r = {"ю": "iou", "я": "ia", "є": "ie"}[ch]
        out.append(r)
    s = "".join(out)
    if scheme == "french":
        s = re.sub(r"yï$", "y", s)
        s = re.sub(r"(s|ts)'?ky$", r"\1ky", s)
    if scheme == "dutch":
        s = re.sub(r"yj$", "y", s)
    return "-".join(cap(p) for p in s.split("-"))


def ukrainian_person(given, patr, family, male_family):
    g, g_ru = given[:2]
    p, p_ru = patr
    f, f_ru = family
    female = given[2] == "f"
    orig = f"{f} {g} {p}"
    n = lambda w: ua_latin(w, "national")  # noqa: E731
    listed = f"{n(f).upper()}, {n(g)} {n(p)}"
    forms = [
        (orig, "original-script"),
        (f"{g} {f}", "original-script-short"),
        (orig.replace("'", "’"), "original-script-typographic-apostrophe"),
        (f"{n(g)} {n(f)}", "national-2010"),
        (f"{ua_latin(g, 'older')} {ua_latin(f, 'older')}", "older-press"),
        (f"{ua_latin(g, 'german')} {ua_latin(f, 'german')}", "german"),
        (f"{ua_latin(g, 'polish')} {ua_latin(f, 'polish')}", "polish"),
        (f"{ru_latin(g_ru, 'bgn')} {ru_latin(p_ru, 'bgn', 'patronymic')} "
         f"{ru_latin(f_ru, 'bgn', 'family')}", "russian-reading-patronymic"),
        (f"{ru_latin(g_ru, 'bgn')} {ru_latin(f_ru, 'bgn', 'family')}", "russian-reading"),
        (f"{g_ru} {f_ru}", "russian-original-script"),
        (f"{ua_czech(g)} {ua_czech(f, male_family if female else None)}", "czech"),
        (f"{ua_turkish(g)} {ua_turkish(f)}", "turkish"),
        (f"{ua_letters(g, 'ultc1996')} {ua_letters(f, 'ultc1996')}", "ultc-1996"),
        (f"{ua_letters(f, 'bgn1965')} {ua_letters(g, 'bgn1965')} {ua_letters(p, 'bgn1965')}",
         "bgn-pcgn-1965"),
        (" ".join(ua_letters(w, "scholarly") for w in (f, g, p)), "scholarly"),
        (f"{ua_letters(g, 'french')} {ua_letters(f, 'french')}", "french"),
        (f"{ua_letters(g, 'dutch')} {ua_letters(f, 'dutch')}", "dutch"),
    ]
    return listed, orig, forms


# =============================================================================================
# The set
# =============================================================================================
def coarse(s):
    """A key coarser than any scheme here, to keep namesakes' given names apart from the listed
    ones: letters only, digraphs as one letter, voicing pairs merged, every vowel run one
    vowel."""
    s = strip_marks(s.lower().replace("ł", "l").replace("ı", "i"))
    s = "".join(c for c in s if c.isalpha())
    for a, b in (("shch", "s"), ("tsch", "c"), ("dsch", "c"), ("sch", "s"), ("sh", "s"),
                 ("ch", "c"), ("zh", "c"), ("kh", "h"), ("ts", "c"), ("tz", "c"), ("dj", "c"),
                 ("th", "t"), ("dh", "d"), ("gh", "g"), ("ph", "p"), ("sz", "s"), ("cz", "c")):
        s = s.replace(a, b)
    for a, b in (("g", "k"), ("q", "k"), ("d", "t"), ("b", "p"), ("z", "s"), ("j", "c"),
                 ("v", "w"), ("f", "p"), ("x", "s"), ("y", "i"), ("h", ""), ("r", "l")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    return re.sub(r"[aeiouw]+", "a", s)


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def far_apart(keys_a, keys_b):
    """No spelling of one given name is near a spelling of the other."""
    for a in keys_a:
        for b in keys_b:
            if lev(a, b) < 2 or a.startswith(b) or b.startswith(a):
                return False
    return True


# How often a screening desk meets each form, as the share of the persons a form applies to who
# get a probe in it: the original script always; the list romanization's own variants
# (reordered, hyphens, capitals, the family name shortened or its article dropped), passport
# spellings and the press's spellings often; the spellings of neighbouring countries' press
# less; library, linguists' and foreign-alphabet systems (ALA-LC, Yale, the Scholarly
# transliteration, ISO 9, GOST 7.79 B, Kontsevich, Palladius, the Tajik alphabet, tone numbers)
# seldom. Every form of independent5 and independent6 is here, the ones independent6 left out
# too; no form is new. The weights are independent7's, as independent8 took them over.
FORM_WEIGHTS = {
    "korean": {
        "original-script": 1.0, "rr": 0.75, "rr-hyphen-usual-surname": 0.4, "mr": 0.65,
        "mr-plain": 0.65, "passport-hyphen-western-order": 0.5, "passport-caps": 0.75,
        "passport-caps-western-order": 0.55, "press-hyphen": 0.75, "rr-reordered": 0.5,
        "yale": 0.2, "hanja": 0.5, "kontsevich-cyrillic": 0.35, "original-script-south": 0.7,
        "dprk-joined-caps": 0.85, "dprk-reordered": 0.85, "hanja-simplified": 0.5, "typo": 0.4,
    },
    "chinese": {
        "original-script": 1.0, "original-script-traditional": 0.65,
        "original-script-simplified": 0.7, "pinyin-western-order": 0.85, "pinyin-split": 0.7,
        "pinyin-hyphen": 0.7, "passport-caps": 0.7, "pinyin-tone-marks": 0.35,
        "pinyin-tone-numbers": 0.15, "pinyin-tone-marks-western-order": 0.15,
        "pinyin-u-for-u-umlaut": 1.0, "wade-giles": 0.5, "wade-giles-plain": 0.5,
        "palladius-cyrillic": 0.35, "pinyin": 0.7, "tongyong": 0.5, "taiwan-passport-spaced": 0.7,
        "taiwan-western-order": 0.85, "taiwan-caps-joined": 0.7, "pinyin-mandarin-reading": 0.7,
        "cantonese-joined": 0.7, "cantonese-western-order": 0.85, "hkid-caps": 0.7,
        "cantonese-spaced-western-order": 0.65, "english-name-added": 0.7,
        "macau-western-order": 0.85, "hong-kong-spelling": 0.7, "dialect-western-order": 0.85,
        "dialect-hyphen": 0.7, "dialect-joined": 0.7, "typo": 0.4,
    },
    "arabic": {
        "original-script": 1.0, "original-script-vocalized": 0.3,
        "original-script-plain-letters": 0.55, "original-script-hamza-variant": 0.7,
        "original-script-persian-letters": 0.35, "original-script-egyptian-ya": 0.7,
        "original-script-short": 0.7, "shortened": 0.85, "reordered": 0.85,
        "article-dropped": 0.7, "article-spaced": 0.65, "assimilated-article": 0.55,
        "indonesian-press": 0.25, "german-press": 0.4, "ala-lc": 0.35,
        "russian-press-cyrillic": 0.35, "gulf-passport": 0.9, "gulf-press-bin": 0.9,
        "levantine": 0.9, "iraqi": 0.9, "turkish": 0.55, "egyptian": 0.9, "sudanese": 0.9,
        "sudanese-passport-caps": 0.55, "maghreb-french": 0.9, "typo": 0.4,
    },
    "persian": {
        "original-script": 1.0, "original-script-arabic-letters": 0.7, "press": 0.9,
        "passport": 0.85, "german": 0.5, "french": 0.6, "press-reordered": 0.7,
        "spanish": 0.35, "tajik-cyrillic": 0.35, "ala-lc": 0.35, "russian-press-cyrillic": 0.35,
        "title-dropped": 0.9, "typo": 0.4,
    },
    "cyrillic-ru": {
        "original-script": 1.0, "original-script-yo-as-e": 0.9, "original-script-short": 0.75,
        "english-press": 0.9, "icao-passport": 0.75, "passport-2010-gost": 0.45,
        "passport-1997": 0.5, "german": 0.4, "french": 0.45, "spanish": 0.3, "reordered": 0.85,
        "scholarly": 0.2, "iso9": 0.15, "gost-7.79-b": 0.15, "dutch": 0.25,
        "ukrainian-original-script": 0.5, "ukrainian-national-2010": 0.5, "czech": 0.25,
        "turkish": 0.25, "typo": 0.4,
    },
    "cyrillic-ua": {
        "original-script": 1.0, "original-script-typographic-apostrophe": 0.9,
        "original-script-short": 0.75, "national-2010": 0.9, "older-press": 0.75,
        "german": 0.4, "polish": 0.4, "russian-reading-patronymic": 0.4,
        "russian-reading": 0.75, "russian-original-script": 0.7, "czech": 0.25, "turkish": 0.25,
        "ultc-1996": 0.35, "bgn-pcgn-1965": 0.35, "scholarly": 0.2, "french": 0.35, "dutch": 0.25,
        "typo": 0.4,
    },
}


class Person:
    def __init__(self, script, group, family_key, given_key, sex, given_keys, build):
        self.script = script
        self.group = group
        self.family_key = family_key
        self.given_key = given_key
        self.sex = sex
        self.given_keys = [coarse(k) for k in given_keys]
        self.build = build  # every form; with another given name, for the namesakes
        self.listed, self.orig, self.forms = self.build(None)
        for _, f in self.forms:
            if f not in FORM_WEIGHTS[script]:
                raise SystemExit(f"no weight for {script} {f}")


def build_persons(rng):
    persons = []

    # Korean: South Koreans listed in passport spelling, North Koreans in the DPRK's
    used = set()
    for given in rng.sample(KO_GIVEN_SOUTH, 30):
        while True:
            sur, pp, sh = rng.choice(KO_SOUTH_SURNAMES)
            if (sur, given[0]) not in used and sur + given[0] not in KO_REAL:
                break
        used.add((sur, given[0]))

        def b(other, sur=sur, pp=pp, sh=sh, given=given):
            g = other or given
            return korean_south(sur, pp, sh, g[0], g[1])
        persons.append(Person("korean", "south", sur, given[0], given[2],
                              ["".join(ko_syllables(given[0], "rr")),
                               "".join(ko_passport_given(given[0]))], b))
    for given in rng.sample(KO_GIVEN_NORTH, 30):
        while True:
            sur, sh = rng.choice(KO_NORTH_SURNAMES)
            if (sur, given[0]) not in used and sur + given[0] not in KO_REAL:
                break
        used.add((sur, given[0]))

        def b(other, sur=sur, sh=sh, given=given):
            g = other or given
            return korean_north(sur, sh, g[0], g[1])
        persons.append(Person("korean", "north", sur, given[0], given[2],
                              ["".join(ko_syllables(given[0], "rr")),
                               "".join(ko_syllables(given[0], "dprk"))], b))

    # Chinese: mainland (pinyin), Taiwan (its passport spelling), Hong Kong (Cantonese), Macau
    # (the Macau spelling), Singapore and Malaysia (the Hokkien or Teochew spelling)
    # a surname at most twice within a group, so that every person keeps namesakes to draw
    zh_used = {}

    def zh_pick(table, surnames, real=ZH_REAL):
        while True:
            row = rng.choice(surnames)
            key = (id(surnames), row[0])
            if row[0] + table[0] not in real and to_simplified(row[0] + table[0]) not in real \
                    and zh_used.get(key, 0) < 2:
                zh_used[key] = zh_used.get(key, 0) + 1
                return row

    for given in rng.sample(ZH_MAINLAND_GIVEN, 20):
        sur, spy = zh_pick(given, ZH_MAINLAND_SURNAMES)

        def b(other, sur=sur, spy=spy, given=given):
            g = other or given
            return zh_mainland(sur, spy, g[0], g[1])
        persons.append(Person("chinese", "mainland", sur, given[0], given[2],
                              [toneless(given[1])], b))
    for given in rng.sample(ZH_TAIWAN_GIVEN, 12):
        sur, spy, tw = zh_pick(given, ZH_TAIWAN_SURNAMES)

        def b(other, sur=sur, spy=spy, tw=tw, given=given):
            g = other or given
            return zh_taiwan(sur, spy, tw, g[0], g[1])
        persons.append(Person("chinese", "taiwan", to_simplified(sur), given[0], given[2],
                              [toneless(given[1])], b))
    for given in rng.sample(ZH_HK_GIVEN, 12):
        sur, hk, spy = zh_pick(given, ZH_HK_SURNAMES)
        english = rng.choice(HK_ENGLISH[given[3]])

        def b(other, sur=sur, hk=hk, spy=spy, given=given, english=english):
            g = other or given
            return zh_hk(sur, hk, spy, g[0], g[1], g[2], english)
        persons.append(Person("chinese", "hong-kong", to_simplified(sur), given[0], given[3],
                              [toneless(given[2]), given[1]], b))
    for given in rng.sample(ZH_MACAU_GIVEN, 8):
        sur, mo, hk, spy = zh_pick(given, ZH_MACAU_SURNAMES)

        def b(other, sur=sur, mo=mo, hk=hk, spy=spy, given=given):
            g = other or given
            return zh_macau(sur, mo, hk, spy, g[0], g[1], g[2], g[3])
        persons.append(Person("chinese", "macau", to_simplified(sur), given[0], given[4],
                              [toneless(given[3]), given[1], given[2]], b))
    for given in rng.sample(ZH_SG_GIVEN, 8):
        sur, reg, spy = zh_pick(given, ZH_SG_SURNAMES)

        def b(other, sur=sur, reg=reg, spy=spy, given=given):
            g = other or given
            return zh_sg(sur, reg, spy, g[0], g[1], g[2])
        persons.append(Person("chinese", "singapore-malaysia", sur, given[0], given[3],
                              [toneless(given[2]), given[1]], b))

    # Arabic: ten persons of each region, each with a father's name
    givens = rng.sample(AR_GIVEN, len(AR_GIVEN))
    males = [g for g in AR_GIVEN if g[2] == "m"]
    for region in ("gulf", "levant", "iraq", "egypt", "sudan", "maghreb"):
        for family in rng.sample(AR_FAMILY[region], 10):
            given = givens.pop()
            father = rng.choice([m for m in males if m[0] != given[0]])

            def b(other, given=given, father=father, family=family, region=region):
                if other is None:
                    return arabic_person(given, father, family, region)
                return arabic_person(other, father, family, region, with_father=False)
            persons.append(Person("arabic", region, family[0], given[0], given[2],
                                  [ar_name(given[0], "bgn")], b))

    # Persian: thirty men and thirty women, each given name once; some men Seyyed
    used = set()
    fa_men = rng.sample([g for g in FA_GIVEN if g[2] == "m"], 30)
    fa_women = rng.sample([g for g in FA_GIVEN if g[2] == "f"], 30)
    # two in five of the men whose name may carry Seyyed carry it (a fixed share, so that the
    # title and its dropping occur)
    fa_order = rng.sample(fa_men + fa_women, 60)
    eligible = sorted(g[0] for g in fa_order if g[0] in FA_SEYYED_NAMES)
    seyyeds = set(rng.sample(eligible, round(0.4 * len(eligible))))
    for given in fa_order:
        while True:
            family = rng.choice(FA_FAMILY)
            if (family[0], given[0]) not in used:
                break
        used.add((family[0], given[0]))
        seyyed = given[0] in seyyeds

        def b(other, given=given, family=family, seyyed=seyyed):
            if other is None:
                return persian_person(given, family, seyyed)
            return persian_person(other, family, False)
        persons.append(Person("persian", "iran", family[0], given[0], given[2],
                              [fa_word(given[0], "bgn")], b))

    # Russian: 36 men and 24 women, with patronymics: 40 of the "ru" group, 10 each of "tt" and
    # "nc"; given name, father's name and family name from the person's group
    # (each group two women in five, so that every group's women have namesakes to draw from)
    groups = [(gr, "f" if k % 5 in (1, 3) else "m")
              for gr, n in (("ru", 40), ("tt", 10), ("nc", 10)) for k in range(n)]
    rng.shuffle(groups)
    fams = {gr: rng.sample([f for f in RU_FAMILY if f[2] == gr],
                           len([f for f in RU_FAMILY if f[2] == gr])) for gr in ("ru", "tt", "nc")}
    pools = {}
    used = set()
    for gr, sex in groups:
        table = [g for g in (RU_FEMALE if sex == "f" else RU_MALE) if g[-1] == gr]
        pool = pools.setdefault((gr, sex), [])
        if not pool:
            pool.extend(rng.sample(table, len(table)))
        given = pool.pop()
        fam_row = fams[gr].pop() if fams[gr] else rng.choice([f for f in RU_FAMILY if f[2] == gr])
        if (fam_row[0], given[0]) in used:
            fam_row = next(f for f in RU_FAMILY if f[2] == gr and (f[0], given[0]) not in used)
        used.add((fam_row[0], given[0]))
        fam, fam_ua = fam_row[:2]
        father = rng.choice([m for m in RU_MALE if m[-1] == gr and m[0] != given[0]])
        if sex == "f":
            fam, fam_ua = ru_female_family(fam), ua_female_of_russian(fam_ua)
            patr, patr_ua = father[3], father[5]
        else:
            patr, patr_ua = father[2], father[4]

        def b(other, given=given, patr=patr, patr_ua=patr_ua, fam=fam, fam_ua=fam_ua):
            g = other or given
            return russian_person(g[0], patr, fam, (g[1], patr_ua, fam_ua))
        persons.append(Person("cyrillic-ru", gr + "-" + sex, fam, given[0], sex,
                              [ru_latin(given[0], "bgn"), ua_latin(given[1], "national")], b))

    # Ukrainian: 30 men and 30 women, with patronymics
    fams = rng.sample(UA_FAMILY, 50)
    fams = fams + rng.sample(fams, 10)
    men = rng.sample([g for g in UA_GIVEN if g[2] == "m"], 30)
    women = rng.sample([g for g in UA_GIVEN if g[2] == "f"], 30)
    used = set()
    for k in range(60):
        given = men.pop() if k % 2 == 0 else women.pop()
        male = fams[k]
        if (male[0], given[0]) in used:
            male = next(f for f in UA_FAMILY if (f[0], given[0]) not in used)
        used.add((male[0], given[0]))
        fam = ua_female_family(*male) if given[2] == "f" else male
        p = rng.choice([row for row in UA_PATRONYMICS if row[0] != given[0]])
        patr = (p[1], p[3]) if given[2] == "m" else (p[2], p[4])

        def b(other, given=given, patr=patr, fam=fam, male=male):
            return ukrainian_person(other or given, patr, fam, male[0])
        persons.append(Person("cyrillic-ua", given[2], fam[0], given[0], given[2],
                              [ua_latin(given[0], "national"), ru_latin(given[1], "bgn")], b))
    return persons


# the original-script form of a namesake, and the Latin forms a namesake may be written in
NAMESAKE_ORIG = {"korean": "original-script", "chinese": "original-script",
                 "arabic": "original-script-short", "persian": "original-script",
                 "cyrillic-ru": "original-script-short", "cyrillic-ua": "original-script-short"}
# forms not used for the Latin namesake: the ones that carry the father's name (a namesake is
# not the person's sibling), the Hanja (one Hangul name has many), the Hong Kong English name
# and the other Cyrillic alphabet's form
NAMESAKE_SKIP = {
    "korean": {"hanja", "hanja-simplified"},
    "chinese": {"english-name-added"},
    "arabic": set(),
    "persian": set(),
    "cyrillic-ru": {"ukrainian-national-2010", "ukrainian-original-script", "german",
                    "scholarly", "iso9", "gost-7.79-b"},
    "cyrillic-ua": {"russian-original-script", "bgn-pcgn-1965", "scholarly",
                    "russian-reading-patronymic"},
}


QWERTY_NEAR = {"a": "s", "b": "v", "c": "x", "d": "s", "e": "r", "f": "g", "g": "h", "h": "j",
               "i": "o", "j": "k", "k": "l", "l": "k", "m": "n", "n": "m", "o": "i", "p": "o",
               "r": "t", "s": "a", "t": "r", "u": "y", "v": "b", "w": "e", "x": "z", "y": "u",
               "z": "x"}
def typo(listed, rng):
    """The list name in Western order with one slip of the keyboard in its longest word (two
    neighbouring letters swapped, a letter left out, or a letter hit beside its key), for
    names of at least fourteen letters; None for shorter names."""
    family, _, rest = listed.partition(", ")
    family = "-".join(p.capitalize() for p in family.lower().split("-"))
    family = " ".join(w[:1].upper() + w[1:] for w in family.split(" "))
    words = (rest + " " + family).split(" ")
    if sum(c.isalpha() for c in "".join(words)) < 14:
        return None
    k = max(range(len(words)), key=lambda j: (words[j] != "Seyyed", len(words[j]), -j))
    w = words[k]
    if len(w) < 6 or not w.isascii() or not w.isalpha():
        return None
    kind = rng.choice(("swap", "drop", "key"))
    if kind == "swap":
        spots = [i for i in range(1, len(w) - 2) if w[i] != w[i + 1]]
        i = rng.choice(spots)
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif kind == "drop":
        i = rng.randrange(1, len(w) - 1)
        w = w[:i] + w[i + 1:]
    else:
        i = rng.randrange(1, len(w) - 1)
        w = w[:i] + QWERTY_NEAR.get(w[i].lower(), w[i]) + w[i + 1:]
    words[k] = w
    return " ".join(words)


def select_forms(persons, typos, rng):
    """The probes of each person: for every script and form, the share FORM_WEIGHTS gives of
    the persons the form applies to (it applies when it differs, ignoring case, from the list
    name), drawn at random; then each probe once per person."""
    chosen = {id(p): set() for p in persons}
    for script in FORM_WEIGHTS:
        group = [p for p in persons if p.script == script]
        for form in sorted(FORM_WEIGHTS[script]):
            fits = []
            for p in group:
                key = p.listed.lower().replace(",", "")
                texts = [q for q, f in p.forms if f == form]
                if form == "typo" and typos[id(p)]:
                    texts = [typos[id(p)]]
                if texts and texts[0].lower() != key:
                    fits.append(p)
            k = round(FORM_WEIGHTS[script][form] * len(fits))
            for p in rng.sample(fits, k):
                chosen[id(p)].add(form)
    out = {}
    for p in persons:
        seen = {p.listed.lower().replace(",", "")}
        probes = []
        forms = p.forms + ([(typos[id(p)], "typo")] if typos[id(p)] else [])
        for q, f in forms:
            if f not in chosen[id(p)] or q.lower() in seen:
                continue
            seen.add(q.lower())
            probes.append((q, f))
        out[id(p)] = probes
    return out


def main():
    rng = random.Random(SEED)
    persons = build_persons(rng)
    records = {}  # given-name records by (script, given key) for the namesake builders
    for g in KO_GIVEN_SOUTH + KO_GIVEN_NORTH:
        records[("korean", g[0])] = g
    for g in ZH_MAINLAND_GIVEN + ZH_TAIWAN_GIVEN + ZH_HK_GIVEN + ZH_MACAU_GIVEN + ZH_SG_GIVEN:
        records[("chinese", g[0])] = g
    for g in AR_GIVEN:
        records[("arabic", g[0])] = g
    for g in FA_GIVEN:
        records[("persian", g[0])] = g
    for g in RU_MALE:
        records[("cyrillic-ru", g[0])] = (g[0], g[1])
    for g in RU_FEMALE:
        records[("cyrillic-ru", g[0])] = g
    for g in UA_GIVEN:
        records[("cyrillic-ua", g[0])] = g

    typos = {id(p): typo(p.listed, rng) for p in persons}
    probes = select_forms(persons, typos, rng)
    list_latin, list_orig, queries = [], [], []
    variant_texts = set()
    for n, p in enumerate(persons, 1):
        p.eid = f"K{n:04d}"
        list_latin.append(entry(p.eid, p.listed, []))
        list_orig.append(entry(p.eid, p.listed, [p.orig]))
        for q, form in probes[id(p)]:
            variant_texts.add(q.lower())
            queries.append({"query": q, "expected_entry_id": p.eid, "kind": "variant",
                            "script": p.script, "form": form})
        # every form the person could be written in is kept from the namesakes, drawn or not
        variant_texts.update(q.lower() for q, _ in p.forms)
        variant_texts.add(p.listed.lower().replace(",", ""))

    # Same-culture namesakes, not listed: another listed person's given name (same group, the
    # same sex where one is free) with this person's family name (never one whose given name is
    # near, in any scheme, to a listed given name of that family), in a Latin spelling drawn with
    # the weights of FORM_WEIGHTS and in the original script.
    listed_pairs = {(p.script, p.family_key, p.given_key) for p in persons}
    namesakes = []
    taken = set()  # (script, family, given) of the namesakes so far: each is one person
    for p in persons:
        same_family = [o for o in persons if o.script == p.script and o.family_key == p.family_key]
        pool = [o for o in persons if o.script == p.script and o.group == p.group and o is not p]
        rng.shuffle(pool)
        pool.sort(key=lambda o: o.sex != p.sex)  # the same sex first
        for o in pool:
            if (p.script, p.family_key, o.given_key) in listed_pairs | taken:
                continue
            if not all(far_apart(o.given_keys, s.given_keys) for s in same_family):
                continue
            _, _, forms = p.build(records[(p.script, o.given_key)])
            latin = [(q, f) for q, f in forms
                     if not f.startswith("original-script") and f not in NAMESAKE_SKIP[p.script]
                     and "cyrillic" not in f and q.lower() not in variant_texts]
            if not latin:
                continue
            lq, lf = rng.choices(latin, [FORM_WEIGHTS[p.script][f] for _, f in latin])[0]
            oq = dict((f, q) for q, f in forms)[NAMESAKE_ORIG[p.script]]
            if oq.lower() in variant_texts:
                continue
            namesakes.append((p, lq, lf, oq))
            taken.add((p.script, p.family_key, o.given_key))
            break
        else:
            raise SystemExit(f"no namesake for {p.listed}")
    for p, lq, lf, oq in namesakes:
        queries.append({"query": lq, "expected_entry_id": None, "kind": "namesake",
                        "script": p.script, "form": f"other-given/{lf}"})
        queries.append({"query": oq, "expected_entry_id": None, "kind": "namesake",
                        "script": p.script, "form": "other-given/original-script"})

    for name, rows in (("list_latin", list_latin), ("list_orig", list_orig),
                       ("queries", queries)):
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {}
    for q in queries:
        c = counts.setdefault(q["script"], [0, 0, 0])
        c[0 if q["kind"] == "variant" else 1] += 1
    for p in persons:
        counts[p.script][2] += 1
    nv = sum(c[0] for c in counts.values())
    print(f"{len(persons)} persons, {nv} probes of listed persons, {len(queries) - nv} namesakes")
    for s, (v, ns, np_) in counts.items():
        print(f"  {s:<12} {np_} persons, {v} probes, {ns} namesakes")


def entry(eid, name, aliases):
    return {"entry_id": eid, "kind": "person", "name": name, "aliases": aliases,
            "birth_dates": [], "nationalities": [], "programs": ["EVAL"], "remarks": None}


if __name__ == "__main__":
    main()
