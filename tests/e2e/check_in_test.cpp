// File: tests/e2e/check_in_test.cpp
// End-to-end: the six-monthly check-in on a test clock. Each member is asked once per period,
// across a restart; Continue starts the period again; Step down off-boards the member, whose
// checklist goes to the chair; a question unanswered for the grace period is reported once.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using nlohmann::json;

namespace {

constexpr auto day = std::chrono::hours{24};
const std::string question = "Do you wish to continue serving on the Code of Conduct committee?";

std::string dm(const std::string& user) {
    return direct_channel(user);
}

int prompts(const FakeSlack& slack, const std::string& user) {
    int found = 0;
    for (const auto& call : slack.calls("chat.postMessage"))
        found +=
            call.args.value("channel", "") == dm(user) && call.args.value("text", "") == question;
    return found;
}

int overdue_notices(const FakeSlack& slack, const std::string& user) {
    int found = 0;
    for (const auto& m : slack.messages(committee_channel))
        found += m.text.find("<@" + user + "> has not answered") != std::string::npos;
    return found;
}

std::string prompt_ts(const FakeSlack& slack, const std::string& user) {
    for (const auto& m : slack.messages(dm(user)))
        if (m.text == question)
            return m.ts;
    return {};
}

// The newest checklist line not yet ticked: its message's ts and its item.
std::optional<std::pair<std::string, std::string>> next_line(const FakeSlack& slack,
                                                             const std::string& channel) {
    const auto button = button_on(slack, channel, "offboard_done");
    if (!button)
        return std::nullopt;
    return std::pair{button->ts, button->value};
}

struct Reviewed {
    FakeSlack slack;
    TestClock clock;
    Bot bot{slack,
            {{"COCBOT_DEADLINES_MEMBERSHIP_REVIEW", "30d"},
             {"COCBOT_DEADLINES_CHECKIN_ANSWER", "14d"},
             {"COCBOT_COMMITTEE_CHAIR", "UALICE"}},
            &clock};

    Reviewed() {
        bot.start();
        REQUIRE(bot.wait_idle());
    }

    // After a restart the monitor's first probe has run once a command is answered.
    void restart() {
        REQUIRE(bot.terminate() == 0);
        bot.start();
        REQUIRE(bot.slash("UALICE", "help").status == 200);
        REQUIRE(bot.wait_idle());
    }
};

} // namespace

TEST_SUITE("e2e: the six-monthly check-in") {
    TEST_CASE_FIXTURE(Reviewed, "each member is asked once a period, across a restart") {
        CHECK(prompts(slack, "UALICE") == 0);
        clock.advance(31 * day);
        for (const auto* member : {"UALICE", "UBOB", "UCAROL"})
            REQUIRE(eventually([&] { return prompts(slack, member) == 1; }));
        restart();
        for (const auto* member : {"UALICE", "UBOB", "UCAROL"})
            CHECK(prompts(slack, member) == 1);

        // Continue records the answer; the next question comes a period after it.
        REQUIRE(bot.click("UALICE", "checkin_continue", "continue", dm("UALICE"),
                          prompt_ts(slack, "UALICE"))
                    .status == 200);
        REQUIRE(eventually([&] { return slack.shows(dm("UALICE"), "You chose to continue"); }));
        CHECK(bot.slash("UALICE", "committee").body.find("last checked in") != std::string::npos);

        // Bob never answers: the committee hears of it once, after the grace period.
        clock.advance(15 * day);
        REQUIRE(eventually([&] { return overdue_notices(slack, "UBOB") == 1; }));
        clock.advance(day);
        restart();
        CHECK(overdue_notices(slack, "UBOB") == 1);
        CHECK(slack.members(committee_channel).count("UBOB") == 1); // nothing else happens

        clock.advance(15 * day);
        REQUIRE(eventually([&] { return prompts(slack, "UALICE") == 2; }));
        REQUIRE(bot.wait_idle());
        CHECK(prompts(slack, "UBOB") == 1);
    }

    TEST_CASE_FIXTURE(Reviewed,
                      "stepping down off-boards the member, and the chair ticks the list") {
        clock.advance(31 * day);
        REQUIRE(eventually([&] { return !prompt_ts(slack, "UCAROL").empty(); }));
        REQUIRE(bot.click("UCAROL", "checkin_step_down", "step_down", dm("UCAROL"),
                          prompt_ts(slack, "UCAROL"))
                    .status == 200);
        REQUIRE(eventually([&] { return slack.members(committee_channel).count("UCAROL") == 0; }));
        REQUIRE(eventually([&] { return next_line(slack, dm("UALICE")).has_value(); }));
        CHECK(slack.shows(dm("UALICE"), "stepped down"));
        // Her question no longer offers anything; she is told nothing more until the list is done.
        CHECK(slack.shows(dm("UCAROL"), "You chose to step down"));
        const auto before = slack.messages(dm("UCAROL")).size();
        // A second press, and a member pressing another's question, change nothing.
        REQUIRE(bot.click("UCAROL", "checkin_continue", "continue", dm("UCAROL")).status == 200);
        REQUIRE(bot.click("UBOB", "offboard_done", "mailing_lists", dm("UBOB")).status == 200);
        for (int line = 0; line < 5; ++line) {
            const auto next = next_line(slack, dm("UALICE"));
            REQUIRE(next);
            REQUIRE(bot.click("UALICE", "offboard_done", next->second, dm("UALICE"), next->first)
                        .status == 200);
            REQUIRE(eventually([&] {
                const auto now = next_line(slack, dm("UALICE"));
                return !now || now->second != next->second;
            }));
        }
        REQUIRE(eventually([&] { return slack.shows(dm("UCAROL"), "stepped down from the"); }));
        REQUIRE(bot.wait_idle());
        const auto carol = slack.messages(dm("UCAROL"));
        CHECK(carol.size() == before + 1);
        // Off the roster: not asked again, and `/coc committee` no longer lists her.
        clock.advance(31 * day);
        REQUIRE(bot.slash("UALICE", "help").status == 200);
        REQUIRE(bot.wait_idle());
        CHECK(prompts(slack, "UCAROL") == 1);
        CHECK(bot.slash("UALICE", "committee").body.find("UCAROL") == std::string::npos);
        CHECK(bot.slash("UCAROL", "committee").body.find("/coc report") != std::string::npos);
    }
}
