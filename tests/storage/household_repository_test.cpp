// household_repository: insert/find/update with members, version checks, the one-household-per-person rule.
#include "backend_fixture.hpp"
#include "sample_data.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/migrate.hpp"
#include "server/sql/error.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::server::storage::test {

TEST_P(storage_backend, insert_then_find_returns_every_field_and_the_area_names) {
    seed_areas(conn());
    household_repository repo(conn());
    auto h = make_household(group_a1_3, 1, 3);
    h.other_causes = {"lack_of_labour", "lack_of_skills"};
    repo.insert(h, 1'764'410'400'123);
    EXPECT_GT(h.id, 0);
    EXPECT_EQ(h.version, 1);
    EXPECT_EQ(h.created_at_ms, 1'764'410'400'123);
    EXPECT_EQ(h.updated_at_ms, 1'764'410'400'123);

    const auto found = repo.find(h.id);
    ASSERT_TRUE(found);
    expect_same(h, *found, true);
    EXPECT_EQ(found->township_name, "石门镇");
    EXPECT_EQ(found->village_name, "岩脚村");
    EXPECT_EQ(found->group_name, "三组");
    EXPECT_EQ(repo.count(), 1);
    EXPECT_FALSE(repo.find(h.id + 1000));
}

TEST_P(storage_backend, chinese_text_with_four_byte_characters_round_trips_byte_exact) {
    seed_areas(conn());
    household_repository repo(conn());
    auto h = make_household(group_b1_1, 10);
    h.head_name = "𠀀" + four_byte + "龙";
    h.address = "贵州省" + four_byte + "新寨村一组　7号（全角空格）😀";
    h.members[0].name = h.head_name;
    h.conditions.assets_note = "耕牛2头、摩托车1辆" + four_byte;
    repo.insert(h, 1000);
    const auto found = repo.find(h.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->head_name, h.head_name);
    EXPECT_EQ(found->address, h.address);
    EXPECT_EQ(found->members.at(0).name, h.head_name);
    EXPECT_EQ(found->members.at(1).name, "王" + four_byte + "妹");
    EXPECT_EQ(found->conditions.assets_note, h.conditions.assets_note);
    EXPECT_EQ(found->township_name, "龙\xF0\xA0\x80\x80乡");
    // The bytes themselves, not just a lossy comparison after some conversion.
    const auto raw = conn().query("SELECT head_name FROM households WHERE id = ?", {h.id});
    EXPECT_EQ(raw.at(0).get_string(0), "\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xE9\xBE\x99");
}

TEST_P(storage_backend, update_replaces_fields_and_members_and_bumps_the_version) {
    seed_areas(conn());
    household_repository repo(conn());
    auto h = make_household(group_a1_3, 20, 3);
    h.status = "approved";
    repo.insert(h, 1000);

    auto edit = *repo.find(h.id);
    edit.status = "pending";  // an edit never changes the status
    edit.created_at_ms = 5;   // nor the creation time
    edit.address = "坝子村一组" + four_byte;
    edit.group_code = group_a2_1;
    edit.village_code = village_a2;
    edit.members.erase(edit.members.begin() + 1);
    edit.members.push_back(make_household(group_a2_1, 29, 1).members[0]);
    edit.members.back().relation = "spouse";
    edit.other_causes.clear();
    edit.poverty_type = "extreme_support";
    ASSERT_TRUE(repo.update(edit, 1, 2000));
    EXPECT_EQ(edit.version, 2);
    EXPECT_EQ(edit.updated_at_ms, 2000);
    EXPECT_EQ(edit.status, "approved");
    EXPECT_EQ(edit.created_at_ms, 1000);

    const auto found = repo.find(h.id);
    ASSERT_TRUE(found);
    expect_same(edit, *found, true);
    EXPECT_EQ(found->village_name, "坝子村");
    EXPECT_EQ(found->members.at(1).id_number, id_number(22));
    EXPECT_EQ(found->members.at(2).id_number, id_number(29));
    EXPECT_FALSE(repo.find_person(id_number(21)));  // the removed member is free again
    EXPECT_TRUE(repo.find_person(id_number(29)));
}

TEST_P(storage_backend, update_with_a_stale_version_returns_false_and_changes_nothing) {
    household_repository repo(conn());
    auto h = make_household(group_a1_3, 30);
    repo.insert(h, 1000);
    auto first = h;
    first.address = "第一次修改";
    ASSERT_TRUE(repo.update(first, 1, 2000));

    auto stale = h;
    stale.address = "基于旧版本的修改";
    stale.members.pop_back();
    EXPECT_FALSE(repo.update(stale, 1, 3000));
    const auto found = repo.find(h.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->version, 2);
    EXPECT_EQ(found->address, "第一次修改");
    EXPECT_EQ(found->updated_at_ms, 2000);
    EXPECT_EQ(found->members.size(), 2u);

    auto missing = h;
    missing.id = h.id + 1000;
    EXPECT_FALSE(repo.update(missing, 1, 3000));
}

