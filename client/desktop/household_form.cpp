#include "client/desktop/household_form.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/api_client.hpp"
#include "client/desktop/api_worker.hpp"
#include "client/desktop/assistance_panel.hpp"
#include "client/desktop/document_dialog.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/field_editor.hpp"
#include "client/desktop/household_form_fields.hpp"
#include "client/desktop/identification_panel.hpp"
#include "client/desktop/merge_dialog.hpp"
#include "client/desktop/qt_text.hpp"
#include "common/china_date.hpp"
#include "common/display_text.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"

namespace fupin::desktop {
namespace {

int year_of(std::chrono::year_month_day day) { return static_cast<int>(day.year()); }

// A new file: last year's income (the identification judges it), the household's head as its first member.
common::household new_household(const std::vector<common::area>& areas) {
    common::household h;
    h.income.year = year_of(common::today_in_china()) - 1;
    for (const auto& a : areas)
        if (a.level == "group") {
            h.group_code = a.code;
            break;
        }
    common::member head;
    head.relation = "head";
    head.ethnicity = "01";
    head.political_status = "masses";
    h.members.push_back(head);
    return h;
}

}  // namespace

household_form::household_form(api_worker& api, const std::vector<common::area>& areas,
                               std::optional<common::household> existing, QWidget* parent)
    : QDialog(parent), api_(api), is_new_(!existing), idempotency_key_(client::random_idempotency_key()) {
    base_ = existing ? std::move(*existing) : new_household(areas);
    stored_ = base_;
    setWindowTitle(is_new_ ? tr("新建农户档案") : tr("农户档案 — %1").arg(qt(base_.head_name)));
    auto* layout = new QVBoxLayout(this);

    auto* where = new QHBoxLayout;
    where->addWidget(new QLabel(tr("所在村民小组"), this));
    group_ = new QComboBox(this);
    group_->setObjectName("group");
    std::string village_name;
    for (const auto& a : areas) {
        parent_of_[a.code] = a.parent_code;
        if (a.level == "village") village_name = a.name;
        if (a.level == "group") group_->addItem(qt(village_name + " " + a.name), qt(a.code));
    }
    // A file of a group the office's areas lack is shown in it, not moved to the first group on saving.
    if (!base_.group_code.empty() && group_->findData(qt(base_.group_code)) < 0) {
        group_->addItem(qt(base_.village_name + " " + base_.group_name), qt(base_.group_code));
        parent_of_[base_.group_code] = base_.village_code;
        parent_of_[base_.village_code] = base_.township_code;
    }
    where->addWidget(group_, 1);
    layout->addLayout(where);

    auto* tabs = new QTabWidget(this);
    tabs->setObjectName("tabs");
    const auto& form_tabs = household_form_tabs();
    for (std::size_t t = 0; t < form_tabs.size(); ++t) {
        auto* page = new QWidget;
        auto* form = new QFormLayout(page);
        std::vector<QWidget*> editors;
        for (const auto& f : form_tabs[t].fields) {
            auto* editor = make_editor(f.kind, f.list, f.optional, f.maximum, page);
            editor->setObjectName(qt(f.path));
            form->addRow(field_label(f.label), editor);
            on_editor_change(editor, f.kind, [this] { check(); });
            editors.push_back(editor);
        }
        tab_editors_.push_back(std::move(editors));
        if (t == 1) {  // the income: what the per-capita income comes to, as typed
            per_capita_ = new QLabel(page);
            per_capita_->setObjectName("per_capita");
            form->addRow(tr("人均纯收入"), per_capita_);
        }
        if (t + 1 == form_tabs.size()) {  // 识别: what the rules say of the file, and the case opened from it
            identification_ = new identification_panel(api_, page);
            form->addRow(identification_);
        }
        auto* scroll = new QScrollArea;
        scroll->setWidget(page);
        scroll->setWidgetResizable(true);
        tabs->addTab(scroll, field_label(form_tabs[t].title));
        if (t == 0) tabs->addTab(build_members_tab(), tr("家庭成员"));
    }
    if (!is_new_) {  // 帮扶: the file's helpers, measures and visits, read when the tab is first opened
        assistance_ = new assistance_panel(api_, base_.id, tabs);
        tabs->addTab(assistance_, tr("帮扶"));
        connect(tabs, &QTabWidget::currentChanged, this, [this, tabs](int index) {
            if (tabs->widget(index) != assistance_ || assistance_read_) return;
            assistance_read_ = true;
            assistance_->refresh();
        });
    }
    layout->addWidget(tabs, 1);

    problems_ = new QListWidget(this);
    problems_->setObjectName("problems");
    problems_->setMaximumHeight(110);
    layout->addWidget(problems_);
    round_row_ = new QWidget(this);
    auto* round_box = new QVBoxLayout(round_row_);
    round_box->setContentsMargins(0, 0, 0, 0);
    round_intro_ = new QLabel(round_row_);
    round_intro_->setObjectName("round_intro");
    round_intro_->setWordWrap(true);
    round_box->addWidget(round_intro_);
    auto* round_line = new QHBoxLayout;
    round_line->addWidget(new QLabel(tr("审核说明"), round_row_));
    round_note_ = new QLineEdit(round_row_);
    round_note_->setObjectName("round_note");
    round_note_->setMaxLength(500);
    round_note_->setPlaceholderText(tr("如：入户核实，务工收入稳定（可不填）"));
    round_line->addWidget(round_note_, 1);
    round_box->addLayout(round_line);
    round_row_->hide();
    layout->addWidget(round_row_);
    status_ = new QLabel(this);
    status_->setObjectName("status");
    status_->setWordWrap(true);
    layout->addWidget(status_);
    auto* buttons = new QDialogButtonBox(this);
    save_ = buttons->addButton(tr("保存"), QDialogButtonBox::AcceptRole);
    save_->setObjectName("save");
    auto* card = buttons->addButton(tr("打印户卡…"), QDialogButtonBox::ActionRole);
    card->setObjectName("print_card");
    card->setEnabled(!is_new_);  // the card is the stored file's, printed by the server
    connect(card, &QPushButton::clicked, this, [this] {
        open_document(api_, "/api/v1/households/" + std::to_string(base_.id) + "/card",
                      tr("户卡 — %1").arg(qt(base_.head_name)), tr("户卡-%1.pdf").arg(base_.id), this);
    });
    buttons->addButton(tr("关闭"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(save_, &QPushButton::clicked, this, &household_form::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(group_, &QComboBox::currentIndexChanged, this, [this] { check(); });

    show_values(base_);
    shown_ = common::to_json(value());
    check();
    resize(900, 640);
}

QWidget* household_form::build_members_tab() {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    const auto& columns = household_member_columns();
    members_ = new QTableWidget(0, static_cast<int>(columns.size()), page);
    members_->setObjectName("members");
    QStringList headers;
    for (const auto& c : columns) headers << field_label(c.label);
    members_->setHorizontalHeaderLabels(headers);
    members_->verticalHeader()->setVisible(true);
    layout->addWidget(members_, 1);
    auto* row = new QHBoxLayout;
    auto* add = new QPushButton(tr("添加成员"), page);
    add->setObjectName("add_member");
    auto* remove = new QPushButton(tr("删除所选成员"), page);
    remove->setObjectName("remove_member");
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch(1);
    layout->addLayout(row);
    connect(add, &QPushButton::clicked, this, [this] {
        common::member m;
        m.relation = "child";
        m.ethnicity = "01";
        m.political_status = "masses";
        add_member_row(m);
        check();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int at = members_->currentRow();
        if (at < 0) return;
        members_->removeRow(at);
        row_origin_.erase(row_origin_.begin() + at);
        check();
    });
    return page;
}

void household_form::add_member_row(const common::member& m, std::optional<std::size_t> origin) {
    const auto& columns = household_member_columns();
    const int row = members_->rowCount();
    members_->insertRow(row);
    row_origin_.push_back(origin);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const auto& f = columns[c];
        auto* editor = make_editor(f.kind, f.list, f.optional, f.maximum, members_);
        editor->setObjectName(qt("members." + f.path));
        set_editor_value(editor, f.kind, f.get(m));
        on_editor_change(editor, f.kind, [this] { check(); });
        members_->setCellWidget(row, static_cast<int>(c), editor);
    }
}

void household_form::show_values(const common::household& h) {
    checking_ = true;
    if (const int at = group_->findData(qt(h.group_code)); at >= 0) group_->setCurrentIndex(at);
    const auto& form_tabs = household_form_tabs();
    for (std::size_t t = 0; t < form_tabs.size(); ++t)
        for (std::size_t i = 0; i < form_tabs[t].fields.size(); ++i)
            set_editor_value(tab_editors_[t][i], form_tabs[t].fields[i].kind, form_tabs[t].fields[i].get(h));
    members_->setRowCount(0);
    row_origin_.clear();
    for (std::size_t i = 0; i < h.members.size(); ++i) add_member_row(h.members[i], i);
    members_->resizeColumnsToContents();
    // An ID number is read whole: 18 characters and room.
    members_->setColumnWidth(1, members_->fontMetrics().horizontalAdvance(QStringLiteral("000000000000000000X")) + 24);
    checking_ = false;
}

common::household household_form::value() const {
    common::household h = base_;
    h.group_code = text_of(group_->currentData().toString());
    // The village and township are the group's parents, as the areas say.
    if (const auto it = parent_of_.find(h.group_code); it != parent_of_.end()) {
        h.village_code = it->second;
        if (const auto up = parent_of_.find(h.village_code); up != parent_of_.end()) h.township_code = up->second;
    }
    h.other_causes.clear();
    const auto& form_tabs = household_form_tabs();
    for (std::size_t t = 0; t < form_tabs.size(); ++t)
        for (std::size_t i = 0; i < form_tabs[t].fields.size(); ++i) {
            const auto& f = form_tabs[t].fields[i];
            const auto v = editor_value(tab_editors_[t][i], f.kind);
            if (v.isValid()) f.set(h, v);
        }
    std::erase(h.other_causes, std::string());
    const auto& columns = household_member_columns();
    h.members.clear();
    for (int row = 0; row < members_->rowCount(); ++row) {
        // A member's fields the table does not show are kept from the file as read, by the member, not the row.
        const auto origin = row_origin_.at(static_cast<std::size_t>(row));
        common::member m = origin ? base_.members.at(*origin) : common::member{};
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto& f = columns[c];
            if (f.kind == field_kind::derived) continue;
            const auto v = editor_value(members_->cellWidget(row, static_cast<int>(c)), f.kind);
            if (v.isValid()) f.set(m, v);
        }
        // Sex and birth date follow the ID number: derive() fills them where empty.
        m.sex.clear();
        m.birth_date.clear();
        h.members.push_back(std::move(m));
    }
    common::derive(h);
    return h;
}

QStringList household_form::problems() const {
    QStringList out;
    for (int i = 0; i < problems_->count(); ++i) out << problems_->item(i)->text();
    return out;
}

void household_form::check() {
    if (checking_) return;
    const auto lang = ui_language();
    const auto h = value();
    QStringList found;
    // Clear the marks, then mark each problem at its field.
    const auto& form_tabs = household_form_tabs();
    std::map<std::string, QWidget*> by_path;
    for (std::size_t t = 0; t < form_tabs.size(); ++t)
        for (std::size_t i = 0; i < form_tabs[t].fields.size(); ++i) {
            auto* editor = tab_editors_[t][i];
            mark_problem(editor, {});
            by_path[form_tabs[t].fields[i].path] = editor;
            if (!editor_value(editor, form_tabs[t].fields[i].kind).isValid()) {
                const auto text = tr("%1：金额应为元，最多两位小数，如 2300 或 2300.50").arg(field_label(form_tabs[t].fields[i].label));
                mark_problem(editor, text);
                found << text;
            }
        }
    const auto& columns = household_member_columns();
    for (int row = 0; row < members_->rowCount(); ++row)
        for (std::size_t c = 0; c < columns.size(); ++c) {
            auto* editor = members_->cellWidget(row, static_cast<int>(c));
            mark_problem(editor, {});
            by_path["members[" + std::to_string(row) + "]." + columns[c].path] = editor;
            if (!editor_value(editor, columns[c].kind).isValid()) {
                const auto text = tr("第%1位家庭成员的%2：金额应为元，最多两位小数，如 2300 或 2300.50")
                                      .arg(row + 1)
                                      .arg(field_label(columns[c].label));
                mark_problem(editor, text);
                found << text;
            }
            // The derived columns show what the ID number says.
            if (columns[c].kind == field_kind::derived && row < static_cast<int>(h.members.size())) {
                auto v = columns[c].get(h.members[static_cast<std::size_t>(row)]);
                if (columns[c].path == "sex" && !v.toString().isEmpty())  // empty until the ID number reads
                    v = qt(common::label_or_code(common::vocabulary::sexes, text_of(v.toString()), lang));
                set_editor_value(editor, field_kind::derived, v);
            }
        }
    for (const auto& problem : common::find_problems(h, common::today_in_china())) {
        const auto text = qt(problem.message(lang));
        found << text;
        if (const auto it = by_path.find(problem.field()); it != by_path.end()) mark_problem(it->second, text);
    }
    problems_->clear();
    problems_->addItems(found);
    per_capita_->setText(tr("%1 元（%2 人，年度 %3）")
                             .arg(qt(common::format_amount(h.per_capita_net_income)))
                             .arg(h.members.size())
                             .arg(h.income.year));
    identification_->show_verdict(h);
    identification_->set_saved(is_new_ ? 0 : base_.id, !saving_ && common::to_json(h) == shown_);
    if (saving_) return;  // the answer decides what comes next
    save_->setEnabled(found.isEmpty());
    status_->setText(!found.isEmpty() ? tr("还有 %1 处需要修改。").arg(found.size())
                     : round_         ? tr("可以录入审核。")
                                      : tr("可以保存。"));
}

void household_form::enter_for_round(const common::review_round& round) {
    round_ = round;
    const auto half = round.half == 1 ? tr("上半年") : tr("下半年");
    setWindowTitle(tr("半年审核录入 — %1（%2年%3）").arg(qt(base_.head_name)).arg(round.year).arg(half));
    save_->setText(tr("录入审核"));
    round_row_->show();
    // The round judges the year's figures: the income year is the round's (the server refuses another), and the
    // clerk types the figures as verified now.
    auto h = value();
    h.income.year = round.year;
    show_values(h);
    shown_ = common::to_json(value());
    round_intro_->setText(tr("%1年%2审核调整（%3截止）：收入年度为 %1 年。请按本次入户核实的情况填写收入，"
                             "核对家庭成员和生产生活条件，然后点“录入审核”。")
                              .arg(round.year)
                              .arg(half)
                              .arg(qt(round.deadline)));
    check();
}

void household_form::save() {
    if (saving_) return;
    if (round_) {
        send_review_entry();
        return;
    }
    const auto h = value();
    // A create whose answer was lost may have been written. Its key then stands for the body sent with it: that
    // body is sent again first, alone (the server answers the file it made, or makes it); once it is answered the
    // file is stored, and the clerk's later changes go to it as an edit, never as a second file.
    if (is_new_ && sent_without_answer_ && common::to_json(*sent_without_answer_) != common::to_json(h)) {
        resend_lost_create();
        return;
    }
    saving_ = true;
    save_->setEnabled(false);
    status_->setText(tr("正在保存…"));
    const bool is_new = is_new_;
    if (is_new) sent_without_answer_ = h;
    api_.call<common::household>(
        this,
        [h, is_new, key = idempotency_key_](client::api_client& api) {
            return is_new ? api.create_household(h, key) : api.update_household(h);
        },
        [this](common::household stored) {
            saving_ = false;
            is_new_ = false;
            sent_without_answer_.reset();
            base_ = stored;
            stored_ = stored;
            shown_ = common::to_json(value());
            status_->setText(tr("已保存（第 %1 版）。").arg(stored.version));
            emit saved(stored);
            accept();
        },
        [this](const client::client_error& e) { save_failed(e); });
}

void household_form::resend_lost_create() {
    saving_ = true;
    save_->setEnabled(false);
    status_->setText(tr("正在保存…"));
    api_.call<common::household>(
        this,
        [body = *sent_without_answer_, key = idempotency_key_](client::api_client& api) {
            return api.create_household(body, key);
        },
        [this](common::household made) {
            saving_ = false;
            is_new_ = false;
            sent_without_answer_.reset();
            // The form's file is now the stored one: its id and version; what the form does not show stays as typed.
            base_.id = made.id;
            base_.version = made.version;
            stored_ = made;
            emit saved(made);
            save();  // the clerk's changes since, as an edit of it
        },
        [this](const client::client_error& e) { save_failed(e); });
}

void household_form::send_review_entry() {
    saving_ = true;
    save_->setEnabled(false);
    status_->setText(tr("正在录入…"));
    using answer = std::pair<common::review_entry, common::household>;
    api_.call<answer>(
        this,
        [h = value(), round = round_->id, note = text_of(round_note_->text().trimmed())](client::api_client& api) {
            auto entry = api.enter_review(round, h, note);
            // The file as stored now (its new version), for the list. The entry is written either way: a failed
            // read leaves the file as sent, its version one behind, which a later save's merge sets right.
            try {
                return answer{std::move(entry), api.get_household(h.id)};
            } catch (const client::client_error&) {
                return answer{std::move(entry), h};
            }
        },
        [this](answer done) {
            saving_ = false;
            base_ = stored_ = done.second;
            shown_ = common::to_json(value());
            emit saved(done.second);
            emit review_entered(done.first);
            accept();
        },
        [this](const client::client_error& e) { save_failed(e); });
}

void household_form::save_failed(const client::client_error& e) {
    saving_ = false;
    // A refusal of the body means nothing was written. A lost answer, an ended session (401), a throttle (429) or
    // a server's failure (5xx) say nothing of a create sent earlier: it stays in doubt, to be sent again.
    const bool refused = e.kind() == client::error_kind::http && e.status() >= 400 && e.status() < 500 &&
                         e.status() != 401 && e.status() != 429;
    if (refused) sent_without_answer_.reset();
    check();
    if (e.kind() == client::error_kind::http && e.status() == 401)
        status_->setText(tr("登录已过期。重新登录后再点“%1”，填写的内容都还在。").arg(save_->text()));
    else if (e.kind() == client::error_kind::http && e.code() == "version_conflict")
        offer_merge();
    else
        status_->setText(error_message(e));
}

void household_form::offer_merge() {
    status_->setText(tr("保存前此户已被他人修改，本次修改尚未保存。正在读取他人的修改…"));
    api_.call<common::household>(
        this, [id = base_.id](client::api_client& api) { return api.get_household(id); },
        [this](common::household theirs) {
            if (merging_) merging_->deleteLater();
            merging_ = new merge_dialog(household_merge(stored_, value(), theirs), this);
            merging_->setAttribute(Qt::WA_DeleteOnClose);
            connect(merging_, &QDialog::accepted, this, [this, theirs, dialog = merging_.data()] {
                const auto merged = dialog->merged();
                // The stored file is now the one read: 关闭 compares with it, 保存 names its version.
                base_ = theirs;
                show_values(theirs);
                shown_ = common::to_json(value());
                base_ = merged;
                stored_ = theirs;
                show_values(merged);
                check();
                status_->setText(tr("已合并他人的修改（第 %1 版）。请检查后再点“%2”。").arg(theirs.version).arg(save_->text()));
            });
            connect(merging_, &QDialog::rejected, this, [this] {
                status_->setText(tr("未合并：您填写的内容都还在，但“%1”会再次被拒绝。可随时再点“%1”重新比较。").arg(save_->text()));
            });
            merging_->open();
        },
        [this](const client::client_error& e) {
            status_->setText(tr("保存前此户已被他人修改，本次修改未保存；读取他人的修改失败：%1").arg(error_message(e)));
        });
}

void household_form::reject() {
    if (saving_) return;  // the answer is awaited: closing now would leave the clerk not knowing
    const bool changed = common::to_json(value()) != shown_;
    if (changed && QMessageBox::question(this, windowTitle(), tr("放弃尚未保存的修改？"),
                                         QMessageBox::Discard | QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    QDialog::reject();
}

}  // namespace fupin::desktop
