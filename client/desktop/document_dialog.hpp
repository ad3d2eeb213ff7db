#pragma once
// A printed document of the server's (户卡, 村册, 公示榜), fetched, shown page by page, and printed through the Qt
// print dialog or saved as the PDF the server made. Fetching is audited on the server (document.print), as it is
// for township-client's `print`.
#include <memory>
#include <optional>
#include <string>

#include <QDialog>

#include "client/desktop/printed_document.hpp"

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace fupin::desktop {

class api_worker;

class document_dialog : public QDialog {
    Q_OBJECT

public:
    // `target`: the document's API path; `file_name`: what 另存为 proposes.
    document_dialog(api_worker& api, std::string target, const QString& title, QString file_name,
                    QWidget* parent = nullptr);
    ~document_dialog() override;

    // The document, once read (nullptr before, or when it could not be).
    const printed_document* document() const { return document_.get(); }
    QString status() const;

private:
    void show_pages();
    void ask_print();
    void ask_save();

    QString file_name_;
    std::unique_ptr<printed_document> document_;
    QLabel* status_ = nullptr;
    QVBoxLayout* pages_ = nullptr;
    QPushButton* print_ = nullptr;
    QPushButton* save_ = nullptr;
};

// Opens the dialog for `target` over `parent`, deleted when closed.
document_dialog* open_document(api_worker& api, std::string target, const QString& title, const QString& file_name,
                               QWidget* parent);

}  // namespace fupin::desktop