TEST_P(storage_backend, a_person_in_two_households_is_refused_and_nothing_is_half_written) {
    household_repository repo(conn());
    auto first = make_household(group_a1_3, 40);
    repo.insert(first, 1000);

    auto second = make_household(group_b1_1, 50);
    second.members[1].id_number = id_number(41);  // already in `first`
    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        try {
            repo.insert(second, 2000);
            FAIL() << "duplicate ID number accepted";
        } catch (const sql::constraint_violation& e) {
            // The message is for the log; it must not carry the ID number itself.
            EXPECT_EQ(std::string(e.what()).find(id_number(41)), std::string::npos) << e.what();
            EXPECT_NE(e.constraint().find("id_number"), std::string::npos) << e.constraint();
        }
    }  // rolled back
    EXPECT_EQ(repo.count(), 1);
    EXPECT_FALSE(repo.find_person(id_number(50)));
    EXPECT_EQ(repo.find_person(id_number(41))->household_id, first.id);

    // Case of the check digit does not make a second person.
    auto third = make_household(group_b1_1, 60, 1);
    third.members[0].id_number = "52990119900100040x";
    first.members[0].id_number = "52990119900100040X";
    repo.update(first, 1, 3000);
    EXPECT_THROW(repo.insert(third, 3000), sql::constraint_violation);
}

TEST_P(storage_backend, an_update_cannot_take_a_person_from_another_household) {
    household_repository repo(conn());
    auto a = make_household(group_a1_3, 70);
    auto b = make_household(group_a1_3, 80);
    repo.insert(a, 1000);
    repo.insert(b, 1000);
    b.members.push_back(a.members[1]);
    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        EXPECT_THROW(repo.update(b, 1, 2000), sql::constraint_violation);
    }
    EXPECT_EQ(repo.find(b.id)->members.size(), 2u);
    EXPECT_EQ(repo.find(b.id)->version, 1);
}

TEST_P(storage_backend, find_person_says_where_a_person_is_registered) {
    seed_areas(conn());
    household_repository repo(conn());
    auto h = make_household(group_b1_1, 90, 3);
    repo.insert(h, 1000);
    const auto where = repo.find_person(id_number(92));
    ASSERT_TRUE(where);
    EXPECT_EQ(where->household_id, h.id);
    EXPECT_EQ(where->township_code, township_b);
    EXPECT_EQ(where->township_name, "龙" + four_byte + "乡");
    EXPECT_EQ(where->village_code, village_b1);
    EXPECT_EQ(where->village_name, "新寨村");
    EXPECT_FALSE(repo.find_person(id_number(93)));
}

}  // namespace fupin::server::storage::test

namespace fupin::server::storage::test {

// The statistics count people from households.member_count (migration 021): written with every insert and
// update, and filled for the files stored before the column existed.
TEST_P(storage_backend, member_count_follows_the_members_and_is_filled_by_its_migration) {
    seed_areas(conn());
    household_repository repo(conn());
    const auto count_of = [&](std::int64_t id) {
        return conn().query("SELECT member_count FROM households WHERE id = ?", {id}).at(0).get_int64(0);
    };
    auto h = make_household(group_a1_3, 1, 3);
    repo.insert(h, 1000);
    EXPECT_EQ(count_of(h.id), 3);
    h.members.pop_back();
    ASSERT_TRUE(repo.update(h, h.version, 2000));
    EXPECT_EQ(count_of(h.id), 2);
    std::vector<common::household> batch{make_household(group_a1_3, 20, 4), make_household(group_a1_3, 30, 1)};
    repo.insert_all(batch);
    EXPECT_EQ(count_of(batch[0].id), 4);
    EXPECT_EQ(count_of(batch[1].id), 1);

    // As if stored before 021: the migration counts the members of every file.
    undo_statistics_figures(conn());  // 027 counts by member_count
    conn().execute_script("ALTER TABLE households DROP COLUMN member_count");
    conn().execute_script("ALTER TABLE households DROP COLUMN registered_year");  // 022
    conn().execute("DELETE FROM schema_version WHERE version >= 21");
    migrate(conn());
    EXPECT_EQ(count_of(h.id), 2);
    EXPECT_EQ(count_of(batch[0].id), 4);
    EXPECT_EQ(count_of(batch[1].id), 1);
}

// The registration year (migration 022): set by the registration, kept by the exit and by edits; an insert
// (an import) stores the one the file carries, with its exit year.
TEST_P(storage_backend, the_registration_year_is_set_by_registering_and_kept_after) {
    seed_areas(conn());
    household_repository repo(conn());
    auto h = make_household(group_a1_3, 1, 2);
    repo.insert(h, 1000);
    EXPECT_FALSE(repo.find(h.id)->registered_year);
    ASSERT_TRUE(repo.set_status(h.id, "registered", 2000, std::nullopt, std::nullopt, 2024));
    EXPECT_EQ(repo.find(h.id)->registered_year, 2024);
    ASSERT_TRUE(repo.set_status(h.id, "exited", 3000, 2026, 2031));
    auto stored = *repo.find(h.id);
    EXPECT_EQ(stored.registered_year, 2024);
    EXPECT_EQ(stored.exit_year, 2026);
    ASSERT_TRUE(repo.update(stored, stored.version, 4000));
    EXPECT_EQ(repo.find(h.id)->registered_year, 2024);

    std::vector<common::household> imported{make_household(group_a1_3, 20, 1), make_household(group_a1_3, 30, 1)};
    imported[0].status = "exited";
    imported[0].registered_year = 2015;
    imported[0].exit_year = 2018;
    imported[0].policies_until = 2023;
    imported[1].status = "registered";
    imported[1].registered_year = 2016;
    repo.insert_all(imported);
    const auto first = *repo.find(imported[0].id);
    EXPECT_EQ(first.status, "exited");
    EXPECT_EQ(first.registered_year, 2015);
    EXPECT_EQ(first.exit_year, 2018);
    EXPECT_EQ(first.policies_until, 2023);
    EXPECT_EQ(repo.find(imported[1].id)->registered_year, 2016);
}

}  // namespace fupin::server::storage::test
