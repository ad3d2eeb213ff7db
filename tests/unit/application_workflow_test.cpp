#include "common/application_workflow.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/vocabulary.hpp"

namespace {

using namespace fupin::common;
using sv = std::string_view;
using roles = std::vector<sv>;

// The procedure of docs/procedure.md, top to bottom: action, from, to, who.
struct step {
    sv action, from, to;
    roles who;
};
const std::vector<step> forward{
    {"apply", "", "applied", {"village_clerk"}},
    {"group_appraise", "applied", "group_appraised", {"village_clerk"}},
    {"verify", "group_appraised", "village_verified", {"village_clerk"}},
    {"appraise", "village_verified", "village_appraised", {"village_clerk"}},
    {"post", "village_appraised", "village_posted", {"village_clerk"}},
    {"sign", "village_posted", "cadre_signed", {"resident_cadre"}},
    {"review", "cadre_signed", "township_reviewed", {"township_reviewer"}},
    {"post", "township_reviewed", "township_posted", {"township_reviewer"}},
    {"sign", "township_posted", "township_signed", {"township_head"}},
    {"approve", "township_signed", "county_approved", {"county_approver"}},
    {"post", "county_approved", "county_posted", {"county_approver"}},
    {"register", "county_posted", "registered", {"county_approver"}},
    {"post", "registered", "announced", {"village_clerk"}},
};
// The exit (脱贫退出), as docs/procedure.md draws it.
const std::vector<step> exit_forward{
    {"propose", "", "exit_proposed", {"village_clerk"}},
    {"appraise", "exit_proposed", "exit_appraised", {"village_clerk"}},
    {"acknowledge", "exit_appraised", "exit_acknowledged", {"village_clerk"}},
    {"post", "exit_acknowledged", "exit_village_posted", {"village_clerk"}},
    {"review", "exit_village_posted", "exit_reviewed", {"township_reviewer"}},
    {"approve", "exit_reviewed", "exit_approved", {"county_approver"}},
    {"post", "exit_approved", "exit_county_posted", {"county_approver"}},
    {"exit", "exit_county_posted", "exited", {"county_approver"}},
};
// Both, in the table's order.
const std::vector<step> every_step = [] {
    auto all = forward;
    all.insert(all.end(), exit_forward.begin(), exit_forward.end());
    return all;
}();

const std::vector<sv> all_states{"applied",         "group_appraised", "village_verified", "village_appraised",
                                 "village_posted",  "cadre_signed",    "township_reviewed", "township_posted",
                                 "township_signed", "county_approved", "county_posted",    "registered",
                                 "announced",       "refused",         "exit_proposed",     "exit_appraised",
                                 "exit_acknowledged", "exit_village_posted", "exit_reviewed", "exit_approved",
                                 "exit_county_posted", "exited"};
const std::vector<sv> exit_states{"exit_proposed", "exit_appraised",     "exit_acknowledged", "exit_village_posted",
                                  "exit_reviewed", "exit_approved",      "exit_county_posted", "exited"};

TEST(application_workflow, the_full_forward_path_in_order) {
    std::string state;  // a household file with no case yet
    for (const auto& s : forward) {
        const auto* t = application_workflow::find(s.action, state);
        ASSERT_NE(t, nullptr) << s.action << " from '" << state << "'";
        EXPECT_EQ(t->action, s.action);
        EXPECT_EQ(t->from_state, s.from);
        EXPECT_EQ(t->to_state, s.to) << s.action << " from " << state;
        EXPECT_EQ(t->roles, s.who) << s.action << " from " << state;
        state = std::string(t->to_state);
    }
    EXPECT_EQ(state, "announced");
    // Nothing goes on from the end.
    EXPECT_TRUE(application_workflow::next_steps("announced").empty());
}

TEST(application_workflow, the_exit_path_in_order) {
    std::string state;
    for (const auto& s : exit_forward) {
        const auto* t = application_workflow::find(s.action, state);
        ASSERT_NE(t, nullptr) << s.action << " from '" << state << "'";
        EXPECT_EQ(t->to_state, s.to) << s.action << " from " << state;
        EXPECT_EQ(t->roles, s.who) << s.action << " from " << state;
        state = std::string(t->to_state);
    }
    EXPECT_EQ(state, "exited");
    EXPECT_TRUE(application_workflow::next_steps("exited").empty());
    EXPECT_EQ(application_workflow::opening("exit").action, "propose");
    EXPECT_EQ(application_workflow::opening("identification").action, "apply");
    // Only the exit's appraisal takes a vote, only its acknowledgement the household's signature.
    for (const auto& t : application_workflow::transitions()) {
        EXPECT_EQ(t.takes_vote, t.action == "appraise" && t.from_state == "exit_proposed") << t.action;
        EXPECT_EQ(t.takes_acknowledgement, t.action == "acknowledge") << t.action;
    }
}

TEST(application_workflow, a_state_names_its_kind) {
    for (sv s : all_states) {
        const bool exit = std::find(exit_states.begin(), exit_states.end(), s) != exit_states.end();
        EXPECT_EQ(application_workflow::kind_of(s), exit ? "exit" : "identification") << s;
    }
}

TEST(application_workflow, transitions_are_the_table_in_procedure_order) {
    const auto& t = application_workflow::transitions();
    ASSERT_EQ(t.size(), every_step.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        EXPECT_EQ(t[i].action, every_step[i].action) << i;
        EXPECT_EQ(t[i].from_state, every_step[i].from) << i;
        EXPECT_EQ(t[i].to_state, every_step[i].to) << i;
        EXPECT_EQ(&t[i], application_workflow::find(every_step[i].action, every_step[i].from)) << i;
    }
}

TEST(application_workflow, steps_out_of_order_do_not_exist) {
    EXPECT_EQ(application_workflow::find("approve", "applied"), nullptr);
    EXPECT_EQ(application_workflow::find("sign", "cadre_signed"), nullptr);
    EXPECT_EQ(application_workflow::find("register", "county_approved"), nullptr);
    EXPECT_EQ(application_workflow::find("apply", "applied"), nullptr);  // no second application
    EXPECT_EQ(application_workflow::find("group_appraise", ""), nullptr);
    EXPECT_EQ(application_workflow::find("verify", "applied"), nullptr);  // skipping the group
    EXPECT_EQ(application_workflow::find("post", "village_verified"), nullptr);  // posting before the appraisal
    EXPECT_EQ(application_workflow::find("review", "village_posted"), nullptr);  // skipping the cadre's signature
    EXPECT_EQ(application_workflow::find("approve", "township_posted"), nullptr);  // skipping the head's signature
    EXPECT_EQ(application_workflow::find("sign", "county_posted"), nullptr);
    EXPECT_EQ(application_workflow::find("post", "announced"), nullptr);
    EXPECT_EQ(application_workflow::find("post", "refused"), nullptr);
    EXPECT_EQ(application_workflow::find("register", "registered"), nullptr);
    EXPECT_EQ(application_workflow::find("nonsense", "applied"), nullptr);
    EXPECT_EQ(application_workflow::find("apply", "nonsense"), nullptr);
    // refuse, return, object and answer are not forward steps of the table.
    for (sv state : all_states) {
        EXPECT_EQ(application_workflow::find("refuse", state), nullptr) << state;
        EXPECT_EQ(application_workflow::find("return", state), nullptr) << state;
        EXPECT_EQ(application_workflow::find("object", state), nullptr) << state;
        EXPECT_EQ(application_workflow::find("answer", state), nullptr) << state;
    }
    // Every (action, state) pair but the table's own is refused.
    EXPECT_EQ(application_workflow::find("exit", "registered"), nullptr);  // an exit goes the whole way
    EXPECT_EQ(application_workflow::find("review", "exit_acknowledged"), nullptr);  // not before its posting
    EXPECT_EQ(application_workflow::find("acknowledge", "exit_proposed"), nullptr);  // not before the vote
    for (const auto& s : every_step)
        for (sv state : all_states) {
            bool in_table = false;
            for (const auto& other : every_step) in_table = in_table || (other.action == s.action && other.from == state);
            EXPECT_EQ(application_workflow::find(s.action, state) != nullptr, in_table) << s.action << " from " << state;
        }
}

TEST(application_workflow, the_posts_and_signatures_by_level) {
    const auto* village_post = application_workflow::find("post", "village_appraised");
    const auto* township_post = application_workflow::find("post", "township_reviewed");
    const auto* county_post = application_workflow::find("post", "county_approved");
    const auto* result_post = application_workflow::find("post", "registered");
    ASSERT_TRUE(village_post && township_post && county_post && result_post);
    EXPECT_EQ(village_post->roles, roles{"village_clerk"});
    EXPECT_EQ(township_post->roles, roles{"township_reviewer"});
    EXPECT_EQ(county_post->roles, roles{"county_approver"});
    EXPECT_EQ(result_post->roles, roles{"village_clerk"});

    const auto* cadre = application_workflow::find("sign", "village_posted");
    const auto* head = application_workflow::find("sign", "township_posted");
    ASSERT_TRUE(cadre && head);
    EXPECT_EQ(cadre->roles, roles{"resident_cadre"});
    EXPECT_EQ(head->roles, roles{"township_head"});
    EXPECT_FALSE(role_in("village_clerk", cadre->roles));
    EXPECT_FALSE(role_in("township_reviewer", head->roles));
    EXPECT_TRUE(role_in("resident_cadre", cadre->roles));
    EXPECT_FALSE(role_in("resident_cadre", head->roles));
    EXPECT_TRUE(role_in("township_head", head->roles));
    EXPECT_FALSE(role_in("county_approver", application_workflow::find("review", "cadre_signed")->roles));
    EXPECT_TRUE(role_in("county_approver", application_workflow::find("approve", "township_signed")->roles));
    EXPECT_FALSE(role_in("township_head", application_workflow::find("approve", "township_signed")->roles));
    EXPECT_FALSE(role_in("admin", application_workflow::find("apply", "")->roles));
    EXPECT_FALSE(role_in("", {}));
}

TEST(application_workflow, only_the_three_posting_exits_wait_and_only_approve_takes_a_place) {
    for (const auto& t : application_workflow::transitions()) {
        const bool posting_exit = (t.action == "sign" && t.from_state == "village_posted") ||
                                  (t.action == "sign" && t.from_state == "township_posted") ||
                                  (t.action == "register" && t.from_state == "county_posted") ||
                                  (t.action == "review" && t.from_state == "exit_village_posted") ||
                                  (t.action == "exit" && t.from_state == "exit_county_posted");
        EXPECT_EQ(t.waits_for_posting, posting_exit) << t.action << " from " << t.from_state;
        // An exit gives its place back to nobody: quotas count identification's places only.
        EXPECT_EQ(t.takes_quota_place, t.action == "approve" && t.from_state == "township_signed")
            << t.action << " from " << t.from_state;
        // The posting of the result back to the village waits for nothing after it.
        if (t.from_state == "registered") {
            EXPECT_FALSE(t.waits_for_posting);
        }
    }
}

TEST(application_workflow, the_file_is_judged_at_apply_verify_and_approve_and_an_exit_at_propose_review_approve) {
    for (const auto& t : application_workflow::transitions()) {
        const bool judged = t.action == "apply" || t.action == "verify" || t.action == "approve" ||
                            t.action == "propose" || (t.action == "review" && t.from_state == "exit_village_posted");
        EXPECT_EQ(t.judges_household, judged) << t.action << " from " << t.from_state;
    }
}

TEST(application_workflow, next_steps) {
    for (const auto& s : every_step) {
        if (s.from.empty()) continue;
        const auto next = application_workflow::next_steps(s.from);
        ASSERT_EQ(next.size(), 1u) << s.from;
        EXPECT_EQ(next[0]->action, s.action);
        EXPECT_EQ(next[0]->to_state, s.to);
    }
    EXPECT_TRUE(application_workflow::next_steps("refused").empty());
    EXPECT_TRUE(application_workflow::next_steps("nonsense").empty());
}

TEST(application_workflow, states_and_final_states) {
    for (sv s : all_states) EXPECT_TRUE(application_workflow::is_state(s)) << s;
    EXPECT_FALSE(application_workflow::is_state(""));
    EXPECT_FALSE(application_workflow::is_state("pending"));
    EXPECT_FALSE(application_workflow::is_state("Applied"));
    for (sv s : all_states) {
        const bool final = s == "registered" || s == "announced" || s == "refused" || s == "exited";
        EXPECT_EQ(application_workflow::is_final(s), final) << s;
    }
    EXPECT_FALSE(application_workflow::is_final(""));
}

TEST(application_workflow, refusers_per_level) {
    const roles village{"village_clerk", "resident_cadre"};
    const roles township{"township_reviewer", "township_head"};
    const roles county{"county_approver"};
    for (sv s : {"applied", "group_appraised", "village_verified", "village_appraised", "village_posted"})
        EXPECT_EQ(application_workflow::refusers(s), village) << s;
    for (sv s : {"cadre_signed", "township_reviewed", "township_posted"})
        EXPECT_EQ(application_workflow::refusers(s), township) << s;
    for (sv s : {"township_signed", "county_approved", "county_posted"})
        EXPECT_EQ(application_workflow::refusers(s), county) << s;
    // An exit is at the level that acts on it next: on the village's posting it waits for the township.
    for (sv s : {"exit_proposed", "exit_appraised", "exit_acknowledged"})
        EXPECT_EQ(application_workflow::refusers(s), village) << s;
    EXPECT_EQ(application_workflow::refusers("exit_village_posted"), township);
    for (sv s : {"exit_reviewed", "exit_approved", "exit_county_posted"})
        EXPECT_EQ(application_workflow::refusers(s), county) << s;
    for (sv s : {"registered", "announced", "refused", "exited", "", "nonsense"})
        EXPECT_TRUE(application_workflow::refusers(s).empty()) << s;
    // A township reviewer cannot refuse a case still at the village, nor a village clerk one at the county.
    EXPECT_FALSE(role_in("township_reviewer", application_workflow::refusers("village_posted")));
    EXPECT_FALSE(role_in("village_clerk", application_workflow::refusers("county_posted")));
    EXPECT_FALSE(role_in("county_approver", application_workflow::refusers("township_posted")));
}

TEST(application_workflow, return_targets_per_level) {
    EXPECT_EQ(application_workflow::return_target("applied"), std::nullopt);  // a fresh application
    for (sv s : {"group_appraised", "village_verified", "village_appraised", "village_posted"})
        EXPECT_EQ(application_workflow::return_target(s), std::optional<sv>("applied")) << s;
    for (sv s : {"cadre_signed", "township_reviewed", "township_posted"})
        EXPECT_EQ(application_workflow::return_target(s), std::optional<sv>("group_appraised")) << s;
    for (sv s : {"township_signed", "county_approved", "county_posted"})
        EXPECT_EQ(application_workflow::return_target(s), std::optional<sv>("cadre_signed")) << s;
    // An exit goes back to its proposal from every level.
    for (sv s : {"exit_appraised", "exit_acknowledged", "exit_village_posted", "exit_reviewed", "exit_approved",
                 "exit_county_posted"})
        EXPECT_EQ(application_workflow::return_target(s), std::optional<sv>("exit_proposed")) << s;
    for (sv s : {"registered", "announced", "refused", "exit_proposed", "exited", "", "nonsense"})
        EXPECT_EQ(application_workflow::return_target(s), std::nullopt) << s;
    // Every target is a real state from which the procedure goes on.
    for (sv s : all_states)
        if (auto t = application_workflow::return_target(s)) {
            EXPECT_TRUE(application_workflow::is_state(*t));
            EXPECT_FALSE(application_workflow::next_steps(*t).empty());
        }
}

TEST(application_workflow, posting_levels) {
    EXPECT_EQ(application_workflow::posting_level_of("village_posted"), std::optional<sv>("village"));
    EXPECT_EQ(application_workflow::posting_level_of("township_posted"), std::optional<sv>("township"));
    EXPECT_EQ(application_workflow::posting_level_of("county_posted"), std::optional<sv>("county"));
    EXPECT_EQ(application_workflow::posting_level_of("exit_village_posted"), std::optional<sv>("exit_village"));
    EXPECT_EQ(application_workflow::posting_level_of("exit_county_posted"), std::optional<sv>("exit_county"));
    for (sv s : all_states)
        if (s != "village_posted" && s != "township_posted" && s != "county_posted" && s != "exit_village_posted" &&
            s != "exit_county_posted") {
            EXPECT_EQ(application_workflow::posting_level_of(s), std::nullopt) << s;
        }

    EXPECT_EQ(application_workflow::state_before_posting("village"), std::optional<sv>("village_appraised"));
    EXPECT_EQ(application_workflow::state_before_posting("township"), std::optional<sv>("township_reviewed"));
    EXPECT_EQ(application_workflow::state_before_posting("county"), std::optional<sv>("county_approved"));
    EXPECT_EQ(application_workflow::state_before_posting("result"), std::optional<sv>("registered"));
    EXPECT_EQ(application_workflow::state_before_posting("exit_village"), std::optional<sv>("exit_acknowledged"));
    EXPECT_EQ(application_workflow::state_before_posting("exit_county"), std::optional<sv>("exit_approved"));
    EXPECT_EQ(application_workflow::state_before_posting("province"), std::nullopt);
    for (sv level : {"village", "result", "exit_village"})
        EXPECT_EQ(application_workflow::posting_area_level(level), "village") << level;
    EXPECT_EQ(application_workflow::posting_area_level("township"), "township");
    for (sv level : {"county", "exit_county"}) EXPECT_EQ(application_workflow::posting_area_level(level), "county");
    EXPECT_EQ(application_workflow::state_before_posting(""), std::nullopt);

    // The state before a level's posting, posted, is that level's posted state, and the step out of it waits.
    for (sv level : {"village", "township", "county", "exit_village", "exit_county"}) {
        const auto before = application_workflow::state_before_posting(level);
        ASSERT_TRUE(before);
        const auto* post = application_workflow::find("post", *before);
        ASSERT_NE(post, nullptr) << level;
        EXPECT_EQ(application_workflow::posting_level_of(post->to_state), std::optional<sv>(level));
        const auto next = application_workflow::next_steps(post->to_state);
        ASSERT_EQ(next.size(), 1u);
        EXPECT_TRUE(next[0]->waits_for_posting) << level;
    }
}

TEST(application_workflow, objection_recorders_and_answerers) {
    EXPECT_EQ(application_workflow::objection_recorders("village"),
              (roles{"village_clerk", "resident_cadre", "township_reviewer"}));
    EXPECT_EQ(application_workflow::objection_recorders("township"), (roles{"village_clerk", "township_reviewer"}));
    EXPECT_EQ(application_workflow::objection_recorders("county"),
              (roles{"village_clerk", "township_reviewer", "county_approver"}));
    EXPECT_TRUE(application_workflow::objection_recorders("result").empty());
    EXPECT_TRUE(application_workflow::objection_recorders("").empty());

    EXPECT_EQ(application_workflow::objection_answerers("village"), (roles{"village_clerk", "township_reviewer"}));
    EXPECT_EQ(application_workflow::objection_answerers("township"), roles{"township_reviewer"});
    EXPECT_EQ(application_workflow::objection_answerers("county"), roles{"county_approver"});
    EXPECT_TRUE(application_workflow::objection_answerers("result").empty());
    EXPECT_TRUE(application_workflow::objection_answerers("nonsense").empty());
    EXPECT_FALSE(role_in("resident_cadre", application_workflow::objection_answerers("village")));
    EXPECT_FALSE(role_in("township_head", application_workflow::objection_answerers("township")));
    // An exit's postings take objections as identification's of their area.
    EXPECT_EQ(application_workflow::objection_recorders("exit_village"), application_workflow::objection_recorders("village"));
    // An upheld objection refuses or returns the case: on the exit's village posting that is the township's.
    EXPECT_EQ(application_workflow::objection_answerers("exit_village"), roles{"township_reviewer"});
    EXPECT_EQ(application_workflow::objection_recorders("exit_county"), application_workflow::objection_recorders("county"));
    EXPECT_EQ(application_workflow::objection_answerers("exit_county"), application_workflow::objection_answerers("county"));
}

TEST(application_workflow, places_are_held_from_county_approval_on) {
    EXPECT_EQ(application_workflow::states_holding_a_place(),
              (std::vector<sv>{"county_approved", "county_posted", "registered", "announced"}));
    // The step that takes a place leads into the first of them.
    const auto* approve = application_workflow::find("approve", "township_signed");
    ASSERT_NE(approve, nullptr);
    EXPECT_EQ(approve->to_state, application_workflow::states_holding_a_place().front());
}

TEST(application_workflow, every_code_has_a_label) {
    for (sv s : all_states) {
        EXPECT_TRUE(is_valid(vocabulary::application_states, s)) << s;
        EXPECT_FALSE(label(vocabulary::application_states, s, language::zh).empty()) << s;
    }
    for (const auto& t : application_workflow::transitions()) {
        EXPECT_TRUE(is_valid(vocabulary::procedure_actions, t.action)) << t.action;
        EXPECT_TRUE(t.from_state.empty() || is_valid(vocabulary::application_states, t.from_state)) << t.from_state;
        EXPECT_TRUE(is_valid(vocabulary::application_states, t.to_state)) << t.to_state;
        for (sv r : t.roles) EXPECT_TRUE(is_valid(vocabulary::roles, r)) << r;
    }
    for (sv a : {"refuse", "return", "object", "answer"}) EXPECT_TRUE(is_valid(vocabulary::procedure_actions, a)) << a;
    for (sv level : {"village", "township", "county", "result"}) {
        EXPECT_TRUE(is_valid(vocabulary::posting_levels, level)) << level;
        for (sv r : application_workflow::objection_recorders(level)) EXPECT_TRUE(is_valid(vocabulary::roles, r)) << r;
        for (sv r : application_workflow::objection_answerers(level)) EXPECT_TRUE(is_valid(vocabulary::roles, r)) << r;
    }
}

TEST(application_workflow, another_department_s_list_stops_identification_where_the_file_is_judged_and_at_registration) {
    std::vector<std::string> stopped;
    for (const auto& t : application_workflow::transitions())
        if (application_workflow::stopped_by_department_flags(t)) stopped.push_back(std::string(t.action));
    EXPECT_EQ(stopped, (std::vector<std::string>{"apply", "verify", "approve", "register"}));  // no exit step
}

}  // namespace
