#!/usr/bin/env python3
"""Generates the fictional demo county 青峰县 (529901): data/demo/areas.json and data/demo/households.json.

Deterministic (fixed seed, python3 standard library only): running it again gives byte-identical files.
Every person, name, ID number, phone and account number here is made up. The ID numbers follow GB 11643
(region 529901, a real birth date, a sequence number whose parity gives the sex, and the check digit) so that the
archive's validation accepts them; region 529901 is not a real county.

Usage: python3 data/demo/generate.py   (writes next to this script)
"""
import datetime
import json
import os
import random

SEED = 20140601
COUNTY = ("529901", "青峰县")
INCOME_YEAR = 2025
REFERENCE = datetime.date(2026, 1, 1)  # ages are counted to this day; every birth date is before it
HOUSEHOLDS = 360

TOWNSHIPS = [  # (3-digit suffix, name, village names)
    ("100", "青峰镇", ["城关村", "坪上村", "新寨村", "大坝村", "桃园村", "河边村"]),
    ("101", "石门镇", ["岩脚村", "小河村", "龙井村", "高峰村", "水井村", "田坝村"]),
    ("102", "龙潭乡", ["杨柳村", "双河村", "青杠村", "石板村", "马鞍村"]),
    ("103", "白岩乡", ["凉水村", "红岩村", "团结村", "金竹村", "竹林村"]),
    ("104", "清水镇", ["松林村", "落水村", "长坡村", "沙坝村", "黄泥村", "花园村"]),
    ("105", "高坡乡", ["中寨村", "上寨村", "下寨村", "关口村", "茶园村"]),
    ("106", "马场镇", ["柏杨村", "枫香村", "鱼塘村", "干田村", "丫口村", "白沙村"]),
    ("107", "大河乡", ["长冲村", "大坪村", "烂田村", "坝子村", "营盘村"]),
]
GROUP_NAMES = ["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组"]

SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "罗", "龙", "石", "田", "潘", "韦",
            "蒙", "何", "徐", "胡", "邓", "谢", "冉", "敖", "袁", "熊", "向", "彭", "蒋", "唐"]
GIVEN = {  # (sex, generation) → given names; generations: old (born before 1965), mid (1965-1994), young
    ("male", "old"): ["大山", "德贵", "永福", "正平", "昌明", "家富", "光荣", "文学", "世华", "开明", "老三", "国清"],
    ("male", "mid"): ["建国", "国华", "志刚", "明", "勇", "海", "军", "小军", "云飞", "成", "林", "强", "红兵", "正兵"],
    ("male", "young"): ["涛", "鹏", "浩然", "子豪", "宇航", "俊杰", "天佑", "浩", "宇", "博文", "家乐", "一鸣", "锦程"],
    ("female", "old"): ["秀英", "桂英", "玉兰", "秀兰", "翠花", "桂芳", "德芬", "开秀", "正芬", "玉珍"],
    ("female", "mid"): ["芳", "丽", "红梅", "春花", "小燕", "雪梅", "敏", "艳", "琴", "萍", "丽娟", "海燕"],
    ("female", "young"): ["婷", "静", "欣怡", "雨涵", "梓涵", "思琪", "佳怡", "雨欣", "诗琪", "晓雪", "可馨"],
}
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
ASSETS = ["耕牛1头", "耕牛2头", "生猪2头", "生猪3头", "山羊5只", "摩托车1辆", "三轮车1辆", "电视机1台", "鸡鸭10余只"]
OTHER_CAUSES = ["lack_of_technology", "lack_of_funds", "lack_of_land", "lack_of_water", "poor_transport",
                "disaster", "lack_of_drive"]

rng = random.Random(SEED)
# The national form's household attributes (识别标准, 军烈属, 独生子女户, 双女户, the national number) draw from
# their own sequence, so that adding them left every household drawn from `rng` as it was.
form_rng = random.Random(SEED + 1)
village_rng = random.Random(SEED + 2)  # which villages are 贫困村
conditions_rng = random.Random(SEED + 3)  # the form's land kinds and living conditions
exit_rng = random.Random(SEED + 4)  # what the exit standard reads: 不愁吃, 不愁穿, why a member is out of school
used_ids = set()


def pick(weighted):
    """Chooses a key of {value: weight}."""
    total = sum(weighted.values())
    r = rng.uniform(0, total)
    for value, weight in weighted.items():
        r -= weight
        if r <= 0:
            return value
    return value


