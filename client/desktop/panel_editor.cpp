#include "client/desktop/panel_editor.hpp"

#include "client/desktop/qt_text.hpp"

namespace fupin::desktop {

panel_editor::panel_editor(QWidget* parent) : QPlainTextEdit(parent) {
    setObjectName("panel");
    setPlaceholderText(tr("评议小组成员，每行一人（9至15人）"));
    setTabChangesFocus(true);
}

std::vector<std::string> panel_editor::names() const {
    std::vector<std::string> out;
    for (const auto& line : toPlainText().split('\n')) {
        const auto name = line.trimmed();
        if (!name.isEmpty()) out.push_back(text_of(name));
    }
    return out;
}

void panel_editor::set_names(const QStringList& names) { setPlainText(names.join('\n')); }

}  // namespace fupin::desktop
