#include "client/desktop/document_dialog.hpp"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QPixmap>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "client/api_client.hpp"
#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"

namespace fupin::desktop {
namespace {

// On screen: pages at a reading size, and only the first ones (the whole document prints and saves).
constexpr double preview_dpi = 80;
constexpr int preview_pages = 20;

}  // namespace

document_dialog::document_dialog(api_worker& api, std::string target, const QString& title, QString file_name,
                                 QWidget* parent)
    : QDialog(parent), file_name_(std::move(file_name)) {
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    status_ = new QLabel(tr("正在从县级服务器取得文档…"), this);
    status_->setObjectName("document_status");
    layout->addWidget(status_);
    auto* scroll = new QScrollArea(this);
    auto* sheet = new QWidget;
    pages_ = new QVBoxLayout(sheet);
    pages_->setAlignment(Qt::AlignHCenter);
    scroll->setWidget(sheet);
    scroll->setWidgetResizable(true);
    scroll->setBackgroundRole(QPalette::Dark);
    layout->addWidget(scroll, 1);
    auto* buttons = new QDialogButtonBox(this);
    print_ = buttons->addButton(tr("打印…"), QDialogButtonBox::ActionRole);
    print_->setObjectName("print");
    save_ = buttons->addButton(tr("另存为 PDF…"), QDialogButtonBox::ActionRole);
    save_->setObjectName("save_pdf");
    buttons->addButton(tr("关闭"), QDialogButtonBox::RejectRole);
    print_->setEnabled(false);
    save_->setEnabled(false);
    layout->addWidget(buttons);
    connect(print_, &QPushButton::clicked, this, &document_dialog::ask_print);
    connect(save_, &QPushButton::clicked, this, &document_dialog::ask_save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(720, 860);

    api.call<std::string>(
        this,
        [target](client::api_client& c) {
            auto result = c.request(client::http_method::get, target);
            if (result.status < 200 || result.status > 299) throw client::error_from_response(result);
            return std::move(result.body);
        },
        [this](std::string pdf) {
            try {
                document_ = std::make_unique<printed_document>(QByteArray::fromStdString(pdf), windowTitle());
            } catch (const std::exception&) {
                status_->setText(tr("县级服务器发来的文档无法读取。"));
                return;
            }
            show_pages();
        },
        [this](const client::client_error& e) { status_->setText(error_message(e)); });
}

document_dialog::~document_dialog() = default;

QString document_dialog::status() const { return status_->text(); }

void document_dialog::show_pages() {
    const int shown = std::min(document_->pages(), preview_pages);
    for (int i = 0; i < shown; ++i) {
        auto* page = new QLabel;
        page->setPixmap(QPixmap::fromImage(document_->page_image(i, preview_dpi)));
        page->setFrameShape(QFrame::Box);
        pages_->addWidget(page);
        page->show();  // the dialog is on screen already: a page added to it is shown by hand
    }
    status_->setText(document_->pages() > shown ? tr("共 %1 页（这里显示前 %2 页，打印和保存的是全部）。").arg(document_->pages()).arg(shown)
                                                : tr("共 %1 页。").arg(document_->pages()));
    print_->setEnabled(true);
    save_->setEnabled(true);
}

void document_dialog::ask_print() {
    if (!document_) return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    // The paper turned as the document's pages are: a register is printed across an A4 sheet, full size.
    printer.setPageOrientation(document_->landscape(0) ? QPageLayout::Landscape : QPageLayout::Portrait);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("打印 — %1").arg(windowTitle()));
    dialog.setMinMax(1, document_->pages());
    if (dialog.exec() != QDialog::Accepted) return;
    const auto where = printer.printerName().isEmpty() ? printer.outputFileName() : printer.printerName();
    status_->setText(document_->print(printer) ? tr("已送打印机：%1").arg(where) : tr("无法打印到 %1。").arg(where));
}

void document_dialog::ask_save() {
    if (!document_) return;
    const auto path = QFileDialog::getSaveFileName(this, tr("另存为 PDF"), QDir::home().filePath(file_name_),
                                                   tr("PDF 文档 (*.pdf)"));
    if (path.isEmpty()) return;
    status_->setText(document_->save(path) ? tr("已保存：%1").arg(path) : tr("无法写入 %1").arg(path));
}

document_dialog* open_document(api_worker& api, std::string target, const QString& title, const QString& file_name,
                               QWidget* parent) {
    auto* dialog = new document_dialog(api, std::move(target), title, file_name, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

}  // namespace fupin::desktop
