// File: core/governance.cpp
#include "core/governance.hpp"

#include <algorithm>
#include <array>

namespace cocbot::core {

namespace {

constexpr std::array checklist{
    ChecklistItem{"mailing_lists", "Committee mailing lists or Google groups"},
    ChecklistItem{"email_aliases", "Aliases they use to send e-mail"},
    ChecklistItem{"report_documents", "All documents for reports"},
    ChecklistItem{"status_spreadsheet", "The spreadsheet for report statuses"},
    ChecklistItem{"registration_data", "Event registration data"},
};

} // namespace

std::string_view to_string(CommitteeMotionKind kind) {
    return kind == CommitteeMotionKind::removal ? "removal" : "admission";
}

std::optional<CommitteeMotionKind> committee_motion_kind_from_string(std::string_view text) {
    if (text == "removal")
        return CommitteeMotionKind::removal;
    if (text == "admission")
        return CommitteeMotionKind::admission;
    return std::nullopt;
}

bool may_vote(const CommitteeMotion& motion, const std::vector<UserId>& members,
              const UserId& voter) {
    return voter != motion.subject && contains(members, voter);
}

CommitteeTally count(const CommitteeMotion& motion, const std::vector<UserId>& members) {
    CommitteeTally tally;
    tally.members = static_cast<int>(members.size());
    tally.needed = majority_of(tally.members);
    for (const auto& member : members) {
        if (!may_vote(motion, members, member))
            continue;
        ++tally.voters;
        if (const auto ballot = motion.ballots.find(member); ballot != motion.ballots.end())
            ++(ballot->second ? tally.yes : tally.no);
    }
    if (tally.yes >= tally.needed)
        tally.result = MotionResult::passed;
    else if (tally.voters - tally.no < tally.needed)
        tally.result = MotionResult::rejected;
    return tally;
}

std::string_view to_string(OffboardCause cause) {
    return cause == OffboardCause::resigned ? "resigned" : "removed";
}

std::optional<OffboardCause> offboard_cause_from_string(std::string_view text) {
    if (text == "resigned")
        return OffboardCause::resigned;
    if (text == "removed")
        return OffboardCause::removed;
    return std::nullopt;
}

std::span<const ChecklistItem> offboard_checklist() {
    return checklist;
}

bool is_checklist_item(std::string_view id) {
    return std::any_of(checklist.begin(), checklist.end(),
                       [&](const ChecklistItem& item) { return item.id == id; });
}

OffboardStep next_step(const OffboardProgress& progress) {
    if (progress.told)
        return OffboardStep::done;
    if (progress.channels_pending > 0 || progress.refused)
        return OffboardStep::revoke;
    if (!progress.checklist_posted)
        return OffboardStep::checklist;
    if (progress.items_pending > 0)
        return OffboardStep::wait;
    return OffboardStep::tell;
}

} // namespace cocbot::core
