#include "common/text_encoding.hpp"

#include <cerrno>
#include <stdexcept>
#include <iconv.h>

#include "common/utf8.hpp"

namespace fupin::common {
namespace {

std::optional<std::string> gb18030_to_utf8(std::string_view bytes) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    // glibc's converters missing (a broken install): the machine's fault, not the file's.
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv cannot convert GB18030 to UTF-8");
    std::string out;
    // A GB18030 character is 1, 2 or 4 bytes and becomes at most 4 bytes of UTF-8: twice the input is enough
    // for all but ASCII-heavy text, and the loop grows the buffer when it is not.
    out.resize(bytes.size() * 2 + 16);
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t written = 0;
    bool ok = true;
    while (in_left > 0) {
        char* dst = out.data() + written;
        std::size_t dst_left = out.size() - written;
        const auto r = iconv(cd, &in, &in_left, &dst, &dst_left);
        written = out.size() - dst_left;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        ok = false;  // EILSEQ or EINVAL: a byte sequence GB18030 does not have, or a cut-off character
        break;
    }
    iconv_close(cd);
    if (!ok) return std::nullopt;
    out.resize(written);
    return out;
}

}  // namespace

std::optional<utf8_text> decode_utf8_or_gb18030(std::string_view bytes) {
    // U+FEFF, the byte-order mark, as UTF-8; GB18030 writes it as 84 31 95 33, which converts to the same.
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (bytes.substr(0, bom.size()) == bom) {
        // A file that says it is UTF-8 and is not is damaged, not GB18030.
        bytes.remove_prefix(bom.size());
        if (!utf8_length(bytes)) return std::nullopt;
        return utf8_text{std::string(bytes), "utf-8"};
    }
    if (utf8_length(bytes)) return utf8_text{std::string(bytes), "utf-8"};
    auto converted = gb18030_to_utf8(bytes);
    if (!converted || !utf8_length(*converted)) return std::nullopt;
    if (std::string_view(*converted).substr(0, bom.size()) == bom) converted->erase(0, bom.size());
    return utf8_text{std::move(*converted), "gb18030"};
}

}  // namespace fupin::common
