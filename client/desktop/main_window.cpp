#include "client/desktop/main_window.hpp"

#include <charconv>
#include <string_view>

#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/household_form.hpp"
#include "client/desktop/household_list_model.hpp"
#include "client/desktop/household_list_page.hpp"
#include "client/desktop/live_panel.hpp"
#include "client/desktop/login_dialog.hpp"
#include "client/desktop/person_lookup_page.hpp"
#include "client/desktop/postings_page.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/desktop/review_queue.hpp"
#include "client/desktop/sandaohu_page.hpp"
#include "client/desktop/work_queue_page.hpp"
#include "client/event_printer.hpp"
#include "common/display_text.hpp"
#include "common/vocabulary.hpp"

namespace fupin::desktop {
namespace {

std::string string_at(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j.at(key).is_string() ? j.at(key).get<std::string>() : std::string();
}

}  // namespace

main_window::main_window(api_worker& api, std::vector<common::area> areas, nlohmann::json session, QWidget* parent)
    : QMainWindow(parent), api_(api), areas_(std::move(areas)) {
    setWindowTitle(tr("扶贫对象建档立卡 — %1").arg(areas_.empty() ? QString() : qt(areas_.front().name)));
    tabs_ = new QTabWidget(this);
    households_ = new household_list_page(api_, areas_, tabs_);
    const auto user = session.contains("user") ? session.at("user") : nlohmann::json::object();
    std::vector<std::string> permissions;
    if (user.contains("permissions") && user.at("permissions").is_array())
        for (const auto& p : user.at("permissions"))
            if (p.is_string()) permissions.push_back(p.get<std::string>());
    queue_ = new work_queue_page(api_, string_at(user, "role"), string_at(user, "area_code"), permissions, areas_,
                                 tabs_);
    postings_ = new postings_page(api_, string_at(user, "area_code"), tabs_);
    lookup_ = new person_lookup_page(api_, tabs_);
    sandaohu_ = new sandaohu_page(api_, string_at(user, "area_code"), areas_, tabs_);
    live_ = new live_panel(tabs_);
    tabs_->addTab(households_, tr("农户档案"));
    tabs_->addTab(queue_, tr("待办"));
    tabs_->addTab(postings_, tr("公示"));
    tabs_->addTab(sandaohu_, tr("三到户三到人"));
    tabs_->addTab(lookup_, tr("人员查询"));
    tabs_->addTab(live_, tr("实时动态"));
    setCentralWidget(tabs_);
    who_ = new QLabel(this);
    who_->setObjectName("who");
    statusBar()->addPermanentWidget(who_);

    auto* file = menuBar()->addMenu(tr("文件"));
    file->addAction(tr("新建农户"), QKeySequence::New, this, &main_window::new_household);
    file->addSeparator();
    file->addAction(tr("退出"), QKeySequence::Quit, this, &QWidget::close);

    connect(households_, &household_list_page::new_household, this, &main_window::new_household);
    connect(households_, &household_list_page::open_household, this, &main_window::open_household);
    connect(lookup_, &person_lookup_page::open_household, this, &main_window::open_household);
    connect(sandaohu_, &sandaohu_page::open_household, this, &main_window::open_household);
    if (queue_->reviews())
        connect(queue_->reviews(), &review_queue::open_entry, this, &main_window::open_review_entry);
    connect(&api_, &api_worker::session_ended, this, &main_window::ask_login_again);
    connect(live_, &live_panel::session_ended, this, &main_window::ask_login_again);
    // A household changed in the area: its line is brought up to date; the feed's tab shows what is unseen.
    // The queue's tab shows how much waits.
    connect(queue_, &work_queue_page::changed, this, [this](int waiting) {
        tabs_->setTabText(tabs_->indexOf(queue_), waiting > 0 ? tr("待办（%1）").arg(waiting) : tr("待办"));
    });
    changed_timer_ = new QTimer(this);
    changed_timer_->setSingleShot(true);
    changed_timer_->setInterval(300);
    connect(changed_timer_, &QTimer::timeout, this, &main_window::catch_up_with_feed);
    connect(live_, &live_panel::event_arrived, this, [this](const client::feed_event& e) {
        if (tabs_->currentWidget() != live_)
            tabs_->setTabText(tabs_->indexOf(live_), tr("实时动态（%1）").arg(++unseen_events_));
        // What the feed names within a moment is read together (a bulk import or a batch of steps elsewhere names
        // thousands, which must not each cost requests ahead of the clerk's own).
        if (!changed_timer_->isActive()) changed_timer_->start();
        // A case moved or a posting went up in the area: the postings may have changed; the queues know which of
        // them an event may change.
        if (e.kind.rfind("application.", 0) == 0 || e.kind.rfind("posting.", 0) == 0) postings_changed_ = true;
        queue_->note_event(e.kind);
        if (e.record.rfind("household/", 0) != 0 || e.visibility != "full") return;
        std::int64_t id = 0;
        const auto digits = std::string_view(e.record).substr(10);
        if (std::from_chars(digits.data(), digits.data() + digits.size(), id).ec != std::errc{} || id <= 0) return;
        // A file changed elsewhere is brought up to date in the list, and a new one joins it when the list's filter
        // would hold it.
        changed_households_.insert(id);
    });
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
        // The figures are counted over the area when asked, not at every change.
        if (tabs_->widget(index) == sandaohu_ && !sandaohu_->loading()) sandaohu_->refresh();
        if (tabs_->widget(index) != live_) return;
        unseen_events_ = 0;
        tabs_->setTabText(index, tr("实时动态"));
    });

    show_session(session);
    households_->search();
    resize(1100, 700);
}

