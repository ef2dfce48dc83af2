#!/usr/bin/env python3
"""A multi-script evaluation set, built from name tables and romanization schemes.

Persons of Korean, Chinese, Arabic, Persian, Russian and Ukrainian names are drawn from the
tables below (original script with the spellings each scheme gives), listed twice:

* `list_latin.jsonl`: as a Latin-only list writes them (OFAC's CSV): "FAMILY, Given" in one
  romanization, no original script;
* `list_orig.jsonl`: the same entries with the original-script name as an alias (as the EU,
  UN and UK lists carry it).

Probes (`queries.jsonl`): each listed person written another way — original script, the
passport spelling, other romanizations, reordered, the given name shortened — and same-culture
namesakes (the same given name with another family name, the same family name with another
given name), which are not listed. Each probe says its `script` and `form`.

Deterministic (fixed seed): `python3 generate.py` in this folder rewrites the three files;
`python3 generate.py SEED DIR` writes another draw from the same tables into DIR (the committed
`heldout/` is seed 7, drawn after the rules were written, to check they were not fitted to one
draw; it shares the tables, so it is not a set the rules never saw).
Korean given names are romanized here by rule (Revised Romanization, McCune–Reischauer without
breves and apostrophes, the DPRK's syllable-by-syllable spelling); Chinese given names through
a pinyin -> Wade–Giles syllable converter; the other cultures carry their spellings in the tables.
"""
import json
import os
import random
import sys

R = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 20261206)
OUT = sys.argv[2] if len(sys.argv) > 2 else "."

# --- Korean -------------------------------------------------------------------------------
INI = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
MED = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]
FIN = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
MR_INI = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t", "p", "h"]
MR_VOICED = {"k": "g", "t": "d", "p": "b", "ch": "j"}
MR_MED = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"]


def jamo(c):
    s = ord(c) - 0xAC00
    return s // (21 * 28), (s // 28) % 21, s % 28


def rr(word):
    return "".join(INI[i] + MED[m] + FIN[f] for i, m, f in map(jamo, word))


def mr(word):
    out, prev_final = [], None
    for k, (i, m, f) in enumerate(map(jamo, word)):
        ini = MR_INI[i]
        # Plain stops are voiced between voiced sounds inside a given name.
        if k > 0 and ini in MR_VOICED and prev_final in ("", "n", "m", "ng", "l"):
            ini = MR_VOICED[ini]
        if k == 0 and i == 5:
            ini = "r"
        out.append(ini + MR_MED[m] + FIN[f])
        prev_final = FIN[f]
    return out


KO_SURNAMES = [  # hangul, RR, MR, DPRK, passport
    ("김", "Gim", "Kim", "Kim", "Kim"), ("이", "I", "Yi", "Ri", "Lee"), ("박", "Bak", "Pak", "Pak", "Park"),
    ("최", "Choe", "Choe", "Choe", "Choi"), ("정", "Jeong", "Chong", "Jong", "Jung"),
    ("강", "Gang", "Kang", "Kang", "Kang"), ("조", "Jo", "Cho", "Jo", "Cho"), ("윤", "Yun", "Yun", "Yun", "Yoon"),
    ("장", "Jang", "Chang", "Jang", "Jang"), ("임", "Im", "Im", "Rim", "Lim"), ("한", "Han", "Han", "Han", "Han"),
    ("오", "O", "O", "O", "Oh"), ("서", "Seo", "So", "So", "Suh"), ("신", "Sin", "Sin", "Sin", "Shin"),
    ("권", "Gwon", "Kwon", "Kwon", "Kwon"), ("황", "Hwang", "Hwang", "Hwang", "Hwang"), ("안", "An", "An", "An", "Ahn"),
    ("송", "Song", "Song", "Song", "Song"), ("류", "Ryu", "Ryu", "Ryu", "Yoo"), ("홍", "Hong", "Hong", "Hong", "Hong"),
    ("전", "Jeon", "Chon", "Jon", "Jun"), ("고", "Go", "Ko", "Ko", "Ko"), ("문", "Mun", "Mun", "Mun", "Moon"),
    ("손", "Son", "Son", "Son", "Sohn"), ("배", "Bae", "Pae", "Pae", "Bae"), ("백", "Baek", "Paek", "Paek", "Paik"),
    ("허", "Heo", "Ho", "Ho", "Huh"), ("노", "No", "No", "Ro", "Roh"), ("우", "U", "U", "U", "Woo"),
    ("남궁", "Namgung", "Namgung", "Namgung", "Namkoong"), ("황보", "Hwangbo", "Hwangbo", "Hwangbo", "Hwangbo"),
]
KO_GIVEN = [  # hangul syllable, passport spelling
    ("정", "jung"), ("은", "eun"), ("현", "hyun"), ("영", "young"), ("성", "sung"), ("경", "kyung"), ("준", "joon"),
    ("수", "soo"), ("우", "woo"), ("주", "joo"), ("진", "jin"), ("민", "min"), ("희", "hee"), ("선", "sun"),
    ("철", "chul"), ("혁", "hyuk"), ("명", "myung"), ("용", "yong"), ("호", "ho"), ("동", "dong"), ("광", "kwang"),
    ("남", "nam"), ("일", "il"), ("태", "tae"), ("상", "sang"), ("석", "suk"), ("원", "won"), ("국", "kook"),
    ("혜", "hye"), ("미", "mi"), ("봉", "bong"), ("학", "hak"), ("길", "gil"), ("룡", "ryong"), ("설", "seol"),
]


