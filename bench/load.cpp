// File: bench/load.cpp
// A service under Slack's load, measured from outside: starts it (pinned to one core) against
// a fake Web API whose every call takes --api-delay-ms, then, from --connections keep-alive
// connections, sends distinct signed requests as Slack would: `/coc report` (ack, then
// views.open), app_home_opened events (ack, then views.publish), report submissions (durable,
// ack, then the committee's prompt), then members' "no conflict" clicks on those reports
// (durable, ack). For each it
// prints throughput, p50/p99/p999 ack latency and CPU seconds per 1,000 requests, with start-up
// time and idle and peak memory. The same requests and fake serve cocbot and the Bolt-js peer
// (bench/bolt), which reads the same environment.
//
// Run: cocbot-bench-load [--name N] [--seconds S] [--warmup S] [--connections C]
//        [--api-delay-ms MS] [--stored INCIDENTS] [--cpu CORE] -- PROGRAM [ARGS...]
#include "bench/load_phase.hpp"
#include "bench/process_stats.hpp"
#include "bench/stored_history.hpp"
#include "sim/fake_slack.hpp"
#include "sim/http_client.hpp"
#include "tests/support/process.hpp"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using Clock = std::chrono::steady_clock;

constexpr const char* secret = "bench-signing-secret";
constexpr const char* committee_channel = "C0COMMITTEE";

struct Options {
    std::string name = "service";
    int seconds = 10, warmup = 5, connections = 32, api_delay_ms = 2000, stored = 0, cpu = 0;
    std::vector<std::string> command;
};

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") {
            o.command.assign(argv + i + 1, argv + argc);
            break;
        }
        if (i + 1 >= argc)
            return std::nullopt;
        const std::string value = argv[++i];
        if (arg == "--name")
            o.name = value;
        else if (arg == "--seconds")
            o.seconds = std::atoi(value.c_str());
        else if (arg == "--warmup")
            o.warmup = std::atoi(value.c_str());
        else if (arg == "--connections")
            o.connections = std::atoi(value.c_str());
        else if (arg == "--api-delay-ms")
            o.api_delay_ms = std::atoi(value.c_str());
        else if (arg == "--stored")
            o.stored = std::atoi(value.c_str());
        else if (arg == "--cpu")
            o.cpu = std::atoi(value.c_str());
        else
            return std::nullopt;
    }
    if (o.command.empty() || o.seconds < 1 || o.warmup < 0 || o.connections < 1 || o.stored < 0)
        return std::nullopt;
    return o;
}

