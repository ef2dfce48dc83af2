#!/usr/bin/env python3
"""A second independent multi-script evaluation set, written before the matcher was read.

Built like `eval/scripts/independent/` (see BENCHMARKS.md) but from new name tables: no given or
family name of `eval/scripts/generate.py` or `eval/scripts/independent/generate.py` appears here
(`check_overlap.py` beside this file checks it), and romanizers written here from the published
schemes:

* Korean: Revised Romanization (2000), McCune-Reischauer with breves and apostrophes and
  without, the DPRK's 1992 system (kh/th/ph aspirates, each syllable a word, ㄹ kept in
  surnames), South Korean passport habits (customary surname spellings, oo/u/ee).
* Chinese: Hanyu Pinyin, Wade-Giles with apostrophes, umlauts and circumflexes and without,
  Taiwan passports (Wade-Giles without marks, hyphenated given name), Hong Kong surname
  spellings (Cantonese).
* Arabic: press/list spelling (BGN-like without marks), Gulf passport spellings (joined
  article, ee/oo, e/o for short vowels), Egyptian (g for ج, e/o, ei, Abdel), Maghreb French
  (ou, ch, dj, k for ق, joined Abdel, ss between vowels), Levantine (-eh for ة), sun-letter
  assimilated articles (ash-, ar-).
* Persian: UN/press spelling, Iranian passport habits (gh for ق and غ, ou, ee, silent ه as eh
  or e), German press (ch, sch, dsch, tsch, w) and French press (ou, ch, dj, tch).
* Russian: BGN/PCGN, ICAO 9303 (2013), German (Duden) and French transcription, patronymics,
  women's family names.
* Ukrainian: national system 2010, the older passport habit, German transcription, and the
  Russian reading (the Russian form of the given name, the family name in Russian letters and
  BGN spelling).

Namesakes are never names that some scheme spells alike (each namesake's spellings in every
scheme, coarsely normalized, differ from every listed person's).

Usage: python3 generate.py  (rewrites list_latin.jsonl, list_orig.jsonl, queries.jsonl here)
"""
import json
import random
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261207
PER_SCRIPT = 60
NAMESAKES = 30  # per kind and writing, per script

# ----------------------------------------------------------------------------------------------
# Korean
# ----------------------------------------------------------------------------------------------

# Surnames: Hangul, South Korean passport spelling, DPRK spelling when the North keeps an
# initial ㄹ (두음법칙 not applied there).
KO_SURNAMES = [
    ("곽", "Kwak", None), ("차", "Cha", None), ("여", "Yeo", "Ryo"), ("소", "So", None),
    ("위", "Wee", None), ("제", "Je", None), ("모", "Mo", None),
    ("사", "Sa", None), ("부", "Boo", None), ("가", "Ka", None), ("복", "Bok", None),
    ("목", "Mok", None), ("피", "Pee", None), ("두", "Doo", None), ("감", "Kam", None),
    ("음", "Eum", None), ("온", "On", None), ("좌", "Jwa", None), ("팽", "Paeng", None),
    ("간", "Kan", None), ("갈", "Kal", None), ("서문", "Seomoon", None), ("견", "Kyun", None),
    ("계", "Kye", None), ("곡", "Kok", None), ("단", "Dan", None), ("당", "Dang", None),
    ("돈", "Don", None), ("매", "Mae", None),
    ("묵", "Mook", None), ("비", "Bi", None), ("빙", "Bing", None), ("엽", "Yub", None),
    ("옹", "Ong", None), ("요", "Yo", None), ("운", "Woon", None), ("탄", "Tan", None),
    ("판", "Pan", None), ("평", "Pyung", None), ("포", "Po", None), ("풍", "Poong", None),
    ("해", "Hae", None), ("후", "Hoo", None), ("흥", "Heung", None), ("동방", "Dongbang", None),
]

KO_GIVEN = [
    "영길", "창호", "대식", "학수", "봉춘", "경택", "명수", "춘식", "용범", "광철", "덕수", "만길",
    "종필", "태섭", "형준", "재웅", "승훈", "동혁", "현석", "우진", "건우", "시우", "도윤", "서진",
    "예준", "하준", "지호", "준서", "은우", "유찬", "민혁", "태윤", "정우", "성민", "상훈", "병철",
    "기영", "남수", "혜진", "미숙", "정애", "순자", "영숙", "경희", "은정", "수진", "지은", "서연",
    "하은", "채원", "다은", "소연", "유진", "민지", "예린", "가은", "윤아", "보람", "나래", "슬기",
    "한별", "초롱", "해솔", "길수", "삼룡", "칠성", "금순", "옥분", "말순", "두식", "판석", "갑수",
    "을용", "병구", "정득", "무열", "필순", "효진", "창범", "근호", "택수", "홍섭", "철규", "풍길",
]

KO_INI = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
KO_MED = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
KO_FIN = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ",
          "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]


def jamo(syl):
    code = ord(syl) - 0xAC00
    assert 0 <= code < 11172, syl
    return KO_INI[code // 588], KO_MED[(code % 588) // 28], KO_FIN[code % 28]


# Revised Romanization of Korean (2000), names written without sound changes between syllables.
RR_INI = dict(zip(KO_INI, ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j",
                           "jj", "ch", "k", "t", "p", "h"]))
RR_MED = dict(zip(KO_MED, ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
                           "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]))
FIN_CLASS = {"": "", "ㄱ": "k", "ㄲ": "k", "ㄳ": "k", "ㄴ": "n", "ㄵ": "n", "ㄶ": "n", "ㄷ": "t",
             "ㄹ": "l", "ㄺ": "k", "ㄻ": "m", "ㄼ": "l", "ㄽ": "l", "ㄾ": "l", "ㄿ": "p", "ㅀ": "l",
             "ㅁ": "m", "ㅂ": "p", "ㅄ": "p", "ㅅ": "t", "ㅆ": "t", "ㅇ": "ng", "ㅈ": "t", "ㅊ": "t",
             "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "t"}

# McCune-Reischauer (1939): aspirates with an apostrophe, ㄱㄷㅂㅈ voiced between voiced sounds
# inside a word (a hyphenated given name counts as one), ㅅ before ㅣ/ㅟ is sh.
MR_INI = dict(zip(KO_INI, ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch",
                           "tch", "ch'", "k'", "t'", "p'", "h"]))
MR_VOICED = {"ㄱ": "g", "ㄷ": "d", "ㅂ": "b", "ㅈ": "j"}
MR_MED = dict(zip(KO_MED, ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe",
                           "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"]))
# DPRK 1992: kh/th/ph for the aspirates, j/ch for ㅈ/ㅊ, no voicing across syllables written as
# words, breves dropped on lists (ŏ o, ŭ u).
DPRK_INI = dict(zip(KO_INI, ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j",
                             "jj", "ch", "kh", "th", "ph", "h"]))


def rr_syllables(word):
    out, prev_fin = [], None
    for syl in word:
        i, m, f = jamo(syl)
        ini = RR_INI[i]
        if i == "ㄹ" and prev_fin == "ㄹ":
            ini = "l"
        out.append(ini + RR_MED[m] + FIN_CLASS[f])
        prev_fin = f
    return out


def mr_syllables(word, marks=True):
    out, prev_fin = [], None
    for k, syl in enumerate(word):
        i, m, f = jamo(syl)
        ini = MR_INI[i]
        voiced_before = k > 0 and (prev_fin in ("", "ㄴ", "ㅁ", "ㅇ", "ㄹ"))
        if i in MR_VOICED and voiced_before:
            ini = MR_VOICED[i]
        if i == "ㄹ" and prev_fin in ("ㄹ", "ㄴ") and k > 0:
            ini = "l"
        elif i == "ㄹ" and prev_fin in ("ㅁ", "ㅇ", "ㄱ", "ㅂ") and k > 0:
            ini = "n"
        if i == "ㅅ" and m in ("ㅣ", "ㅟ"):
            ini = "sh"
        s = ini + MR_MED[m] + FIN_CLASS[f]
        if not marks:
            s = s.replace("'", "").replace("ŏ", "o").replace("ŭ", "u")
        out.append(s)
        prev_fin = f
    return out


