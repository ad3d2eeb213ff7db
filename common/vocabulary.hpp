#pragma once
// The enumerated codes of the household file, each with its Chinese and English label. This is the one place
// that lists them: validation, the JSON codec, the server and the client's printouts all read these lists.
#include <string>
#include <string_view>
#include <vector>

#include "common/api_error.hpp"

namespace fupin::common {

struct vocabulary_entry {
    std::string code;  // stable, snake_case, what JSON and the database carry
    std::string zh;    // what a clerk reads
    std::string en;
};

struct vocabulary_list {
    std::string name;  // e.g. "relations"
    std::vector<vocabulary_entry> entries;
};

bool is_valid(const vocabulary_list& list, std::string_view code);
// The label of `code`; an empty string for a code the list does not have (the caller may show the code itself).
const std::string& label(const vocabulary_list& list, std::string_view code, language lang);
// "a | b | c": the allowed codes, for error messages.
std::string allowed_codes(const vocabulary_list& list);
// Throws 422 at `field`: missing_field for an empty value when required, invalid_value for a code not in the list.
void require_code(const vocabulary_list& list, const std::string& value, const std::string& field, bool required);

// The lists. Defined in vocabulary.cpp; do not read them from another translation unit's static initialiser.
namespace vocabulary {
extern const vocabulary_list household_statuses;  // pending, registered, exited
extern const vocabulary_list sexes;               // male, female (derived from the ID number)
extern const vocabulary_list relations;           // relation to the head; exactly one "head" per household
extern const vocabulary_list education_levels;
extern const vocabulary_list health_conditions;
extern const vocabulary_list labour_capacities;
extern const vocabulary_list housing_conditions;
extern const vocabulary_list housing_danger_grades;  // 危房等级: C级, D级
extern const vocabulary_list electricity;           // 生活用电
extern const vocabulary_list road_access;           // 入户路类型
extern const vocabulary_list fuel_types;            // 主要燃料类型
extern const vocabulary_list consumption_levels;
extern const vocabulary_list poverty_causes;
extern const vocabulary_list identification_standards;  // 识别标准: the poverty line a household was found under
extern const vocabulary_list poverty_types;             // 贫困户属性
extern const vocabulary_list ethnicities;               // 民族, by their GB 3304 codes ("01" 汉族 … "56" 基诺族)
extern const vocabulary_list political_statuses;        // 政治面貌
extern const vocabulary_list schooling;                 // 在校生状况
extern const vocabulary_list out_of_school_reasons;     // why a member is not in school
extern const vocabulary_list member_change_kinds;       // 人口自然变更: birth, death, marriage, move, new ID number
extern const vocabulary_list disability_categories;     // 残疾类别
extern const vocabulary_list work_statuses;             // 务工状况
extern const vocabulary_list work_locations;            // 务工地点
extern const vocabulary_list roles;               // a user's role (docs/protocol.md "Roles"); the policy keys on it
extern const vocabulary_list helper_unit_levels;     // 帮扶单位级别: 省直, 市直, 县直, 乡镇, 村级
extern const vocabulary_list volunteer_backgrounds;  // 志愿服务队 members' backgrounds
extern const vocabulary_list measure_categories;     // 帮扶措施类别 (分类分档)
extern const vocabulary_list measure_statuses;       // 计划, 实施中, 已完成, 取消
extern const vocabulary_list fund_sources;           // 资金来源: 中央, 省, 市, 县, 信贷, 自筹, 社会帮扶
extern const vocabulary_list visit_kinds;            // 入户走访, 电话, 集中帮扶, 明察暗访
// The identification procedure (common/application_workflow.hpp has the rules).
extern const vocabulary_list application_states;
extern const vocabulary_list case_kinds;          // identification, exit
extern const vocabulary_list procedure_actions;
extern const vocabulary_list attachment_kinds;  // 资料: what an attachment of a household file is
extern const vocabulary_list campaign_phases;   // the year's campaign: 准备, 识别, 建档帮扶, 总结
// 专项督查 (common/supervision.hpp).
extern const vocabulary_list supervision_indicators;  // what the county weights: 进度, 资料齐全, 异议, 抽查准确率
extern const vocabulary_list supervision_note_kinds;  // 通报表扬, 通报批评
extern const vocabulary_list posting_levels;      // village, township, county, result, exit_village, exit_county
extern const vocabulary_list objection_states;    // open, upheld, dismissed
// Half-yearly review rounds (common/review_round.hpp).
extern const vocabulary_list review_outcomes;     // 继续帮扶, 拟脱贫, 疑点
// Spot checks (common/spot_check.hpp).
extern const vocabulary_list sample_standings;    // registered, exited, refused: the strata of a sample
extern const vocabulary_list check_methods;       // 入户, 电话, 暗访
extern const vocabulary_list check_verdicts;      // 准确, 有误, 应退未退, 应纳未纳
extern const vocabulary_list check_follow_ups;    // none, correction, exit, identification
// Checks against other departments (common/department_check.hpp).
extern const vocabulary_list department_list_kinds;  // 低保, 特困供养, 残疾人证, 机动车, 商品房, 工商登记, 财政供养
// Statistics (common/statistics.hpp).
extern const vocabulary_list income_bands;          // per-capita net income bands: below 1,000 … 4,000 and above
extern const vocabulary_list household_attributes;  // 军烈属, 独生子女户, 双女户, 贫困村农户

// Every list above, e.g. for a client that prints them all or a server endpoint that serves them.
const std::vector<const vocabulary_list*>& all();
}  // namespace vocabulary

}  // namespace fupin::common
