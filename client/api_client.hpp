#pragma once
// HTTPS client of county-server (docs/protocol.md): one keep-alive TLS connection with mutual certificates,
// reopened when the server has closed it, and a timeout on every step (resolve, connect, handshake, write, read).
// Failures are thrown as client_error. Not thread-safe: one api_client per thread.
//
// This header deliberately includes no Asio/Beast (pimpl), so the CLI and the tests stay light.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "client/client_config.hpp"
#include "client/client_error.hpp"
#include "common/api_error.hpp"
#include "common/area.hpp"
#include "common/assistance.hpp"
#include "common/assistance_rules.hpp"
#include "common/department_check.hpp"
#include "common/exit_rules.hpp"
#include "common/member_change.hpp"
#include "common/helper.hpp"
#include "common/review_round.hpp"
#include "common/sandaohu.hpp"
#include "common/statistics.hpp"
#include "common/spot_check.hpp"
#include "common/household.hpp"
#include "common/identification_rules.hpp"
#include "common/procedure.hpp"

namespace fupin::client {

enum class http_method { get, post, put, delete_ };

// A page of GET /api/v1/applications: cases without their steps, by id.
struct application_page {
    std::vector<common::application> items;
    std::int64_t next_after = 0;  // 0 on the last page; else the `after` of the next request
};

// POST /api/v1/applications/{id}/steps and /api/v1/applications/steps.
struct step_request {
    std::string action;        // common::procedure_action: group_appraise, verify, sign, review, approve, …
    std::int64_t version = 0;  // single case only; 0: not named (the server takes the case as it is)
    std::string note;
    std::string reason;        // required by refuse and return
    std::optional<common::exit_vote> vote;                        // an exit's appraise
    std::optional<common::exit_acknowledgement> acknowledgement;  // an exit's acknowledge
};

// POST /api/v1/postings.
struct posting_request {
    std::string level;  // village | township | county | result | exit_village | exit_county
    std::string area_code;
    int year = 0;
    std::vector<std::int64_t> application_ids;  // empty: every case of the area and year ready for this posting
};

// POST /api/v1/objections/{id}/answer.
struct objection_answer {
    std::string outcome;      // upheld | dismissed
    std::string answer;
    std::string consequence;  // upheld: refuse | return; else empty
};

using header_list = std::vector<std::pair<std::string, std::string>>;

struct http_result {
    int status = 0;
    header_list headers;  // as received, in order
    std::string body;
    std::uint64_t saved_bytes = 0;  // download(): the size of the body written to the file

    // The first header with this name (case-insensitive), or nullptr.
    const std::string* header(std::string_view name) const;
};

// PEM files; the same fields as transport::client_tls_files, kept here so this header needs no Asio.
struct tls_files {
    std::string ca;           // the county CA, verifies the server
    std::string certificate;  // this township's certificate; empty: present none (tests only)
    std::string private_key;
};

enum class tls_versions {
    standard,     // what transport::make_client_tls_context allows (TLS 1.2–1.3)
    tls1_1_only,  // force TLS 1.1 (tests: the server must refuse it)
};

struct connection_options {
    std::string host;
    std::string port;
    tls_files tls;
    common::language lang = common::language::zh;  // sent as Accept-Language
    std::chrono::milliseconds timeout{std::chrono::seconds(30)};  // for each step, not the whole request
    std::size_t response_body_limit = 16 * 1024 * 1024;
    tls_versions versions = tls_versions::standard;
    bool verify_host_name = true;  // check the server certificate names `host` (SAN localhost / 127.0.0.1)
    // Called with the OpenSSL SSL_CTX* after the context is made, before any connection (tests only).
    std::function<void(void* native_ssl_ctx)> tweak_ssl_context;
    // How often a request answered 503 with Retry-After is sent again (after waiting at most 5 s each time).
    int busy_retries = 0;
};

// The connection of a checked config (check_complete): its server, certificates, language and timeout, and a busy
// server retried twice. What api_client, the event stream and the desktop connect with.
connection_options options_from(const client_config& config);

class api_client {
public:
    // From a checked config (check_complete); retries a busy server twice.
    explicit api_client(const client_config& config);
    explicit api_client(connection_options options);
    ~api_client();
    api_client(api_client&&) noexcept;
    api_client& operator=(api_client&&) noexcept;

