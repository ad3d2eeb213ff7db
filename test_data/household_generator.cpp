#include "test_data/household_generator.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "common/household_validation.hpp"
#include "common/id_number.hpp"

namespace fupin::test_data {
namespace {

using namespace std::chrono;

// ID numbers: 529901 YYYYMMDD SSS C. Each member slot owns a band of birth years and a disjoint range of the
// 3-digit sequence, so slots never collide. Within a slot, household `index` takes date rank t = index / r and
// sequence offset j = index % r (r = sequences per date): a bijection, so no two indices share a number.
// Date rank t becomes a day of the band through a stride coprime with the band's length, so birth dates spread
// over the whole band while consecutive households still share a date: a batch of 5,000 households touches
// only ~60 dates per slot, which keeps the unique index on members.id_number warm (random keys made MariaDB's
// 64 MB buffer pool read a page per member). Head and spouse pick the sex bit (odd sequence = male), so r is
// half their range.
struct slot_layout {
    int first_year, last_year, seq_base, seq_count;
    bool choose_sex;
    int phase_days;  // shifts the band, so a spouse is not born on the head's birthday
};
constexpr std::array<slot_layout, household_generator::max_members> slots{{
    {1945, 1994, 0, 160, true, 0},       // head
    {1945, 1994, 160, 160, true, 800},   // spouse: about two years younger, or much older at the band's end
    {1965, 2024, 320, 130, false, 0},    // children
    {1965, 2024, 450, 130, false, 900},
    {1965, 2024, 580, 130, false, 1800},
    {1930, 1964, 710, 145, false, 0},    // a parent of the head
    {1930, 2024, 855, 145, false, 0},    // a sibling or grandchild
}};

struct slot_days {
    sys_days first;
    std::int64_t count;
    std::int64_t stride;
};

const std::array<slot_days, household_generator::max_members>& days_of_slots() {
    static const auto table = [] {
        std::array<slot_days, household_generator::max_members> t{};
        for (std::size_t s = 0; s < slots.size(); ++s) {
            const sys_days first{year{slots[s].first_year} / January / 1};
            const sys_days end{year{slots[s].last_year + 1} / January / 1};
            const std::int64_t n = (end - first).count();
            std::int64_t stride = n * 618 / 1000;
            while (std::gcd(stride, n) != 1) ++stride;
            const std::int64_t per_date = slots[s].choose_sex ? slots[s].seq_count / 2 : slots[s].seq_count;
            if (n * per_date < household_generator::max_households)
                throw std::logic_error("household_generator: slot layout too small for max_households");
            t[s] = {first, n, stride};
        }
        return t;
    }();
    return table;
}

constexpr std::array<const char*, 24> surnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
                                               "马", "朱", "胡", "郭", "何", "林", "罗", "高", "梁", "宋", "郑", "谢"};
constexpr std::array<const char*, 32> given{"秀", "英", "华", "明", "国", "建", "文", "平", "志", "德", "玉", "兰",
                                            "芳", "军", "伟", "强", "丽", "红", "春", "海", "山", "金", "桂", "云",
                                            "林", "成", "福", "贵", "梅", "荣", "光", "永"};
constexpr std::array<const char*, 4> causes_by_weight{"illness", "illness", "disability", "lack_of_labour"};
constexpr std::array<const char*, 11> causes{"illness",        "disability",         "schooling",      "disaster",
                                             "lack_of_land",   "lack_of_water",      "lack_of_technology",
                                             "lack_of_labour", "lack_of_funds",      "poor_transport", "lack_of_drive"};
constexpr std::array<const char*, 4> assets_notes{"耕牛1头", "摩托车1辆", "生猪3头、三轮车1辆", "无"};
constexpr std::array<const char*, 3> banks{"农村信用社", "中国农业银行", "中国邮政储蓄银行"};

// 2016-01-01T00:00:00Z: households were filed one a minute from then on, and changed within 90 days.
constexpr std::int64_t first_created_ms = 1'451'606'400'000;
constexpr std::int64_t filing_interval_ms = 60'000;

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::string digits(std::uint64_t v, int count) {
    std::string s(static_cast<std::size_t>(count), '0');
    for (int i = count - 1; i >= 0; --i, v /= 10) s[static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
    return s;
}

}  // namespace

household_generator::household_generator(std::vector<common::area> groups, std::uint64_t seed)
    : groups_(std::move(groups)), seed_(seed) {
    if (groups_.empty()) throw std::invalid_argument("household_generator: no village groups");
    std::sort(groups_.begin(), groups_.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    days_of_slots();  // checks the layout once, before any number is handed out
}

std::uint64_t household_generator::hash(std::int64_t index, std::uint64_t salt) const {
    return mix(mix(seed_ * 0x100000001b3ULL + salt) ^ static_cast<std::uint64_t>(index));
}

const common::area& household_generator::group_of(std::int64_t index) const {
    return groups_[hash(index, 1) % groups_.size()];
}

int household_generator::size(std::int64_t index) const {
    // 1..7 people with weights 6/14/20/24/18/11/7 %: 3.95 on average. Independent of the seed, like the
    // ID numbers, so a probe knows which members exist.
    static constexpr std::array<int, 7> cumulative{6, 20, 40, 64, 82, 93, 100};
    const auto roll = static_cast<int>(mix(static_cast<std::uint64_t>(index) ^ 0x5157ULL) % 100);
    return static_cast<int>(std::upper_bound(cumulative.begin(), cumulative.end(), roll) - cumulative.begin()) + 1;
}

std::string household_generator::id_number(std::int64_t index, int slot) const {
    if (index < 0 || index >= max_households || slot < 0 || slot >= max_members)
        throw std::out_of_range("household_generator: index or member slot out of range");
    const slot_layout& layout = slots[static_cast<std::size_t>(slot)];
    const slot_days& days = days_of_slots()[static_cast<std::size_t>(slot)];
    const std::int64_t per_date = layout.choose_sex ? layout.seq_count / 2 : layout.seq_count;
    const std::int64_t t = index / per_date;
    const std::int64_t j = index % per_date;
    const year_month_day birth{days.first + sys_days::duration{(t * days.stride + layout.phase_days) % days.count}};
    std::int64_t seq = layout.seq_base + j;
    if (layout.choose_sex) {
        // Most heads are men (as in the registers); the spouse has the other sex.
        const bool head_male = mix(static_cast<std::uint64_t>(index) ^ 0x4ead) % 100 < 85;
        const bool male = slot == 0 ? head_male : !head_male;
        seq = layout.seq_base + 2 * j + (male ? 1 : 0);
    }
    const std::string first17 = "529901" + digits(static_cast<int>(birth.year()), 4) +
                                digits(static_cast<unsigned>(birth.month()), 2) +
                                digits(static_cast<unsigned>(birth.day()), 2) + digits(static_cast<std::uint64_t>(seq), 3);
    return first17 + common::id_number_check_digit(first17);
}

std::int64_t household_generator::updated_at_ms(std::int64_t index) const {
    const auto change = static_cast<std::int64_t>(hash(index, 2) % (90LL * 86'400'000));
    return first_created_ms + index * filing_interval_ms + change;
}

const std::string& household_generator::village_code(std::int64_t index) const { return group_of(index).parent_code; }

std::string household_generator::page_token(std::int64_t index) const {
    return std::to_string(updated_at_ms(index)) + "." + std::to_string(index + 1);
}

common::household household_generator::make(std::int64_t index, int members) const {
    common::household h;
    const auto r = [&](std::uint64_t salt, std::uint64_t bound) { return hash(index, salt) % bound; };
    const common::area& group = group_of(index);
    h.id = index + 1;
    h.version = 1;
    h.created_at_ms = first_created_ms + index * filing_interval_ms;
    h.updated_at_ms = updated_at_ms(index);
    const auto status_roll = r(3, 100);
    h.status = status_roll < 70 ? "registered" : status_roll < 90 ? "exited" : "pending";
    h.group_code = group.code;
    h.village_code = group.parent_code;
    h.township_code = group.code.substr(0, 9);
    h.address = group.name + std::to_string(1 + r(4, 300)) + "号";
    h.phone = "13" + digits(r(5, 1'000'000'000), 9);
    h.bank_name = banks[r(6, banks.size())];
    h.bank_account = "6228" + digits(r(7, 1'000'000'000'000'000ULL), 15);
    const double contracted = static_cast<double>(r(8, 80)) / 10.0;
    h.land = {contracted, static_cast<double>(r(9, 10)) / 10.0, r(10, 10) == 0 ? 0.5 : 0.0};
    const auto housing = r(11, 10);
    h.land.irrigated_mu = static_cast<double>(r(200, static_cast<std::uint64_t>(contracted * 10) + 1)) / 10.0;
    h.land.forest_mu = r(201, 3) == 0 ? static_cast<double>(r(202, 200)) / 10.0 : 0.0;
    h.land.pasture_mu = r(203, 10) == 0 ? 5.0 : 0.0;
    auto& c = h.conditions;
    c.housing = housing < 5 ? "safe" : housing < 8 ? "ordinary" : "dilapidated";
    if (c.housing == "dilapidated") c.housing_danger_grade = r(204, 3) == 0 ? "d" : "c";
    c.housing_area_m2 = static_cast<double>(20 + r(12, 130));
    c.drinking_water_difficult = r(13, 5) == 0;
    c.drinking_water_safe = !c.drinking_water_difficult && r(205, 10) != 0;
    c.food_secure = r(230, 10) != 0;
    c.clothing_secure = r(231, 10) != 0;
    c.electricity = r(14, 50) == 0 ? "none" : "grid";
    c.production_electricity = c.electricity == "grid" && r(206, 2) == 0;
    c.road_access = r(15, 3) == 0 ? "gravel" : "hardened";
    c.main_road_distance_km = static_cast<double>(r(207, 100)) / 10.0;
    c.fuel = r(208, 3) == 0 ? "coal" : "firewood";
    c.sanitary_toilet = r(209, 3) != 0;
    c.cooperative_member = r(210, 5) == 0;
    c.consumption_level = r(16, 10) < 7 ? "low" : "medium";
    c.assets_value = static_cast<common::money_fen>(r(17, 50'000)) * 100;
    c.assets_note = assets_notes[r(18, assets_notes.size())];
    h.income.year = 2025;
    h.income.wages = static_cast<common::money_fen>(r(19, 3'000'000));
    h.income.production_expenses = static_cast<common::money_fen>(r(190, 300'000));
    h.income.production_business = static_cast<common::money_fen>(r(20, 1'500'000)) + h.income.production_expenses;
    h.income.property = static_cast<common::money_fen>(r(21, 50'000));
    h.income.transfers.other = static_cast<common::money_fen>(r(22, 400'000));
    h.main_cause = causes_by_weight[r(23, causes_by_weight.size())];
    for (std::uint64_t k = 0; k < r(24, 3); ++k) {
        const std::string cause = causes[r(25 + k, causes.size())];
        if (cause != h.main_cause && std::find(h.other_causes.begin(), h.other_causes.end(), cause) == h.other_causes.end())
            h.other_causes.push_back(cause);
    }

    if (members < 0 || members > max_members) throw std::out_of_range("household_generator: 0..7 members");
    const int n = members == 0 ? size(index) : members;
    const std::string family = surnames[r(30, surnames.size())];
    // 贫困户属性: a quarter on the minimum allowance; a third of those living alone in extreme-poverty support.
    h.poverty_type = n == 1 && r(31, 3) == 0 ? "extreme_support" : r(27, 4) == 0 ? "minimum_allowance" : "general";
    h.military_family = r(32, 50) == 0;
    h.national_number = "52" + digits(static_cast<std::uint64_t>(index) + 1, 14);
    for (int slot = 0; slot < n; ++slot) {
        common::member m;
        m.id_number = id_number(index, slot);
        const bool male = (m.id_number[16] - '0') % 2 == 1;
        const int birth_year = std::stoi(m.id_number.substr(6, 4));
        const int age = 2025 - birth_year;
        const std::string surname = slot == 1 || slot == 5 ? surnames[r(32 + slot, surnames.size())] : family;
        m.name = surname + given[r(40 + slot, given.size())] + (r(50 + slot, 3) == 0 ? "" : given[r(60 + slot, given.size())]);
        static constexpr std::array<const char*, 7> head_relations{"head", "spouse", "", "", "", "", ""};
        if (slot < 2) m.relation = head_relations[static_cast<std::size_t>(slot)];
        else if (slot < 5) m.relation = male ? "son" : "daughter";
        else if (slot == 5) m.relation = male ? "father" : "mother";
        else m.relation = birth_year >= 2000 ? (male ? "grandson" : "granddaughter") : (male ? "brother" : "sister");
        static constexpr std::array<const char*, 5> schooling{"illiterate", "primary", "junior_secondary",
                                                              "senior_secondary", "vocational"};
        m.education = age < 6 ? "preschool" : schooling[r(70 + slot, schooling.size())];
        const auto health = r(80 + slot, 100);
        m.health = health < 70 ? "healthy" : health < 85 ? "chronic_illness" : health < 92 ? "serious_illness" : "disabled";
        m.disability_grade = m.health == "disabled" ? static_cast<int>(1 + r(90 + slot, 4)) : 0;
        const bool working_age = age >= 16 && age <= 65;
        m.labour_capacity = !working_age || m.health == "disabled" ? "none" : m.health == "healthy" ? "full" : "partial";
        // The form's member details: most are Han or Miao, schoolchildren are in school, the insured are most.
        static constexpr std::array<const char*, 5> ethnicities{"01", "01", "06", "09", "12"};
        m.ethnicity = ethnicities[r(130 + slot, ethnicities.size())];
        m.political_status = age >= 18 && r(140 + slot, 20) == 0 ? "party_member" : "masses";
        m.schooling = age < 6 ? "preschool" : age < 12 ? "primary" : age < 15 ? "junior_secondary"
                      : age < 18 ? "senior_secondary" : "not_in_school";
        if (m.health == "disabled") {
            static constexpr std::array<const char*, 7> categories{"visual", "hearing", "speech", "physical",
                                                                   "intellectual", "mental", "multiple"};
            const auto k = r(150 + slot, categories.size());
            m.disability_category = categories[k];
            m.disability_certificate = m.id_number + std::to_string(k + 1) + std::to_string(m.disability_grade);
        }
        m.work_status = "not_working";
        if (m.labour_capacity == "full" && age <= 55 && r(100 + slot, 10) < 4) {
            static constexpr std::array<const char*, 4> locations{"township", "county", "province", "outside_province"};
            m.work_status = "working";
            m.work_location = locations[r(160 + slot, locations.size())];
            m.migrant_work_months = static_cast<int>(3 + r(110 + slot, 10));
            m.migrant_work_income = m.migrant_work_months * static_cast<common::money_fen>(200'000 + r(120 + slot, 200'000));
        }
        m.medical_insurance = r(170 + slot, 50) != 0;
        m.pension_insurance = age >= 16 && r(180 + slot, 5) != 0;
        m.serious_illness_insurance = m.medical_insurance;
        h.members.push_back(std::move(m));
    }
    common::derive(h);
    return h;
}

}  // namespace fupin::test_data