def korean_person():
    s = R.choice(KO_SURNAMES)
    g = R.sample(KO_GIVEN, 2)
    hangul_given = "".join(x[0] for x in g)
    m = mr(hangul_given)
    given_rr = rr(hangul_given)
    return {
        "orig": s[0] + hangul_given,
        "list": f"{s[2].upper()}, {m[0].capitalize()} {m[1]}",  # OFAC-style MR
        "forms": {
            "rr": f"{s[1]} {given_rr.capitalize()}",
            "mr": f"{s[2]} {m[0].capitalize()}-{m[1]}",
            "dprk": f"{s[3]} {m[0].capitalize()} {m[1].capitalize()}",
            "passport": f"{s[4].upper()} {g[0][1].upper()}{g[1][1].upper()}",
            "passport-hyphen": f"{s[4]} {g[0][1].capitalize()}-{g[1][1]}",
            "reordered": f"{given_rr.capitalize()} {s[1]}",
        },
        "given_key": hangul_given,
        "family_key": s[0],
    }


# --- Chinese ------------------------------------------------------------------------------
ZH_SURNAMES = [  # hanzi, pinyin, Wade–Giles, Hong Kong, Taiwan passport
    ("王", "Wang", "Wang", "Wong", "Wang"), ("李", "Li", "Li", "Lee", "Lee"), ("张", "Zhang", "Chang", "Cheung", "Chang"),
    ("刘", "Liu", "Liu", "Lau", "Liu"), ("陈", "Chen", "Ch'en", "Chan", "Chen"), ("杨", "Yang", "Yang", "Yeung", "Yang"),
    ("黄", "Huang", "Huang", "Wong", "Huang"), ("赵", "Zhao", "Chao", "Chiu", "Chao"), ("周", "Zhou", "Chou", "Chow", "Chou"),
    ("吴", "Wu", "Wu", "Ng", "Wu"), ("徐", "Xu", "Hsu", "Tsui", "Hsu"), ("郭", "Guo", "Kuo", "Kwok", "Kuo"),
    ("林", "Lin", "Lin", "Lam", "Lin"), ("郑", "Zheng", "Cheng", "Cheng", "Cheng"), ("谢", "Xie", "Hsieh", "Tse", "Hsieh"),
    ("曾", "Zeng", "Tseng", "Tsang", "Tseng"), ("蔡", "Cai", "Ts'ai", "Choi", "Tsai"), ("邓", "Deng", "Teng", "Tang", "Teng"),
    ("萧", "Xiao", "Hsiao", "Siu", "Hsiao"), ("蒋", "Jiang", "Chiang", "Cheung", "Chiang"), ("单", "Shan", "Shan", "Shin", "Shan"),
    ("翟", "Zhai", "Chai", "Chak", "Chai"), ("解", "Xie", "Hsieh", "Kai", "Hsieh"), ("欧阳", "Ouyang", "Ou-yang", "Auyeung", "Ouyang"),
]
ZH_GIVEN = [  # hanzi, pinyin syllable
    ("伟", "wei"), ("明", "ming"), ("国", "guo"), ("华", "hua"), ("建", "jian"), ("平", "ping"), ("志", "zhi"),
    ("强", "qiang"), ("东", "dong"), ("小", "xiao"), ("庆", "qing"), ("红", "hong"), ("军", "jun"), ("永", "yong"),
    ("忠", "zhong"), ("春", "chun"), ("学", "xue"), ("泽", "ze"), ("思", "si"), ("子", "zi"), ("荣", "rong"),
    ("晓", "xiao"), ("海", "hai"), ("金", "jin"), ("龙", "long"), ("兴", "xing"), ("文", "wen"), ("德", "de"),
    ("鹏", "peng"), ("涛", "tao"), ("光", "guang"), ("立", "li"), ("雄", "xiong"), ("贵", "gui"), ("清", "qing"),
]
WG_INI = [("zh", "ch"), ("ch", "ch'"), ("sh", "sh"), ("b", "p"), ("p", "p'"), ("d", "t"), ("t", "t'"), ("g", "k"),
          ("k", "k'"), ("j", "ch"), ("q", "ch'"), ("x", "hs"), ("z", "ts"), ("c", "ts'"), ("r", "j"), ("h", "h"),
          ("m", "m"), ("f", "f"), ("n", "n"), ("l", "l"), ("s", "s"), ("y", "y"), ("w", "w"), ("", "")]