    // One HTTP exchange. Sends Host, User-Agent, Accept, Accept-Language and, with a body, Content-Type:
    // application/json. Returns any status the server answers (4xx/5xx included); throws client_error of kind
    // unreachable, tls or protocol when there is no HTTP answer.
    http_result request(http_method method, std::string_view target, std::optional<std::string> body = std::nullopt,
                        const header_list& extra_headers = {});

    // GET target with a 2xx answer's body written to `path` as it arrives (a printed document, an export of any
    // size: never held in memory); any other answer comes back as request() returns it. Throws unwritable_file
    // when the file cannot be written, and what request() throws.
    http_result download(std::string_view target, const std::string& path);

    // The session token (docs/protocol.md "Authentication and sessions"). While it is not empty every request
    // sends `Authorization: Bearer <token>`. It is a password for the next 12 hours: never log or print it.
    void set_token(std::string token);
    const std::string& token() const;

    // request(), then a 2xx answer's body parsed as JSON; any other status throws client_error{http} carrying
    // the server's error code, message, field and details.
    nlohmann::json request_json(http_method method, std::string_view target,
                                std::optional<std::string> body = std::nullopt, const header_list& extra_headers = {});

    // request_json for a request the server takes long to answer (an import's commit writes a county's archive in
    // one transaction): its answer may take up to `wait`.
    nlohmann::json request_json_waiting(http_method method, std::string_view target, std::optional<std::string> body,
                                        std::chrono::seconds wait);

    // GET /api/v1/health
    nlohmann::json health();

    // POST /api/v1/sessions. Sends no Authorization header; on 201 takes the answer's token (set_token) and
    // returns the answer (it holds the token too: callers print it without). Failures throw client_error{http}:
    // 401 invalid_credentials (every refusal), 429 login_locked (Retry-After).
    nlohmann::json login(const std::string& username, const std::string& password);
    // DELETE /api/v1/sessions/current, then forgets the token whatever the outcome. A 401 (the session had
    // already ended) counts as logged out and does not throw; other failures do, after the token is cleared.
    void logout();
    // GET /api/v1/sessions/current: {"user": {…}, "expires_at": "…", "idle_expires_at": "…"}.
    nlohmann::json whoami();

    // docs/protocol.md "Users" (county administrators). Users are JSON objects as the server sends them.
    nlohmann::json list_users();                                       // GET /api/v1/users → {"items": […]}
    nlohmann::json create_user(const nlohmann::json& user);            // POST /api/v1/users (with "password")
    nlohmann::json update_user(const std::string& username, const nlohmann::json& changes);  // PUT …/{username}
    void reset_password(const std::string& username, const std::string& password);  // POST …/{username}/password

    // POST /api/v1/households with Idempotency-Key (empty: none). last_result() tells whether it was a replay.
    common::household create_household(const common::household& household, const std::string& idempotency_key);
    // GET /api/v1/households/{id}
    common::household get_household(std::int64_t id);
    // PUT /api/v1/households/{household.id}, naming household.version
    common::household update_household(const common::household& household);
    // GET /api/v1/households?…
    common::household_page list_households(const common::household_filter& filter);
    // GET /api/v1/areas: the caller's area first, then every area below it by code.
    std::vector<common::area> list_areas();

    // GET /api/v1/people?id_number=…: whether the person is in a household file of the county. The answer as the
    // server sends it: {"found": false}, or where (and, within the user's area, the whole file); another
    // area's answer holds only the masked name. 429 rate_limited throws with its Retry-After.
    nlohmann::json lookup_person(const std::string& id_number);

    // docs/protocol.md "Identification". Answers are read with the common/procedure_json.hpp codecs; an answer
    // that does not fit throws client_error{protocol}.
    std::vector<common::poverty_line> list_poverty_lines();               // GET /api/v1/poverty-lines
    common::poverty_line set_poverty_line(int year, common::money_fen amount);  // PUT …/poverty-lines/{year}
    // POST /api/v1/households/{id}/member-changes, based on the file's `version`: the file as it now stands and the
    // change's history row.
    std::pair<common::household, common::member_change> change_members(std::int64_t household_id, std::int64_t version,
                                                                      const common::member_change_request& change);
    std::vector<common::member_change> member_changes(std::int64_t household_id);  // GET, the same; newest first
    std::vector<common::exit_standard> list_exit_standards();                  // GET /api/v1/exit-standards
    // PUT /api/v1/exit-standards/{year}
    common::exit_standard set_exit_standard(int year, common::money_fen income_line, int transition_years);
    common::exit_verdict exit_verdict(std::int64_t household_id, int year);     // GET …/households/{id}/exit-verdict

