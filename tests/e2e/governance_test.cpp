// File: tests/e2e/governance_test.cpp
// End-to-end: the committee governs itself. Five members vote E off the committee by private
// ballot: E is removed from the committee channel and both incident channels, the open motion
// is recounted, the checklist goes to the proposer, and only when it is ticked is E told. E
// sees nothing of the vote at any time.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace cocbot::testing;
using nlohmann::json;

namespace {

const std::vector<std::string> five{"UALICE", "UBOB", "UCAROL", "UDAN", "UERIN"};
const std::vector<std::string> secrets{"Kept touching", "Dana Reporter", "dana@example.org",
                                       "Hallway track"};
const std::string reason = "Erin forwarded the Zanzibar thread to the reported person";
const std::vector<std::string> checklist_items{"mailing_lists", "email_aliases", "report_documents",
                                               "status_spreadsheet", "registration_data"};

std::string dm(const std::string& user) {
    return direct_channel(user);
}

// Two incidents E was cleared for, and an open motion that E's ballot would decide.
struct FiveMembers : ConfidentialIncident {
    std::string first, second;
    std::string first_reference;

    FiveMembers() : ConfidentialIncident(five, "UHARPER", secrets) {
        file("UALICE", shoulder_report("UREPORTED"));
        clear("UBOB");
        clear("UERIN");
        first = channel;
        first_reference = reference;
        REQUIRE(bot.slash_in("UBOB", first, "vote Ban him from the venue?").status == 200);
        REQUIRE(eventually([&] { return motion_ts(slack, first, reference, 1).has_value(); }));
        REQUIRE(bot.ballot("UBOB", reference, 1, true, first).status == 200);
        cleared.clear();
        file("UALICE", shoulder_report("UOTHER"));
        clear("UCAROL");
        clear("UERIN");
        second = channel;
        REQUIRE(bot.wait_idle());
    }

    void propose_removal() {
        REQUIRE(bot.slash("UALICE", "committee remove <@UERIN|erin>").status == 200);
        REQUIRE(eventually([&] { return !slack.calls("views.open").empty(); }));
        CHECK(slack.calls("views.open").back().args["view"]["callback_id"] ==
              "coc_committee_remove");
        const auto answer = bot.submit_view(
            "UALICE", "coc_committee_remove", "UERIN",
            modal_values({{"reason", input::text(reason)},
                          {"message", input::text("Erin, the committee has removed you.")}}));
        REQUIRE(answer.status == 200);
        CHECK(answer.body.find("Your proposal is open") != std::string::npos);
        for (const auto* voter : {"UALICE", "UBOB", "UCAROL", "UDAN"})
            REQUIRE(eventually(
                [&] { return button_on(slack, dm(voter), "removal_remove").has_value(); }));
    }

    void vote_remove(const std::string& voter) {
        const auto ballot = button_on(slack, dm(voter), "removal_remove");
        REQUIRE(ballot);
        REQUIRE(bot.click(voter, "removal_remove", ballot->value, dm(voter)).status == 200);
    }

    // E sees nothing of the vote on any surface: no direct message, private answer or App Home
    // of theirs says a word of it, and no channel says it while E is still in it.
    void check_erin_saw_nothing(bool told = false) {
        std::set<std::string> left; // the channels E was removed from so far
        for (const auto& call : slack.calls()) {
            const auto to = call.args.value("channel", "");
            if (call.method == "conversations.kick" && call.args.value("user", "") == "UERIN") {
                left.insert(to);
                continue;
            }
            if (!speaks_of_vote(call.args.dump()))
                continue;
            const bool to_erin = to == "DUERIN" || call.args.value("user", "") == "UERIN" ||
                                 call.args.value("user_id", "") == "UERIN";
            const bool farewell =
                told && call.method == "chat.postMessage" &&
                call.args.value("text", "").find("has removed you") != std::string::npos;
            CHECK_MESSAGE((!to_erin || farewell), call.method << " " << call.args.dump());
            if (to == committee_channel || to == first || to == second)
                CHECK_MESSAGE(left.count(to) == 1, call.method << " " << call.args.dump());
        }
    }

    static bool speaks_of_vote(const std::string& text) {
        for (const auto* needle : {"Zanzibar", "removed from the Code of Conduct committee",
                                   "voted to remove", "removal", "has removed you"})
            if (text.find(needle) != std::string::npos)
                return true;
        return false;
    }
};

} // namespace

