// File: tests/core/confidentiality_test.cpp
// Confidentiality as a property: random sequences of everything people and Slack can do, each
// step checked against who could see what core asks the shell to show.
#include "core/decide.hpp"
#include "core/overview.hpp"
#include "tests/core/channel_scenes.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>
#include <random>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::channel_scenes;

namespace {

// The outbox keeps a quoting notice's reference, not its words, and the executor reads them from
// the incident when it posts, which may be after later commands: every quote must be where the
// reference says, unchanged by whatever came after.
void check_quotes_kept(const Incident& incident, const std::vector<ChannelNotice>& notices) {
    for (const auto& notice : notices) {
        CAPTURE(notice.quote);
        REQUIRE(notice.quoted.has_value());
        const std::string* kept = incident.quoted(*notice.quoted);
        REQUIRE(kept != nullptr);
        CHECK(*kept == notice.quote);
    }
}

} // namespace

TEST_SUITE("decide: confidentiality as a property") {
    // Random sequences of everything people and Slack can do; after every step, whatever core
    // asks the shell to show is checked against who could see it (check_discreet).
    TEST_CASE("report details, notes and motions reach only the incident channel") {
        std::mt19937 random{20261126};
        const UserId hr{"UHR"}, lead{"ULEAD"}, reported{"UREPORTED"};
        const std::vector<UserId> members{alice, bob, carol, dave};
        // Members come up more often than the others, so that incidents get somewhere.
        const std::vector<UserId> people{alice, bob,  carol,    dave,     alice, bob,
                                         carol, dave, outsider, reported, hr,    lead};
        const std::vector<std::vector<std::string>> consequences{{}, {"warning"}, {"pillory"}};
        auto pick = [&](const auto& list) -> const auto& {
            return list[random() % list.size()];
        };
        auto chance = [&](unsigned in) { return random() % in == 0; };
        // How often each kind of command and of event happened, to show the mix reaches them.
        std::vector<int> accepted(std::variant_size_v<Command>);
        std::vector<int> happened(std::variant_size_v<Event>);
        for (int round = 0; round < 600; ++round) {
            Scene scene;
            scene.committee = committee();
            scene.committee.hr = {hr};
            scene.committee.leadership = {lead, reported};
            scene.now = now;
            auto source = report();
            source.source = chance(4) ? Source::slack : Source::phone; // slack: alice reports
            // Now and then the reported person is typed, as a member's Slack name.
            scene.committee.names = {{dave, {"Dave Typed"}}};
            if (chance(4))
                source.reported = {UserId{}, "dave typed"};
            // Now and then behind a content warning, or with a member the reporter prefers.
            source.flags.content_warning = round % 3 == 0;
            source.flags.immediate_danger = round % 5 == 2;
            if (round % 4 == 1)
                source.preferred = members[static_cast<std::size_t>(round / 4) % members.size()];
            scene.run(SubmitReport{ref, alice, source, {IncidentId{"2025-004"}}});
            // Most members answer the conflict question early, most without a conflict.
            for (const auto& member : members)
                if (!chance(4))
                    scene.run_if_accepted(DeclareConflict{ref, member, chance(4)});
            std::vector<ChannelNotice> quoting; // the notices that quote someone's words
            for (int step = 0; step < 60; ++step) {
                const auto& who = pick(people);
                const auto& other = pick(people);
                const bool yes = chance(2);
                const auto secret = "SECRET " + std::to_string(step);
                const auto& incident = scene.incident;
                Command command;
                switch (random() % 29) {
                case 0:
                    command = DeclareConflict{ref, who, chance(4)};
                    break;
                case 1:
                    command = ChannelCreated{
                        ref, ChannelId{"G" + std::to_string(incident.channels_opened + 1)}};
                    break;
                case 2:
                    command = MemberJoined{ref, who};
                    break;
                case 3:
                    command =
                        NameOwner{ref, who, yes ? OwnerRole::primary : OwnerRole::secondary, other};
                    break;
                case 4:
                    command = RemovalFailed{ref, who, "restricted_action"};
                    break;
                case 5:
                    command = CheckDeadlines{ref};
                    break;
                case 6:
                    command = ProposeMotion{ref, who,
                                            incident.status != Status::triage && chance(2)
                                                ? MotionKind::reopen
                                                : static_cast<MotionKind>(random() % 7),
                                            yes ? secret : "", pick(consequences)};
                    break;
                case 7:
                case 8:
                case 24: {
                    // Mostly the latest motion; sometimes an older one, or one that is not there.
                    const auto motions = static_cast<int>(incident.motions.size());
                    const int motion =
                        chance(4)
                            ? static_cast<int>(random() % static_cast<unsigned>(motions + 1)) + 1
                            : motions;
                    command = CastBallot{ref, motion, who, !chance(3)};
                    break;
                }
                case 9:
                    command =
                        chance(3) ? Command{MemberLeft{ref, who}} : Command{MemberJoined{ref, who}};
                    break;
                case 10:
                    command =
                        InvolveHr{ref, who, yes ? HrScope::informing : HrScope::employees_only};
                    break;
                case 11:
                    command = DropHr{ref, who};
                    break;
                case 12:
                    command = RecordHrReport{ref, who, {HrFinding::violation, secret, secret, yes}};
                    break;
                case 13:
                    command = RecordLawEnforcement{ref, who, !chance(4), secret};
                    break;
                case 14:
                    command = RecordConversation{
                        ref, who, {{who, other}, secret, secret, secret, secret, secret, yes, {}}};
                    break;
                case 15:
                    command =
                        ResolveIncident{ref, who, secret, "Other", ResolutionOutcome::warning};
                    break;
                case 16:
                    command = ShowTimeline{ref, who};
                    break;
                case 17:
                    command = RecordReporterFollowUp{ref, who, secret, yes};
                    break;
                case 18:
                    command = chance(2) ? Command{AcknowledgeReporter{ref, who}}
                                        : Command{MarkReportedPersonMissing{ref, who, yes}};
                    break;
                case 19:
                    command = StepFailed{ref, yes ? FailedStep::create_channel : FailedStep::invite,
                                         who, "fatal"};
                    break;
                case 20:
                    command = ClearReporterConflict{ref, who};
                    break;
                case 21:
                    command = AskHr{ref, who, secret};
                    break;
                case 22:
                    command = RecordHrInformation{
                        ref, who, secret, yes ? PastInstances::yes : PastInstances::unknown};
                    break;
                case 23:
                    command = UndoNameMatch{ref, who};
                    break;
                case 25: // the shell changes the roster first, then tells the incident
                    std::erase(scene.committee.members, who);
                    command = RosterMemberRemoved{ref, who};
                    break;
                case 26:
                    if (!scene.committee.is_member(who))
                        scene.committee.members.push_back(who);
                    command = RosterMemberAdded{ref, who};
                    break;
                case 27: {
                    const std::vector<ChannelId> where{incident.channel, incident.hr_channel,
                                                       scene.committee.channel};
                    command = ShowReport{ref, who, pick(where)};
                    break;
                }
                default:
                    command = chance(2) ? Command{RespondToDanger{ref, who}}
                                        : Command{RecordImmediateAction{ref, who, secret}};
                    break;
                }
                scene.now += std::chrono::hours{static_cast<long>(random() % 12)};
                const auto d = scene.run_if_accepted(command);
                if (!d)
                    continue;
                ++accepted[command.index()];
                for (const auto& notice : posted<ChannelNotice>(*d))
                    if (!notice.quote.empty() || notice.quoted)
                        quoting.push_back(notice);
                for (const auto& event : d->events)
                    ++happened[event.index()];
                // The executor makes the channels it is asked for (a re-opening's, HR's).
                for (const auto& create : all_of<CreatePrivateChannel>(*d))
                    for (const auto& event :
                         scene.run(ChannelCreated{ref, ChannelId{"G" + create.name}, create.role})
                             .events)
                        ++happened[event.index()];
                for (const auto& post : direct_messages(*d)) {
                    CHECK(post.to_user != scene.incident.report.reported.user);
                    if (const auto* notice = std::get_if<Notice>(&post.message))
                        CHECK_FALSE(contains(notice->text, "SECRET"));
                }
                // The shell reads only the incidents shown_in_overviews for an overview: the
                // others must have nothing to show anyone.
                if (!shown_in_overviews(scene.incident))
                    for (const auto& person : people) {
                        const auto overview = overview_for(person, {scene.incident});
                        CHECK((overview.open.empty() && overview.pending.empty() &&
                               overview.motions.empty()));
                    }
                // Someone off the roster is invited nowhere and asked nothing.
                if (!scene.committee.is_member(who))
                    for (const auto& invite : all_of<Invite>(*d))
                        CHECK((invite.user != who || scene.incident.hr_asked(who)));
                // Nobody who may not be there remains in the channel unchallenged.
                if (const auto* joined = std::get_if<MemberJoined>(&command);
                    joined && !scene.incident.may_be_present(joined->user)) {
                    bool removed = false;
                    for (const auto& remove : all_of<Remove>(*d))
                        removed = removed || remove.user == joined->user;
                    CHECK(removed);
                }
            }
            check_quotes_kept(scene.incident, quoting);
        }
        // The mix reaches every command (the shell records posted messages itself) and the
        // outcomes that matter.
        for (std::size_t i = 0; i < accepted.size(); ++i) {
            CAPTURE(i);
            if (i != Command{SubmitReport{}}.index() && i != Command{RecordMessagePosted{}}.index())
                CHECK(accepted[i] > 0);
        }
        for (const Event& event : std::vector<Event>{
                 MotionDecided{}, EscrowActivated{}, IncidentResolved{}, IncidentReopened{},
                 LawEnforcementInvolved{}, HrReported{}, MemberReturned{}, ConversationRecorded{},
                 HrContactAnswered{}, HrChannelOpened{}, HrAsked{}, HrInformed{}, NameMatchUndone{},
                 MemberRemovedFromCommittee{}, MemberAddedToCommittee{}}) {
            CAPTURE(event.index());
            CHECK(happened[event.index()] > 0);
        }
    }
}
