#include "client/desktop/window_language.hpp"

#include <memory>

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace fupin::desktop {
namespace {

common::language language_of_windows = common::language::zh;
std::unique_ptr<QTranslator> installed;

}  // namespace

common::language ui_language() { return language_of_windows; }

bool use_language(common::language lang) {
    language_of_windows = lang;
    if (installed) QCoreApplication::removeTranslator(installed.get());
    installed = std::make_unique<QTranslator>();
    const bool loaded =
        lang == common::language::en
            ? installed->load(QStringLiteral(":/i18n/township-desktop_en.qm"))
            // The desktop's texts are Chinese already; Qt's own buttons and dialogs are not.
            : installed->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (loaded) QCoreApplication::installTranslator(installed.get());
    return loaded;
}

}  // namespace fupin::desktop
