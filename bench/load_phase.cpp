// File: bench/load_phase.cpp
#include "bench/load_phase.hpp"

#include "bench/process_stats.hpp"
#include "core/ids.hpp"
#include "sim/http_client.hpp"
#include "sim/slack_requests.hpp"
#include "sim/slack_signer.hpp"
#include "tests/support/sample_reports.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace cocbot::bench {

namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* form_type = "application/x-www-form-urlencoded";

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

const char* const members[] = {"UALICE", "UBOB", "UCAROL"};

// Request `n` of connection `c`: never the same twice in a run, as Slack's are not.
std::string body_of(RequestKind kind, int c, long n) {
    const std::string id = std::to_string(c) + "x" + std::to_string(n);
    const char* member = members[static_cast<std::size_t>(n % 3)];
    if (kind == RequestKind::conflict_click) {
        // The reports the submission phase filed this year; a second answer is answered too.
        const int year = static_cast<int>(std::chrono::year_month_day{
            std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}
                                              .year());
        const auto reference =
            core::make_incident_id(year, static_cast<int>(1 + (n * 7 + c) % 500));
        return cocbot::sim::payload_body(
            cocbot::sim::button_click(member, "conflict_none", reference.value, "C0COMMITTEE"));
    }
    if (kind == RequestKind::home_opened)
        return cocbot::sim::home_opened_event("Ev" + id, member, unix_now()).dump();
    if (kind == RequestKind::report_command)
        return cocbot::sim::slash_command_body("UREPORTER" + std::to_string(c), "D0REPORTER",
                                               "report", "trigger." + id);
    auto report = testing::plain_report();
    report.reported_user = "UREPORTED" + std::to_string(n % 97);
    return cocbot::sim::payload_body(
        cocbot::sim::report_submission("UREPORTER" + std::to_string(c), "V" + id, report));
}

struct Samples {
    std::vector<double> ms;
    int errors = 0, shed = 0;
};

// Sends requests until `until`; keeps the latencies of those that started after `measure_from`.
Samples drive(std::uint16_t port, const std::string& secret, RequestKind kind, int c,
              Clock::time_point measure_from, Clock::time_point until) {
    Samples samples;
    auto connection = std::make_unique<cocbot::sim::HttpConnection>(port);
    for (long n = 0; Clock::now() < until; ++n) {
        const auto body = body_of(kind, c, n);
        const char* type = kind == RequestKind::home_opened ? "application/json" : form_type;
        const auto headers = cocbot::sim::slack_headers(secret, body, type, unix_now());
        const auto sent = Clock::now();
        const auto answer =
            connection->send(boost::beast::http::verb::post, "/slack/events", body, headers);
        if (sent < measure_from)
            continue;
        samples.ms.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
        if (answer.status != 200)
            ++samples.errors;
        else if (kind == RequestKind::report_command && !answer.body.empty())
            ++samples.shed; // the form opens with an empty ack; a text says it could not
        if (!connection->is_open())
            connection = std::make_unique<cocbot::sim::HttpConnection>(port);
    }
    return samples;
}

double percentile(const std::vector<double>& sorted, double fraction) {
    if (sorted.empty())
        return 0;
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

} // namespace

PhaseFigures Load::run(RequestKind kind, int warmup, int seconds) const {
    const auto measure_from = Clock::now() + std::chrono::seconds{warmup};
    const auto until = measure_from + std::chrono::seconds{seconds};
    std::vector<Samples> per_connection(static_cast<std::size_t>(connections_));
    std::vector<std::thread> threads;
    for (int c = 0; c < connections_; ++c)
        threads.emplace_back([&, c] {
            per_connection[static_cast<std::size_t>(c)] =
                drive(port_, secret_, kind, c, measure_from, until);
        });
    std::this_thread::sleep_until(measure_from);
    const double cpu_before = cpu_seconds(service_pid_);
    std::this_thread::sleep_until(until);
    const double cpu_after = cpu_seconds(service_pid_);
    for (auto& thread : threads)
        thread.join();

    std::vector<double> all;
    PhaseFigures figures;
    for (const auto& samples : per_connection) {
        all.insert(all.end(), samples.ms.begin(), samples.ms.end());
        figures.errors += samples.errors;
        figures.shed += samples.shed;
    }
    std::sort(all.begin(), all.end());
    figures.per_second = static_cast<double>(all.size()) / seconds;
    figures.p50_ms = percentile(all, 0.50);
    figures.p99_ms = percentile(all, 0.99);
    figures.p999_ms = percentile(all, 0.999);
    if (!all.empty())
        figures.cpu_per_1000 = (cpu_after - cpu_before) * 1000.0 / static_cast<double>(all.size());
    return figures;
}

} // namespace cocbot::bench
