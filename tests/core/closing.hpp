// File: tests/core/closing.hpp
// The scenes the closing steps start from: an owned incident, its conversation, its resolution.
#pragma once

#include "tests/core/outcomes.hpp"

namespace cocbot::core::testing {

using namespace sample;

// Four cleared members, erin conflicted, bob the primary owner.
inline Scene owned() {
    auto scene = opened({alice, bob, carol, dave}, {erin});
    scene.run(NameOwner{ref, alice, OwnerRole::primary, bob});
    return scene;
}

inline Conversation conversation() {
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

inline Scene resolved() {
    auto scene = owned();
    scene.run(ResolveIncident{ref, bob, "Warning given; plan accepted", "Other",
                              ResolutionOutcome::warning});
    return scene;
}

} // namespace cocbot::core::testing
