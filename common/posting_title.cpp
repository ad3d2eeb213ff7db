#include "common/posting_title.hpp"

#include <fmt/format.h>

namespace fupin::common {

std::string posting_title(const posting& p, language lang) {
    const std::string area = p.area_name.empty() ? (p.area_code.empty() ? "-" : p.area_code) : p.area_name;
    if (p.level == "exit_village")
        return lang == language::en ? fmt::format("{}: households proposed to exit poverty in {}", area, p.year)
                                    : fmt::format("{} {}年拟脱贫退出户公示", area, p.year);
    if (p.level == "exit_county")
        return lang == language::en
                   ? fmt::format("{}: households exiting poverty in {}, county announcement", area, p.year)
                   : fmt::format("{} {}年脱贫退出户公告", area, p.year);
    if (lang == language::en) {
        static const std::pair<const char*, const char*> names[]{
            {"village", "first posting"}, {"township", "second posting"}, {"county", "third posting"},
            {"result", "result of the identification"}};
        std::string which = p.level;
        for (const auto& [code, name] : names)
            if (p.level == code) which = name;
        return fmt::format("{}: poverty-alleviation targets of {}, {}", area, p.year, which);
    }
    std::string which = p.level;
    if (p.level == "village") which = "第一榜公示";
    else if (p.level == "township") which = "第二榜公示";
    else if (p.level == "county") which = "第三榜公示";
    else if (p.level == "result") which = "识别结果公示";
    return fmt::format("{} {}年扶贫对象{}", area, p.year, which);
}

}  // namespace fupin::common