    // Checks against other departments (docs/protocol.md "Checks against other departments").
    // POST /api/v1/department-lists: the CSV file's bytes as they are (UTF-8 or GB18030). A file with bad rows
    // throws client_error 422 list_malformed, its details holding problems [{line, column, zh, en}] and
    // problem_count.
    common::department_list import_department_list(const std::string& kind, int year, const std::string& source,
                                                   const std::string& file_name, std::string csv_bytes);
    std::vector<common::department_list> list_department_lists();  // GET /api/v1/department-lists
    // GET /api/v1/household-flags, every page: open ones, or all with `all`; of one list when list_id is not 0.
    std::vector<common::household_flag> household_flags(const std::string& area, bool all, std::int64_t list_id);
    std::vector<common::household_flag> flags_of_household(std::int64_t household_id);  // …/households/{id}/flags
    common::household_flag clear_household_flag(std::int64_t flag_id, const std::string& reason);

    // Spot checks (docs/protocol.md "Spot checks").
    // POST /api/v1/spot-checks: the plan's year, share and minimum (the server makes the seed).
    common::spot_check draw_spot_check(const common::spot_check_plan& plan);
    std::vector<common::spot_check> list_spot_checks();                      // GET /api/v1/spot-checks
    common::spot_check get_spot_check(std::int64_t id);                      // GET /api/v1/spot-checks/{id}
    // PUT /api/v1/spot-checks/{id}/households/{household_id}: the answer is the sample's item.
    common::spot_check_item record_spot_check(std::int64_t id, std::int64_t household_id,
                                              const common::spot_check_result& result);
    std::vector<common::spot_check_accuracy> spot_check_accuracy(std::int64_t id);  // GET …/{id}/accuracy

    // Half-yearly review rounds (docs/protocol.md "Review rounds").
    common::review_round open_review_round(int year, int half, const std::string& deadline);  // POST /api/v1/review-rounds
    std::vector<common::review_round> list_review_rounds();                                   // GET /api/v1/review-rounds
    // PUT /api/v1/review-rounds/{id}/households/{household.id}: the file entered again; the answer is the entry.
    common::review_entry enter_review(std::int64_t round_id, const common::household& household, const std::string& note);
    // GET …/{id}/entries?area=&outcome= ("" for any), every page.
    std::vector<common::review_entry> review_entries(std::int64_t round_id, const std::string& area,
                                                     const std::string& outcome);
    // GET …/{id}/progress?area=&by=township|village.
    std::vector<common::review_progress> review_progress(std::int64_t round_id, const std::string& area, bool by_township);
    std::vector<common::quota> list_quotas(int year, const std::string& parent_code);  // GET /api/v1/quotas
    common::quota set_quota(int year, const std::string& area_code, int places);  // PUT …/quotas/{year}/{area}

    // docs/protocol.md "Helpers and pairing". Answers are read with the common/helper_json.hpp codecs.
    std::vector<common::helper_unit> list_helper_units();                       // GET /api/v1/helper-units
    common::helper_unit create_helper_unit(const common::helper_unit& unit);    // POST /api/v1/helper-units
    // GET /api/v1/helpers?unit=&volunteers=: every helper, or a unit's (unit_id > 0), or the volunteer team.
    std::vector<common::helper> list_helpers(std::int64_t unit_id, bool volunteers_only);
    common::helper get_helper(std::int64_t id);                                 // GET /api/v1/helpers/{id}
    common::helper create_helper(const common::helper& helper);                 // POST /api/v1/helpers
    common::helper update_helper(const common::helper& helper);                 // PUT /api/v1/helpers/{helper.id}
    std::vector<common::pairing> helper_households(std::int64_t helper_id);     // GET …/helpers/{id}/households
    common::household_helpers household_helpers(std::int64_t household_id);     // GET …/households/{id}/helpers
    common::pairing pair_helper(std::int64_t household_id, std::int64_t helper_id, const std::string& reason);
    common::pairing end_pairing(std::int64_t pairing_id, const std::string& reason);  // POST …/pairings/{id}/end
    // POST /api/v1/pairings/{id}/change: the new pairing, which replaced the one named.
    common::pairing change_pairing(std::int64_t pairing_id, std::int64_t helper_id, const std::string& reason);