def wade_giles(syl):
    for p, w in WG_INI:
        if syl.startswith(p):
            ini, fin = p, syl[len(p):]
            break
    special = {"zhi": "chih", "chi": "ch'ih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tz'u", "si": "ssu",
               "you": "yu", "yan": "yen", "ye": "yeh", "de": "te", "ge": "ko", "ke": "k'o", "he": "ho"}
    if syl in special:
        return special[syl]
    fin = {"ong": "ung", "iong": "iung", "ie": "ieh", "ian": "ien", "ui": "uei", "ue": "ueh"}.get(fin, fin)
    return w + fin


def chinese_person():
    s = R.choice(ZH_SURNAMES)
    g = R.sample(ZH_GIVEN, 2)
    py = [x[1] for x in g]
    wg = [wade_giles(x) for x in py]
    return {
        "orig": s[0] + "".join(x[0] for x in g),
        "list": f"{s[1].upper()}, {py[0].capitalize()}{py[1]}",
        "forms": {
            "pinyin-split": f"{s[1]} {py[0].capitalize()} {py[1].capitalize()}",
            "wade-giles": f"{s[2]} {wg[0].capitalize()}-{wg[1]}",
            "wade-giles-passport": f"{s[2].replace(chr(39), '')} {wg[0].replace(chr(39), '').capitalize()}{wg[1].replace(chr(39), '')}",
            "taiwan": f"{s[4]} {wg[0].replace(chr(39), '').capitalize()}-{wg[1].replace(chr(39), '')}",
            "hong-kong-surname": f"{s[3]} {py[0].capitalize()} {py[1].capitalize()}",
            "reordered": f"{py[0].capitalize()}{py[1]} {s[1]}",
        },
        "given_key": "".join(x[0] for x in g),
        "family_key": s[0],
    }


