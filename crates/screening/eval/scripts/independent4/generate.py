#!/usr/bin/env python3
"""A fourth independent multi-script evaluation set for the screening matcher.

Same shape as eval/scripts/independent*/ (so `eval_scripts independent4` reads it):
list_latin.jsonl (one romanization, "FAMILY, Given"), list_orig.jsonl (the same entries with
the original-script name as an alias) and queries.jsonl (listed persons written other ways, and
same-culture namesakes that are not listed). Name tables are new (check_overlap.py compares them
with the older generators' tables); the romanizers are written here from the published schemes
and the spelling habits of documents and the press. README.md beside this file lists the
schemes, the habits and the counts.

Run: python3 generate.py (rewrites the three .jsonl files beside it; fixed seed, standard
library only).
"""
import json
import random
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261209


def cap(s):
    return s[:1].upper() + s[1:]


def strip_marks(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


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


# South Korean surnames and their customary passport spelling
KO_SOUTH_SURNAMES = [
    ("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"),
    ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"), ("한", "Han"), ("오", "Oh"),
    ("서", "Seo"), ("신", "Shin"), ("권", "Kwon"), ("황", "Hwang"), ("안", "Ahn"), ("송", "Song"),
    ("전", "Jeon"), ("홍", "Hong"), ("유", "Yoo"), ("고", "Ko"), ("문", "Moon"), ("양", "Yang"),
    ("손", "Son"), ("배", "Bae"), ("백", "Baek"), ("허", "Heo"), ("남", "Nam"), ("심", "Shim"),
    ("노", "Noh"), ("하", "Ha"), ("곽", "Kwak"), ("성", "Sung"), ("차", "Cha"), ("주", "Joo"),
    ("우", "Woo"), ("구", "Koo"), ("민", "Min"), ("나", "Na"), ("진", "Jin"), ("엄", "Um"),
    ("채", "Chae"), ("원", "Won"), ("방", "Bang"), ("공", "Kong"), ("현", "Hyun"), ("함", "Ham"),
    ("변", "Byun"), ("염", "Yeom"), ("추", "Choo"), ("도", "Do"), ("석", "Suk"),
    ("선우", "Sunwoo"), ("남궁", "Namkoong"), ("황보", "Hwangbo"), ("제갈", "Jegal"),
    ("독고", "Dokko"), ("사공", "Sakong"),
]
# surnames as the DPRK writes them (an initial ㄹ kept: 리 for the South's 이, 림, 류, 로, 량 ...)
KO_NORTH_SURNAMES = [
    "김", "리", "박", "최", "정", "강", "조", "윤", "장", "림", "한", "오", "서", "신", "권", "황",
    "안", "송", "전", "홍", "류", "고", "문", "량", "손", "배", "백", "허", "남", "심", "로", "하",
    "곽", "성", "차", "주", "우", "구", "라", "렴", "려", "태", "계", "현", "방", "명", "지",
]
# given names: South Korean (common names of several generations) and North Korean
KO_GIVEN_SOUTH = [
    "성훈", "영수", "정희", "경숙", "준호", "동욱", "재훈", "현우", "지훈", "민준", "서준", "도현",
    "주원", "시윤", "승우", "준혁", "지환", "성현", "재원", "서윤", "나연", "민서", "하윤", "채윤",
    "수아", "예은", "수빈", "혜원", "소영", "미진",
]
KO_GIVEN_NORTH = [
    "철웅", "광혁", "철호", "성일", "룡해", "명국", "원석", "창선", "영림", "정남", "선권", "수길",
    "태성", "금철", "혁철", "광일", "영식", "창복", "경일", "진혁", "련화", "춘희", "옥주", "명옥",
    "금숙", "향미", "은심", "청일", "룡남", "동훈",
]


def korean_south(sur, passport, given):
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
        (f"{passport} {cap(pp[0])}-{'-'.join(pp[1:])}", "press-hyphen"),
        (f"{cap(''.join(rr))} {rr_s}", "rr-reordered"),
    ]
    return listed, sur + given, forms


def korean_north(sur, given):
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


# traditional -> simplified for the characters of the tables (the others are the same)
T2S = dict(pair for pair in """
陳陈 張张 黃黄 劉刘 鄭郑 吳吴 葉叶 羅罗 鄧邓 馮冯 盧卢 麥麦 譚谭 許许 謝谢 鍾钟 區区 關关 歐欧 陽阳
湯汤 蘇苏 蕭萧 莊庄 呂吕 簡简 顏颜 趙赵 錢钱 孫孙 楊杨 韓韩 馬马 蔣蒋 單单 車车 賴赖
偉伟 詠咏 詩诗 錦锦 輝辉 儀仪 寶宝 麗丽 蓮莲 華华 潤润 發发 國国 榮荣 鵬鹏 綺绮 錫锡 堅坚 彥彦
龍龙 衛卫 東东 紅红 蘭兰 強强 慶庆 軒轩 諾诺 遠远 飛飞
""".split())
S2T = {s: t for t, s in T2S.items() if s != t}


def to_simplified(s):
    return "".join(T2S.get(c, c) for c in s)


def to_traditional(s):
    return "".join(S2T.get(c, c) for c in s)