def dprk_syllables(word):
    out = []
    for syl in word:
        i, m, f = jamo(syl)
        med = MR_MED[m].replace("ŏ", "o").replace("ŭ", "u")
        out.append(DPRK_INI[i] + med + FIN_CLASS[f])
    return out


def passport_syllable(syl, first):
    """South Korean passport habits for a given-name syllable."""
    i, m, f = jamo(syl)
    if syl == "영":
        return "young"
    ini = {"ㄱ": "k" if first else "g", "ㄷ": "d", "ㅂ": "b", "ㅈ": "j"}.get(i, RR_INI[i])
    closed = f != ""
    med = RR_MED[m]
    if m == "ㅓ" and closed:
        med = "u"
    elif m == "ㅕ" and closed:
        med = "yu"
    elif m == "ㅜ" and not closed:
        med = "oo"
    elif m == "ㅢ" and i == "ㅎ":
        med = "ee"
    return ini + med + FIN_CLASS[f]


def cap(s):
    return s[:1].upper() + s[1:]


def korean_person(fam, given):
    hangul, passport_fam, dprk_fam = fam
    rr_fam = cap("".join(rr_syllables(hangul)))
    mr_fam = cap("".join(mr_syllables(hangul)))
    mrp_fam = cap("".join(mr_syllables(hangul, marks=False)))
    dp_fam = dprk_fam or cap("".join(dprk_syllables(hangul)))
    rr_g = rr_syllables(given)
    mr_g = mr_syllables(given)
    mrp_g = mr_syllables(given, marks=False)
    dp_g = dprk_syllables(given)
    pp_g = [passport_syllable(s, k == 0) for k, s in enumerate(given)]
    return {
        "orig": hangul + given,
        "rr": (rr_fam, cap("".join(rr_g))),
        "rr-hyphen": (rr_fam, cap("-".join(rr_g))),
        "mr": (mr_fam, cap("-".join(mr_g))),
        "mr-plain": (mrp_fam, cap("-".join(mrp_g))),
        "dprk": (dp_fam, " ".join(cap(s) for s in dp_g)),
        "passport": (passport_fam, cap("".join(pp_g))),
    }


KO_VOWEL_CLASS = {"ㅓ": "o", "ㅗ": "o", "ㅡ": "u", "ㅜ": "u", "ㅕ": "yo", "ㅛ": "yo", "ㅠ": "yo",
                  "ㅐ": "e", "ㅔ": "e", "ㅒ": "ye", "ㅖ": "ye", "ㅚ": "we", "ㅙ": "we", "ㅞ": "we",
                  "ㅢ": "i", "ㅣ": "i", "ㅟ": "i", "ㅘ": "wa", "ㅝ": "wo", "ㅏ": "a", "ㅑ": "ya"}
KO_INI_CLASS = {"ㄱ": "k", "ㄲ": "k", "ㅋ": "k", "ㄷ": "t", "ㄸ": "t", "ㅌ": "t", "ㅂ": "p",
                "ㅃ": "p", "ㅍ": "p", "ㅈ": "c", "ㅉ": "c", "ㅊ": "c", "ㅅ": "s", "ㅆ": "s",
                "ㄹ": "l", "ㄴ": "l", "ㅇ": "", "ㅎ": "h", "ㅁ": "m"}


def korean_key(hangul):
    """Where some scheme may spell two names alike: eo/o/u, eu/u, k/g, t/d, p/b, j/ch, r/l/n."""
    return "".join(KO_INI_CLASS[i] + KO_VOWEL_CLASS[m] + FIN_CLASS[f]
                   for i, m, f in (jamo(s) for s in hangul))


# ----------------------------------------------------------------------------------------------
# Chinese
# ----------------------------------------------------------------------------------------------

# Surnames: characters, surname reading in pinyin (syllables), Hong Kong spelling.
ZH_SURNAMES = [
    ("柯", ["ke"], "Or"), ("庞", ["pang"], "Pong"), ("樊", ["fan"], "Fan"),
    ("乔", ["qiao"], "Kiu"), ("葛", ["ge"], "Kot"), ("祝", ["zhu"], "Chuk"),
    ("车", ["che"], "Che"), ("鲁", ["lu"], "Lo"), ("童", ["tong"], "Tung"),
    ("岳", ["yue"], "Ngok"), ("殷", ["yin"], "Yan"), ("翁", ["weng"], "Yung"),
    ("滕", ["teng"], "Tang"), ("聂", ["nie"], "Nip"), ("包", ["bao"], "Pau"),
    ("甘", ["gan"], "Kam"), ("牛", ["niu"], "Ngau"), ("施", ["shi"], "Sze"),
    ("景", ["jing"], "King"), ("骆", ["luo"], "Lok"), ("屈", ["qu"], "Wat"), ("皇甫", ["huang", "fu"], "Wong-Po"), ("查", ["zha"], "Cha"), ("盖", ["ge"], "Koi"),
    ("朴", ["piao"], "Pok"), ("缪", ["miao"], "Mau"), ("尤", ["you"], "Yau"), ("邢", ["xing"], "Ying"), ("裴", ["pei"], "Pui"),
    ("詹", ["zhan"], "Chim"), ("温", ["wen"], "Wan"), ("褚", ["chu"], "Chu"),
    ("宫", ["gong"], "Kung"), ("司徒", ["si", "tu"], "Sze-To"),
    ("公孙", ["gong", "sun"], "Kung-Suen"), ("令狐", ["ling", "hu"], "Ling-Wu"),
    ("慕容", ["mu", "rong"], "Mo-Yung"), ("宇文", ["yu", "wen"], "Yu-Man"),
    ("东方", ["dong", "fang"], "Tung-Fong"), ("桂", ["gui"], "Kwai"), ("阮", ["ruan"], "Yuen"),
]

# Given-name characters and their readings.
ZH_CHARS = {
    "伟": "wei", "芳": "fang", "敏": "min", "静": "jing", "丽": "li", "强": "qiang", "军": "jun", "洋": "yang", "勇": "yong", "艳": "yan", "杰": "jie", "娟": "juan", "涛": "tao",
    "超": "chao", "秀": "xiu", "平": "ping", "刚": "gang", "英": "ying",
    "华": "hua", "建": "jian", "国": "guo", "文": "wen", "志": "zhi", "红": "hong", "玉": "yu",
    "兰": "lan", "春": "chun", "海": "hai", "东": "dong", "晓": "xiao", "宇": "yu", "浩": "hao",
    "博": "bo", "鹏": "peng", "辉": "hui", "俊": "jun", "凯": "kai", "瑞": "rui", "欣": "xin",
    "怡": "yi", "琳": "lin", "雪": "xue", "梅": "mei", "婷": "ting", "慧": "hui", "晨": "chen",
    "思": "si", "子": "zi", "嘉": "jia", "泽": "ze", "锦": "jin", "荣": "rong", "德": "de",
    "仁": "ren", "忠": "zhong", "孝": "xiao", "义": "yi", "信": "xin", "顺": "shun", "福": "fu",
    "寿": "shou", "康": "kang", "安": "an", "永": "yong", "庆": "qing", "喜": "xi", "祥": "xiang",
    "瑶": "yao", "琦": "qi", "翠": "cui", "岚": "lan", "枫": "feng", "松": "song", "竹": "zhu",
    "菊": "ju", "莲": "lian", "蕾": "lei", "薇": "wei", "蓉": "rong", "芸": "yun", "彤": "tong",
    "颖": "ying", "璇": "xuan", "越": "yue", "鑫": "xin", "森": "sen", "峰": "feng", "川": "chuan",
    "江": "jiang", "波": "bo", "潮": "chao", "冰": "bing", "霜": "shuang", "露": "lu", "虹": "hong",
    "铭": "ming", "锐": "rui", "铁": "tie", "铮": "zheng", "瑾": "jin", "珊": "shan", "琛": "chen",
    "昊": "hao", "晟": "sheng", "曦": "xi", "旭": "xu", "昭": "zhao", "若": "ruo", "然": "ran",
    "尔": "er", "群": "qun", "崇": "chong", "策": "ce", "才": "cai", "彩": "cai", "存": "cun",
    "恩": "en", "奥": "ao", "炯": "jiong", "穗": "sui", "绪": "xu", "略": "lve", "权": "quan",
    "润": "run", "冉": "ran", "岳": "yue", "日": "ri", "四": "si", "次": "ci", "葵": "kui",
}

