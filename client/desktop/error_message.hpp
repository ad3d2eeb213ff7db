#pragma once
// A failure as the clerk reads it: the command-line client's wording (household_printer::error: the server's own
// message, the field, what to check for a connection or certificate), in the window's language.
#include <QString>

#include "client/client_error.hpp"
#include "client/desktop/window_language.hpp"

namespace fupin::desktop {

QString error_message(const client::client_error& e);

}  // namespace fupin::desktop
