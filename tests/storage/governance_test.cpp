// File: tests/storage/governance_test.cpp
// The committee's own records: a roster the committee changed is not undone by the
// configuration, motions with sealed reasons and one ballot per voter, check-ins, and
// off-boardings step by step.
#include "storage/check_ins.hpp"
#include "storage/committee_motions.hpp"
#include "storage/database.hpp"
#include "storage/offboardings.hpp"
#include "storage/roster.hpp"
#include "storage/write_scope.hpp"
#include "tests/storage/keys.hpp"
#include "tests/storage/temp_dir.hpp"

#include <chrono>
#include <doctest/doctest.h>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14
const core::UserId alice{"UALICE"}, bob{"UBOB"}, carol{"UCAROL"}, dan{"UDAN"};

std::int64_t removal_of(storage::Database& db, const core::UserId& subject,
                        std::string_view reason = "They shared a report outside the committee.") {
    storage::WriteScope scope{db};
    const auto id = storage::CommitteeMotions{db}.create(
        {core::CommitteeMotionKind::removal, subject, alice, reason, "Goodbye."}, {alice, bob}, t0);
    scope.commit();
    return id;
}

} // namespace

TEST_SUITE("storage governance") {

    TEST_CASE("a member the committee removed stays removed while the configuration names them") {
        storage::Database db(":memory:");
        storage::Roster roster(db);
        roster.reconcile({alice, bob, carol}, t0);
        {
            storage::WriteScope scope{db};
            CHECK(roster.remove(carol, t0 + 1h));
            CHECK_FALSE(roster.remove(carol, t0 + 1h)); // nothing left to change
            scope.commit();
        }
        CHECK(roster.reconcile({alice, bob, carol}, t0 + 2h).empty());
        CHECK(roster.members() == std::vector<core::UserId>{alice, bob});
        // A change to the list itself still applies.
        const auto changes = roster.reconcile({alice, dan}, t0 + 3h);
        REQUIRE(changes.size() == 2);
        CHECK(changes[0].user == bob);
        CHECK(changes[1].user == dan);
        CHECK(roster.members() == std::vector<core::UserId>{alice, dan});
    }

    TEST_CASE("a motion holds one ballot per voter and counts only the latest vote") {
        storage::Database db(":memory:");
        const auto id = removal_of(db, carol);
        storage::CommitteeMotions motions{db};
        CHECK(motions.open_about(carol) == id);
        CHECK_FALSE(motions.open_about(bob));
        motions.cast(id, bob, true);
        motions.cast(id, bob, false);
        motions.cast(id, carol, true); // no ballot of theirs: nothing changes
        const auto motion = motions.find(id);
        REQUIRE(motion);
        CHECK(motion->ballots == std::map<core::UserId, bool>{{bob, false}});
        motions.record_message(id, alice, {core::ChannelId{"D1"}, "1.1"});
        const auto rows = motions.ballots(id);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].voter == alice);
        CHECK(rows[0].message == core::MessageRef{core::ChannelId{"D1"}, "1.1"});
        motions.drop_ballot(id, alice);
        CHECK(motions.ballots(id).size() == 1);
        motions.decide(id, core::MotionResult::rejected, t0 + 1h);
        CHECK(motions.find(id)->result == core::MotionResult::rejected);
        CHECK(motions.open_ids().empty());
        CHECK_FALSE(motions.open_about(carol));
    }

    TEST_CASE("a motion's reason and message are sealed in the file and open with the key") {
        storage::testing::TempDir dir;
        const auto path = dir.file("cocbot.db");
        const std::string reason = "Shared the Zanzibar report with the speaker";
        std::int64_t id = 0;
        {
            storage::Database db(path, storage::testing::key_file_in(dir));
            id = removal_of(db, carol, reason);
            CHECK(storage::CommitteeMotions{db}.reason(id) == reason);
            CHECK(storage::CommitteeMotions{db}.farewell(id) == "Goodbye.");
            const auto stored =
                db.sql().execAndGet("SELECT reason FROM committee_motions").getString();
            CHECK(stored.find("Zanzibar") == std::string::npos);
        }
        storage::Database reopened(path, storage::testing::key_file_in(dir));
        CHECK(storage::CommitteeMotions{reopened}.reason(id) == reason);
        CHECK_FALSE(storage::CommitteeMotions{reopened}.reason(id + 1));
    }

    TEST_CASE("a check-in is due from joining, and an answer starts the period again") {
        storage::Database db(":memory:");
        storage::Roster{db}.reconcile({alice, bob}, t0);
        storage::CheckIns check_ins{db};
        auto rows = check_ins.of_members();
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].since == t0);
        CHECK_FALSE(rows[0].asked_at);
        check_ins.asked(alice, t0 + 182 * 24h);
        check_ins.record_message(alice, {core::ChannelId{"D1"}, "9.9"});
        auto asked = check_ins.of(alice);
        REQUIRE(asked);
        CHECK(asked->asked_at == t0 + 182 * 24h);
        CHECK(asked->message);
        check_ins.overdue_told(alice);
        CHECK(check_ins.of(alice)->overdue_told);
        check_ins.answered(alice, t0 + 183 * 24h);
        const auto answered = check_ins.of(alice);
        CHECK(answered->since == t0 + 183 * 24h);
        CHECK(answered->answered_at == t0 + 183 * 24h);
        CHECK_FALSE(answered->asked_at);
        CHECK_FALSE(answered->message);
        CHECK_FALSE(answered->overdue_told);
        CHECK_FALSE(check_ins.of(carol)); // not on the roster
    }

    TEST_CASE("an off-boarding moves on only when every channel is left and every line ticked") {
        storage::Database db(":memory:");
        storage::Offboardings stored{db};
        storage::Offboarding row;
        row.member = carol;
        row.cause = core::OffboardCause::removed;
        row.by = alice;
        const core::ChannelId committee{"CCOMMITTEE"}, incident{"CINCIDENT"};
        const auto id = stored.start(row, {committee, incident}, t0);
        CHECK(stored.under_way(carol) == id);
        CHECK(stored.progress(id).channels_pending == 2);
        stored.revoked(id, committee);
        stored.refused(id, incident, "restricted_action", t0 + 1min);
        auto progress = stored.progress(id);
        CHECK(progress.channels_pending == 0);
        CHECK(progress.refused);
        CHECK(core::next_step(progress) == core::OffboardStep::revoke);
        stored.retrying(id, incident, t0 + 20min);
        CHECK(stored.channels(id)[1].error == "restricted_action"); // kept: told once
        stored.revoked(id, incident);
        CHECK(core::next_step(stored.progress(id)) == core::OffboardStep::checklist);
        stored.checklist_queued(id, t0 + 21min);
        stored.record_checklist(id, {core::ChannelId{"D2"}, "5.5"});
        CHECK(stored.by_checklist({core::ChannelId{"D2"}, "5.5"}) == id);
        for (const auto& item : core::offboard_checklist()) {
            CHECK(core::next_step(stored.progress(id)) == core::OffboardStep::wait);
            CHECK(stored.tick(id, std::string{item.id}, bob, t0 + 1h));
            CHECK_FALSE(stored.tick(id, std::string{item.id}, alice, t0 + 2h)); // first stands
        }
        CHECK(stored.ticks(id).front().by == bob);
        CHECK(core::next_step(stored.progress(id)) == core::OffboardStep::tell);
        stored.told(id, t0 + 3h);
        CHECK(core::next_step(stored.progress(id)) == core::OffboardStep::done);
        CHECK_FALSE(stored.under_way(carol));
        CHECK(stored.under_way().empty());
    }
}
