// File: tests/support/two_member_roster.hpp
// The smallest committee that exercises the workflow: UALICE and UBOB, both in C0COMMITTEE, its
// listing and names known. Header-only, so that the fuzz targets (which do not link the test
// support library) build it the same way as the tests.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "core/committee.hpp"

namespace cocbot::testing {

inline app::CommitteeRoster two_member_roster() {
    core::Committee committee;
    committee.channel = core::ChannelId{"C0COMMITTEE"};
    committee.members = {core::UserId{"UALICE"}, core::UserId{"UBOB"}};
    app::CommitteeRoster roster{committee};
    roster.set_channel_members(committee.members);
    roster.names_learned();
    return roster;
}

} // namespace cocbot::testing
