#pragma once
// The widget that edits a form_field of each kind, and its value as a QVariant both ways: a line for text and
// money (yuan as written, "2300" or "2300.50"), spin boxes for decimals and whole numbers, a check box, a choice of
// a vocabulary's labels, a read-only line for what is derived.
#include <functional>

#include <QVariant>
#include <QWidget>

#include "client/desktop/form_field.hpp"

namespace fupin::desktop {

QWidget* make_editor(field_kind kind, const common::vocabulary_list* list, bool optional, double maximum,
                     QWidget* parent);
// The value; a null QVariant when the text does not read as its kind (money typed wrong).
QVariant editor_value(const QWidget* editor, field_kind kind);
void set_editor_value(QWidget* editor, field_kind kind, const QVariant& value);
// Calls `changed` whenever the person edits the value.
void on_editor_change(QWidget* editor, field_kind kind, std::function<void()> changed);
// Marks the editor as holding a problem (its message as the tooltip), or clears the mark.
void mark_problem(QWidget* editor, const QString& message);

}  // namespace fupin::desktop
