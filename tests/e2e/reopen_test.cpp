// File: tests/e2e/reopen_test.cpp
// End-to-end: re-opening an incident by a vote of the cleared members. A resolved incident's
// channel is archived (a bot cannot unarchive it), so its re-opening is voted on in a new
// private channel; an incident handed off to HR is re-opened in its own channel when HR reports
// that it takes no action. Membership and leaks are checked after every step.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using nlohmann::json;

namespace {

const std::string harper = "UHARPER"; // the HR contact
const std::string conflicted = "UDAVE";
const std::string outsider = "UMALLORY";

// What people typed about the incident: only its channels may ever show it.
struct Typed : TypedReport {
    std::string resolution = "Apologised in writing; banned from two meetups";
    std::string reason = "New facts came in";
    std::string hr_plan = "Warned in writing by the line manager";
    std::string hr_consequences = "None beyond the warning";

    Typed()
        : TypedReport{"Shouted over a speaker at the meetup and followed her outside",
                      "Main hall, Tuesday meetup", "Nadia Reporter", "nadia@example.org"} {}

    std::vector<std::string> all() const {
        auto out = words();
        out.insert(out.end(), {resolution, reason, hr_plan, hr_consequences});
        return out;
    }
};

// Three cleared members (of a committee of four); HR configured for the hand-off.
struct Reopening : ConfidentialIncident {
    const Typed typed;

    Reopening()
        : ConfidentialIncident({"UALICE", "UBOB", "UCAROL", conflicted}, harper, Typed{}.all()) {}

    // A report about an employee; Alice, Bob and Carol are cleared, Dave has a conflict.
    void file_and_clear() {
        file("UALICE", typed.employee_report());
        for (const auto* member : {"UALICE", "UBOB", "UCAROL"})
            clear(member);
        REQUIRE(bot.click(conflicted, "conflict_declared", reference, committee_channel).status ==
                200);
        check_step();
    }

    bool control_says(const std::string& part) const {
        return control().find(part) != std::string::npos;
    }

    // The Web API calls since `from` that name `in` as their channel.
    std::vector<std::string> calls_to(const std::string& in, std::size_t from) const {
        std::vector<std::string> methods;
        const auto calls = slack.calls();
        for (auto i = from; i < calls.size(); ++i)
            if (calls[i].args.value("channel", "") == in)
                methods.push_back(calls[i].method);
        return methods;
    }
};

std::string unknown_answer(const std::string& reference) {
    return "There is no incident " + reference + " that you can see. `/coc list` shows yours.";
}

} // namespace

