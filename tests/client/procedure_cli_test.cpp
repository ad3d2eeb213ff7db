// The identification procedure from the township's side, against the scripted server: what api_client reads
// from the answers, the paths and bodies the commands send (one case, several, the batch form of a village), the
// printable posting and its CSV, the local `check`, and how the procedure's refusals reach the clerk and the
// exit code. The server's own rules are tested in tests/unit and tests/integration.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "client/api_client.hpp"
#include "client/cli_app.hpp"
#include "client/procedure_commands.hpp"
#include "client/quota_commands.hpp"
#include "client/procedure_printer.hpp"
#include "common/archive_columns.hpp"
#include "common/household_json.hpp"
#include "test_data/id_numbers.hpp"
#include "test_data/sample_household.hpp"
#include "scripted_server.hpp"
#include "session_script.hpp"
#include "test_pki.hpp"

namespace fs = std::filesystem;
using namespace fupin;
using namespace fupin::client;
using namespace fupin::client::test;

namespace {

struct cli_result {
    int code;
    std::string out;
    std::string err;
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A case of the demo county as the server sends it, with its history so far.
nlohmann::json case_json(std::int64_t id, const std::string& state) {
    return {{"id", id},
            {"household_id", 12},
            {"year", 2026},
            {"state", state},
            {"version", 4},
            {"township_code", "529901101"},
            {"township_name", "石门镇"},
            {"village_code", "529901101201"},
            {"village_name", "岩脚村"},
            {"group_name", "三组"},
            {"head_name", "王大山"},
            {"household_size", 4},
            {"per_capita_net_income", 1850.5},
            {"main_cause", "illness"},
            {"open_objections", 0},
            {"posting_id", nullptr},
            {"appraisal_rank", 2},
            {"created_at", "2026-11-29T10:00:00.000Z"},
            {"updated_at", "2026-11-30T02:00:00.000Z"},
            {"steps",
             nlohmann::json::array(
                 {{{"seq", 1},
                   {"action", "apply"},
                   {"from_state", ""},
                   {"to_state", "applied"},
                   {"at", "2026-11-29T10:00:00.000Z"},
                   {"username", "shimen_clerk"},
                   {"role", "village_clerk"},
                   {"note", "本人申请"},
                   {"reason", ""},
                   {"details",
                    {{"verdict",
                      {{"eligible", true},
                       {"reasons", nlohmann::json::array({{{"code", "below_line"},
                                                           {"zh", "人均纯收入1850.5元,低于扶贫标准2300元"},
                                                           {"en", "below the line"}}})}}}}}},
                  {{"seq", 2},
                   {"action", "group_appraise"},
                   {"from_state", "applied"},
                   {"to_state", "group_appraised"},
                   {"at", "2026-11-30T02:00:00.000Z"},
                   {"username", "shimen_clerk"},
                   {"role", "village_clerk"},
                   {"note", ""},
                   {"reason", ""},
                   {"details", nlohmann::json::object()}}})}};
}

nlohmann::json posting_json() {
    const auto entry = [](int position, const char* head, const char* group, int size, double income, int rank) {
        return nlohmann::json{{"application_id", 100 + position},
                              {"position", position},
                              {"head_name", head},
                              {"village_code", "529901101201"},
                              {"village_name", "岩脚村"},
                              {"group_code", "529901101201003"},
                              {"group_name", group},
                              {"household_size", size},
                              {"per_capita_net_income", income},
                              {"main_cause", "illness"},
                              {"appraisal_rank", rank}};
    };
    return {{"id", 5},
            {"level", "village"},
            {"area_code", "529901101201"},
            {"area_name", "岩脚村"},
            {"year", 2026},
            {"published_on", "2026-12-01"},
            {"days", 7},
            {"last_day", "2026-12-07"},
            {"next_step_on", "2026-12-08"},
            {"published_at", "2026-12-01T01:00:00.000Z"},
            {"published_by", "shimen_clerk"},
            {"entries", nlohmann::json::array({entry(1, "王大山", "三组", 4, 1850.5, 1),
                                               entry(2, "李,小花", "一组", 2, 2100, 2)})}};
}

response<string_body> error_json(int status, const char* code, const char* message, nlohmann::json details = nullptr) {
    nlohmann::json error{{"code", code}, {"message", message}};
    if (!details.is_null()) error["details"] = std::move(details);
    return json_response(status, nlohmann::json{{"error", error}}.dump());
}

// The session endpoints from session_script; the procedure's answers from a table the test fills:
// "METHOD TARGET" → the response. Every procedure request must carry the session's token.
class procedure_script {
public:
    std::optional<response<string_body>> operator()(const request<string_body>& req) {
        const std::string key = std::string(req.method_string()) + " " + std::string(req.target());
        {
            std::lock_guard lock(mutex_);
            if (const auto it = answers_.find(key); it != answers_.end()) {
                if (std::string(req[transport::http::field::authorization]) != std::string("Bearer ") + session_script::token)
                    return error_json(401, "authentication_required", "请先登录");
                return it->second;
            }
        }
        if (key.find("/api/v1/sessions") != std::string::npos || key.find("/api/v1/users") != std::string::npos)
            return session_(req);
        return error_json(404, "not_found", ("no script for " + key).c_str());
    }
    void answer(const std::string& key, response<string_body> res) {
        std::lock_guard lock(mutex_);
        answers_[key] = std::move(res);
    }

private:
    session_script session_;
    std::mutex mutex_;
    std::map<std::string, response<string_body>> answers_;
};

class procedure_cli : public ::testing::Test {
protected:
    static fs::path suite_dir() {
        return fs::temp_directory_path() / ("fupin_procedure_cli_test_" + std::to_string(::getpid()));
    }
    static void SetUpTestSuite() { pki_ = new test_pki(suite_dir() / "pki"); }
    static void TearDownTestSuite() {
        fs::remove_all(suite_dir());
        delete pki_;
    }
    void SetUp() override {
        ASSERT_TRUE(pki_->ok()) << "certs/make-certs failed: these tests need its certificates";
        dir_ = suite_dir() / "home";
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        ::setenv("HOME", dir_.c_str(), 1);
        ::unsetenv("FUPIN_CLIENT_CONFIG");
        ::unsetenv("XDG_STATE_HOME");
        server_.emplace(pki_->server_context(), [this](const request<string_body>& r) { return script_(r); });
        const auto r = run({"login", "--user", session_script::username}, true);
        ASSERT_EQ(r.code, 0) << r.err;
        logged_in_ = server_->requests().size();
    }

