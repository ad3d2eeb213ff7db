#include "client/desktop/error_message.hpp"

#include "client/desktop/qt_text.hpp"
#include "client/household_printer.hpp"

namespace fupin::desktop {
namespace {

common::language language_of_windows = common::language::zh;

}  // namespace

common::language ui_language() { return language_of_windows; }
void set_ui_language(common::language lang) { language_of_windows = lang; }

QString error_message(const client::client_error& e) {
    return qt(client::household_printer(language_of_windows).error(e)).trimmed();
}

}  // namespace fupin::desktop