# --- Arabic, Persian, Cyrillic: spellings from the tables ---------------------------------
AR_GIVEN = [
    ("محمد", ["Mohammed", "Muhammad", "Mohamed", "Mohammad"]), ("أحمد", ["Ahmed", "Ahmad"]), ("علي", ["Ali"]),
    ("عمر", ["Omar", "Umar"]), ("خالد", ["Khaled", "Khalid"]), ("يوسف", ["Youssef", "Yusuf", "Yousef"]),
    ("إبراهيم", ["Ibrahim", "Ebrahim"]), ("عبد الله", ["Abdullah", "Abdallah", "Abd Allah"]),
    ("عبد الرحمن", ["Abdulrahman", "Abdul Rahman", "Abd al-Rahman", "Abdurrahman"]),
    ("عبد العزيز", ["Abdulaziz", "Abdul Aziz", "Abd al-Aziz"]), ("حسن", ["Hassan", "Hasan"]),
    ("سعيد", ["Saeed", "Said"]), ("سعد", ["Saad", "Sa'd"]), ("عوض", ["Awad", "Awadh"]), ("وليد", ["Walid", "Waleed"]),
    ("فيصل", ["Faisal", "Faysal"]), ("ناصر", ["Nasser", "Nasir"]), ("منصور", ["Mansour", "Mansur"]),
    ("طارق", ["Tariq", "Tarek"]), ("زياد", ["Ziad", "Ziyad"]), ("جمال", ["Jamal", "Gamal"]), ("سلطان", ["Sultan"]),
]
AR_FAMILY = [
    ("القحطاني", ["al-Qahtani", "Al Qahtani", "Alqahtani"]), ("الشريف", ["al-Sharif", "El-Sherif", "Elsherif"]),
    ("الدوسري", ["al-Dosari", "Al-Dossary", "Aldosari"]), ("العتيبي", ["al-Otaibi", "Al Otaibi", "Alotaibi"]),
    ("الزهراني", ["al-Zahrani", "Alzahrani"]), ("الحربي", ["al-Harbi", "Alharbi"]),
    ("الشمري", ["al-Shammari", "Alshammari", "Al Shamari"]), ("المالكي", ["al-Maliki", "Almaliki", "El Maliki"]),
    ("الرشيد", ["al-Rashid", "Alrasheed", "Al Rasheed"]), ("الخطيب", ["al-Khatib", "Elkhatib", "El Khatib"]),
    ("حداد", ["Haddad"]), ("نصر الله", ["Nasrallah", "Nasr Allah"]), ("التميمي", ["al-Tamimi", "Altamimi"]),
    ("الغامدي", ["al-Ghamdi", "Alghamdi"]), ("السيد", ["al-Sayed", "El Sayed", "Elsayed", "Assayed"]),
    ("عبد الله", ["Abdullah", "Abdallah", "Abd Allah"]), ("الجبوري", ["al-Jubouri", "Aljuburi"]),
]
FA_GIVEN = [
    ("علی", ["Ali"]), ("رضا", ["Reza"]), ("حسین", ["Hossein", "Hosein", "Hussein"]), ("مهدی", ["Mehdi", "Mahdi"]),
    ("محمد", ["Mohammad", "Mohammed"]), ("قاسم", ["Qasem", "Ghasem", "Qassem"]), ("غلامرضا", ["Gholamreza", "Qolamreza"]),
    ("مرتضی", ["Morteza", "Murtaza"]), ("مجتبی", ["Mojtaba", "Mujtaba"]), ("جواد", ["Javad", "Jawad"]),
    ("سعید", ["Saeed", "Said"]), ("امیر", ["Amir"]), ("مسعود", ["Masoud", "Masood"]), ("بهروز", ["Behrouz", "Behruz"]),
]
FA_FAMILY = [
    ("قربانی", ["Ghorbani", "Qorbani"]), ("حسین‌زاده", ["Hosseinzadeh", "Hosseinzade", "Hossein-Zadeh"]),
    ("رضایی", ["Rezaei", "Rezaee", "Rezai"]), ("کاظمی", ["Kazemi"]), ("کریمی", ["Karimi"]),
    ("قاسمی", ["Ghasemi", "Qasemi"]), ("صادقی", ["Sadeghi", "Sadeqi"]), ("نجفی", ["Najafi"]),
    ("موسوی", ["Mousavi", "Musavi"]), ("طاهری", ["Taheri"]), ("باقری", ["Bagheri", "Baqeri"]),
    ("علی‌زاده", ["Alizadeh", "Alizade"]), ("شریفی", ["Sharifi"]), ("رحیمی", ["Rahimi"]),
]
RU_GIVEN = [  # cyrillic, English, German, French
    ("Сергей", ["Sergey", "Sergej", "Serguei"]), ("Юрий", ["Yuriy", "Jurij", "Iouri"]),
    ("Евгений", ["Yevgeny", "Jewgeni", "Evgueni"]), ("Михаил", ["Mikhail", "Michail", "Mikhail"]),
    ("Дмитрий", ["Dmitry", "Dmitrij", "Dmitri"]), ("Алексей", ["Aleksey", "Alexej", "Alexei"]),
    ("Николай", ["Nikolay", "Nikolai", "Nikolai"]), ("Владимир", ["Vladimir", "Wladimir", "Vladimir"]),
    ("Андрей", ["Andrey", "Andrej", "Andrei"]), ("Игорь", ["Igor", "Igor", "Igor"]),
]
RU_FAMILY = [
    ("Иванов", ["Ivanov", "Iwanow", "Ivanov"]), ("Чайковский", ["Chaykovsky", "Tschaikowski", "Tchaikovski"]),
    ("Жуков", ["Zhukov", "Schukow", "Joukov"]), ("Ельцин", ["Yeltsin", "Jelzin", "Eltsine"]),
    ("Горбачёв", ["Gorbachev", "Gorbatschow", "Gorbatchev"]), ("Кузнецов", ["Kuznetsov", "Kusnezow", "Kouznetsov"]),
    ("Попов", ["Popov", "Popow", "Popov"]), ("Волков", ["Volkov", "Wolkow", "Volkoff"]),
    ("Соколов", ["Sokolov", "Sokolow", "Sokolov"]), ("Шишкин", ["Shishkin", "Schischkin", "Chichkine"]),
    ("Морозов", ["Morozov", "Morosow", "Morozov"]), ("Зайцев", ["Zaytsev", "Saizew", "Zaitsev"]),
]
UA_GIVEN = [("Олег", ["Oleh", "Oleg"]), ("Олександр", ["Oleksandr", "Aleksandr"]), ("Сергій", ["Serhiy", "Sergiy"]),
            ("Андрій", ["Andriy", "Andrii"]), ("Юрій", ["Yuriy", "Yurii"]), ("Григорій", ["Hryhoriy", "Grigoriy"]),
            ("Віктор", ["Viktor"]), ("Петро", ["Petro"]), ("Богдан", ["Bohdan", "Bogdan"])]
