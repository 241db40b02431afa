// File: tests/e2e/faults_test.cpp
// End-to-end: faults that must neither stop cocbot nor lose or duplicate anything: Web API
// answers of the wrong shape, poison rows in the outbox, a database locked by another process,
// resubmitted modals, lost event deliveries, an unknown committee channel and a busy channel;
// and a database file others may read, which stops start-up instead.
#include "tests/e2e/harness.hpp"

#include <SQLiteCpp/Database.h>
#include <atomic>
#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace cocbot::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const ReportInput report = plain_report();

const std::vector<std::string> members{"UALICE", "UBOB", "UCAROL"};

// Whether some message in `user`'s direct-message channel holds `text`.
bool dm_holds(const FakeSlack& slack, const std::string& user, const std::string& text) {
    for (const auto& m : slack.messages("D" + user))
        if (m.text.find(text) != std::string::npos ||
            m.blocks.dump().find(text) != std::string::npos)
            return true;
    return false;
}

json member_joined_event(const std::string& event_id, const std::string& user,
                         const std::string& channel) {
    return channel_event(event_id, "member_joined_channel", user, channel, unix_now());
}

// Another process (a sqlite3 shell, a backup) holding the database's write lock.
class WriteLock {
public:
    explicit WriteLock(const std::string& path) : db_(path, SQLite::OPEN_READWRITE, 5000) {
        // cocbot holds the write lock itself between a write and its group commit: wait that out.
        db_.exec("BEGIN IMMEDIATE");
    }
    ~WriteLock() { db_.exec("ROLLBACK"); }

private:
    SQLite::Database db_;
};

} // namespace

TEST_SUITE("e2e: a Web API answer of the wrong shape") {
    TEST_CASE("conversations.create saying ok without a channel id is retried, then given up, and "
              "the members are told privately") {
        FakeSlack slack;
        std::atomic<int> creates{0};
        // First no channel at all, then a channel that is a string rather than an object.
        slack.respond("conversations.create", [&](const json&) {
            return ++creates == 1 ? json{{"ok", true}} : json{{"ok", true}, {"channel", "C0ODD"}};
        });
        Bot bot{slack, {{"COCBOT_OUTBOX_MAX_ATTEMPTS", "2"}, {"COCBOT_OUTBOX_FIRST_RETRY", "1s"}}};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UTAKER", report));
        REQUIRE(eventually([&] { return bot.effects("failed") == 1; }, 30s));
        REQUIRE(bot.wait_idle());
        CHECK(creates == 2);
        for (const auto& member : members)
            CHECK(dm_holds(slack, member,
                           "could not create the private channel for report " + reference));
        CHECK(bot.log().find("unexpected_answer:conversations.create") != std::string::npos);

        // Output goes on: the next report is announced, and the bot says it is healthy.
        slack.clear_calls();
        REQUIRE(bot.submit_report("UTAKER", report).status == 200);
        REQUIRE(wait_messages(slack, committee_channel, 2, 10s));
        CHECK(bot.health().status == 200);
    }

    TEST_CASE("poison rows in the outbox are failed after a restart, and the rest still go out") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        REQUIRE(bot.terminate() == 0);
        {
            SQLite::Database db(bot.database_path(), SQLite::OPEN_READWRITE);
            db.exec("INSERT INTO outbox (type, payload, created_at, not_before) VALUES "
                    "('post', '{not json SECRET', 0, 0), ('teleport', '{}', 0, 0)");
        }
        bot.start();
        REQUIRE(bot.submit_report("UTAKER", report).status == 200);
        REQUIRE(wait_messages(slack, committee_channel, 1, 10s));
        REQUIRE(bot.wait_idle());
        CHECK(bot.effects("failed") == 2);
        SQLite::Database db(bot.database_path(), SQLite::OPEN_READONLY);
        SQLite::Statement errors(db, "SELECT last_error FROM outbox WHERE state = 'failed'");
        while (errors.executeStep())
            CHECK(errors.getColumn(0).getString().find("SECRET") == std::string::npos);
        CHECK(bot.log().find("SECRET") == std::string::npos);
        CHECK(bot.health().status == 200);
    }
}

TEST_SUITE("e2e: a database locked by another process") {
    TEST_CASE("a report gets a fast 503, /healthz still answers at once, and Slack's retry files "
              "it") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        {
            WriteLock lock{bot.database_path()};
            const auto busy = bot.submit_report("UTAKER", report, "VLOCKED");
            CHECK(busy.status == 503);
            CHECK(busy.elapsed < 1s);
            const auto health = bot.health();
            CHECK(health.status != 0);
            CHECK(health.elapsed < 100ms);
        }
        const auto retried = bot.submit_report("UTAKER", report, "VLOCKED");
        REQUIRE(retried.status == 200);
        REQUIRE(wait_messages(slack, committee_channel, 1, 10s));
        REQUIRE(bot.wait_idle());
        CHECK(slack.messages(committee_channel).size() == 1);
        CHECK(bot.log().find("database_busy") != std::string::npos);
        CHECK(bot.log().find("sqlite: database is locked") != std::string::npos);
    }

    TEST_CASE("an event whose command failed is handled when Slack retries it, once") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UALICE", report));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.wait_idle());
        invite_by_hand(slack, channel, "UMALLORY");
        const auto delivery = member_joined_event("EvLostOnce", "UMALLORY", channel);
        {
            WriteLock lock{bot.database_path()};
            CHECK(bot.event(delivery).status == 503);
        }
        CHECK(bot.event(delivery).status == 200);
        REQUIRE(eventually([&] { return !slack.members(channel).contains("UMALLORY"); }));
        CHECK(bot.event(delivery).status == 200);
        REQUIRE(bot.wait_idle());
        CHECK(slack.calls("conversations.kick").size() == 1);
        CHECK(bot.log().find("outcome=duplicate") != std::string::npos);
    }
}

