#!/usr/bin/env python3
"""A third independent multi-script evaluation set for the screening matcher.

Written from the published romanization schemes and new name tables before the matcher's
source was read, and measured against it before any change (see BENCHMARKS.md). Same shape as
eval/scripts/independent*: list_latin.jsonl (one romanization, "FAMILY, Given"),
list_orig.jsonl (the same plus the original-script name as an alias) and queries.jsonl
(variants of listed persons and same-culture namesakes).

Schemes (each written here from its published table):
- Korean: Revised Romanization (2000, personal names without sound change across syllables),
  McCune-Reischauer (with breves and apostrophes, voicing inside a word, ALA-LC hyphenated
  given names) and without its marks, the DPRK's 1992 system (o/u for eo/eu, kh/th/ph for the
  aspirates, syllables apart), South Korean passport habits (traditional surname spellings,
  Western order, oo/ee/u spellings).
- Chinese: Hanyu Pinyin (with the syllable apostrophe), Wade-Giles (apostrophes, umlaut,
  hyphenated given name) and without its marks, Taiwan passports (Wade-Giles plain), Hong Kong
  government (Cantonese) surname spellings.
- Arabic: a phonemic notation romanized as BGN/PCGN (the list), English press (ee/oo, Abdul),
  Gulf passports (article joined, doubled letters), Egyptian (g, e/o, el-), Maghreb French (ou,
  ch, dj, k for q, el/ben) and the sun-letter assimilated article.
- Persian: phonemic notation as BGN/PCGN (the list), Iranian press (gh, ou, ss, -eh), Iranian
  passport habits (joined compounds, oo), German press (sch, tsch, dsch, ch, w) and French press
  (ch, tch, dj, ou, j).
- Russian: BGN/PCGN (the list), ICAO 9303 (2013), German (Duden), French, with patronymics and
  women's forms.
- Ukrainian: national system 2010 (the list), the older passport habit (Russian-like g, ye,
  yu, ya), German transcription, and the Russian form of the name in BGN/PCGN.

Run: python3 eval/scripts/independent3/generate.py (rewrites the committed set; fixed seed).
"""
import json
import random
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261208
rng = random.Random(SEED)

# ---------------------------------------------------------------------------------------------
# Korean
# ---------------------------------------------------------------------------------------------

L_JAMO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
V_JAMO = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
T_JAMO = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ",
          "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]

RR_L = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t",
        "p", "h"]
RR_V = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "eu", "ui", "i"]
# final consonants as pronounced at the end of a syllable (RR and MR agree)
FIN = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
       "t", "t", "ng", "t", "t", "k", "t", "p", "t"]

MR_L = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'",
        "t'", "p'", "h"]
MR_V = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ",
        "we", "wi", "yu", "ŭ", "ŭi", "i"]
MR_VOICED = {"k": "g", "t": "d", "p": "b", "ch": "j"}

DPRK_L = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh",
          "th", "ph", "h"]
DPRK_V = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
          "we", "wi", "yu", "u", "ui", "i"]


def hangul(syl):
    s = ord(syl) - 0xAC00
    assert 0 <= s < 11172, syl
    return s // 588, (s % 588) // 28, s % 28


def rr_word(word):
    out = ""
    for ch in word:
        li, vi, ti = hangul(ch)
        out += RR_L[li] + RR_V[vi] + FIN[ti]
    return out


def mr_word(word, marks=True):
    out = ""
    prev_final = None
    for i, ch in enumerate(word):
        li, vi, ti = hangul(ch)
        ini = MR_L[li]
        if i > 0 and ini in MR_VOICED and prev_final in ("", "n", "m", "ng", "l"):
            ini = MR_VOICED[ini]
        if i > 0 and li == 5 and prev_final in ("n", "l"):
            ini = "l"  # ㄹ after ㄴ/ㄹ: ll
        if li == 9 and vi in (20, 16):
            ini = "sh"  # 시, 쉬
        syl = ini + MR_V[vi] + FIN[ti]
        if i > 0 and out and out[-1] in "aeiouŏŭ" and syl[0] in "aeiouŏŭ":
            syl = "'" + syl if marks else syl
        out += ("-" if i > 0 else "") + syl
        prev_final = FIN[ti]
    if not marks:
        out = out.replace("ŏ", "o").replace("ŭ", "u").replace("'", "")
    return out


def dprk_syllables(word):
    out = []
    for ch in word:
        li, vi, ti = hangul(ch)
        out.append(DPRK_L[li] + DPRK_V[vi] + FIN[ti])
    return out


def cap(s):
    return s[:1].upper() + s[1:]


def capw(s):
    return cap(s)


# surname in Hangul (South Korean spelling; the DPRK writes 리/류/로/량 where the South drops the
# initial ㄹ) and its usual South Korean passport spelling
KO_SURNAMES = [
    ("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"),
    ("조", "Cho"), ("윤", "Yoon"), ("장", "Chang"), ("임", "Lim"), ("한", "Han"), ("오", "Oh"),
    ("서", "Suh"), ("신", "Shin"), ("권", "Kwon"), ("황", "Hwang"), ("안", "Ahn"), ("송", "Song"),
    ("유", "Yoo"), ("전", "Chun"), ("홍", "Hong"), ("고", "Koh"), ("문", "Moon"), ("양", "Yang"),
    ("손", "Sohn"), ("배", "Bae"), ("백", "Paik"), ("허", "Huh"), ("남", "Nam"), ("심", "Shim"),
    ("노", "Roh"), ("하", "Ha"), ("곽", "Kwak"), ("성", "Sung"), ("차", "Cha"), ("주", "Joo"),
    ("우", "Woo"), ("구", "Koo"), ("민", "Min"), ("진", "Chin"), ("지", "Chi"), ("채", "Chae"),
    ("원", "Won"), ("천", "Chun"), ("방", "Bang"), ("현", "Hyun"), ("함", "Hahm"), ("변", "Byun"),
    ("여", "Yeo"), ("추", "Choo"), ("명", "Myung"), ("육", "Yook"), ("맹", "Maeng"), ("국", "Kook"),
    ("남궁", "Namkoong"), ("황보", "Hwangbo"), ("선우", "Sunwoo"), ("제갈", "Jegal"),
]
# the DPRK's spelling of the South's initial-ㄹ-dropped surnames
KO_DPRK_HANGUL = {"이": "리", "유": "류", "노": "로", "양": "량", "임": "림", "여": "려"}

KO_GIVEN = ['의준', '휘성', '평강', '탁현', '충렬', '률희', '룡길', '련옥', '력수', '쾌남', '찬울', '필승', '희철', '흥수', '늘봄', '슬옹',
 '겸재', '곤희', '궁민', '균택', '극찬', '근태', '꽃님', '끝순', '낙원', '눌재', '덕팔', '돌쇠', '두환', '득룡', '맹호', '묵재',
 '빛샘', '뼘이', '석봉', '섬이', '쌍희', '얼음', '옥춘', '왕근', '욱재', '웅필', '윤슬', '을석', '잎새', '쩡희', '춘삼', '칠복',
 '큰솔', '탑이', '톨이', '퇴은', '팔룡', '품길', '헌결', '흰돌', '갑돌', '복동', '귀남', '칠용']


