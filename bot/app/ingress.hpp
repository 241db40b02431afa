// File: bot/app/ingress.hpp
// The 3-second path: verify, parse, decide, commit, answer. Slack never waits for the Web API
// here; the one exception is views.open, which is started at once and not awaited. Requests
// arrive on the I/O thread and are handled on the application's executor, which owns SQLite,
// so the I/O thread never waits for the database.
#pragma once

#include "bot/app/deliveries.hpp"
#include "bot/app/governance.hpp"
#include "bot/app/group_commit.hpp"
#include "bot/app/health.hpp"
#include "bot/app/metrics.hpp"
#include "bot/app/read_models.hpp"
#include "bot/app/workflow.hpp"
#include "bot/net.hpp"
#include "bot/slack/api.hpp"
#include "bot/slack/payloads.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::app {

struct IngressOptions {
    std::string signing_secret;
};

class Ingress {
public:
    // What the ingress works with, all on the application thread.
    struct Parts {
        Workflow& workflow;
        const ReadModels& reads;
        Deliveries& deliveries;
        CommitteeRoster& roster;
        GroupCommit& commits;
        Metrics& metrics; // thread-safe: counted on the I/O thread
        Governance& governance;
    };

    // `executor` is the application's (it owns the parts and both APIs). `modal_api` answers
    // quickly or not at all (trigger ids expire in 3 s); `api` retries.
    Ingress(net::any_io_executor executor, Parts parts, slack::Api& api, slack::Api& modal_api,
            const Health& health, IngressOptions options);

    // The bot's own user id (from auth.test): its own channel joins are not intruders.
    void set_bot_user(std::string user_id) { bot_user_ = std::move(user_id); }

    // `/coc help`: the line of each subcommand in the table of them.
    static std::string help();

    // POST /slack/events: slash commands, interactivity and the Events API. Any thread.
    awaitable<Response> events(Request& request);
    // A Socket Mode envelope's payload (not signed: the socket is the proof), from any thread:
    // the acknowledgement's payload (empty for a bare ack), or nullopt when nothing was saved
    // and the envelope must go unacknowledged.
    awaitable<std::optional<std::string>> envelope(slack::Payload payload);
    // GET /metrics: Prometheus' text format, from counters and the last probe, without waiting
    // for the application thread.
    awaitable<Response> metrics(Request& request);
    // GET /healthz: 200 "ok" or 503 with the first failing check; ?verbose lists every check.
    // Answered from what the application thread last probed, without waiting for it.
    awaitable<Response> health(Request& request);

private:
    struct Answer;
    struct Subcommand;
    static const std::vector<Subcommand>& subcommands();

    awaitable<Answer> answer_on_app(const Request& request);
    awaitable<Answer> decide_on_app(slack::Payload payload);
    // The answer once what the request wrote is on disk, or not_saved.
    awaitable<Answer> once_durable(Answer decided);
    void recorded(const Answer& answer, std::chrono::steady_clock::time_point started,
                  std::string_view transport);
    Answer answer(const Request& request);
    Answer dispatch(const slack::Payload& payload);
    Answer on(const slack::SlashCommand& command);
    Answer on(const slack::BlockActions& actions);
    Answer on(const slack::ViewSubmission& submission);
    Answer on(const slack::ViewClosed& closed);
    Answer on(const slack::EventCallback& event);
    Answer on(const slack::UrlVerification& verification);
    Answer on(const slack::SslCheck& check);
    Answer on_incident_membership(const slack::EventCallback& event, bool joined);
    Answer handled(const slack::EventCallback& event, std::string outcome);
    Answer report(const slack::ViewSubmission& submission);
    Answer report_modal(const slack::SlashCommand& command);
    Answer help_answer(const slack::SlashCommand& command);
    Answer list(const slack::SlashCommand& command);
    Answer status(const slack::SlashCommand& command);
    Answer vote(const slack::SlashCommand& command);
    Answer timeline(const slack::SlashCommand& command);
    Answer reopen(const slack::SlashCommand& command);
    Answer transparency(const slack::SlashCommand& command);
    Answer committee(const slack::SlashCommand& command);
    Answer committee_removal_modal(const slack::SlashCommand& command, const core::UserId& subject);
    // The committee's own buttons (ballots, check-in, checklist); nullopt for any other.
    std::optional<Answer> on_committee_action(const slack::BlockActions& actions);
    Answer committee_removal(const slack::ViewSubmission& submission);
    // A modal's answer: core's field errors on the modal's `inputs` (on `fallback` when the
    // field is not one of them), or the confirmation that replaces the modal.
    Answer answer_with_fields(const core::Outcome& outcome, const std::vector<std::string>& inputs,
                              std::string_view fallback, std::string_view title,
                              std::string_view success);
    // False, and nothing sent, when too many calls are already waiting for Slack.
    bool open_modal(std::string trigger_id, nlohmann::json view);
    void publish_home(const core::UserId& user);

    net::any_io_executor executor_;
    Workflow& workflow_;
    const ReadModels& reads_;
    Deliveries& deliveries_;
    CommitteeRoster& roster_;
    GroupCommit& commits_;
    Metrics& metrics_;
    Governance& governance_;
    slack::Api& api_;
    slack::Api& modal_api_;
    const Health& health_;
    IngressOptions options_;
    // Calls started without Slack waiting for them, each bounded: a burst while Slack is slow
    // must not hold thousands of connections and their buffers.
    static constexpr int max_calls_in_flight = 64;
    int modals_opening_ = 0;
    int homes_publishing_ = 0;
    std::string bot_user_;
};

} // namespace cocbot::app