void main_window::show_session(const nlohmann::json& session) {
    session_ = session;
    const auto& user = session.contains("user") ? session.at("user") : nlohmann::json::object();
    const auto role = string_at(user, "role");
    who_->setText(tr("%1（%2）  登录有效期至 %3")
                      .arg(qt(string_at(user, "display_name").empty() ? string_at(user, "username")
                                                                       : string_at(user, "display_name")))
                      .arg(qt(common::label_or_code(common::vocabulary::roles, role, ui_language())))
                      .arg(qt(client::event_printer::china_time(string_at(session, "expires_at")))));
    live_->start(api_.options(), string_at(session, "token"));
}

void main_window::ask_login_again() {
    if (asking_login_) return;
    asking_login_ = true;
    live_->stop();
    const auto username = qt(string_at(session_.contains("user") ? session_.at("user") : nlohmann::json::object(), "username"));
    // The same official: the window was built for his area and role.
    login_dialog again(api_, tr("登录已过期或已在别处退出，请重新输入密码。正在填写的内容不会丢失。"), username, this,
                       login_dialog::same_user);
    if (again.exec() == QDialog::Accepted) show_session(again.session());
    asking_login_ = false;
}

void main_window::catch_up_with_feed() {
    // One catch-up at a time: on a slow line a batch may take longer than the timer, and batches must not pile up
    // on the worker ahead of the clerk's own requests. The next one starts when this one is answered.
    if (catching_up_) return;
    queue_->catch_up();
    if (postings_changed_) {
        postings_changed_ = false;
        postings_->refresh();
    }
    if (changed_households_.empty()) return;
    // At most a page of files is read; beyond that the list says there is more and 查询 reads it anew.
    constexpr std::size_t at_most = 50;
    std::vector<std::int64_t> ids(changed_households_.rbegin(), changed_households_.rend());  // newest ids first
    changed_households_.clear();
    if (ids.size() > at_most) {
        households_->note_changes_not_shown(static_cast<int>(ids.size() - at_most));
        ids.resize(at_most);
    }
    catching_up_ = true;
    const auto done = [this] {
        catching_up_ = false;
        if (postings_changed_ || queue_->behind() || !changed_households_.empty()) changed_timer_->start();
    };
    api_.call<std::vector<common::household>>(
        this,
        [ids](client::api_client& api) {
            std::vector<common::household> read;
            for (const auto id : ids) try {
                    read.push_back(api.get_household(id));
                } catch (const client::client_error& e) {
                    // A file moved out of the office's area since, or gone: nothing to show. Anything else (the
                    // line down, the session ended) ends the batch: it is not waited out file by file.
                    const bool gone = e.kind() == client::error_kind::http &&
                                      (e.status() == 403 || e.status() == 404 || e.status() == 410);
                    if (!gone) throw;
                }
            return read;
        },
        [this, done](std::vector<common::household> read) {
            for (const auto& h : read) households_->model().show_saved(h);
            done();
        },
        [done](const client::client_error&) { done(); });
}

void main_window::new_household() { open_form_for(std::nullopt); }

void main_window::open_household(std::int64_t id) {
    statusBar()->showMessage(tr("正在打开…"));
    api_.call<common::household>(
        this, [id](client::api_client& api) { return api.get_household(id); },
        [this](common::household h) {
            statusBar()->clearMessage();
            open_form_for(std::move(h));
        },
        [this](const client::client_error& e) { statusBar()->showMessage(error_message(e), 10000); });
}

void main_window::open_review_entry(const common::review_round& round, std::int64_t household_id) {
    statusBar()->showMessage(tr("正在打开…"));
    api_.call<common::household>(
        this, [household_id](client::api_client& api) { return api.get_household(household_id); },
        [this, round](common::household h) {
            statusBar()->clearMessage();
            auto* form = open_form_for(std::move(h));
            form->enter_for_round(round);
            connect(form, &household_form::review_entered, this, [this](const common::review_entry& entry) {
                const auto lang = ui_language();
                QStringList reasons;
                for (const auto& r : entry.reasons) reasons << qt(r.text(lang));
                statusBar()->showMessage(
                    tr("已录入半年审核：%1，%2%3")
                        .arg(qt(entry.head_name),
                             qt(common::label_or_code(common::vocabulary::review_outcomes, entry.outcome, lang)),
                             reasons.isEmpty() ? QString() : tr("（%1）").arg(reasons.join(tr("；")))),
                    15000);
                queue_->reviews()->refresh();
            });
        },
        [this](const client::client_error& e) { statusBar()->showMessage(error_message(e), 10000); });
}

household_form* main_window::open_form_for(std::optional<common::household> existing) {
    form_ = new household_form(api_, areas_, std::move(existing), this);
    form_->setAttribute(Qt::WA_DeleteOnClose);
    connect(form_, &household_form::saved, this, [this](const common::household& h) {
        households_->model().show_saved(h);
        statusBar()->showMessage(tr("已保存：%1").arg(qt(h.head_name)), 5000);
    });
    connect(form_, &QObject::destroyed, this, [this](QObject* gone) {
        if (gone == form_) form_ = nullptr;
    });
    form_->open();
    return form_;
}

}  // namespace fupin::desktop
