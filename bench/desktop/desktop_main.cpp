// bench-desktop: township-desktop's figures against a running county-server (scripts/bench makes its accounts).
//  - startup: a fresh process until the login window is on screen, as township-desktop starts (the settings
//    read, the worker's connection made with the certificates, the login dialog shown), beside a fresh process
//    that shows an empty Qt dialog: what any Qt window costs on this machine;
//  - opening a household: from the list's double click (main_window::open_household) until the form holding the
//    file is on screen, beside the same file read with api_client alone (the network and the server);
//  - with --list-households N (the 10,000): the office's list scrolled from the first page to the last,
//    the area topped up to N files first: each page from the scroll that asks for it until its rows are in the
//    view, beside the same page read with api_client alone; and the longest the window's event loop was busy at
//    once while scrolling (what a clerk feels as a stutter; a frame is 16 ms).
// Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise.
//   bench-desktop --target HOST:PORT --certs DIR [--area 529901100] [--samples 30] [--list-households 10000]
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include "bench/common/bench_endpoint.hpp"
#include "bench/common/bench_failure.hpp"
#include "bench/common/household_factory.hpp"
#include "bench/common/latency_samples.hpp"
#include "client/desktop/api_worker.hpp"
#include "client/desktop/household_form.hpp"
#include "client/desktop/household_list_model.hpp"
#include "client/desktop/household_list_page.hpp"
#include "client/desktop/login_dialog.hpp"
#include "client/desktop/main_window.hpp"

extern char** environ;

namespace {

using namespace fupin;
using clock_type = std::chrono::steady_clock;

std::string argument(int argc, char** argv, const std::string& name, const std::string& fallback = {}) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == "--" + name) return argv[i + 1];
    return fallback;
}

// A child: shows its window, says so on stdout once it is exposed, and ends.
int startup_child(const std::string& kind, const std::string& config_path) {
    int argc = 1;
    char name[] = "bench-desktop";
    char* argv[] = {name, nullptr};
    QApplication app(argc, argv);
    std::unique_ptr<QDialog> window;
    std::unique_ptr<desktop::api_worker> api;
    if (kind == "desktop") {
        const auto config = client::load_client_config(config_path);
        api = std::make_unique<desktop::api_worker>(client::options_from(config));
        window = std::make_unique<desktop::login_dialog>(*api, QString(), QString());
    } else {
        window = std::make_unique<QDialog>();
        window->resize(420, 150);
    }
    window->show();
    QTimer::singleShot(0, [&] {
        std::printf("ready\n");
        std::fflush(stdout);
        QApplication::quit();
    });
    QApplication::exec();
    window.reset();
    api.reset();
    return 0;
}

