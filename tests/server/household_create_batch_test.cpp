// Creates written together (server/service/group_commit.hpp): creates that arrive while another is being
// written wait, and are then written in one transaction, yet each is answered as if it had been alone. A
// refusal stays the answer of its own request; two creates that name one person, or one Idempotency-Key, are
// told apart as if they had come one after the other (the database refuses their batch, and each is written
// again alone); the outbox stays gap-free and the audit trail chained.
//
// Each test makes one batch on purpose: another connection holds the database's write lock (SQLite) or the
// outbox head (MySQL), so the first create blocks inside its transaction while the others queue behind it.
#include <atomic>
#include <chrono>
#include <optional>
#include <set>
#include <thread>

#include "common/api_error.hpp"
#include "server/service/audit_verifier.hpp"
#include "server/service/household_service.hpp"
#include "server/sql/database_url.hpp"
#include "server/storage/household_repository.hpp"
#include "test_data/sample_household.hpp"
#include "tests/support/test_database.hpp"

namespace fupin::test {
namespace {

using namespace std::chrono_literals;
using server::service::household_service;

struct create_request {
    common::household input;
    std::string idempotency_key;
};

struct create_outcome {
    std::optional<household_service::create_result> result;
    std::string error_code;  // the api_error's code when refused
};

class household_create_batch : public database_test {
protected:
    household_create_batch() {
        reviewer_.username = "batch_reviewer";
        reviewer_.role = "township_reviewer";
        reviewer_.area_code = township_a;
        reviewer_.certificate_subject = "CN=batch test";
    }

    // Writes `first` alone while the database is held, queues `rest` behind it in order, then lets both go:
    // `rest` is written as one batch. Returns the outcomes of `rest`, in order.
    // change_while_held: a statement the holder commits before it lets go (else it rolls back).
    std::vector<create_outcome> create_behind(const create_request& first, const std::vector<create_request>& rest,
                                              const std::string& change_while_held = "") {
        const std::size_t batches_before = counts_.batches, items_before = counts_.items;
        auto holder = server::sql::connect(database_->url());
        holder->begin(server::sql::tx_mode::write);
        if (GetParam() == "mysql") holder->execute("UPDATE event_head SET last_seq = last_seq WHERE id = 1");
        if (!change_while_held.empty()) holder->execute(change_while_held);

        std::vector<std::thread> threads;
        std::vector<create_outcome> outcomes(rest.size());
        create_outcome first_outcome;
        threads.emplace_back([&] { first_outcome = create(first); });
        wait_until([&] { return counts_.writing_now == 1; });
        for (std::size_t i = 0; i < rest.size(); ++i) {  // one at a time, so they queue in this order
            threads.emplace_back([&, i] { outcomes[i] = create(rest[i]); });
            wait_until([&] { return counts_.waiting() == i + 1; });
        }
        if (change_while_held.empty())
            holder->rollback();
        else
            holder->commit();
        for (auto& t : threads) t.join();

        EXPECT_TRUE(first_outcome.result) << first_outcome.error_code;
        EXPECT_EQ(counts_.writing_now, 0U);
        EXPECT_EQ(counts_.batches - batches_before, 2U) << "the first create alone, then the rest together";
        EXPECT_EQ(counts_.items - items_before, rest.size() + 1);
        return outcomes;
    }

    create_outcome create(const create_request& request) {
        create_outcome outcome;
        try {
            auto db = server::sql::connect(database_->url());
            // The request's digest, as the server makes it of the body: the same household gives the same.
            const auto digest = request.input.head_name + "/" + request.input.members.at(0).id_number;
            outcome.result = service_.create(*db, reviewer_, request.input, request.idempotency_key, digest);
        } catch (const common::api_error& e) {
            outcome.error_code = e.code();
        } catch (const std::exception& e) {
            outcome.error_code = std::string("unexpected: ") + e.what();
        }
        return outcome;
    }

    template <class Condition>
    static void wait_until(Condition condition) {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!condition()) {
            ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the creates never queued";
            std::this_thread::sleep_for(1ms);
        }
    }

    long long scalar(const std::string& sql) {
        auto db = server::sql::connect(database_->url());
        return db->query(sql).at(0).get_int64(0);
    }

