#include "client/downloaded_file.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "client/exit_codes.hpp"
#include "client/input_errors.hpp"
#include "client/text_layout.hpp"

namespace fupin::client {

using common::in;

namespace {


// The extension a file of this type is saved with when the server names none.
std::string extension_of(const std::string* type) {
    if (!type) return "bin";
    for (const auto& [prefix, extension] : {std::pair{"application/pdf", "pdf"}, std::pair{"text/csv", "csv"},
                                            std::pair{"image/png", "png"}, std::pair{"image/svg+xml", "svg"},
                                            std::pair{"application/vnd.openxmlformats", "xlsx"}})
        if (type->rfind(prefix, 0) == 0) return extension;
    return "bin";
}

}  // namespace

std::string document_file_name(const std::string* content_disposition, const std::string& fallback) {
    if (!content_disposition) return fallback;
    const std::string key = "filename=\"";
    const auto start = content_disposition->find(key);
    if (start == std::string::npos) return fallback;
    const auto from = start + key.size();
    const auto end = content_disposition->find('"', from);
    if (end == std::string::npos) return fallback;
    const std::string name = content_disposition->substr(from, end - from);
    if (name.empty() || name.front() == '.' || name.size() > 100) return fallback;
    for (char ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '_' && ch != '-') return fallback;
    return name;
}

int check_output_folder(const std::string& output, std::ostream& err, common::language lang) {
    const std::filesystem::path folder =
        output.empty() ? std::filesystem::path(".") : std::filesystem::path(output).parent_path();
    const auto where = folder.empty() ? std::filesystem::path(".") : folder;
    if (::access(where.c_str(), W_OK) == 0) return exit_ok;
    err << in(lang, "无法写入文件：", "Cannot write the file: ") << (output.empty() ? where.string() : output)
        << in(lang, "（文件夹不存在或不可写）\n", " (the folder does not exist or cannot be written)\n");
    return exit_usage;
}

int download(const command_context& c, const std::string& target, const std::string& output) {
    // Written beside its place as it arrives, in a file of its own (mode 0600: an export is full of ID numbers)
    // renamed over its place once whole: a failed fetch or write never leaves half a document under its name.
    const std::filesystem::path folder =
        output.empty() ? std::filesystem::path(".") : std::filesystem::path(output).parent_path();
    std::string partial =
        ((folder.empty() ? std::filesystem::path(".") : folder) / ".fupin-download-XXXXXX").string();
    const int fd = ::mkstemp(partial.data());
    if (fd < 0) throw unwritable_file(partial);
    ::close(fd);
    http_result result;
    try {
        result = c.client.download(target, partial);
    } catch (...) {
        std::remove(partial.c_str());
        throw;
    }
    if (result.status < 200 || result.status > 299) {
        std::remove(partial.c_str());
        throw error_from_response(result);
    }
    const auto* type = result.header("Content-Type");
    const std::string path = output.empty() ? document_file_name(result.header("Content-Disposition"),
                                                                 "document." + extension_of(type))
                                            : output;
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    if (ec) {
        std::remove(partial.c_str());
        throw unwritable_file(path + ": " + ec.message());
    }
    const auto bytes = static_cast<std::size_t>(result.saved_bytes);
    if (c.json) {
        c.out << nlohmann::json{{"file", path}, {"bytes", bytes}, {"content_type", type ? *type : ""}}.dump() << "\n";
        return exit_ok;
    }
    c.out << rformat(in(c.lang, "已保存：{}（{}）\n", "Saved: {} ({})\n"), path, size_text(bytes));
    return exit_ok;
}

}  // namespace fupin::client