def dprk_hangul(sur):
    return KO_DPRK_HANGUL.get(sur, sur)


def korean_person(sur, passport, given, dprk):
    """The list name and the probes of one Korean person."""
    sur_h = dprk_hangul(sur) if dprk else sur
    # DPRK orthography keeps an initial ㄹ in given names too; our given names are written so
    orig = sur_h + given
    rr_s, rr_g = cap(rr_word(sur_h)), cap(rr_word(given))
    mr_s, mr_g = cap(mr_word(sur_h)), capw(mr_word(given))
    mrp_s, mrp_g = cap(mr_word(sur_h, False)), capw(mr_word(given, False))
    d_s = " ".join(cap(s) for s in dprk_syllables(sur_h)).replace(" ", "")
    d_g = " ".join(cap(s) for s in dprk_syllables(given))
    if dprk:
        listed = f"{d_s.upper()}, {d_g}"
    else:
        listed = f"{rr_s.upper()}, {rr_g}"
    pg = passport_given(given)
    probes = [
        (orig, "original-script"),
        (f"{rr_s} {rr_g}", "rr"),
        (f"{rr_s} {cap(rr_word(given[0]))}-{rr_word(given[1:])}", "rr-hyphen"),
        (f"{mr_s} {mr_g}", "mr"),
        (f"{mrp_s} {mrp_g}", "mr-plain"),
        (f"{d_s} {d_g}", "dprk"),
        (f"{pg} {passport}", "passport-western-order"),
        (f"{passport.upper()} {pg.upper()}", "passport-caps"),
        (f"{rr_g} {rr_s.upper()}", "rr-reordered"),
    ]
    return orig, listed, probes


def passport_given(given):
    """South Korean passport habits for a given name: RR syllables, with the spellings that
    passports keep from before RR (oo, ee, u for eo in -eong, k for initial g)."""
    out = []
    for ch in given:
        s = rr_word(ch)
        s = re.sub(r"^g", "k", s)
        s = {"hui": "hee", "ui": "eui", "u": "woo"}.get(s, s)
        s = re.sub(r"eong$", "ung", s)
        s = re.sub(r"^(s|j|g|k|y)u$", r"\1oo", s)
        s = s.replace("eo", "u") if s.endswith("eol") else s
        out.append(s)
    return cap("".join(out))


# ---------------------------------------------------------------------------------------------
# Chinese
# ---------------------------------------------------------------------------------------------

# surname, its pinyin (the surname reading), Hong Kong (Cantonese) spelling
ZH_SURNAMES = [
    ("欧阳", "ouyang", "Au-Yeung"), ("上官", "shangguan", "Sheung-Kwun"), ("诸葛", "zhuge", "Chu-Kot"),
    ("令狐", "linghu", "Ling-Wu"), ("柏", "bai", "Pak"), ("蔺", "lin", "Lun"), ("屈", "qu", "Wat"),
    ("闫", "yan", "Yim"), ("戴", "dai", "Tai"), ("卓", "zhuo", "Cheuk"), ("薛", "xue", "Sit"),
    ("祝", "zhu", "Chuk"), ("黎", "li", "Lai"), ("冯", "feng", "Fung"), ("蒋", "jiang", "Cheung"),
    ("谭", "tan", "Tam"), ("邓", "deng", "Tang"), ("魏", "wei", "Ngai"), ("庞", "pang", "Pong"),
    ("詹", "zhan", "Chim"), ("柴", "chai", "Chai"), ("崔", "cui", "Tsui"), ("翁", "weng", "Yung"),
    ("甘", "gan", "Kam"), ("钟", "zhong", "Chung"), ("殷", "yin", "Yan"), ("汤", "tang", "Tong"),
    ("彭", "peng", "Pang"), ("贾", "jia", "Ka"), ("萧", "xiao", "Siu"), ("曹", "cao", "Tso"),
    ("袁", "yuan", "Yuen"), ("潘", "pan", "Poon"), ("苏", "su", "So"), ("蔡", "cai", "Choi"),
    ("郝", "hao", "Kok"), ("尹", "yin", "Wan"), ("查", "zha", "Cha"), ("仇", "qiu", "Kau"),
    ("曾", "zeng", "Tsang"), ("单", "shan", "Sin"), ("解", "xie", "Hai"), ("区", "ou", "Au"),
    ("乐", "yue", "Lok"), ("盖", "ge", "Koi"), ("覃", "qin", "Tam"), ("晏", "yan", "Ngan"),
    ("聂", "nie", "Nip"), ("瞿", "qu", "Kui"), ("阮", "ruan", "Yuen"), ("饶", "rao", "Yiu"),
    ("戚", "qi", "Chik"), ("邝", "kuang", "Kwong"), ("司徒", "situ", "Szeto"),
]

# given names: characters and their pinyin syllables
ZH_GIVEN = [('骁勇', 'xiao yong'), ('琬琰', 'wan yan'), ('翊辰', 'yi chen'), ('湛然', 'zhan ran'), ('璐瑶', 'lu yao'),
 ('昊天', 'hao tian'), ('珂欣', 'ke xin'), ('炜彤', 'wei tong'), ('瀚文', 'han wen'), ('芮涵', 'rui han'),
 ('彧', 'yu'), ('骞', 'qian'), ('奕霖', 'yi lin'), ('煜祺', 'yu qi'), ('钧泽', 'jun ze'), ('婕妤', 'jie yu'),
 ('晟睿', 'sheng rui'), ('蕙兰', 'hui lan'), ('锦程', 'jin cheng'), ('皓轩', 'hao xuan'),
 ('沐阳', 'mu yang'), ('若曦', 'ruo xi'), ('珏', 'jue'), ('璟', 'jing'), ('雎鸠', 'ju jiu'),
 ('恪守', 'ke shou'), ('岑寂', 'cen ji'), ('绮罗', 'qi luo'), ('骥远', 'ji yuan'), ('韫玉', 'yun yu'),
 ('谦益', 'qian yi'), ('擎宇', 'qing yu'), ('曜华', 'yao hua'), ('赟', 'yun'), ('喆', 'zhe'), ('堃', 'kun'),
 ('燊', 'shen'), ('翀', 'chong'), ('淼鑫', 'miao xin'), ('桢干', 'zhen gan'), ('绍钧', 'shao jun'),
 ('啸川', 'xiao chuan'), ('粤生', 'yue sheng'), ('溥仪', 'pu yi'), ('嵘峥', 'rong zheng'),
 ('缙云', 'jin yun'), ('翎羽', 'ling yu'), ('濯缨', 'zhuo ying'), ('黛玉', 'dai yu'), ('崧岳', 'song yue'),
 ('谡', 'su'), ('璇玑', 'xuan ji'), ('綦', 'qi'), ('熠彤', 'yi tong'), ('邺城', 'ye cheng'), ('鹄', 'hu'),
 ('殳', 'shu'), ('骊歌', 'li ge'), ('翯', 'he'), ('昶', 'chang')]

