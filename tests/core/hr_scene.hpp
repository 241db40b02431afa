// File: tests/core/hr_scene.hpp
// Scenes with HR involved, shared by the HR and hand-off tests.
#pragma once

#include "tests/core/outcomes.hpp"

namespace cocbot::core::testing {

inline const ChannelId hr_channel{"GHR"};

// Alice, Bob and Carol cleared, Erin conflicted.
inline Scene three_cleared() {
    using namespace sample;
    return opened({alice, bob, carol}, {erin});
}

inline Decision open_hr_channel(Scene& scene, ChannelId channel = hr_channel) {
    return scene.run(ChannelCreated{sample::ref, std::move(channel), ChannelRole::hr});
}

// HR involved by Bob, its channel made, and hr1 in it (hr2 has not answered).
inline Scene with_hr(HrScope scope) {
    auto scene = three_cleared();
    scene.run(InvolveHr{sample::ref, sample::bob, scope});
    open_hr_channel(scene);
    scene.run(DeclareConflict{sample::ref, sample::hr1, false});
    return scene;
}

inline HrReport no_action() {
    return {HrFinding::no_violation, "None", "None", false};
}

} // namespace cocbot::core::testing
