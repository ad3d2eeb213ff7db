#include "client/desktop/error_message.hpp"

#include "client/desktop/qt_text.hpp"
#include "client/household_printer.hpp"

namespace fupin::desktop {

QString error_message(const client::client_error& e) {
    return qt(client::household_printer(ui_language()).error(e)).trimmed();
}

}  // namespace fupin::desktop
