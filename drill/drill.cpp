// File: drill/drill.cpp
#include "drill/drill.hpp"

#include "bot/app/logger.hpp"
#include "bot/app/service.hpp"
#include "drill/cast.hpp"
#include "drill/confidentiality.hpp"
#include "drill/scenario.hpp"
#include "drill/stage.hpp"
#include "sim/fake_slack.hpp"
#include "sim/fake_socket_mode.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace cocbot::drill {

namespace {

namespace fs = std::filesystem;

// A folder of its own under the system's temporary folder, removed when the drill passes.
fs::path make_folder() {
    std::string name = (fs::temp_directory_path() / "cocbot-drill-XXXXXX").string();
    if (::mkdtemp(name.data()) == nullptr)
        throw std::runtime_error{"cannot make a temporary folder for the drill"};
    return name;
}

config::Config drill_config(const sim::FakeSlack& slack, const fs::path& folder,
                            const DrillClock& clock) {
    config::Config config;
    config.http.listen = {"127.0.0.1", 0}; // only /healthz and /metrics; any free port
    config.slack.api_url = slack.base_url();
    config.slack.pacing = false;        // the simulated workspace has no rate limits to respect
    config.audit.post_head = false;     // posted at a time of its own, not a step of the plan
    config.transparency.remind = false; // likewise the reminder at a quarter's start
    config.slack.mode = config::SlackMode::socket;
    config.slack.bot_token = "xoxb-drill";
    config.slack.app_token = "xapp-drill";
    config.storage.path = (folder / "cocbot.db").string();
    config.committee.channel = committee_channel;
    config.committee.members = committee();
    config.committee.hr = {cast::harper};
    config.safety = {"+44 20 7946 0000 (the security desk)", "116 123"};
    auto& d = config.deadlines;
    d.acknowledge = d.reporter_update = d.owner_nudge = d.conflict_nudge = clock.day;
    d.decision = d.hr_report = clock.week;
    return config;
}

void set_up_workspace(sim::FakeSlack& slack) {
    for (const auto& person : people())
        slack.set_real_name(person.id, person.name);
    std::set<std::string> members{cast::bot};
    for (const auto& member : committee())
        members.insert(member);
    slack.add_channel(committee_channel, "coc-committee", members);
}

// Sets the workspace up and returns the service's configuration for it.
config::Config prepared_config(sim::FakeSlack& slack, const fs::path& folder,
                               const DrillClock& clock) {
    set_up_workspace(slack);
    return drill_config(slack, folder, clock);
}

Audience audience_of(const sim::FakeSlack& slack) {
    std::set<std::string> members{cast::bot};
    for (const auto& member : committee())
        members.insert(member);
    return Audience{{{committee_channel, members}},
                    [&slack](std::string_view id) { return slack.channel_name(id); }};
}

void introduce(Transcript& transcript, const DrillClock& clock) {
    transcript.heading("cocbot drill: one whole incident, in a simulated Slack workspace.");
    transcript.heading("Nothing here reaches a real Slack. What each person sees is printed "
                       "under each step.\n");
    for (const auto& person : people())
        transcript.say(person.name + ": " + person.part);
    transcript.say("The reporter, Sam, is on the phone and never in Slack.");
    transcript.say("The plan's clocks run fast: a day is " + std::to_string(clock.day.count()) +
                   " s, a week " + std::to_string(clock.week.count()) + " s.");
}

std::string read_file(const fs::path& path) {
    std::ifstream in{path};
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The whole drill, its parts built and torn down in order: the service goes first.
class Drill {
public:
    explicit Drill(const DrillOptions& options)
        : options_(options),
          clock_(options.slow ? DrillClock{std::chrono::seconds{30}, std::chrono::seconds{90}}
                              : DrillClock{}),
          folder_(make_folder()), log_(open_log(folder_ / "cocbot.log")), socket_(slack_),
          config_(prepared_config(slack_, folder_, clock_)),
          transcript_(slack_, options.out, audience_of(slack_)),
          stage_(slack_, socket_, transcript_, config_.storage.path), scenario_(stage_, clock_) {}

    ~Drill() {
        if (service_.joinable()) { // the service writes to the log until it has stopped
            service_.request_stop();
            service_.join();
        }
        app::log_to(stderr);
        std::fclose(log_);
    }

    int run() {
        introduce(transcript_, clock_);
        service_ = std::jthread{[this](std::stop_token stop) { serve(std::move(stop)); }};
        const bool played = connected() && played_all();
        const bool stopped = stopped_cleanly();
        transcript_.catch_up(); // what cocbot did last, while it stopped, is audited too
        const bool confidential = played && kept_confidential();
        const bool passed = played && stopped && confidential;
        finish(passed);
        return passed ? 0 : 1;
    }

private:
    static std::FILE* open_log(const fs::path& path) {
        std::FILE* log = std::fopen(path.c_str(), "w");
        if (log == nullptr)
            throw std::runtime_error{"cannot write the drill's log at " + path.string()};
        app::log_to(log);
        return log;
    }

    // On the service's thread: a failure to start (the database, the port) is said, not fatal.
    void serve(std::stop_token stop) {
        try {
            service_exit_ = app::serve(config_, std::move(stop));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "cocbot drill: the service did not start: %s\n", e.what());
            service_exit_ = 2;
        }
    }

    bool connected() {
        if (socket_.wait_for_open(1, std::chrono::seconds(15)))
            return true;
        transcript_.heading("\n✗ cocbot did not connect to the simulated workspace.");
        return false;
    }

    bool played_all() {
        auto steps = scenario_.steps();
        for (std::size_t i = 0; i < steps.size(); ++i) {
            transcript_.step(static_cast<int>(i + 1), steps[i].title);
            try {
                steps[i].play();
            } catch (const std::exception& failed) { // StepFailed, or an answer of a wrong shape
                transcript_.catch_up();
                transcript_.heading(std::string{"\n✗ The step did not happen: "} + failed.what());
                return false;
            }
            if (options_.slow)
                std::this_thread::sleep_for(std::chrono::seconds(4));
        }
        return true;
    }

    bool stopped_cleanly() {
        service_.request_stop();
        service_.join();
        if (service_exit_ == 0)
            return true;
        transcript_.heading("\n✗ cocbot stopped with exit status " + std::to_string(service_exit_));
        return false;
    }

    bool kept_confidential();
    void finish(bool passed);

    DrillOptions options_;
    DrillClock clock_;
    fs::path folder_;
    std::FILE* log_;
    sim::FakeSlack slack_;
    sim::FakeSocketMode socket_;
    config::Config config_;
    Transcript transcript_;
    Stage stage_;
    Scenario scenario_;
    int service_exit_ = -1;
    std::jthread service_; // last: it stops and joins before anything it uses goes
};

bool Drill::kept_confidential() {
    const auto secrets = secrets_of(scenario_.words(), cast::rowan);
    transcript_.heading("\n── The confidentiality check");
    const auto sightings = transcript_.sightings();
    const auto found = leaks(sightings, secrets);
    for (const auto& leak : found)
        transcript_.say("✗ " + name_of(leak.person) + " was shown " + leak.what + " (" +
                        leak.where + ")");
    const auto in_log = found_in(read_file(folder_ / "cocbot.log"), secrets);
    for (const auto& what : in_log)
        transcript_.say("✗ cocbot's log holds " + what);
    for (const auto& person : people()) {
        if (cleared().contains(person.id) || person.id == cast::bot)
            continue;
        const auto shown = std::count_if(sightings.begin(), sightings.end(), [&](const auto& s) {
            return s.kind != Sighting::Kind::channel && s.audience.contains(person.id);
        });
        transcript_.say(person.name + " (" + person.part + ") was shown " + std::to_string(shown) +
                        " messages, forms or answers, none with anything the plan keeps from "
                        "them.");
    }
    if (found.empty() && in_log.empty())
        transcript_.say("✓ Of " + std::to_string(sightings.size()) +
                        " messages, forms, answers and channel changes in Slack, no one saw a "
                        "word of the report that the plan keeps from them, and cocbot's log "
                        "holds none of it.");
    return found.empty() && in_log.empty();
}

void Drill::finish(bool passed) {
    if (passed) {
        transcript_.heading("\n✓ The drill passed: every step happened, and the report stayed "
                            "with the people cleared to see it.");
        std::error_code ignored;
        fs::remove_all(folder_, ignored);
        return;
    }
    transcript_.heading("\n✗ The drill failed. cocbot's log and database are kept in " +
                        folder_.string());
}

} // namespace

int run(const DrillOptions& options) {
    Drill drill{options};
    return drill.run();
}

} // namespace cocbot::drill
