#include "common/csv_reader.hpp"

#include <algorithm>

namespace fupin::common {

csv_table read_csv(std::string_view text, std::size_t max_records) {
    csv_table out;
    auto fail = [&](int line, std::string zh, std::string en) {
        out.error_line = line;
        out.error_zh = std::move(zh);
        out.error_en = std::move(en);
        return out;
    };
    int line = 1;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        csv_record record;
        record.line = line;
        for (;;) {          // one field per turn
            std::string field;
            if (i < n && text[i] == '"') {
                const int opened_on = line;
                ++i;
                for (;;) {
                    if (i >= n)
                        return fail(opened_on, "第 " + std::to_string(opened_on) + " 行：引号未闭合",
                                    "line " + std::to_string(opened_on) + ": a quote is never closed");
                    if (text[i] == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n') ++line;
                    field += text[i++];
                }
                if (i < n && text[i] != ',' && text[i] != '\n' && !(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') &&
                    !(text[i] == '\r' && i + 1 == n))
                    return fail(line, "第 " + std::to_string(line) + " 行：引号后有多余的字符",
                                "line " + std::to_string(line) + ": text after a closing quote");
            } else {
                while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    if (text[i] == '"')
                        return fail(line, "第 " + std::to_string(line) + " 行：未加引号的字段中有引号",
                                    "line " + std::to_string(line) + ": a quote inside an unquoted field");
                    field += text[i++];
                }
                if (i < n && text[i] == '\r' && !(i + 1 >= n || text[i + 1] == '\n'))
                    return fail(line, "第 " + std::to_string(line) + " 行：字段中有回车符",
                                "line " + std::to_string(line) + ": a carriage return inside a field");
            }
            record.fields.push_back(std::move(field));
            if (i < n && text[i] == ',') {
                ++i;
                continue;
            }
            // End of the record: CRLF, LF, or the end of the text.
            if (i < n && text[i] == '\r') ++i;
            if (i < n && text[i] == '\n') ++i;
            ++line;
            break;
        }
        // A line of nothing but separators (",,," is what a spreadsheet writes for a row it cleared) is no record.
        if (std::all_of(record.fields.begin(), record.fields.end(), [](const auto& f) { return f.empty(); })) continue;
        if (out.records.size() == max_records)
            return fail(record.line, "文件超过 " + std::to_string(max_records) + " 行",
                        "the file has more than " + std::to_string(max_records) + " records");
        out.records.push_back(std::move(record));
    }
    return out;
}

std::string trimmed_field(std::string_view s) {
    static constexpr std::string_view spaces[] = {" ", "\t", "\xC2\xA0", "\xE3\x80\x80"};
    auto strip = [&](bool front) {
        for (bool again = true; again;) {
            again = false;
            for (auto sp : spaces)
                if (front ? s.starts_with(sp) : s.ends_with(sp)) {
                    front ? s.remove_prefix(sp.size()) : s.remove_suffix(sp.size());
                    again = true;
                }
        }
    };
    strip(true);
    strip(false);
    return std::string(s);
}

}  // namespace fupin::common