WG_INITIAL = {"b": "p", "p": "p'", "m": "m", "f": "f", "d": "t", "t": "t'", "n": "n", "l": "l",
              "g": "k", "k": "k'", "h": "h", "j": "ch", "q": "ch'", "x": "hs", "zh": "ch",
              "ch": "ch'", "sh": "sh", "r": "j", "z": "ts", "c": "ts'", "s": "s", "y": "y",
              "w": "w", "": ""}
WG_ZERO = {"a": "a", "ai": "ai", "an": "an", "ang": "ang", "ao": "ao", "e": "ê", "en": "ên",
           "eng": "êng", "er": "êrh", "ou": "ou", "o": "o"}
WG_Y = {"yi": "i", "ya": "ya", "yao": "yao", "you": "yu", "yan": "yen", "yang": "yang",
        "yin": "yin", "ying": "ying", "yong": "yung", "yu": "yü", "yuan": "yüan", "yue": "yüeh",
        "yun": "yün", "ye": "yeh", "yo": "yo"}


def split_pinyin(syl):
    for ini in ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q",
                "x", "r", "z", "c", "s", "y", "w"):
        if syl.startswith(ini):
            return ini, syl[len(ini):]
    return "", syl


def wade_giles(syl):
    """One pinyin syllable (ü written v) in Wade-Giles with its marks."""
    syl = syl.replace("ü", "v")
    if syl in WG_Y:
        return WG_Y[syl]
    if syl in WG_ZERO:
        return WG_ZERO[syl]
    ini, fin = split_pinyin(syl)
    if ini == "w":
        return syl
    wi = WG_INITIAL[ini]
    if fin == "i" and ini in ("zh", "ch", "sh", "r"):
        return wi + "ih"
    if fin == "i" and ini in ("z", "c", "s"):
        return {"z": "tzu", "c": "tz'u", "s": "ssu"}[ini]
    if ini in ("j", "q", "x"):
        fin = {"u": "ü", "uan": "üan", "un": "ün", "ue": "üeh", "ian": "ien", "ie": "ieh",
               "iong": "iung"}.get(fin, fin)
        return wi + fin
    if ini in ("n", "l") and fin in ("v", "ve"):
        return wi + {"v": "ü", "ve": "üeh"}[fin]
    if fin == "e":
        fin = "o" if ini in ("g", "k", "h") else "ê"
    elif fin == "uo":
        fin = "uo" if ini in ("g", "k", "h", "sh") else "o"
    elif fin == "ui":
        fin = "uei" if ini in ("g", "k") else "ui"
    elif fin == "ong":
        fin = "ung"
    elif fin == "ian":
        fin = "ien"
    elif fin == "ie":
        fin = "ieh"
    elif fin in ("en", "eng"):
        fin = "ê" + fin[1:]
    return wi + fin


def wg_plain(s):
    s = s.replace("'", "").replace("ü", "u").replace("ê", "e")
    return s


def pinyin_join(sylls):
    out = sylls[0]
    for s in sylls[1:]:
        out += ("'" if s[0] in "aoe" else "") + s
    return out.replace("v", "ü")


def chinese_person(fam, given):
    chars, fam_py, hk = fam
    g_py = [ZH_CHARS[c] for c in given]
    fam_p = cap(pinyin_join(fam_py))
    fam_wg = cap("".join(wade_giles(s) for s in fam_py))
    g_wg = [wade_giles(s) for s in g_py]
    return {
        "orig": chars + given,
        "pinyin": (fam_p, cap(pinyin_join(g_py))),
        "pinyin-split": (fam_p, " ".join(cap(s.replace("v", "ü")) for s in g_py)),
        "wade-giles": (fam_wg, cap("-".join(g_wg))),
        "wade-giles-plain": (wg_plain(fam_wg), cap(wg_plain("".join(g_wg)))),
        "taiwan": (wg_plain(fam_wg), cap(wg_plain("-".join(g_wg)))),
        "hong-kong": (hk, cap(pinyin_join(g_py))),
    }


# ----------------------------------------------------------------------------------------------
# Arabic and Persian: names in a phonemic notation, each romanizer a scheme over it.
#   ' ء   b   t   T ث   j ج   H ح   x خ   d   D ذ   r   z   s   $ ش   S ص   Z ض   6 ط   8 ظ
#   3 ع   G غ   f   q ق   k   l   m   n   h ه   w   y   a i u (short)   A I U (long)   @ ة
#   Persian also: p پ  c چ  J ژ  g گ  v و  e o (short)  E (final ه read e)
#   "al+" an article, "_" between the words of a compound (Abd_al+Rahman).
# ----------------------------------------------------------------------------------------------

SUN = set("tTdDrzs$SZ68ln")

# Arabic given names: (phonemic, Arabic script)
AR_GIVEN = [
    ("ma'mUn", "مأمون"), ("munDir", "منذر"), ("ra'fat", "رأفت"), ("TAmir", "ثامر"),
    ("bassAm", "بسام"), ("jamIl", "جميل"), ("nAjI", "ناجي"), ("rafIq", "رفيق"), ("kamAl", "كمال"),
    ("3ammAr", "عمار"), ("xalaf", "خلف"), ("murAd", "مراد"), ("yUnus", "يونس"),
    ("zakariyyA", "زكريا"), ("3uqb@", "عقبة"), ("$ukrI", "شكري"), ("nAyif", "نايف"),
    ("mu3taz", "معتز"), ("jalAl", "جلال"), ("6alAl", "طلال"), ("$ihAb", "شهاب"), ("sAmir", "سامر"),
    ("muhannad", "مهند"), ("abd_al+jabbAr", "عبد الجبار"), ("abd_al+wahhAb", "عبد الوهاب"),
    ("abd_al+majId", "عبد المجيد"), ("abd_al+bAsi6", "عبد الباسط"), ("abd_al+HafI8", "عبد الحفيظ"),
    ("Gayt", "غيث"), ("wafIq", "وفيق"), ("zuhayr", "زهير"), ("bahA'", "بهاء"), ("$a3bAn", "شعبان"),
    ("3afIf", "عفيف"), ("najlA'", "نجلاء"), ("ibtisAm", "ابتسام"), ("salwA", "سلوى"),
    ("nawAl", "نوال"), ("3abIr", "عبير"), ("hind", "هند"), ("widAd", "وداد"), ("suhAd", "سهاد"),
]