# Mainland persons: surname (simplified), its pinyin (the surname reading)
ZH_MAINLAND_SURNAMES = [
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
    ("赵", "zhao"), ("黄", "huang"), ("周", "zhou"), ("吴", "wu"), ("孙", "sun"), ("胡", "hu"),
    ("朱", "zhu"), ("高", "gao"), ("郭", "guo"), ("马", "ma"), ("罗", "luo"), ("宋", "song"),
    ("郑", "zheng"), ("谢", "xie"), ("韩", "han"), ("唐", "tang"), ("冯", "feng"), ("董", "dong"),
    ("程", "cheng"), ("曹", "cao"), ("袁", "yuan"), ("邓", "deng"), ("许", "xu"), ("曾", "zeng"),
    ("吕", "lü"), ("苏", "su"), ("蒋", "jiang"), ("蔡", "cai"), ("丁", "ding"), ("魏", "wei"),
    ("薛", "xue"), ("叶", "ye"), ("钱", "qian"), ("邱", "qiu"), ("单", "shan"), ("翟", "zhai"),
    ("车", "che"), ("欧阳", "ouyang"),
]
# given names (simplified) with their pinyin syllables
ZH_MAINLAND_GIVEN = [
    ("建国", "jian guo"), ("卫东", "wei dong"), ("红梅", "hong mei"), ("秀兰", "xiu lan"),
    ("桂英", "gui ying"), ("淑珍", "shu zhen"), ("丽华", "li hua"), ("海燕", "hai yan"),
    ("志强", "zhi qiang"), ("国庆", "guo qing"), ("立新", "li xin"), ("振华", "zhen hua"),
    ("德明", "de ming"), ("子轩", "zi xuan"), ("浩然", "hao ran"), ("雨桐", "yu tong"),
    ("欣怡", "xin yi"), ("一诺", "yi nuo"), ("思远", "si yuan"), ("天佑", "tian you"),
    ("雪梅", "xue mei"), ("鹏飞", "peng fei"), ("援朝", "yuan chao"), ("建安", "jian an"),
]
# Taiwan persons: surname (traditional), pinyin, the customary Taiwan passport spelling
ZH_TAIWAN_SURNAMES = [
    ("陳", "chen", "Chen"), ("林", "lin", "Lin"), ("黃", "huang", "Huang"), ("張", "zhang", "Chang"),
    ("李", "li", "Lee"), ("王", "wang", "Wang"), ("吳", "wu", "Wu"), ("劉", "liu", "Liu"),
    ("蔡", "cai", "Tsai"), ("楊", "yang", "Yang"), ("許", "xu", "Hsu"), ("鄭", "zheng", "Cheng"),
    ("謝", "xie", "Hsieh"), ("郭", "guo", "Kuo"), ("洪", "hong", "Hung"), ("邱", "qiu", "Chiu"),
    ("曾", "zeng", "Tseng"), ("廖", "liao", "Liao"), ("賴", "lai", "Lai"), ("周", "zhou", "Chou"),
    ("莊", "zhuang", "Chuang"), ("呂", "lü", "Lu"), ("蕭", "xiao", "Hsiao"), ("簡", "jian", "Chien"),
    ("顏", "yan", "Yen"), ("詹", "zhan", "Chan"), ("施", "shi", "Shih"), ("柯", "ke", "Ko"),
]
ZH_TAIWAN_GIVEN = [
    ("家豪", "jia hao"), ("雅婷", "ya ting"), ("怡君", "yi jun"), ("宗翰", "zong han"),
    ("冠宇", "guan yu"), ("承恩", "cheng en"), ("柏翰", "bo han"), ("彥廷", "yan ting"),
    ("俊宏", "jun hong"), ("淑惠", "shu hui"), ("佩君", "pei jun"), ("文雄", "wen xiong"),
    ("耀宗", "yao zong"), ("金龍", "jin long"), ("麗珠", "li zhu"), ("明哲", "ming zhe"),
    ("宜蓁", "yi zhen"), ("品妤", "pin yu"), ("詩涵", "shi han"),
]
# Hong Kong persons: surname (traditional), the Hong Kong government's (Cantonese) spelling,
# pinyin
ZH_HK_SURNAMES = [
    ("陳", "Chan", "chen"), ("李", "Lee", "li"), ("張", "Cheung", "zhang"), ("黃", "Wong", "huang"),
    ("何", "Ho", "he"), ("梁", "Leung", "liang"), ("林", "Lam", "lin"), ("劉", "Lau", "liu"),
    ("鄭", "Cheng", "zheng"), ("吳", "Ng", "wu"), ("蔡", "Choi", "cai"), ("葉", "Yip", "ye"),
    ("曾", "Tsang", "zeng"), ("羅", "Law", "luo"), ("鄧", "Tang", "deng"), ("周", "Chow", "zhou"),
    ("馮", "Fung", "feng"), ("盧", "Lo", "lu"), ("麥", "Mak", "mai"), ("莫", "Mok", "mo"),
    ("譚", "Tam", "tan"), ("許", "Hui", "xu"), ("謝", "Tse", "xie"), ("鍾", "Chung", "zhong"),
    ("區", "Au", "ou"), ("岑", "Shum", "cen"), ("關", "Kwan", "guan"), ("歐陽", "Au-Yeung", "ouyang"),
    ("司徒", "Szeto", "situ"), ("湯", "Tong", "tang"),
]
# given names (traditional), Cantonese syllables (Hong Kong spelling), pinyin syllables
ZH_HK_GIVEN = [
    ("家明", "ka ming", "jia ming"), ("偉文", "wai man", "wei wen"), ("嘉欣", "ka yan", "jia xin"),
    ("詠詩", "wing sze", "yong shi"), ("錦輝", "kam fai", "jin hui"), ("永康", "wing hong", "yong kang"),
    ("子健", "tsz kin", "zi jian"), ("淑儀", "suk yee", "shu yi"), ("寶珠", "po chu", "bao zhu"),
    ("麗珍", "lai chun", "li zhen"), ("翠芬", "chui fun", "cui fen"), ("月娥", "yuet ngor", "yue e"),
    ("德華", "tak wah", "de hua"), ("潤發", "yun fat", "run fa"), ("朝偉", "chiu wai", "chao wei"),
    ("國榮", "kwok wing", "guo rong"), ("展鵬", "chin pang", "zhan peng"),
    ("綺玲", "yee ling", "qi ling"), ("碧霞", "pik ha", "bi xia"), ("錫堅", "sek kin", "xi jian"),
]


def zh_surname_syllables(py):
    for a in ("ou", "si"):
        if py.startswith(a) and py != a and len(py) > len(a) + 1:
            return [a, py[len(a):]]
    return [py]


def py_cap(syls):
    return cap(pinyin_join(syls))


def zh_mainland(sur, sur_py, given, given_py):
    g = given_py.split()
    s = zh_surname_syllables(sur_py)
    py_s = "Lyu" if sur_py == "lü" else py_cap(s)  # PRC passports write ü as yu after l, n
    py_g = py_cap(g)
    wg_s = cap("-".join(wade_giles(x) for x in s))
    wg_g = cap("-".join(wade_giles(x) for x in g))
    listed = f"{py_s.upper()}, {py_g}"
    forms = [
        (sur + given, "original-script"),
        (to_traditional(sur + given), "original-script-traditional"),
        (f"{py_g} {py_s}", "pinyin-western-order"),
        (f"{py_s} {' '.join(cap(x) for x in g)}", "pinyin-split"),
        (f"{py_s} {cap(g[0])}-{'-'.join(g[1:])}", "pinyin-hyphen"),
        (f"{py_s.upper()} {pinyin_join(g).replace(chr(39), '').upper()}", "passport-caps"),
        (f"{wg_s} {wg_g}", "wade-giles"),
        (f"{wg_plain(wg_s).replace('-', '')} {wg_plain(wg_g)}", "wade-giles-plain"),
    ]
    return listed, sur + given, forms


def taiwan_given_syllable(syl):
    """Wade-Giles without marks, as Taiwan passports write it (yi, not i, for 怡, 宜 ...)."""
    w = wg_plain(wade_giles(syl))
    return {"i": "yi", "erh": "erh"}.get(w, w)


