#include "client/xlsx_sheet_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <string_view>

#include "client/input_errors.hpp"

namespace fupin::client {
namespace {

// Shared strings: far beyond any county's archive, and a bound on what a damaged file can make us hold.
constexpr std::size_t max_shared_strings = 20'000'000;
constexpr int max_columns = 16384;  // Excel's
// Excel's limit of a cell's text, and of all shared strings together: a damaged or hostile file is refused
// before it fills the memory.
constexpr std::size_t max_cell_bytes = 32767 * 4;
constexpr std::size_t max_shared_bytes = 512 * 1024 * 1024;

[[noreturn]] void not_a_workbook(const std::string& why) {
    throw unreadable_file("不是可读的 Excel 工作簿（.xlsx）：" + why);
}

using archive_ptr = std::unique_ptr<zip_t, decltype(&zip_discard)>;
using entry_ptr = std::unique_ptr<zip_file_t, decltype(&zip_fclose)>;

std::string_view local_name(const XML_Char* name) {
    std::string_view n = name;
    const auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* attribute(const XML_Char** attrs, std::string_view name) {
    for (int i = 0; attrs[i]; i += 2)
        if (local_name(attrs[i]) == name) return attrs[i + 1];
    return nullptr;
}

// What every parse's handlers share: the parser, to stop it, and what a handler threw, to throw it again once
// the parse has returned (an exception must not unwind through expat's C frames).
struct parse_state {
    XML_Parser parser = nullptr;
    std::exception_ptr failure;
};

template <class Work>
void guarded(parse_state& s, Work&& work) {
    if (s.failure) return;
    try {
        work();
    } catch (...) {
        s.failure = std::current_exception();
        XML_StopParser(s.parser, XML_FALSE);
    }
}

// Feeds one entry of the archive to an expat parser whose handlers are set; false when there is no such entry.
template <class State>
bool parse_entry(zip_t* zip, const std::string& name, State& state, XML_StartElementHandler start,
                 XML_EndElementHandler end, XML_CharacterDataHandler text) {
    entry_ptr entry(zip_fopen(zip, name.c_str(), 0), &zip_fclose);
    if (!entry) return false;
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreateNS(nullptr, ':'),
                                                                         &XML_ParserFree);
    state.parser = parser.get();
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(parser.get(), start, end);
    XML_SetCharacterDataHandler(parser.get(), text);
    char buffer[64 * 1024];
    for (;;) {
        const auto n = zip_fread(entry.get(), buffer, sizeof buffer);
        if (n < 0) not_a_workbook(name + " 无法解压");
        const auto status = XML_Parse(parser.get(), buffer, static_cast<int>(n), n == 0);
        if (state.failure) std::rethrow_exception(state.failure);
        if (status == XML_STATUS_ERROR)
            not_a_workbook(name + " 第" + std::to_string(XML_GetCurrentLineNumber(parser.get())) + "行：" +
                           XML_ErrorString(XML_GetErrorCode(parser.get())));
        if (n == 0) break;
    }
    return true;
}

// xl/workbook.xml: the first sheet's relationship id.
struct workbook_state : parse_state {
    std::string first_sheet_rid;
};

// xl/_rels/workbook.xml.rels: relationship id → target.
struct rels_state : parse_state {
    std::map<std::string, std::string> targets;
};

// xl/sharedStrings.xml: <si> items, each the text of its <t> elements (those in <rPh>, the phonetic guide, left
// out).
struct strings_state : parse_state {
    std::vector<std::string> items;
    std::size_t bytes = 0;
    std::string current;
    bool in_t = false;
    int phonetic = 0;
};

// A worksheet: <row r><c r t><v>…</v> or <is><t>…</t></is></c></row>.
struct sheet_state : parse_state {
    const sheet_row_handler* on_row = nullptr;
    const std::vector<std::string>* strings = nullptr;
    int row = 0;
    std::vector<std::string> cells;
    int column = -1;
    int next_column = 0;
    std::string type;
    std::string text;
    bool in_value = false;
};

// "BC12" → 54 (0-based), -1 when it does not start with letters.
int column_of(const char* ref) {
    int c = 0;
    int letters = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ++ref, ++letters) c = c * 26 + (*ref - 'A' + 1);
    if (letters == 0 || letters > 3) return -1;
    return c - 1;
}

void XMLCALL workbook_start(void* data, const XML_Char* name, const XML_Char** attrs) {
    auto& s = *static_cast<workbook_state*>(data);
    if (local_name(name) == "sheet" && s.first_sheet_rid.empty())
        if (const auto* id = attribute(attrs, "id")) s.first_sheet_rid = id;
}
void XMLCALL no_end(void*, const XML_Char*) {}
void XMLCALL no_text(void*, const XML_Char*, int) {}

void XMLCALL rels_start(void* data, const XML_Char* name, const XML_Char** attrs) {
    auto& s = *static_cast<rels_state*>(data);
    if (local_name(name) != "Relationship") return;
    const auto* id = attribute(attrs, "Id");
    const auto* target = attribute(attrs, "Target");
    if (id && target) guarded(s, [&] { s.targets[id] = target; });
}

void XMLCALL strings_start(void* data, const XML_Char* name, const XML_Char**) {
    auto& s = *static_cast<strings_state*>(data);
    const auto n = local_name(name);
    if (n == "si") s.current.clear();
    else if (n == "rPh") ++s.phonetic;
    else if (n == "t") s.in_t = s.phonetic == 0;
}
void XMLCALL strings_end(void* data, const XML_Char* name) {
    auto& s = *static_cast<strings_state*>(data);
    const auto n = local_name(name);
    if (n == "si") {
        guarded(s, [&] {
            if (s.items.size() >= max_shared_strings) not_a_workbook("共享字符串过多");
            s.items.push_back(std::move(s.current));
        });
        s.current.clear();
    } else if (n == "rPh") --s.phonetic;
    else if (n == "t") s.in_t = false;
}
void XMLCALL strings_text(void* data, const XML_Char* text, int len) {
    auto& s = *static_cast<strings_state*>(data);
    if (!s.in_t) return;
    guarded(s, [&] {
        s.bytes += static_cast<std::size_t>(len);
        if (s.current.size() + static_cast<std::size_t>(len) > max_cell_bytes || s.bytes > max_shared_bytes)
            not_a_workbook("单元格文字过长");
        s.current.append(text, static_cast<std::size_t>(len));
    });
}

void XMLCALL sheet_start(void* data, const XML_Char* name, const XML_Char** attrs) {
    auto& s = *static_cast<sheet_state*>(data);
    const auto n = local_name(name);
    if (n == "row") {
        const auto* r = attribute(attrs, "r");
        s.row = r ? std::atoi(r) : s.row + 1;
        s.cells.clear();
        s.next_column = 0;
    } else if (n == "c") {
        const auto* ref = attribute(attrs, "r");
        s.column = ref ? column_of(ref) : s.next_column;
        if (s.column < 0 || s.column >= max_columns) s.column = s.next_column;
        s.next_column = s.column + 1;
        const auto* t = attribute(attrs, "t");
        s.type = t ? t : "n";
        s.text.clear();
    } else if (n == "v" || n == "t") {
        s.in_value = true;
    }
}
void XMLCALL sheet_end(void* data, const XML_Char* name) {
    auto& s = *static_cast<sheet_state*>(data);
    const auto n = local_name(name);
    if (n == "v" || n == "t") {
        s.in_value = false;
    } else if (n == "c") {
        guarded(s, [&] {
            std::string value = std::move(s.text);
            if (s.type == "s" && !value.empty()) {  // an empty shared-string cell is empty, not string 0
                const auto index = std::strtoul(value.c_str(), nullptr, 10);
                value = index < s.strings->size() ? (*s.strings)[index] : std::string();
            }
            if (static_cast<std::size_t>(s.column) >= s.cells.size())
                s.cells.resize(static_cast<std::size_t>(s.column) + 1);
            s.cells[static_cast<std::size_t>(s.column)] = std::move(value);
        });
    } else if (n == "row") {
        guarded(s, [&] { (*s.on_row)(s.row, s.cells); });
    }
}
void XMLCALL sheet_text(void* data, const XML_Char* text, int len) {
    auto& s = *static_cast<sheet_state*>(data);
    if (!s.in_value) return;
    guarded(s, [&] {
        if (s.text.size() + static_cast<std::size_t>(len) > max_cell_bytes) not_a_workbook("单元格文字过长");
        s.text.append(text, static_cast<std::size_t>(len));
    });
}

// A relationship's target, as a name in the archive: relative to xl/, or absolute from the root.
std::string entry_name(const std::string& target) {
    if (!target.empty() && target.front() == '/') return target.substr(1);
    return "xl/" + target;
}

}  // namespace