TEST_SUITE("e2e: the committee governs itself") {
    TEST_CASE_FIXTURE(FiveMembers,
                      "a removal by a majority of all members revokes access before E is told") {
        propose_removal();
        CHECK(button_on(slack, dm("UBOB"), "removal_remove"));
        CHECK(slack.shows(dm("UBOB"), "0 remove"));
        vote_remove("UALICE");
        vote_remove("UBOB");
        REQUIRE(eventually([&] { return slack.shows(dm("UCAROL"), "2 remove"); }));
        // Two of five is no majority of all members: nothing happens to E yet.
        REQUIRE(bot.home_opened("UERIN").status == 200);
        REQUIRE(bot.wait_idle());
        CHECK(slack.members(committee_channel).count("UERIN") == 1);
        check_erin_saw_nothing();

        vote_remove("UCAROL");
        REQUIRE(eventually([&] {
            return slack.members(committee_channel).count("UERIN") == 0 &&
                   slack.members(first).count("UERIN") == 0 &&
                   slack.members(second).count("UERIN") == 0;
        }));
        // E's ballot-less absence decides the motion in the first incident: Bob's yes suffices.
        REQUIRE(eventually([&] {
            return count_containing(slack, first, "Motion 1 passed (1 yes, 0 no, of 1)") == 1;
        }));
        // The checklist goes to the proposer; E is not told while a line is unticked.
        REQUIRE(eventually(
            [&] { return button_on(slack, dm("UALICE"), "offboard_done").has_value(); }));
        CHECK(slack.shows(dm("UDAN"), "voted to remove"));
        for (std::size_t i = 0; i + 1 < checklist_items.size(); ++i) {
            const auto line = button_on(slack, dm("UALICE"), "offboard_done");
            REQUIRE(line);
            REQUIRE(bot.click("UALICE", "offboard_done", checklist_items[i], dm("UALICE"), line->ts)
                        .status == 200);
        }
        REQUIRE(bot.wait_idle());
        check_erin_saw_nothing();
        CHECK(slack.shows(dm("UALICE"), "<@UALICE>")); // who ticked each line is recorded

        const auto last = button_on(slack, dm("UALICE"), "offboard_done");
        REQUIRE(last);
        CHECK(last->value == checklist_items.back());
        REQUIRE(bot.click("UALICE", "offboard_done", last->value, dm("UALICE"), last->ts).status ==
                200);
        REQUIRE(eventually([&] { return slack.shows(dm("UERIN"), "the committee has removed"); }));

        // Every removal of E came before the one message E got.
        const auto calls = slack.calls();
        const auto told = std::find_if(calls.begin(), calls.end(), [](const RecordedCall& c) {
            return c.method == "chat.postMessage" && c.args.value("channel", "") == "DUERIN" &&
                   c.args.value("text", "").find("has removed you") != std::string::npos;
        });
        REQUIRE(told != calls.end());
        for (auto c = told; c != calls.end(); ++c)
            CHECK_FALSE(
                (c->method == "conversations.kick" && c->args.value("user", "") == "UERIN"));
        check_erin_saw_nothing(true);
        // E is off the roster: they get the help, not the committee.
        CHECK(answer("UERIN", "committee").find("/coc report") != std::string::npos);
        CHECK(answer("UALICE", "committee").find("UERIN") == std::string::npos);
        CHECK(bot.stored_bytes().find("Zanzibar") == std::string::npos); // sealed at rest
    }

    TEST_CASE_FIXTURE(FiveMembers,
                      "a removal fails once a majority of all members cannot be reached") {
        propose_removal();
        for (const auto* voter : {"UALICE", "UBOB"}) {
            const auto ballot = button_on(slack, dm(voter), "removal_keep");
            REQUIRE(ballot);
            REQUIRE(bot.click(voter, "removal_keep", ballot->value, dm(voter)).status == 200);
        }
        REQUIRE(eventually([&] { return slack.shows(dm("UDAN"), "voted to keep"); }));
        REQUIRE(bot.wait_idle());
        CHECK(slack.members(committee_channel).count("UERIN") == 1);
        CHECK_FALSE(button_on(slack, dm("UCAROL"), "removal_remove")); // decided: no buttons
        check_erin_saw_nothing();
    }

    TEST_CASE_FIXTURE(FiveMembers, "the subject and outsiders cannot vote or propose") {
        propose_removal();
        const auto ballot = button_on(slack, dm("UALICE"), "removal_remove");
        REQUIRE(ballot);
        // A forged ballot from E, and one from someone off the committee, change nothing.
        REQUIRE(bot.click("UERIN", "removal_remove", ballot->value, dm("UERIN")).status == 200);
        REQUIRE(bot.click("UOUTSIDER", "removal_remove", ballot->value, "DUOUTSIDER").status ==
                200);
        REQUIRE(bot.click("UBOB", "removal_remove", "not-a-number", dm("UBOB")).status == 200);
        REQUIRE(bot.wait_idle());
        CHECK(slack.shows(dm("UBOB"), "0 remove"));
        CHECK(answer("UOUTSIDER", "committee remove <@UBOB>").find("/coc report") !=
              std::string::npos);
        CHECK(answer("UBOB", "committee remove <@UERIN>").find("already open") !=
              std::string::npos);
        CHECK(answer("UBOB", "committee remove <@UBOB>").find("your own removal") !=
              std::string::npos);
        CHECK(answer("UBOB", "committee remove erin").find("Usage") != std::string::npos);
    }
}

