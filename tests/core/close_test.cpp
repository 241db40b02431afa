// The conversation with the reported person, resolving, re-opening, and the written record.
#include "core/decide.hpp"
#include "core/timeline.hpp"
#include "tests/core/outcomes.hpp"

#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace cocbot::core::testing;
using namespace cocbot::core::testing::sample;
using namespace std::chrono_literals;

namespace {

const ChannelId second_channel{"GSECOND"};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Four cleared members, erin conflicted, bob the primary owner.
Scene owned() {
    auto scene = opened({alice, bob, carol, dave}, {erin});
    scene.run(NameOwner{ref, alice, OwnerRole::primary, bob});
    return scene;
}

Conversation conversation() {
    Conversation c;
    c.talkers = {bob, carol};
    c.behaviour = "Repeated comments about appearance";
    c.context = "At the party";
    c.impact = "The reporter left the event";
    c.call_in = "We want you to keep taking part";
    c.plan = "No comments on appearance; check in after a month";
    c.accepted = true;
    c.apology = Apology::none;
    return c;
}

Scene resolved() {
    auto scene = owned();
    scene.run(ResolveIncident{ref, bob, "Warning given; plan accepted"});
    return scene;
}

bool touches(const Effect& effect, const ChannelId& channel) {
    return std::visit(overloaded{
                          [&](const Post& e) { return e.channel == channel; },
                          [&](const Update& e) { return e.target.channel == channel; },
                          [&](const Ephemeral& e) { return e.channel == channel; },
                          [&](const Invite& e) { return e.channel == channel; },
                          [&](const Remove& e) { return e.channel == channel; },
                          [&](const ArchiveChannel& e) { return e.channel == channel; },
                          [&](const ShareEscrowedReports& e) { return e.channel == channel; },
                          [&](const CreatePrivateChannel&) { return false; },
                      },
                      effect);
}

bool touches(const Decision& decision, const ChannelId& channel) {
    return std::any_of(decision.effects.begin(), decision.effects.end(),
                       [&](const Effect& e) { return touches(e, channel); });
}

// Who an event names as having acted, when it says so.
std::optional<UserId> actor(const Event& event) {
    return std::visit(
        [](const auto& e) -> std::optional<UserId> {
            if constexpr (requires { e.by; })
                return e.by;
            else if constexpr (requires { e.voter; })
                return e.voter;
            else
                return std::nullopt;
        },
        event);
}

std::optional<Time> time_of(const Event& event) {
    return std::visit(
        [](const auto& e) -> std::optional<Time> {
            if constexpr (requires { e.at; })
                return e.at;
            else
                return std::nullopt;
        },
        event);
}

// Bookkeeping, and who declared a conflict in the first place, are not part of the record.
bool on_the_record(const Event& event, const Incident& before) {
    if (std::holds_alternative<MessagePosted>(event))
        return false;
    if (const auto* c = std::get_if<ConflictDeclared>(&event))
        return !c->conflicted || before.is_cleared(c->member);
    return true;
}

} // namespace

