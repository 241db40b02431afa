// File: tests/app/governance_test.cpp
// The committee's own motions, check-ins and off-boardings over an in-memory database, with the
// executor played by the test: what each step queues, for whom, and in which order.
#include "bot/app/governance.hpp"
#include "bot/app/roster_sync.hpp"
#include "bot/app/workflow.hpp"
#include "core/overloaded.hpp"
#include "storage/outbox.hpp"
#include "storage/roster.hpp"

#include <chrono>
#include <doctest/doctest.h>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14
const core::UserId alice{"UALICE"}, bob{"UBOB"}, carol{"UCAROL"}, dan{"UDAN"}, erin{"UERIN"};
const core::ChannelId committee_channel{"C0COMMITTEE"};

app::CommitteeRoster roster_of(const std::vector<core::UserId>& members) {
    core::Committee committee;
    committee.channel = committee_channel;
    committee.members = members;
    app::CommitteeRoster roster{committee};
    roster.set_channel_members(members);
    roster.names_learned();
    return roster;
}

struct Committee {
    storage::Database db{":memory:"};
    app::CommitteeRoster roster;
    app::Workflow workflow{db, roster};
    app::RosterSync sync{db, workflow, roster};
    app::Governance governance;
    int posted = 0;

    explicit Committee(const std::vector<core::UserId>& members)
        : roster(roster_of(members)),
          governance(db, roster, sync, {{alice, 15min}, {182 * 24h, 14 * 24h}}, {}) {
        sync.reconcile(members, t0);
    }

    // Plays the executor: every effect due is done, a remembered post is given a place, and
    // each is reported to the governance records. Returns what ran.
    std::vector<core::Effect> drain(core::Time now) {
        storage::Outbox outbox{db};
        std::vector<core::Effect> ran;
        while (auto pending = outbox.next_due(now + 24h)) {
            std::optional<core::MessageRef> where;
            if (const auto* post = std::get_if<core::Post>(&pending->effect);
                post && post->remember)
                where = core::MessageRef{core::ChannelId{"D" + post->to_user.value},
                                         std::to_string(++posted)};
            outbox.mark_done(pending->id, "{}");
            if (!pending->incident)
                governance.settled({pending->effect, where, std::nullopt}, now);
            ran.push_back(pending->effect);
        }
        return ran;
    }

    std::int64_t propose_removal(const core::UserId& subject) {
        const auto said = governance.votes().propose(
            {core::CommitteeMotionKind::removal, subject, alice, "the reason", ""}, t0);
        CHECK(said.find("Your proposal is open") != std::string::npos);
        return *storage::CommitteeMotions{db}.open_about(subject);
    }
};

std::vector<core::UserId> posted_to(const std::vector<core::Effect>& effects) {
    std::vector<core::UserId> users;
    for (const auto& effect : effects)
        if (const auto* post = std::get_if<core::Post>(&effect); post && !post->to_user.empty())
            users.push_back(post->to_user);
    return users;
}

template <typename Message>
int count_of(const std::vector<core::Effect>& effects) {
    int found = 0;
    for (const auto& effect : effects)
        if (const auto* post = std::get_if<core::Post>(&effect))
            found += std::holds_alternative<Message>(post->message) ? 1 : 0;
    return found;
}

} // namespace