    cli_result run(std::vector<std::string> args, bool with_password = false) {
        std::vector<std::string> all{"township-client", "--server", "127.0.0.1:" + server_->port(), "--ca",
                                     pki_->ca(), "--cert", pki_->certificate(), "--key", pki_->private_key(),
                                     "--timeout", "5", "--session-file", (dir_ / "session.json").string()};
        all.insert(all.end(), args.begin(), args.end());
        int fds[2] = {-1, -1};
        if (with_password) {
            const std::string password = std::string(session_script::password) + "\n";
            EXPECT_EQ(::pipe(fds), 0);
            EXPECT_EQ(::write(fds[1], password.data(), password.size()), static_cast<ssize_t>(password.size()));
            ::close(fds[1]);
            all.push_back("--password-fd");
            all.push_back(std::to_string(fds[0]));
        }
        std::vector<const char*> argv;
        for (const auto& a : all) argv.push_back(a.c_str());
        std::istringstream in;
        std::ostringstream out, err;
        const int code = run_township_client(static_cast<int>(argv.size()), argv.data(), in, out, err);
        if (fds[0] >= 0) ::close(fds[0]);
        return {code, out.str(), err.str()};
    }

    // The requests after the login of SetUp.
    std::vector<request<string_body>> sent() const {
        auto all = server_->requests();
        return {all.begin() + static_cast<std::ptrdiff_t>(logged_in_), all.end()};
    }

    connection_options options() const {
        connection_options o;
        o.host = "127.0.0.1";
        o.port = server_->port();
        o.tls = {pki_->ca(), pki_->certificate(), pki_->private_key()};
        o.timeout = std::chrono::milliseconds(2000);
        return o;
    }

    static inline test_pki* pki_ = nullptr;
    fs::path dir_;
    procedure_script script_;
    std::optional<scripted_server> server_;
    std::size_t logged_in_ = 0;
};

}  // namespace

TEST_F(procedure_cli, api_client_reads_a_case_with_its_steps_and_a_posting) {
    script_.answer("GET /api/v1/applications/7", json_response(200, case_json(7, "group_appraised").dump()));
    script_.answer("GET /api/v1/postings/5", json_response(200, posting_json().dump()));
    api_client client(options());
    client.set_token(session_script::token);

    const auto a = client.get_application(7);
    EXPECT_EQ(a.id, 7);
    EXPECT_EQ(a.state, "group_appraised");
    EXPECT_EQ(a.per_capita_net_income, 185050);
    ASSERT_TRUE(a.appraisal_rank.has_value());
    EXPECT_EQ(*a.appraisal_rank, 2);
    EXPECT_FALSE(a.posting_id.has_value());
    ASSERT_EQ(a.steps.size(), 2u);
    EXPECT_EQ(a.steps[0].action, "apply");
    EXPECT_EQ(a.steps[1].from_state, "applied");
    EXPECT_EQ(a.steps[1].at_ms, 1796004000000);  // 2026-11-30T02:00:00Z
    EXPECT_TRUE(has(a.steps[0].details, "below_line")) << a.steps[0].details;

    const auto p = client.get_posting(5);
    EXPECT_EQ(p.level, "village");
    EXPECT_EQ(p.last_day, "2026-12-07");
    EXPECT_EQ(p.next_step_on, "2026-12-08");
    ASSERT_EQ(p.entries.size(), 2u);
    EXPECT_EQ(p.entries[1].head_name, "李,小花");
    EXPECT_EQ(p.entries[1].per_capita_net_income, 210000);
    ASSERT_TRUE(p.entries[0].appraisal_rank.has_value());
    EXPECT_EQ(*p.entries[0].appraisal_rank, 1);
}

TEST_F(procedure_cli, api_client_refuses_a_case_that_is_not_one) {
    auto broken = case_json(7, "applied");
    broken["steps"] = "none";
    script_.answer("GET /api/v1/applications/7", json_response(200, broken.dump()));
    api_client client(options());
    client.set_token(session_script::token);
    try {
        client.get_application(7);
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::protocol);
        EXPECT_TRUE(has(e.what(), "steps")) << e.what();
    }
}