TEST_SUITE("decide: the conversation with the reported person") {
    TEST_CASE("the record is posted in the incident channel only") {
        auto scene = owned();
        const auto d = scene.run(RecordConversation{ref, dave, conversation()});
        CHECK(events_of<ConversationRecorded>(d) ==
              std::vector<ConversationRecorded>{{conversation(), dave, t0}});
        const auto posts = all_of<Post>(d);
        REQUIRE(posts.size() == 1);
        CHECK(posts[0].channel == incident_channel);
        CHECK(posts[0].to_user.empty());
        const auto& notice = std::get<ChannelNotice>(posts[0].message);
        CHECK(mentions_user(notice.text, bob));
        CHECK(mentions_user(notice.text, carol));
        for (const auto& part :
             {conversation().behaviour, conversation().context, conversation().impact,
              conversation().call_in, conversation().plan})
            CHECK(contains(notice.quote, part));
        CHECK(scene.incident.conversations.size() == 1);
    }

    TEST_CASE("exactly two different cleared members talked") {
        auto scene = owned();
        const std::vector<std::vector<UserId>> wrong{
            {}, {bob}, {bob, bob}, {bob, carol, dave}, {bob, erin}, {bob, stranger}, {bob, hr1}};
        for (const auto& talkers : wrong) {
            auto c = conversation();
            c.talkers = talkers;
            CHECK(field_of(scene.refused(RecordConversation{ref, bob, c})) == "talkers");
        }
        CHECK(scene.incident.conversations.empty());
    }

    TEST_CASE("behaviour, impact and plan are required, context and call-in are not") {
        auto scene = owned();
        for (auto field : {&Conversation::behaviour, &Conversation::impact, &Conversation::plan}) {
            auto c = conversation();
            c.*field = "  ";
            const auto refusal = scene.refused(RecordConversation{ref, bob, c});
            CHECK(refusal.reason == Rejection::Reason::invalid_report);
            CHECK_FALSE(refusal.fields.empty());
        }
        auto c = conversation();
        c.behaviour.clear();
        CHECK(field_of(scene.refused(RecordConversation{ref, bob, c})) == "behaviour");
        c = conversation();
        c.impact.clear();
        CHECK(field_of(scene.refused(RecordConversation{ref, bob, c})) == "impact");
        c = conversation();
        c.plan.clear();
        CHECK(field_of(scene.refused(RecordConversation{ref, bob, c})) == "plan");
        c = conversation();
        c.context.clear();
        c.call_in.clear();
        scene.run(RecordConversation{ref, bob, c});
    }

    TEST_CASE("every part of the record is at most 3000 characters") {
        auto scene = owned();
        const std::pair<const char*, std::string Conversation::*> fields[] = {
            {"behaviour", &Conversation::behaviour},
            {"context", &Conversation::context},
            {"impact", &Conversation::impact},
            {"call_in", &Conversation::call_in},
            {"plan", &Conversation::plan}};
        for (const auto& [name, field] : fields) {
            auto c = conversation();
            c.*field = std::string(3001, 'x');
            CHECK(field_of(scene.refused(RecordConversation{ref, bob, c})) == name);
        }
    }

    TEST_CASE("only the cleared record a conversation") {
        auto scene = owned();
        for (const auto& who : {erin, stranger})
            CHECK(scene.refused(RecordConversation{ref, who, conversation()}).reason ==
                  Rejection::Reason::not_allowed);
    }

    TEST_CASE("a plan that was not accepted prompts the owners to re-evaluate with new motions") {
        auto scene = owned();
        auto c = conversation();
        c.accepted = false;
        const auto d = scene.run(RecordConversation{ref, bob, c});
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 2);
        CHECK(notices[1].mention == std::vector<UserId>{bob});
        CHECK(contains(notices[1].text, "re-evaluate"));
        CHECK(contains(notices[1].text, "motions"));
    }

    TEST_CASE("an apology to relay prompts the owners") {
        auto scene = owned();
        scene.run(NameOwner{ref, bob, OwnerRole::secondary, carol});
        auto c = conversation();
        c.apology = Apology::relayed;
        const auto d = scene.run(RecordConversation{ref, bob, c});
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 2);
        CHECK(notices[1].mention == std::vector<UserId>{bob, carol});
        CHECK(contains(notices[1].text, "Relay the apology"));
        c.apology = Apology::not_relayed;
        CHECK(posted<ChannelNotice>(scene.run(RecordConversation{ref, bob, c})).size() == 1);
    }
}