std::map<std::string, std::string> environment(const cocbot::sim::FakeSlack& slack,
                                               const std::string& folder, std::uint16_t port) {
    return {
        {"SLACK_SIGNING_SECRET", secret},
        {"SLACK_BOT_TOKEN", "xoxb-bench"},
        {"COCBOT_HTTP_LISTEN", "127.0.0.1:" + std::to_string(port)},
        {"COCBOT_HTTP_MAX_CONNECTIONS", "512"},
        {"COCBOT_SLACK_API_URL", slack.base_url()},
        {"COCBOT_STORAGE_PATH", folder + "/bench.db"},
        {"COCBOT_COMMITTEE_CHANNEL", committee_channel},
        {"COCBOT_COMMITTEE_MEMBERS", "UALICE,UBOB,UCAROL"},
        {"PATH", std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin"},
    };
}

// Milliseconds from the start until /healthz answers 200; nullopt when it never does.
std::optional<double> start_up(testing::ChildProcess& service, std::uint16_t port,
                               Clock::time_point started) {
    while (service.running() && Clock::now() - started < std::chrono::seconds{30}) {
        const auto answer =
            cocbot::sim::http_request(port, boost::beast::http::verb::get, "/healthz", {}, {},
                                      std::chrono::milliseconds{200});
        if (answer.status == 200)
            return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    }
    return std::nullopt;
}

void print(const bench::PhaseFigures& f, const char* what) {
    std::printf("  %-18s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  p999 %7.2f ms  "
                "CPU %6.2f s/1000  errors %d  shed %d\n",
                what, f.per_second, f.p50_ms, f.p99_ms, f.p999_ms, f.cpu_per_1000, f.errors,
                f.shed);
}

struct Service {
    cocbot::sim::FakeSlack slack; // answers at once during start-up, which needs it to be healthy
    std::filesystem::path folder;
    std::uint16_t port = testing::free_port();
    std::unique_ptr<testing::ChildProcess> process;
    double ready_ms = 0, idle_mib = 0;
};

// A fresh service on a fresh database (with the stored history, if asked), healthy.
std::unique_ptr<Service> start_service(const Options& o) {
    auto s = std::make_unique<Service>();
    s->slack.add_channel(committee_channel, "coc-committee", {"UALICE", "UBOB", "UCAROL", "UBOT"});
    s->folder = std::filesystem::temp_directory_path() / ("cocbot-load-" + o.name);
    std::filesystem::remove_all(s->folder);
    std::filesystem::create_directories(s->folder);
    if (o.stored > 0) {
        storage::Database db{(s->folder / "bench.db").string()};
        bench::store_history(db, o.stored,
                             {core::UserId{"UALICE"}, core::UserId{"UBOB"}, core::UserId{"UCAROL"}},
                             core::ChannelId{committee_channel});
    }
    std::vector<std::string> args{"-c", std::to_string(o.cpu)};
    args.insert(args.end(), o.command.begin(), o.command.end());
    const auto started = Clock::now();
    s->process = std::make_unique<testing::ChildProcess>(
        "/usr/bin/taskset", args, environment(s->slack, s->folder.string(), s->port),
        (s->folder / "service.log").string());
    const auto ready = start_up(*s->process, s->port, started);
    if (!ready) {
        std::fprintf(stderr, "%s did not become healthy; see %s\n", o.name.c_str(),
                     (s->folder / "service.log").c_str());
        return nullptr;
    }
    // Idle: started, and its start-up calls to the Web API answered.
    s->slack.wait_for([](const auto& calls) { return !calls.empty(); }, std::chrono::seconds{5});
    s->ready_ms = *ready;
    s->idle_mib = bench::rss_mib(s->process->pid());
    s->slack.set_delay(std::chrono::milliseconds{o.api_delay_ms});
    return s;
}

// Returns the peak RSS the service reached.
double stop_service(Service& s) {
    const double peak = bench::peak_rss_mib(s.process->pid());
    s.process->stop(SIGTERM, std::chrono::seconds{10});
    std::filesystem::remove_all(s.folder);
    return peak;
}

int run(const Options& o) {
    using Kind = bench::RequestKind;
    // Each group on a fresh service, so that what one phase leaves behind (thousands of open
    // incidents, calls still waiting for Slack) does not weigh on the next. Clicks answer the
    // reports the submissions filed, so they follow them.
    const std::vector<std::vector<std::pair<Kind, const char*>>> groups{
        {{Kind::report_command, "/coc report"}},
        {{Kind::home_opened, "App Home opened"}},
        {{Kind::report_submission, "report submission"}, {Kind::conflict_click, "conflict click"}},
    };
    double peak = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const auto service = start_service(o);
        if (!service)
            return 1;
        if (g == 0)
            std::printf("%s%s: start-up %.1f ms, idle RSS %.1f MiB\n", o.name.c_str(),
                        o.stored > 0 ? (" with " + std::to_string(o.stored) + " incidents").c_str()
                                     : "",
                        service->ready_ms, service->idle_mib);
        const bench::Load load{service->port, secret, o.connections, service->process->pid()};
        for (const auto& [kind, what] : groups[g])
            print(load.run(kind, o.warmup, o.seconds), what);
        peak = std::max(peak, stop_service(*service));
    }
    std::printf("  peak RSS %.1f MiB\n", peak);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const auto options = parse(argc, argv);
    if (!options) {
        std::fprintf(stderr, "usage: cocbot-bench-load [--name N] [--seconds S] [--warmup S] "
                             "[--connections C] [--api-delay-ms MS] [--stored INCIDENTS] "
                             "[--cpu CORE] -- PROGRAM [ARGS...]\n");
        return 2;
    }
    return run(*options);
}