TEST_F(procedure_cli, a_step_posts_the_action_and_note_to_the_case) {
    auto done = case_json(7, "village_verified");
    done["steps"].push_back({{"seq", 3}, {"action", "verify"}, {"from_state", "group_appraised"},
                             {"to_state", "village_verified"}, {"at", "2026-12-01T02:00:00.000Z"},
                             {"username", "shimen_clerk"}, {"role", "village_clerk"}, {"note", "已入户核实"},
                             {"reason", ""}, {"details", nlohmann::json::object()}});
    script_.answer("POST /api/v1/applications/7/steps", json_response(200, done.dump()));

    const auto r = run({"verify", "7", "--note", "已入户核实", "--version", "4"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto requests = sent();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method(), transport::http::verb::post);
    EXPECT_EQ(std::string(requests[0].target()), "/api/v1/applications/7/steps");
    EXPECT_EQ(std::string(requests[0][transport::http::field::content_type]), "application/json");
    EXPECT_EQ(nlohmann::json::parse(requests[0].body()),
              (nlohmann::json{{"action", "verify"}, {"note", "已入户核实"}, {"version", 4}}));
    EXPECT_TRUE(has(r.out, "村委会调查核实")) << r.out;
    EXPECT_TRUE(has(r.out, "案件 7（王大山）：村小组已初评 → 村委会已核实")) << r.out;
}

TEST_F(procedure_cli, refuse_needs_a_reason_and_sends_it) {
    auto r = run({"refuse", "7"});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(sent().empty());

    script_.answer("POST /api/v1/applications/steps",
                   json_response(200, nlohmann::json{{"items", {case_json(7, "refused"), case_json(8, "refused")}}}.dump()));
    r = run({"refuse", "7", "8", "--reason", "家中有经商门面"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto requests = sent();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(std::string(requests[0].target()), "/api/v1/applications/steps");
    EXPECT_EQ(nlohmann::json::parse(requests[0].body()),
              (nlohmann::json{{"action", "refuse"}, {"reason", "家中有经商门面"}, {"application_ids", {7, 8}}}));
    EXPECT_TRUE(has(r.out, "共 2 件")) << r.out;
}

TEST_F(procedure_cli, the_batch_form_lists_the_village_cases_in_the_starting_state_then_steps_them_all) {
    script_.answer("GET /api/v1/applications?year=2026&state=group_appraised&village=529901101201&page_size=500",
                   json_response(200, nlohmann::json{{"items", {case_json(7, "group_appraised"),
                                                                case_json(9, "group_appraised")}},
                                                     {"next_after", 9}}
                                          .dump()));
    script_.answer(
        "GET /api/v1/applications?year=2026&state=group_appraised&village=529901101201&page_size=500&after=9",
        json_response(200, nlohmann::json{{"items", {case_json(11, "group_appraised")}}, {"next_after", nullptr}}.dump()));
    script_.answer("POST /api/v1/applications/steps",
                   json_response(200, nlohmann::json{{"items", {case_json(7, "village_verified"),
                                                                case_json(9, "village_verified"),
                                                                case_json(11, "village_verified")}}}
                                          .dump()));

    const auto r = run({"verify", "--village", "529901101201", "--year", "2026", "--note", "整村核实"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto requests = sent();
    ASSERT_EQ(requests.size(), 3u);
    EXPECT_EQ(requests[0].method(), transport::http::verb::get);
    EXPECT_EQ(requests[1].method(), transport::http::verb::get);
    EXPECT_EQ(requests[2].method(), transport::http::verb::post);
    EXPECT_EQ(std::string(requests[2].target()), "/api/v1/applications/steps");
    EXPECT_EQ(nlohmann::json::parse(requests[2].body()),
              (nlohmann::json{{"action", "verify"}, {"note", "整村核实"}, {"application_ids", {7, 9, 11}}}));
    EXPECT_TRUE(has(r.out, "共 3 件")) << r.out;
}

TEST_F(procedure_cli, the_batch_form_with_no_case_ready_sends_no_step) {
    script_.answer("GET /api/v1/applications?year=2026&state=applied&village=529901101201&page_size=500",
                   json_response(200, R"({"items":[],"next_after":null})"));
    const auto r = run({"appraise", "--stage", "group", "--village", "529901101201", "--year", "2026"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(sent().size(), 1u);
    EXPECT_TRUE(has(r.out, "已申请")) << r.out;
}

TEST_F(procedure_cli, a_step_out_of_order_exits_4_with_the_chinese_message_and_the_state) {
    script_.answer("POST /api/v1/applications/7/steps",
                   error_json(409, "step_out_of_order", "该案件当前不能办理此步骤",
                              {{"state", "village_posted"}, {"next", "sign"}}));
    const auto r = run({"review", "7"});
    EXPECT_EQ(r.code, 4);
    EXPECT_TRUE(has(r.err, "错误：该案件当前不能办理此步骤")) << r.err;
    EXPECT_TRUE(has(r.err, "案件当前状态：第一榜公示中(村)；下一步应为：签字上报")) << r.err;
    EXPECT_TRUE(has(r.err, "step_out_of_order")) << r.err;
}

TEST_F(procedure_cli, postings_show_csv_has_a_bom_a_header_and_no_id_numbers) {
    auto posting = posting_json();
    script_.answer("GET /api/v1/postings/5", json_response(200, posting.dump()));
    const auto r = run({"postings", "show", "5", "--csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_GE(r.out.size(), 3u);
    EXPECT_EQ(r.out.substr(0, 3), "\xEF\xBB\xBF");
    std::istringstream lines(r.out.substr(3));
    std::string header, first, second;
    std::getline(lines, header);
    std::getline(lines, first);
    std::getline(lines, second);
    EXPECT_EQ(header, "序号,户主,村,组,人口,人均纯收入(元),主要致贫原因,评议排名\r");
    EXPECT_EQ(first, "1,王大山,岩脚村,三组,4,1850.50,因病,1\r");
    EXPECT_EQ(second, "2,\"李,小花\",岩脚村,一组,2,2100.00,因病,2\r");  // the comma in the name is quoted
    EXPECT_FALSE(std::regex_search(r.out, std::regex("[0-9]{17}[0-9Xx]"))) << r.out;  // no ID number
}

TEST_F(procedure_cli, postings_show_prints_the_notice_with_title_and_period) {
    script_.answer("GET /api/v1/postings/5", json_response(200, posting_json().dump()));
    const auto r = run({"postings", "show", "5"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("岩脚村 2026年扶贫对象第一榜公示\n", 0), 0u) << r.out;
    EXPECT_TRUE(has(r.out, "公示时间：2026-12-01 至 2026-12-07（共 7 天）")) << r.out;
    for (const char* column : {"序号", "户主", "村", "组", "人口", "人均纯收入(元)", "主要致贫原因", "评议排名"})
        EXPECT_TRUE(has(r.out, column)) << column;
    EXPECT_TRUE(has(r.out, "1,850.50")) << r.out;
    EXPECT_TRUE(has(r.out, "2026-12-08 起")) << r.out;
}

TEST_F(procedure_cli, check_prints_the_reasons_and_exits_3_for_an_excluded_household) {
    auto h = fupin::test_data::stored_sample_household();
    h.identification.gambling_drugs_or_crime = true;
    script_.answer("GET /api/v1/households/12", json_response(200, common::to_json(h).dump()));
    script_.answer("GET /api/v1/poverty-lines",
                   json_response(200, R"({"items":[{"year":2025,"amount":2300,"set_by":"county_admin","set_at":null},)"
                                      R"({"year":2026,"amount":3000,"set_by":"county_admin","set_at":null}]})"));
    script_.answer("GET /api/v1/households/12/flags", json_response(200, R"({"items":[]})"));
    const auto r = run({"check", "12", "--year", "2026"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(has(r.out, "不符合扶贫对象识别条件")) << r.out;
    EXPECT_TRUE(has(r.out, "三不评:赌博、吸毒或其他违法犯罪")) << r.out;
    EXPECT_TRUE(has(r.out, "低于扶贫标准3000元")) << r.out;  // judged against 2026's line, not 2025's
    for (const auto& req : sent()) EXPECT_EQ(req.method(), transport::http::verb::get);  // nothing submitted
}

TEST_F(procedure_cli, check_exits_0_for_an_eligible_household_and_speaks_english) {
    script_.answer("GET /api/v1/households/12",
                   json_response(200, common::to_json(fupin::test_data::stored_sample_household()).dump()));
    script_.answer("GET /api/v1/poverty-lines",
                   json_response(200, R"({"items":[{"year":2026,"amount":3000,"set_by":"county_admin","set_at":null}]})"));
    script_.answer("GET /api/v1/households/12/flags", json_response(200, R"({"items":[]})"));
    const auto r = run({"--lang", "en", "check", "12", "--year", "2026"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "Verdict: eligible")) << r.out;
}

TEST_F(procedure_cli, check_names_the_department_flags_that_would_stop_the_application) {
    script_.answer("GET /api/v1/households/12",
                   json_response(200, common::to_json(fupin::test_data::stored_sample_household()).dump()));
    script_.answer("GET /api/v1/poverty-lines",
                   json_response(200, R"({"items":[{"year":2026,"amount":3000,"set_by":"county_admin","set_at":null}]})"));
    const nlohmann::json flag{{"id", 9}, {"household_id", 12}, {"kind", "state_payroll"}, {"source", "财政"},
                              {"member_name", "王小军"}, {"detail", "县教育局在编"}, {"excluding", true},
                              {"holds", true}};
    script_.answer("GET /api/v1/households/12/flags", json_response(200, nlohmann::json{{"items", {flag}}}.dump()));
    const auto r = run({"check", "12", "--year", "2026"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(has(r.out, "部门比对疑点：成员王小军为财政供养人员：县教育局在编（财政）")) << r.out;
    EXPECT_TRUE(has(r.out, "department_flag")) << r.out;
}

TEST_F(procedure_cli, answer_upheld_without_a_consequence_is_refused_before_sending) {
    const auto r = run({"answer", "3", "--upheld", "--answer", "经核实该户有经商收入"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "--consequence")) << r.err;
    EXPECT_TRUE(sent().empty());
}

TEST_F(procedure_cli, applications_show_prints_the_history_with_chinese_labels) {
    script_.answer("GET /api/v1/applications/7", json_response(200, case_json(7, "group_appraised").dump()));
    const auto r = run({"applications", "show", "7"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "村小组已初评")) << r.out;
    EXPECT_TRUE(has(r.out, "个人申请")) << r.out;
    EXPECT_TRUE(has(r.out, "（已申请 → 村小组已初评）")) << r.out;
    EXPECT_TRUE(has(r.out, "人均纯收入1850.5元,低于扶贫标准2300元")) << r.out;
    EXPECT_TRUE(has(r.out, "村级信息员")) << r.out;
}

TEST(quota_commands_test, parse_yuan_takes_at_most_two_decimals) {
    common::money_fen fen = 0;
    EXPECT_TRUE(parse_yuan("2300", fen));
    EXPECT_EQ(fen, 230000);
    EXPECT_TRUE(parse_yuan("2300.5", fen));
    EXPECT_EQ(fen, 230050);
    EXPECT_TRUE(parse_yuan("2300.05", fen));
    EXPECT_EQ(fen, 230005);
    for (const char* bad : {"", "-1", "2300.", "2300.123", "2,300", "abc", ".5"}) EXPECT_FALSE(parse_yuan(bad, fen)) << bad;
}

// The exit procedure's own commands: what they send, and the panel checked before anything is sent.
TEST_F(procedure_cli, exit_commands_propose_vote_acknowledge_and_complete) {
    auto proposed = case_json(21, "exit_proposed");
    proposed["kind"] = "exit";
    script_.answer("POST /api/v1/exit-proposals", json_response(201, proposed.dump()));
    auto r = run({"exit", "propose", "12", "--year", "2026", "--note", "务工收入稳定"});
    ASSERT_EQ(r.code, 0) << r.err;
    auto requests = sent();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(nlohmann::json::parse(requests[0].body()),
              (nlohmann::json{{"household_id", 12}, {"year", 2026}, {"note", "务工收入稳定"}}));
    EXPECT_TRUE(has(r.out, "已提出拟退出")) << r.out;
    EXPECT_TRUE(has(r.out, "村提出拟退出")) << r.out;

    auto appraised = case_json(21, "exit_appraised");
    appraised["kind"] = "exit";
    script_.answer("POST /api/v1/applications/21/steps", json_response(200, appraised.dump()));
    // Eight names: refused here, nothing sent.
    r = run({"exit", "vote", "21", "--meeting-date", "2026-12-01", "--panel", "甲,乙,丙,丁,戊,己,庚,辛", "--for", "8"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(has(r.err, "9至15")) << r.err;
    EXPECT_EQ(sent().size(), 1u);
    r = run({"exit", "vote", "21", "--meeting-date", "2026-12-01", "--panel", "甲，乙、丙,丁,戊,己,庚,辛,壬", "--for", "7",
             "--against", "1", "--abstain", "1"});
    ASSERT_EQ(r.code, 0) << r.err;
    requests = sent();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(std::string(requests[1].target()), "/api/v1/applications/21/steps");
    EXPECT_EQ(nlohmann::json::parse(requests[1].body()),
              (nlohmann::json{{"action", "appraise"},
                              {"vote",
                               {{"meeting_date", "2026-12-01"},
                                {"panel", {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬"}},
                                {"votes_for", 7},
                                {"votes_against", 1},
                                {"votes_abstain", 1}}}}));

    r = run({"exit", "acknowledge", "21", "--on", "2026-12-02", "--signed-by", "王大山", "--witness", "李四"});
    ASSERT_EQ(r.code, 0) << r.err;
    requests = sent();
    EXPECT_EQ(nlohmann::json::parse(requests.back().body()),
              (nlohmann::json{{"action", "acknowledge"},
                              {"acknowledgement",
                               {{"acknowledged_on", "2026-12-02"}, {"signed_by", "王大山"}, {"witness", "李四"}}}}));
    r = run({"exit", "complete", "21"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(sent().back().body()), (nlohmann::json{{"action", "exit"}}));
}

TEST_F(procedure_cli, the_batch_form_of_an_exit_step_lists_the_exit_cases) {
    script_.answer("GET /api/v1/applications?year=2026&state=exit_village_posted&village=529901101201&page_size=500",
                   json_response(200, R"({"items":[],"next_after":null})"));
    const auto r = run({"review", "--kind", "exit", "--village", "529901101201", "--year", "2026"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(sent().size(), 1u);
    EXPECT_TRUE(has(r.out, "退出村内公示中")) << r.out;
}

// A spot check's record from the command line: the findings from --right and --wrong, checked before sending.
TEST_F(procedure_cli, spot_checks_record_sends_the_findings_and_refuses_a_contradiction_locally) {
    auto r = run({"spot-checks", "record", "3", "12", "--on", "2026-12-05", "--method", "unannounced", "--verdict",
                  "accurate", "--follow-up", "none", "--wrong", "income=开有小卖部"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(has(r.err, "准确")) << r.err;
    EXPECT_TRUE(sent().empty());

    const nlohmann::json item{{"household_id", 12},
                              {"township_code", "529901101"},
                              {"village_code", "529901101201"},
                              {"village_name", "岩脚村"},
                              {"head_name", "王大山"},
                              {"standing", "registered"},
                              {"follow_up_done", false},
                              {"result",
                               {{"checked_on", "2026-12-05"},
                                {"method", "unannounced"},
                                {"findings", {{{"field", "members"}, {"correct", true}, {"found", ""}},
                                              {{"field", "income"}, {"correct", false}, {"found", "开有小卖部"}}}},
                                {"verdict", "inaccurate"},
                                {"follow_up", "correction"},
                                {"note", ""},
                                {"checked_by", "supervisor"},
                                {"recorded_at", "2026-12-05T02:00:00.000Z"},
                                {"household_version", 4}}}};
    script_.answer("PUT /api/v1/spot-checks/3/households/12", json_response(200, item.dump()));
    r = run({"spot-checks", "record", "3", "12", "--on", "2026-12-05", "--method", "unannounced", "--verdict",
             "inaccurate", "--follow-up", "correction", "--right", "members", "--wrong", "income=开有小卖部"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto requests = sent();
    ASSERT_EQ(requests.size(), 1u);
    const auto body = nlohmann::json::parse(requests[0].body());
    EXPECT_EQ(body["findings"], item["result"]["findings"]);
    EXPECT_EQ(body["verdict"], "inaccurate");
    EXPECT_FALSE(body.contains("checked_by")) << "the server's to set";
    EXPECT_TRUE(has(r.out, "结论“有误”")) << r.out;
    EXPECT_TRUE(has(r.out, "✗ income：实际为 开有小卖部")) << r.out;
}

// A department's list from the command line: checked with the server's rule before anything is sent (every bad
// row named), then sent as its bytes are (GB18030 too); the flags printed with their reasons; a refusal by the
// server lists its rows as the local check does.
TEST_F(procedure_cli, lists_import_checks_the_file_first_then_sends_it_as_it_is) {
    const auto bad = dir_ / "bad.csv";
    std::ofstream(bad) << "身份证号,明细\n52990119800101123,轿车\n";
    auto r = run({"lists", "import", bad.string(), "--kind", "vehicle", "--year", "2026"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(has(r.err, "第 2 行")) << r.err;
    EXPECT_TRUE(sent().empty());

    // 身份证号,明细 in GB18030, as Excel saves it on a Chinese Windows.
    const std::string bytes = "\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5\x2C\xC3\xF7\xCF\xB8\r\n" +
                              fupin::test_data::demo_id_number("19800101", 3) + ",\xBD\xCE\xB3\xB5\r\n";
    const auto good = dir_ / "车管2026.csv";
    std::ofstream(good, std::ios::binary) << bytes;
    const nlohmann::json list{{"id", 4},          {"kind", "vehicle"},  {"year", 2026},
                              {"source", "公安车管"}, {"file_name", "车管2026.csv"}, {"encoding", "gb18030"},
                              {"rows", 1},        {"flagged_households", 1}, {"imported_by", "approver"},
                              {"imported_at", "2026-12-05T02:00:00.000Z"}};
    const std::string target = "POST /api/v1/department-lists?kind=vehicle&year=2026&file_name=%E8%BD%A6%E7%AE%A12026.csv";
    script_.answer(target, json_response(201, list.dump()));
    r = run({"lists", "import", good.string(), "--kind", "vehicle", "--year", "2026"});
    ASSERT_EQ(r.code, 0) << r.err;
    auto requests = sent();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].body(), bytes);
    EXPECT_EQ(std::string(requests[0][transport::http::field::content_type]), "text/csv");
    EXPECT_TRUE(has(r.out, "已导入名单 4：机动车 2026 年（公安车管），1 行（GB18030 编码），涉及 1 户")) << r.out;

    // The server refuses what the local check let through (a newer rule): its rows are listed all the same.
    script_.answer(target, error_json(422, "list_malformed", "文件有 1 处错误，未导入任何数据；请改正后重新导入",
                                      {{"problems", {{{"line", 2}, {"column", "date"}, {"zh", "第 2 行：日期不对"},
                                                      {"en", "line 2: bad date"}}}},
                                       {"problem_count", 1}}));
    r = run({"lists", "import", good.string(), "--kind", "vehicle", "--year", "2026"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(has(r.err, "未导入任何数据")) << r.err;
    EXPECT_TRUE(has(r.err, "第 2 行：日期不对")) << r.err;

    const nlohmann::json flag{{"id", 9}, {"household_id", 12}, {"township_code", "529901101"},
                              {"village_code", "529901101201"}, {"head_name", "王大山"}, {"list_id", 4},
                              {"kind", "vehicle"}, {"year", 2026}, {"source", "公安车管"}, {"line", 2},
                              {"member_name", "王小山"}, {"detail", "轿车"}, {"recorded_on", ""},
                              {"excluding", true}, {"holds", true}, {"raised_at", "2026-12-05T02:00:00.000Z"}, {"cleared_by", ""},
                              {"cleared_at", nullptr}, {"clear_reason", ""}};
    script_.answer("GET /api/v1/households/12/flags", json_response(200, nlohmann::json{{"items", {flag}}}.dump()));
    r = run({"flags", "show", "12"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "成员王小山名下有机动车：轿车（公安车管）")) << r.out;
    EXPECT_TRUE(has(r.out, "未核销（暂停识别）")) << r.out;
}

TEST_F(procedure_cli, print_saves_the_servers_document_under_its_name_or_the_one_given) {
    const auto document = [](const std::string& type, const std::string& name, const std::string& bytes) {
        response<string_body> res{transport::http::status::ok, 11};
        res.set(transport::http::field::content_type, type);
        res.set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        res.body() = bytes;
        res.prepare_payload();
        return res;
    };
    script_.answer("GET /api/v1/households/12/card", document("application/pdf", "household-card-12.pdf", "%PDF-1.5 card"));
    const auto previous = fs::current_path();
    fs::current_path(dir_);
    auto r = run({"print", "card", "12"});
    fs::current_path(previous);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "已保存：household-card-12.pdf（13 B）")) << r.out;  // the size written
    std::ifstream saved(dir_ / "household-card-12.pdf", std::ios::binary);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(saved), {}), "%PDF-1.5 card");

    const std::string xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    script_.answer("GET /api/v1/areas/529901101/register?format=xlsx",
                   document(xlsx, "township-book-529901101.xlsx", "PK book"));
    const auto book = dir_ / "石门镇.xlsx";
    r = run({"print", "book", "--township", "529901101", "--format", "xlsx", "-o", book.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(book));
    for (const auto& entry : fs::directory_iterator(dir_))
        EXPECT_FALSE(entry.path().filename().string().starts_with(".fupin-download-")) << "a partial file was left";

    script_.answer("GET /api/v1/areas/529901101/archive?format=csv",
                   document("text/csv; charset=utf-8", "archive-529901101.csv", "\xEF\xBB\xBF户编号\r\n"));
    fs::current_path(dir_);
    r = run({"export", "--area", "529901101", "--format", "csv"});
    fs::current_path(previous);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir_ / "archive-529901101.csv"));

    // A file larger than any answer the client keeps in memory (16 MiB) is written as it arrives.
    const std::string large(20 * 1024 * 1024, 'x');
    script_.answer("GET /api/v1/areas/529901/archive?format=csv",
                   document("text/csv; charset=utf-8", "archive-529901.csv", large));
    r = run({"export", "--area", "529901", "--format", "csv", "-o", (dir_ / "county.csv").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(fs::file_size(dir_ / "county.csv"), large.size());
    EXPECT_EQ(fs::status(dir_ / "county.csv").permissions() & fs::perms::others_read, fs::perms::none);

    // A name from the server that is a path is not used: the document is saved under a plain one.
    script_.answer("GET /api/v1/postings/5/document", document("application/pdf", "../../evil.pdf", "%PDF posting"));
    fs::current_path(dir_);
    r = run({"print", "posting", "5", "--json"});
    fs::current_path(previous);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir_ / "document.pdf"));
    EXPECT_EQ(nlohmann::json::parse(r.out)["file"], "document.pdf");

    // A folder that cannot take the file: nothing is asked of the server.
    const auto before = sent().size();
    r = run({"print", "card", "12", "-o", (dir_ / "no-such-folder" / "card.pdf").string()});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(has(r.err, "无法写入文件")) << r.err;
    EXPECT_EQ(sent().size(), before);

    // A refusal saves nothing.
    script_.answer("GET /api/v1/areas/529901101201/register?format=pdf",
                   error_json(403, "area_forbidden", "该记录不在您负责的区域内,无权访问"));
    r = run({"print", "register", "--village", "529901101201", "-o", (dir_ / "r.pdf").string()});
    EXPECT_EQ(r.code, 6) << r.err;
    EXPECT_TRUE(has(r.err, "无权访问")) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "r.pdf"));
}

TEST_F(procedure_cli, stats_prints_the_figures_in_chinese_tables) {
    const nlohmann::json statuses = nlohmann::json::array(
        {{{"key", "pending"}, {"households", 2}, {"people", 5}}, {{"key", "registered"}, {"households", 10}, {"people", 35}},
         {{"key", "exited"}, {"households", 0}, {"people", 0}}});
    const nlohmann::json figures{
        {"area_code", "529901101"}, {"area_name", "石门镇"}, {"level", "township"}, {"year", 2026},
        {"areas", {{{"area_code", "529901101"}, {"area_name", "石门镇"}, {"level", "township"}, {"households", 12},
                    {"people", 40}, {"by_status", statuses}, {"with_helper", 7}},
                   {{"area_code", "529901101201"}, {"area_name", "岩脚村"}, {"level", "village"}, {"households", 12},
                    {"people", 40}, {"by_status", statuses}, {"with_helper", 7}}}},
        {"by_status", statuses},
        {"by_main_cause", {{{"key", "illness"}, {"households", 9}, {"people", 30}}, {{"key", "disability"}, {"households", 0}, {"people", 0}}}},
        {"by_poverty_type", nlohmann::json::array()},
        {"by_income_band", {{{"key", "2000_3000"}, {"households", 12}, {"people", 40}}}},
        {"by_attribute", nlohmann::json::array()},
        {"measures_by_category", {{{"key", "industry"}, {"measures", 3}, {"households", 2}, {"planned", 3000.5}, {"paid", 1000}}}},
        {"funds_by_source", nlohmann::json::array()}};
    script_.answer("GET /api/v1/statistics?year=2026", json_response(200, figures.dump()));
    auto r = run({"stats", "--year", "2026"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "石门镇 扶贫对象统计（2026年）")) << r.out;
    EXPECT_TRUE(has(r.out, "石门镇（合计）")) << r.out;
    EXPECT_TRUE(has(r.out, "因病")) << r.out;
    EXPECT_FALSE(has(r.out, "因残")) << "a cause of no household is left out";
    EXPECT_TRUE(has(r.out, "75.0%")) << r.out;  // 9 of 12
    EXPECT_TRUE(has(r.out, "已建档立卡 10 户，其中已结对帮扶 7 户（70.0%）")) << r.out;
    EXPECT_TRUE(has(r.out, "产业扶持")) << r.out;
    EXPECT_TRUE(has(r.out, "3,000.50")) << r.out;
    EXPECT_TRUE(has(r.out, "资金来源：2026年尚无帮扶措施")) << r.out;
}

namespace fupin::client::test {
namespace {

// A CSV of the archive's columns holding `files` (as the export writes them, numbered 1, 2, …).
std::string archive_csv(std::vector<common::household> files) {
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i];
        out += "\r\n";
    };
    line(common::archive_header(common::language::zh));
    for (std::size_t i = 0; i < files.size(); ++i) {
        files[i].id = static_cast<std::int64_t>(i + 1);
        for (const auto& row : common::archive_rows({files[i], {}})) {
            std::vector<std::string> cells;
            for (const auto& c : row) cells.push_back(c.text);
            line(cells);
        }
    }
    return out;
}

nlohmann::json import_json(const char* state, int households, int people, int problems) {
    return {{"id", 5},           {"area_code", "529901"},  {"file_name", "archive.csv"}, {"state", state},
            {"households", households}, {"people", people}, {"problems", problems},        {"created_by", "shimen_clerk"},
            {"created_at", "2026-11-29T10:00:00.000Z"}, {"closed_at", nullptr}};
}

}  // namespace

TEST_F(procedure_cli, import_checks_the_file_here_first_and_sends_nothing_with_a_bad_row) {
    // The second file names the first one's head again.
    std::ofstream(dir_ / "bad.csv") << archive_csv({test_data::sample_household({.seed = 41, .size = 2}),
                                                   test_data::sample_household({.seed = 41, .size = 1})});
    const auto r = run({"import", (dir_ / "bad.csv").string()});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(has(r.err, "与第2行是同一人")) << r.err;
    EXPECT_TRUE(sent().empty()) << "nothing may be sent for a file with problems";
}

TEST_F(procedure_cli, a_dry_run_sends_the_batches_reports_the_archives_answer_and_abandons) {
    std::ofstream(dir_ / "archive.csv") << archive_csv({test_data::sample_household({.seed = 42, .size = 2}),
                                                       test_data::sample_household({.seed = 43, .size = 1})});
    script_.answer("POST /api/v1/imports", json_response(201, import_json("open", 0, 0, 0).dump()));
    nlohmann::json batch{{"import", import_json("open", 1, 2, 1)},
                         {"staged", 1},
                         {"problems", nlohmann::json::array({{{"row", 4},
                                                              {"column", "身份证号"},
                                                              {"zh", "该成员已在青峰镇城关村的农户档案中登记"},
                                                              {"en", "already registered"}}})}};
    script_.answer("POST /api/v1/imports/5/files", json_response(200, batch.dump()));
    script_.answer("DELETE /api/v1/imports/5", json_response(200, import_json("abandoned", 1, 2, 1).dump()));
    auto r = run({"import", (dir_ / "archive.csv").string(), "--dry-run"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(has(r.out, "读取")) << r.out;
    EXPECT_TRUE(has(r.err, "4   身份证号  该成员已在青峰镇城关村的农户档案中登记")) << r.err;
    const auto requests = sent();
    ASSERT_EQ(requests.size(), 3u);
    const auto files = nlohmann::json::parse(requests[1].body()).at("files");
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].at("first_row"), 2);
    EXPECT_EQ(files[1].at("rows"), nlohmann::json::array({4}));
    EXPECT_EQ(requests[2].method(), transport::http::verb::delete_);

    // Without problems a real import commits.
    batch["problems"] = nlohmann::json::array();
    batch["import"] = import_json("open", 2, 3, 0);
    script_.answer("POST /api/v1/imports/5/files", json_response(200, batch.dump()));
    script_.answer("POST /api/v1/imports/5/commit", json_response(200, import_json("committed", 2, 3, 0).dump()));
    r = run({"import", (dir_ / "archive.csv").string()});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "已导入 2 户 3 人（导入批次 5）")) << r.out;
}

}  // namespace fupin::client::test