TEST_SUITE("decide: resolving") {
    TEST_CASE("only the owners, or the responsible member before there are owners, resolve") {
        auto scene = opened({alice, bob, carol}, {erin});
        for (const auto& who : {bob, erin, stranger})
            CHECK(scene.refused(ResolveIncident{ref, who, "Done"}).reason ==
                  Rejection::Reason::not_allowed);
        SUBCASE("the member who took the report, while nobody owns it") {
            scene.run(ResolveIncident{ref, alice, "Done"});
        }
        SUBCASE("the member who took the report, once the only owner recused") {
            scene.run(NameOwner{ref, alice, OwnerRole::primary, bob});
            CHECK(scene.refused(ResolveIncident{ref, alice, "Done"}).reason ==
                  Rejection::Reason::not_allowed);
            scene.run(DeclareConflict{ref, bob, true});
            CHECK(scene.refused(ResolveIncident{ref, bob, "Done"}).reason ==
                  Rejection::Reason::not_allowed);
            scene.run(ResolveIncident{ref, alice, "Done"});
        }
        SUBCASE("the secondary owner") {
            scene.run(NameOwner{ref, alice, OwnerRole::primary, bob});
            scene.run(NameOwner{ref, alice, OwnerRole::secondary, carol});
            CHECK(scene.refused(ResolveIncident{ref, alice, "Done"}).reason ==
                  Rejection::Reason::not_allowed);
            scene.run(ResolveIncident{ref, carol, "Done"});
        }
        CHECK(scene.incident.status == Status::resolved);
    }

    TEST_CASE("a resolution is required") {
        auto scene = owned();
        CHECK(field_of(scene.refused(ResolveIncident{ref, bob, "   "})) == "resolution");
        CHECK(field_of(scene.refused(ResolveIncident{ref, bob, std::string(3001, 'r')})) ==
              "resolution");
    }

    TEST_CASE("resolving posts the timeline, updates the control message, and archives last") {
        auto scene = owned();
        scene.propose(carol, MotionKind::custom, "Left undecided");
        scene.now += 1h;
        const auto d = scene.run(ResolveIncident{ref, bob, "  Warning given "});
        CHECK(events_of<IncidentResolved>(d) ==
              std::vector<IncidentResolved>{{"Warning given", bob, t0 + 1h}});
        CHECK(scene.incident.status == Status::resolved);
        CHECK(scene.incident.closed());
        CHECK(scene.incident.channel_archived());

        const auto timelines = posted<Timeline>(d);
        REQUIRE(timelines.size() == 1);
        CHECK(timelines[0].incident == ref);
        CHECK(timelines[0].lines == scene.incident.timeline);
        CHECK(timelines[0].lines.back() == TimelineLine{t0 + 1h, bob, "resolved the incident", {}});
        const auto notices = posted<ChannelNotice>(d);
        REQUIRE(notices.size() == 1);
        CHECK(notices[0].quote == "Warning given");
        CHECK(contains(notices[0].text, "1 open motion(s) lapsed undecided"));
        for (const auto& post : all_of<Post>(d))
            CHECK(post.channel == incident_channel);
        const auto panels = updated<ControlPanel>(d);
        REQUIRE(panels.size() == 1);
        CHECK(panels[0].status == Status::resolved);
        REQUIRE_FALSE(d.effects.empty());
        CHECK(std::get<ArchiveChannel>(d.effects.back()) == ArchiveChannel{ref, incident_channel});
        CHECK(all_of<ArchiveChannel>(d).size() == 1);
    }

    TEST_CASE("a resolved incident refuses every command but re-opening") {
        auto scene = owned();
        const int old_motion = scene.propose(carol, MotionKind::custom, "Left undecided");
        scene.run(ResolveIncident{ref, bob, "Done"});
        const std::vector<Command> refused{
            NameOwner{ref, alice, OwnerRole::secondary, carol},
            RecordImmediateAction{ref, alice, "x"},
            AcknowledgeReporter{ref, alice},
            MarkReportedPersonMissing{ref, alice, true},
            RecordReporterFollowUp{ref, alice, "x", false},
            ProposeMotion{ref, alice, MotionKind::violation, {}, {}},
            ProposeMotion{ref, alice, MotionKind::custom, "x", {}},
            CastBallot{ref, old_motion, alice, true},
            InvolveHr{ref, alice, HrScope::informing},
            DropHr{ref, alice},
            RecordHrReport{ref, alice, {}},
            RecordLawEnforcement{ref, alice, true, "x"},
            RecordConversation{ref, alice, conversation()},
            ShowTimeline{ref, alice},
        };
        for (const auto& command : refused) {
            CAPTURE(command.index());
            const auto refusal = scene.refused(command);
            CHECK(refusal.reason == Rejection::Reason::not_allowed);
            CHECK(refusal.message == "The incident is resolved; re-open it first.");
        }
        const auto again = scene.run(ResolveIncident{ref, bob, "Again"});
        CHECK(again.events.empty());
        CHECK(again.effects.empty());
    }

    TEST_CASE("an archived channel is sent nothing more") {
        auto scene = opened({alice, bob, carol});
        scene.run(ResolveIncident{ref, alice, "Done"});
        SUBCASE("a late answer to the conflict question invites nobody into it") {
            const auto d = scene.run(DeclareConflict{ref, dave, false});
            CHECK(all_of<Invite>(d).empty());
        }
        SUBCASE("a member leaving it recounts nothing there") {
            const auto d = scene.run(MemberLeft{ref, carol});
            CHECK_FALSE(touches(d, incident_channel));
        }
    }

    TEST_CASE("messages in the archived channel are not updated any more") {
        auto scene = opened({alice, bob, carol});
        scene.propose(bob, MotionKind::custom, "Left undecided");
        scene.run(ResolveIncident{ref, alice, "Done"});
        SUBCASE("a late answer to the conflict question") {
            CHECK_FALSE(touches(scene.run(DeclareConflict{ref, dave, false}), incident_channel));
        }
        SUBCASE("a member leaving") {
            CHECK_FALSE(touches(scene.run(MemberLeft{ref, carol}), incident_channel));
        }
    }

    TEST_CASE("resolving lets every open motion lapse, a re-opening vote included") {
        auto scene = opened({alice, bob, carol, dave});
        scene.run(InvolveHr{ref, alice, HrScope::employees_only});
        const int n = scene.propose(bob, MotionKind::reopen);
        scene.vote(n, alice, true);
        const auto d = scene.run(ResolveIncident{ref, alice, "HR handled it"});
        CHECK(scene.incident.channel_archived());
        CHECK(scene.motion(n).result == MotionResult::lapsed);
        // The motion's message shows it lapsed, before the channel is archived.
        const auto tallies = updated<MotionMessage>(d);
        REQUIRE(tallies.size() == 1);
        CHECK(tallies[0].tally.result == MotionResult::lapsed);
        CHECK(std::holds_alternative<Rejection>(scene.attempt(CastBallot{ref, n, carol, true})));
        CHECK(scene.incident.status == Status::resolved);
    }

    TEST_CASE("a member leaving before resolution keeps their ballot, and it counts again when "
              "they are back") {
        auto scene = opened({alice, bob, carol, dave, erin});
        const int n = scene.propose(bob, MotionKind::custom, "Ask for the footage");
        scene.vote(n, dave, true);
        scene.run(MemberLeft{ref, dave});
        scene.vote(n, alice, true);
        scene.vote(n, bob, true);
        REQUIRE(scene.motion(n).open()); // 2 of 4 present, 3 needed
        const auto d = scene.run(MemberJoined{ref, dave});
        CHECK(events_of<MotionDecided>(d) == std::vector<MotionDecided>{{n, true, 3, 0, 5, t0}});
    }

    TEST_CASE("proposing to re-open decides no old motion and posts nothing nowhere") {
        auto scene = opened({alice, bob, carol, dave, erin});
        const int n = scene.propose(bob, MotionKind::custom, "Ask for the footage");
        scene.vote(n, dave, true);
        scene.run(MemberLeft{ref, dave});
        scene.vote(n, alice, true);
        scene.vote(n, bob, true);
        REQUIRE(scene.motion(n).open());
        scene.run(ResolveIncident{ref, alice, "Done"});
        const auto d =
            decision_of(scene.attempt(ProposeMotion{ref, carol, MotionKind::reopen, {}, {}}));
        for (const auto& post : all_of<Post>(d))
            CHECK_FALSE((post.channel.empty() && post.to_user.empty()));
        CHECK(events_of<MotionDecided>(d).empty());
    }
}

