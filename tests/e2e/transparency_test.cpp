// File: tests/e2e/transparency_test.cpp
// End-to-end: twelve incidents resolved across categories, then `/coc transparency` drafts the
// quarter's report in the committee channel, and `cocbot transparency --file` writes it as
// Markdown: the counts are right, and nothing anyone typed about an incident is in either.
#include "core/transparency.hpp"
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace cocbot::testing;

namespace {

const std::vector<std::string> members{"UALICE", "UBOB", "UCAROL"};

struct Resolution {
    std::string category;
    std::string outcome;
    std::string words;
};

// Twelve, across four categories; two resolutions whose words name a place or a date.
const std::vector<Resolution> resolutions{
    {"Harassment", "warning", "A warning was given."},
    {"Harassment", "warning", "A warning was given."},
    {"Harassment", "banned", "Banned from future events."},
    {"Harassment", "behavioural_plan", "They agreed to a plan."},
    {"Harassment", "no_violation", "No violation was found."},
    {"Disruption", "warning", "Asked to stop interrupting."},
    {"Disruption", "warning", "Seen in Hall Zeta, warned."},
    {"Disruption", "removed_from_event", "Asked to leave."},
    {"Threats or violence", "removed_from_event", "Removed, and security told."},
    {"Threats or violence", "banned", "Banned since 3 March."},
    {"Other", "other", "Handled by the organisers."},
    {"Other", "no_violation", "A misunderstanding."},
};

std::string typed(const std::string& what, std::size_t i) {
    return what + " zq" + std::to_string(i) + "x";
}

ReportInput report(std::size_t i) {
    ReportInput report;
    report.reported_user = "UREPORTED";
    report.description = typed("Said demeaning things at the lunch queue", i);
    report.location = typed("Hall Zeta", i);
    report.reporter_name = typed("Quentin Reporter", i);
    report.reporter_contact = "quentin" + std::to_string(i) + "@example.org";
    report.source = i % 3 == 0 ? "phone" : "email";
    return report;
}

std::vector<std::string> all_typed() {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < resolutions.size(); ++i) {
        const auto r = report(i);
        words.insert(words.end(), {r.description, r.location, r.reporter_name, r.reporter_contact});
    }
    return words;
}

struct Quarterly : ConfidentialIncident {
    Quarterly() : ConfidentialIncident(members, "UHARPER", all_typed()) {}

    void resolve(std::size_t i) {
        cleared.clear(); // a new incident, with its own channel
        file("UALICE", report(i));
        for (const auto& member : members)
            clear(member);
        REQUIRE(
            bot.select_user("UALICE", "owner_primary", "incident:" + reference, "UALICE", channel)
                .status == 200);
        wait_posted("<@UALICE> is now the primary owner");
        open_modal("UALICE", "resolve", "coc_resolve");
        const auto& r = resolutions[i];
        submit_ok("UALICE", "coc_resolve",
                  modal_values({{"resolution", input::text(r.words)},
                                {"category", input::choice(r.category, "static_select")},
                                {"outcome", input::choice(r.outcome, "static_select")}}));
        REQUIRE(eventually([&] { return slack.archived(channel); }));
    }

    std::string posted_report() const {
        for (const auto& m : slack.messages(committee_channel))
            if (m.text.find("transparency report") != std::string::npos)
                return m.text;
        return {};
    }
};

std::string quarter_now() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return cocbot::core::to_string(cocbot::core::quarter_of(now));
}

void check_the_report(const std::string& text) {
    CHECK(text.find("12 reports were made") != std::string::npos);
    CHECK(text.find("Harassment: 5; Disruption: 3; Threats or violence: 2; Other: 2") !=
          std::string::npos);
    CHECK(text.find("email: 8; phone: 4") != std::string::npos);
    CHECK(text.find("a warning: 4") != std::string::npos);
    CHECK(text.find("Harassment: a warning. A warning was given.") != std::string::npos);
    CHECK(text.find("Disruption: a warning.\n") != std::string::npos); // "Hall Zeta" left out
    CHECK(text.find("March") == std::string::npos);
    for (const auto& word : all_typed())
        CHECK_MESSAGE(text.find(word) == std::string::npos, word);
    CHECK(text.find("Zeta") == std::string::npos);
    CHECK(text.find("UALICE") == std::string::npos);
    CHECK(text.find("UREPORTED") == std::string::npos);
}

} // namespace

TEST_SUITE("e2e: transparency report") {
    TEST_CASE_FIXTURE(Quarterly, "a quarter's report from twelve resolved incidents across "
                                 "categories, in the channel and as Markdown") {
        for (std::size_t i = 0; i < resolutions.size(); ++i)
            resolve(i);
        REQUIRE(bot.wait_idle());

        // Only members may ask for it; a quarter to come is refused.
        CHECK(answer("UMALLORY", "transparency").find("/coc help") != std::string::npos);
        CHECK(answer("UALICE", "transparency 2999-Q1").find("has not begun") != std::string::npos);
        CHECK(answer("UALICE", "transparency soon").find("Usage") != std::string::npos);

        const auto quarter = quarter_now();
        CHECK(answer("UALICE", "transparency " + quarter).find("being posted") !=
              std::string::npos);
        REQUIRE(eventually([&] { return !posted_report().empty(); }));
        const auto posted = posted_report();
        CHECK(posted.find("transparency report, " + quarter) != std::string::npos);
        CHECK(posted.find("2 resolution(s) are described without the committee's words") !=
              std::string::npos);
        check_the_report(posted);

        const auto file = bot.database_path() + ".report.md";
        const auto written = run_cocbot(bot, {"transparency", quarter, "--file", file});
        REQUIRE_MESSAGE(written.status == 0, written.output);
        std::ifstream in(file);
        std::stringstream markdown;
        markdown << in.rdbuf();
        CHECK(markdown.str().starts_with("# Code of Conduct transparency report, " + quarter));
        check_the_report(markdown.str());
        const auto refused = run_cocbot(bot, {"transparency", "last-quarter"});
        CHECK(refused.status != 0);
        CHECK(refused.output.find("name the quarter") != std::string::npos);
    }

    TEST_CASE("a new quarter's reminder to publish is posted once, across a restart") {
        FakeSlack slack;
        TestClock clock;
        Bot bot{slack, {{"COCBOT_TRANSPARENCY_REMIND", "true"}}, &clock};
        auto reminders = [&] {
            int found = 0;
            for (const auto& m : slack.messages(committee_channel))
                found +=
                    m.text.find("time to publish the transparency report") != std::string::npos;
            return found;
        };
        bot.start();
        REQUIRE(bot.wait_idle());
        // The clock goes to an hour into the next quarter (a test on a quarter's first days
        // may already have had the reminder of this one).
        using namespace cocbot::core;
        const auto now = from_unix_seconds(clock.unix_now());
        const auto before = reminders();
        const auto ended = quarter_of(now);
        clock.advance(std::chrono::duration_cast<std::chrono::seconds>(
            first_day(next(ended)) - now + std::chrono::hours{1}));
        REQUIRE(eventually([&] { return reminders() == before + 1; }));
        CHECK(slack.messages(committee_channel)
                  .back()
                  .text.find("/coc transparency " + to_string(ended)) != std::string::npos);

        REQUIRE(bot.terminate() == 0);
        bot.start();
        // The monitor's first probe (and its chores) runs on the application thread before any
        // request: once a command is answered there, the restarted bot has looked.
        REQUIRE(bot.slash("UALICE", "help").status == 200);
        REQUIRE(bot.wait_idle());
        CHECK(reminders() == before + 1);
        CHECK(bot.terminate() == 0);
    }
}