void read_first_sheet(const std::string& path, const sheet_row_handler& on_row) {
    int error = 0;
    archive_ptr zip(zip_open(path.c_str(), ZIP_RDONLY, &error), &zip_discard);
    if (!zip) {
        if (error == ZIP_ER_NOENT || error == ZIP_ER_OPEN || error == ZIP_ER_READ)
            throw unreadable_file("无法读取文件 " + path);
        not_a_workbook("不是 zip 格式");
    }
    workbook_state workbook;
    if (!parse_entry(zip.get(), "xl/workbook.xml", workbook, workbook_start, no_end, no_text) ||
        workbook.first_sheet_rid.empty())
        not_a_workbook("缺少工作表");
    rels_state rels;
    parse_entry(zip.get(), "xl/_rels/workbook.xml.rels", rels, rels_start, no_end, no_text);
    const auto target = rels.targets.find(workbook.first_sheet_rid);
    if (target == rels.targets.end()) not_a_workbook("找不到第一个工作表");

    strings_state strings;
    parse_entry(zip.get(), "xl/sharedStrings.xml", strings, strings_start, strings_end, strings_text);

    sheet_state sheet;
    sheet.on_row = &on_row;
    sheet.strings = &strings.items;
    if (!parse_entry(zip.get(), entry_name(target->second), sheet, sheet_start, sheet_end, sheet_text))
        not_a_workbook("找不到第一个工作表");
}

}  // namespace fupin::client
