#pragma once
// A meeting's panel (评议小组) as the clerk writes it: one name per line; blank lines and spaces around a name
// do not count. Shared by the village's appraisal and an exit's vote, which both check it by common::check_panel.
#include <string>
#include <vector>

#include <QPlainTextEdit>

namespace fupin::desktop {

class panel_editor : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit panel_editor(QWidget* parent = nullptr);

    std::vector<std::string> names() const;
    void set_names(const QStringList& names);
};

}  // namespace fupin::desktop