TEST_SUITE("e2e: retries that must not duplicate") {
    TEST_CASE("a resubmitted report modal gets its first reference back and files nothing new") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto first = reference_from(bot.submit_report("UTAKER", report, "VTWICE"));
        const auto again = reference_from(bot.submit_report("UTAKER", report, "VTWICE"));
        CHECK(again == first);
        REQUIRE(bot.wait_idle());
        CHECK(slack.messages(committee_channel).size() == 1);
        // Another modal is another report.
        CHECK(reference_from(bot.submit_report("UTAKER", report)) != first);
    }

    TEST_CASE("killed before its prompt was recorded, the retry finds it past a busy channel's "
              "first pages") {
        FakeSlack slack;
        slack.set_delay(3s); // the post lands, the answer is slow: kill inside that window
        Bot bot{slack};
        bot.start();
        REQUIRE(bot.submit_report("UTAKER", report).status == 200);
        REQUIRE(wait_messages(slack, committee_channel, 1, 10s));
        bot.kill();
        slack.set_delay(0ms);
        // The channel gets busy, and Slack pages its history in pages smaller than asked for.
        for (int i = 0; i < 60; ++i)
            slack.add_message(committee_channel, "chatter " + std::to_string(i));
        slack.cap_history_pages(7);
        slack.clear_calls();
        bot.start();
        REQUIRE(bot.wait_idle(30s));
        std::size_t prompts = 0;
        for (const auto& m : slack.messages(committee_channel))
            prompts += !m.text.starts_with("chatter");
        CHECK(prompts == 1);
        for (const auto& call : slack.calls("chat.postMessage"))
            CHECK(call.args.value("channel", "") != committee_channel);
        CHECK(slack.calls("conversations.history").size() >= 9);
    }
}

TEST_SUITE("e2e: the committee channel's membership") {
    TEST_CASE("while conversations.members fails, prompts go by direct message and /healthz says "
              "why, and once it answers they go to the channel") {
        FakeSlack slack;
        slack.set_error("conversations.members", "internal_error", 1000);
        Bot bot{slack};
        bot.start_unready();
        // Until the executor and the scheduler are up, /healthz names them first.
        REQUIRE(eventually(
            [&] { return bot.health(true).body.find("scheduler: ok") != std::string::npos; }));
        const auto health = bot.health();
        CHECK(health.status == 503);
        CHECK(health.body.starts_with("committee_channel: membership unknown"));
        const auto verbose = bot.health(true).body;
        CHECK(verbose.find("executor: ok") != std::string::npos);
        CHECK(verbose.find("scheduler: ok") != std::string::npos);
        CHECK(verbose.find("committee_channel: FAIL") != std::string::npos);

        const auto reference = reference_from(bot.submit_report("UTAKER", report));
        REQUIRE(bot.wait_idle());
        CHECK(slack.messages(committee_channel).empty());
        for (const auto& member : members)
            CHECK(dm_holds(slack, member, reference));

        slack.set_error("conversations.members", "internal_error", 0);
        REQUIRE(eventually([&] { return bot.health().status == 200; }, 30s));
        REQUIRE(bot.submit_report("UTAKER", report).status == 200);
        REQUIRE(wait_messages(slack, committee_channel, 1, 10s));
    }
}

TEST_SUITE("e2e: bad input") {
    TEST_CASE("a database file others may read stops start-up with the chmod to run") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        REQUIRE(bot.terminate() == 0);
        REQUIRE(::chmod(bot.database_path().c_str(), 0644) == 0);
        const auto status = bot.run_to_exit();
        REQUIRE(status.has_value());
        CHECK(*status == 2);
        CHECK(bot.log().find("run chmod 600 " + bot.database_path()) != std::string::npos);
        CHECK(slack.calls("auth.test").size() == 1); // the second start reached nothing
    }

    TEST_CASE("a slash command without a trigger_id is malformed and gets 400") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto body = form_body({{"command", "/coc"},
                                     {"text", "report"},
                                     {"user_id", "UALICE"},
                                     {"channel_id", "C0GENERAL"}});
        CHECK(bot.send("application/x-www-form-urlencoded", body).status == 400);
        CHECK(slack.opened_views().empty());
        CHECK(bot.health().status == 200);
    }
}
