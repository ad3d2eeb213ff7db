#include "common/vocabulary.hpp"

namespace fupin::common {

bool is_valid(const vocabulary_list& list, std::string_view code) {
    for (const auto& e : list.entries)
        if (e.code == code) return true;
    return false;
}

const std::string& label(const vocabulary_list& list, std::string_view code, language lang) {
    static const std::string none;
    for (const auto& e : list.entries)
        if (e.code == code) return lang == language::en ? e.en : e.zh;
    return none;
}

void require_code(const vocabulary_list& list, const std::string& value, const std::string& field, bool required) {
    if (value.empty() && !required) return;
    if (value.empty())
        throw api_error::invalid_field(field, "missing_field", "缺少字段 " + field, field + " is required");
    if (!is_valid(list, value))
        throw api_error::invalid_field(field, "invalid_value", "字段 " + field + " 应为:" + allowed_codes(list),
                                       field + " must be one of " + allowed_codes(list));
}

std::string allowed_codes(const vocabulary_list& list) {
    std::string out;
    for (const auto& e : list.entries) {
        if (!out.empty()) out += " | ";
        out += e.code;
    }
    return out;
}

namespace vocabulary {

const vocabulary_list household_statuses{"household_statuses",
                                         {{"pending", "待识别", "pending identification"},
                                          {"registered", "已建档立卡", "registered"},
                                          {"exited", "已退出", "exited"}}};

const vocabulary_list sexes{"sexes", {{"male", "男", "male"}, {"female", "女", "female"}}};

const vocabulary_list relations{"relations",
                                {{"head", "户主", "head of household"},
                                 {"spouse", "配偶", "spouse"},
                                 {"son", "儿子", "son"},
                                 {"daughter", "女儿", "daughter"},
                                 {"daughter_in_law", "儿媳", "daughter-in-law"},
                                 {"son_in_law", "女婿", "son-in-law"},
                                 {"grandson", "孙子", "grandson"},
                                 {"granddaughter", "孙女", "granddaughter"},
                                 {"father", "父亲", "father"},
                                 {"mother", "母亲", "mother"},
                                 {"father_in_law", "岳父/公公", "father-in-law"},
                                 {"mother_in_law", "岳母/婆婆", "mother-in-law"},
                                 {"brother", "兄弟", "brother"},
                                 {"sister", "姐妹", "sister"},
                                 {"other", "其他", "other"}}};

const vocabulary_list education_levels{"education_levels",
                                       {{"illiterate", "文盲或半文盲", "illiterate or semi-literate"},
                                        {"preschool", "学龄前", "preschool"},
                                        {"primary", "小学", "primary school"},
                                        {"junior_secondary", "初中", "junior secondary school"},
                                        {"senior_secondary", "高中", "senior secondary school"},
                                        {"vocational", "中专/职高", "secondary vocational school"},
                                        {"college", "大专及以上", "college or above"}}};

const vocabulary_list health_conditions{"health_conditions",
                                        {{"healthy", "健康", "healthy"},
                                         {"chronic_illness", "长期慢性病", "chronic illness"},
                                         {"serious_illness", "大病", "serious illness"},
                                         {"disabled", "残疾", "disabled"}}};

const vocabulary_list labour_capacities{"labour_capacities",
                                        {{"full", "普通劳动力", "full labour capacity"},
                                         {"skilled", "技能劳动力", "skilled labour"},
                                         {"partial", "弱劳动力或半劳动力", "partial labour capacity"},
                                         {"lost", "丧失劳动力", "labour capacity lost"},
                                         {"none", "无劳动力", "no labour capacity"}}};

const vocabulary_list housing_conditions{"housing_conditions",
                                         {{"safe", "安全住房", "safe housing"},
                                          {"ordinary", "一般住房", "ordinary housing"},
                                          {"dilapidated", "危房", "dilapidated housing"},
                                          {"none", "无房", "no housing"}}};

const vocabulary_list housing_danger_grades{"housing_danger_grades",
                                            {{"c", "C级危房", "grade C dilapidated"},
                                             {"d", "D级危房", "grade D dilapidated"}}};

const vocabulary_list fuel_types{"fuel_types",
                                 {{"firewood", "柴草", "firewood and straw"},
                                  {"dung", "干畜粪", "dried dung"},
                                  {"coal", "煤炭", "coal"},
                                  {"clean_energy", "清洁能源", "clean energy"},
                                  {"other", "其他", "other"}}};

const vocabulary_list electricity{"electricity",
                                  {{"grid", "已通生活用电", "connected to the grid"},
                                   {"none", "未通电", "no electricity"}}};

const vocabulary_list road_access{"road_access",
                                  {{"hardened", "硬化路", "hardened road"},
                                   {"gravel", "砂石路", "gravel road"},
                                   {"dirt", "土路/泥路", "dirt road"},
                                   {"none", "不通路", "no road"}}};

const vocabulary_list consumption_levels{"consumption_levels",
                                         {{"low", "低", "low"}, {"medium", "中", "medium"}, {"high", "高", "high"}}};

const vocabulary_list poverty_causes{"poverty_causes",
                                     {{"illness", "因病", "illness"},
                                      {"disability", "因残", "disability"},
                                      {"schooling", "因学", "schooling costs"},
                                      {"disaster", "因灾", "natural disaster"},
                                      {"lack_of_land", "缺土地", "lack of land"},
                                      {"lack_of_water", "缺水", "lack of water"},
                                      {"lack_of_technology", "缺技术", "lack of skills and technology"},
                                      {"lack_of_labour", "缺劳力", "lack of labour"},
                                      {"lack_of_funds", "缺资金", "lack of funds"},
                                      {"poor_transport", "交通条件落后", "poor transport"},
                                      {"lack_of_drive", "自身发展动力不足", "lack of own drive"},
                                      {"other", "其他", "other"}}};

const vocabulary_list identification_standards{"identification_standards",
                                               {{"national", "国家标准", "national line"},
                                                {"provincial", "省定标准", "provincial line"},
                                                {"municipal", "市定标准", "municipal line"}}};

const vocabulary_list poverty_types{"poverty_types",
                                    {{"general", "一般贫困户", "ordinary poor household"},
                                     {"minimum_allowance", "低保贫困户", "poor household on the minimum allowance"},
                                     {"extreme_support", "特困供养贫困户", "poor household in extreme-poverty support (五保)"}}};

const vocabulary_list ethnicities{"ethnicities",
                                  {{"01", "汉族", "Han"},
                                   {"02", "蒙古族", "Mongol"},
                                   {"03", "回族", "Hui"},
                                   {"04", "藏族", "Tibetan"},
                                   {"05", "维吾尔族", "Uyghur"},
                                   {"06", "苗族", "Miao"},
                                   {"07", "彝族", "Yi"},
                                   {"08", "壮族", "Zhuang"},
                                   {"09", "布依族", "Buyei"},
                                   {"10", "朝鲜族", "Korean"},
                                   {"11", "满族", "Manchu"},
                                   {"12", "侗族", "Dong"},
                                   {"13", "瑶族", "Yao"},
                                   {"14", "白族", "Bai"},
                                   {"15", "土家族", "Tujia"},
                                   {"16", "哈尼族", "Hani"},
                                   {"17", "哈萨克族", "Kazakh"},
                                   {"18", "傣族", "Dai"},
                                   {"19", "黎族", "Li"},
                                   {"20", "傈僳族", "Lisu"},
                                   {"21", "佤族", "Va"},
                                   {"22", "畲族", "She"},
                                   {"23", "高山族", "Gaoshan"},
                                   {"24", "拉祜族", "Lahu"},
                                   {"25", "水族", "Sui"},
                                   {"26", "东乡族", "Dongxiang"},
                                   {"27", "纳西族", "Naxi"},
                                   {"28", "景颇族", "Jingpo"},
                                   {"29", "柯尔克孜族", "Kyrgyz"},
                                   {"30", "土族", "Tu"},
                                   {"31", "达斡尔族", "Daur"},
                                   {"32", "仫佬族", "Mulao"},
                                   {"33", "羌族", "Qiang"},
                                   {"34", "布朗族", "Blang"},
                                   {"35", "撒拉族", "Salar"},
                                   {"36", "毛南族", "Maonan"},
                                   {"37", "仡佬族", "Gelao"},
                                   {"38", "锡伯族", "Xibe"},
                                   {"39", "阿昌族", "Achang"},
                                   {"40", "普米族", "Pumi"},
                                   {"41", "塔吉克族", "Tajik"},
                                   {"42", "怒族", "Nu"},
                                   {"43", "乌孜别克族", "Uzbek"},
                                   {"44", "俄罗斯族", "Russian"},
                                   {"45", "鄂温克族", "Evenki"},
                                   {"46", "德昂族", "Deang"},
                                   {"47", "保安族", "Bonan"},
                                   {"48", "裕固族", "Yugur"},
                                   {"49", "京族", "Gin"},
                                   {"50", "塔塔尔族", "Tatar"},
                                   {"51", "独龙族", "Derung"},
                                   {"52", "鄂伦春族", "Oroqen"},
                                   {"53", "赫哲族", "Hezhen"},
                                   {"54", "门巴族", "Monba"},
                                   {"55", "珞巴族", "Lhoba"},
                                   {"56", "基诺族", "Jino"}}};

const vocabulary_list political_statuses{"political_statuses",
                                         {{"party_member", "中共党员", "Communist Party member"},
                                          {"probationary_party_member", "中共预备党员", "probationary Party member"},
                                          {"league_member", "共青团员", "Communist Youth League member"},
                                          {"democratic_party", "民主党派成员", "member of a democratic party"},
                                          {"non_partisan", "无党派人士", "non-partisan"},
                                          {"masses", "群众", "ordinary citizen"}}};

const vocabulary_list schooling{"schooling",
                                {{"preschool", "学前教育", "pre-school"},
                                 {"primary", "小学", "primary school"},
                                 {"junior_secondary", "初中", "junior secondary school"},
                                 {"senior_secondary", "高中", "senior secondary school"},
                                 {"secondary_vocational", "中职", "secondary vocational school"},
                                 {"higher_vocational", "高职/大专", "higher vocational college"},
                                 {"undergraduate", "本科及以上", "university"},
                                 {"not_in_school", "非在校生", "not in school"}}};

// Why a member is not in school; for a child of compulsory school age, what the exit standard's 义务教育有保障
// accepts instead of school.
const vocabulary_list out_of_school_reasons{"out_of_school_reasons",
                                            {{"home_schooling", "送教上门", "taught at home"},
                                             {"severe_disability", "重度残疾不能就学", "severely disabled"},
                                             {"illness", "因病休学", "ill, school suspended"},
                                             {"finished", "已完成义务教育", "compulsory schooling finished"},
                                             {"other", "其他", "other"}}};

const vocabulary_list member_change_kinds{"member_change_kinds",
                                          {{"birth", "出生", "birth"},
                                           {"death", "死亡", "death"},
                                           {"marriage_in", "婚入", "married in"},
                                           {"marriage_out", "婚出", "married out"},
                                           {"move_in", "迁入", "moved in"},
                                           {"move_out", "迁出", "moved out"},
                                           {"id_number_change", "身份证号变更", "new ID number"}}};

// In the order of the disability certificate's category digit (1 视力 … 7 多重).
const vocabulary_list disability_categories{"disability_categories",
                                            {{"visual", "视力残疾", "visual"},
                                             {"hearing", "听力残疾", "hearing"},
                                             {"speech", "言语残疾", "speech"},
                                             {"physical", "肢体残疾", "physical"},
                                             {"intellectual", "智力残疾", "intellectual"},
                                             {"mental", "精神残疾", "mental"},
                                             {"multiple", "多重残疾", "multiple"}}};

const vocabulary_list work_statuses{"work_statuses",
                                    {{"not_working", "未务工", "not working for wages"},
                                     {"working", "务工", "working for wages"}}};

const vocabulary_list work_locations{"work_locations",
                                     {{"township", "乡镇内", "within the township"},
                                      {"county", "乡镇外县内", "elsewhere in the county"},
                                      {"province", "县外省内", "elsewhere in the province"},
                                      {"outside_province", "省外", "outside the province"}}};

const vocabulary_list roles{"roles",
                            {{"village_clerk", "村级信息员", "Village clerk"},
                             {"resident_cadre", "驻村干部", "Resident cadre"},
                             {"township_reviewer", "乡镇审核员", "Township reviewer"},
                             {"township_head", "乡镇长", "Township head"},
                             {"county_approver", "县扶贫办审批员", "County approver"},
                             {"county_admin", "县级系统管理员", "County administrator"},
                             {"supervisor", "督查审计员", "Supervisor"},
                             {"helper", "帮扶责任人", "Helper"}}};

const vocabulary_list helper_unit_levels{"helper_unit_levels",
                                         {{"provincial", "省直", "provincial"},
                                          {"municipal", "市直", "municipal"},
                                          {"county", "县直", "county"},
                                          {"township", "乡镇", "township"},
                                          {"village", "村级", "village"}}};

// Who the plan (六) calls to the volunteer service team.
const vocabulary_list volunteer_backgrounds{"volunteer_backgrounds",
                                           {{"official", "机关干部", "official"},
                                            {"enterprise", "企业员工", "enterprise staff"},
                                            {"village_official", "大学生村官", "college-graduate village official"},
                                            {"technician", "农技人员", "farm technician"},
                                            {"business_owner", "个体工商户", "business owner"}}};

// 分类分档: the plan's four (产业扶持, 转移就业培训, 基础设施, 易地扶贫搬迁) and those national practice added.
const vocabulary_list measure_categories{"measure_categories",
                                         {{"industry", "产业扶持", "production support"},
                                          {"employment_training", "转移就业培训", "labour-transfer training"},
                                          {"infrastructure", "基础设施", "infrastructure"},
                                          {"relocation", "易地扶贫搬迁", "relocation"},
                                          {"education", "教育", "education"},
                                          {"health", "健康医疗", "health care"},
                                          {"housing_renovation", "危房改造", "housing renovation"},
                                          {"microcredit", "小额信贷", "micro-credit"},
                                          {"ecological_compensation", "生态补偿", "ecological compensation"},
                                          {"social_safety_net", "社会保障兜底", "social safety net"}}};

const vocabulary_list measure_statuses{"measure_statuses",
                                       {{"planned", "计划", "planned"},
                                        {"in_progress", "实施中", "under way"},
                                        {"completed", "已完成", "completed"},
                                        {"cancelled", "取消", "cancelled"}}};

const vocabulary_list fund_sources{"fund_sources",
                                   {{"central", "中央", "central government"},
                                    {"provincial", "省", "province"},
                                    {"municipal", "市", "city"},
                                    {"county", "县", "county"},
                                    {"credit", "信贷", "credit"},
                                    {"self", "自筹", "own funds"},
                                    {"social", "社会帮扶", "social assistance"}}};

const vocabulary_list visit_kinds{"visit_kinds",
                                  {{"home_visit", "入户走访", "home visit"},
                                   {"phone", "电话", "phone call"},
                                   {"group_assistance", "集中帮扶", "group assistance"},
                                   {"unannounced_check", "明察暗访", "unannounced check"}}};

const vocabulary_list application_states{"application_states",
                                         {{"applied", "已申请", "applied"},
                                          {"group_appraised", "村小组已初评", "appraised by the village group"},
                                          {"village_verified", "村委会已核实", "verified by the village committee"},
                                          {"village_appraised", "已民主评议", "appraised by the village panel"},
                                          {"village_posted", "第一榜公示中(村)", "first posting (village)"},
                                          {"cadre_signed", "驻村干部已签字上报", "signed by the resident cadre"},
                                          {"township_reviewed", "乡镇已审核", "reviewed by the township"},
                                          {"township_posted", "第二榜公示中(乡镇)", "second posting (township)"},
                                          {"township_signed", "乡镇长已签字盖章", "signed and sealed by the township head"},
                                          {"county_approved", "县扶贫办已审批", "approved by the county"},
                                          {"county_posted", "第三榜公示中(县)", "third posting (county)"},
                                          {"registered", "已建档立卡", "registered"},
                                          {"announced", "结果已返村公示", "result posted in the village"},
                                          {"refused", "未通过", "refused"},
                                          {"exit_proposed", "村提出拟退出", "exit proposed by the village"},
                                          {"exit_appraised", "退出已民主评议", "exit appraised by the village panel"},
                                          {"exit_acknowledged", "贫困户已签字认可", "exit acknowledged by the household"},
                                          {"exit_village_posted", "退出村内公示中", "exit posted in the village"},
                                          {"exit_reviewed", "退出乡镇已审核", "exit reviewed by the township"},
                                          {"exit_approved", "退出县级已审批", "exit approved by the county"},
                                          {"exit_county_posted", "退出县级公告中", "exit announced by the county"},
                                          {"exited", "已脱贫退出", "exited"}}};

const vocabulary_list case_kinds{"case_kinds",
                                 {{"identification", "识别(建档立卡)", "identification"},
                                  {"exit", "脱贫退出", "exit"}}};

const vocabulary_list campaign_phases{"campaign_phases",
                                     {{"preparation", "准备", "preparation"},
                                      {"identification", "识别", "identification"},
                                      {"registration", "建档帮扶", "registration and assistance"},
                                      {"summary", "总结", "summary"}}};

const vocabulary_list supervision_indicators{"supervision_indicators",
                                            {{"progress", "工作进度", "progress"},
                                             {"completeness", "资料齐全率", "complete files"},
                                             {"objections", "县级公示无误率", "county posting clean"},
                                             {"spot_checks", "抽查准确率", "spot checks accurate"}}};

const vocabulary_list supervision_note_kinds{"supervision_note_kinds",
                                            {{"commendation", "通报表扬", "commendation"},
                                             {"criticism", "通报批评", "criticism"}}};

const vocabulary_list attachment_kinds{"attachment_kinds",
                                      {{"application", "入户申请书", "signed application"},
                                       {"appraisal_minutes", "民主评议记录", "appraisal minutes"},
                                       {"house_photo", "住房照片", "photo of the house"},
                                       {"id_copy", "身份证或户口簿复印件", "copy of the ID card or household register"},
                                       {"other", "其他材料", "other document"}}};

const vocabulary_list procedure_actions{"procedure_actions",
                                        {{"apply", "个人申请", "application"},
                                         {"import", "从原有档案导入", "imported from the earlier archive"},
                                         {"group_appraise", "村小组初评", "village group preliminary appraisal"},
                                         {"verify", "村委会调查核实", "village verification"},
                                         {"appraise", "民主评议", "democratic appraisal"},
                                         {"post", "张榜公示", "posting"},
                                         {"sign", "签字上报", "signature"},
                                         {"review", "乡镇审核", "township review"},
                                         {"approve", "县级审批", "county approval"},
                                         {"register", "建档立卡", "registration"},
                                         {"refuse", "不予通过", "refusal"},
                                         {"return", "退回重审", "returned for another look"},
                                         {"object", "登记异议", "objection recorded"},
                                         {"answer", "答复异议", "objection answered"},
                                         {"propose", "村提出拟退出", "exit proposal"},
                                         {"acknowledge", "贫困户签字认可", "acknowledgement by the household"},
                                         {"exit", "脱贫退出", "exit"}}};

const vocabulary_list posting_levels{"posting_levels",
                                     {{"village", "第一榜(村级公示)", "first posting (village)"},
                                      {"township", "第二榜(乡镇公示)", "second posting (township)"},
                                      {"county", "第三榜(县级公示)", "third posting (county)"},
                                      {"result", "结果公示(返村张榜)", "result posted in the village"},
                                      {"exit_village", "脱贫退出村内公示", "exit posting (village)"},
                                      {"exit_county", "脱贫退出县级公告", "exit announcement (county)"}}};

const vocabulary_list sample_standings{"sample_standings",
                                       {{"registered", "已建档立卡户", "registered"},
                                        {"exited", "已脱贫户", "exited"},
                                        {"refused", "识别未通过户", "refused at identification"}}};

const vocabulary_list check_methods{"check_methods",
                                    {{"home_visit", "入户核查", "home visit"},
                                     {"phone", "电话核查", "by phone"},
                                     {"unannounced", "暗访", "unannounced"}}};

const vocabulary_list check_verdicts{"check_verdicts",
                                     {{"accurate", "准确", "accurate"},
                                      {"inaccurate", "有误", "inaccurate"},
                                      {"should_exit", "应退未退", "should have exited"},
                                      {"should_enter", "应纳未纳", "should have been registered"}}};

const vocabulary_list check_follow_ups{"check_follow_ups",
                                       {{"none", "无需处理", "none"},
                                        {"correction", "更正档案", "correct the file"},
                                        {"exit", "启动退出程序", "propose the exit"},
                                        {"identification", "启动识别程序", "open an identification"}}};

const vocabulary_list review_outcomes{"review_outcomes",
                                      {{"stays", "继续帮扶", "stays"},
                                       {"proposed_exit", "拟脱贫", "proposed for exit"},
                                       {"flagged", "疑点", "flagged"}}};

// The lists other departments send the county for 数据比对 (common/department_check.hpp says which exclude).
const vocabulary_list department_list_kinds{"department_list_kinds",
                                           {{"dibao", "低保", "minimum living allowance (dibao)"},
                                            {"tekun", "特困供养", "destitute support (tekun)"},
                                            {"disability", "残疾人证", "disability certificate"},
                                            {"vehicle", "机动车", "motor vehicle"},
                                            {"commercial_housing", "商品房", "commercial housing purchase"},
                                            {"business", "工商登记", "business registration"},
                                            {"state_payroll", "财政供养", "state payroll"}}};

const vocabulary_list income_bands{"income_bands",
                                   {{"below_1000", "1000元以下", "below 1,000 yuan"},
                                    {"1000_2000", "1000–2000元", "1,000–2,000 yuan"},
                                    {"2000_3000", "2000–3000元", "2,000–3,000 yuan"},
                                    {"3000_4000", "3000–4000元", "3,000–4,000 yuan"},
                                    {"4000_up", "4000元及以上", "4,000 yuan and above"}}};

const vocabulary_list household_attributes{"household_attributes",
                                           {{"military_family", "军烈属", "military family"},
                                            {"only_child_family", "独生子女户", "only-child family"},
                                            {"two_daughters_family", "双女户", "two-daughters family"},
                                            {"poor_village", "贫困村农户", "in a poor village"}}};

const vocabulary_list objection_states{"objection_states",
                                       {{"open", "待核实答复", "open"},
                                        {"upheld", "异议成立", "upheld"},
                                        {"dismissed", "异议不成立", "dismissed"}}};

const std::vector<const vocabulary_list*>& all() {
    static const std::vector<const vocabulary_list*> lists{
        // The household file.
        &household_statuses, &sexes, &relations, &education_levels, &health_conditions, &labour_capacities,
        &housing_conditions, &housing_danger_grades, &electricity, &road_access, &fuel_types, &consumption_levels,
        &poverty_causes, &identification_standards, &poverty_types, &ethnicities, &political_statuses, &schooling, &out_of_school_reasons, &member_change_kinds,
        &disability_categories, &work_statuses, &work_locations,
        // The users, the helpers and the assistance.
        &roles, &helper_unit_levels, &volunteer_backgrounds, &measure_categories, &measure_statuses, &fund_sources,
        &visit_kinds,
        // The identification and exit procedures.
        &application_states, &case_kinds, &procedure_actions, &attachment_kinds, &campaign_phases, &supervision_indicators, &supervision_note_kinds, &posting_levels, &objection_states,
        // Review rounds and spot checks.
        &review_outcomes, &sample_standings, &check_methods, &check_verdicts, &check_follow_ups,
        // Checks against other departments' lists.
        &department_list_kinds,
        // Statistics (common/statistics.hpp).
        &income_bands, &household_attributes};
    return lists;
}

}  // namespace vocabulary
}  // namespace fupin::common