    // docs/protocol.md "Assistance" and "三到户三到人". Answers are read with common/assistance_json.hpp.
    std::vector<common::measure> list_measures(std::int64_t household_id, int year);  // GET …/households/{id}/measures
    common::measure get_measure(std::int64_t id);                                   // GET /api/v1/measures/{id}
    common::measure add_measure(std::int64_t household_id, const common::measure& m);
    common::measure update_measure(const common::measure& m);  // PUT /api/v1/measures/{m.id}, naming m.version
    std::vector<common::category_suggestion> suggestions(std::int64_t household_id);
    std::vector<common::project> list_projects(const std::string& area_code, int year);  // GET /api/v1/projects
    common::project add_project(const common::project& p);                              // POST /api/v1/projects
    common::assistance_plan get_plan(std::int64_t household_id, int year);  // GET …/households/{id}/plans/{year}
    common::assistance_plan save_plan(std::int64_t household_id, const common::assistance_plan& p);  // PUT, the same
    std::vector<common::visit> list_visits(std::int64_t household_id);          // GET …/households/{id}/visits
    common::visit record_visit(std::int64_t household_id, const common::visit& v);  // POST, the same
    // GET /api/v1/sandaohu?area=&year=&gaps=&missing=: the caller's own area when area_code is empty; `missing`
    // ("responsibility", …) lists only the households lacking that answer.
    common::sandaohu_report sandaohu(const std::string& area_code, int year, int gaps, const std::string& missing = {});
    // GET /api/v1/statistics?area=&year=: the caller's own area when area_code is empty.
    common::statistics_report statistics(const std::string& area_code, int year);

    // POST /api/v1/applications: the case with the verdict in its first step's details.
    common::application create_application(std::int64_t household_id, int year, const std::string& note);
    // POST /api/v1/exit-proposals: the village proposes a registered household's exit.
    common::application propose_exit(std::int64_t household_id, int year, const std::string& note);
    application_page list_applications(const common::application_filter& filter);  // GET /api/v1/applications?…
    common::application get_application(std::int64_t id);  // with its whole history
    // GET /api/v1/households/{id}/verdict?year=Y: what the server's rules say of the file now.
    common::identification_verdict household_verdict(std::int64_t household_id, int year);
    common::application take_step(std::int64_t application_id, const step_request& step);
    // The same step for several cases, all or none (at most 200: the server's limit).
    std::vector<common::application> take_steps(const std::vector<std::int64_t>& application_ids,
                                                const step_request& step);

    // GET /api/v1/appraisals/proposal?village=&year=: the system's ranking (五比五看).
    std::vector<common::ranking_entry> appraisal_proposal(const std::string& village_code, int year);
    // POST /api/v1/appraisals: sends village_code, year, meeting_date, panel and each result's application_id,
    // final_rank and votes; the answer carries proposed_rank too.
    common::appraisal create_appraisal(const common::appraisal& appraisal);

    common::posting create_posting(const posting_request& request);  // POST /api/v1/postings
    // GET /api/v1/postings?area=&year=&level= (empty or 0: any); postings without entries.
    std::vector<common::posting> list_postings(const std::string& area_code, int year, const std::string& level);
    common::posting get_posting(std::int64_t id);

    // POST /api/v1/applications/{id}/objections: sends objector_name, objector_contact and objected_on when
    // not empty, and grounds.
    common::objection create_objection(std::int64_t application_id, const common::objection& objection);
    std::vector<common::objection> list_objections(std::int64_t application_id);
    common::objection answer_objection(std::int64_t objection_id, const objection_answer& answer);

    // The raw answer to the last request (for --json output and the Idempotent-Replayed header).
    const http_result& last_result() const;
    // True when the last create answered an earlier request with the same key (Idempotent-Replayed: true).
    bool last_was_replayed() const;

    // Closes the connection (the next request opens a new one).
    void close();

private:
    // The last answer's body as JSON; a non-2xx status throws client_error{http}.
    nlohmann::json last_json() const;
    http_result send(http_method method, std::string_view target, std::optional<std::string> body,
                     const header_list& extra_headers, const std::string* save_to,
                     std::chrono::seconds answer_wait = std::chrono::seconds::zero());

    struct impl;
    std::unique_ptr<impl> impl_;
};

// Helpers shared with the tests.
std::string households_query(const common::household_filter& filter);  // "/api/v1/households?…"
std::string url_encode(std::string_view text);
std::string applications_query(const common::application_filter& filter);  // "/api/v1/applications?…"
// Turns a non-2xx answer into client_error{http}, reading the error body when it is one.
client_error error_from_response(const http_result& result);
// A random Idempotency-Key: 32 characters of [0-9a-f].
std::string random_idempotency_key();

}  // namespace fupin::client