    static std::int64_t now_ms() {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch()).count();
    }
    // Counts what the batches do, as the test sees it: the service itself keeps no counts.
    struct batch_counter : server::service::batch_observer {
        void queued() override { ++queued_total; }
        void writing(std::size_t items) override {
            taken_total += items;
            writing_now = items;
        }
        void written(std::size_t items) override {
            writing_now = 0;
            ++batches;
            this->items += items;
        }
        void written_alone() override { ++alone; }
        std::size_t waiting() const { return queued_total - taken_total; }

        std::atomic<std::size_t> queued_total{0}, taken_total{0}, writing_now{0}, batches{0}, items{0}, alone{0};
    };
    batch_counter counts_;
    household_service service_{now_ms, nullptr, true, &counts_};
    server::service::principal reviewer_;
};

create_request in_village_a(int seed, std::string key = "") {
    return {test_data::sample_household({.group = group_a, .seed = seed, .size = 4}), std::move(key)};
}

TEST_P(household_create_batch, creates_written_together_are_each_answered_and_stored_whole) {
    const std::vector<create_request> batch = {in_village_a(101, "k101"), in_village_a(102), in_village_a(103, "k103"),
                                               in_village_a(104)};
    const auto outcomes = create_behind(in_village_a(100), batch);

    auto db = server::sql::connect(database_->url());
    std::set<std::int64_t> ids;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        ASSERT_TRUE(outcomes[i].result) << i << ": " << outcomes[i].error_code;
        const auto& created = outcomes[i].result->stored;
        EXPECT_FALSE(outcomes[i].result->replayed);
        ids.insert(created.id);
        // What a read returns is what the create answered, members in order.
        const auto stored = server::storage::household_repository(*db).find(created.id);
        ASSERT_TRUE(stored);
        EXPECT_EQ(stored->head_name, batch[i].input.members[0].name);
        EXPECT_EQ(created.head_name, stored->head_name);
        EXPECT_EQ(stored->version, 1);
        ASSERT_EQ(stored->members.size(), 4U);
        for (std::size_t m = 0; m < 4; ++m) EXPECT_EQ(stored->members[m].id_number, batch[i].input.members[m].id_number);
        EXPECT_EQ(created.village_name, stored->village_name);
    }
    EXPECT_EQ(ids.size(), 4U) << "every create has its own household";
    EXPECT_EQ(counts_.alone.load(), 0U) << "the batch was written as one";
    // Each event and entry is about its own file.
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const auto& created = outcomes[i].result->stored;
        const auto record = server::storage::household_repository::record_of(created.id).text();
        const auto summary = db->query("SELECT summary FROM events WHERE record = ?", {record}).at(0).get_string(0);
        EXPECT_NE(summary.find("\"head_name\":\"" + created.head_name + "\""), std::string::npos) << summary;
        EXPECT_NE(summary.find("\"household_id\":" + std::to_string(created.id)), std::string::npos) << summary;
        const auto changes = db->query("SELECT changes FROM audit_log WHERE record = ?", {record}).at(0).get_string(0);
        EXPECT_NE(changes.find(created.address), std::string::npos) << changes;
    }
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM households"), 5);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM members"), 20);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM idempotency_keys"), 2);
    // One event per household, gap-free, each naming its own file.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM events WHERE kind = 'household.created'"), 5);
    EXPECT_EQ(scalar("SELECT MAX(seq) FROM events"), scalar("SELECT COUNT(*) FROM events"));
    EXPECT_EQ(scalar("SELECT last_seq FROM event_head"), scalar("SELECT MAX(seq) FROM events"));
    for (auto id : ids)
        EXPECT_EQ(scalar("SELECT COUNT(*) FROM events WHERE record = '" +
                         server::storage::household_repository::record_of(id).text() + "'"), 1);
    // One audit entry per household, and the chain unbroken.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'household.create'"), 5);
    for (auto id : ids)
        EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE record = '" +
                         server::storage::household_repository::record_of(id).text() + "'"), 1);
    const auto verification = server::service::audit_verifier().verify(*db);
    EXPECT_TRUE(verification.ok);
}

