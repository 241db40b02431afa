// File: tests/core/channel_scenes.hpp
// The committee and the report the incident-channel tests start from, and a step through it.
#pragma once

#include "core/committee.hpp"
#include "core/decide.hpp"
#include "core/ids.hpp"
#include "core/incident.hpp"
#include "core/report.hpp"
#include "core/time.hpp"
#include "tests/core/outcomes.hpp"

namespace cocbot::core::testing::channel_scenes {

inline const Time now{std::chrono::seconds{1'800'000'000}};
inline const ChannelId committee_channel{"CCOMMITTEE"};
inline const ChannelId incident_channel{"GINCIDENT"};
inline const UserId alice{"UALICE"}, bob{"UBOB"}, carol{"UCAROL"}, dave{"UDAVE"}, outsider{"UOUT"};
inline const IncidentId ref = make_incident_id(2026, 1);

inline Committee committee() {
    return {committee_channel, {alice, bob, carol, dave}, {"security", "crisis"}, {}, {}, {}, {}};
}

inline Report report() {
    Report r;
    r.reported.user = UserId{"UREPORTED"};
    r.source = Source::in_person; // taken by the member who files it: they are asked too
    r.description = "The secret details";
    r.location = "Room 3";
    r.reporter_name = "Dana";
    r.reporter_contact = "dana@example.org";
    return r;
}

// Applies a command that must succeed; returns the new state and what it decided.
struct Step {
    Incident incident;
    Decision decision;
};

inline Step run(const Incident& incident, const Command& command) {
    auto d = decision_of(decide(committee(), incident, command, now));
    return {replay(incident, d.events), d};
}

} // namespace cocbot::core::testing::channel_scenes
