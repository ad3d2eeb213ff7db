#pragma once
// 结对…: pairs a household without a helper with one of the county's active helpers (帮扶责任人), with the reason the
// server requires. Helpers of the units nearest the household come first (村级, then 乡镇, 县直, 市直, 省直), each
// with how many households he answers for now; the server holds the limits (two helpers a household, the county's
// number of households a helper) and its refusal is shown here, the dialog left open to choose another.
#include <cstdint>
#include <vector>

#include <QDialog>

#include "common/helper.hpp"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fupin::desktop {

class api_worker;

class pairing_dialog : public QDialog {
    Q_OBJECT

public:
    pairing_dialog(api_worker& api, std::int64_t household_id, const QString& household, QWidget* parent = nullptr);

    // The helpers offered, once read.
    bool ready() const { return ready_; }
    const std::vector<common::helper>& helpers() const { return helpers_; }
    void choose(std::int64_t helper_id);
    // What the dialog says under the fields: what is missing, or the server's refusal ("" when all is ready).
    QString problem() const;
    // What 结对 does: sends the pairing; accepted once the server made it.
    void pair();
    bool sending() const { return sending_; }
    // Cancel and Esc: not while sending.
    void reject() override;

signals:
    void paired(const common::pairing& p);

private:
    void check();

    api_worker& api_;
    std::int64_t household_id_;
    std::vector<common::helper> helpers_;
    bool ready_ = false;
    bool sending_ = false;
    QComboBox* helper_ = nullptr;
    QLineEdit* reason_ = nullptr;
    QLabel* problem_ = nullptr;
    QPushButton* ok_ = nullptr;
};

}  // namespace fupin::desktop