UA_FAMILY = [("Гончаренко", ["Honcharenko", "Goncharenko"]), ("Григоренко", ["Hryhorenko", "Grigorenko"]),
             ("Коваленко", ["Kovalenko"]), ("Шевченко", ["Shevchenko", "Schewtschenko"]),
             ("Бондаренко", ["Bondarenko"]), ("Ткаченко", ["Tkachenko"]), ("Мельник", ["Melnyk", "Melnik"]),
             ("Кравчук", ["Kravchuk"]), ("Гнатюк", ["Hnatyuk", "Gnatyuk"]), ("Литвиненко", ["Lytvynenko", "Litvinenko"])]


def table_person(given, family, script, names):
    g, f = R.choice(given), R.choice(family)
    forms = {"other-romanization": f"{R.choice(g[1][1:] or g[1])} {R.choice(f[1][1:] or f[1])}",
             "reordered": f"{f[1][0]} {g[1][0]}"}
    if script == "cyrillic-ru":
        forms = {"german": f"{g[1][1]} {f[1][1]}", "french": f"{g[1][2]} {f[1][2]}", "reordered": f"{f[1][0]} {g[1][0]}"}
    if script == "cyrillic-ua":
        forms = {"russian-reading": f"{g[1][-1]} {f[1][-1]}", "reordered": f"{f[1][0]} {g[1][0]}"}
    return {
        "orig": f"{g[0]} {f[0]}",
        "list": f"{f[1][0].upper()}, {g[1][0]}",
        "forms": forms,
        "given_key": g[0],
        "family_key": f[0],
        "tables": (given, family),
    }


MAKERS = {
    "korean": korean_person,
    "chinese": chinese_person,
    "arabic": lambda: table_person(AR_GIVEN, AR_FAMILY, "arabic", None),
    "persian": lambda: table_person(FA_GIVEN, FA_FAMILY, "persian", None),
    "cyrillic-ru": lambda: table_person(RU_GIVEN, RU_FAMILY, "cyrillic-ru", None),
    "cyrillic-ua": lambda: table_person(UA_GIVEN, UA_FAMILY, "cyrillic-ua", None),
}
PER_SCRIPT = 60


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
            if (p["given_key"], p["family_key"]) in seen:
                continue
            seen.add((p["given_key"], p["family_key"]))
            n += 1
            p["id"] = f"M{n:04d}"
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
        # Same-culture namesakes: another person's given name with this family name (not a
        # listed pair), in the list's romanization and in the original script.
        for p in ps[: PER_SCRIPT // 2]:
            for _ in range(20):
                o = R.choice(ps)
                if o is p or (o["given_key"], p["family_key"]) in seen:
                    continue
                orig_given = o["orig"][len(o["family_key"]):] if script in ("korean", "chinese") else o["orig"].split(" ")[0]
                if script in ("korean", "chinese"):
                    fam = p["list"].split(",")[0]
                    giv = o["list"].split(",")[1].strip()
                    q_latin, q_orig = f"{giv} {fam}", p["family_key"] + orig_given
                else:
                    fam = p["list"].split(",")[0]
                    giv = o["list"].split(",")[1].strip()
                    q_latin, q_orig = f"{giv} {fam.title()}", f"{orig_given} {p['family_key']}"
                probes.append({"query": q_latin, "expected_entry_id": None, "kind": "namesake", "script": script,
                               "form": "latin"})
                probes.append({"query": q_orig, "expected_entry_id": None, "kind": "namesake", "script": script,
                               "form": "original-script"})
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
    print(f"{len(entries)} entries, {len(probes)} probes")


if __name__ == "__main__":
    main()