TEST_SUITE("app governance") {

    TEST_CASE("a ballot Slack will not deliver is told to the other voters, never the subject") {
        Committee c{{alice, bob, carol, dan, erin}};
        c.propose_removal(erin);
        // The alerts are queued as the refusal is settled, and played in the same loop.
        std::vector<core::UserId> alerted;
        storage::Outbox outbox{c.db};
        while (auto pending = outbox.next_due(t0 + 24h)) {
            outbox.mark_done(pending->id, "{}");
            const auto* post = std::get_if<core::Post>(&pending->effect);
            const auto* notice = post ? std::get_if<core::Notice>(&post->message) : nullptr;
            if (notice) {
                CHECK(core::mentions_user(notice->text, bob));
                alerted.push_back(post->to_user);
            }
            const bool refuse = post && post->to_user == bob;
            c.governance.settled(
                {pending->effect, std::nullopt,
                 refuse ? std::optional<std::string>{"cannot_dm_bot"} : std::nullopt},
                t0);
        }
        CHECK(alerted == std::vector<core::UserId>{alice, carol, dan});
    }

    TEST_CASE("a removal's subject gets no ballot and no result, and is told only at the end") {
        Committee c{{alice, bob, carol, dan, erin}};
        const auto motion = c.propose_removal(erin);
        auto ran = c.drain(t0);
        CHECK(count_of<core::CommitteeBallot>(ran) == 4);
        CHECK_FALSE(core::contains(posted_to(ran), erin));

        CHECK(c.governance.votes().vote(motion, erin, true, t0).find("not yours") !=
              std::string::npos);
        for (const auto& voter : {alice, bob})
            c.governance.votes().vote(motion, voter, true, t0);
        CHECK(c.roster.committee().is_member(erin));
        c.governance.votes().vote(motion, carol, true, t0);
        CHECK_FALSE(c.roster.committee().is_member(erin));
        CHECK(c.governance.votes().vote(motion, dan, false, t0).find("already decided") !=
              std::string::npos);

        // Slack refuses the committee channel: everyone else is alerted, Erin is not told.
        storage::Outbox outbox{c.db};
        std::vector<core::Effect> ran_now;
        while (auto pending = outbox.next_due(t0 + 24h)) {
            outbox.mark_done(pending->id, "{}");
            const auto* remove = std::get_if<core::Remove>(&pending->effect);
            const bool refuse =
                remove && !pending->incident && remove->channel == committee_channel;
            c.governance.settled(
                {pending->effect, std::nullopt,
                 refuse ? std::optional<std::string>{"restricted_action"} : std::nullopt},
                t0);
            ran_now.push_back(pending->effect);
        }
        ran = c.drain(t0);
        ran.insert(ran.begin(), ran_now.begin(), ran_now.end());
        CHECK_FALSE(core::contains(posted_to(ran), erin));
        CHECK(count_of<core::Notice>(ran) >= 4); // the result to each voter, then the alert
        CHECK(count_of<core::OffboardChecklist>(ran) == 0);

        // Tried again after the retry period: it succeeds, and the checklist goes to the chair.
        c.governance.run(t0 + 16min);
        ran = c.drain(t0 + 16min);
        REQUIRE(count_of<core::OffboardChecklist>(ran) == 1);
        CHECK(posted_to(ran) == std::vector<core::UserId>{alice});

        const core::MessageRef checklist{core::ChannelId{"DUALICE"}, std::to_string(c.posted)};
        const auto items = core::offboard_checklist();
        for (std::size_t i = 0; i < items.size(); ++i) {
            CHECK(c.governance.offboarding().tick(checklist, std::string{items[i].id}, bob,
                                                  t0 + 1h) == "Recorded.");
            ran = c.drain(t0 + 1h);
            CHECK(count_of<core::Farewell>(ran) == (i + 1 == items.size() ? 1 : 0));
        }
        CHECK(posted_to(ran) == std::vector<core::UserId>{erin});
        CHECK(c.governance.offboarding().tick(checklist, "mailing_lists", bob, t0 + 2h) ==
              "This checklist is no longer open.");
    }

    TEST_CASE("a member stepping down withdraws their ballot, and the vote is recounted") {
        // Four members: removing Dan needs 3. Alice and Bob vote remove; Carol steps down, and
        // two of the three left is a majority of all of them.
        Committee c{{alice, bob, carol, dan}};
        const auto motion = c.propose_removal(dan);
        c.drain(t0);
        c.governance.votes().vote(motion, alice, true, t0);
        c.governance.votes().vote(motion, bob, true, t0);
        CHECK(storage::CommitteeMotions{c.db}.find(motion)->open());

        c.governance.run(t0 + 183 * 24h); // everyone is asked whether to continue
        auto ran = c.drain(t0 + 183 * 24h);
        CHECK(count_of<core::CheckInPrompt>(ran) == 4);
        CHECK(c.governance.check_ins().answer(carol, false, t0 + 184 * 24h).find("begun") !=
              std::string::npos);
        CHECK(storage::CommitteeMotions{c.db}.find(motion)->result == core::MotionResult::passed);
        CHECK(storage::Roster{c.db}.members() == std::vector<core::UserId>{alice, bob});
        ran = c.drain(t0 + 184 * 24h);
        bool carol_withdrawn = false;
        for (const auto& effect : ran)
            if (const auto* update = std::get_if<core::Update>(&effect))
                if (const auto* ballot = std::get_if<core::CommitteeBallot>(&update->message))
                    carol_withdrawn =
                        carol_withdrawn ||
                        (ballot->withdrawn && update->target.channel.value == "DUCAROL");
        CHECK(carol_withdrawn);
    }

    TEST_CASE("a check-in is asked once a period, and an unanswered one reported once") {
        Committee c{{alice, bob, carol}};
        c.governance.run(t0 + 181 * 24h);
        CHECK(c.drain(t0).empty());
        c.governance.run(t0 + 182 * 24h);
        c.governance.run(t0 + 182 * 24h + 1h);
        CHECK(count_of<core::CheckInPrompt>(c.drain(t0 + 182 * 24h)) == 3);
        CHECK(c.governance.check_ins().answer(alice, true, t0 + 183 * 24h).find("Thank you") !=
              std::string::npos);
        CHECK(c.governance.check_ins().answer(alice, true, t0 + 183 * 24h).find("already") !=
              std::string::npos);
        c.drain(t0 + 183 * 24h);
        c.governance.run(t0 + 196 * 24h);
        c.governance.run(t0 + 197 * 24h);
        const auto ran = c.drain(t0 + 197 * 24h);
        CHECK(count_of<core::Notice>(ran) == 2); // Bob and Carol, once each; Alice answered
        CHECK(c.governance.roster_text().find("last checked in") != std::string::npos);
    }

    TEST_CASE("proposals the plan does not allow are refused with a reason") {
        Committee c{{alice, bob}};
        auto& votes = c.governance.votes();
        using K = core::CommitteeMotionKind;
        CHECK(votes.refusal(K::removal, alice, bob)->find("at least three") != std::string::npos);
        CHECK(votes.refusal(K::removal, erin, bob)->find("Only the committee") !=
              std::string::npos);
        CHECK(votes.refusal(K::removal, alice, alice)->find("own removal") != std::string::npos);
        CHECK(votes.refusal(K::removal, alice, erin)->find("not on the committee") !=
              std::string::npos);
        CHECK(votes.refusal(K::admission, alice, bob)->find("already on") != std::string::npos);
        CHECK_FALSE(votes.refusal(K::admission, alice, erin));
        votes.propose({K::admission, erin, alice, {}, {}}, t0);
        CHECK(votes.refusal(K::admission, bob, erin)->find("already open") != std::string::npos);
    }

    TEST_CASE("an admission by a majority of all members adds them and invites them") {
        Committee c{{alice, bob, carol}};
        c.governance.votes().propose({core::CommitteeMotionKind::admission, erin, alice, {}, {}},
                                     t0);
        const auto motion = *storage::CommitteeMotions{c.db}.open_about(erin);
        CHECK(count_of<core::CommitteeBallot>(c.drain(t0)) == 3);
        c.governance.votes().vote(motion, alice, true, t0);
        c.governance.votes().vote(motion, bob, true, t0);
        CHECK(c.roster.committee().is_member(erin));
        bool invited = false;
        for (const auto& effect : c.drain(t0))
            if (const auto* invite = std::get_if<core::Invite>(&effect))
                invited = invite->user == erin && invite->channel == committee_channel;
        CHECK(invited);
    }
}
