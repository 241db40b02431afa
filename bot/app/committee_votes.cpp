// File: bot/app/committee_votes.cpp
#include "bot/app/committee_votes.hpp"

#include "bot/slack/mrkdwn.hpp"
#include "storage/offboardings.hpp"
#include "storage/roster.hpp"

#include <algorithm>

namespace cocbot::app {

namespace {

bool removal(const core::CommitteeMotion& motion) {
    return motion.kind == core::CommitteeMotionKind::removal;
}

core::CommitteeBallot ballot_of(const core::CommitteeMotion& motion,
                                const core::CommitteeTally& tally, bool withdrawn = false) {
    return core::CommitteeBallot{motion.id, motion.kind, motion.subject, motion.proposer,
                                 {},        tally,       withdrawn};
}

core::Text result_text(const core::CommitteeMotion& motion, const core::CommitteeTally& tally) {
    const core::Text who = core::mention(motion.subject);
    const std::string count = " (" + std::to_string(tally.yes) + " of all " +
                              std::to_string(tally.members) + " members voted " +
                              (removal(motion) ? "remove" : "admit") + "; " +
                              std::to_string(tally.needed) + " were needed).";
    if (removal(motion))
        return tally.result == core::MotionResult::passed
                   ? "The committee voted to remove " + who + count +
                         " cocbot is revoking their access now; they are told only once it is "
                         "gone and the checklist is done."
                   : "The committee voted to keep " + who + count;
    return tally.result == core::MotionResult::passed
               ? "The committee voted to admit " + who + count +
                     " cocbot is adding them to the roster and the committee channel."
               : "The committee voted not to admit " + who + count;
}

} // namespace

CommitteeVotes::CommitteeVotes(storage::Database& database, CommitteeRoster& roster,
                               RosterSync& roster_sync, Offboarding& offboarding,
                               std::function<void()> committed)
    : database_(database), roster_(roster), roster_sync_(roster_sync), offboarding_(offboarding),
      committed_(std::move(committed)) {}

std::optional<std::string> CommitteeVotes::refusal(core::CommitteeMotionKind kind,
                                                   const core::UserId& proposer,
                                                   const core::UserId& subject) const {
    const auto& committee = roster_.committee();
    const std::string who = slack::user_link(subject);
    if (!committee.is_member(proposer))
        return "Only the committee's members can propose that.";
    if (subject.empty())
        return "Name the person with an @-mention, chosen from Slack's list.";
    // What the subject of a removal could ask about themself is answered first, so that no
    // answer of theirs ever tells them that a vote about them is open.
    if (subject == proposer)
        return kind == core::CommitteeMotionKind::removal
                   ? "You cannot propose your own removal. To step down, answer the six-monthly "
                     "check-in with Step down, or ask another member."
                   : "You are on the committee already.";
    const bool admission = kind == core::CommitteeMotionKind::admission;
    if (admission && committee.is_member(subject))
        return who + " is already on the committee.";
    if (!admission && !committee.is_member(subject))
        return who + " is not on the committee.";
    if (storage::CommitteeMotions{database_}.open_about(subject))
        return "A vote about " + who + " is already open.";
    if (storage::Offboardings{database_}.under_way(subject))
        return who + " is already leaving the committee.";
    if (!admission && committee.members.size() < 3)
        return "A removal needs a majority of all members without the subject's vote, so the "
               "committee needs at least three members.";
    return std::nullopt;
}

std::string CommitteeVotes::propose(const storage::NewCommitteeMotion& proposal, core::Time now) {
    if (auto refused = refusal(proposal.kind, proposal.proposer, proposal.subject))
        return *refused;
    const auto members = roster_.committee().members;
    std::vector<core::UserId> voters;
    std::copy_if(members.begin(), members.end(), std::back_inserter(voters),
                 [&](const core::UserId& member) { return member != proposal.subject; });
    storage::UnitOfWork work{database_};
    storage::CommitteeMotions motions{database_};
    const auto id = motions.create(proposal, voters, now);
    const auto motion = *motions.find(id);
    const auto tally = core::count(motion, members);
    std::vector<core::Effect> ballots;
    for (const auto& voter : voters)
        ballots.push_back(core::Post{{}, {}, voter, ballot_of(motion, tally), true});
    work.enqueue(std::nullopt, ballots, now);
    work.audit(now, proposal.proposer.value, "committee_motion_proposed", {},
               std::string{core::to_string(proposal.kind)} + " " + std::to_string(id));
    commit(work);
    return removal(motion)
               ? "Your proposal is open. Every member but " + slack::user_link(proposal.subject) +
                     " gets a private ballot by direct message, you too. They are not told."
               : "Your proposal is open. Every member gets a private ballot by direct message, "
                 "you too.";
}

std::string CommitteeVotes::vote(std::int64_t id, const core::UserId& voter, bool yes,
                                 core::Time now) {
    storage::UnitOfWork work{database_};
    storage::CommitteeMotions motions{database_};
    const auto motion = motions.find(id);
    const auto rows = motions.ballots(id);
    const bool has_ballot = std::any_of(
        rows.begin(), rows.end(), [&](const storage::BallotRow& r) { return r.voter == voter; });
    if (!motion || !has_ballot || !core::may_vote(*motion, roster_.committee().members, voter))
        return "This ballot is not yours to cast.";
    if (!motion->open())
        return "This vote is already decided.";
    motions.cast(id, voter, yes);
    work.audit(now, voter.value, "committee_ballot_cast", {}, std::to_string(id));
    settle(work, id, now);
    commit(work);
    carry_out(now);
    const bool remove = removal(*motion);
    return std::string{"Your ballot is recorded: "} +
           (yes ? (remove ? "remove" : "admit") : (remove ? "keep" : "do not admit")) +
           ". You can change it until the vote is decided.";
}

void CommitteeVotes::settle(storage::UnitOfWork& work, std::int64_t id, core::Time now) {
    storage::CommitteeMotions motions{database_};
    const auto motion = motions.find(id);
    // A recount can decide a motion part-way through another's: it is settled once.
    if (!motion || !motion->open())
        return;
    const auto tally = core::count(*motion, storage::Roster{database_}.members());
    std::vector<core::Effect> updates;
    for (const auto& row : motions.ballots(id))
        if (row.message)
            updates.push_back(core::Update{{}, *row.message, ballot_of(*motion, tally)});
    work.enqueue(std::nullopt, updates, now);
    if (tally.result != core::MotionResult::open)
        decided(work, *motion, tally, now);
}

void CommitteeVotes::decided(storage::UnitOfWork& work, const core::CommitteeMotion& motion,
                             const core::CommitteeTally& tally, core::Time now) {
    storage::CommitteeMotions motions{database_};
    motions.decide(motion.id, tally.result, now);
    // The result goes to the voters only: never to a removal's subject.
    std::vector<core::Effect> results;
    for (const auto& row : motions.ballots(motion.id))
        results.push_back(core::Post{{}, {}, row.voter, core::Notice{result_text(motion, tally)}});
    work.enqueue(std::nullopt, results, now);
    work.audit(now, "cocbot", "committee_motion_decided", {},
               std::to_string(motion.id) + " " + std::string{core::to_string(tally.result)});
    if (tally.result != core::MotionResult::passed)
        return;
    if (removal(motion)) {
        offboard(work, motion.subject, core::OffboardCause::removed, motion.proposer, motion.id,
                 now);
        return;
    }
    storage::Roster{database_}.add(motion.subject, now);
    work.enqueue(std::nullopt, {core::Invite{{}, roster_.committee().channel, motion.subject}},
                 now);
    give_ballots(work, motion.subject, now);
}

void CommitteeVotes::give_ballots(storage::UnitOfWork& work, const core::UserId& member,
                                  core::Time now) {
    // A new member counts among all members: they get a ballot on every open vote (but one
    // about themself), and each is counted again.
    storage::CommitteeMotions motions{database_};
    const auto members = storage::Roster{database_}.members();
    for (const auto id : motions.open_ids()) {
        auto motion = motions.find(id);
        if (!motion || motion->subject == member)
            continue;
        motions.add_ballot(id, member);
        work.enqueue(
            std::nullopt,
            {core::Post{{}, {}, member, ballot_of(*motion, core::count(*motion, members)), true}},
            now);
        settle(work, id, now);
    }
}

void CommitteeVotes::offboard(storage::UnitOfWork& work, const core::UserId& member,
                              core::OffboardCause cause, const core::UserId& by,
                              std::optional<std::int64_t> motion, core::Time now) {
    if (storage::Offboardings{database_}.under_way(member))
        return; // already leaving (a recount that decided a second removal, say)
    offboarding_.start(work, member, cause, by, motion, now);
    recount_open(work, member, now);
}

void CommitteeVotes::recount_open(storage::UnitOfWork& work, const core::UserId& leaving,
                                  core::Time now) {
    storage::CommitteeMotions motions{database_};
    for (const auto id : motions.open_ids()) {
        const auto motion = motions.find(id); // read again: an earlier recount may decide it
        if (!motion || !motion->open())
            continue;
        const bool about_them = motion->subject == leaving;
        std::vector<core::Effect> withdrawn;
        for (const auto& row : motions.ballots(id))
            if (about_them || row.voter == leaving) {
                if (row.message)
                    withdrawn.push_back(
                        core::Update{{}, *row.message, ballot_of(*motion, {}, true)});
                if (!about_them)
                    motions.drop_ballot(id, leaving);
            }
        work.enqueue(std::nullopt, withdrawn, now);
        if (about_them)
            motions.decide(id, core::MotionResult::lapsed, now);
        else
            settle(work, id, now);
    }
}

void CommitteeVotes::carry_out(core::Time now) {
    storage::Roster stored{database_};
    roster_.set_members(stored.members());
    roster_sync_.apply_removals(now);
    // A new member is asked about the open incidents once Slack has told cocbot their names,
    // so that one who is a reported person by name is never asked (see on_names_set).
    bool names_missing = false;
    for (const auto& change : stored.unapplied())
        if (change.added && !roster_.committee().names.contains(change.user)) {
            names_missing = true;
            roster_.want_names(change.user);
        }
    if (roster_.committee().names_known && !names_missing)
        roster_sync_.apply_additions(now);
}

void CommitteeVotes::ballot_posted(std::int64_t id, const core::UserId& voter,
                                   const core::CommitteeTally& shown, const core::MessageRef& where,
                                   core::Time now) {
    storage::UnitOfWork work{database_};
    storage::CommitteeMotions motions{database_};
    motions.record_message(id, voter, where);
    const auto motion = motions.find(id);
    const auto rows = motions.ballots(id);
    const bool still_voter = std::any_of(
        rows.begin(), rows.end(), [&](const storage::BallotRow& r) { return r.voter == voter; });
    const auto members = storage::Roster{database_}.members();
    if (motion && (!still_voter || motion->result == core::MotionResult::lapsed))
        work.enqueue(std::nullopt, {core::Update{{}, where, ballot_of(*motion, {}, true)}}, now);
    else if (motion && motion->open() && core::count(*motion, members) != shown)
        work.enqueue(std::nullopt,
                     {core::Update{{}, where, ballot_of(*motion, core::count(*motion, members))}},
                     now);
    commit(work);
}

std::optional<std::string> CommitteeVotes::reason(std::int64_t id) {
    return storage::CommitteeMotions{database_}.reason(id);
}

void CommitteeVotes::commit(storage::UnitOfWork& work) {
    work.commit();
    if (committed_)
        committed_();
}

} // namespace cocbot::app
