#include "client/desktop/household_form_fields.hpp"

#include <algorithm>

#include <QObject>

#include "client/desktop/qt_text.hpp"
#include "common/household_validation.hpp"

namespace fupin::desktop {
namespace {

namespace voc = common::vocabulary;
using common::household;
using common::member;
using common::money_fen;

// Field makers: a label, a path and a reference to the record's member, read and written through a QVariant.
template <class Record, class Get>
form_field<Record> text(const char* label, std::string path, Get ref) {
    return {label, std::move(path), field_kind::text,
            [ref](const Record& r) { return QVariant(qt(ref(const_cast<Record&>(r)))); },
            [ref](Record& r, const QVariant& v) { ref(r) = text_of(v.toString()); }};
}
template <class Record, class Get>
form_field<Record> money(const char* label, std::string path, Get ref) {
    return {label, std::move(path), field_kind::money,
            [ref](const Record& r) { return QVariant::fromValue<qlonglong>(ref(const_cast<Record&>(r))); },
            [ref](Record& r, const QVariant& v) { ref(r) = static_cast<money_fen>(v.toLongLong()); }};
}
template <class Record, class Get>
form_field<Record> decimal(const char* label, std::string path, Get ref, double maximum) {
    form_field<Record> f{label, std::move(path), field_kind::decimal,
                         [ref](const Record& r) { return QVariant(ref(const_cast<Record&>(r))); },
                         [ref](Record& r, const QVariant& v) { ref(r) = v.toDouble(); }};
    f.maximum = maximum;
    return f;
}
template <class Record, class Get>
form_field<Record> whole(const char* label, std::string path, Get ref, int maximum) {
    form_field<Record> f{label, std::move(path), field_kind::whole,
                         [ref](const Record& r) { return QVariant(ref(const_cast<Record&>(r))); },
                         [ref](Record& r, const QVariant& v) { ref(r) = v.toInt(); }};
    f.maximum = maximum;
    return f;
}
template <class Record, class Get>
form_field<Record> flag(const char* label, std::string path, Get ref) {
    return {label, std::move(path), field_kind::flag,
            [ref](const Record& r) { return QVariant(static_cast<bool>(ref(const_cast<Record&>(r)))); },
            [ref](Record& r, const QVariant& v) { ref(r) = v.toBool(); }};
}
template <class Record, class Get>
form_field<Record> choice(const char* label, std::string path, const common::vocabulary_list& list, Get ref,
                          bool optional = false) {
    form_field<Record> f{label, std::move(path), field_kind::choice,
                         [ref](const Record& r) { return QVariant(qt(ref(const_cast<Record&>(r)))); },
                         [ref](Record& r, const QVariant& v) { ref(r) = text_of(v.toString()); }};
    f.list = &list;
    f.optional = optional;
    return f;
}
template <class Record, class Get>
form_field<Record> derived(const char* label, std::string path, Get ref) {
    return {label, std::move(path), field_kind::derived,
            [ref](const Record& r) { return QVariant(qt(ref(const_cast<Record&>(r)))); },
            [](Record&, const QVariant&) {}};
}

// One of the two other causes (其他致贫原因): its place in the file's list (the form clears the list before its
// fields are applied and drops the empty places after).
form_field<household> other_cause(const char* label, std::size_t at) {
    form_field<household> f{label, "causes.others[" + std::to_string(at) + "]", field_kind::choice,
                            [at](const household& h) {
                                return QVariant(at < h.other_causes.size() ? qt(h.other_causes[at]) : QString());
                            },
                            [at](household& h, const QVariant& v) {
                                h.other_causes.resize(std::max(h.other_causes.size(), at + 1));
                                h.other_causes[at] = text_of(v.toString());
                            }};
    f.list = &voc::poverty_causes;
    f.optional = true;
    return f;
}

#define H(path) [](household& h) -> auto& { return h.path; }
#define M(path) [](member& m) -> auto& { return m.path; }

std::vector<form_tab> make_tabs() {
    const double land = common::max_land_mu;
    return {
        {QT_TRANSLATE_NOOP("form_field", "基本情况"),
         {
             text<household>(QT_TRANSLATE_NOOP("form_field", "家庭住址"), "address", H(address)),
             text<household>(QT_TRANSLATE_NOOP("form_field", "联系电话"), "phone", H(phone)),
             text<household>(QT_TRANSLATE_NOOP("form_field", "开户银行"), "bank_name", H(bank_name)),
             text<household>(QT_TRANSLATE_NOOP("form_field", "银行账号"), "bank_account", H(bank_account)),
             choice<household>(QT_TRANSLATE_NOOP("form_field", "识别标准"), "identification_standard",
                               voc::identification_standards, H(identification_standard)),
             choice<household>(QT_TRANSLATE_NOOP("form_field", "贫困户属性"), "poverty_type", voc::poverty_types,
                               H(poverty_type)),
             choice<household>(QT_TRANSLATE_NOOP("form_field", "主要致贫原因"), "causes.main", voc::poverty_causes,
                               H(main_cause)),
             other_cause(QT_TRANSLATE_NOOP("form_field", "其他致贫原因（一）"), 0),
             other_cause(QT_TRANSLATE_NOOP("form_field", "其他致贫原因（二）"), 1),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "军烈属"), "military_family", H(military_family)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "独生子女户"), "only_child_family", H(only_child_family)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "双女户"), "two_daughters_family",
                             H(two_daughters_family)),
             text<household>(QT_TRANSLATE_NOOP("form_field", "全国户编号"), "national_number", H(national_number)),
         }},
        {QT_TRANSLATE_NOOP("form_field", "收入情况"),
         {
             whole<household>(QT_TRANSLATE_NOOP("form_field", "收入年度"), "income.year", H(income.year), 2100),
             money<household>(QT_TRANSLATE_NOOP("form_field", "工资性收入（元）"), "income.wages", H(income.wages)),
             money<household>(QT_TRANSLATE_NOOP("form_field", "生产经营性收入（元）"), "income.production_business",
                              H(income.production_business)),
             money<household>(QT_TRANSLATE_NOOP("form_field", "生产经营性支出（元）"), "income.production_expenses",
                              H(income.production_expenses)),
             money<household>(QT_TRANSLATE_NOOP("form_field", "财产性收入（元）"), "income.property",
                              H(income.property)),
             money<household>(QT_TRANSLATE_NOOP("form_field", "计划生育金（元）"), "income.transfers.family_planning",
                              H(income.transfers.family_planning)),
             money<household>(QT_TRANSLATE_NOOP("form_field", "低保金（元）"), "income.transfers.minimum_allowance",
                              H(income.transfers.minimum_allowance)),
             money<household>(QT_TRANSLATE_NOOP("form_field", "特困供养金（元）"), "income.transfers.extreme_support",
                              H(income.transfers.extreme_support)),
             money<household>(QT_TRANSLATE_NOOP("form_field", "养老金（元）"), "income.transfers.pension",
                              H(income.transfers.pension)),
             money<household>(QT_TRANSLATE_NOOP("form_field", "生态补偿金（元）"),
                              "income.transfers.ecological_compensation", H(income.transfers.ecological_compensation)),
             money<household>(QT_TRANSLATE_NOOP("form_field", "其他转移性收入（元）"), "income.transfers.other",
                              H(income.transfers.other)),
             money<household>(QT_TRANSLATE_NOOP("form_field", "赡养性收入（元）"), "income.support", H(income.support)),
         }},
        {QT_TRANSLATE_NOOP("form_field", "生产生活条件"),
         {
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "耕地（亩）"), "land.contracted_mu",
                                H(land.contracted_mu), land),
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "流转地（亩）"), "land.transferred_mu",
                                H(land.transferred_mu), land),
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "撂荒地（亩）"), "land.abandoned_mu",
                                H(land.abandoned_mu), land),
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "有效灌溉面积（亩）"), "land.irrigated_mu",
                                H(land.irrigated_mu), land),
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "林地（亩）"), "land.forest_mu", H(land.forest_mu),
                                land),
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "退耕还林（亩）"), "land.returned_to_forest_mu",
                                H(land.returned_to_forest_mu), land),
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "林果（亩）"), "land.fruit_forest_mu",
                                H(land.fruit_forest_mu), land),
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "牧草地（亩）"), "land.pasture_mu", H(land.pasture_mu),
                                land),
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "水面（亩）"), "land.water_surface_mu",
                                H(land.water_surface_mu), land),
             choice<household>(QT_TRANSLATE_NOOP("form_field", "住房状况"), "conditions.housing",
                               voc::housing_conditions, H(conditions.housing), true),
             choice<household>(QT_TRANSLATE_NOOP("form_field", "危房等级"), "conditions.housing_danger_grade",
                               voc::housing_danger_grades, H(conditions.housing_danger_grade), true),
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "住房面积（平方米）"), "conditions.housing_area_m2",
                                H(conditions.housing_area_m2), common::max_housing_area_m2),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "饮水困难"), "conditions.drinking_water_difficult",
                             H(conditions.drinking_water_difficult)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "饮水安全"), "conditions.drinking_water_safe",
                             H(conditions.drinking_water_safe)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "不愁吃"), "conditions.food_secure",
                             H(conditions.food_secure)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "不愁穿"), "conditions.clothing_secure",
                             H(conditions.clothing_secure)),
             choice<household>(QT_TRANSLATE_NOOP("form_field", "生活用电"), "conditions.electricity", voc::electricity,
                               H(conditions.electricity), true),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "生产用电"), "conditions.production_electricity",
                             H(conditions.production_electricity)),
             choice<household>(QT_TRANSLATE_NOOP("form_field", "入户路类型"), "conditions.road_access",
                               voc::road_access, H(conditions.road_access), true),
             decimal<household>(QT_TRANSLATE_NOOP("form_field", "与村主干路距离（公里）"),
                                "conditions.main_road_distance_km", H(conditions.main_road_distance_km),
                                common::max_main_road_distance_km),
             choice<household>(QT_TRANSLATE_NOOP("form_field", "主要燃料类型"), "conditions.fuel", voc::fuel_types,
                               H(conditions.fuel), true),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "卫生厕所"), "conditions.sanitary_toilet",
                             H(conditions.sanitary_toilet)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "加入农民专业合作社"), "conditions.cooperative_member",
                             H(conditions.cooperative_member)),
             choice<household>(QT_TRANSLATE_NOOP("form_field", "消费水平"), "conditions.consumption_level",
                               voc::consumption_levels, H(conditions.consumption_level), true),
             money<household>(QT_TRANSLATE_NOOP("form_field", "资产估值（元）"), "conditions.assets_value",
                              H(conditions.assets_value)),
             text<household>(QT_TRANSLATE_NOOP("form_field", "资产说明"), "conditions.assets_note",
                             H(conditions.assets_note)),
         }},
        {QT_TRANSLATE_NOOP("form_field", "识别"),
         {
             flag<household>(QT_TRANSLATE_NOOP("form_field", "子女残疾的老人（三优先）"),
                             "identification.elderly_with_disabled_children",
                             H(identification.elderly_with_disabled_children)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "独生子女户的老人（三优先）"),
                             "identification.elderly_parents_of_only_child",
                             H(identification.elderly_parents_of_only_child)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "纯女户的老人（三优先）"),
                             "identification.elderly_in_daughters_only_family",
                             H(identification.elderly_in_daughters_only_family)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "拒不流转而撂荒土地（三不评）"),
                             "identification.land_abandoned_refusing_transfer",
                             H(identification.land_abandoned_refusing_transfer)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "违反计划生育政策（三不评）"),
                             "identification.family_planning_violation", H(identification.family_planning_violation)),
             flag<household>(QT_TRANSLATE_NOOP("form_field", "赌博、吸毒或其他违法犯罪（三不评）"),
                             "identification.gambling_drugs_or_crime", H(identification.gambling_drugs_or_crime)),
         }},
    };
}

