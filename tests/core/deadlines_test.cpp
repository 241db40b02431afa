// File: tests/core/deadlines_test.cpp
// Which reminders are owed and due, as a pure function of state and time, across every boundary.
#include "core/deadlines.hpp"
#include "core/decide.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace cocbot::core;
using namespace std::chrono_literals;

namespace {

const Time t0{std::chrono::seconds{1'800'000'000}};
const IncidentId ref{"2026-001"};
const UserId alice{"UALICE"}, bob{"UBOB"};
const Deadlines deadlines{100s, 700s, 50s, 200s, 300s};

Incident incident(Source source = Source::phone, bool anonymous = false) {
    ReportFiled filed;
    filed.incident = ref;
    filed.at = t0;
    filed.report.reported.name = "X";
    filed.report.description = "d";
    filed.report.source = source;
    filed.report.flags.anonymous = anonymous;
    filed.submitted_by = anonymous ? UserId{} : alice;
    filed.committee = {alice, bob};
    auto i = evolve({}, filed);
    return evolve(i, ChannelOpened{ChannelId{"GINC"}});
}

std::vector<ReminderKind> kinds(const std::vector<Reminder>& reminders) {
    std::vector<ReminderKind> out;
    for (const auto& r : reminders)
        out.push_back(r.kind);
    return out;
}

Committee committee() {
    Committee c{ChannelId{"CCOM"}, {alice, bob}, {}, {}, deadlines};
    return c;
}

} // namespace

TEST_SUITE("deadlines") {
    TEST_CASE(
        "a phone report owes acknowledgement at 75% and at the deadline, owners and answers") {
        const auto owed = owed_reminders(incident(), deadlines);
        REQUIRE(owed.size() == 6);
        CHECK(owed[0] == Reminder{ReminderKind::acknowledge_soon, t0 + 75s, {}});
        CHECK(owed[1] == Reminder{ReminderKind::acknowledge_due, t0 + 100s, {}});
        CHECK(owed[2] == Reminder{ReminderKind::owners_missing, t0 + 200s, {}});
        CHECK(owed[3] == Reminder{ReminderKind::conflict_nudge, t0 + 300s, alice});
        CHECK(owed[4] == Reminder{ReminderKind::conflict_nudge, t0 + 300s, bob});
        CHECK(owed[5] == Reminder{ReminderKind::decision_overdue, t0 + 700s, {}});
        CHECK(next_check(incident(), deadlines) == t0 + 75s);
    }

    TEST_CASE("each reminder is due exactly from its time on") {
        const auto i = incident();
        CHECK(due_reminders(i, deadlines, t0 + 74s).empty());
        CHECK(kinds(due_reminders(i, deadlines, t0 + 75s)) ==
              std::vector{ReminderKind::acknowledge_soon});
        CHECK(kinds(due_reminders(i, deadlines, t0 + 99s)).size() == 1);
        // From the deadline on, "the deadline passed" stands for both acknowledgement reminders.
        CHECK(kinds(due_reminders(i, deadlines, t0 + 100s)) ==
              std::vector{ReminderKind::acknowledge_due});
        CHECK(kinds(due_reminders(i, deadlines, t0 + 199s)).size() == 1);
        CHECK(kinds(due_reminders(i, deadlines, t0 + 200s)).size() == 2);
        CHECK(kinds(due_reminders(i, deadlines, t0 + 300s)).size() == 4);
    }

    TEST_CASE("after downtime past the acknowledgement deadline, only its passing is told") {
        const auto i = incident();
        const auto d = std::get<Decision>(decide(committee(), i, CheckDeadlines{ref}, t0 + 150s));
        REQUIRE(d.effects.size() == 1);
        const auto& reminder = std::get<DeadlineReminder>(std::get<Post>(d.effects[0]).message);
        CHECK(reminder.kind == ReminderKind::acknowledge_due);
        const auto after = replay(i, d.events);
        // The earlier reminder is not owed later either: it will never be sent.
        for (const auto& r : owed_reminders(after, deadlines))
            CHECK(r.kind != ReminderKind::acknowledge_soon);
        CHECK(next_check(after, deadlines) == t0 + 200s);
    }

    TEST_CASE("a check between the two acknowledgement reminders sends the first alone") {
        const auto i = incident();
        const auto d = std::get<Decision>(decide(committee(), i, CheckDeadlines{ref}, t0 + 80s));
        REQUIRE(d.effects.size() == 1);
        CHECK(std::get<DeadlineReminder>(std::get<Post>(d.effects[0]).message).kind ==
              ReminderKind::acknowledge_soon);
        const auto after = replay(i, d.events);
        CHECK(next_check(after, deadlines) == t0 + 100s);
    }

    TEST_CASE("a report made in Slack, or anonymously, owes no acknowledgement") {
        for (const auto& i : {incident(Source::slack), incident(Source::email, true)}) {
            CHECK_FALSE(needs_acknowledgement(i));
            for (const auto& r : owed_reminders(i, deadlines))
                CHECK((r.kind != ReminderKind::acknowledge_soon &&
                       r.kind != ReminderKind::acknowledge_due));
        }
    }

    TEST_CASE("recording the acknowledgement cancels both of its reminders") {
        auto i = evolve(incident(), ReporterAcknowledged{alice, t0 + 10s});
        CHECK(next_check(i, deadlines) == t0 + 200s);
    }

    TEST_CASE("naming an owner cancels the owners nudge, answering cancels a member's nudge") {
        auto i = evolve(incident(), ConflictDeclared{alice, false, t0});
        i = evolve(i, OwnerNamed{OwnerRole::primary, alice, alice, t0});
        const auto owed = owed_reminders(i, deadlines);
        CHECK(std::none_of(owed.begin(), owed.end(), [](const Reminder& r) {
            return r.kind == ReminderKind::owners_missing;
        }));
        CHECK(std::count_if(owed.begin(), owed.end(), [](const Reminder& r) {
                  return r.kind == ReminderKind::conflict_nudge;
              }) == 1);
    }

    TEST_CASE("channel reminders wait for the channel, escrowed reports owe nothing") {
        ReportFiled filed;
        filed.incident = ref;
        filed.at = t0;
        filed.report.source = Source::phone;
        filed.committee = {alice};
        const auto no_channel = evolve({}, filed);
        CHECK(kinds(owed_reminders(no_channel, deadlines)) ==
              std::vector{ReminderKind::conflict_nudge});
        filed.report.flags.escrow = true;
        CHECK(owed_reminders(evolve({}, filed), deadlines).empty());
        CHECK_FALSE(next_check(evolve({}, filed), deadlines).has_value());
    }

    TEST_CASE("checking sends each due reminder once and never again") {
        const auto i = incident();
        auto outcome = decide(committee(), i, CheckDeadlines{ref}, t0 + 300s);
        REQUIRE(std::holds_alternative<Decision>(outcome));
        const auto& d = std::get<Decision>(outcome);
        CHECK(d.events.size() == 4); // the acknowledgement's passing, not also its approach
        int dms = 0, channel = 0;
        for (const auto& e : d.effects) {
            const auto& post = std::get<Post>(e);
            if (post.to_user.empty()) {
                ++channel;
                CHECK(post.channel == ChannelId{"GINC"});
                CHECK(std::get<DeadlineReminder>(post.message).mention == std::vector<UserId>{});
            } else {
                ++dms;
                CHECK(std::holds_alternative<TriagePrompt>(post.message));
            }
        }
        CHECK(channel == 2);
        CHECK(dms == 2);
        const auto after = replay(i, d.events);
        CHECK(next_check(after, deadlines) == t0 + 700s); // only the decision clock is left
        const auto again = decide(committee(), after, CheckDeadlines{ref}, t0 + 600s);
        CHECK(std::get<Decision>(again).events.empty());
    }

    TEST_CASE("a hand-off to HR stops no clock, and the owners are asked weekly to chase HR") {
        Deadlines d = deadlines;
        d.hr_report = 400s;
        const UserId hr{"UHR"};
        const auto open = incident();
        const auto handed_off =
            evolve(open, HrInvolved{HrScope::employees_only, {hr}, alice, t0 + 10s});
        REQUIRE(handed_off.status == Status::handed_off);
        auto owed = kinds(owed_reminders(open, d));
        owed.push_back(ReminderKind::hr_report_due);
        std::sort(owed.begin(), owed.end());
        auto during = kinds(owed_reminders(handed_off, d));
        std::sort(during.begin(), during.end());
        CHECK(during == owed); // every clock of the open incident, and the chase for HR
        CHECK(kinds(due_reminders(handed_off, d, t0 + 409s)) ==
              std::vector{ReminderKind::acknowledge_due, ReminderKind::owners_missing,
                          ReminderKind::conflict_nudge, ReminderKind::conflict_nudge});
        const auto chased =
            std::get<Decision>(decide(Committee{ChannelId{"CCOM"}, {alice, bob}, {}, {}, d},
                                      handed_off, CheckDeadlines{ref}, t0 + 410s));
        bool told_to_chase = false;
        for (const auto& post : chased.effects)
            if (const auto* r = std::get_if<DeadlineReminder>(&std::get<Post>(post).message))
                told_to_chase = told_to_chase || r->kind == ReminderKind::hr_report_due;
        CHECK(told_to_chase);
        auto after = replay(handed_off, chased.events);
        // The next chase is one period after this one; HR's report ends them.
        CHECK(next_check(after, d) == t0 + 700s);
        CHECK(due_reminders(after, d, t0 + 809s).size() == 1); // only the decision's
        CHECK(kinds(due_reminders(after, d, t0 + 810s)).back() == ReminderKind::hr_report_due);
        after =
            evolve(after, HrReported{{HrFinding::violation, "plan", "none", true}, hr, t0 + 800s});
        for (const auto& r : owed_reminders(after, d))
            CHECK(r.kind != ReminderKind::hr_report_due);
    }

    TEST_CASE("informing HR owes no chase: HR reports back only after a hand-off") {
        Deadlines d = deadlines;
        d.hr_report = 400s;
        const auto informing =
            evolve(incident(), HrInvolved{HrScope::informing, {UserId{"UHR"}}, alice, t0});
        for (const auto& r : owed_reminders(informing, d))
            CHECK(r.kind != ReminderKind::hr_report_due);
    }

    TEST_CASE("the acknowledgement is recorded by a cleared member, once") {
        auto i = evolve(incident(), ConflictDeclared{alice, false, t0});
        CHECK(std::holds_alternative<Rejection>(
            decide(committee(), i, AcknowledgeReporter{ref, bob}, t0)));
        const auto d =
            std::get<Decision>(decide(committee(), i, AcknowledgeReporter{ref, alice}, t0 + 5s));
        REQUIRE(d.events.size() == 1);
        i = replay(i, d.events);
        CHECK(i.acknowledged_at == t0 + 5s);
        CHECK(std::get<Decision>(decide(committee(), i, AcknowledgeReporter{ref, alice}, t0))
                  .events.empty());
    }

    TEST_CASE("the decision reminder repeats every period until the decision is communicated") {
        auto i = evolve(incident(), ReporterAcknowledged{alice, t0});
        i = evolve(i, OwnerNamed{OwnerRole::primary, alice, alice, t0});
        i = evolve(i, ConflictDeclared{alice, false, t0});
        i = evolve(i, ConflictDeclared{bob, true, t0});
        CHECK(next_check(i, deadlines) == t0 + 700s);
        // Sent late, after an outage: the next is one period after this one, not a burst.
        i = evolve(i, ReminderSent{ReminderKind::decision_overdue, {}, t0 + 1000s});
        CHECK(next_check(i, deadlines) == t0 + 1700s);
        CHECK(due_reminders(i, deadlines, t0 + 1699s).empty());
        i = evolve(i, ReporterFollowedUp{alice, "It will take longer", false, t0 + 1100s});
        CHECK(next_check(i, deadlines) == t0 + 1700s);
        i = evolve(i, ReporterFollowedUp{alice, "The decision", true, t0 + 1200s});
        CHECK_FALSE(next_check(i, deadlines).has_value());
    }

    TEST_CASE("while the reported person cannot be found, the reporter is updated every period") {
        auto i = evolve(incident(), ReporterFollowedUp{alice, "decided", true, t0});
        i = evolve(i, ReporterAcknowledged{alice, t0});
        i = evolve(i, OwnerNamed{OwnerRole::primary, alice, alice, t0});
        i = evolve(i, ConflictDeclared{alice, false, t0});
        i = evolve(i, ConflictDeclared{bob, false, t0});
        CHECK_FALSE(next_check(i, deadlines).has_value());
        i = evolve(i, ReportedPersonMissing{true, alice, t0 + 10s});
        CHECK(next_check(i, deadlines) == t0 + 60s);
        i = evolve(i, ReminderSent{ReminderKind::reporter_update, {}, t0 + 60s});
        CHECK(next_check(i, deadlines) == t0 + 110s);
        i = evolve(i, ReportedPersonMissing{false, alice, t0 + 70s});
        CHECK_FALSE(next_check(i, deadlines).has_value());
    }

    TEST_CASE("an anonymous reporter, or one who opted out, is owed no updates") {
        auto anonymous = incident(Source::email, true);
        anonymous = evolve(anonymous, ReportedPersonMissing{true, alice, t0});
        for (const auto& r : owed_reminders(anonymous, deadlines))
            CHECK((r.kind != ReminderKind::decision_overdue &&
                   r.kind != ReminderKind::reporter_update));
    }

    TEST_CASE("follow-up is refused, and says why, when the reporter cannot or will not hear") {
        auto i = evolve(incident(Source::email, true), ConflictDeclared{alice, false, t0});
        const auto refused =
            decide(committee(), i, RecordReporterFollowUp{ref, alice, "x", false}, t0);
        REQUIRE(std::holds_alternative<Rejection>(refused));
        CHECK(std::get<Rejection>(refused).message.find("anonymous") != std::string::npos);
        auto reachable = evolve(incident(), ConflictDeclared{alice, false, t0});
        const auto empty =
            decide(committee(), reachable, RecordReporterFollowUp{ref, alice, "  ", false}, t0);
        REQUIRE(std::holds_alternative<Rejection>(empty));
        CHECK(std::get<Rejection>(empty).fields.at(0).field == "note");
        const auto ok = decide(committee(), reachable,
                               RecordReporterFollowUp{ref, alice, "Told them", true}, t0);
        REQUIRE(std::holds_alternative<Decision>(ok));
        CHECK(replay(reachable, std::get<Decision>(ok).events).decision_communicated_at() == t0);
    }
}
