// File: tests/storage/outbox_text_test.cpp
// What the outbox keeps of what people wrote, and for how long: a queued report is a reference,
// a done effect keeps no text, and done effects go after a week.
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/support/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <chrono>
#include <doctest/doctest.h>
#include <string>
#include <variant>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14
const core::IncidentId id{"2026-001"};
const core::ChannelId channel{"G0INCIDENT"};

core::ReportDetails details() {
    core::ReportDetails d{id, t0, {}, core::UserId{"U0SUBMITTER"}};
    d.report.reported = {core::UserId{"U0REPORTED"}, "Sam Example"};
    d.report.description = "Repeated unwelcome comments";
    d.report.location = "Hall B";
    d.report.reporter_name = "Alex Reporter";
    d.report.reporter_contact = "alex@example.org";
    return d;
}

// Every payload in the outbox, read from the table itself.
std::string all_payloads(storage::Database& db) {
    std::string text;
    SQLite::Statement rows(db.sql(), "SELECT payload FROM outbox");
    while (rows.executeStep())
        text += rows.getColumn(0).getString() + "\n";
    return text;
}

using cocbot::testing::contains;

void enqueue(storage::Database& db, const core::Effect& effect, core::Time at) {
    storage::UnitOfWork work(db);
    work.enqueue(id, {effect}, at);
    work.commit();
}

// A row as cocbot wrote it before messages referenced their text: the whole report inline.
void insert_old_row(storage::Database& db) {
    SQLite::Statement insert(
        db.sql(), "INSERT INTO outbox (incident_id, type, payload, created_at, not_before) "
                  "VALUES ('2026-001', 'post', :payload, :at, :at)");
    insert.bind(":payload",
                R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"filed_at":1773446400,)"
                R"("incident":"2026-001","sensitive":{"report":{"description":"Repeated unwelcome )"
                R"(comments","flags":{"anonymous":false,"escrow":false,"immediate_danger":false,)"
                R"("involves_employee":false,"no_updates":false},"location":"Hall B","reported":)"
                R"({"name":"Sam Example","user":"U0REPORTED"},"reporter_contact":"alex@example.)"
                R"(org","reporter_name":"Alex Reporter","source":"slack"},"submitted_by":)"
                R"("U0SUBMITTER"},"type":"report_details"},"remember":false,"to_user":""})");
    insert.bind(":at", storage::unix_seconds(t0));
    insert.exec();
}

} // namespace

TEST_SUITE("storage outbox text") {

    TEST_CASE("a committee ballot's reason and a farewell's words are never queued") {
        storage::Database db(":memory:");
        const core::CommitteeBallot ballot{4,
                                           core::CommitteeMotionKind::removal,
                                           core::UserId{"U0ERIN"},
                                           core::UserId{"U0ALICE"},
                                           "Forwarded the Zanzibar thread",
                                           {}};
        enqueue(db, core::Post{{}, {}, core::UserId{"U0BOB"}, ballot, true}, t0);
        enqueue(db,
                core::Post{{},
                           {},
                           core::UserId{"U0ERIN"},
                           core::Farewell{2, core::OffboardCause::removed, "Zanzibar, sorry"},
                           false},
                t0);
        CHECK_FALSE(contains(all_payloads(db), "Zanzibar"));
        storage::Outbox outbox{db};
        const auto queued = outbox.next_due(t0);
        REQUIRE(queued);
        const auto& post = std::get<core::Post>(queued->effect);
        CHECK(std::get<core::CommitteeBallot>(post.message).reason.empty());
        CHECK(std::get<core::CommitteeBallot>(post.message).motion == 4);
    }

    TEST_CASE("a queued danger alert keeps where the reporter is and what they wear out of the "
              "outbox") {
        storage::Database db(":memory:");
        core::DangerAlert alert{id, "Hall B", {}, {}, "By the fountain", "A red scarf", true};
        enqueue(db, core::Post{id, {}, core::UserId{"U0BOB"}, alert, true}, t0);
        const auto payloads = all_payloads(db);
        CHECK_FALSE(contains(payloads, "fountain"));
        CHECK_FALSE(contains(payloads, "scarf"));
        const auto queued = storage::Outbox{db}.next_due(t0);
        REQUIRE(queued);
        const auto& shown =
            std::get<core::DangerAlert>(std::get<core::Post>(queued->effect).message);
        CHECK(shown.whereabouts.empty());
        CHECK(shown.wants_police);
    }

    TEST_CASE("a queued report is stored as its incident, without the report's text") {
        storage::Database db(":memory:");
        enqueue(db, core::Post{id, channel, {}, details(), false}, t0);

        const auto stored = all_payloads(db);
        for (const std::string text : {"Repeated unwelcome comments", "Hall B", "Alex Reporter",
                                       "alex@example.org", "U0SUBMITTER", "Sam Example"}) {
            CAPTURE(text);
            CHECK_FALSE(contains(stored, text));
        }
        CHECK(contains(stored, R"("incident":"2026-001")"));
        CHECK(contains(stored, R"("type":"report_details")"));
    }

    TEST_CASE(
        "a row queued with the report inline still decodes with it, and keeps none once done") {
        storage::Database db(":memory:");
        insert_old_row(db);
        storage::Outbox outbox(db);

        const auto due = outbox.next_due(t0);
        REQUIRE(due.has_value());
        const auto& post = std::get<core::Post>(due->effect);
        CHECK(std::get<core::ReportDetails>(post.message) == details());

        outbox.mark_done(due->id, "{}");
        CHECK(all_payloads(db) == "\n"); // a done effect keeps no payload at all
    }

    TEST_CASE("done effects queued over a week ago are pruned, and nothing else") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const core::Effect effect = core::Invite{id, channel, core::UserId{"U0MEMBER1"}};
        const auto old = t0 - 8 * 24h;
        enqueue(db, effect, old); // done, old: pruned
        enqueue(db, effect, old); // failed, old: kept for the operator
        enqueue(db, effect, t0);  // done, recent: kept
        for (int i = 0; i < 3; ++i) {
            const auto due = outbox.next_due(t0);
            REQUIRE(due.has_value());
            if (i == 1)
                outbox.mark_failed(due->id, "not_in_channel");
            else
                outbox.mark_done(due->id, "{}");
        }
        enqueue(db, effect, old); // pending, old: kept

        CHECK(outbox.prune_done_before(t0 - 7 * 24h) == 1);
        CHECK(outbox.count("done") == 1);
        CHECK(outbox.count("failed") == 1);
        CHECK(outbox.count("pending") == 1);
        CHECK(outbox.prune_done_before(t0 - 7 * 24h) == 0);
    }
}