def check_digit(first17):
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def birth_date(age):
    """A real calendar date on which someone has `age` years on REFERENCE."""
    year = REFERENCE.year - age - 1
    start = datetime.date(year, 1, 1)
    return start + datetime.timedelta(days=rng.randrange(365))


def id_number(born, sex):
    while True:
        seq = rng.randrange(1, 999)
        if (seq % 2 == 1) != (sex == "male"):
            continue
        first17 = "529901" + born.strftime("%Y%m%d") + "%03d" % seq
        number = first17 + check_digit(first17)
        if number not in used_ids:
            used_ids.add(number)
            return number


def generation(born):
    return "old" if born.year < 1965 else "mid" if born.year < 1995 else "young"


def person(relation, sex, age, surname):
    born = birth_date(age)
    name = surname + rng.choice(GIVEN[(sex, generation(born))])
    return {"relation": relation, "sex": sex, "age": age, "born": born, "name": name}


def other_surname(surname):
    while True:
        s = rng.choice(SURNAMES)
        if s != surname:
            return s


def family():
    """The people of one household, head first, with ages that fit their relations."""
    kind = pick({"single_elder": 9, "elder_couple": 11, "nuclear": 45, "three_generations": 20, "with_parent": 15})
    surname = rng.choice(SURNAMES)
    head_sex = "male" if rng.random() < 0.85 or kind in ("nuclear", "three_generations") else "female"
    other = "female" if head_sex == "male" else "male"
    if kind == "single_elder":
        return [person("head", head_sex, rng.randint(62, 88), surname)]
    if kind == "elder_couple":
        head = person("head", head_sex, rng.randint(60, 82), surname)
        return [head, person("spouse", other, max(55, head["age"] + rng.randint(-6, 4)), other_surname(surname))]
    if kind == "three_generations":
        head = person("head", head_sex, rng.randint(50, 70), surname)
        people = [head, person("spouse", other, head["age"] + rng.randint(-5, 3), other_surname(surname))]
        son = person("son", "male", head["age"] - rng.randint(22, 30), surname)
        people += [son, person("daughter_in_law", "female", son["age"] + rng.randint(-4, 2), other_surname(surname))]
        for _ in range(rng.randint(1, 3)):
            sex = rng.choice(["male", "female"])
            people.append(person("grandson" if sex == "male" else "granddaughter", sex,
                                 max(0, son["age"] - rng.randint(20, 32)), surname))
        return people
    head = person("head", head_sex, rng.randint(28, 55), surname)
    people = [head]
    if rng.random() < 0.9:
        people.append(person("spouse", other, max(22, head["age"] + rng.randint(-5, 3)), other_surname(surname)))
    mother_age = min(p["age"] for p in people)  # the younger parent bounds the children's ages
    for _ in range(rng.randint(1, 3)):
        age = mother_age - rng.randint(20, 34)
        if age < 0:
            continue
        sex = rng.choice(["male", "female"])
        people.append(person("son" if sex == "male" else "daughter", sex, age, surname))
    if kind == "with_parent":
        parent_age = min(92, head["age"] + rng.randint(22, 32))
        if rng.random() < 0.6:
            people.append(person("mother", "female", parent_age + rng.randint(-3, 0), other_surname(surname)))
        else:
            people.append(person("father", "male", parent_age, surname))
    return people[:7]


def education(age, born):
    if age < 6:
        return "preschool"
    if age <= 12:
        return "primary"
    if age <= 15:
        return "junior_secondary"
    if age <= 18:
        return pick({"senior_secondary": 5, "vocational": 4, "junior_secondary": 1})
    if born.year < 1960:
        return pick({"illiterate": 5, "primary": 4, "junior_secondary": 1})
    if born.year < 1980:
        return pick({"illiterate": 1, "primary": 4, "junior_secondary": 4, "senior_secondary": 1})
    return pick({"primary": 1, "junior_secondary": 5, "senior_secondary": 2, "vocational": 2, "college": 1})


def health(age):
    old = age >= 60
    return pick({"healthy": 55 if old else 85, "chronic_illness": 25 if old else 6,
                 "serious_illness": 8 if old else 3, "disabled": 12 if old else 6})


def labour(age, state, grade, in_school):
    if age < 16 or in_school:
        return "none"
    if state == "disabled":
        return "none" if grade <= 2 else "partial"
    if state == "serious_illness":
        return pick({"none": 1, "partial": 1})
    if age >= 70:
        return pick({"none": 2, "partial": 1})
    if state == "chronic_illness" or age >= 60:
        return "partial"
    return "full"