def zh_taiwan(sur, sur_py, tw, given, given_py):
    g = given_py.split()
    tw_g = [taiwan_given_syllable(x) for x in g]
    listed = f"{tw.upper()}, {cap(tw_g[0])}-{'-'.join(tw_g[1:])}"
    wg_s = cap("-".join(wade_giles(x) for x in zh_surname_syllables(sur_py)))
    forms = [
        (sur + given, "original-script"),
        (to_simplified(sur + given), "original-script-simplified"),
        (f"{'Lyu' if sur_py == 'lü' else py_cap(zh_surname_syllables(sur_py))} {py_cap(g)}",
         "pinyin"),
        (f"{wg_s} {cap('-'.join(wade_giles(x) for x in g))}", "wade-giles"),
        (f"{cap(''.join(tongyong(x) for x in zh_surname_syllables(sur_py)))} "
         f"{cap('-'.join(tongyong(x) for x in g))}", "tongyong"),
        (f"{tw} {cap(''.join(tw_g))}", "taiwan-passport-joined"),
        (f"{'-'.join(cap(x) for x in tw_g)} {tw}", "taiwan-western-order"),
        (f"{tw.upper()} {' '.join(tw_g).upper()}", "taiwan-caps-spaced"),
    ]
    return listed, sur + given, forms


def zh_hk(sur, hk, sur_py, given, given_yue, given_py):
    y = given_yue.split()
    g = given_py.split()
    listed = f"{hk.upper()}, {cap(y[0])}-{'-'.join(y[1:])}"
    forms = [
        (sur + given, "original-script"),
        (to_simplified(sur + given), "original-script-simplified"),
        (f"{py_cap(zh_surname_syllables(sur_py))} {py_cap(g)}", "pinyin-mandarin-reading"),
        (f"{hk} {cap(''.join(y))}", "cantonese-joined"),
        (f"{hk} {' '.join(cap(x) for x in y)}", "cantonese-spaced"),
        (f"{cap(y[0])}-{'-'.join(y[1:])} {hk}", "cantonese-western-order"),
        (f"{hk.upper()} {' '.join(y).upper()}", "hkid-caps"),
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
            elif scheme == "egypt":
                if u == "i" and not iya:
                    r = "e"
                if u == "ii" and first:
                    r = "e"
                if u == "u":
                    r = "o"
                if u == "uu":
                    r = "ou"
                if u == "ii" and nxt is None:
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
                                                                      "iraqi"):
                r = "aa"  # Alaa, Asmaa, Wafaa
            out.append(r)
            continue
        r = cons[u]
        if scheme == "turkish" and u == "gh" and k == 0:
            r = "g"
        if u == "3" and prev is not None and scheme in ("gulf", "levant", "egypt", "iraqi"):
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
                "gulf", "levant", "egypt", "maghreb", "iraqi"):
            r = ""  # -iya: Nadia; Maghreb -iya-: Boudiaf
        elif u == "y" and prev == "i" and nxt == "y" and scheme in (
                "gulf", "levant", "egypt", "maghreb", "iraqi"):
            r = ""  # -iyy-: Haniyeh
        elif scheme in ("gulf", "iraqi", "levant", "egypt", "indonesian", "maghreb") \
                and u == "y" and prev == "a" and nxt not in AR_VOWELS and nxt != "y":
            r = "i"
            if scheme == "egypt":
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
        if scheme in ("maghreb", "levant") and u == "s" and prev in AR_VOWELS \
                and nxt in AR_VOWELS:
            r = "ss"
        # a doubled letter written as a digraph is written once in the schemes that join
        if prev == u and len(r) > 1 and scheme in ("maghreb", "egypt"):
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
    if scheme == "egypt":
        return f"{cap(x)} Eldin"
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


