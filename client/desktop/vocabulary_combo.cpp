#include "client/desktop/vocabulary_combo.hpp"

#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"

namespace fupin::desktop {

QComboBox* vocabulary_combo(const common::vocabulary_list& list, const QString& none, QWidget* parent) {
    auto* combo = new QComboBox(parent);
    if (!none.isEmpty()) combo->addItem(none, QString());
    for (const auto& entry : list.entries)
        combo->addItem(qt(common::label(list, entry.code, ui_language())), qt(entry.code));
    return combo;
}

void select_code(QComboBox* combo, const std::string& code) {
    int at = combo->findData(qt(code));
    if (at < 0) {
        // Nothing chosen yet (a new file's), or a code this list lacks: shown as it is until a choice is made.
        combo->addItem(code.empty() ? QObject::tr("（请选择）") : qt(code), qt(code));
        at = combo->count() - 1;
    }
    combo->setCurrentIndex(at);
}

std::string selected_code(const QComboBox* combo) { return text_of(combo->currentData().toString()); }

}  // namespace fupin::desktop
