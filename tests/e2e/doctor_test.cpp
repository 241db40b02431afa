// File: tests/e2e/doctor_test.cpp
// End-to-end: `cocbot doctor` against the simulated Slack. A sound installation passes every
// check and leaves nothing behind; each thing an operator can get wrong fails its own check, in
// one line that says what to fix, and the exit status says whether all passed.
#include "sim/fake_slack.hpp"
#include "sim/fake_socket_mode.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "tests/storage/temp_dir.hpp"
#include "tests/support/process.hpp"

#include <doctest/doctest.h>
#include <map>
#include <sys/stat.h>

using namespace cocbot::testing;
using cocbot::sim::FakeSlack;
using cocbot::storage::testing::TempDir;

namespace {

// A committee of two in C0COMMITTEE with cocbot, HR configured, a database not made yet.
struct Installation {
    FakeSlack slack;
    TempDir tmp;
    std::map<std::string, std::string> env{
        {"SLACK_BOT_TOKEN", "xoxb-doctor"},
        {"SLACK_SIGNING_SECRET", "doctor-secret"},
        {"COCBOT_SLACK_API_URL", slack.base_url()},
        {"COCBOT_COMMITTEE_CHANNEL", "C0COMMITTEE"},
        {"COCBOT_COMMITTEE_MEMBERS", "UALICE,UBOB"},
        {"COCBOT_COMMITTEE_HR", "UHARPER"},
        {"COCBOT_STORAGE_PATH", tmp.file("cocbot.db")},
    };

    Installation() {
        slack.add_channel("C0COMMITTEE", "coc-committee", {"UBOT", "UALICE", "UBOB"});
        slack.set_real_name("UALICE", "Alice");
    }

    struct Run {
        std::optional<int> status;
        std::string output;
    };

    Run doctor() {
        const auto output = tmp.file("doctor-" + std::to_string(++runs) + ".txt");
        Run run;
        {
            ChildProcess process{COCBOT_BINARY, {"doctor"}, env, output};
            run.status = process.wait(std::chrono::seconds(30));
        }
        run.output = read_file(output);
        return run;
    }

    // The line of `check`, which must say FAIL and name `fix`.
    void fails(const Run& run, const std::string& check, const std::string& fix) {
        CHECK_MESSAGE(run.status == 1, run.output);
        const auto at = run.output.find("FAIL  " + check + ": ");
        REQUIRE_MESSAGE(at != std::string::npos, run.output);
        const auto line = run.output.substr(at, run.output.find('\n', at) - at);
        CHECK_MESSAGE(line.find(fix) != std::string::npos, line);
    }

    int runs = 0;
};

} // namespace