# Arabic family names: (phonemic with article or without, Arabic script, region)
AR_FAMILY = [
    ("al+za3AbI", "الزعابي", "gulf"), ("al+marrI", "المري", "gulf"),
    ("al+kuwArI", "الكواري", "gulf"), ("al+$AmsI", "الشامسي", "gulf"),
    ("al+8AhirI", "الظاهري", "gulf"), ("al+muhayrI", "المهيري", "gulf"),
    ("al+rumayHI", "الرميحي", "gulf"), ("al+$ar3AwI", "الشعراوي", "egypt"),
    ("al+manfalU6I", "المنفلوطي", "egypt"), ("al+bahnasAwI", "البهنساوي", "egypt"),
    ("3ukA$@", "عكاشة", "egypt"), ("jum3@", "جمعة", "egypt"), ("najIb", "نجيب", "egypt"),
    ("al+jundI", "الجندي", "egypt"), ("qabbAnI", "قباني", "levant"), ("farHAt", "فرحات", "levant"),
    ("TAbit", "ثابت", "levant"), ("al+3ubaydI", "العبيدي", "iraq"),
    ("al+dulaymI", "الدليمي", "iraq"), ("al+sAmarrA'I", "السامرائي", "iraq"),
    ("al+ma$hadAnI", "المشهداني", "iraq"), ("al+karbalA'I", "الكربلائي", "iraq"),
    ("bU_zayd", "بوزيد", "maghreb"), ("bin_yUsuf", "بن يوسف", "maghreb"),
    ("Sa3dAwI", "سعداوي", "maghreb"), ("qaddUrI", "قدوري", "maghreb"),
    ("xalIf@", "خليفة", "maghreb"), ("bU_3alAm", "بوعلام", "maghreb"),
    ("ma3zUz", "معزوز", "maghreb"), ("al+qudsI", "القدسي", "levant"),
]

# Persian given and family names: (phonemic, Persian script)
FA_GIVEN = [
    ("bahrAm", "بهرام"), ("fereydUn", "فریدون"), ("ArdavAn", "اردوان"), ("kAmbiz", "کامبیز"),
    ("GolAm3ali", "غلامعلی"), ("qorbAn", "قربان"), ("jahAngir", "جهانگیر"), ("xosrow", "خسرو"),
    ("behzAd", "بهزاد"), ("naqi", "نقی"), ("taqi", "تقی"), ("biJan", "بیژن"), ("hormoz", "هرمز"),
    ("keyvAn", "کیوان"), ("nowDar", "نوذر"), ("kiyUmarT", "کیومرث"), ("maniJE", "منیژه"),
    ("farangis", "فرنگیس"), ("tUrAn", "توران"), ("mahin", "مهین"), ("afsAnE", "افسانه"),
    ("goli", "گلی"), ("$irin", "شیرین"), ("pari", "پری"), ("nasrin", "نسرین"),
    ("firUzE", "فیروزه"), ("golnAz", "گلناز"), ("AzAdE", "آزاده"), ("mehrangiz", "مهرانگیز"),
    ("pegAh", "پگاه"),
]
FA_FAMILY = [
    ("qarAgozlU", "قراگزلو"), ("bAqerzAdE", "باقرزاده"), ("gilAni", "گیلانی"),
    ("tavakkoli", "توکلی"), ("bahmanyAr", "بهمنیار"), ("kermAni", "کرمانی"), ("tabrizi", "تبریزی"),
    ("zanjAni", "زنجانی"), ("qazvini", "قزوینی"), ("kA$Ani", "کاشانی"), ("hamadAni", "همدانی"),
    ("mAzandarAni", "مازندرانی"), ("xorAsAni", "خراسانی"), ("sabzevAri", "سبزواری"),
    ("golpAyegAni", "گلپایگانی"), ("darAbi", "دارابی"), ("bahArvand", "بهاروند"),
    ("$ahriyAri", "شهریاری"), ("xAleqi", "خالقی"), ("asadollAhi", "اسداللهی"),
    ("habibzAdE", "حبیب‌زاده"), ("nowruzi", "نوروزی"), ("fUlAdvand", "فولادوند"),
    ("jAvidAn", "جاویدان"), ("e3temAdi", "اعتمادی"), ("qAsemzAdE", "قاسم‌زاده"),
    ("vaziri", "وزیری"), ("zargar", "زرگر"), ("sepehri", "سپهری"), ("kalAntari", "کلانتری"),
    ("bozorgmehr", "بزرگمهر"), ("esmA3ilzAdE", "اسماعیل‌زاده"),
]

AR_CONS = {"'": "", "b": "b", "t": "t", "T": "th", "j": "j", "H": "h", "x": "kh", "d": "d",
           "D": "dh", "r": "r", "z": "z", "s": "s", "$": "sh", "S": "s", "Z": "d", "6": "t",
           "8": "z", "3": "", "G": "gh", "f": "f", "q": "q", "k": "k", "l": "l", "m": "m",
           "n": "n", "h": "h", "w": "w", "y": "y", "p": "p", "c": "ch", "J": "zh", "g": "g",
           "v": "v"}


def romanize_word(ph, cons, vowels, after=None):
    """Phonemic word -> Latin: cons maps consonants, vowels maps a i u A I U @ e o E and the
    diphthongs ay aw ey ow; after(str) adjusts the whole word."""
    out = []
    k = 0
    while k < len(ph):
        two = ph[k:k + 2]
        if two in vowels and len(two) == 2 and (k + 2 == len(ph) or ph[k + 2] not in "aiuAIUeo"):
            out.append(vowels[two])
            k += 2
            continue
        ch = ph[k]
        if ch == "I" and k == len(ph) - 1 and "I_final" in vowels:
            out.append(vowels["I_final"])
        elif ch in vowels:
            out.append(vowels[ch])
        else:
            out.append(cons.get(ch, ch))
        k += 1
    s = "".join(out)
    return after(s) if after else s


STD_V = {"a": "a", "i": "i", "u": "u", "A": "a", "I": "i", "U": "u", "@": "a", "e": "e",
         "o": "o", "E": "eh", "ay": "ay", "aw": "aw", "ey": "ey", "ow": "ow"}
GULF_V = dict(STD_V, i="e", u="o", I="ee", U="oo", I_final="i", **{"@": "ah", "ay": "ai"})
EGYPT_V = dict(STD_V, i="e", u="o", U="ou", **{"ay": "ei", "@": "a"})
MAGHREB_V = dict(STD_V, u="ou", U="ou", **{"ay": "ai", "aw": "aou"})
LEVANT_V = dict(STD_V, i="e", U="ou", **{"@": "eh", "ay": "ei"})
EGYPT_C = dict(AR_CONS, j="g", T="s", D="z", **{"8": "z"})
MAGHREB_C = dict(AR_CONS, j="dj", **{"$": "ch"}, q="k", T="t", D="d", **{"8": "d"})


def ss_between_vowels(s):
    return re.sub(r"(?<=[aeiou])s(?=[aeiou])", "ss", s)


def split_article(ph):
    return ("al", ph[3:]) if ph.startswith("al+") else (None, ph)


def ar_word(ph, scheme):
    cons, vow, after = {
        "std": (AR_CONS, STD_V, None),
        "gulf": (AR_CONS, GULF_V, None),
        "egypt": (EGYPT_C, EGYPT_V, None),
        "maghreb": (MAGHREB_C, MAGHREB_V, ss_between_vowels),
        "levant": (AR_CONS, LEVANT_V, None),
    }[scheme]
    return romanize_word(ph, cons, vow, after)


