// File: tests/support/sample_reports.cpp
#include "tests/support/sample_reports.hpp"

namespace cocbot::testing {

ReportInput plain_report() {
    ReportInput input;
    input.reported_user = "UREPORTED";
    input.description = "Shouted at a volunteer";
    input.source = "in_person";
    return input;
}

ReportInput shoulder_report(std::string reported_user, std::string source) {
    ReportInput input;
    input.reported_user = std::move(reported_user);
    input.description = "Kept touching my shoulder after I asked him to stop";
    input.location = "Hallway track, Tuesday 3pm";
    input.reporter_name = "Dana Reporter";
    input.reporter_contact = "dana@example.org";
    input.source = std::move(source);
    return input;
}

ReportInput danger_report() {
    auto input = shoulder_report();
    input.flags = {"immediate_danger"};
    return input;
}

} // namespace cocbot::testing