TEST_SUITE("e2e: the committee governs itself") {
    TEST_CASE("a member admitted by a majority of all members joins and is asked about incidents") {
        ConfidentialIncident incident{{"UALICE", "UBOB", "UCAROL"}, "UHARPER", secrets};
        incident.file("UALICE", shoulder_report("UREPORTED"));
        auto& slack = incident.slack;
        auto& bot = incident.bot;
        REQUIRE(bot.slash("UALICE", "committee add <@UFRANK|frank>").status == 200);
        for (const auto* voter : {"UALICE", "UBOB", "UCAROL"})
            REQUIRE(eventually(
                [&] { return button_on(slack, dm(voter), "admission_yes").has_value(); }));
        CHECK(slack.messages(dm("UFRANK")).empty());
        for (const auto* voter : {"UALICE", "UBOB"}) {
            const auto ballot = button_on(slack, dm(voter), "admission_yes");
            REQUIRE(ballot);
            REQUIRE(bot.click(voter, "admission_yes", ballot->value, dm(voter)).status == 200);
        }
        REQUIRE(eventually([&] { return slack.members(committee_channel).count("UFRANK") == 1; }));
        // Asked the conflict question for the open incident, privately, with no detail.
        REQUIRE(eventually([&] { return slack.shows(dm("UFRANK"), "has been reported"); }));
        CHECK(slack.shows(dm("UCAROL"), "voted to admit"));
        CHECK(bot.slash("UFRANK", "committee").body.find("<@UFRANK>") != std::string::npos);
        incident.check_step();
    }
}

TEST_SUITE("e2e: the committee governs itself") {
    TEST_CASE_FIXTURE(FiveMembers,
                      "a removal can be proposed from App Home, never shown to others") {
        REQUIRE(bot.home_opened("UOUTSIDER").status == 200);
        REQUIRE(bot.home_opened("UALICE").status == 200);
        REQUIRE(eventually([&] { return slack.calls("views.publish").size() >= 2; }));
        for (const auto& call : slack.calls("views.publish"))
            CHECK((call.args["view"].dump().find("committee_remove") != std::string::npos) ==
                  (call.args.value("user_id", "") == "UALICE"));
        REQUIRE(bot.click("UOUTSIDER", "committee_remove", "committee", "").status == 200);
        REQUIRE(bot.click("UALICE", "committee_remove", "committee", "").status == 200);
        REQUIRE(eventually([&] { return slack.calls("views.open").size() == 1; }));
        // Choosing nobody, or oneself, is refused on the form.
        auto refused = bot.submit_view("UALICE", "coc_committee_remove", "",
                                       modal_values({{"reason", input::text(reason)}}));
        CHECK(refused.body.find("\"subject\"") != std::string::npos);
        refused = bot.submit_view(
            "UALICE", "coc_committee_remove", "",
            modal_values({{"subject", input::user("UALICE")}, {"reason", input::text(reason)}}));
        CHECK(refused.body.find("own removal") != std::string::npos);
        const auto answer = bot.submit_view(
            "UALICE", "coc_committee_remove", "",
            modal_values({{"subject", input::user("UERIN")}, {"reason", input::text(reason)}}));
        CHECK(answer.body.find("Your proposal is open") != std::string::npos);
        REQUIRE(
            eventually([&] { return button_on(slack, dm("UDAN"), "removal_remove").has_value(); }));
        REQUIRE(bot.wait_idle());
        check_erin_saw_nothing();
    }
}