// On SQLite the held write lock would block any write transaction, so this shows the checks run before one. On
// MySQL only the outbox head is held, which a create of the earlier design reached after its checks as well.
TEST_P(household_create_batch, a_refused_create_is_answered_without_waiting_for_the_writes) {
    const auto registered = create(in_village_a(130));
    ASSERT_TRUE(registered.result) << registered.error_code;
    auto holder = server::sql::connect(database_->url());
    holder->begin(server::sql::tx_mode::write);
    if (GetParam() == "mysql") holder->execute("UPDATE event_head SET last_seq = last_seq WHERE id = 1");

    auto unknown_group = in_village_a(131);
    unknown_group.input.group_code = village_a + "999";
    EXPECT_EQ(create(unknown_group).error_code, "unknown_area");
    auto same_person = in_village_a(132);
    same_person.input.members[1] = registered.result->stored.members[1];
    EXPECT_EQ(create(same_person).error_code, "person_already_registered");
    holder->rollback();
    EXPECT_EQ(counts_.batches.load(), 1U) << "only the first create was written";
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM households"), 1);
}

TEST_P(household_create_batch, two_creates_of_one_batch_naming_one_person_make_one_household_and_one_conflict) {
    auto a = in_village_a(111);
    auto b = in_village_a(112);
    b.input.members[2] = a.input.members[2];
    const auto outcomes = create_behind(in_village_a(110), {a, b, in_village_a(113)});

    // As if they had come one after the other (in either order): one is created, the other told where the
    // person is.
    const bool a_won = outcomes[0].result.has_value();
    EXPECT_TRUE(outcomes[a_won ? 0 : 1].result) << "one of the two is created";
    EXPECT_FALSE(outcomes[a_won ? 1 : 0].result);
    EXPECT_EQ(outcomes[a_won ? 1 : 0].error_code, "person_already_registered");
    EXPECT_EQ(counts_.alone.load(), 3U) << "the refused batch, written again one by one";
    EXPECT_TRUE(outcomes[2].result) << outcomes[2].error_code;
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM households"), 3);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM events WHERE kind = 'household.created'"), 3);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'household.create'"), 3);
    auto db = server::sql::connect(database_->url());
    EXPECT_TRUE(server::service::audit_verifier().verify(*db).ok);
}

TEST_P(household_create_batch, creates_of_one_batch_with_one_key_make_one_household_and_a_reused_key_is_refused) {
    const auto x = in_village_a(121, "same-key");
    const auto y = x;                              // a retry of x
    const auto z = in_village_a(122, "same-key");  // another request under the same key
    const auto outcomes = create_behind(in_village_a(120), {x, y, z});

    // Written again alone, in whatever order: whichever request is written first makes the household and owns
    // the key; a request with the same body is then a replay, one with another body is refused.
    if (outcomes[2].result) {
        EXPECT_FALSE(outcomes[2].result->replayed);
        EXPECT_EQ(outcomes[0].error_code, "idempotency_key_reused");
        EXPECT_EQ(outcomes[1].error_code, "idempotency_key_reused");
    } else {
        EXPECT_EQ(outcomes[2].error_code, "idempotency_key_reused");
        ASSERT_TRUE(outcomes[0].result) << outcomes[0].error_code;
        ASSERT_TRUE(outcomes[1].result) << outcomes[1].error_code;
        EXPECT_EQ(outcomes[0].result->stored.id, outcomes[1].result->stored.id);
        EXPECT_NE(outcomes[0].result->replayed, outcomes[1].result->replayed) << "one made it, the other replays it";
    }
    EXPECT_EQ(counts_.alone.load(), 3U);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM households"), 2);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM idempotency_keys"), 1);
}

TEST_P(household_create_batch, a_batch_whose_village_was_renamed_after_its_checks_is_written_again_alone) {
    // Nothing in the database ties a file to its areas' names: the batch reads them again, sees the rename,
    // and its creates are written one by one, each answered with the name it is now stored under.
    const std::vector<create_request> batch = {in_village_a(141), in_village_a(142), in_village_a(143)};
    const auto outcomes =
        create_behind(in_village_a(140), batch, "UPDATE areas SET name = '新名村' WHERE code = '" + village_a + "'");
    for (const auto& outcome : outcomes) {
        ASSERT_TRUE(outcome.result) << outcome.error_code;
        EXPECT_EQ(outcome.result->stored.village_name, "新名村");
    }
    EXPECT_GE(counts_.alone.load(), batch.size());
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM households"), 4);
}

INSTANTIATE_TEST_SUITE_P(backends, household_create_batch, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
