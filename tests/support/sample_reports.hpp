// File: tests/support/sample_reports.hpp
// Reports that several tests file, as a person fills in the report modal.
#pragma once

#include "sim/slack_requests.hpp"

#include <string>

namespace cocbot::testing {

using namespace cocbot::sim; // the simulated workspace is the tests' Slack

// A report about UREPORTED taken in person, with nothing else filled in.
ReportInput plain_report();

// Dana Reporter's report (dana@example.org): he kept touching her shoulder, on the hallway
// track. Every detail is recognisable if it turns up where it must not.
ReportInput shoulder_report(std::string reported_user = "UREPORTED",
                            std::string source = "in_person");

// The same report, flagged as immediate danger.
ReportInput danger_report();

} // namespace cocbot::testing
