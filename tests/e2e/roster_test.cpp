// File: tests/e2e/roster_test.cpp
// End-to-end: the roster is live. Taking a member out of committee.members and restarting
// revokes everything they had before anything is said; adding one asks them about the open
// incidents; a committee channel that holds anyone else hears only that a report came in.
#include "tests/e2e/harness.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

using namespace cocbot::testing;
using nlohmann::json;

namespace {

const std::vector<std::string> secrets{"Kept touching", "Dana Reporter", "dana@example.org",
                                       "Hallway track"};

bool is_message_call(const RecordedCall& call) {
    return call.method == "chat.postMessage" || call.method == "chat.update" ||
           call.method == "chat.postEphemeral";
}

bool kicks(const RecordedCall& call, const std::string& user, const std::string& channel) {
    return call.method == "conversations.kick" && call.args.value("user", "") == user &&
           call.args.value("channel", "") == channel;
}

// Alice took Dana Reporter's report in person; Bob and Carol declared no conflict and are in
// its channel, where Bob proposed a motion and voted yes (one of the two votes needed).
struct TwoCleared : IncidentFixture {
    TwoCleared() : IncidentFixture({}) {
        bot.start();
        file_report("UALICE", shoulder_report("UREPORTED"));
        for (const auto* member : {"UBOB", "UCAROL"})
            REQUIRE(bot.click(member, "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(eventually([&] {
            return slack.members(channel).count("UBOB") == 1 &&
                   slack.members(channel).count("UCAROL") == 1;
        }));
        REQUIRE(bot.slash_in("UBOB", channel, "vote Ban him from the venue?").status == 200);
        REQUIRE(eventually([&] { return motion_ts(slack, channel, reference, 1).has_value(); }));
        REQUIRE(bot.ballot("UBOB", reference, 1, true, channel).status == 200);
        REQUIRE(bot.wait_idle());
    }

    void restart_with_members(const std::string& members) {
        REQUIRE(bot.terminate() == 0);
        slack.clear_calls();
        bot.set_env("COCBOT_COMMITTEE_MEMBERS", members);
        bot.start();
    }
};

} // namespace