WG_INITIAL = {"b": "p", "p": "p'", "m": "m", "f": "f", "d": "t", "t": "t'", "n": "n", "l": "l",
              "g": "k", "k": "k'", "h": "h", "j": "ch", "q": "ch'", "x": "hs", "zh": "ch",
              "ch": "ch'", "sh": "sh", "r": "j", "z": "ts", "c": "ts'", "s": "s"}


def pinyin_split(syl):
    for ini in ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q",
                "x", "r", "z", "c", "s"):
        if syl.startswith(ini) and len(syl) > len(ini):
            return ini, syl[len(ini):]
    return "", syl


def wade_giles(syl, marks=True):
    """One pinyin syllable in Wade-Giles."""
    ini, fin = pinyin_split(syl)
    if ini == "":
        # zero initial: y-/w- spellings
        table = {"yi": "i", "ye": "yeh", "yan": "yen", "you": "yu", "yu": "yü", "yue": "yüeh",
                 "yuan": "yüan", "yun": "yün", "yong": "yung", "ying": "ying", "yin": "yin",
                 "ya": "ya", "yao": "yao", "yang": "yang", "wu": "wu", "wa": "wa", "wo": "wo",
                 "wai": "wai", "wei": "wei", "wan": "wan", "wen": "wen", "wang": "wang",
                 "weng": "weng", "e": "o", "er": "erh", "a": "a", "ai": "ai", "ao": "ao",
                 "an": "an", "ang": "ang", "ou": "ou", "o": "o", "en": "en"}
        out = table[syl]
    else:
        if ini in ("j", "q", "x"):
            fin = {"u": "ü", "ue": "üeh", "uan": "üan", "un": "ün"}.get(fin, fin)
        if fin == "i" and ini in ("zh", "ch", "sh", "r"):
            fin = "ih"
        elif fin == "i" and ini in ("z", "c", "s"):
            fin = "u"
        special = {"ie": "ieh", "ian": "ien", "ong": "ung", "iong": "iung", "ui": "ui",
                   "e": "ê", "ue": "üeh", "ve": "üeh", "un": "un", "iu": "iu"}
        if fin in special:
            fin = special[fin]
        if fin == "ui" and ini in ("g", "k"):
            fin = "uei"
        if fin == "ê" and ini in ("g", "k", "h"):
            fin = "o"
        if fin == "uo" and ini not in ("g", "k", "h", "sh"):
            fin = "o"
        if ini == "s" and fin == "u" and syl == "si":
            pass
        wi = WG_INITIAL[ini]
        if syl == "si":
            wi, fin = "ss", "u"
        if ini == "z" and fin == "u" and syl == "zi":
            wi, fin = "tz", "u"
        if ini == "c" and syl == "ci":
            wi, fin = "tz'", "u"
        if syl == "er":
            wi, fin = "", "erh"
        out = wi + fin
    if not marks:
        out = out.replace("'", "").replace("ü", "u").replace("ê", "e")
    return out


def pinyin_join(syls):
    out = syls[0]
    for s in syls[1:]:
        if s[0] in "aoe":
            out += "'"
        out += s
    return out


def chinese_person(sur, sur_py, hk, given, given_py):
    syls = given_py.split()
    sur_syls = split_pinyin_word(sur_py)
    orig = sur + given
    py_s = cap(pinyin_join(sur_syls))
    py_g = cap(pinyin_join(syls))
    wg_s = cap("-".join(wade_giles(s) for s in sur_syls)) if len(sur_syls) > 1 else cap(
        wade_giles(sur_syls[0]))
    wg_g = cap("-".join(wade_giles(s) for s in syls))
    wgp_s = cap("".join(wade_giles(s, False) for s in sur_syls))
    wgp_g = cap("-".join(wade_giles(s, False) for s in syls))
    listed = f"{py_s.upper()}, {py_g}"
    probes = [
        (orig, "original-script"),
        (f"{py_s} {py_g}", "pinyin"),
        (f"{py_g} {py_s}", "pinyin-western-order"),
        (f"{py_s} {' '.join(cap(s) for s in syls)}", "pinyin-split"),
        (f"{wg_s} {wg_g}", "wade-giles"),
        (f"{wgp_s} {wgp_g.replace('-', '')}", "wade-giles-plain"),
        (f"{wgp_g} {wgp_s.upper()}", "taiwan"),
        (f"{hk} {py_g}", "hong-kong-surname"),
    ]
    return orig, listed, probes


def split_pinyin_word(w):
    # two-syllable surnames are given split by known pieces
    for a in ("ou", "shang", "zhu", "ling", "si"):
        if w.startswith(a) and w != a and len(w) > len(a) + 1:
            return [a, w[len(a):]]
    return [w]


# ---------------------------------------------------------------------------------------------
# Arabic (phonemic notation: aa ii uu long vowels; th kh dh sh gh digraphs; H S D T Z emphatics
# and ḥ; 3 ʿayn; ' hamza; @ tāʾ marbūṭa; _ separates letters that would read as a digraph)
# ---------------------------------------------------------------------------------------------

AR_UNITS = ["aa", "ii", "uu", "th", "kh", "dh", "sh", "gh"]


def units(word):
    out = []
    i = 0
    while i < len(word):
        if word[i] == "_":
            i += 1
            continue
        two = word[i:i + 2]
        if two in AR_UNITS:
            out.append(two)
            i += 2
        else:
            out.append(word[i])
            i += 1
    return out


SUN = {"t", "th", "d", "dh", "r", "z", "s", "sh", "S", "D", "T", "Z", "l", "n"}

# scheme -> letter table (unlisted letters stand for themselves)
AR_SCHEMES = {
    "bgn": {"H": "h", "S": "s", "D": "d", "T": "t", "Z": "z", "3": "", "'": "", "aa": "a",
            "ii": "i", "uu": "u", "@": "h"},
    "press": {"H": "h", "S": "s", "D": "d", "T": "t", "Z": "z", "3": "", "'": "", "aa": "a",
              "ii": "ee", "uu": "oo", "@": ""},
    "gulf": {"H": "h", "S": "s", "D": "d", "T": "t", "Z": "z", "3": "", "'": "", "aa": "a",
             "ii": "i", "uu": "u", "@": "h"},
    "egypt": {"H": "h", "S": "s", "D": "d", "T": "t", "Z": "z", "3": "", "'": "", "aa": "a",
              "ii": "i", "uu": "ou", "@": "", "j": "g", "i": "e", "u": "o", "q": "k"},
    "maghreb": {"H": "h", "S": "s", "D": "d", "T": "t", "Z": "z", "3": "", "'": "", "aa": "a",
                "ii": "i", "uu": "ou", "@": "", "u": "ou", "sh": "ch", "j": "dj", "q": "k",
                "w": "ou"},
}