DISABILITY_CATEGORIES = ["visual", "hearing", "speech", "physical", "intellectual", "mental", "multiple"]


def form_details(m):
    """The national form's member details, drawn from form_rng so the rest of the demo data stays as it was."""
    age = m["_age"]
    m["ethnicity"] = form_rng.choices(["01", "06", "09", "12", "13"], [45, 30, 15, 5, 5])[0]
    m["political_status"] = ("party_member" if age >= 18 and form_rng.random() < 0.05
                             else "league_member" if 14 <= age <= 28 and form_rng.random() < 0.2 else "masses")
    if age < 6:
        m["schooling"] = "preschool"
    elif age < 12:
        m["schooling"] = "primary"
    elif age < 15:
        m["schooling"] = "junior_secondary"
    elif m["_in_school"]:
        m["schooling"] = "senior_secondary" if m["education"] == "senior_secondary" else "secondary_vocational"
    else:
        m["schooling"] = "not_in_school"
    m["disability_category"] = ""
    m["disability_certificate"] = ""
    if m["health"] == "disabled":
        digit = form_rng.randrange(len(DISABILITY_CATEGORIES))
        m["disability_category"] = DISABILITY_CATEGORIES[digit]
        if form_rng.random() < 0.8:  # a certificate may not have been issued yet
            m["disability_certificate"] = "%s%d%d" % (m["id_number"], digit + 1, m["disability_grade"])
    working = m["migrant_work_months"] > 0
    m["work_status"] = "working" if working else "not_working"
    m["work_location"] = (form_rng.choices(["township", "county", "province", "outside_province"], [1, 2, 3, 4])[0]
                          if working else "")
    m["medical_insurance"] = form_rng.random() < 0.97
    m["pension_insurance"] = age >= 16 and form_rng.random() < 0.85
    m["serious_illness_insurance"] = m["medical_insurance"]


def yuan(amount_fen):
    """Fen to a JSON number of yuan with at most two decimals."""
    return amount_fen // 100 if amount_fen % 100 == 0 else round(amount_fen / 100, 2)


def members_of(people):
    members = []
    names = set()
    for p in people:
        while p["name"] in names:  # two people of one household are never called the same
            p["name"] = p["name"][0] + rng.choice(GIVEN[(p["sex"], generation(p["born"]))])
        names.add(p["name"])
        state = health(p["age"])
        grade = rng.randint(1, 4) if state == "disabled" else 0
        edu = education(p["age"], p["born"])
        in_school = 16 <= p["age"] <= 18 and edu in ("senior_secondary", "vocational")
        members.append({
            "name": p["name"], "id_number": id_number(p["born"], p["sex"]), "relation": p["relation"],
            "education": edu, "health": state, "disability_grade": grade,
            "labour_capacity": labour(p["age"], state, grade, in_school),
            "migrant_work_months": 0, "migrant_work_income": 0,
            "_age": p["age"], "_in_school": in_school,
        })
    return members


def causes_of(members):
    ill = any(m["health"] in ("chronic_illness", "serious_illness") for m in members)
    disabled = any(m["health"] == "disabled" for m in members)
    schooling = any(m["education"] in ("senior_secondary", "vocational") and m["_age"] <= 18 for m in members)
    no_labour = not any(m["labour_capacity"] == "full" for m in members)
    candidates = [c for c, hit in (("illness", ill), ("disability", disabled), ("schooling", schooling),
                                   ("lack_of_labour", no_labour)) if hit]
    main = candidates[0] if candidates and rng.random() < 0.8 else rng.choice(OTHER_CAUSES)
    pool = [c for c in candidates[1:] + OTHER_CAUSES if c != main]
    others = []
    for _ in range(pick({0: 3, 1: 4, 2: 3})):
        c = rng.choice(pool)
        if c not in others:
            others.append(c)
    return main, others