# given names: (notation, Arabic script, sex)
AR_GIVEN = [
    ("'anas", "أنس", "m"), ("haytham", "هيثم", "m"), ("'idriis", "إدريس", "m"),
    ("Haatim", "حاتم", "m"), ("faadii", "فادي", "m"), ("fu'aad", "فؤاد", "m"),
    ("raamii", "رامي", "m"), ("raa'id", "رائد", "m"), ("shaadii", "شادي", "m"),
    ("waa'il", "وائل", "m"), ("yaHyaa", "يحيى", "m"), ("'amjad", "أمجد", "m"),
    ("'ashraf", "أشرف", "m"), ("3aaTif", "عاطف", "m"), ("'ayyuub", "أيوب", "m"),
    ("faaris", "فارس", "m"), ("fatHii", "فتحي", "m"), ("fawzii", "فوزي", "m"),
    ("Haarith", "حارث", "m"), ("Husaam", "حسام", "m"), ("'iihaab", "إيهاب", "m"),
    ("'iyaad", "إياد", "m"), ("jihaad", "جهاد", "m"), ("kaaZim", "كاظم", "m"),
    ("maahir", "ماهر", "m"), ("maazin", "مازن", "m"), ("nadiim", "نديم", "m"),
    ("nawwaaf", "نواف", "m"), ("niDaal", "نضال", "m"), ("riDwaan", "رضوان", "m"),
    ("sayf", "سيف", "m"), ("shafiiq", "شفيق", "m"), ("suhayl", "سهيل", "m"),
    ("wasiim", "وسيم", "m"), ("yaziid", "يزيد", "m"), ("3adnaan", "عدنان", "m"),
    ("'akram", "أكرم", "m"), ("baasim", "باسم", "m"), ("Hamdii", "حمدي", "m"),
    ("'ilyaas", "إلياس", "m"), ("khalfaan", "خلفان", "m"), ("qays", "قيس", "m"),
    ("salmaan", "سلمان", "m"), ("yaasiin", "ياسين", "m"),
    ("SalaaH al-diin", "صلاح الدين", "m"), ("nuur al-diin", "نور الدين", "m"),
    ("3izz al-diin", "عز الدين", "m"), ("3alaa' al-diin", "علاء الدين", "m"),
    ("kamaal al-diin", "كمال الدين", "m"), ("shams al-diin", "شمس الدين", "m"),
    ("naSr al-diin", "نصر الدين", "m"), ("badr al-diin", "بدر الدين", "m"),
    ("3abd al-laTiif", "عبد اللطيف", "m"), ("3abd al-qaadir", "عبد القادر", "m"),
    ("3abd al-Hakiim", "عبد الحكيم", "m"), ("3abd al-salaam", "عبد السلام", "m"),
    ("3abd al-malik", "عبد الملك", "m"), ("3abd al-fattaaH", "عبد الفتاح", "m"),
    ("3abd al-raHiim", "عبد الرحيم", "m"), ("3abd al-Haliim", "عبد الحليم", "m"),
    ("3abd al-ghanii", "عبد الغني", "m"), ("3abd al-ra'uuf", "عبد الرؤوف", "m"),
    ("3abd al-sattaar", "عبد الستار", "m"),
    ("'amal", "أمل", "f"), ("ranaa", "رنا", "f"), ("samiir@", "سميرة", "f"),
    ("naadiy@", "نادية", "f"), ("rashaa", "رشا", "f"), ("munaa", "منى", "f"),
    ("Hanaan", "حنان", "f"), ("'iimaan", "إيمان", "f"), ("'asmaa'", "أسماء", "f"),
    ("sanaa'", "سناء", "f"), ("dalaal", "دلال", "f"), ("lubnaa", "لبنى", "f"),
    ("ghaad@", "غادة", "f"), ("haal@", "هالة", "f"), ("su3aad", "سعاد", "f"),
    ("wafaa'", "وفاء", "f"), ("fadwaa", "فدوى", "f"),
]
# family names by region: (notation, Arabic script)
AR_FAMILY = {
    "gulf": [
        ("al-mazruu3ii", "المزروعي"), ("al-falaasii", "الفلاسي"), ("al-kitbii", "الكتبي"),
        ("al-shiHHii", "الشحي"), ("al-naqbii", "النقبي"), ("al-haajirii", "الهاجري"),
        ("al-shahraanii", "الشهراني"), ("al-3asiirii", "العسيري"), ("al-rashiidii", "الرشيدي"),
        ("al-rumaythii", "الرميثي"), ("al-sulayTii", "السليطي"), ("al-Hammaadii", "الحمادي"),
        ("al-Haarithii", "الحارثي"),
    ],
    "levant": [
        ("makhluuf", "مخلوف"), ("shaaliish", "شاليش"), ("mamluuk", "مملوك"), ("khaddaam", "خدام"),
        ("ma3luuf", "معلوف"), ("ghazaal@", "غزالة"), ("Haydar", "حيدر"), ("Saliibaa", "صليبا"),
        ("bayTaar", "بيطار"), ("al-Halabii", "الحلبي"), ("al-Huuraanii", "الحوراني"),
        ("al-Safadii", "الصفدي"), ("al-Taraawn@", "الطراونة"), ("al-majaalii", "المجالي"),
        ("3ubaydaat", "عبيدات"), ("al-barghuuthii", "البرغوثي"),
    ],
    "iraq": [
        ("al-rubay3ii", "الربيعي"), ("al-khaz3alii", "الخزعلي"), ("al-fayyaaD", "الفياض"),
        ("al-3aamirii", "العامري"), ("al-janaabii", "الجنابي"), ("al-3azzaawii", "العزاوي"),
        ("al-bayaatii", "البياتي"), ("al-'asadii", "الأسدي"), ("al-saa3idii", "الساعدي"),
        ("al-khafaajii", "الخفاجي"), ("al-Halbuusii", "الحلبوسي"), ("al-karbuulii", "الكربولي"),
        ("al-3iisaawii", "العيساوي"),
    ],
    "egypt": [
        ("maHfuuZ", "محفوظ"), ("fahmii", "فهمي"), ("badawii", "بدوي"), ("mabruuk", "مبروك"),
        ("qandiil", "قنديل"), ("haykal", "هيكل"), ("sharaf", "شرف"), ("mursii", "مرسي"),
        ("Hilmii", "حلمي"), ("ramaDaan", "رمضان"), ("salaam@", "سلامة"), ("3aashuur", "عاشور"),
        ("khaTTaab", "خطاب"), ("zaghluul", "زغلول"), ("Hasanayn", "حسنين"),
        ("al-baltaajii", "البلتاجي"), ("al-3iryaan", "العريان"),
    ],
    "maghreb": [
        ("al-3alawii", "العلوي"), ("al-taazii", "التازي"), ("al-ghannuushii", "الغنوشي"),
        ("al-jibaalii", "الجبالي"), ("al-marzuuqii", "المرزوقي"), ("al-sanuusii", "السنوسي"),
        ("buu Diyaaf", "بوضياف"), ("mizwaar", "مزوار"), ("bilHaajj", "بلحاج"),
        ("buu shaarib", "بوشارب"), ("bil3iid", "بلعيد"), ("bin fliis", "بن فليس"),
        ("bin yaHyaa", "بن يحيى"), ("la3maamr@", "لعمامرة"), ("bilqaasim", "بلقاسم"),
    ],
}
AR_EASTERN_ONLY = {"khalfaan", "nawwaaf"}
AR_REGION_FORMS = {
    "gulf": ("gulf-passport", "gulf-press-bin"),
    "levant": ("levantine", "turkish"),
    "iraq": ("iraqi", "turkish"),
    "egypt": ("egyptian",),
    "maghreb": ("maghreb-french",),
}


def ar_parts(parts, scheme):
    """Renders name parts [(notation, is_family)] in a scheme and joins them."""
    return " ".join(ar_name(p, scheme, family=fam) for p, fam in parts)


def ar_plain_letters(s):
    """Arabic as often typed: hamza seats as bare alif, ى as ي, ة as ه."""
    return s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"}))


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
    forms = [
        (orig, "original-script", True),
        (ar_plain_letters(orig), "original-script-plain-letters", True),
        (f"{ga} {sa}", "original-script-short", False),
        (ar_parts(short, "bgn"), "shortened", False),
        (f"{cap(bgn_s)} {ar_name(gp, 'bgn')}", "reordered", False),
        (ar_parts(full, "indonesian"), "indonesian-press", True),
    ]
    if sp.startswith("al-"):
        forms.append((f"{ar_name(gp, 'bgn')} {cap(bgn_s[3:])}", "article-dropped", False))
        if ar_units(sp[3:])[0] in AR_SUN:
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
        elif form == "maghreb-french":
            forms.append((ar_parts(short, "maghreb"), form, False))
        elif form == "turkish":
            forms.append((ar_parts(short, "turkish"), form, False))
    out = [(q, f) for q, f, has_father in forms if with_father or not has_father]
    return listed, orig, out


# =============================================================================================
# Persian
# =============================================================================================
# Notation: short vowels a e o, long aa i u, diphthongs ey ow; consonants b p t s j ch H(ح) kh d
# z r zh sh S(ص) Z(ذ ض ظ) T(ط) 3(ع) '(ء) gh(غ) q(ق) f k g l m n v h y; @ a silent final ه after
# e; "-" the boundary inside a compound name (محمدرضا: mohammad-rezaa); "_" keeps two letters
# from reading as a digraph.
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


