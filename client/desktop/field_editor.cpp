#include "client/desktop/field_editor.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>

#include "client/desktop/qt_text.hpp"
#include "client/desktop/vocabulary_combo.hpp"
#include "client/quota_commands.hpp"
#include "common/display_text.hpp"

namespace fupin::desktop {

QWidget* make_editor(field_kind kind, const common::vocabulary_list* list, bool optional, double maximum,
                     QWidget* parent) {
    switch (kind) {
    case field_kind::text:
    case field_kind::money: return new QLineEdit(parent);
    case field_kind::derived: {
        auto* line = new QLineEdit(parent);
        line->setReadOnly(true);
        line->setFrame(false);
        return line;
    }
    case field_kind::decimal: {
        auto* spin = new QDoubleSpinBox(parent);
        spin->setDecimals(1);
        spin->setRange(0, maximum);
        return spin;
    }
    case field_kind::whole: {
        auto* spin = new QSpinBox(parent);
        spin->setRange(0, static_cast<int>(maximum));
        return spin;
    }
    case field_kind::flag: return new QCheckBox(parent);
    case field_kind::choice: return vocabulary_combo(*list, optional ? QObject::tr("（无）") : QString(), parent);
    }
    return new QWidget(parent);
}

QVariant editor_value(const QWidget* editor, field_kind kind) {
    switch (kind) {
    case field_kind::text:
    case field_kind::derived: return static_cast<const QLineEdit*>(editor)->text().trimmed();
    case field_kind::money: {
        const auto text = text_of(static_cast<const QLineEdit*>(editor)->text().trimmed());
        if (text.empty()) return QVariant::fromValue<qlonglong>(0);
        common::money_fen fen = 0;
        if (!client::parse_yuan(text, fen)) return {};
        return QVariant::fromValue<qlonglong>(fen);
    }
    case field_kind::decimal: return static_cast<const QDoubleSpinBox*>(editor)->value();
    case field_kind::whole: return static_cast<const QSpinBox*>(editor)->value();
    case field_kind::flag: return static_cast<const QCheckBox*>(editor)->isChecked();
    case field_kind::choice: return static_cast<const QComboBox*>(editor)->currentData().toString();
    }
    return {};
}

void set_editor_value(QWidget* editor, field_kind kind, const QVariant& value) {
    switch (kind) {
    case field_kind::text:
    case field_kind::derived: static_cast<QLineEdit*>(editor)->setText(value.toString()); break;
    case field_kind::money: {
        const auto fen = value.toLongLong();
        // 0 shows as empty: a clerk types only the incomes the household has.
        static_cast<QLineEdit*>(editor)->setText(fen == 0 ? QString() : qt(common::format_amount(fen)).remove(','));
        break;
    }
    case field_kind::decimal: static_cast<QDoubleSpinBox*>(editor)->setValue(value.toDouble()); break;
    case field_kind::whole: static_cast<QSpinBox*>(editor)->setValue(value.toInt()); break;
    case field_kind::flag: static_cast<QCheckBox*>(editor)->setChecked(value.toBool()); break;
    case field_kind::choice: select_code(static_cast<QComboBox*>(editor), text_of(value.toString())); break;
    }
}

void on_editor_change(QWidget* editor, field_kind kind, std::function<void()> changed) {
    switch (kind) {
    case field_kind::text:
    case field_kind::money:
        QObject::connect(static_cast<QLineEdit*>(editor), &QLineEdit::textEdited, editor, [changed] { changed(); });
        break;
    case field_kind::decimal:
        QObject::connect(static_cast<QDoubleSpinBox*>(editor), &QDoubleSpinBox::valueChanged, editor,
                         [changed] { changed(); });
        break;
    case field_kind::whole:
        QObject::connect(static_cast<QSpinBox*>(editor), &QSpinBox::valueChanged, editor, [changed] { changed(); });
        break;
    case field_kind::flag:
        QObject::connect(static_cast<QCheckBox*>(editor), &QCheckBox::toggled, editor, [changed] { changed(); });
        break;
    case field_kind::choice:
        QObject::connect(static_cast<QComboBox*>(editor), &QComboBox::currentIndexChanged, editor,
                         [changed] { changed(); });
        break;
    case field_kind::derived: break;
    }
}

void mark_problem(QWidget* editor, const QString& message) {
    editor->setToolTip(message);
    editor->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("background-color: #ffebee;"));
}

}  // namespace fupin::desktop