def ar_name(ph, scheme, article="sep"):
    """A whole given or family name: compounds (Abd_al+X, bin_X, bU_X) and articles.

    article: "sep" (Al-X), "joined" (Alx), "space" (Al X), "drop", "assim" (ash-Shams),
    "el" (El-X), "el-space" (El X)."""
    parts = ph.split("_")
    if scheme == "maghreb" and parts[0] in ("bU", "bin") and len(parts) == 2:
        # Maghreb French joins Bou- and Ben- to the name: Bouzid, Benyoussef
        return cap({"bU": "bou", "bin": "ben"}[parts[0]] + ar_word(parts[1], scheme))
    words = []
    for p in parts:
        art, rest = split_article(p)
        w = cap(ar_word(rest, scheme))
        if art is None:
            words.append(w)
            continue
        if article == "drop":
            words.append(w)
        elif article == "joined":
            words.append("Al" + w.lower())
        elif article == "space":
            words.append("Al " + w)
        elif article == "el":
            words.append("El-" + w)
        elif article == "el-space":
            words.append("El " + w)
        elif article == "assim" and rest[0] in SUN:
            first = ar_word(rest[0], scheme)
            words.append(cap(("a" + first + "-") + w))
        else:
            words.append("Al-" + w)
    return " ".join(words)


def abd_joined(ph, scheme, el="el"):
    """Abd_al+X written as one word: Abdeljabbar (Egypt, Maghreb), Abduljabbar (Gulf)."""
    head, rest = ph.split("_al+")
    return cap(ar_word(head, scheme)) + el + ar_word(rest, scheme)


def arabic_person(given, fam):
    g_ph, g_ar = given
    f_ph, f_ar, region = fam
    list_fam = ar_name(f_ph, "std")
    list_given = ar_name(g_ph, "std")
    forms = {"list": (list_fam, list_given), "orig": g_ar + " " + f_ar}
    # the region's own spelling
    if region == "egypt":
        if "_al+" in g_ph:  # Abdel Gabbar
            g = "Abdel " + cap(ar_word(g_ph.split("_al+")[1], "egypt"))
        else:
            g = ar_name(g_ph, "egypt")
        forms["other-spelling"] = (ar_name(f_ph, "egypt", "el"), g)
    elif region == "maghreb":
        g = abd_joined(g_ph, "maghreb", "el") if "_al+" in g_ph else ar_name(g_ph, "maghreb")
        forms["other-spelling"] = (ar_name(f_ph, "maghreb", "el-space"), g)
    elif region == "levant":
        forms["other-spelling"] = (ar_name(f_ph, "levant", "assim"), ar_name(g_ph, "levant"))
    else:
        g = abd_joined(g_ph, "gulf", "ul") if "_al+" in g_ph else ar_name(g_ph, "gulf")
        forms["other-spelling"] = (ar_name(f_ph, "gulf", "space"), g)
    # a passport with the article joined and Gulf vowels
    g = abd_joined(g_ph, "gulf", "al") if "_al+" in g_ph else ar_name(g_ph, "gulf")
    forms["other-spelling-2"] = (ar_name(f_ph, "gulf", "joined"), g)
    if "al+" in f_ph:
        forms["article-dropped"] = (ar_name(f_ph, "std", "drop"), list_given)
    return forms


# Persian reads ث س ص as s, ذ ز ض ظ as z, ط as t
FA_CONS = dict(AR_CONS, q="gh", G="gh", w="v", T="s", D="z", Z="z", **{"8": "z"})
FA_STD_C = dict(FA_CONS, q="q")
FA_COMMON_V = dict(STD_V, U="ou", E="eh")
FA_PASSPORT_V = dict(STD_V, U="oo", I="ee", I_final="i", E="e")
FA_GERMAN_C = dict(FA_CONS, x="ch", j="dsch", c="tsch", J="sch", v="w", y="j", **{"$": "sch"})
FA_FRENCH_C = dict(FA_CONS, j="dj", c="tch", J="j", **{"$": "ch"})
FA_FRENCH_V = dict(STD_V, U="ou", u="ou", o="o", E="eh")


def fa_word(ph, scheme):
    cons, vow = {
        "std": (FA_STD_C, STD_V),
        "common": (FA_CONS, FA_COMMON_V),
        "passport": (FA_CONS, FA_PASSPORT_V),
        "german": (FA_GERMAN_C, dict(STD_V, E="e")),
        "french": (FA_FRENCH_C, FA_FRENCH_V),
    }[scheme]
    return cap(romanize_word(ph, cons, vow))


def persian_person(given, fam, k):
    g_ph, g_fa = given
    f_ph, f_fa = fam
    forms = {
        "list": (fa_word(f_ph, "std"), fa_word(g_ph, "std")),
        "orig": g_fa + " " + f_fa,
        "other-spelling": (fa_word(f_ph, "common"), fa_word(g_ph, "common")),
        "other-spelling-2": (fa_word(f_ph, "german" if k % 2 else "french"),
                             fa_word(g_ph, "german" if k % 2 else "french")),
        "passport": (fa_word(f_ph, "passport"), fa_word(g_ph, "passport")),
    }
    if f_ph.endswith("zAdE"):
        base = f_ph[: -len("zAdE")]
        forms["zade-split"] = (fa_word(base, "common") + "-Zadeh", fa_word(g_ph, "common"))
    return forms


# ----------------------------------------------------------------------------------------------
# Russian and Ukrainian
# ----------------------------------------------------------------------------------------------

# Russian male given names with the patronymics they give (male, female).
RU_MALE = {
    "Всеволод": ("Всеволодович", "Всеволодовна"), "Ростислав": ("Ростиславович", "Ростиславовна"),
    "Елисей": ("Елисеевич", "Елисеевна"), "Прохор": ("Прохорович", "Прохоровна"),
    "Савва": ("Саввич", "Саввична"), "Фрол": ("Фролович", "Фроловна"),
    "Емельян": ("Емельянович", "Емельяновна"), "Тихон": ("Тихонович", "Тихоновна"),
    "Афанасий": ("Афанасьевич", "Афанасьевна"), "Гавриил": ("Гаврилович", "Гавриловна"),
    "Игнатий": ("Игнатьевич", "Игнатьевна"), "Лаврентий": ("Лаврентьевич", "Лаврентьевна"),
    "Мирон": ("Миронович", "Мироновна"), "Порфирий": ("Порфирьевич", "Порфирьевна"),
    "Серафим": ("Серафимович", "Серафимовна"), "Филипп": ("Филиппович", "Филипповна"),
    "Ефим": ("Ефимович", "Ефимовна"), "Захар": ("Захарович", "Захаровна"),
    "Платон": ("Платонович", "Платоновна"), "Родион": ("Родионович", "Родионовна"),
    "Арсений": ("Арсеньевич", "Арсеньевна"), "Мстислав": ("Мстиславович", "Мстиславовна"),
    "Демьян": ("Демьянович", "Демьяновна"), "Евграф": ("Евграфович", "Евграфовна"),
    "Ипполит": ("Ипполитович", "Ипполитовна"), "Макар": ("Макарович", "Макаровна"),
    "Наум": ("Наумович", "Наумовна"), "Осип": ("Осипович", "Осиповна"),
    "Трофим": ("Трофимович", "Трофимовна"), "Фома": ("Фомич", "Фоминична"),
    "Яков": ("Яковлевич", "Яковлевна"),
    "Никита": ("Никитич", "Никитична"), "Ерофей": ("Ерофеевич", "Ерофеевна"), "Кузьма": ("Кузьмич", "Кузьминична"),
}
RU_FEMALE = ["Агния", "Василиса", "Евдокия", "Ефросинья", "Аглая", "Прасковья", "Серафима",
             "Варвара", "Пелагея", "Таисия", "Фаина", "Эльвира", "Лидия", "Зинаида", "Клавдия",
             "Римма", "Капитолина", "Нонна", "Милена", "Алёна", "Юлиана", "Ядвига"]