def ar_word(word, scheme, single=False):
    """One word (no article) in a scheme; `single` writes a doubled letter once."""
    t = AR_SCHEMES[scheme]
    us = units(word)
    out = []
    for k, u in enumerate(us):
        if single and k > 0 and us[k - 1] == u and u not in ("a", "i", "u"):
            continue
        r = t.get(u, u)
        if scheme == "maghreb" and u == "w" and (k + 1 < len(us) and us[k + 1] in ("a", "aa")):
            r = "ou"
        if scheme == "maghreb" and u == "w" and k > 0 and us[k - 1] in ("a",):
            r = "ou"
        if scheme in ("egypt", "press") and u == "y" and k > 0 and us[k - 1] == "a" and (
                k + 1 == len(us) or us[k + 1] not in ("a", "aa", "i", "ii", "u", "uu")):
            r = "i" if scheme == "press" else "y"
            if scheme == "egypt":
                out[-1] = "e"
                r = "i"
        if scheme == "press" and u == "ii" and k == len(us) - 1:
            r = "i"
        out.append(r)
    s = "".join(out)
    return s


def ar_name(phon, scheme, article_style="hyphen"):
    """A whole name: words separated by spaces; "al-x" is the article; "3abd al-x" an Abd-form."""
    words = phon.split()
    out = []
    i = 0
    while i < len(words):
        w = words[i]
        if w == "3abd" and i + 1 < len(words) and words[i + 1].startswith("al-"):
            rest = words[i + 1][3:]
            r = ar_word(rest, "bgn" if scheme == "assim" else scheme)
            if scheme == "bgn":
                out.append(f"Abd al-{cap(r)}")
            elif scheme == "press":
                out.append(f"Abdul {cap(r)}")
            elif scheme == "gulf":
                out.append("Abdul" + r)
            elif scheme == "egypt":
                out.append(f"Abdel {cap(ar_word(rest, scheme, single=True))}")
            elif scheme == "maghreb":
                out.append("Abdel" + ar_word(rest, scheme, single=True))
            elif scheme == "assim":
                f = units(rest)[0]
                art = ("a" + t_first(f)) if f in SUN else "al"
                out.append(f"Abd {art}-{cap(ar_word(rest, 'bgn'))}")
            i += 2
            continue
        if w.startswith("al-"):
            rest = w[3:]
            sch = "bgn" if scheme == "assim" else scheme
            r = ar_word(rest, sch, single=(scheme in ("egypt", "maghreb")))
            if scheme == "assim":
                f = units(rest)[0]
                art = ("a" + t_first(f)) if f in SUN else "al"
                out.append(f"{cap(art)}-{cap(r)}")
            elif scheme == "gulf":
                out.append("Al" + r)
            elif scheme == "egypt":
                out.append(f"El-{cap(r)}")
            elif scheme == "maghreb":
                out.append(f"El {cap(r)}")
            elif scheme == "press":
                out.append(f"Al {cap(r)}")
            else:
                out.append(f"al-{cap(r)}")
            i += 1
            continue
        sch = "bgn" if scheme == "assim" else scheme
        out.append(cap(ar_word(w, sch, single=(scheme in ("egypt", "maghreb")))))
        i += 1
    return " ".join(out)


def t_first(f):
    return AR_SCHEMES["bgn"].get(f, f)


# given names (phonemic, Arabic script)
AR_GIVEN = [('3abd al-muHsin', 'عبد المحسن'), ('3abd al-waaHid', 'عبد الواحد'),
 ('3abd al-mun3im', 'عبد المنعم'), ('3abd al-ghaffaar', 'عبد الغفار'), ('Tariif', 'طريف'),
 ('mu3aawiya@', 'معاوية'), ('ghassaan', 'غسان'), ('jaabir', 'جابر'), ('shaakir', 'شاكر'),
 ('Haazim', 'حازم'), ('3aaSim', 'عاصم'), ('qutayba@', 'قتيبة'), ('Taahir', 'طاهر'),
 ('3iSaam', 'عصام'), ('wadii3', 'وديع'), ('khalduun', 'خلدون'), ('shawqii', 'شوقي'),
 ('fawwaaz', 'فواز'), ('jawdat', 'جودت'), ('dhiyaab', 'ذياب'), ('hazzaa3', 'هزاع'),
 ('ghaazii', 'غازي'), ('juhaymaan', 'جهيمان'), ('fuDayl', 'فضيل'), ('3uday', 'عدي'),
 ('Zaafir', 'ظافر'), ('luTfii', 'لطفي'), ('3azmii', 'عزمي'), ('rashaad', 'رشاد'),
 ('wajdii', 'وجدي'), ('Sabrii', 'صبري'), ('3abd al-jaliil', 'عبد الجليل'),
 ('3abd al-Samad', 'عبد الصمد'), ('3abd al-qahhaar', 'عبد القهار'),
 ('3abd al-baarii', 'عبد الباري'), ('Sakhr', 'صخر'), ('na3iim', 'نعيم'), ('rabii3', 'ربيع'),
 ('mufiid', 'مفيد'), ('nabhaan', 'نبهان'), ('muTlaq', 'مطلق'), ('3ubayd', 'عبيد'),
 ('hudhayfa@', 'حذيفة'), ('thunayyaan', 'ثنيان'), ('Dirghaam', 'ضرغام')]

AR_FAMILY = [('al-qaraDaawii', 'القرضاوي'), ('al-mubaarak', 'المبارك'), ('al-3ajmii', 'العجمي'),
 ('al-khaalidii', 'الخالدي'), ('al-Tarabulsii', 'الطرابلسي'), ('al-sharqaawii', 'الشرقاوي'),
 ('al-naabulsii', 'النابلسي'), ('al-3aanii', 'العاني'), ('al-tikriitii', 'التكريتي'),
 ('al-zubaydii', 'الزبيدي'), ('al-kuwaytii', 'الكويتي'), ('shaHaada@', 'شحادة'),
 ('Hamdaan', 'حمدان'), ('ghunaym', 'غنيم'), ('al-sudayrii', 'السديري'), ('al-yaamii', 'اليامي'),
 ('al-balawii', 'البلوي'), ('al-ruwaylii', 'الرويلي'), ('al-juhanii', 'الجهني'),
 ('al-subay3ii', 'السبيعي'), ('al-shahrii', 'الشهري'), ('al-saqqaaf', 'السقاف'),
 ('al-3aydaruus', 'العيدروس'), ('al-najjaar', 'النجار'), ('al-Hadiithii', 'الحديثي'),
 ('al-raawii', 'الراوي'), ('al-faraj', 'الفرج'), ('shuqayr', 'شقير'), ('Tannuus', 'طنوس'),
 ('zurayq', 'زريق')]


