#include "client/desktop/printed_document.hpp"

#include <algorithm>
#include <stdexcept>

#include <QFile>
#include <QPainter>
#include <QPrinter>
#include <QSaveFile>
#include <poppler-qt6.h>

namespace fupin::desktop {
namespace {

// Enough for print (a laser printer's 300 dpi) without images of a hundred megabytes for a large page.
constexpr double max_print_dpi = 300;

}  // namespace

printed_document::printed_document(QByteArray pdf, QString title)
    : pdf_(std::move(pdf)), title_(std::move(title)), pdf_document_(Poppler::Document::loadFromData(pdf_)) {
    if (!pdf_document_ || pdf_document_->isLocked()) throw std::runtime_error("the document is not a readable PDF");
    pdf_document_->setRenderHint(Poppler::Document::Antialiasing);
    pdf_document_->setRenderHint(Poppler::Document::TextAntialiasing);
}

printed_document::~printed_document() = default;
printed_document::printed_document(printed_document&&) noexcept = default;
printed_document& printed_document::operator=(printed_document&&) noexcept = default;

int printed_document::pages() const { return pdf_document_->numPages(); }

QImage printed_document::page_image(int index, double dpi) const {
    const std::unique_ptr<Poppler::Page> page(pdf_document_->page(index));
    return page ? page->renderToImage(dpi, dpi) : QImage();
}

bool printed_document::landscape(int index) const {
    const std::unique_ptr<Poppler::Page> page(pdf_document_->page(index));
    return page && page->pageSizeF().width() > page->pageSizeF().height();
}

bool printed_document::print(QPrinter& printer) const {
    printer.setDocName(title_);
    int first = 1;
    int last = pages();
    if (printer.printRange() == QPrinter::PageRange && printer.fromPage() > 0) {
        first = std::max(1, printer.fromPage());
        last = std::min(last, printer.toPage() > 0 ? printer.toPage() : last);
    }
    QPainter painter;
    if (!painter.begin(&printer)) return false;
    const double dpi = std::min<double>(printer.resolution(), max_print_dpi);
    for (int number = first; number <= last; ++number) {
        if (number > first) printer.newPage();
        const auto image = page_image(number - 1, dpi);
        if (image.isNull()) continue;
        // Scaled to the printable area, keeping the page's proportions, centred.
        const QRectF area = printer.pageLayout().paintRectPixels(printer.resolution());
        QSizeF size = image.size();
        size.scale(area.size(), Qt::KeepAspectRatio);
        const QRectF target(QPointF((area.width() - size.width()) / 2, (area.height() - size.height()) / 2), size);
        painter.drawImage(target, image);
    }
    return painter.end();
}

bool printed_document::save(const QString& path) const {
    // Written whole or not at all: a half-written PDF left under the clerk's name would print as garbage.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    if (file.write(pdf_) != pdf_.size()) {
        file.cancelWriting();
        return false;
    }
    return file.commit();
}

}  // namespace fupin::desktop