TEST_SUITE("decide: re-opening a resolved incident") {
    TEST_CASE("proposing to re-open makes a new channel, coc-<ref>-2, for the vote") {
        auto scene = resolved();
        const auto d = scene.run(ProposeMotion{ref, carol, MotionKind::reopen, "New facts", {}});
        const auto proposed = events_of<MotionProposed>(d);
        REQUIRE(proposed.size() == 1);
        CHECK(proposed[0].kind == MotionKind::reopen);
        CHECK(contains(proposed[0].text, "New facts"));
        CHECK(all_of<CreatePrivateChannel>(d) ==
              std::vector<CreatePrivateChannel>{{ref, "coc-2026-001-2"}});
        CHECK(all_of<Post>(d).empty());
        CHECK(all_of<Invite>(d).empty());
        CHECK(all_of<ArchiveChannel>(d).empty());
        CHECK(scene.incident.channel.empty());
        CHECK_FALSE(scene.incident.channel_archived());
        CHECK(contains(d.reply, "new private channel"));
    }

    TEST_CASE("proposing to re-open sends nothing to the archived channel") {
        auto scene = resolved();
        const auto d = scene.run(ProposeMotion{ref, carol, MotionKind::reopen, "New facts", {}});
        CHECK_FALSE(touches(d, incident_channel));
    }

    TEST_CASE("the new channel gets the details, the control message, the motion and the cleared") {
        auto scene = resolved();
        const int n = scene.propose(carol, MotionKind::reopen, "New facts");
        const auto d = scene.open_channel(second_channel);
        CHECK(events_of<ChannelOpened>(d) == std::vector<ChannelOpened>{{second_channel}});
        CHECK(scene.incident.channel == second_channel);
        CHECK(scene.incident.channels_opened == 2);
        const auto posts = all_of<Post>(d);
        REQUIRE(posts.size() == 3);
        for (const auto& post : posts) {
            CHECK(post.channel == second_channel);
            CHECK(post.to_user.empty());
        }
        CHECK(std::get<ReportDetails>(posts[0].message).report == report());
        CHECK(std::get<ControlPanel>(posts[1].message).status == Status::resolved);
        CHECK(posts[1].remember);
        const auto& motion = std::get<MotionMessage>(posts[2].message);
        CHECK(motion.number == n);
        CHECK(motion.kind == MotionKind::reopen);
        CHECK(motion.tally.electorate == 4);
        CHECK(posts[2].remember);
        CHECK(all_of<Invite>(d) == std::vector<Invite>{{ref, second_channel, alice},
                                                       {ref, second_channel, bob},
                                                       {ref, second_channel, carol},
                                                       {ref, second_channel, dave}});
        CHECK(scene.incident.control_panel->channel == second_channel);
        CHECK(scene.incident.motion_messages.at(n).channel == second_channel);
        // Still resolved while the vote runs: only the re-opening can be voted on.
        CHECK(scene.refused(ShowTimeline{ref, alice}).message ==
              "The incident is resolved; re-open it first.");
    }

    TEST_CASE("a passing vote re-opens the incident in its new channel") {
        auto scene = resolved();
        const int n = scene.propose(carol, MotionKind::reopen, "New facts");
        scene.open_channel(second_channel);
        scene.vote(n, alice, true);
        scene.vote(n, bob, true);
        scene.now += 1min;
        const auto d = scene.vote(n, carol, true);
        CHECK(events_of<MotionDecided>(d) ==
              std::vector<MotionDecided>{{n, true, 3, 0, 4, t0 + 1min}});
        CHECK(events_of<IncidentReopened>(d) == std::vector<IncidentReopened>{{n, t0 + 1min}});
        CHECK(all_of<ArchiveChannel>(d).empty());
        CHECK(scene.incident.status == Status::triage);
        CHECK_FALSE(scene.incident.resolution.has_value());
        const auto panels = updated<ControlPanel>(d);
        REQUIRE(panels.size() == 1);
        CHECK(panels[0].status == Status::triage);
        CHECK(all_of<Update>(d).size() == 2); // the tally and the control message
        for (const auto& update : all_of<Update>(d))
            CHECK(update.target.channel == second_channel);
        // Open again: the channel takes commands, and it can be resolved again.
        const auto timeline = scene.run(ShowTimeline{ref, alice});
        CHECK(all_of<Post>(timeline).at(0).channel == second_channel);
        const auto closed = scene.run(ResolveIncident{ref, bob, "Second time"});
        CHECK(std::get<ArchiveChannel>(closed.effects.back()) ==
              ArchiveChannel{ref, second_channel});
    }

    TEST_CASE("a rejected vote archives the new channel, a later re-opening gets a third") {
        auto scene = resolved();
        const int n = scene.propose(carol, MotionKind::reopen);
        scene.open_channel(second_channel);
        scene.vote(n, alice, false);
        scene.vote(n, bob, false);
        const auto d = scene.vote(n, carol, false);
        CHECK(events_of<MotionDecided>(d) == std::vector<MotionDecided>{{n, false, 0, 3, 4, t0}});
        CHECK(events_of<IncidentReopened>(d).empty());
        REQUIRE_FALSE(d.effects.empty());
        CHECK(std::get<ArchiveChannel>(d.effects.back()) == ArchiveChannel{ref, second_channel});
        CHECK(scene.incident.status == Status::resolved);
        CHECK(scene.incident.channel_archived());

        const auto again = scene.run(ProposeMotion{ref, dave, MotionKind::reopen, {}, {}});
        CHECK(all_of<CreatePrivateChannel>(again) ==
              std::vector<CreatePrivateChannel>{{ref, "coc-2026-001-3"}});
    }

    TEST_CASE("only one re-opening vote at a time, and only by the cleared") {
        auto scene = resolved();
        CHECK(scene.refused(ProposeMotion{ref, erin, MotionKind::reopen, {}, {}}).reason ==
              Rejection::Reason::not_allowed);
        scene.propose(carol, MotionKind::reopen);
        scene.open_channel(second_channel);
        const auto again = scene.run(ProposeMotion{ref, dave, MotionKind::reopen, {}, {}});
        CHECK(again.events.empty());
        CHECK(again.effects.empty());
        CHECK(scene.refused(CastBallot{ref, 1, erin, true}).reason ==
              Rejection::Reason::not_allowed);
    }
}