def arabic_person(given, father, family):
    gp, ga = given
    fp, fa = father
    sp, sa = family
    orig = f"{ga} {fa} {sa}"
    fam_bgn = ar_name(sp, "bgn")
    listed = f"{fam_bgn.upper()}, {ar_name(gp, 'bgn')} {ar_name(fp, 'bgn')}"
    probes = [
        (orig, "original-script"),
        (f"{ga} {sa}", "original-script-short"),
        (ar_name(f"{gp} {fp} {sp}", "press"), "press"),
        (ar_name(f"{gp} {sp}", "gulf"), "gulf-passport"),
        (ar_name(f"{gp} {fp} {sp}", "egypt"), "egyptian"),
        (ar_name(f"{gp} {sp}", "maghreb"), "maghreb-french"),
    ]
    if sp.startswith("al-") and units(sp[3:])[0] in SUN:
        probes.append((ar_name(f"{gp} {fp} {sp}", "assim"), "assimilated-article"))
    return orig, listed, probes


# ---------------------------------------------------------------------------------------------
# Persian (phonemic: a e o short, aa i u long, ey ow diphthongs, kh gh(غ) q(ق) zh sh ch, H(ح)
# S(ص) Z(ظ/ض) T(ط) 3(ع) '(ء), @ after e a silent final heh, "-" inside a compound)
# ---------------------------------------------------------------------------------------------

FA_UNITS = ["aa", "ey", "ow", "kh", "gh", "zh", "sh", "ch"]
VOW = set("aeiou")


def fa_units(word):
    out = []
    i = 0
    while i < len(word):
        if word[i] == "_":
            i += 1
            continue
        two = word[i:i + 2]
        if two in FA_UNITS:
            out.append(two)
            i += 2
        else:
            out.append(word[i])
            i += 1
    return out


FA_SCHEMES = {
    "bgn": {"aa": "a", "H": "h", "S": "s", "Z": "z", "T": "t", "3": "", "'": "", "@": "h"},
    "press": {"aa": "a", "H": "h", "S": "s", "Z": "z", "T": "t", "3": "", "'": "", "@": "h",
              "q": "gh", "u": "ou", "ey": "ei", "ow": "ou"},
    "passport": {"aa": "a", "H": "h", "S": "s", "Z": "z", "T": "t", "3": "", "'": "", "@": "h",
                 "q": "gh", "u": "oo", "ey": "ei", "ow": "o"},
    "german": {"aa": "a", "H": "h", "S": "s", "Z": "s", "T": "t", "3": "", "'": "", "@": "h",
               "q": "gh", "sh": "sch", "ch": "tsch", "j": "dsch", "kh": "ch", "zh": "sch",
               "z": "s", "v": "w", "y": "j", "ey": "ei", "ow": "ow"},
    "french": {"aa": "a", "H": "h", "S": "s", "Z": "z", "T": "t", "3": "", "'": "", "@": "h",
               "q": "gh", "sh": "ch", "ch": "tch", "j": "dj", "zh": "j", "u": "ou", "ey": "ei",
               "ow": "ou"},
}


def fa_word(word, scheme):
    t = FA_SCHEMES[scheme]
    parts = word.split("-")
    outs = []
    for part in parts:
        us = fa_units(part)
        o = ""
        for k, u in enumerate(us):
            r = t.get(u, u)
            if u == "s" and scheme in ("press", "german", "french") and 0 < k < len(us) - 1 \
                    and us[k - 1][0] in VOW and us[k + 1][0] in VOW:
                r = "ss"
            o += r
        outs.append(o)
    if scheme == "passport":
        return cap("".join(outs))
    if scheme == "bgn":
        return "-".join(cap(o) for o in outs)
    return "-".join([cap(outs[0])] + outs[1:]) if scheme == "press" else " ".join(
        cap(o) for o in outs)


FA_GIVEN = [('kaamyaar', 'کامیار'), ('khashaayaar', 'خشایار'), ('aarash', 'آرش'), ('hushang', 'هوشنگ'),
 ('nasr-ollaah', 'نصرالله'), ('3ezzat-ollaah', 'عزت\u200cالله'),
 ('Habib-ollaah', 'حبیب\u200cالله'), ('zabiH-ollaah', 'ذبیح\u200cالله'),
 ('mohammad-baaqer', 'محمدباقر'), ('mohammad-taqi', 'محمدتقی'), ('gholaam-Hoseyn', 'غلامحسین'),
 ('esmaa3il', 'اسماعیل'), ('ruzbe@', 'روزبه'), ('kaave@', 'کاوه'), ('shaahin', 'شاهین'),
 ('farshid', 'فرشید'), ('mehraab', 'مهراب'), ('omid', 'امید'), ('ardeshir', 'اردشیر'),
 ('bardiyaa', 'بردیا'), ('ashkaan', 'اشکان'), ('mazdak', 'مزدک'), ('narimaan', 'نریمان'),
 ('garshaasb', 'گرشاسب'), ('kaykhosrow', 'کیخسرو'), ('faraamarz', 'فرامرز'), ('turaj', 'تورج'),
 ('iraj', 'ایرج'), ('shaapur', 'شاپور'), ('ardalaan', 'اردلان')]

FA_FAMILY = [('shamkhaani', 'شمخانی'), ('laarijaani', 'لاریجانی'), ('jahaangiri', 'جهانگیری'),
 ('vaa3ezi', 'واعظی'), ('mottaqi', 'متقی'), ('ghazanfari', 'غضنفری'), ('kharraazi', 'خرازی'),
 ('aaqaa-zaade@', 'آقازاده'), ('mirzaade@', 'میرزاده'), ('jazaayeri', 'جزایری'),
 ('taqi-zaade@', 'تقی\u200cزاده'), ('Hasan-zaade@', 'حسن\u200cزاده'), ('shojaa3i', 'شجاعی'),
 ('moqaddam', 'مقدم'), ('ghaffaari', 'غفاری'), ('khodaabande@', 'خدابنده'),
 ('mohtashami', 'محتشمی'), ("kadkhodaa'i", 'کدخدایی'), ('aaqaasi', 'آقاسی'), ("haa'eri", 'حائری'),
 ('nahaavandi', 'نهاوندی'), ('daamghaani', 'دامغانی'), ('saaveji', 'ساوجی'), ('tafreshi', 'تفرشی'),
 ('khalkhaali', 'خلخالی'), ('ardabili', 'اردبیلی'), ('lankaraani', 'لنکرانی'),
 ('shushtari', 'شوشتری'), ('dezfuli', 'دزفولی'), ('behbahaani', 'بهبهانی')]


def fa_fix(s):
    # a silent final heh: BGN writes -eh
    return s


