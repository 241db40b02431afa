// File: bench/load_phase.hpp
// One phase of the load: `connections` threads, each on its own keep-alive connection, sending
// distinct signed requests of one kind back to back for a while, each timed from the first byte
// sent to the last byte of the answer.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

namespace cocbot::bench {

enum class RequestKind {
    report_command,    // `/coc report`: ack, views.open
    report_submission, // the report modal submitted: durable, ack, the committee's prompt
    conflict_click,    // a member's "no conflict" on one of the reports filed before: durable, ack
    home_opened,       // the Events API's app_home_opened: ack, then views.publish of App Home
};

struct PhaseFigures {
    double per_second = 0;
    double p50_ms = 0, p99_ms = 0, p999_ms = 0;
    double cpu_per_1000 = 0; // the service's CPU seconds per 1,000 requests
    int errors = 0;          // answers other than 200, and requests that got none
    int shed = 0;            // `/coc report` told to try again: too many forms opening
};

class Load {
public:
    Load(std::uint16_t port, std::string secret, int connections, int service_pid)
        : port_(port), secret_(std::move(secret)), connections_(connections),
          service_pid_(service_pid) {}

    // `warmup` seconds unmeasured, then `seconds` measured.
    PhaseFigures run(RequestKind kind, int warmup, int seconds) const;

private:
    std::uint16_t port_;
    std::string secret_;
    int connections_;
    int service_pid_;
};

} // namespace cocbot::bench