FA_BASE = {"aa": "a", "H": "h", "S": "s", "Z": "z", "T": "t", "3": "", "'": "", "@": "h"}
FA_SCHEMES = {
    # BGN/PCGN (1958) without its diacritics, as lists print it
    "bgn": {},
    # Iranian English-language press: gh for ق as for غ, ou, ei, ss between vowels
    "press": {"q": "gh", "u": "ou", "ey": "ei", "ow": "ou"},
    # Iranian passports: gh, oo, ey, compounds and double family names joined
    "passport": {"q": "gh", "u": "oo", "ey": "ei", "ow": "o"},
    # German press: sch, tsch, dsch, ch, s for z, w, j for y
    "german": {"q": "gh", "sh": "sch", "ch": "tsch", "j": "dsch", "kh": "ch", "zh": "sch",
               "z": "s", "Z": "s", "v": "w", "y": "j", "ey": "ei", "ow": "ou"},
    # French press: ch, tch, dj, j for zh, ou
    "french": {"q": "gh", "sh": "ch", "ch": "tch", "j": "dj", "zh": "j", "u": "ou", "ey": "ei",
               "ow": "ou"},
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
    """One name (a given name, possibly compound, or one family-name word)."""
    parts = [fa_part(p, scheme) for p in word.split("-")]
    if scheme == "bgn":
        return " ".join(cap(p) for p in parts)
    if scheme in ("press", "passport"):
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
             "french": "Seyed"}

# given names: (notation, Persian script)
FA_GIVEN = [
    ("3ali-rezaa", "علیرضا"), ("mohammad-rezaa", "محمدرضا"), ("Hamid-rezaa", "حمیدرضا"),
    ("amir-Hoseyn", "امیرحسین"), ("mohammad-javaad", "محمدجواد"), ("3abdol-rezaa", "عبدالرضا"),
    ("abol-qaasem", "ابوالقاسم"), ("3ali-akbar", "علی‌اکبر"), ("amin", "امین"), ("eHsaan", "احسان"),
    ("puyaa", "پویا"), ("aarmaan", "آرمان"), ("sinaa", "سینا"), ("paarsaa", "پارسا"),
    ("mehraan", "مهران"), ("farzaad", "فرزاد"), ("nimaa", "نیما"), ("kiyaan", "کیان"),
    ("sorush", "سروش"), ("behnaam", "بهنام"), ("navid", "نوید"), ("Hojjat", "حجت"),
    ("pezhmaan", "پژمان"), ("humaan", "هومن"), ("bahman", "بهمن"), ("afshin", "افشین"),
    ("Heshmat", "حشمت"), ("saamaan", "سامان"), ("rostam", "رستم"), ("Saadeq", "صادق"),
    ("ma3sume@", "معصومه"), ("zahraa", "زهرا"), ("faateme@", "فاطمه"), ("narges", "نرگس"),
    ("sakine@", "سکینه"), ("roqayye@", "رقیه"), ("somayye@", "سمیه"), ("elhaam", "الهام"),
    ("minaa", "مینا"), ("shahlaa", "شهلا"), ("parvaane@", "پروانه"), ("mahnaaz", "مهناز"),
    ("mozhgaan", "مژگان"), ("zhaale@", "ژاله"), ("zohre@", "زهره"), ("marZiye@", "مرضیه"),
    ("Taahere@", "طاهره"),
]
# family names: (notation, Persian script); a space separates the words of a double name
FA_FAMILY = [
    ("rastegaar", "رستگار"), ("zamaani", "زمانی"), ("raHmaani", "رحمانی"), ("soltaani", "سلطانی"),
    ("salimi", "سلیمی"), ("kamaali", "کمالی"), ("3abbaasi", "عباسی"), ("jalaali", "جلالی"),
    ("Habibi", "حبیبی"), ("amini", "امینی"), ("3alavi", "علوی"), ("naZari", "نظری"),
    ("Safari", "صفری"), ("kiyaani", "کیانی"), ("yusefi", "یوسفی"), ("khosravi", "خسروی"),
    ("nik-pur", "نیک‌پور"), ("raHim-pur", "رحیم‌پور"), ("ardakaani", "اردکانی"),
    ("mashhadi", "مشهدی"), ("3araaqchi", "عراقچی"), ("Zarif", "ظریف"), ("rowHaani", "روحانی"),
    ("ra'isi", "رئیسی"), ("jalili", "جلیلی"), ("vaHidi", "وحیدی"), ("moHseni", "محسنی"),
    ("eslaami", "اسلامی"), ("beheshti", "بهشتی"), ("Safavi", "صفوی"), ("mokhber", "مخبر"),
    ("dehqaani", "دهقانی"), ("firuz-aabaadi", "فیروزآبادی"), ("Haaji-zaade@", "حاجی‌زاده"),
    ("naqdi", "نقدی"), ("kaaZem-zaade@", "کاظم‌زاده"), ("sharif-zaade@", "شریف‌زاده"),
    ("shahbaazi", "شهبازی"), ("khodaadaadi", "خدادادی"), ("yazdaan-panaah", "یزدان‌پناه"),
    ("mahdavi", "مهدوی"), ("sohraabi", "سهرابی"), ("nik-nezhaad", "نیک‌نژاد"),
    ("mahdavi kani", "مهدوی کنی"), ("mesbaaH yazdi", "مصباح یزدی"),
]


def fa_arabic_letters(s):
    """Persian as often typed on an Arabic keyboard: ي for ی, ك for ک, a space for the
    zero-width non-joiner."""
    return s.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


def persian_person(given, family, seyyed):
    gp, ga = given
    sp, sa = family
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
          "я": "ya"}
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
    return cap(s)