def income_of(members, poverty_type, wages, production, property_income, transfers):
    """The form's income by source, the net amounts unchanged: the business's gross and its costs, the transfers
    by kind (the allowance the household's kind says, a pension for the elderly, the rest other). Drawn from
    form_rng, so nothing else moves."""
    expenses = production * form_rng.randrange(10, 35) // 100 // 100 * 100 if production > 0 else 0
    parts = {"family_planning": 0, "minimum_allowance": 0, "extreme_support": 0, "pension": 0,
             "ecological_compensation": 0, "other": 0}
    left = transfers
    if poverty_type in ("minimum_allowance", "extreme_support"):
        parts[poverty_type] = left * 7 // 10 // 100 * 100
        left -= parts[poverty_type]
    if any(m["_age"] >= 60 for m in members):
        parts["pension"] = left // 2 // 100 * 100
        left -= parts["pension"]
    parts["ecological_compensation"] = left // 4 // 100 * 100 if form_rng.random() < 0.3 else 0
    parts["other"] = left - parts["ecological_compensation"]
    return {"year": INCOME_YEAR, "wages": yuan(wages), "production_business": yuan(production + expenses),
            "production_expenses": yuan(expenses), "property": yuan(property_income),
            "transfers": {k: yuan(v) for k, v in parts.items()}, "support": 0}