RU_FAMILY = ["Щукин", "Жуковский", "Хрусталёв", "Чижов", "Ёлкин", "Яхонтов", "Ушаков",
             "Хомяков", "Плещеев", "Завьялов", "Рыжиков", "Лыков",
             "Черкасов", "Юсупов", "Трубецкой", "Оболенский", "Вяземский", "Шереметев", "Голицын",
             "Бестужев", "Муравьёв", "Аксаков", "Огарёв", "Добролюбов", "Одоевский", "Панфилов",
             "Зуев", "Курбатов", "Лапшин", "Мещеряков", "Нефёдов", "Пыжов", "Рябцев",
             "Сычёв", "Толбухин", "Уваров", "Цыганков", "Шестаков", "Щеглов",
             "Юшков", "Якушев", "Евсеев", "Хитрово", "Кочубей", "Ржевский", "Зыков", "Пожарский", "Вырубов", "Тучков", "Черных", "Седых", "Дурново"]

UA_GIVEN = {  # Ukrainian given name: (sex, Russian form)
    "Ярема": ("m", "Ерёма"), "Гнат": ("m", "Игнат"),
    "Панас": ("m", "Афанасий"), "Трохим": ("m", "Трофим"), "Охрім": ("m", "Ефрем"),
    "Устим": ("m", "Устин"), "Яким": ("m", "Аким"), "Хома": ("m", "Фома"),
    "Харитон": ("m", "Харитон"), "Прокіп": ("m", "Прокопий"), "Нестор": ("m", "Нестор"),
    "Онуфрій": ("m", "Онуфрий"), "Левко": ("m", "Лев"), "Зиновій": ("m", "Зиновий"),
    "Любомир": ("m", "Любомир"), "Орест": ("m", "Орест"), "Назар": ("m", "Назар"),
    "Северин": ("m", "Северин"), "Ростислав": ("m", "Ростислав"), "Всеволод": ("m", "Всеволод"),
    "Мирослав": ("m", "Мирослав"), "Зорян": ("m", "Зорян"), "Євстахій": ("m", "Евстафий"),
    "Ілько": ("m", "Илья"), "Гордій": ("m", "Гордей"), "Мусій": ("m", "Моисей"),
    "Соломія": ("f", "Соломея"), "Зоряна": ("f", "Зоряна"), "Уляна": ("f", "Ульяна"),
    "Мар'яна": ("f", "Марьяна"), "Роксолана": ("f", "Роксолана"), "Одарка": ("f", "Дарья"),
    "Параска": ("f", "Прасковья"), "Горпина": ("f", "Агриппина"), "Килина": ("f", "Акулина"),
    "Мотря": ("f", "Матрёна"), "Явдоха": ("f", "Евдокия"), "Ївга": ("f", "Евгения"),
    "Ярина": ("f", "Ирина"), "Устина": ("f", "Устинья"), "Стефанія": ("f", "Стефания"),
    "Мирослава": ("f", "Мирослава"), "Євдокія": ("f", "Евдокия"), "Іванна": ("f", "Иоанна"),
}
UA_FAMILY = ["Яремчук", "Кравчишин", "Дячук", "Голуб", "Дзюба", "Пилипчук", "Стасюк",
             "Ткачишин", "Їжакевич", "Єрмоленко", "Ґудзь", "Остапчук", "Мельничук", "Левченко", "Гуцуляк", "Федорів", "Костів",
             "Бойчук", "Вівчаренко", "Щербань", "Жураківський", "Горбатюк", "Скиба", "Черниш",
             "Юрчишин", "Гаврилюк", "Семенюк", "Кучер", "Заїка", "Білик", "Дмитрук",
             "Шуляк", "Хоменко", "Тимощук", "Панасюк", "Марчук", "Онищенко", "Пономарчук",
             "Їжак", "Євтушок", "Гайворонський", "Стецько", "Коцюбинський", "Яворівський", "Цимбалюк",
             "Глущенко"]

RU_VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")

# BGN/PCGN (1947), without diacritics as on lists: ё as e after consonants, ye/yo after vowels.
BGN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
       "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
       "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
       "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"}
ICAO = dict(BGN, **{"й": "i", "ъ": "ie", "ю": "iu", "я": "ia"})
GERMAN_RU = dict(BGN, **{"в": "w", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z",
                         "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja",
                         "ё": "jo"})
FRENCH_RU = dict(BGN, **{"ж": "j", "й": "ï", "у": "ou", "х": "kh", "ч": "tch", "ш": "ch",
                         "щ": "chtch", "ю": "iou", "я": "ia", "ё": "io"})


def ru_latin(word, scheme):
    w = word.lower()
    table = {"bgn": BGN, "icao": ICAO, "german": GERMAN_RU, "french": FRENCH_RU}[scheme]
    # word endings each scheme writes its own way
    ends = {
        "bgn": [("ий", "iy"), ("ый", "yy"), ("ой", "oy")],
        "icao": [("ий", "ii"), ("ый", "yi"), ("ой", "oi")],
        "german": [("ий", "i"), ("ый", "y"), ("ой", "oi")],
        "french": [("ий", "i"), ("ый", "y"), ("ой", "oï"), ("ин", "ine"), ("ын", "yne")],
    }[scheme]
    tail = ""
    for cyr, lat in ends:
        if w.endswith(cyr) and len(w) > 3:
            w, tail = w[: -len(cyr)], lat
            break
    out = []
    for k, ch in enumerate(w):
        prev = w[k - 1] if k else ""
        nxt = w[k + 1] if k + 1 < len(w) else ""
        soft_pos = k == 0 or prev in RU_VOWELS or prev in "ьъ"
        if ch == "е":
            if scheme == "bgn" and soft_pos:
                out.append("ye")
            elif scheme == "german" and soft_pos:
                out.append("je")
            elif scheme == "french" and soft_pos and k > 0:
                out.append("ie")
            else:
                out.append("e")
        elif ch == "ё":
            if scheme == "bgn":
                out.append("yo" if soft_pos else "e")
            elif scheme == "german":
                out.append("o" if prev in "жшчщ" else "jo")
            elif scheme == "french":
                out.append("o" if prev in "жшчщ" else "io")
            else:
                out.append("e")
        elif ch == "с" and scheme in ("german", "french") and prev in RU_VOWELS and nxt in RU_VOWELS:
            out.append("ss")
        elif ch == "г" and scheme == "french" and nxt in "еиэыё":
            out.append("gu")
        elif ch == "ь" and scheme == "german" and nxt == "о":
            out.append("j")
        elif ch == "и" and scheme == "german" and prev == "ь":
            out.append("ji")
        else:
            out.append(table.get(ch, ch))
    s = "".join(out) + tail
    if scheme == "german":
        s = re.sub(r"([oe])w$", r"\1w", s)
    return cap(s)


def ru_female_family(fam):
    for m, f in (("ский", "ская"), ("цкий", "цкая"), ("ой", "ая"), ("ов", "ова"), ("ев", "ева"),
                 ("ёв", "ёва"), ("ин", "ина"), ("ын", "ына")):
        if fam.endswith(m):
            return fam[: -len(m)] + f
    return fam


# Ukrainian: national system 2010 (Cabinet resolution 55), initial and non-initial forms.
UA_NAT = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
          "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
          "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
          "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
          "я": "ia", "'": "", "’": ""}
UA_NAT_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
UA_OLD = dict(UA_NAT, **{"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"})
UA_GERMAN = dict(UA_NAT, **{"в": "w", "ж": "sch", "з": "s", "є": "je", "ї": "ji", "й": "j",
                            "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch",
                            "ю": "ju", "я": "ja"})
UA_TO_RU = {"і": "и", "є": "е", "ї": "и", "ґ": "г", "'": "ь", "’": "ь"}