def persian_person(given, family):
    gp, ga = given
    fp, fa = family
    orig = f"{ga} {fa}"
    listed = f"{fa_word(fp, 'bgn').upper()}, {fa_word(gp, 'bgn')}"
    probes = [
        (orig, "original-script"),
        (f"{fa_word(gp, 'press')} {fa_word(fp, 'press')}", "press"),
        (f"{fa_word(gp, 'passport')} {fa_word(fp, 'passport')}", "passport"),
        (f"{fa_word(gp, 'german')} {fa_word(fp, 'german')}", "german"),
        (f"{fa_word(gp, 'french')} {fa_word(fp, 'french')}", "french"),
        (f"{fa_word(fp, 'press').upper()} {fa_word(gp, 'press')}", "press-reordered"),
    ]
    return orig, listed, probes


# ---------------------------------------------------------------------------------------------
# Russian and Ukrainian
# ---------------------------------------------------------------------------------------------

RU_VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")

RU_BGN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
          "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
          "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
          "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
          "я": "ya"}
RU_ICAO = dict(RU_BGN, **{"й": "i", "ъ": "ie", "ю": "iu", "я": "ia"})
RU_DE = dict(RU_BGN, **{"в": "w", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z",
                        "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja", "ё": "jo"})
RU_FR = dict(RU_BGN, **{"ж": "j", "й": "ï", "у": "ou", "ч": "tch", "ш": "ch", "щ": "chtch",
                        "ю": "iou", "я": "ia", "ё": "io"})


def ru_latin(word, scheme):
    w = word.lower()
    table = {"bgn": RU_BGN, "icao": RU_ICAO, "german": RU_DE, "french": RU_FR}[scheme]
    out = ""
    for i, ch in enumerate(w):
        prev = w[i - 1] if i > 0 else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        r = table[ch]
        soft_pos = i == 0 or prev in RU_VOWELS or prev in "ьъ"
        if ch == "е":
            if scheme == "bgn" and soft_pos:
                r = "ye"
            elif scheme == "german" and soft_pos:
                r = "je"
            elif scheme == "french" and soft_pos and i > 0:
                r = "ie"
        if ch == "ё":
            if scheme == "bgn":
                r = "ye" if soft_pos else "e"
            if scheme == "german" and prev in ("ж", "ч", "ш", "щ"):
                r = "o"
        if ch == "й":
            if scheme == "bgn" and prev == "и" and nxt == "":
                r = "y"  # -iy
            if scheme == "german" and prev == "и" and nxt == "":
                out = out[:-1] + "i"
                r = ""
            if scheme == "french" and prev == "и" and nxt == "":
                r = ""
            if scheme == "french" and prev != "и":
                r = "ï" if nxt == "" else "i"
        if ch == "с" and scheme in ("german", "french") and prev in RU_VOWELS and nxt in RU_VOWELS:
            r = "ss"
        if ch == "г" and scheme == "french" and nxt in ("е", "и", "ы", "э"):
            r = "gu"
        if ch == "ь" and scheme == "german" and nxt in ("и", "о"):
            r = "j"  # the vowels е ё ю я after ь carry their own j
        if ch == "в" and scheme == "german" and nxt == "" and prev in ("о", "е", "ё"):
            r = "w"
        if ch == "н" and scheme == "french" and nxt == "" and prev == "и":
            r = "ne"
        if ch == "е" and scheme == "french" and prev == "" and False:
            pass
        out += r
    if scheme == "french":
        out = out.replace("ï", "ï")
    return cap(out)


# male given names with their patronymic stems (for -ovich/-ovna forms)
RU_MALE = [('Святослав', 'Святославович', 'Святославовна'), ('Матвей', 'Матвеевич', 'Матвеевна'),
 ('Савелий', 'Савельевич', 'Савельевна'), ('Ермолай', 'Ермолаевич', 'Ермолаевна'),
 ('Климент', 'Климентович', 'Климентовна'), ('Венедикт', 'Венедиктович', 'Венедиктовна'),
 ('Юлиан', 'Юлианович', 'Юлиановна'), ('Евсей', 'Евсеевич', 'Евсеевна'),
 ('Феофан', 'Феофанович', 'Феофановна'), ('Авксентий', 'Авксентьевич', 'Авксентьевна'),
 ('Варсонофий', 'Варсонофьевич', 'Варсонофьевна'), ('Герасим', 'Герасимович', 'Герасимовна'),
 ('Дорофей', 'Дорофеевич', 'Дорофеевна'), ('Иларион', 'Иларионович', 'Иларионовна'),
 ('Кондрат', 'Кондратович', 'Кондратовна'), ('Лукьян', 'Лукьянович', 'Лукьяновна'),
 ('Никанор', 'Никанорович', 'Никаноровна'), ('Онисим', 'Онисимович', 'Онисимовна'),
 ('Пантелеймон', 'Пантелеймонович', 'Пантелеймоновна'),
 ('Спиридон', 'Спиридонович', 'Спиридоновна'), ('Ювеналий', 'Ювенальевич', 'Ювенальевна'),
 ('Аверкий', 'Аверкьевич', 'Аверкьевна'), ('Ардалион', 'Ардалионович', 'Ардалионовна'),
 ('Галактион', 'Галактионович', 'Галактионовна'), ('Евлампий', 'Евлампьевич', 'Евлампьевна'),
 ('Исидор', 'Исидорович', 'Исидоровна'), ('Корнилий', 'Корнильевич', 'Корнильевна'),
 ('Лонгин', 'Лонгинович', 'Лонгиновна'), ('Нифонт', 'Нифонтович', 'Нифонтовна'),
 ('Парамон', 'Парамонович', 'Парамоновна')]
RU_FEMALE = ['Агафья', 'Злата', 'Станислава', 'Всеслава', 'Снежана', 'Евпраксия', 'Ярослава', 'Любава',
 'Глафира', 'Домна', 'Евфимия', 'Зиновия', 'Иулиания', 'Лукерья', 'Марфа', 'Неонила', 'Олимпиада',
 'Руфина', 'Федосья', 'Харита']
RU_FAMILY = ['Журавлёв', 'Нарышкин', 'Чичерин', 'Ягодин', 'Подъячев', 'Пьянков', 'Рябинин', 'Чуйков', 'Шахов',
 'Ежов', 'Лыткин', 'Хохлов', 'Цыганов', 'Малышев', 'Кузьмин', 'Воротынский', 'Апраксин', 'Ермошин',
 'Вьюгин', 'Глинский', 'Карамышев', 'Бахметев', 'Вельяминов', 'Засекин', 'Кикин', 'Ласунский',
 'Мещерский', 'Нащокин', 'Пушечников', 'Ртищев', 'Татищев', 'Фонвизин', 'Челищев', 'Шаховской',
 'Щепин', 'Ярыжкин', 'Зотов', 'Лопухин', 'Киреевский', 'Образцов']


def ru_female_family(f):
    if f.endswith("ский") or f.endswith("цкий"):
        return f[:-2] + "ая"
    if f.endswith("ой"):
        return f[:-2] + "ая"
    if f.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return f + "а"
    return f