TEST_SUITE("e2e: cocbot doctor") {
    TEST_CASE_FIXTURE(Installation, "a sound installation passes every check and keeps nothing "
                                    "of the throw-away channel") {
        const auto run = doctor();
        CHECK_MESSAGE(run.status == 0, run.output);
        for (const auto* check : {"bot token", "scopes", "app-level token", "committee channel",
                                  "people", "private channels", "database"})
            CHECK_MESSAGE(run.output.find(std::string{"ok    "} + check + ": ") !=
                              std::string::npos,
                          check << "\n"
                                << run.output);
        CHECK(run.output.find("FAIL") == std::string::npos);
        CHECK(run.output.find("All checks passed.") != std::string::npos);
        // The channel it made is archived, with nobody left in it but cocbot.
        const auto archived = slack.archived_channels();
        REQUIRE(archived.size() == 1);
        CHECK(slack.channel_name(*archived.begin())->starts_with("coc-doctor-"));
        CHECK(slack.members(*archived.begin()) == std::set<std::string>{"UBOT"});
        CHECK(slack.calls("conversations.invite").size() == 1);
        CHECK(slack.calls("conversations.kick").size() == 1);
    }

    TEST_CASE_FIXTURE(Installation, "a refused bot token fails and says where the right one is") {
        slack.set_error("auth.test", "invalid_auth");
        const auto run = doctor();
        fails(run, "bot token", "SLACK_BOT_TOKEN (invalid_auth)");
        CHECK(run.output.find("skip  app-level token, committee channel, people, private "
                              "channels: they need a bot token Slack accepts") !=
              std::string::npos);
        CHECK(run.output.find("1 check failed.") != std::string::npos);
        CHECK(slack.calls("conversations.create").empty());
    }

    TEST_CASE_FIXTURE(Installation, "Slack failing is told apart from a token it refuses") {
        slack.fail_next("auth.test", 503, 2);
        fails(doctor(), "bot token", "Slack did not answer properly (http_503): try again");
    }

    TEST_CASE_FIXTURE(Installation, "missing scopes are named, with how to add them") {
        slack.set_scopes("commands,chat:write,users:read");
        fails(doctor(), "scopes", "lacks im:write, groups:write, groups:read");
    }

    TEST_CASE_FIXTURE(Installation, "in Socket Mode the app-level token is tried too") {
        cocbot::sim::FakeSocketMode socket{slack};
        env.erase("SLACK_SIGNING_SECRET");
        env["SLACK_APP_TOKEN"] = "xapp-doctor";
        const auto run = doctor();
        CHECK_MESSAGE(run.status == 0, run.output);
        CHECK(run.output.find("ok    app-level token: Socket Mode can connect") !=
              std::string::npos);
        CHECK(socket.opens_requested() == 1);
        CHECK(socket.connections_accepted() == 0); // a URL asked for, never used
    }

    TEST_CASE_FIXTURE(Installation, "in Socket Mode a refused app-level token fails") {
        cocbot::sim::FakeSocketMode socket{slack};
        env.erase("SLACK_SIGNING_SECRET");
        env["SLACK_APP_TOKEN"] = "xapp-doctor";
        socket.refuse_with("invalid_auth");
        fails(doctor(), "app-level token", "SLACK_APP_TOKEN (invalid_auth)");
    }

    TEST_CASE_FIXTURE(Installation, "cocbot outside the committee channel fails") {
        slack.add_channel("C0COMMITTEE", "coc-committee", {"UALICE", "UBOB"});
        fails(doctor(), "committee channel", "cocbot is not in C0COMMITTEE: invite it");
    }

    TEST_CASE_FIXTURE(Installation, "someone in the committee channel but not on the roster is "
                                    "named, and so is a member missing from it") {
        slack.add_channel("C0COMMITTEE", "coc-committee", {"UBOT", "UALICE", "UPAT"});
        slack.set_real_name("UPAT", "Pat");
        const auto run = doctor();
        fails(run, "committee channel", "Pat (UPAT) in C0COMMITTEE but not on the roster");
        CHECK(run.output.find("User UBOB (UBOB) on the roster but not in C0COMMITTEE") !=
              std::string::npos);
    }

    TEST_CASE_FIXTURE(Installation, "a roster member or HR contact Slack does not have fails") {
        slack.remove_user("UBOB", FakeSlack::Gone::deactivated);
        slack.remove_user("UHARPER", FakeSlack::Gone::unknown);
        const auto run = doctor();
        fails(run, "people", "committee.members names UBOB, whose account is deactivated");
        fails(run, "people",
              "committee.hr names UHARPER, whom Slack does not know (user_not_found)");
    }

    TEST_CASE_FIXTURE(Installation, "a workspace that will not let cocbot make a channel fails") {
        slack.set_error("conversations.create", "restricted_action");
        fails(doctor(), "private channels", "cannot make a private channel (restricted_action)");
    }

    TEST_CASE_FIXTURE(Installation, "a member who cannot be removed fails, and the channel is "
                                    "still archived") {
        slack.set_error("conversations.kick", "cant_kick_self");
        fails(doctor(), "private channels", "could not remove UALICE (cant_kick_self)");
        CHECK(slack.archived_channels().size() == 1);
    }

    TEST_CASE_FIXTURE(Installation, "an archive refused leaves the channel named for a person") {
        slack.set_error("conversations.archive", "restricted_action");
        const auto run = doctor();
        fails(run, "private channels",
              "could not archive it (restricted_action); archive #coc-doctor-");
    }

    TEST_CASE_FIXTURE(Installation, "a database written by an older or a newer cocbot fails") {
        {
            SQLite::Database db{tmp.private_file("cocbot.db"), SQLite::OPEN_READWRITE};
            cocbot::storage::migrate_to(db, cocbot::storage::latest_schema_version() - 1);
        }
        fails(doctor(), "database", "start cocbot serve once, which migrates it first");
        {
            SQLite::Database db{env["COCBOT_STORAGE_PATH"], SQLite::OPEN_READWRITE};
            db.exec("PRAGMA user_version = " +
                    std::to_string(cocbot::storage::latest_schema_version() + 1));
        }
        fails(doctor(), "database", "was written by a newer cocbot");
    }

    TEST_CASE_FIXTURE(Installation, "a database file others may read fails, with the chmod") {
        { cocbot::storage::Database db{env["COCBOT_STORAGE_PATH"]}; }
        REQUIRE(::chmod(env["COCBOT_STORAGE_PATH"].c_str(), 0604) == 0);
        fails(doctor(), "database", "run chmod 600 " + env["COCBOT_STORAGE_PATH"]);
    }

    TEST_CASE_FIXTURE(Installation, "a sealed database is opened with the data key, or fails "
                                    "saying the key is another's") {
        const auto key = cocbot::storage::to_base64(cocbot::storage::random_key());
        {
            cocbot::storage::Database db{env["COCBOT_STORAGE_PATH"],
                                         cocbot::storage::KeySource{key, ""}};
        }
        env["COCBOT_DATA_KEY"] = key;
        const auto run = doctor();
        CHECK_MESSAGE(run.status == 0, run.output);
        CHECK(run.output.find("the data key opens it") != std::string::npos);
        env["COCBOT_DATA_KEY"] = cocbot::storage::to_base64(cocbot::storage::random_key());
        fails(doctor(), "database", "the key does not open");
        env.erase("COCBOT_DATA_KEY");
        fails(doctor(), "database",
              "its key file " + env["COCBOT_STORAGE_PATH"] + ".key is missing");
    }

    TEST_CASE_FIXTURE(Installation, "a current database passes, and is not changed") {
        { cocbot::storage::Database db{env["COCBOT_STORAGE_PATH"]}; }
        const auto before = read_file(env["COCBOT_STORAGE_PATH"]);
        const auto run = doctor();
        CHECK_MESSAGE(run.status == 0, run.output);
        CHECK(run.output.find("is writable and its schema is current") != std::string::npos);
        CHECK(read_file(env["COCBOT_STORAGE_PATH"]) == before);
    }
}
