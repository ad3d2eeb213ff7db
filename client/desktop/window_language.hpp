#pragma once
// The language of every window, from the settings (Chinese unless they say `lang = en`): the desktop's own texts
// are Chinese as written in the code and English from translations/township-desktop_en.ts (compiled into the
// program); the vocabulary and the server's messages come in that language from common/ and the server; and
// Qt's own dialogs (print, file, message boxes) speak it too, from Qt's translations (qt6-translations-l10n).
#include "common/language.hpp"

namespace fupin::desktop {

common::language ui_language();
// Sets the language and installs its translations; call before any window is made. Returns false when a
// translation could not be loaded (the window then shows the texts as written).
bool use_language(common::language lang);

}  // namespace fupin::desktop