# male given names with the patronymics they give (a son's, a daughter's)
RU_MALE = [
    ("Антон", "Антонович", "Антоновна"), ("Егор", "Егорович", "Егоровна"),
    ("Данила", "Данилович", "Даниловна"), ("Демид", "Демидович", "Демидовна"),
    ("Вениамин", "Вениаминович", "Вениаминовна"), ("Иннокентий", "Иннокентьевич", "Иннокентьевна"),
    ("Артур", "Артурович", "Артуровна"), ("Альберт", "Альбертович", "Альбертовна"),
    ("Марат", "Маратович", "Маратовна"), ("Эмиль", "Эмильевич", "Эмильевна"),
    ("Владлен", "Владленович", "Владленовна"), ("Феликс", "Феликсович", "Феликсовна"),
    ("Юлий", "Юльевич", "Юльевна"), ("Пётр", "Петрович", "Петровна"),
    ("Лука", "Лукич", "Лукинична"), ("Модест", "Модестович", "Модестовна"),
    ("Аристарх", "Аристархович", "Аристарховна"), ("Никодим", "Никодимович", "Никодимовна"),
    ("Елизар", "Елизарович", "Елизаровна"), ("Валериан", "Валерианович", "Валериановна"),
    ("Викентий", "Викентьевич", "Викентьевна"), ("Бронислав", "Брониславович", "Брониславовна"),
    ("Артемий", "Артемьевич", "Артемьевна"), ("Эрик", "Эрикович", "Эриковна"),
    ("Эльдар", "Эльдарович", "Эльдаровна"), ("Евдоким", "Евдокимович", "Евдокимовна"),
]
RU_FEMALE = ["Алина", "Полина", "Софья", "Яна", "Вероника", "Алиса", "Диана", "Валерия",
             "Карина", "Арина", "Тамара", "Зоя", "Маргарита", "Лилия", "Регина", "Элла", "Лада",
             "Кира"]
# family names (men's form)
RU_FAMILY = [
    "Фомин", "Беляков", "Третьяков", "Анисимов", "Гаврилов", "Дорофеев", "Кондратьев",
    "Мартынов", "Савельев", "Царёв", "Шилов", "Марков", "Бортников", "Уткин", "Золотов",
    "Сурков", "Песков", "Чемезов", "Мишустин", "Кудрин", "Потанин", "Гурьев", "Васнецов",
    "Жильцов", "Расторгуев", "Тюрин", "Шмелёв", "Стрелков", "Сухов", "Холодов", "Агафонов",
    "Бочкарёв", "Чистяков", "Зверев", "Свиридов", "Дьяков", "Субботин", "Быстров", "Селезнёв",
    "Артёмов", "Пугачёв", "Белых", "Долгих", "Донской", "Полевой", "Ковалевский", "Садовский",
    "Покровский", "Преображенский", "Воскресенский",
]


def ru_female_family(f):
    if f.endswith(("ский", "цкий")):
        return f[:-2] + "ая"
    if f.endswith("ой"):
        return f[:-2] + "ая"
    if f.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return f + "а"
    return f


def ru_yo_as_e(s):
    return s.replace("ё", "е").replace("Ё", "Е")


def russian_person(given, patronymic, family):
    orig = f"{family} {given} {patronymic}"

    def r(w, sc, kind):
        return ru_latin(w, sc, kind)

    listed = f"{r(family, 'bgn', 'family').upper()}, {r(given, 'bgn', 'given')} " \
             f"{r(patronymic, 'bgn', 'patronymic')}"
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
               "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": ""}
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
            return cap(ua_latin(m.group(1), scheme).lower() + end)
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
    return cap(s)


# given names: Ukrainian, the Russian form of the name, sex
UA_GIVEN = [
    ("Костянтин", "Константин", "m"), ("Георгій", "Георгий", "m"), ("Валерій", "Валерий", "m"),
    ("Йосип", "Иосиф", "m"), ("Геннадій", "Геннадий", "m"), ("Арсен", "Арсен", "m"),
    ("Мар'ян", "Марьян", "m"), ("Олесь", "Олесь", "m"), ("Федір", "Фёдор", "m"),
    ("Антін", "Антон", "m"), ("Матвій", "Матвей", "m"), ("Микита", "Никита", "m"),
    ("Єгор", "Егор", "m"), ("Гліб", "Глеб", "m"), ("Влас", "Влас", "m"),
    ("Світлана", "Светлана", "f"), ("Катерина", "Екатерина", "f"), ("Лариса", "Лариса", "f"),
    ("Вікторія", "Виктория", "f"), ("Анастасія", "Анастасия", "f"), ("Дарина", "Дарина", "f"),
    ("Інна", "Инна", "f"), ("Алла", "Алла", "f"), ("Раїса", "Раиса", "f"),
    ("Євгенія", "Евгения", "f"), ("Богдана", "Богдана", "f"), ("Антоніна", "Антонина", "f"),
    ("Ніна", "Нина", "f"), ("Олександра", "Александра", "f"), ("Ангеліна", "Ангелина", "f"),
    ("Віталіна", "Виталина", "f"), ("Єва", "Ева", "f"), ("Ілона", "Илона", "f"),
    ("Олеся", "Олеся", "f"),
]
# fathers' names and the patronymics they give: Ukrainian (son, daughter), Russian (son, daughter)
UA_PATRONYMICS = [
    ("Олександрович", "Олександрівна", "Александрович", "Александровна"),
    ("Петрович", "Петрівна", "Петрович", "Петровна"),
    ("Іванович", "Іванівна", "Иванович", "Ивановна"),
    ("Миколайович", "Миколаївна", "Николаевич", "Николаевна"),
    ("Степанович", "Степанівна", "Степанович", "Степановна"),
    ("Михайлович", "Михайлівна", "Михайлович", "Михайловна"),
    ("Васильович", "Василівна", "Васильевич", "Васильевна"),
    ("Юрійович", "Юріївна", "Юрьевич", "Юрьевна"),
    ("Володимирович", "Володимирівна", "Владимирович", "Владимировна"),
    ("Богданович", "Богданівна", "Богданович", "Богдановна"),
    ("Сергійович", "Сергіївна", "Сергеевич", "Сергеевна"),
    ("Андрійович", "Андріївна", "Андреевич", "Андреевна"),
    ("Вікторович", "Вікторівна", "Викторович", "Викторовна"),
    ("Григорович", "Григорівна", "Григорьевич", "Григорьевна"),
    ("Федорович", "Федорівна", "Фёдорович", "Фёдоровна"),
    ("Тарасович", "Тарасівна", "Тарасович", "Тарасовна"),
    ("Ярославович", "Ярославівна", "Ярославович", "Ярославовна"),
]
# family names (men's form): Ukrainian, Russian form
UA_FAMILY = [
    ("Зеленський", "Зеленский"), ("Кличко", "Кличко"), ("Шмигаль", "Шмыгаль"),
    ("Яценюк", "Яценюк"), ("Кулеба", "Кулеба"), ("Резніков", "Резников"),
    ("Залужний", "Залужный"), ("Сирський", "Сырский"), ("Фірташ", "Фирташ"),
    ("Коломойський", "Коломойский"), ("Пінчук", "Пинчук"), ("Тягнибок", "Тягнибок"),
    ("Турчинов", "Турчинов"), ("Клименко", "Клименко"), ("Пономаренко", "Пономаренко"),
    ("Ткачук", "Ткачук"), ("Шевчук", "Шевчук"), ("Кравець", "Кравец"),
    ("Василенко", "Василенко"), ("Петренко", "Петренко"), ("Іваненко", "Иваненко"),
    ("Федоренко", "Федоренко"), ("Симоненко", "Симоненко"), ("Назаренко", "Назаренко"),
    ("Кириленко", "Кириленко"), ("Іващенко", "Иващенко"), ("Демченко", "Демченко"),
    ("Федорчук", "Федорчук"), ("Гончар", "Гончар"), ("Колесник", "Колесник"),
    ("Грушевський", "Грушевский"), ("Винниченко", "Винниченко"), ("Терещенко", "Терещенко"),
    ("Довженко", "Довженко"), ("Хмельницький", "Хмельницкий"), ("Виговський", "Выговский"),
    ("Полуботок", "Полуботок"), ("Котляревський", "Котляревский"),
    ("Лук'яненко", "Лукьяненко"), ("Єрошенко", "Ерошенко"), ("Заїченко", "Заиченко"),
]


