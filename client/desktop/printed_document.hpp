#pragma once
// A document the server printed (a PDF: 户卡, 村册 and 乡镇簿, 公示榜), held in memory to be looked at, sent to a
// printer or saved. The server lays out every page (server/documents/); here poppler reads the PDF and each page is
// drawn on the printer's page at the printer's resolution, scaled to fit its printable area, so what the clerk
// prints is what the county's documents look like everywhere. Saving writes the server's bytes unchanged.
#include <memory>

#include <QByteArray>
#include <QImage>
#include <QString>

class QPrinter;

namespace Poppler {
class Document;
}

namespace fupin::desktop {

class printed_document {
public:
    // Throws std::runtime_error when the bytes are not a PDF that can be read.
    printed_document(QByteArray pdf, QString title);
    ~printed_document();
    printed_document(printed_document&&) noexcept;
    printed_document& operator=(printed_document&&) noexcept;

    const QString& title() const { return title_; }
    const QByteArray& bytes() const { return pdf_; }
    int pages() const;
    // Page `index` (from 0) as an image at `dpi`.
    QImage page_image(int index, double dpi) const;
    // Page `index` (from 0) is wider than it is tall (a register is A4 landscape).
    bool landscape(int index) const;
    // Every page of the printer's range (all when none is chosen), one per sheet. False when the printer could not
    // be started (nothing was printed).
    bool print(QPrinter& printer) const;
    bool save(const QString& path) const;

private:
    QByteArray pdf_;
    QString title_;
    std::unique_ptr<Poppler::Document> pdf_document_;
};

}  // namespace fupin::desktop