def russian_person(given, patronymic, family):
    orig = f"{family} {given} {patronymic}"
    b = lambda w: ru_latin(w, "bgn")  # noqa: E731
    listed = f"{b(family).upper()}, {b(given)} {b(patronymic)}"
    probes = [
        (orig, "original-script"),
        (f"{given} {family}", "original-script-short"),
        (f"{b(given)} {b(patronymic)} {b(family)}", "bgn"),
        (f"{ru_latin(given, 'icao').upper()} {ru_latin(family, 'icao').upper()}", "icao-passport"),
        (f"{ru_latin(given, 'german')} {ru_latin(family, 'german')}", "german"),
        (f"{ru_latin(given, 'french')} {ru_latin(family, 'french')}", "french"),
        (f"{ru_latin(given, 'german')} {ru_latin(patronymic, 'german')} "
         f"{ru_latin(family, 'german')}", "german-patronymic"),
    ]
    return orig, listed, probes


UA_MAP_2010 = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
               "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
               "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
               "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
               "ю": "iu", "я": "ia", "'": "", "’": ""}
UA_INITIAL_2010 = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
UA_OLD = dict(UA_MAP_2010, **{"г": "g", "є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"})
UA_DE = dict(UA_MAP_2010, **{"в": "w", "ж": "sch", "з": "s", "ї": "ji", "й": "j", "х": "ch",
                             "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju",
                             "я": "ja", "є": "je"})
UA_VOWELS = set("аеєиіїоуюя")


def ua_latin(word, scheme):
    w = word.lower()
    out = ""
    for i, ch in enumerate(w):
        prev = w[i - 1] if i > 0 else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if scheme == "national":
            r = UA_INITIAL_2010[ch] if i == 0 and ch in UA_INITIAL_2010 else UA_MAP_2010[ch]
            if ch == "г" and prev == "з":
                r = "gh"
        elif scheme == "old":
            r = UA_OLD[ch]
        else:
            r = UA_DE[ch]
            if ch == "с" and prev in UA_VOWELS and nxt in UA_VOWELS:
                r = "ss"
        out += r
    return cap(out)


# Ukrainian given names and their Russian forms
UA_GIVEN = [('Семен', 'Семён'), ('Тиміш', 'Тимофей'), ('Яків', 'Яков'), ('Юхим', 'Ефим'), ('Ілля', 'Илья'),
 ('Кирило', 'Кирилл'), ('Марко', 'Марк'), ('Леся', 'Леся'), ('Єлизавета', 'Елизавета'),
 ('Христина', 'Кристина'), ('Надія', 'Надежда'), ('Віра', 'Вера'), ('Лаврін', 'Лаврентий'),
 ('Овксентій', 'Авксентий'), ('Пилип', 'Филипп'), ('Сава', 'Савва'), ('Самійло', 'Самуил'),
 ('Явтух', 'Евтихий'), ('Нечипір', 'Никифор'), ('Данило', 'Даниил'), ('Гаврило', 'Гавриил'),
 ('Мелашка', 'Маланья'), ('Федора', 'Федора'), ('Пріська', 'Прасковья'), ('Орися', 'Ирина'),
 ('Катря', 'Екатерина'), ('Хівря', 'Феврония'), ('Домаха', 'Домна'), ('Текля', 'Фёкла'),
 ('Фросина', 'Ефросинья')]
UA_FEMALE = {'Єлизавета', 'Віра', 'Домаха', 'Катря', 'Леся', 'Мелашка', 'Надія', 'Орися', 'Пріська', 'Текля',
 'Федора', 'Фросина', 'Христина', 'Хівря'}
UA_FAMILY = [('Яценко', 'Яценко'), ('Притула', 'Притула'), ('Мазепа', 'Мазепа'), ('Ничипорук', 'Ничипорук'),
 ('Гайдамака', 'Гайдамака'), ('Чорновіл', 'Черновол'), ('Сивокінь', 'Сивоконь'),
 ('Вакарчук', 'Вакарчук'), ('Галушка', 'Галушка'), ('Кобзар', 'Кобзарь'),
 ('Іваницький', 'Иваницкий'), ('Задорожний', 'Задорожный'), ('Підгірний', 'Подгорный'),
 ('Чуприна', 'Чуприна'), ('Головатий', 'Головатый'), ('Кривоніс', 'Кривонос'), ('Сірко', 'Серко'),
 ('Наливайко', 'Наливайко'), ('Лобода', 'Лобода'), ('Трясило', 'Трясило'), ('Підкова', 'Подкова'),
 ('Гетьманчук', 'Гетманчук'), ('Чумак', 'Чумак'), ('Козачок', 'Козачок'), ('Кошовий', 'Кошевой'),
 ('Дрозденко', 'Дрозденко'), ('Шепелюк', 'Шепелюк'), ('Ґонта', 'Гонта'),
 ('Євтушенко', 'Евтушенко'), ('Сагайдачний', 'Сагайдачный')]


def ua_female_family(f):
    if f.endswith("ький"):
        return f[:-2] + "а"
    if f.endswith("ий"):
        return f[:-2] + "а"
    return f


def ru_female_of(f):
    if f.endswith("кий"):
        return f[:-2] + "ая"
    if f.endswith("ый"):
        return f[:-2] + "ая"
    return f


def ukrainian_person(given, given_ru, family, family_ru):
    orig = f"{family} {given}"
    n = lambda w: ua_latin(w, "national")  # noqa: E731
    listed = f"{n(family).upper()}, {n(given)}"
    probes = [
        (orig, "original-script"),
        (f"{n(given)} {n(family)}", "national-2010"),
        (f"{ua_latin(given, 'old')} {ua_latin(family, 'old')}", "older-passport"),
        (f"{ua_latin(given, 'german')} {ua_latin(family, 'german')}", "german"),
        (f"{ru_latin(given_ru, 'bgn')} {ru_latin(family_ru, 'bgn')}", "russian-reading"),
        (f"{given_ru} {family_ru}", "russian-original-script"),
    ]
    return orig, listed, probes


# ---------------------------------------------------------------------------------------------
# The set
# ---------------------------------------------------------------------------------------------

def entry(eid, name, aliases):
    return {"entry_id": eid, "kind": "person", "name": name, "aliases": aliases,
            "birth_dates": [], "nationalities": [], "programs": ["EVAL"], "remarks": None}


def is_latin(s):
    return all(ord(c) < 0x370 or c in "ŏŭêüï’'" for c in s)


def pick_namesake_form(probes):
    latin = [(q, f) for q, f in probes if is_latin(q) and "reordered" not in f]
    orig = [(q, f) for q, f in probes if f == "original-script"]
    return rng.choice(latin), orig[0]