TEST_SUITE("timeline") {
    TEST_CASE("every event on the record has a line saying who and when") {
        Scene scene;
        scene.file();
        scene.now += 1min;
        scene.open_channel();
        for (const auto& member : {alice, bob, carol, dave}) {
            scene.now += 1min;
            scene.run(DeclareConflict{ref, member, false});
        }
        scene.now += 1min;
        scene.run(DeclareConflict{ref, erin, true});
        scene.now += 1min;
        scene.run(NameOwner{ref, alice, OwnerRole::primary, bob});
        scene.now += 1min;
        const int n = scene.propose(bob, MotionKind::violation);
        for (const auto& voter : {alice, bob, carol}) {
            scene.now += 1min;
            scene.vote(n, voter, true);
        }
        scene.now += 1min;
        scene.run(RecordConversation{ref, bob, conversation()});
        scene.now += 1min;
        scene.run(RecordReporterFollowUp{ref, bob, "Told the decision", true});
        scene.now += 1min;
        scene.run(ResolveIncident{ref, bob, "Done"});

        const auto& lines = scene.incident.timeline;
        Incident before;
        std::vector<const Event*> recorded;
        for (const auto& event : scene.history) {
            if (on_the_record(event, before))
                recorded.push_back(&event);
            before = evolve(before, event);
        }
        REQUIRE(lines.size() == recorded.size());
        Time previous{};
        for (std::size_t i = 0; i < lines.size(); ++i) {
            CAPTURE(lines[i].what);
            CHECK_FALSE(lines[i].what.empty());
            CHECK(lines[i].at >= previous);
            CHECK(lines[i].at == time_of(*recorded[i]).value_or(previous));
            if (const auto who = actor(*recorded[i]))
                CHECK(lines[i].who == *who);
            previous = lines[i].at;
        }
        CHECK(lines.front() == TimelineLine{t0, alice, "filed the report (via Slack)", {}});
        CHECK(lines[1] ==
              TimelineLine{
                  t0, {}, "opened the private channel " + channel_ref(ChannelId{"GINCIDENT"}), {}});
        CHECK(lines[2] ==
              TimelineLine{t0 + 2min, alice, "declared no conflict of interest and joined", {}});
        CHECK(lines.back() == TimelineLine{t0 + 14min, bob, "resolved the incident", {}});
        // What people typed is quoted, never taken for cocbot's own words.
        const auto proposal = std::find_if(lines.begin(), lines.end(), [](const TimelineLine& l) {
            return to_plain(l.what).rfind("proposed motion 1", 0) == 0;
        });
        REQUIRE(proposal != lines.end());
        CHECK(proposal->who == bob);
        CHECK(proposal->quote == scene.motion(n).text);
    }

    TEST_CASE("who declared a conflict in the first place is not on the record") {
        auto scene = opened({alice, bob}, {erin});
        for (const auto& line : scene.incident.timeline) {
            CHECK(line.who != erin);
            CHECK_FALSE(contains(line.what, erin.value));
        }
    }

    TEST_CASE("a recusal is on the record") {
        auto scene = opened({alice, bob});
        const auto lines_before = scene.incident.timeline.size();
        scene.now += 1h;
        scene.run(DeclareConflict{ref, bob, true});
        REQUIRE(scene.incident.timeline.size() == lines_before + 1);
        CHECK(scene.incident.timeline.back().who == bob);
        CHECK(scene.incident.timeline.back().at == t0 + 1h);
    }

    TEST_CASE("an event without a time of its own takes the previous line's") {
        ReportFiled filed;
        filed.incident = ref;
        filed.at = t0 + 5s;
        filed.report = report();
        auto incident = evolve({}, filed);
        incident = evolve(incident, ChannelOpened{incident_channel});
        REQUIRE(incident.timeline.size() == 2);
        CHECK(incident.timeline[1].at == t0 + 5s);
        CHECK(incident.timeline[1].who.empty());
        CHECK_FALSE(describe(MessagePosted{{incident_channel, "1.1"}, MessageKind::motion, 1}));
        CHECK(describe(ChannelOpened{incident_channel})->at == Time{});
    }

    TEST_CASE("the timeline is posted in the incident channel on request") {
        auto scene = owned();
        const auto d = scene.run(ShowTimeline{ref, carol});
        CHECK(d.events.empty());
        const auto posts = all_of<Post>(d);
        REQUIRE(posts.size() == 1);
        CHECK(posts[0].channel == incident_channel);
        CHECK(std::get<Timeline>(posts[0].message) == Timeline{ref, scene.incident.timeline});
        for (const auto& who : {erin, stranger})
            CHECK(scene.refused(ShowTimeline{ref, who}).reason == Rejection::Reason::not_allowed);
    }
}
