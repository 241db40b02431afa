// File: tests/core/motion_test.cpp
// Counting a motion: simple majorities of electorates of every small size, ties, outsiders.
#include "core/motion.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;

namespace {

std::vector<UserId> electorate_of(int size) {
    std::vector<UserId> voters;
    for (int i = 0; i < size; ++i)
        voters.push_back(UserId{"U" + std::to_string(i)});
    return voters;
}

Motion with_ballots(const std::vector<UserId>& yes, const std::vector<UserId>& no) {
    Motion motion;
    motion.number = 1;
    for (const auto& voter : yes)
        motion.ballots[voter] = true;
    for (const auto& voter : no)
        motion.ballots[voter] = false;
    return motion;
}

std::vector<UserId> first(const std::vector<UserId>& voters, int n) {
    return {voters.begin(), voters.begin() + n};
}

std::vector<UserId> last(const std::vector<UserId>& voters, int n) {
    return {voters.end() - n, voters.end()};
}

} // namespace

TEST_SUITE("motion: counting") {
    TEST_CASE("a simple majority of 1 to 7 members is 1, 2, 2, 3, 3, 4, 4") {
        const int needed[] = {1, 2, 2, 3, 3, 4, 4};
        for (int size = 1; size <= 7; ++size) {
            CAPTURE(size);
            CHECK(majority_of(size) == needed[size - 1]);
            const auto tally = count(Motion{}, electorate_of(size));
            CHECK(tally.electorate == size);
            CHECK(tally.needed == needed[size - 1]);
            CHECK(tally.result == MotionResult::open);
        }
    }

    TEST_CASE("a motion passes as soon as a majority of the electorate votes yes") {
        for (int size = 1; size <= 7; ++size) {
            const auto voters = electorate_of(size);
            for (int yes = 0; yes <= size; ++yes) {
                CAPTURE(size);
                CAPTURE(yes);
                const auto tally = count(with_ballots(first(voters, yes), {}), voters);
                CHECK(static_cast<int>(tally.yes.size()) == yes);
                CHECK(tally.result ==
                      (yes >= majority_of(size) ? MotionResult::passed : MotionResult::open));
            }
        }
    }

    TEST_CASE("a motion is rejected as soon as a majority of the electorate votes no") {
        for (int size = 1; size <= 7; ++size) {
            const auto voters = electorate_of(size);
            for (int no = 0; no <= size; ++no) {
                CAPTURE(size);
                CAPTURE(no);
                const auto tally = count(with_ballots({}, first(voters, no)), voters);
                CHECK(static_cast<int>(tally.no.size()) == no);
                CHECK(tally.result ==
                      (no >= majority_of(size) ? MotionResult::rejected : MotionResult::open));
            }
        }
    }

    TEST_CASE("a majority decides whatever the minority voted") {
        for (int size = 1; size <= 7; ++size) {
            CAPTURE(size);
            const auto voters = electorate_of(size);
            const int majority = majority_of(size);
            const int minority = size - majority;
            CHECK(count(with_ballots(first(voters, majority), last(voters, minority)), voters)
                      .result == MotionResult::passed);
            CHECK(count(with_ballots(last(voters, minority), first(voters, majority)), voters)
                      .result == MotionResult::rejected);
        }
    }

    TEST_CASE("ties stay open") {
        for (int size : {2, 4, 6}) {
            CAPTURE(size);
            const auto voters = electorate_of(size);
            const auto tally =
                count(with_ballots(first(voters, size / 2), last(voters, size / 2)), voters);
            CHECK(tally.result == MotionResult::open);
            CHECK(static_cast<int>(tally.yes.size()) == size / 2);
            CHECK(static_cast<int>(tally.no.size()) == size / 2);
        }
    }

    TEST_CASE("a short count stays open: 2 yes and 2 no of 5") {
        const auto voters = electorate_of(5);
        CHECK(count(with_ballots(first(voters, 2), {voters[2], voters[3]}), voters).result ==
              MotionResult::open);
    }

    TEST_CASE("ballots from outside the electorate are not counted") {
        const auto voters = electorate_of(3);
        const UserId recused{"URECUSED"}, away{"UAWAY"};
        const auto tally = count(with_ballots({voters[0], recused, away}, {}), voters);
        CHECK(tally.yes == std::vector<UserId>{voters[0]});
        CHECK(tally.result == MotionResult::open);
        CHECK(count(with_ballots({recused, away}, {}), {}).result == MotionResult::open);
    }

    TEST_CASE("an empty electorate decides nothing") {
        const auto tally = count(Motion{}, {});
        CHECK(tally.electorate == 0);
        CHECK(tally.result == MotionResult::open);
    }

    TEST_CASE("the tally lists voters in the electorate's order, not the order of ballots") {
        const auto voters = electorate_of(4);
        const auto tally = count(with_ballots({voters[3], voters[0]}, {voters[2]}), voters);
        CHECK(tally.yes == std::vector<UserId>{voters[0], voters[3]});
        CHECK(tally.no == std::vector<UserId>{voters[2]});
    }

    TEST_CASE("a decided motion keeps its result whatever the electorate becomes") {
        const auto voters = electorate_of(3);
        auto motion = with_ballots(first(voters, 2), {});
        motion.result = MotionResult::passed;
        const auto tally = count(motion, electorate_of(7));
        CHECK(tally.result == MotionResult::passed);
        CHECK(tally.electorate == 7);
        CHECK_FALSE(motion.open());
    }

    TEST_CASE("kinds and results have stable names") {
        for (auto kind : {MotionKind::violation, MotionKind::plan, MotionKind::consequences,
                          MotionKind::refusal, MotionKind::custom, MotionKind::activate_escrow,
                          MotionKind::reopen})
            CHECK(motion_kind_from_string(to_string(kind)) == kind);
        CHECK_FALSE(motion_kind_from_string("impeach").has_value());
        CHECK(to_string(MotionResult::open) == "open");
        CHECK(to_string(MotionResult::passed) == "passed");
        CHECK(to_string(MotionResult::rejected) == "rejected");
    }
}
