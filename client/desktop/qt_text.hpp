#pragma once
// common/'s values and Qt's, both ways: UTF-8 std::string and QString (common/ and the client library speak
// UTF-8), a China date and a QDate. The one conversion of the desktop's files.
#include <chrono>
#include <string>
#include <string_view>

#include <QDate>
#include <QString>

namespace fupin::desktop {

inline QString qt(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }
inline std::string text_of(const QString& text) { return text.toUtf8().toStdString(); }

inline QDate qt_date(std::chrono::year_month_day day) {
    return {static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
            static_cast<int>(static_cast<unsigned>(day.day()))};
}
// "YYYY-MM-DD", as the API writes a day.
inline std::string day_text(const QDate& day) { return text_of(day.toString(QStringLiteral("yyyy-MM-dd"))); }

}  // namespace fupin::desktop