def build():
    persons = []  # (script, orig, listed, probes, key(family, given), namesake maker)

    # Korean
    givens = KO_GIVEN[:]
    rng.shuffle(givens)
    combos = set()
    for i, given in enumerate(givens):
        dprk = given[0] in "률룡련력" or i % 2 == 0
        while True:
            sur, pp = rng.choice(KO_SURNAMES)
            if (sur, given) not in combos:
                break
        combos.add((sur, given))
        orig, listed, probes = korean_person(sur, pp, given, dprk)

        def mk(other, sur=sur, pp=pp, dprk=dprk):
            return korean_person(sur, pp, other, dprk)[2]
        persons.append(("korean", orig, listed, probes, (sur, given), mk))

    # Chinese
    givens = ZH_GIVEN[:]
    rng.shuffle(givens)
    for given, gpy in givens:
        sur, spy, hk = rng.choice(ZH_SURNAMES)
        orig, listed, probes = chinese_person(sur, spy, hk, given, gpy)

        def mk(other, sur=sur, spy=spy, hk=hk):
            g, gp = other
            return chinese_person(sur, spy, hk, g, gp)[2]
        persons.append(("chinese", orig, listed, probes, (sur, (given, gpy)), mk))

    # Arabic
    seen = set()
    for i in range(60):
        given = AR_GIVEN[i % len(AR_GIVEN)]
        while True:
            father = rng.choice(AR_GIVEN)
            family = rng.choice(AR_FAMILY)
            if father != given and (given, family) not in seen:
                break
        seen.add((given, family))
        orig, listed, probes = arabic_person(given, father, family)

        def mk(other, family=family, father=father):
            return arabic_person(other, father, family)[2]
        persons.append(("arabic", orig, listed, probes, (family, given), mk))

    # Persian
    seen = set()
    for i in range(60):
        given = FA_GIVEN[i % len(FA_GIVEN)]
        while True:
            family = rng.choice(FA_FAMILY)
            if (given, family) not in seen:
                break
        seen.add((given, family))
        orig, listed, probes = persian_person(given, family)

        def mk(other, family=family):
            return persian_person(other, family)[2]
        persons.append(("persian", orig, listed, probes, (family, given), mk))

    # Russian
    fams = RU_FAMILY[:]
    rng.shuffle(fams)
    for i in range(60):
        fam = fams[i % len(fams)]
        father = rng.choice(RU_MALE)
        if i < 40:
            g = RU_MALE[i % len(RU_MALE)][0]
            if father[0] == g:
                father = RU_MALE[(RU_MALE.index(father) + 1) % len(RU_MALE)]
            pat, family = father[1], fam
        else:
            g = RU_FEMALE[i - 40]
            pat, family = father[2], ru_female_family(fam)
        orig, listed, probes = russian_person(g, pat, family)

        def mk(other, pat=pat, family=family):
            return russian_person(other, pat, family)[2]
        persons.append(("cyrillic-ru", orig, listed, probes, (family, g), mk))

    # Ukrainian
    fams = UA_FAMILY[:]
    rng.shuffle(fams)
    for i in range(60):
        g, g_ru = UA_GIVEN[i % len(UA_GIVEN)]
        f, f_ru = fams[(i * 7) % len(fams)] if i >= 30 else fams[i]
        if g in UA_FEMALE:
            f, f_ru = ua_female_family(f), ru_female_of(f_ru)
        orig, listed, probes = ukrainian_person(g, g_ru, f, f_ru)

        def mk(other, f=f, f_ru=f_ru):
            return ukrainian_person(other[0], other[1], f, f_ru)[2]
        persons.append(("cyrillic-ua", orig, listed, probes, (f, (g, g_ru)), mk))
    return persons


def main():
    persons = build()
    list_latin, list_orig, queries = [], [], []
    listed_pairs = {(p[0], p[4]) for p in persons}
    for n, (script, orig, listed, probes, key, _) in enumerate(persons, 1):
        eid = f"T{n:04d}"
        list_latin.append(entry(eid, listed, []))
        list_orig.append(entry(eid, listed, [orig]))
        seen = set()
        for q, form in probes:
            k = q.lower()
            if k in seen:
                continue
            seen.add(k)
            queries.append({"query": q, "expected_entry_id": eid, "kind": "variant",
                            "script": script, "form": form})
    # namesakes: another listed person's given name with this person's family name, in a Latin
    # spelling and in the original script, never a listed combination nor one whose given name
    # is a listed given name of the same family in any of the set's schemes
    by_script = {}
    for p in persons:
        by_script.setdefault(p[0], []).append(p)
    for script, ps in by_script.items():
        for i, (_, orig, listed, probes, (fam, given), mk) in enumerate(ps):
            same_family_givens = {g for (_, _, _, _, (f2, g), _) in ps if f2 == fam}
            for step in range(1, len(ps)):
                other = ps[(i + step * 7) % len(ps)][4][1]
                if other in same_family_givens or (script, (fam, other)) in listed_pairs:
                    continue
                if script == "cyrillic-ru" and (other in RU_FEMALE) != (given in RU_FEMALE):
                    continue
                if script == "cyrillic-ua" and (other[0] in UA_FEMALE) != (given[0] in UA_FEMALE):
                    continue
                if not far_apart(script, given, other, same_family_givens):
                    continue
                break
            ns = mk(other)
            (lq, lf), (oq, _) = pick_namesake_form(ns)
            queries.append({"query": lq, "expected_entry_id": None, "kind": "namesake",
                            "script": script, "form": f"other-given/{lf}"})
            queries.append({"query": oq, "expected_entry_id": None, "kind": "namesake",
                            "script": script, "form": "other-given/original-script"})
    for name, rows in (("list_latin", list_latin), ("list_orig", list_orig),
                       ("queries", queries)):
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    nv = sum(1 for q in queries if q["kind"] == "variant")
    print(f"{len(persons)} persons, {nv} probes, {len(queries) - nv} namesakes")


def coarse(s):
    """A key coarser than any scheme here: letters only, vowels and voicing pairs merged."""
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if c.isalpha() and ord(c) < 128)
    for a, b in (("kh", "k"), ("th", "t"), ("ph", "p"), ("sh", "s"), ("ch", "c"), ("j", "c"),
                 ("g", "k"), ("d", "t"), ("b", "p"), ("z", "s"), ("q", "k"), ("v", "w"),
                 ("r", "l"), ("y", ""), ("h", "")):
        s = s.replace(a, b)
    return re.sub(r"[aeiouw]+", "a", s)


def given_key(script, g):
    if script == "korean":
        return coarse(rr_word(g))
    if script == "chinese":
        return coarse(g[1])
    if script in ("arabic", "persian"):
        return coarse(g[0])
    if script == "cyrillic-ua":
        return coarse(ru_latin(g[1], "bgn"))
    return coarse(ru_latin(g, "bgn"))


def far_apart(script, given, other, same_family_givens):
    ko = given_key(script, other)
    for g in same_family_givens:
        kg = given_key(script, g)
        if kg == ko or kg.startswith(ko) or ko.startswith(kg):
            return False
    return True


if __name__ == "__main__":
    main()