def ua_female_family(uk, ru):
    if uk.endswith("ий"):
        uk = uk[:-2] + "а"
    if ru.endswith(("ский", "цкий", "ый")):
        ru = ru[:-2] + "ая"
    elif ru.endswith(("ов", "ин")):
        ru = ru + "а"
    if uk.endswith(("ов", "ін")) and not uk.endswith("ій"):
        uk = uk + "а"
    return uk, ru


def ukrainian_person(given, patr, family):
    g, g_ru = given[:2]
    p, p_ru = patr
    f, f_ru = family
    orig = f"{f} {g} {p}"
    n = lambda w: ua_latin(w, "national")  # noqa: E731
    listed = f"{n(f).upper()}, {n(g)} {n(p)}"
    forms = [
        (orig, "original-script"),
        (orig.replace("'", "’"), "original-script-typographic-apostrophe"),
        (f"{n(g)} {n(f)}", "national-2010"),
        (f"{ua_latin(g, 'older')} {ua_latin(f, 'older')}", "older-press"),
        (f"{ua_latin(g, 'german')} {ua_latin(f, 'german')}", "german"),
        (f"{ua_latin(g, 'polish')} {ua_latin(f, 'polish')}", "polish"),
        (f"{ru_latin(g_ru, 'bgn')} {ru_latin(p_ru, 'bgn', 'patronymic')} "
         f"{ru_latin(f_ru, 'bgn', 'family')}", "russian-reading-patronymic"),
        (f"{ru_latin(g_ru, 'bgn')} {ru_latin(f_ru, 'bgn', 'family')}", "russian-reading"),
        (f"{g_ru} {f_ru}", "russian-original-script"),
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


class Person:
    def __init__(self, script, group, family_key, given_key, sex, given_keys, build):
        self.script = script
        self.group = group
        self.family_key = family_key
        self.given_key = given_key
        self.sex = sex
        self.given_keys = [coarse(k) for k in given_keys]
        self.build = build  # given-name record -> (listed, orig, forms) with this family
        self.listed, self.orig, self.forms = build(None)


def build_persons(rng):
    persons = []

    # Korean: South Koreans listed in passport spelling, North Koreans in the DPRK's
    south = KO_GIVEN_SOUTH[:]
    rng.shuffle(south)
    used = set()
    for given in south:
        while True:
            sur, pp = rng.choice(KO_SOUTH_SURNAMES)
            if (sur, given) not in used:
                break
        used.add((sur, given))

        def b(other, sur=sur, pp=pp, given=given):
            return korean_south(sur, pp, other or given)
        persons.append(Person("korean", "south", sur, given, None,
                              ["".join(ko_syllables(given, "rr"))], b))
    north = KO_GIVEN_NORTH[:]
    rng.shuffle(north)
    for given in north:
        while True:
            sur = rng.choice(KO_NORTH_SURNAMES)
            if (sur, given) not in used:
                break
        used.add((sur, given))

        def b(other, sur=sur, given=given):
            return korean_north(sur, other or given)
        persons.append(Person("korean", "north", sur, given, None,
                              ["".join(ko_syllables(given, "rr"))], b))

    # Chinese: mainland (pinyin), Taiwan (its passport spelling), Hong Kong (Cantonese)
    for given, gpy in rng.sample(ZH_MAINLAND_GIVEN, 24):
        sur, spy = rng.choice(ZH_MAINLAND_SURNAMES)

        def b(other, sur=sur, spy=spy, given=(given, gpy)):
            g, gp = other or given
            return zh_mainland(sur, spy, g, gp)
        persons.append(Person("chinese", "mainland", sur, given, None, [gpy],
                              b))
    for given, gpy in rng.sample(ZH_TAIWAN_GIVEN, 18):
        sur, spy, tw = rng.choice(ZH_TAIWAN_SURNAMES)

        def b(other, sur=sur, spy=spy, tw=tw, given=(given, gpy)):
            g, gp = other or given
            return zh_taiwan(sur, spy, tw, g, gp)
        persons.append(Person("chinese", "taiwan", sur, given, None, [gpy], b))
    for given, yue, gpy in rng.sample(ZH_HK_GIVEN, 18):
        sur, hk, spy = rng.choice(ZH_HK_SURNAMES)

        def b(other, sur=sur, hk=hk, spy=spy, given=(given, yue, gpy)):
            g, y, gp = other or given
            return zh_hk(sur, hk, spy, g, y, gp)
        persons.append(Person("chinese", "hong-kong", to_simplified(sur), given, None,
                              [gpy, yue], b))

    # Arabic: twelve persons of each region, each with a father's name (the Gulf names
    # Khalfan and Nawwaf only in the Gulf, Levant and Iraq)
    givens = rng.sample(AR_GIVEN, len(AR_GIVEN))
    males = [g for g in AR_GIVEN if g[2] == "m"]
    for region in ("gulf", "levant", "iraq", "egypt", "maghreb"):
        for family in rng.sample(AR_FAMILY[region], 12):
            ok = [g for g in givens if region not in ("egypt", "maghreb")
                  or g[0] not in AR_EASTERN_ONLY]
            given = ok[0]
            givens.remove(given)
            fathers = [m for m in males if m[0] != given[0] and (
                region not in ("egypt", "maghreb") or m[0] not in AR_EASTERN_ONLY)]
            father = rng.choice(fathers)

            def b(other, given=given, father=father, family=family, region=region):
                if other is None:
                    return arabic_person(given, father, family, region)
                return arabic_person(other, father, family, region, with_father=False)
            persons.append(Person("arabic", "arab", family[0], given[0], given[2],
                                  [ar_name(given[0], "bgn")], b))

    # Persian: every given name once, then again with other family names; some men Seyyed
    fa_given = [(g, "m" if i < 30 else "f") for i, g in enumerate(FA_GIVEN)]
    order = fa_given[:] + rng.sample(fa_given, 60 - len(fa_given))
    used = set()
    for given, sex in order:
        while True:
            family = rng.choice(FA_FAMILY)
            if (family[0], given[0]) not in used:
                break
        used.add((family[0], given[0]))
        seyyed = sex == "m" and rng.random() < 0.25

        def b(other, given=given, family=family, seyyed=seyyed):
            if other is None:
                return persian_person(given, family, seyyed)
            return persian_person(other, family, False)
        persons.append(Person("persian", "iran", family[0], given[0], sex,
                              [fa_word(given[0], "bgn")], b))

    # Russian: 36 men and 24 women, with patronymics; some family names twice
    fams = RU_FAMILY[:]
    rng.shuffle(fams)
    fams = fams + rng.sample(RU_FAMILY, 10)
    men = RU_MALE[:] + rng.sample(RU_MALE, 36 - len(RU_MALE))
    women = RU_FEMALE[:] + rng.sample(RU_FEMALE, 24 - len(RU_FEMALE))
    rng.shuffle(men)
    rng.shuffle(women)
    used = set()
    for k in range(60):
        fam = fams[k]
        if k % 5 in (1, 3):
            given, sex = women.pop(), "f"
            fam = ru_female_family(fam)
        else:
            given, sex = men.pop()[0], "m"
        if (fam, given) in used:
            fam = next(f for f in RU_FAMILY if (f if sex == "m" else ru_female_family(f),
                                                given) not in used)
            fam = fam if sex == "m" else ru_female_family(fam)
        used.add((fam, given))
        father = rng.choice([m for m in RU_MALE if m[0] != given])
        patr = father[1] if sex == "m" else father[2]

        def b(other, given=given, patr=patr, fam=fam):
            return russian_person(other or given, patr, fam)
        persons.append(Person("cyrillic-ru", sex, fam, given, sex,
                              [ru_latin(given, "bgn")], b))

    # Ukrainian: 30 men and 30 women, with patronymics
    fams = UA_FAMILY[:]
    rng.shuffle(fams)
    fams = fams + rng.sample(UA_FAMILY, 60 - len(fams))
    men = [g for g in UA_GIVEN if g[2] == "m"] * 2
    women = [g for g in UA_GIVEN if g[2] == "f"]
    women = women + rng.sample(women, 30 - len(women))
    rng.shuffle(men)
    rng.shuffle(women)
    used = set()
    for k in range(60):
        given = men.pop() if k % 2 == 0 else women.pop()
        fam = fams[k]
        if given[2] == "f":
            fam = ua_female_family(*fam)
        if (fam[0], given[0]) in used:
            fam = next(f for f in (ua_female_family(*x) if given[2] == "f" else x
                                   for x in UA_FAMILY) if (f[0], given[0]) not in used)
        used.add((fam[0], given[0]))
        p = rng.choice(UA_PATRONYMICS)
        patr = (p[0], p[2]) if given[2] == "m" else (p[1], p[3])

        def b(other, given=given, patr=patr, fam=fam):
            return ukrainian_person(other or given, patr, fam)
        persons.append(Person("cyrillic-ua", given[2], fam[0], given[0], given[2],
                              [ua_latin(given[0], "national"), ru_latin(given[1], "bgn")], b))
    return persons


# the original-script form of a namesake, and the Latin forms a namesake may be written in
NAMESAKE_ORIG = {"korean": "original-script", "chinese": "original-script",
                 "arabic": "original-script-short", "persian": "original-script",
                 "cyrillic-ru": "original-script-short", "cyrillic-ua": None}
NAMESAKE_SKIP = {"german", "russian-reading-patronymic", "original-script-south",
                 "original-script-traditional", "original-script-simplified"}


def main():
    rng = random.Random(SEED)
    persons = build_persons(rng)
    records = {}  # given-name records by (script, given key) for the namesake builders
    for g in ZH_MAINLAND_GIVEN + ZH_TAIWAN_GIVEN:
        records[("chinese", g[0])] = g
    for g in ZH_HK_GIVEN:
        records[("chinese", g[0])] = g
    for g in AR_GIVEN:
        records[("arabic", g[0])] = g
    for g in FA_GIVEN:
        records[("persian", g[0])] = g
    for g in UA_GIVEN:
        records[("cyrillic-ua", g[0])] = g
    for p in persons:
        if p.script in ("korean", "cyrillic-ru"):
            records[(p.script, p.given_key)] = p.given_key

    list_latin, list_orig, queries = [], [], []
    variant_texts = set()
    for n, p in enumerate(persons, 1):
        p.eid = f"F{n:04d}"
        list_latin.append(entry(p.eid, p.listed, []))
        list_orig.append(entry(p.eid, p.listed, [p.orig]))
        seen = {p.listed.lower().replace(",", "")}
        for q, form in p.forms:
            key = q.lower()
            if key in seen:
                continue
            seen.add(key)
            variant_texts.add(key)
            queries.append({"query": q, "expected_entry_id": p.eid, "kind": "variant",
                            "script": p.script, "form": form})
        variant_texts.add(p.listed.lower().replace(",", ""))

    # Same-culture namesakes, not listed: another listed person's given name with this person's
    # family name (never one whose given name is near, in any scheme, to a listed given name of
    # that family), in a Latin spelling this person's probes use and in the original script.
    listed_pairs = {(p.script, p.family_key, p.given_key) for p in persons}
    namesakes = []
    for p in persons:
        same_family = [o for o in persons if o.script == p.script and o.family_key == p.family_key]
        pool = [o for o in persons if o.script == p.script and o.group == p.group and o is not p]
        rng.shuffle(pool)
        for o in pool:
            if (p.script, p.family_key, o.given_key) in listed_pairs:
                continue
            if not all(far_apart(o.given_keys, s.given_keys) for s in same_family):
                continue
            _, _, forms = p.build(records[(p.script, o.given_key)])
            latin = [(q, f) for q, f in forms
                     if not f.startswith("original-script") and f not in NAMESAKE_SKIP
                     and "cyrillic" not in f and f != "russian-original-script"]
            latin = [(q, f) for q, f in latin if q.lower() not in variant_texts]
            if not latin:
                continue
            lq, lf = rng.choice(latin)
            if NAMESAKE_ORIG[p.script]:
                oq = dict((f, q) for q, f in forms)[NAMESAKE_ORIG[p.script]]
            else:
                oq = f"{o.given_key} {p.family_key}"
            if oq.lower() in variant_texts:
                continue
            namesakes.append((p, lq, lf, oq))
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
