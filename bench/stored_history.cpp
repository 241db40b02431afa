// File: bench/stored_history.cpp
#include "bench/stored_history.hpp"

#include "storage/unit_of_work.hpp"

#include <chrono>
#include <string>

namespace cocbot::bench {

namespace {
const core::Time filed_at{std::chrono::seconds{1'735'689'600}}; // 2025-01-01
} // namespace

core::Report sample_report(int n, bool escrow) {
    core::Report r;
    r.reported = {core::UserId{"U" + std::to_string(n % 500)}, "Person " + std::to_string(n)};
    r.description = "What happened, in some detail, number " + std::to_string(n);
    r.location = "Hall B";
    r.source = core::Source::in_person;
    r.flags.escrow = escrow;
    return r;
}

void store_history(storage::Database& db, int incidents, const std::vector<core::UserId>& members,
                   const core::ChannelId& committee_channel) {
    storage::UnitOfWork work{db};
    for (int n = 1; n <= incidents; ++n) {
        const auto id = core::make_incident_id(2025, n);
        const bool open = n > incidents - 5, escrow = !open && n % 10 == 0;
        work.create_incident(id, 2025, n, filed_at);
        core::ReportFiled filed;
        filed.incident = id;
        filed.at = filed_at;
        filed.report = sample_report(n, escrow);
        filed.submitted_by = members.front();
        filed.committee = members;
        filed.committee_channel = committee_channel;
        std::vector<core::Event> events{filed};
        if (!escrow && !open)
            events.push_back(core::IncidentResolved{"Resolved.", members.front(), filed_at, "Other",
                                                    core::ResolutionOutcome::warning});
        work.append(id, events, filed_at);
        work.set_active(id, open);
    }
    work.commit();
}

} // namespace cocbot::bench
