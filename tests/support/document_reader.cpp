#include "tests/support/document_reader.hpp"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace fupin::test_support {
namespace {

// A temporary file holding `bytes`, removed when it goes.
class temporary_file {
public:
    explicit temporary_file(const std::string& bytes) {
        std::string name = (std::filesystem::temp_directory_path() / "fupin-doc-XXXXXX").string();
        const int fd = mkstemp(name.data());
        if (fd < 0) throw std::runtime_error("mkstemp failed");
        ::close(fd);
        path_ = name;
        std::ofstream(path_, std::ios::binary) << bytes;
    }
    ~temporary_file() { std::filesystem::remove(path_); }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command);
    return out;
}

std::string xml_unescape(std::string text) {
    const std::pair<const char*, const char*> entities[]{{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                                                         {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += std::string_view(to).size())
            text.replace(at, std::string_view(from).size(), to);
    return text;
}

}  // namespace

std::string pdf_text(const std::string& pdf_bytes) {
    temporary_file file(pdf_bytes);
    return run("pdftotext -layout -enc UTF-8 '" + file.path() + "' -");
}

int pdf_pages(const std::string& pdf_bytes) {
    temporary_file file(pdf_bytes);
    const auto info = run("pdfinfo '" + file.path() + "'");
    std::smatch m;
    if (!std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))"))) throw std::runtime_error("no page count");
    return std::stoi(m[1]);
}

std::string pdf_fonts(const std::string& pdf_bytes) {
    temporary_file file(pdf_bytes);
    return run("pdffonts '" + file.path() + "'");
}

void pdf_page_png(const std::string& pdf_bytes, int page, const std::string& png_path, int dpi) {
    temporary_file file(pdf_bytes);
    std::filesystem::create_directories(std::filesystem::path(png_path).parent_path());
    const auto stem = png_path.substr(0, png_path.size() - 4);  // pdftoppm adds ".png"
    run("pdftoppm -png -singlefile -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " +
        std::to_string(page) + " '" + file.path() + "' '" + stem + "'");
}

bool has_text(const std::string& text, const std::string& what) {
    const auto squeezed = [](std::string s) {
        std::erase(s, ' ');
        return s;
    };
    return squeezed(text).find(squeezed(what)) != std::string::npos;
}

void save_document(const std::string& bytes, const std::string& path) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

std::vector<std::string> xlsx_sheet_names(const std::string& xlsx_bytes) {
    temporary_file file(xlsx_bytes);
    const auto xml = run("unzip -p '" + file.path() + "' xl/workbook.xml");
    std::vector<std::string> names;
    const std::regex sheet(R"x(<sheet name="([^"]*)")x");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), sheet); it != std::sregex_iterator(); ++it)
        names.push_back(xml_unescape((*it)[1]));
    return names;
}

std::vector<std::string> zip_entries(const std::string& zip_bytes) {
    temporary_file file(zip_bytes);
    std::vector<std::string> entries;
    std::istringstream lines(run("unzip -Z1 '" + file.path() + "'"));
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) entries.push_back(line);
    return entries;
}

std::map<std::string, std::string> xlsx_cells(const std::string& xlsx_bytes, int sheet_number) {
    temporary_file file(xlsx_bytes);
    const auto xml =
        run("unzip -p '" + file.path() + "' xl/worksheets/sheet" + std::to_string(sheet_number) + ".xml");
    // Shared strings, for a workbook written without the constant-memory mode.
    std::vector<std::string> shared;
    try {
        const auto strings = run("unzip -p '" + file.path() + "' xl/sharedStrings.xml 2>/dev/null");
        const std::regex item(R"(<si><t[^>]*>([^<]*)</t></si>)");
        for (auto it = std::sregex_iterator(strings.begin(), strings.end(), item); it != std::sregex_iterator(); ++it)
            shared.push_back(xml_unescape((*it)[1]));
    } catch (const std::runtime_error&) {
    }
    // Scanned by hand: std::regex recurses per character and a long sheet would exhaust the stack.
    std::map<std::string, std::string> cells;
    const auto between = [](const std::string& text, const std::string& open, const std::string& close,
                            std::size_t from, std::size_t to) -> std::optional<std::string> {
        const auto start = text.find(open, from);
        if (start == std::string::npos || start >= to) return std::nullopt;
        const auto body = text.find('>', start) + 1;
        const auto end = text.find(close, body);
        if (end == std::string::npos || end > to) return std::nullopt;
        return text.substr(body, end - body);
    };
    for (std::size_t at = xml.find("<c r=\""); at != std::string::npos; at = xml.find("<c r=\"", at + 1)) {
        const auto ref_start = at + 6;
        const std::string ref = xml.substr(ref_start, xml.find('"', ref_start) - ref_start);
        const auto tag_end = xml.find('>', at);
        if (xml[tag_end - 1] == '/') continue;  // an empty cell, formatted only
        const std::string attributes = xml.substr(at, tag_end - at);
        const auto cell_end = xml.find("</c>", tag_end);
        if (attributes.find("t=\"inlineStr\"") != std::string::npos) {
            if (auto t = between(xml, "<t", "</t>", tag_end, cell_end)) cells[ref] = xml_unescape(*t);
        } else if (auto v = between(xml, "<v", "</v>", tag_end, cell_end)) {
            cells[ref] = attributes.find("t=\"s\"") != std::string::npos ? shared.at(std::stoul(*v)) : *v;
        }
    }
    return cells;
}

}  // namespace fupin::test_support
