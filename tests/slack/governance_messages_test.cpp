// File: tests/slack/governance_messages_test.cpp
// The committee's own messages and form: a private ballot with its reason and live count, the
// check-in question, the checklist's Done buttons, the removal form, and reading a mention.
#include "bot/slack/answers.hpp"
#include "bot/slack/committee_modal.hpp"
#include "bot/slack/messages.hpp"
#include "tests/slack/block_queries.hpp"

#include <doctest/doctest.h>

using namespace cocbot;
using namespace cocbot::testing;
using nlohmann::json;

namespace {

core::CommitteeBallot removal_ballot(core::MotionResult result = core::MotionResult::open) {
    return {12,
            core::CommitteeMotionKind::removal,
            core::UserId{"UERIN"},
            core::UserId{"UALICE"},
            "Shared <the> *report*",
            {2, 1, 5, 4, 3, result}};
}

std::vector<std::string> action_ids(const json& blocks) {
    std::vector<std::string> ids;
    for (const auto& block : blocks) {
        if (block.contains("elements") && block.value("type", "") == "actions")
            for (const auto& e : block["elements"])
                ids.push_back(e.value("action_id", ""));
        if (block.contains("accessory"))
            ids.push_back(block["accessory"].value("action_id", ""));
    }
    return ids;
}

} // namespace

TEST_SUITE("blocks") {
    TEST_CASE("a removal ballot shows the escaped reason, the count and buttons with its id") {
        const auto rendered = slack::render(removal_ballot());
        const auto text = rendered.blocks.dump();
        CHECK(text.find("Shared &lt;the&gt;") != std::string::npos);
        CHECK(text.find("2 remove · 1 keep · 3 of all 5 members needed") != std::string::npos);
        CHECK(action_ids(rendered.blocks) ==
              std::vector<std::string>{"removal_remove", "removal_keep"});
        const auto actions = find_block(rendered.blocks, "actions");
        CHECK(actions["elements"][0]["value"] == "12");
        CHECK(rendered.text.find("<@UERIN> is not told") != std::string::npos);
    }

    TEST_CASE("a decided or withdrawn ballot offers no buttons, and a withdrawn one no reason") {
        CHECK(action_ids(slack::render(removal_ballot(core::MotionResult::passed)).blocks).empty());
        auto withdrawn = removal_ballot();
        withdrawn.withdrawn = true;
        const auto rendered = slack::render(withdrawn);
        CHECK(action_ids(rendered.blocks).empty());
        CHECK(rendered.blocks.dump().find("report") == std::string::npos);
    }

    TEST_CASE("an admission ballot asks whether to admit") {
        auto ballot = removal_ballot();
        ballot.kind = core::CommitteeMotionKind::admission;
        CHECK(action_ids(slack::render(ballot).blocks) ==
              std::vector<std::string>{"admission_yes", "admission_no"});
    }

    TEST_CASE("the check-in asks the plan's question with Continue and Step down until answered") {
        const auto asked = slack::render(core::CheckInPrompt{});
        CHECK(asked.text == "Do you wish to continue serving on the Code of Conduct committee?");
        CHECK(action_ids(asked.blocks) ==
              std::vector<std::string>{"checkin_continue", "checkin_step_down"});
        const auto answered = slack::render(core::CheckInPrompt{core::CheckInAnswer::continued});
        CHECK(action_ids(answered.blocks).empty());
        CHECK(answered.blocks.dump().find("You chose to continue") != std::string::npos);
    }

    TEST_CASE("the checklist has a Done button for each line not yet ticked, naming who ticked") {
        const core::OffboardChecklist checklist{
            3,
            core::UserId{"UERIN"},
            core::OffboardCause::removed,
            {{"email_aliases", core::UserId{"UBOB"}, core::Time{}}}};
        const auto rendered = slack::render(checklist);
        CHECK(action_ids(rendered.blocks).size() == 4);
        const auto text = rendered.blocks.dump();
        CHECK(text.find("Aliases they use to send e-mail — <@UBOB>") != std::string::npos);
        CHECK(text.find("\"value\":\"email_aliases\"") == std::string::npos);
        CHECK(text.find("\"value\":\"mailing_lists\"") != std::string::npos);
    }

    TEST_CASE("the removal form carries its subject and offers the default message") {
        const auto view = slack::committee_removal_modal(core::UserId{"UERIN"});
        CHECK(view["callback_id"] == "coc_committee_remove");
        CHECK(view["private_metadata"] == "UERIN");
        const auto dumped = view.dump();
        CHECK(dumped.find("\"block_id\":\"reason\"") != std::string::npos);
        CHECK(dumped.find(std::string{core::default_removal_message()}) != std::string::npos);
        slack::ViewSubmission submission;
        submission.private_metadata = "UERIN";
        submission.state.values["reason"]["reason"].value = "  Why  ";
        const auto read = slack::read_removal_proposal(submission);
        CHECK(read.subject == core::UserId{"UERIN"});
        CHECK(read.reason == "Why");
        CHECK(read.farewell.empty());
    }

    TEST_CASE("App Home offers a removal to committee members only") {
        CHECK(slack::home_view({}, true).dump().find("committee_remove") != std::string::npos);
        CHECK(slack::home_view({}, false).dump().find("committee_remove") == std::string::npos);
        const auto choosing = slack::committee_removal_modal({});
        CHECK(choosing.value("private_metadata", "").empty());
        CHECK(choosing.dump().find("users_select") != std::string::npos);
        slack::ViewSubmission submission;
        submission.state.values["subject"]["subject"].selected_user = "UERIN";
        CHECK(slack::read_removal_proposal(submission).subject == core::UserId{"UERIN"});
    }

    TEST_CASE("a mention is read as Slack escapes it, and anything else is refused") {
        CHECK(slack::mentioned_user("<@U123ABC|erin>") == core::UserId{"U123ABC"});
        CHECK(slack::mentioned_user(" <@W99> ") == core::UserId{"W99"});
        CHECK(slack::mentioned_user("U0ERIN") == core::UserId{"U0ERIN"});
        CHECK_FALSE(slack::mentioned_user("@erin"));
        CHECK_FALSE(slack::mentioned_user("<@u123>"));
        CHECK_FALSE(slack::mentioned_user("<#C123>"));
        CHECK_FALSE(slack::mentioned_user(""));
    }
}