std::vector<form_field<member>> make_member_columns() {
    return {
        text<member>(QT_TRANSLATE_NOOP("form_field", "姓名"), "name", M(name)),
        text<member>(QT_TRANSLATE_NOOP("form_field", "身份证号"), "id_number", M(id_number)),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "与户主关系"), "relation", voc::relations, M(relation)),
        derived<member>(QT_TRANSLATE_NOOP("form_field", "性别"), "sex", M(sex)),
        derived<member>(QT_TRANSLATE_NOOP("form_field", "出生日期"), "birth_date", M(birth_date)),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "民族"), "ethnicity", voc::ethnicities, M(ethnicity)),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "政治面貌"), "political_status", voc::political_statuses,
                       M(political_status)),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "文化程度"), "education", voc::education_levels, M(education)),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "在校生状况"), "schooling", voc::schooling, M(schooling)),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "未在校原因"), "out_of_school_reason",
                       voc::out_of_school_reasons, M(out_of_school_reason), true),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "健康状况"), "health", voc::health_conditions, M(health)),
        whole<member>(QT_TRANSLATE_NOOP("form_field", "残疾等级"), "disability_grade", M(disability_grade), 4),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "残疾类别"), "disability_category", voc::disability_categories,
                       M(disability_category), true),
        text<member>(QT_TRANSLATE_NOOP("form_field", "残疾证号"), "disability_certificate", M(disability_certificate)),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "劳动技能"), "labour_capacity", voc::labour_capacities,
                       M(labour_capacity)),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "务工状况"), "work_status", voc::work_statuses, M(work_status)),
        choice<member>(QT_TRANSLATE_NOOP("form_field", "务工地点"), "work_location", voc::work_locations,
                       M(work_location), true),
        whole<member>(QT_TRANSLATE_NOOP("form_field", "务工时间（月）"), "migrant_work_months", M(migrant_work_months),
                      12),
        money<member>(QT_TRANSLATE_NOOP("form_field", "务工收入（元）"), "migrant_work_income", M(migrant_work_income)),
        flag<member>(QT_TRANSLATE_NOOP("form_field", "城乡居民医保"), "medical_insurance", M(medical_insurance)),
        flag<member>(QT_TRANSLATE_NOOP("form_field", "城乡居民养老保险"), "pension_insurance", M(pension_insurance)),
        flag<member>(QT_TRANSLATE_NOOP("form_field", "大病保险"), "serious_illness_insurance",
                     M(serious_illness_insurance)),
    };
}

}  // namespace

const std::vector<form_tab>& household_form_tabs() {
    static const auto tabs = make_tabs();
    return tabs;
}

const std::vector<form_field<member>>& household_member_columns() {
    static const auto columns = make_member_columns();
    return columns;
}

}  // namespace fupin::desktop
