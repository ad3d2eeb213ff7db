#pragma once
// The desktop's tables of records read from the server (postings, objections, helpers, measures, visits, the
// 三到户三到人 counts, the queue): rows chosen whole, one at a time, never edited in place, the last column taking
// the room left. One place for how they look and how a row is written.
#include <QStringList>

class QTableWidget;
class QWidget;

namespace fupin::desktop {

QTableWidget* read_only_table(const QStringList& headers, const char* object_name, QWidget* parent);
// Writes `cells` into `row` (which must exist), one per column from the first.
void set_row(QTableWidget* table, int row, const QStringList& cells);

}  // namespace fupin::desktop
