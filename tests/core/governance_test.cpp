// File: tests/core/governance_test.cpp
// The committee's own motions, check-in and off-boarding order, as the plan sets them out.
#include "core/governance.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace cocbot::core;

namespace {

std::vector<UserId> committee_of(int size) {
    std::vector<UserId> members;
    for (int i = 0; i < size; ++i)
        members.push_back(UserId{"U" + std::to_string(i)});
    return members;
}

// A removal of the last member of `members`.
CommitteeMotion removal_of_last(const std::vector<UserId>& members) {
    return CommitteeMotion{1, CommitteeMotionKind::removal, members.back(), members.front(), {},
                           {}};
}

void vote(CommitteeMotion& motion, const std::vector<UserId>& members, int from, int to,
          bool remove) {
    for (int i = from; i < to; ++i)
        motion.ballots[members[static_cast<std::size_t>(i)]] = remove;
}

} // namespace

TEST_CASE("a removal passes with a simple majority of all members, the subject counted") {
    for (int size = 3; size <= 9; ++size) {
        CAPTURE(size);
        const auto members = committee_of(size);
        auto motion = removal_of_last(members);
        const int needed = size / 2 + 1;
        vote(motion, members, 0, needed - 1, true);
        CHECK(count(motion, members).result == MotionResult::open);
        CHECK(count(motion, members).needed == needed);
        CHECK(count(motion, members).voters == size - 1);
        vote(motion, members, needed - 1, needed, true);
        CHECK(count(motion, members).result == MotionResult::passed);
    }
}

TEST_CASE("members who do not vote count against a removal") {
    // Five members, E the subject: three of the five must vote remove, whatever the others do.
    const auto members = committee_of(5);
    auto motion = removal_of_last(members);
    vote(motion, members, 0, 2, true);
    const auto tally = count(motion, members);
    CHECK(tally.yes == 2);
    CHECK(tally.result == MotionResult::open); // 2 of 2 votes cast, but not 3 of 5 members
}

TEST_CASE("a removal fails as soon as a majority of all members is out of reach") {
    for (int size = 3; size <= 9; ++size) {
        CAPTURE(size);
        const auto members = committee_of(size);
        auto motion = removal_of_last(members);
        const int needed = size / 2 + 1;
        const int voters = size - 1;
        const int keep_to_fail = voters - needed + 1;
        vote(motion, members, 0, keep_to_fail - 1, false);
        CHECK(count(motion, members).result == MotionResult::open);
        vote(motion, members, keep_to_fail - 1, keep_to_fail, false);
        CHECK(count(motion, members).result == MotionResult::rejected);
    }
}

TEST_CASE("the subject of a removal cannot vote on it") {
    const auto members = committee_of(3);
    auto motion = removal_of_last(members);
    motion.ballots[members.back()] = false;
    motion.ballots[members.front()] = true;
    CHECK_FALSE(may_vote(motion, members, members.back()));
    const auto tally = count(motion, members);
    CHECK(tally.no == 0);
    CHECK(tally.yes == 1);
    CHECK(tally.result == MotionResult::open);
}

TEST_CASE("a changed ballot counts only as its latest vote") {
    const auto members = committee_of(5);
    auto motion = removal_of_last(members);
    vote(motion, members, 0, 2, false);
    CHECK(count(motion, members).no == 2);
    motion.ballots[members[0]] = true;
    const auto tally = count(motion, members);
    CHECK(tally.no == 1);
    CHECK(tally.yes == 1);
}

TEST_CASE("ballots of people off the roster do not count") {
    const auto members = committee_of(4);
    auto motion = removal_of_last(members);
    motion.ballots[UserId{"Ustranger"}] = true;
    CHECK(count(motion, members).yes == 0);
    CHECK_FALSE(may_vote(motion, members, UserId{"Ustranger"}));
}

TEST_CASE("an admission needs a majority of all members, the candidate not among them") {
    const auto members = committee_of(4);
    CommitteeMotion motion{2, CommitteeMotionKind::admission, UserId{"Unew"}, members[0], {}, {}};
    vote(motion, members, 0, 2, true);
    CHECK(count(motion, members).result == MotionResult::open);
    vote(motion, members, 2, 3, true);
    CHECK(count(motion, members).voters == 4);
    CHECK(count(motion, members).result == MotionResult::passed);
}

TEST_CASE("a member is asked to check in a review period after joining or answering") {
    const Time joined = from_unix_seconds(1'000'000);
    const Duration review = std::chrono::days{182};
    CHECK(check_in_due(joined, review) == joined + review);
    CHECK_FALSE(check_in_overdue(joined, std::chrono::days{14}, joined + std::chrono::days{13}));
    CHECK(check_in_overdue(joined, std::chrono::days{14}, joined + std::chrono::days{14}));
}

TEST_CASE("nobody is told before every removal succeeded and every line was ticked") {
    OffboardProgress progress{2, false, false, 5, false};
    CHECK(next_step(progress) == OffboardStep::revoke);
    progress.channels_pending = 0;
    progress.refused = true;
    CHECK(next_step(progress) == OffboardStep::revoke);
    progress.refused = false;
    CHECK(next_step(progress) == OffboardStep::checklist);
    progress.checklist_posted = true;
    for (; progress.items_pending > 0; --progress.items_pending)
        CHECK(next_step(progress) == OffboardStep::wait);
    CHECK(next_step(progress) == OffboardStep::tell);
    progress.told = true;
    CHECK(next_step(progress) == OffboardStep::done);
}

TEST_CASE("the off-boarding checklist holds the plan's resources outside Slack") {
    CHECK(offboard_checklist().size() == 5);
    CHECK(is_checklist_item("mailing_lists"));
    CHECK(is_checklist_item("registration_data"));
    CHECK_FALSE(is_checklist_item("private_channels")); // revoked by cocbot itself
    CHECK(committee_motion_kind_from_string(to_string(CommitteeMotionKind::admission)) ==
          CommitteeMotionKind::admission);
    CHECK(offboard_cause_from_string("resigned") == OffboardCause::resigned);
    CHECK_FALSE(offboard_cause_from_string("fired"));
}