TEST_SUITE("e2e: the roster is live") {
    TEST_CASE_FIXTURE(TwoCleared,
                      "a removed member is gone from every channel before any message tells them") {
        REQUIRE(shows(slack, "UCAROL", "conflict of interest with the reporter"));
        restart_with_members("UALICE,UBOB");
        REQUIRE(eventually([&] { return slack.members(channel).count("UCAROL") == 0; }));
        REQUIRE(bot.wait_idle());

        // The kick came before every message cocbot sent after the restart.
        const auto calls = slack.calls();
        const auto kick = std::find_if(calls.begin(), calls.end(), [&](const RecordedCall& c) {
            return kicks(c, "UCAROL", channel);
        });
        REQUIRE(kick != calls.end());
        const auto first_message = std::find_if(calls.begin(), calls.end(), is_message_call);
        REQUIRE(first_message != calls.end());
        CHECK(kick < first_message);

        // Her ballot-less absence decides the motion: Bob's yes is now a majority of one.
        CHECK(count_containing(slack, channel, "Motion 1 passed (1 yes, 0 no, of 1)") == 1);
        CHECK(count_containing(slack, channel, "left the committee's roster") == 1);
        // The question she was sent privately now says it no longer applies.
        CHECK(shows(slack, "UCAROL", "no longer applies"));
        CHECK_FALSE(shows(slack, "UCAROL", "conflict of interest with the reporter"));
        // She sees nothing of it anywhere cocbot answers her.
        CHECK(list_for("UCAROL").find(reference) == std::string::npos);
        CHECK(bot.log().find("roster_change change=removed user=UCAROL") != std::string::npos);
        CHECK(bot.terminate() == 0);
        check_nothing_leaked(slack, channel, secrets);
    }

    TEST_CASE_FIXTURE(TwoCleared, "a removal survives a crash and is carried out once") {
        REQUIRE(bot.terminate() == 0);
        bot.set_env("COCBOT_COMMITTEE_MEMBERS", "UALICE,UBOB");
        bot.start();
        REQUIRE(eventually([&] { return slack.members(channel).count("UCAROL") == 0; }));
        REQUIRE(bot.wait_idle());
        bot.kill();
        bot.start();
        REQUIRE(bot.wait_idle());
        CHECK(count_containing(slack, channel, "left the committee's roster") == 1);
        CHECK(slack.members(channel).count("UCAROL") == 0);
    }

    TEST_CASE_FIXTURE(TwoCleared, "an incident that cannot be read keeps neither cocbot from "
                                  "starting nor the others from a removal") {
        REQUIRE(bot.terminate() == 0);
        {
            SQLite::Database db(bot.database_path(), SQLite::OPEN_READWRITE);
            db.exec("INSERT INTO incidents (id, year, number, filed_at) "
                    "VALUES ('2020-001', 2020, 1, 1577836800)");
            db.exec("INSERT INTO events (incident_id, type, at, data) "
                    "VALUES ('2020-001', 'report_filed', 1577836800, '{\"damaged\":true}')");
        }
        bot.set_env("COCBOT_COMMITTEE_MEMBERS", "UALICE,UBOB");
        bot.start();
        REQUIRE(eventually([&] { return slack.members(channel).count("UCAROL") == 0; }));
        CHECK(bot.log().find("roster_apply_failed") != std::string::npos);
        CHECK(bot.log().find("damaged") == std::string::npos);
        // The others' lists still work, without it.
        CHECK(list_for("UBOB").find(reference) != std::string::npos);
    }

    TEST_CASE_FIXTURE(TwoCleared,
                      "a member added to the roster is asked about every open incident by direct "
                      "message") {
        restart_with_members("UALICE,UBOB,UCAROL,UDAVE");
        REQUIRE(eventually([&] { return shows(slack, "UDAVE", reference); }));
        REQUIRE(bot.click("UDAVE", "conflict_none", reference, "DUDAVE").status == 200);
        REQUIRE(eventually([&] { return slack.members(channel).count("UDAVE") == 1; }));
        REQUIRE(bot.wait_idle());
        CHECK(count_containing(slack, channel, "joined the committee's roster") == 1);
        CHECK(bot.terminate() == 0);
        check_nothing_leaked(slack, channel, secrets);
    }
}

TEST_SUITE("e2e: a committee channel that holds someone off the roster") {
    TEST_CASE("hears only that a report came in, naming them once, and each member is asked "
              "privately") {
        FakeSlack slack;
        Bot bot{slack};
        slack.add_channel(committee_channel, "coc-committee",
                          {"UALICE", "UBOB", "UCAROL", "UBOT", "UGUEST"});
        bot.start();
        REQUIRE(eventually(
            [&] { return bot.log().find(" user_names outcome=ok") != std::string::npos; }));
        const auto first =
            reference_from(bot.submit_report("UALICE", shoulder_report("UREPORTED")));
        REQUIRE(eventually([&] { return shows(slack, "UBOB", first); }));
        const auto second = reference_from(bot.submit_report("UALICE", shoulder_report("UOTHER")));
        REQUIRE(eventually([&] { return shows(slack, "UBOB", second); }));
        REQUIRE(bot.wait_idle());

        const auto said = slack.messages(committee_channel);
        REQUIRE(said.size() == 2);
        for (const auto& m : said) {
            CHECK(m.text.find("A report came in; each member has a direct message.") == 0);
            CHECK(m.text.find(first) == std::string::npos);
            CHECK(m.text.find("UREPORTED") == std::string::npos);
        }
        CHECK(said[0].text.find("<@UGUEST>") != std::string::npos);
        CHECK(said[1].text.find("UGUEST") == std::string::npos);
        for (const auto* member : {"UALICE", "UBOB", "UCAROL"})
            CHECK(shows(slack, member, first));
        CHECK_FALSE(shows(slack, "UGUEST", first));
        CHECK(bot.terminate() == 0);
        check_nothing_leaked(
            slack,
            std::set<std::string>{incident_channel(slack, first), incident_channel(slack, second)},
            secrets);
    }
}