def ua_latin(word, scheme):
    w = word.lower()
    out = []
    for k, ch in enumerate(w):
        if scheme == "national":
            if k == 0 and ch in UA_NAT_INITIAL:
                out.append(UA_NAT_INITIAL[ch])
            elif ch == "г" and k > 0 and w[k - 1] == "з":
                out.append("gh")
            else:
                out.append(UA_NAT.get(ch, ch))
        elif scheme == "old":
            if ch == "г" and k > 0 and w[k - 1] == "з":
                out.append("g")
            elif ch == "й" and k == len(w) - 1 and k > 0 and w[k - 1] == "і":
                out.append("y")
            else:
                out.append(UA_OLD.get(ch, ch))
        elif scheme == "german":
            prev = w[k - 1] if k else ""
            nxt = w[k + 1] if k + 1 < len(w) else ""
            if ch == "с" and prev in "аеиіоуяюєї" and nxt in "аеиіоуяюєї":
                out.append("ss")
            else:
                out.append(UA_GERMAN.get(ch, ch))
    return cap("".join(out))


def ua_russian_letters(word):
    w = word.lower()
    out = []
    # ій before a consonant is ей in the Russian spelling (Олійник, Олейник)
    w = re.sub(r"ій(?=[бвгґджзклмнпрстфхцчшщ])", "ей", w)
    w = w.replace("ськ", "ск").replace("цьк", "цк")
    for k, ch in enumerate(w):
        if ch == "ї" and k == 0:
            out.append("и")
        else:
            out.append(UA_TO_RU.get(ch, ch))
    return cap("".join(out))


# ----------------------------------------------------------------------------------------------
# Keys for "spelled alike" (namesakes must differ from every listed person on all of them)
# ----------------------------------------------------------------------------------------------


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z]", "", s)


LATIN_COARSE = [("tsch", "c"), ("sch", "s"), ("dsch", "j"), ("dj", "j"), ("kh", "h"),
                ("ch", "c"), ("sh", "s"), ("zh", "j"), ("ts", "c"), ("ou", "u"), ("oo", "u"),
                ("ee", "i"), ("ie", "i"), ("eo", "o"), ("eu", "u"), ("w", "v"), ("y", "i"),
                ("j", "i"), ("e", "a"), ("o", "u"), ("g", "k"), ("q", "k"), ("d", "t"),
                ("b", "p"), ("z", "s"), ("l", "r"), ("x", "s")]


def coarse(s):
    s = fold(s)
    for a, b in LATIN_COARSE:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def keys_of(spellings):
    out = set()
    for fam, given in spellings:
        out.add(coarse(fam) + "|" + coarse(given))
    return out


# ----------------------------------------------------------------------------------------------
# Drawing the set
# ----------------------------------------------------------------------------------------------


def entry(eid, fam, given, orig=None):
    return {"entry_id": eid, "kind": "person", "name": f"{fam.upper()}, {given}",
            "aliases": [orig] if orig else [], "birth_dates": [], "nationalities": [],
            "programs": ["EVAL"], "remarks": None}


def probe(q, eid, script, form, kind="variant"):
    return {"query": q, "expected_entry_id": eid, "kind": kind, "script": script, "form": form}


def all_keys(script, forms):
    ks = keys_of(latin_spellings(script, forms))
    ks.add(forms["orig"].replace(" ", ""))
    if script == "korean":
        ks.add("ko:" + korean_key(forms["orig"]))
    return ks


def draw_pairs(rng, fams, givens, n, script, make):
    """n persons, no two of which some scheme spells alike."""
    seen, pairs = set(), []
    while len(pairs) < n:
        f, g = rng.choice(fams), rng.choice(givens)
        ks = all_keys(script, make(f, g))
        if ks & seen:
            continue
        seen |= ks
        pairs.append((f, g))
    return pairs


def latin_spellings(script, p):
    return [v for k, v in p.items() if k != "orig" and isinstance(v, tuple)]