// Seconds from spawning `self --child KIND` until it prints "ready".
double spawn_until_ready(const std::string& self, const std::string& kind, const std::string& config_path) {
    int out[2];
    if (pipe(out) != 0) throw bench::bench_failure("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<std::string> args{self, "--child", kind, "--config", config_path};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto started = clock_type::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, self.c_str(), &actions, nullptr, argv.data(), environ) != 0)
        throw bench::bench_failure("cannot start " + self);
    close(out[1]);
    std::string line;
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    const auto ready = clock_type::now();
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    posix_spawn_file_actions_destroy(&actions);
    if (line != "ready") throw bench::bench_failure("the " + kind + " window did not come up");
    return std::chrono::duration<double>(ready - started).count();
}

void print_figure(const std::string& name, double value, const char* unit) {
    std::printf("%s %.2f %s\n", name.c_str(), value, unit);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        setenv("QT_QPA_PLATFORM", "offscreen", 0);
        if (argument(argc, argv, "child") != "")
            return startup_child(argument(argc, argv, "child"), argument(argc, argv, "config"));
        const auto target = argument(argc, argv, "target");
        const auto certs = argument(argc, argv, "certs");
        if (target.empty() || certs.empty()) {
            std::fprintf(stderr, "usage: bench-desktop --target HOST:PORT --certs DIR [--area 529901100] [--samples 30]\n");
            return 2;
        }
        const auto area = argument(argc, argv, "area", "529901100");
        const int samples = std::stoi(argument(argc, argv, "samples", "30"));
        const auto options = bench::options_for(bench::parse_endpoint(target), certs, area);

        // Startup: township-desktop's settings file, as township-client reads it.
        const auto config_path = std::filesystem::temp_directory_path() / "bench-desktop-township-client.conf";
        client::client_config config;
        config.server = options.host + ":" + options.port;
        config.ca = options.tls.ca;
        config.certificate = options.tls.certificate;
        config.private_key = options.tls.private_key;
        client::save_client_config(config_path, config);
        const auto self = std::filesystem::canonical("/proc/self/exe").string();
        bench::latency_samples desktop_start, qt_start;
        for (int i = -1; i < samples; ++i) {  // the first of each warms the page cache, not counted
            const auto d = spawn_until_ready(self, "desktop", config_path.string());
            const auto q = spawn_until_ready(self, "qt", config_path.string());
            if (i < 0) continue;
            desktop_start.add(static_cast<std::int64_t>(d * 1e9));
            qt_start.add(static_cast<std::int64_t>(q * 1e9));
        }

        // Opening a household: the window of a logged-in office, over files made for it.
        int app_argc = 1;
        char app_name[] = "bench-desktop";
        char* app_argv[] = {app_name, nullptr};
        QApplication app(app_argc, app_argv);
        client::api_client direct(options);
        bench::log_in_as_office(direct, area);
        std::vector<std::int64_t> ids;
        const auto areas = direct.list_areas();
        std::string group;
        for (const auto& a : areas)
            if (a.level == "group") {
                group = a.code;
                break;
            }
        // People of their own each run (the archive holds a person once): the sequence starts from the clock.
        bench::household_factory factory(area.substr(0, 6), (std::time(nullptr) % 100000) * 100);
        for (int i = 0; i < 20; ++i)
            ids.push_back(direct.create_household(factory.make(group), client::random_idempotency_key()).id);
        desktop::api_worker api(options);
        auto session = direct.whoami();
        session["token"] = direct.token();  // what the login dialog hands the window: its feed subscribes with it
        api.call<int>(
            &app, [&area](client::api_client& c) { bench::log_in_as_office(c, area); return 0; }, [](int) {},
            [](const client::client_error& e) { throw bench::bench_failure(e.what()); });
        desktop::main_window window(api, areas, session);
        window.show();
        bench::latency_samples opening, reading;
        for (int i = -2; i < samples; ++i) {
            const auto id = ids[static_cast<std::size_t>((i + 2) % static_cast<int>(ids.size()))];
            QElapsedTimer timer;
            timer.start();
            window.open_household(id);
            while (!(window.open_form() && window.open_form()->isVisible())) {
                QApplication::processEvents(QEventLoop::AllEvents, 20);
                if (timer.elapsed() > 10000) throw bench::bench_failure("the household's form did not open");
            }
            const auto opened_ns = timer.nsecsElapsed();
            window.open_form()->done(QDialog::Rejected);
            QApplication::processEvents();
            const auto t0 = clock_type::now();
            direct.get_household(id);
            const auto read_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(clock_type::now() - t0).count();
            if (i < 0) continue;
            opening.add(opened_ns);
            reading.add(read_ns);
        }
        // Scrolling the list of the whole area, page by page, to its end.
        bench::latency_samples page_shown, page_read, event_loop;
        int listed = 0;
        int stutters = 0;  // turns of the event loop longer than a frame (16 ms)
        if (const int wanted = std::stoi(argument(argc, argv, "list-households", "0")); wanted > 0) {
            common::household_filter all;
            all.page_size = 200;
            int have = 0;
            for (auto page = direct.list_households(all);; page = direct.list_households(all)) {
                have += static_cast<int>(page.items.size());
                if (page.next_page_token.empty()) break;
                all.page_token = page.next_page_token;
            }
            for (; have < wanted; ++have) direct.create_household(factory.make(group), client::random_idempotency_key());
            auto& model = window.households().model();
            auto& view = window.households().view();
            window.households().search();
            QElapsedTimer timer;
            timer.start();
            int rows = 0;
            std::int64_t asked_at = timer.nsecsElapsed();
            while (true) {
                const auto before = timer.nsecsElapsed();
                QApplication::processEvents(QEventLoop::AllEvents, 5);
                event_loop.add(timer.nsecsElapsed() - before);
                if (timer.nsecsElapsed() - before > 16'000'000) ++stutters;
                if (model.loading()) continue;
                if (model.rowCount() > rows) {
                    page_shown.add(timer.nsecsElapsed() - asked_at);
                    rows = model.rowCount();
                }
                if (!model.canFetchMore({})) break;
                // As a clerk drags the scroll bar to the bottom: the view asks for the next page.
                asked_at = timer.nsecsElapsed();
                view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
                if (!model.loading() && model.canFetchMore({})) model.fetchMore({});
                if (timer.elapsed() > 600000) throw bench::bench_failure("the list did not reach its end");
            }
            listed = model.rowCount();
            // The same pages read with api_client alone.
            common::household_filter f;
            for (int read = 0; read < listed;) {
                const auto t0 = clock_type::now();
                const auto page = direct.list_households(f);
                page_read.add(std::chrono::duration_cast<std::chrono::nanoseconds>(clock_type::now() - t0).count());
                read += static_cast<int>(page.items.size());
                if (page.next_page_token.empty()) break;
                f.page_token = page.next_page_token;
            }
        }

        const auto report = [](const char* name, bench::latency_samples& s) {
            const auto summary = s.summarize();
            print_figure(std::string(name) + "_p50", summary.p50_ms, "ms");
            print_figure(std::string(name) + "_p99", summary.p99_ms, "ms");
            return summary;
        };
        const auto desktop = report("desktop_startup_to_login_window", desktop_start);
        const auto qt = report("desktop_startup_empty_qt_dialog", qt_start);
        print_figure("desktop_startup_ratio_qt_over_desktop_p50", 100 * qt.p50_ms / desktop.p50_ms, "%");
        const auto open = report("desktop_open_household", opening);
        const auto read = report("desktop_read_household_api_client", reading);
        print_figure("desktop_open_ratio_read_over_open_p50", 100 * read.p50_ms / open.p50_ms, "%");
        if (listed > 0) {
            print_figure("desktop_list_households", listed, "files");
            const auto shown = report("desktop_list_page_shown", page_shown);
            const auto alone = report("desktop_list_page_read_api_client", page_read);
            print_figure("desktop_list_ratio_read_over_shown_p50", 100 * alone.p50_ms / shown.p50_ms, "%");
            const auto loop = event_loop.summarize();
            print_figure("desktop_list_event_loop_busy_max", loop.max_ms, "ms");
            print_figure("desktop_list_event_loop_turns_over_16ms", stutters, "turns");
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-desktop: %s\n", e.what());
        return 1;
    }
}
