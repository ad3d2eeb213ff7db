#pragma once
// UTF-8 std::string and QString, both ways: the one conversion of the desktop's files (common/ and the client
// library speak UTF-8).
#include <string>
#include <string_view>

#include <QString>

namespace fupin::desktop {

inline QString qt(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }
inline std::string text_of(const QString& text) { return text.toUtf8().toStdString(); }

}  // namespace fupin::desktop
