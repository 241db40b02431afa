// File: tests/core/outcomes.hpp
// Helpers the core tests share: reading what decide() returned (the confidentiality rules every
// decision must keep are in discreet.hpp), and a sample committee whose incident is driven through
// decide() the way the shell drives it.
#pragma once

#include "core/decide.hpp"
#include "core/decision.hpp"
#include "core/overloaded.hpp"
#include "tests/core/discreet.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cocbot::core {

// Found by argument-dependent lookup beside each test file's own contains() for strings: whether
// cocbot's words hold `part` (people and channels appear as "@U…" and "#C…").
inline bool contains(const Text& text, const std::string& part) {
    return to_plain(text).find(part) != std::string::npos;
}

} // namespace cocbot::core

namespace cocbot::core::testing {

inline Decision decision_of(const Outcome& outcome) {
    REQUIRE(std::holds_alternative<Decision>(outcome));
    return std::get<Decision>(outcome);
}

inline Rejection rejection_of(const Outcome& outcome) {
    REQUIRE(std::holds_alternative<Rejection>(outcome));
    return std::get<Rejection>(outcome);
}

// The form field a rejection points at (the first one).
inline std::string field_of(const Rejection& rejection) {
    REQUIRE_FALSE(rejection.fields.empty());
    return rejection.fields.front().field;
}

// The effects of one kind, in order.
template <typename T>
std::vector<T> all_of(const std::vector<Effect>& effects) {
    std::vector<T> found;
    for (const auto& e : effects)
        if (const auto* p = std::get_if<T>(&e))
            found.push_back(*p);
    return found;
}

template <typename T>
std::vector<T> all_of(const Decision& decision) {
    return all_of<T>(decision.effects);
}

// The events of one kind, in order.
template <typename T>
std::vector<T> events_of(const std::vector<Event>& events) {
    std::vector<T> found;
    for (const auto& e : events)
        if (const auto* p = std::get_if<T>(&e))
            found.push_back(*p);
    return found;
}

template <typename T>
std::vector<T> events_of(const Decision& decision) {
    return events_of<T>(decision.events);
}

// The messages of one kind that the decision posts, in order.
template <typename T>
std::vector<T> posted(const Decision& decision) {
    std::vector<T> found;
    for (const auto& post : all_of<Post>(decision))
        if (const auto* m = std::get_if<T>(&post.message))
            found.push_back(*m);
    return found;
}

// The messages of one kind that the decision puts in place of earlier ones, in order.
template <typename T>
std::vector<T> updated(const Decision& decision) {
    std::vector<T> found;
    for (const auto& update : all_of<Update>(decision))
        if (const auto* m = std::get_if<T>(&update.message))
            found.push_back(*m);
    return found;
}

// Whether the decision posts anything to `user` directly.
inline bool sent_to(const Decision& decision, const UserId& user) {
    for (const auto& post : all_of<Post>(decision))
        if (post.to_user == user)
            return true;
    return false;
}

inline std::vector<Post> direct_messages(const Decision& decision) {
    auto posts = all_of<Post>(decision);
    std::erase_if(posts, [](const Post& p) { return p.to_user.empty(); });
    return posts;
}

// A committee of five with HR and leadership contacts, and a report with details that must stay
// in the incident channel.
namespace sample {

inline const Time t0{std::chrono::seconds{1'800'000'000}};
inline const ChannelId committee_channel{"CCOMMITTEE"};
inline const ChannelId incident_channel{"GINCIDENT"};
inline const IncidentId ref{"2026-001"};
inline const UserId alice{"UALICE"}, bob{"UBOB"}, carol{"UCAROL"}, dave{"UDAVE"}, erin{"UERIN"};
inline const UserId hr1{"UHR1"}, hr2{"UHR2"}, lead1{"ULEAD1"}, lead2{"ULEAD2"};
inline const UserId reported{"UREPORTED"}, stranger{"USTRANGER"};

inline Committee committee() {
    Committee c;
    c.channel = committee_channel;
    c.members = {alice, bob, carol, dave, erin};
    c.safety = {"venue security", "crisis line"};
    c.hr = {hr1, hr2};
    c.leadership = {lead1, lead2};
    return c;
}

inline Report report() {
    Report r;
    r.reported.user = reported;
    r.source = Source::in_person; // taken by the member who files it: they are asked too
    r.description = "The secret details of what happened";
    r.location = "Room 3, Tuesday night";
    r.reporter_name = "Dana Reporter";
    r.reporter_contact = "dana@example.org";
    return r;
}

} // namespace sample

// One incident driven through decide() the way the shell drives it: the events are folded in,
// every post core asks to remember is reported back (RecordMessagePosted), and every decision is
// checked against the confidentiality rules.
struct Scene {
    Committee committee = sample::committee();
    Incident incident;
    Time now = sample::t0;
    std::vector<Event> history; // every event so far, in order
    int posted_count = 0;

    Outcome attempt(const Command& command) const {
        return decide(committee, incident, command, now);
    }

    Rejection refused(const Command& command) const { return rejection_of(attempt(command)); }

    // A command that must succeed.
    Decision run(const Command& command) {
        const Decision decision = decision_of(attempt(command));
        take(decision);
        return decision;
    }

    // A command that may be refused; applied when it is not.
    std::optional<Decision> run_if_accepted(const Command& command) {
        const auto outcome = attempt(command);
        const auto* decision = std::get_if<Decision>(&outcome);
        if (!decision)
            return std::nullopt;
        take(*decision);
        return *decision;
    }

    void take(const Decision& decision) {
        const Incident before = incident;
        apply(decision.events);
        check_discreet(committee, before, incident, decision);
        remember_posts(decision);
    }

    void apply(const std::vector<Event>& events) {
        incident = replay(incident, events);
        history.insert(history.end(), events.begin(), events.end());
    }

    void remember_posts(const Decision& decision) {
        for (const auto& post : all_of<Post>(decision)) {
            if (!post.remember)
                continue;
            const auto* motion = std::get_if<MotionMessage>(&post.message);
            // A direct message lands in the person's own conversation with the bot.
            const ChannelId channel =
                post.to_user.empty() ? post.channel : ChannelId{"D" + post.to_user.value};
            const MessageRef where{channel, "1000." + std::to_string(++posted_count)};
            const auto recorded = decision_of(
                attempt(RecordMessagePosted{incident.id, where, kind_of(post.message),
                                            motion ? motion->number : 0, post.to_user}));
            apply(recorded.events);
        }
    }

    Decision file(Report report = sample::report(), UserId by = sample::alice) {
        return run(SubmitReport{sample::ref, std::move(by), std::move(report), {}});
    }

    Decision open_channel(ChannelId channel = sample::incident_channel) {
        return run(ChannelCreated{incident.id, std::move(channel)});
    }

    void clear(std::initializer_list<UserId> members) {
        for (const auto& m : members)
            run(DeclareConflict{incident.id, m, false});
    }

    void conflict(std::initializer_list<UserId> members) {
        for (const auto& m : members)
            run(DeclareConflict{incident.id, m, true});
    }

    // Proposes a motion that must be opened; returns its number.
    int propose(const UserId& by, MotionKind kind, std::string text = {},
                std::vector<std::string> consequences = {}) {
        const auto decision =
            run(ProposeMotion{incident.id, by, kind, std::move(text), std::move(consequences)});
        const auto proposed = events_of<MotionProposed>(decision);
        REQUIRE(proposed.size() == 1);
        return proposed[0].motion;
    }

    Decision vote(int motion, const UserId& voter, bool yes) {
        return run(CastBallot{incident.id, motion, voter, yes});
    }

    const Motion& motion(int number) const {
        const Motion* m = incident.motion(number);
        REQUIRE(m != nullptr);
        return *m;
    }
};

// A filed report (taken by alice) whose channel is open, with `cleared` in it and `conflicted`
// out of it.
inline Scene opened(std::initializer_list<UserId> cleared,
                    std::initializer_list<UserId> conflicted = {},
                    Report report = sample::report()) {
    Scene scene;
    scene.file(std::move(report));
    scene.open_channel();
    scene.clear(cleared);
    scene.conflict(conflicted);
    return scene;
}

} // namespace cocbot::core::testing