TEST_SUITE("e2e: re-opening an incident") {
    TEST_CASE_FIXTURE(Reopening, "a resolved incident is re-opened by a vote in a new channel, "
                                 "since the archived one cannot be") {
        file_and_clear();
        REQUIRE(
            bot.select_user("UALICE", "owner_primary", "incident:" + reference, "UALICE", channel)
                .status == 200);
        wait_posted("<@UALICE> is now the primary owner");
        open_modal("UALICE", "resolve", "coc_resolve");
        submit_ok("UALICE", "coc_resolve",
                  modal_values({{"resolution", input::text(typed.resolution)},
                                {"category", input::choice("Disruption")},
                                {"outcome", input::choice("warning")}}));
        REQUIRE(eventually([&] { return slack.archived(channel); }));
        REQUIRE(eventually([&] { return offers("reopen"); }));
        check_step();
        const std::string archived = channel;
        const auto archived_messages = slack.messages(archived).size();
        const auto calls_before = slack.calls().size();

        // Whoever cannot see the incident learns nothing of it, not even that it exists.
        CHECK(answer(outsider, "reopen " + reference + " " + typed.reason) ==
              unknown_answer(reference));
        CHECK(answer(conflicted, "reopen " + reference + " " + typed.reason, committee_channel) ==
              unknown_answer(reference));
        CHECK(answer(outsider, "reopen 1999-999") == unknown_answer("1999-999"));

        // A cleared member proposes it from the committee channel: a new channel is made.
        const auto proposed =
            answer("UBOB", "reopen " + reference + " " + typed.reason, committee_channel);
        CHECK(proposed == "Motion 1 is open. The archived channel cannot be re-opened, so a new "
                          "private channel is being made for the vote.");
        const auto renamed = "coc-" + reference + "-2";
        REQUIRE(eventually([&] { return slack.channel_id(renamed).has_value(); }));
        channel = *slack.channel_id(renamed);
        channels.insert(channel);
        CHECK(channel != archived);
        check_step();
        for (const auto& member : cleared)
            REQUIRE(bot.member_joined(member, channel).status == 200);

        // It holds the report, a control message and the motion with its ballot buttons.
        REQUIRE(eventually([&] { return motion_ts(slack, channel, reference, 1).has_value(); }));
        const auto motion = *motion_ts(slack, channel, reference, 1);
        CHECK(motion_blocks(motion).find("Re-open this incident: " + typed.reason) !=
              std::string::npos);
        CHECK(eventually([&] { return !control().empty(); }));
        bool details = false;
        for (const auto& m : slack.messages(channel))
            details = details || m.blocks.dump().find(typed.description) != std::string::npos;
        CHECK(details);
        // The conflicted member is asked nothing and invited nowhere.
        for (const auto& call : slack.calls("conversations.invite"))
            CHECK(call.args.dump().find(conflicted) == std::string::npos);
        check_step();

        SUBCASE("two yes of three pass it: the incident is open again in the new channel") {
            REQUIRE(bot.ballot("UALICE", reference, 1, true, channel).status == 200);
            REQUIRE(bot.ballot("UCAROL", reference, 1, true, channel).status == 200);
            CHECK(wait_posted("Motion 1 passed (2 yes, 0 no, of 3)").text.find(typed.reason) !=
                  std::string::npos);
            REQUIRE(eventually([&] { return !has_ballot_buttons(motion_blocks(motion)); }));
            CHECK(eventually([&] { return control_says("status: triage"); }));
            CHECK_FALSE(control_says("status: resolved"));
            CHECK(offers("motion_violation"));
            CHECK(offers("resolve"));
            CHECK_FALSE(offers("reopen"));
            const auto status = answer("UCAROL", "status " + reference);
            CHECK(status.find("triage") != std::string::npos);
            CHECK(status.find("<#" + channel + ">") != std::string::npos);
            CHECK(list_for("UBOB").find("*" + reference + "*") != std::string::npos);
            CHECK_FALSE(slack.archived(channel));
            CHECK(slack.archived_channels() == std::set<std::string>{archived});
            check_step();

            // The committee works in the new channel: its motion buttons put motions to a vote.
            press("UCAROL", "motion_violation");
            REQUIRE(
                eventually([&] { return motion_ts(slack, channel, reference, 2).has_value(); }));
            check_step();
        }
        SUBCASE("two no of three reject it: the new channel is archived too") {
            REQUIRE(bot.ballot("UALICE", reference, 1, false, channel).status == 200);
            REQUIRE(bot.ballot("UBOB", reference, 1, false, channel).status == 200);
            wait_posted("Motion 1 was rejected (0 yes, 2 no, of 3)");
            REQUIRE(eventually([&] { return slack.archived(channel); }));
            CHECK(slack.archived_channels() == std::set<std::string>{archived, channel});
            CHECK(control_says("status: resolved"));
            CHECK(answer("UCAROL", "status " + reference).find("resolved") != std::string::npos);
            CHECK(list_for("UBOB").find(reference) == std::string::npos);
            check_step();
        }

        // Nothing was ever sent to the archived channel after it was archived.
        CHECK(slack.messages(archived).size() == archived_messages);
        const auto to_archived = calls_to(archived, calls_before);
        CHECK_MESSAGE(to_archived.empty(), "calls to the archived channel: " << to_archived.size());
        check_nothing_leaked(slack, channels, typed.all());
    }

    TEST_CASE_FIXTURE(Reopening,
                      "after a hand-off, HR's report of no action lets the committee re-open "
                      "the incident") {
        file_and_clear();

        // Only employees are involved: HR takes the incident over.
        open_modal("UALICE", "hr_involve", "coc_hr_involve");
        submit_ok("UALICE", "coc_hr_involve",
                  modal_values({{"scope", input::choice("employees_only")}}));
        wait_posted("handed the incident off to HR (<@" + hr + ">)");
        // HR is asked about conflicts first, then gets the report in its own channel, with the
        // line that says this is the hand-off the plan allows.
        hr_joins(true);
        REQUIRE(wait_messages(slack, hr_channel, 2));
        CHECK(slack.messages(hr_channel)[0].blocks.dump().find(typed.reporter_name) !=
              std::string::npos);
        CHECK(slack.messages(hr_channel)[1].text.find("hand-off the plan allows") !=
              std::string::npos);
        CHECK(eventually([&] { return control_says("status: handed off to HR"); }));
        CHECK(offers("hr_report"));
        CHECK_FALSE(offers("reopen"));
        check_step();

        // HR reports back in its channel; a cleared member records it: no violation, no action.
        open_modal("UCAROL", "hr_report", "coc_hr_report");
        submit_ok("UCAROL", "coc_hr_report",
                  modal_values({{"finding", input::choice("no_violation")},
                                {"plan", input::text(typed.hr_plan)},
                                {"consequences", input::text(typed.hr_consequences)},
                                {"taking_action", input::choice("no")}}));
        const auto report = wait_posted("<@UCAROL> recorded HR's report");
        CHECK(report.text.find(typed.hr_plan) != std::string::npos);
        CHECK(report.text.find(typed.hr_consequences) != std::string::npos);
        wait_posted("HR will not take action");
        CHECK(eventually([&] { return offers("reopen"); }));
        CHECK(control_says("HR takes no action"));
        check_step();

        // A member proposes re-opening it; HR informs but does not vote.
        press("UBOB", "reopen");
        REQUIRE(eventually([&] { return motion_ts(slack, channel, reference, 1).has_value(); }));
        const auto motion = *motion_ts(slack, channel, reference, 1);
        CHECK(motion_blocks(motion).find("Re-open this incident?") != std::string::npos);
        const auto refused = ephemeral_for(
            hr, [&] { REQUIRE(bot.ballot(hr, reference, 1, true, channel).status == 200); });
        CHECK(refused.find("can vote") != std::string::npos);
        check_step();

        REQUIRE(bot.ballot("UALICE", reference, 1, true, channel).status == 200);
        REQUIRE(bot.ballot("UBOB", reference, 1, true, channel).status == 200);
        wait_posted("Motion 1 passed (2 yes, 0 no, of 3)");
        REQUIRE(eventually([&] { return !has_ballot_buttons(motion_blocks(motion)); }));
        CHECK(eventually([&] { return control_says("status: triage"); }));
        CHECK(offers("motion_violation"));
        CHECK_FALSE(offers("reopen"));
        CHECK_FALSE(control_says("HR takes no action"));
        CHECK(answer("UCAROL", "status " + reference).find("triage") != std::string::npos);
        // The committee has it back: HR's channel is archived, and HR is involved again only by
        // a new Involve HR. The incident keeps its one channel.
        REQUIRE(eventually([&] { return slack.archived(hr_channel); }));
        CHECK(slack.archived_channels() == std::set<std::string>{hr_channel});
        CHECK_FALSE(slack.channel_id("coc-" + reference + "-2").has_value());
        hr_joined = false;
        hr_channel.clear();
        check_step();
        CHECK(eventually([&] { return !offers("hr_done") && offers("hr_involve"); }));
        check_step();
    }
}
