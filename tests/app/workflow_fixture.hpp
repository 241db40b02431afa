// File: tests/app/workflow_fixture.hpp
// The application's write and read paths over a private in-memory database, for the smallest
// committee (two_member_roster): what each app test starts from.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "bot/app/read_models.hpp"
#include "bot/app/workflow.hpp"
#include "storage/database.hpp"
#include "tests/support/two_member_roster.hpp"

namespace cocbot::testing {

struct WorkflowFixture {
    storage::Database db{":memory:"};
    app::CommitteeRoster roster = two_member_roster();
    app::Workflow workflow{db, roster};
    app::ReadModels reads{db, roster};
};

} // namespace cocbot::testing