def household(township, village, group, number):
    members = members_of(family())
    size = len(members)
    main, others = causes_of(members)
    elder_alone = size == 1 and members[0]["labour_capacity"] != "full"
    five_guarantee = elder_alone and rng.random() < 0.45
    minimum_allowance = not five_guarantee and main in ("illness", "disability", "lack_of_labour") and rng.random() < 0.16
    poverty_type = "extreme_support" if five_guarantee else "minimum_allowance" if minimum_allowance else "general"
    children = [m for m in members if m["relation"] in ("son", "daughter")]
    daughters_only = len(children) == 2 and all(m["relation"] == "daughter" for m in children)

    # Income: a per-capita target spread over 1,500-4,500 yuan, split by source.
    per_capita = rng.triangular(1500, 4500, 2600)
    total = int(per_capita * size * 100) // 50 * 50  # fen, whole 0.5 yuan
    migrants = [m for m in members if m["labour_capacity"] == "full" and 18 <= m["_age"] <= 50 and rng.random() < 0.5]
    wages = int(total * rng.uniform(0.3, 0.6)) // 10000 * 10000 if migrants else 0
    for i, m in enumerate(migrants):
        share = wages // len(migrants) // 10000 * 10000
        if i == len(migrants) - 1:
            share = wages - sum(x["migrant_work_income"] for x in migrants[:-1])
        m["migrant_work_income"] = share
        m["migrant_work_months"] = rng.randint(3, 10) if share else 0
    transfers_share = 0.35 if (five_guarantee or minimum_allowance) else rng.uniform(0.05, 0.2)
    transfers = int(total * transfers_share) // 100 * 100
    property_income = int(total * rng.uniform(0, 0.03)) // 100 * 100 if rng.random() < 0.3 else 0
    production = total - wages - transfers - property_income

    income = income_of(members, poverty_type, wages, production, property_income, transfers)
    for m in members:
        m["migrant_work_income"] = yuan(m["migrant_work_income"])
        form_details(m)
        # A youngster out of school has mostly finished compulsory schooling; an adult's reason is left unsaid.
        out_young = m["schooling"] == "not_in_school" and m["_age"] <= 18
        m["out_of_school_reason"] = (exit_rng.choices(["finished", "illness", "severe_disability"], [90, 5, 5])[0]
                                     if out_young and exit_rng.random() < 0.8 else "")
        del m["_age"], m["_in_school"]

    housing = pick({"dilapidated": 25, "ordinary": 50, "safe": 20, "none": 5})
    assets = rng.sample(ASSETS, rng.randint(1, 3))
    # Drawn in the order the dict drew them before, so the demo county's earlier fields stay as they were.
    phone = "" if rng.random() < 0.25 else rng.choice(["138", "139", "151", "158", "187"]) + "%08d" % rng.randrange(10**8)
    bank_name = pick({"农村信用社": 7, "中国邮政储蓄银行": 2, "中国农业银行": 1})
    bank_account = "6228" + "%015d" % rng.randrange(10**15)
    contracted = round(rng.uniform(0.5, 6.0), 1)
    transferred = round(rng.uniform(0.3, 1.5), 1) if rng.random() < 0.15 else 0
    abandoned = round(rng.uniform(0.2, 1.0), 1) if rng.random() < 0.08 else 0
    housing_area = 0 if housing == "none" else rng.randrange(30, 140, 5)
    water = pick({"safe": 50, "difficult": 35, "unsafe": 15})
    electricity = pick({"grid": 95, "none": 5})
    crng = conditions_rng
    h = {
        "township_code": township, "village_code": village[0], "group_code": group[0],
        "address": "%s%s%d号" % (village[1], group[1], number),
        "phone": phone,
        "bank_name": bank_name,
        "bank_account": bank_account,
        "land": {"contracted_mu": contracted,
                 "transferred_mu": transferred,
                 "abandoned_mu": abandoned,
                 "irrigated_mu": round(crng.uniform(0, contracted + transferred), 1) if crng.random() < 0.4 else 0,
                 "forest_mu": round(crng.uniform(1, 30), 1) if crng.random() < 0.5 else 0,
                 "returned_to_forest_mu": round(crng.uniform(0.5, 5), 1) if crng.random() < 0.2 else 0,
                 "fruit_forest_mu": round(crng.uniform(0.5, 3), 1) if crng.random() < 0.15 else 0,
                 "pasture_mu": round(crng.uniform(1, 10), 1) if crng.random() < 0.1 else 0,
                 "water_surface_mu": round(crng.uniform(0.2, 2), 1) if crng.random() < 0.05 else 0},
        "conditions": {"housing": housing,
                       "housing_danger_grade": (crng.choice(["c", "c", "d"]) if housing == "dilapidated"
                                                and crng.random() < 0.9 else ""),
                       "housing_area_m2": housing_area,
                       "drinking_water_difficult": water == "difficult",
                       "drinking_water_safe": water == "safe",
                       "food_secure": exit_rng.random() < 0.85,
                       "clothing_secure": exit_rng.random() < 0.9,
                       "electricity": electricity,
                       "production_electricity": electricity == "grid" and crng.random() < 0.6,
                       "road_access": pick({"hardened": 35, "gravel": 30, "dirt": 30, "none": 5}),
                       "main_road_distance_km": round(crng.uniform(0, 8), 1),
                       "fuel": crng.choices(["firewood", "dung", "coal", "clean_energy"], [60, 5, 25, 10])[0],
                       "sanitary_toilet": crng.random() < 0.35,
                       "cooperative_member": crng.random() < 0.15,
                       "consumption_level": pick({"low": 70, "medium": 28, "high": 2}),
                       "assets_value": rng.randrange(5, 200) * 100,
                       "assets_note": "、".join(assets)},
        "members": members,
        "income": income,
        "causes": {"main": main, "others": others},
        "identification_standard": "provincial" if form_rng.random() < 0.1 else "national",
        "poverty_type": poverty_type,
        "military_family": form_rng.random() < 0.02,
        "only_child_family": len(children) == 1 and form_rng.random() < 0.3,
        "two_daughters_family": daughters_only,
        "national_number": "" if form_rng.random() < 0.2 else "52990%011d" % form_rng.randrange(10**11),
    }
    return h


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    areas = [{"code": COUNTY[0], "level": "county", "parent_code": "", "name": COUNTY[1]}]
    groups = []  # (township code, (village code, name), (group code, name))
    for suffix, township_name, villages in TOWNSHIPS:
        township = COUNTY[0] + suffix
        areas.append({"code": township, "level": "township", "parent_code": COUNTY[0], "name": township_name})
        for i, village_name in enumerate(villages):
            village = township + "%03d" % (201 + i)
            # About a third of the villages are 贫困村.
            areas.append({"code": village, "level": "village", "parent_code": township, "name": village_name,
                          "poor_village": village_rng.random() < 0.35})
            for g in range(rng.randint(3, 8)):
                group = village + "%03d" % (g + 1)
                areas.append({"code": group, "level": "group", "parent_code": village, "name": GROUP_NAMES[g]})
                groups.append((township, (village, village_name), (group, GROUP_NAMES[g])))

    households = []
    house_numbers = {}
    for _ in range(HOUSEHOLDS):
        township, village, group = rng.choice(groups)
        house_numbers[group[0]] = house_numbers.get(group[0], 0) + rng.randint(1, 6)
        households.append(household(township, village, group, house_numbers[group[0]]))

    def write(name, rows):
        # One compact object per line: diffs stay readable and scripts can grep a line per record.
        lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows]
        with open(os.path.join(here, name), "w", encoding="utf-8") as f:
            f.write("[\n" + ",\n".join(lines) + "\n]\n")

    write("areas.json", areas)
    write("households.json", households)
    people = sum(len(h["members"]) for h in households)
    print("areas: %d townships, %d villages, %d groups; %d households, %d people" % (
        sum(a["level"] == "township" for a in areas), sum(a["level"] == "village" for a in areas),
        sum(a["level"] == "group" for a in areas), len(households), people))


if __name__ == "__main__":
    main()
