#pragma once
// One field of a form: its label, the path the validation names it by (common/household_validation.hpp: "phone",
// "income.wages", "members[2].id_number" is a member column's "id_number" at row 2), how it is edited, and how it
// is read from and written to the record. The household form and its members' table are made from lists of these
// (household_form_fields.hpp), so a field is added in one place.
#include <functional>
#include <string>

#include <QCoreApplication>
#include <QVariant>

#include "common/vocabulary.hpp"

namespace fupin::desktop {

enum class field_kind {
    text,     // a line of text
    money,    // yuan with at most two decimals, kept in fen
    decimal,  // land, areas, distances: one decimal
    whole,    // months, grades
    flag,     // yes or no
    choice,   // a code of `list`
    derived,  // shown, never edited (a member's sex and birth date, from the ID number)
};

// A field's label in the window's language (the labels are Chinese in the code, English in the translation files).
inline QString field_label(const char* label) { return QCoreApplication::translate("form_field", label); }

template <class Record>
struct form_field {
    const char* label;
    std::string path;
    field_kind kind;
    std::function<QVariant(const Record&)> get;
    std::function<void(Record&, const QVariant&)> set;
    const common::vocabulary_list* list = nullptr;  // choice
    bool optional = false;                          // choice: an empty choice comes first
    double maximum = 0;                             // decimal, whole
};

}  // namespace fupin::desktop
