#include "client/desktop/person_lookup_page.hpp"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/api_client.hpp"
#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/person_commands.hpp"
#include "common/china_date.hpp"
#include "common/id_number.hpp"

namespace fupin::desktop {

person_lookup_page::person_lookup_page(api_worker& api, QWidget* parent) : QWidget(parent), api_(api) {
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("按身份证号查询此人是否已在全县建档。本乡镇的档案显示全文；其他乡镇的只显示公示榜上可见的内容。"
                                "每次查询都记入审计日志。"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("身份证号"), this));
    id_number_ = new QLineEdit(this);
    id_number_->setObjectName("lookup_id_number");
    id_number_->setMaxLength(18);
    id_number_->setPlaceholderText(tr("18位身份证号"));
    row->addWidget(id_number_, 1);
    ask_ = new QPushButton(tr("查询"), this);
    ask_->setObjectName("look_up");
    ask_->setDefault(true);
    row->addWidget(ask_);
    open_ = new QPushButton(tr("打开档案"), this);
    open_->setObjectName("open_found");
    open_->setEnabled(false);
    row->addWidget(open_);
    layout->addLayout(row);
    problem_ = new QLabel(this);
    problem_->setObjectName("lookup_problem");
    problem_->setStyleSheet("color: #b71c1c;");
    layout->addWidget(problem_);
    answer_ = new QPlainTextEdit(this);
    answer_->setObjectName("lookup_answer");
    answer_->setReadOnly(true);
    // The answer is township-client's text, its columns aligned by display width: a Chinese character is two
    // columns in a CJK monospaced face (Noto's, or WenQuanYi's), else in the system's fixed font.
    auto font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setFamilies({QStringLiteral("Noto Sans Mono CJK SC"), QStringLiteral("WenQuanYi Micro Hei Mono"), font.family()});
    answer_->setFont(font);
    layout->addWidget(answer_, 1);

    // The number is judged as it is typed, with the rule the server runs.
    connect(id_number_, &QLineEdit::textChanged, this, [this](const QString& text) {
        const auto check = common::check_id_number(text_of(text.trimmed()), common::today_in_china());
        problem_->setText(text.isEmpty() || check.ok()
                              ? QString()
                              : qt(common::id_number_problem_message(check.problem, ui_language() == common::language::en)));
        ask_->setEnabled(check.ok());
    });
    ask_->setEnabled(false);
    connect(ask_, &QPushButton::clicked, this, &person_lookup_page::look_up);
    connect(id_number_, &QLineEdit::returnPressed, this, &person_lookup_page::look_up);
    connect(open_, &QPushButton::clicked, this, [this] {
        if (found_household_ > 0) emit open_household(found_household_);
    });
}

void person_lookup_page::look_up() {
    const auto check = common::check_id_number(text_of(id_number_->text().trimmed()), common::today_in_china());
    if (!check.ok() || !ask_->isEnabled()) return;
    ask_->setEnabled(false);
    open_->setEnabled(false);
    found_household_ = 0;
    answer_->setPlainText(tr("正在查询…"));
    const auto number = check.normalized;
    api_.call<nlohmann::json>(
        this, [number](client::api_client& api) { return api.lookup_person(number); },
        [this, masked = common::mask_id_number(number)](nlohmann::json answer) {
            ask_->setEnabled(true);
            answer_->setPlainText(qt(client::person_commands::lookup_text(masked, answer, ui_language())));
            if (answer.contains("household_id") && answer.at("household_id").is_number_integer())
                found_household_ = answer.at("household_id").get<std::int64_t>();
            open_->setEnabled(found_household_ > 0);
        },
        [this](const client::client_error& e) {
            ask_->setEnabled(true);
            answer_->setPlainText(error_message(e));
        });
}

QString person_lookup_page::answer_text() const { return answer_->toPlainText(); }

}  // namespace fupin::desktop