def build():
    rng = random.Random(SEED)
    lat, orig, queries = [], [], []
    next_id = [1]

    def new_id():
        eid = f"J{next_id[0]:04d}"
        next_id[0] += 1
        return eid

    def namesakes(script, persons, make, fams, list_forms):
        """persons: [(eid, fam, given, forms)]; make(fam, given) -> forms; the Latin namesake is
        written in the list's scheme (list_forms taken in turn)."""
        listed = set()
        for _, f, g, forms in persons:
            listed |= all_keys(script, forms)
        out = []
        for kind in ("other-given", "other-family"):
            made = 0
            tries = 0
            while made < NAMESAKES and tries < 20000:
                tries += 1
                _, f, g, _ = rng.choice(persons)
                if kind == "other-given":
                    g = rng.choice(persons)[2]
                else:
                    f = rng.choice(fams)
                forms = make(f, g)
                ks = all_keys(script, forms)
                if ks & listed:
                    continue
                listed |= ks  # no two namesakes alike either
                fam_l, given_l = forms[list_forms[made % len(list_forms)]]
                out.append(probe(f"{given_l} {fam_l}", None, script, f"{kind}/latin", "namesake"))
                out.append(probe(forms["orig"], None, script, f"{kind}/original-script",
                                 "namesake"))
                made += 1
            assert made == NAMESAKES, (script, kind, made)
        return out

    # Korean: half listed in the DPRK's spelling, half in RR.
    pairs = draw_pairs(rng, KO_SURNAMES, KO_GIVEN, PER_SCRIPT, "korean", korean_person)
    persons = []
    for k, (f, g) in enumerate(pairs):
        eid = new_id()
        p = korean_person(f, g)
        listed_as = "dprk" if k % 2 else "rr"
        fam, given = p[listed_as]
        lat.append(entry(eid, fam, given))
        orig.append(entry(eid, fam, given, p["orig"]))
        persons.append((eid, f, g, p))
        queries.append(probe(p["orig"], eid, "korean", "original-script"))
        other = "rr" if listed_as == "dprk" else "dprk"
        queries.append(probe(" ".join(p[other]), eid, "korean", other))
        queries.append(probe(" ".join(p["rr-hyphen"]), eid, "korean", "rr-hyphen"))
        queries.append(probe(" ".join(p["mr"]), eid, "korean", "mr"))
        queries.append(probe(" ".join(p["mr-plain"]), eid, "korean", "mr-plain"))
        pf, pg = p["passport"]
        queries.append(probe(f"{pg} {pf}", eid, "korean", "passport-western-order"))
        queries.append(probe(f"{pf.upper()} {pg.upper()}", eid, "korean", "passport-caps"))
    queries += namesakes("korean", persons, korean_person, KO_SURNAMES, ("rr", "dprk"))

    # Chinese
    zh_given = []
    chars = sorted(ZH_CHARS)
    while len(zh_given) < 90:
        n = 1 if rng.random() < 0.15 else 2
        g = "".join(rng.sample(chars, n))
        if g not in zh_given:
            zh_given.append(g)
    pairs = draw_pairs(rng, ZH_SURNAMES, zh_given, PER_SCRIPT, "chinese", chinese_person)
    persons = []
    for f, g in pairs:
        eid = new_id()
        p = chinese_person(f, g)
        fam, given = p["pinyin"]
        lat.append(entry(eid, fam, given))
        orig.append(entry(eid, fam, given, p["orig"]))
        persons.append((eid, f, g, p))
        queries.append(probe(p["orig"], eid, "chinese", "original-script"))
        for form in ("pinyin-split", "wade-giles", "wade-giles-plain", "taiwan"):
            queries.append(probe(" ".join(p[form]), eid, "chinese", form))
        queries.append(probe(" ".join(p["hong-kong"]), eid, "chinese", "hong-kong-surname"))
        queries.append(probe(f"{given} {fam}", eid, "chinese", "western-order"))
    queries += namesakes("chinese", persons, chinese_person, ZH_SURNAMES, ("pinyin",))

    # Arabic: only names written in the table in Arabic script are drawn.
    ar_given = [g for g in AR_GIVEN if g[1]]
    ar_family = [f for f in AR_FAMILY if f[1]]
    pairs = draw_pairs(rng, ar_family, ar_given, PER_SCRIPT, "arabic",
                       lambda f, g: arabic_person(g, f))
    persons = []
    for f, g in pairs:
        eid = new_id()
        p = arabic_person(g, f)
        fam, given = p["list"]
        lat.append(entry(eid, fam, given))
        orig.append(entry(eid, fam, given, p["orig"]))
        persons.append((eid, f, g, p))
        queries.append(probe(p["orig"], eid, "arabic", "original-script"))
        of, og = p["other-spelling"]
        queries.append(probe(f"{og} {of}", eid, "arabic", "other-spelling"))
        of, og = p["other-spelling-2"]
        queries.append(probe(f"{og} {of}", eid, "arabic", "other-spelling-2"))
        queries.append(probe(f"{fam} {given}", eid, "arabic", "reordered"))
        if "article-dropped" in p:
            of, og = p["article-dropped"]
            queries.append(probe(f"{og} {of}", eid, "arabic", "article-dropped"))
    queries += namesakes("arabic", persons, lambda f, g: arabic_person(g, f), ar_family,
                         ("list",))

    # Persian
    fa_given = [g for g in FA_GIVEN if g[1]]
    fa_family = [f for f in FA_FAMILY if f[1]]
    pairs = draw_pairs(rng, fa_family, fa_given, PER_SCRIPT, "persian",
                       lambda f, g: persian_person(g, f, 0))
    persons = []
    for k, (f, g) in enumerate(pairs):
        eid = new_id()
        p = persian_person(g, f, k)
        fam, given = p["list"]
        lat.append(entry(eid, fam, given))
        orig.append(entry(eid, fam, given, p["orig"]))
        persons.append((eid, f, g, p))
        queries.append(probe(p["orig"], eid, "persian", "original-script"))
        for form in ("other-spelling", "other-spelling-2", "passport", "zade-split"):
            if form in p:
                of, og = p[form]
                queries.append(probe(f"{og} {of}", eid, "persian", form))
        queries.append(probe(f"{fam} {given}", eid, "persian", "reordered"))
    queries += namesakes("persian", persons, lambda f, g: persian_person(g, f, 0), fa_family,
                         ("list",))

    # Russian: men and women, with patronymics.
    ru_people = []
    male = sorted(RU_MALE)
    while len(ru_people) < 120:
        sex = "m" if rng.random() < 0.6 else "f"
        given = rng.choice(male) if sex == "m" else rng.choice(RU_FEMALE)
        father = rng.choice([m for m in male if m != given])
        pat = RU_MALE[father][0 if sex == "m" else 1]
        ru_people.append((sex, given, pat))

    def ru_forms(fam, person):
        sex, given, pat = person
        fam = fam if sex == "m" else ru_female_family(fam)
        forms = {"orig": f"{given} {pat} {fam}"}
        for s in ("bgn", "icao", "german", "french"):
            forms[s] = (ru_latin(fam, s), f"{ru_latin(given, s)} {ru_latin(pat, s)}")
            forms[s + "-short"] = (ru_latin(fam, s), ru_latin(given, s))
        forms["cyr"] = (fam, f"{given} {pat}")
        return forms

    def ru_namesake_forms(f, g):
        p = ru_forms(f, g)
        # a namesake is written without the patronymic; it is compared on given and family name
        return {"orig": f"{g[1]} {p['cyr'][0]}", "bgn": p["bgn-short"],
                **{k: v for k, v in p.items() if k.endswith("-short")}}

    pairs = draw_pairs(rng, RU_FAMILY, ru_people, PER_SCRIPT, "cyrillic-ru",
                       lambda f, g: ru_namesake_forms(f, g))
    persons = []
    for f, g in pairs:
        eid = new_id()
        p = ru_forms(f, g)
        fam, given = p["bgn"]
        lat.append(entry(eid, fam, given))
        orig.append(entry(eid, fam, given, p["orig"]))
        persons.append((eid, f, g, p))
        queries.append(probe(p["orig"], eid, "cyrillic-ru", "original-script"))
        queries.append(probe(f"{p['icao'][1]} {p['icao'][0]}", eid, "cyrillic-ru",
                             "icao-passport"))
        queries.append(probe(f"{p['bgn-short'][1]} {p['bgn-short'][0]}", eid, "cyrillic-ru",
                             "bgn-without-patronymic"))
        queries.append(probe(f"{p['german-short'][1]} {p['german-short'][0]}", eid,
                             "cyrillic-ru", "german"))
        queries.append(probe(f"{p['french-short'][1]} {p['french-short'][0]}", eid,
                             "cyrillic-ru", "french"))
        queries.append(probe(f"{fam} {given}", eid, "cyrillic-ru", "reordered-with-patronymic"))

    ru_persons = [(eid, f, g, ru_namesake_forms(f, g)) for eid, f, g, _ in persons]
    queries += namesakes("cyrillic-ru", ru_persons, ru_namesake_forms, RU_FAMILY,
                         ("bgn",))

    # Ukrainian
    def ua_forms(fam, given):
        sex, ru_given = UA_GIVEN[given]
        ru_fam = ua_russian_letters(fam)
        if sex == "f" and fam.endswith("ський"):
            fam = fam[: -len("ський")] + "ська"
            ru_fam = ru_fam[: -len("ский")] + "ская"
        return {
            "orig": f"{given} {fam}",
            "national": (ua_latin(fam, "national"), ua_latin(given, "national")),
            "old": (ua_latin(fam, "old"), ua_latin(given, "old")),
            "german": (ua_latin(fam, "german"), ua_latin(given, "german")),
            "russian": (ru_latin(ru_fam, "bgn"), ru_latin(ru_given, "bgn")),
        }

    ua_given = sorted(UA_GIVEN)
    pairs = draw_pairs(rng, UA_FAMILY, ua_given, PER_SCRIPT, "cyrillic-ua", ua_forms)
    persons = []
    for f, g in pairs:
        eid = new_id()
        p = ua_forms(f, g)
        fam, given = p["national"]
        lat.append(entry(eid, fam, given))
        orig.append(entry(eid, fam, given, p["orig"]))
        persons.append((eid, f, g, p))
        queries.append(probe(p["orig"], eid, "cyrillic-ua", "original-script"))
        queries.append(probe(f"{p['old'][1]} {p['old'][0]}", eid, "cyrillic-ua",
                             "older-passport"))
        queries.append(probe(f"{p['german'][1]} {p['german'][0]}", eid, "cyrillic-ua",
                             "german"))
        queries.append(probe(f"{p['russian'][1]} {p['russian'][0]}", eid, "cyrillic-ua",
                             "russian-reading"))
        queries.append(probe(f"{fam} {given}", eid, "cyrillic-ua", "reordered"))
    queries += namesakes("cyrillic-ua", persons, ua_forms, UA_FAMILY, ("national",))

    # a probe that another scheme already spelled the same way for the same person is left out
    seen, unique = set(), []
    for q in queries:
        key = (q["expected_entry_id"], q["query"]) if q["expected_entry_id"] else None
        if key in seen:
            continue
        if key:
            seen.add(key)
        unique.append(q)
    return lat, orig, unique


def main():
    lat, orig, queries = build()
    for name, rows in (("list_latin", lat), ("list_orig", orig), ("queries", queries)):
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    by = {}
    for q in queries:
        by.setdefault((q["script"], q["kind"]), 0)
        by[(q["script"], q["kind"])] += 1
    print(len(lat), "persons;", by)


if __name__ == "__main__":
    main()
