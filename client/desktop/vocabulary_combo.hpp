#pragma once
// A choice among the codes of a vocabulary list (common/vocabulary.hpp), shown by their labels in the window's
// language, each item's data its code; `none` (when not empty) comes first with the empty code.
#include <string>

#include <QComboBox>

#include "common/vocabulary.hpp"

namespace fupin::desktop {

QComboBox* vocabulary_combo(const common::vocabulary_list& list, const QString& none, QWidget* parent);
// Selects `code`, adding it when the list lacks it: an older file's value is shown as its code, not lost; an
// empty one (nothing chosen yet) as （请选择）.
void select_code(QComboBox* combo, const std::string& code);
std::string selected_code(const QComboBox* combo);

}  // namespace fupin::desktop
