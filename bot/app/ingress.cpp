// File: bot/app/ingress.cpp
#include "bot/app/ingress.hpp"

#include "bot/app/clock.hpp"
#include "bot/app/ingress_answer.hpp"
#include "bot/app/logger.hpp"
#include "bot/server/router.hpp"
#include "bot/slack/answers.hpp"
#include "bot/slack/form.hpp"
#include "bot/slack/ids.hpp"
#include "bot/slack/modals.hpp"
#include "bot/slack/report_modal.hpp"
#include "bot/slack/resolution_modal.hpp"
#include "bot/slack/signature.hpp"
#include "bot/slack/to_command.hpp"
#include "storage/database.hpp"

#include <algorithm>
#include <chrono>

namespace cocbot::app {

using nlohmann::json;

namespace {

// Slack's probe of the command URL carries no signature; it must be told 200 and nothing else.
bool is_ssl_check(const Request& request) {
    if (request[http::field::content_type].find("application/x-www-form-urlencoded") ==
        std::string_view::npos)
        return false;
    const auto form = slack::parse_form(request.body());
    return form && form->get("ssl_check") == "1";
}

std::string_view header(const Request& request, std::string_view name) {
    const auto field = request.find(name);
    if (field == request.end())
        return {};
    const auto value = field->value();
    return {value.data(), value.size()};
}

bool wants_details(const Request& request) {
    const std::string_view target = request.target();
    const auto query = target.find('?');
    return query != std::string_view::npos && target.substr(query + 1).starts_with("verbose");
}

// Errors keyed by anything but an input block would make Slack refuse the whole answer, so a
// field the modal does not have is shown on `fallback`.
json field_errors(const std::vector<core::FieldError>& errors,
                  const std::vector<std::string>& inputs, std::string_view fallback) {
    json map = json::object();
    for (const auto& e : errors) {
        const bool shown = std::find(inputs.begin(), inputs.end(), e.field) != inputs.end();
        const std::string field = shown ? e.field : std::string{fallback};
        if (!map.contains(field))
            map[field] = e.message;
    }
    return {{"response_action", "errors"}, {"errors", std::move(map)}};
}

json views_open_args(const std::string& trigger_id, json view) {
    return {{"trigger_id", trigger_id}, {"view", std::move(view)}};
}

json views_publish_args(const core::UserId& user, const core::Overview& overview, bool member) {
    return {{"user_id", user.value}, {"view", slack::home_view(overview, member)}};
}

void log_call(std::string_view what, const slack::ApiResult& result) {
    if (!result.ok)
        log(Level::warn, what, {{"outcome", "failed"}, {"error", result.error}});
}

} // namespace

Ingress::Ingress(net::any_io_executor executor, Parts parts, slack::Api& api, slack::Api& modal_api,
                 const Health& health, IngressOptions options)
    : executor_(executor), workflow_(parts.workflow), reads_(parts.reads),
      deliveries_(parts.deliveries), roster_(parts.roster), commits_(parts.commits),
      metrics_(parts.metrics), governance_(parts.governance), api_(api), modal_api_(modal_api),
      health_(health), options_(std::move(options)) {}

awaitable<Response> Ingress::events(Request& request) {
    const auto started = std::chrono::steady_clock::now();
    // The request stays alive in its session while this coroutine waits for the answer.
    Answer answer = co_await net::co_spawn(executor_, answer_on_app(request), net::use_awaitable);
    recorded(answer, started, "http");
    co_return server::response(request, answer.status, std::move(answer.body), answer.content_type);
}

awaitable<std::optional<std::string>> Ingress::envelope(slack::Payload payload) {
    const auto started = std::chrono::steady_clock::now();
    Answer answer =
        co_await net::co_spawn(executor_, decide_on_app(std::move(payload)), net::use_awaitable);
    recorded(answer, started, "socket");
    // Unacknowledged, Slack does what a 500 over HTTP makes it do: it redelivers an event,
    // keeps a modal open with an error, tells the member that typed a command it failed.
    if (answer.status != http::status::ok)
        co_return std::nullopt;
    co_return std::move(answer.body);
}

void Ingress::recorded(const Answer& answer, std::chrono::steady_clock::time_point started,
                       std::string_view transport) {
    const auto latency = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    metrics_.request(answer.kind, answer.outcome, latency);
    log(Level::info, "request",
        {{"kind", answer.kind},
         {"outcome", answer.outcome},
         {"status", std::to_string(static_cast<int>(answer.status))},
         {"transport", std::string{transport}},
         {"latency_ms", std::to_string(latency.count() / 1000)}});
}

awaitable<Ingress::Answer> Ingress::answer_on_app(const Request& request) {
    Answer decided;
    try {
        decided = answer(request);
    } catch (const std::exception& e) {
        co_return Answer::failure(e);
    }
    co_return co_await once_durable(std::move(decided));
}

awaitable<Ingress::Answer> Ingress::decide_on_app(slack::Payload payload) {
    Answer decided;
    try {
        decided = dispatch(payload);
        decided.kind = std::string{slack::kind_of(payload)};
    } catch (const std::exception& e) {
        co_return Answer::failure(e);
    }
    co_return co_await once_durable(std::move(decided));
}

awaitable<Ingress::Answer> Ingress::once_durable(Answer decided) {
    // Slack hears nothing before what the request wrote (and what its answer read) is on disk;
    // the requests that came in meanwhile share the same commit.
    if (co_await commits_.durable())
        co_return decided;
    auto failed = Answer::not_saved();
    failed.kind = decided.kind;
    co_return failed;
}

Ingress::Answer Ingress::answer(const Request& request) {
    if (is_ssl_check(request)) {
        auto answer = Answer::empty();
        answer.kind = "ssl_check";
        return answer;
    }
    const auto check = slack::verify_signature(
        options_.signing_secret, header(request, "X-Slack-Request-Timestamp"), request.body(),
        header(request, "X-Slack-Signature"), unix_seconds(now()));
    if (check != slack::SignatureCheck::ok)
        return Answer::error(http::status::unauthorized, "invalid request",
                             "rejected:" + std::string{slack::to_string(check)});
    const auto parsed = slack::parse_payload(request[http::field::content_type], request.body());
    if (const auto* error = std::get_if<slack::ParseError>(&parsed))
        return Answer::error(http::status::bad_request, error->message, "bad_request");
    const auto& payload = std::get<slack::Payload>(parsed);
    auto answer = dispatch(payload);
    answer.kind = std::string{slack::kind_of(payload)};
    return answer;
}

awaitable<Response> Ingress::health(Request& request) {
    const auto checks = health_.checks(now());
    const bool ok = all_ok(checks);
    std::string body =
        wants_details(request) ? health_details(checks) : health_summary(checks) + "\n";
    co_return server::response(request, ok ? http::status::ok : http::status::service_unavailable,
                               std::move(body), "text/plain");
}

awaitable<Response> Ingress::metrics(Request& request) {
    const auto at = now();
    co_return server::response(request, http::status::ok, metrics_.render(at, health_.checks(at)),
                               "text/plain; version=0.0.4; charset=utf-8");
}

Ingress::Answer Ingress::dispatch(const slack::Payload& payload) {
    return std::visit([this](const auto& p) { return on(p); }, payload);
}

bool Ingress::open_modal(std::string trigger_id, json view) {
    if (modals_opening_ >= max_calls_in_flight) {
        log(Level::warn, "views_open", {{"outcome", "shed"}});
        return false;
    }
    // The trigger expires in 3 seconds: call views.open now, without making Slack wait for it.
    // (Arguments are built outside the coroutine: GCC 12 miscompiles braced lists inside one.)
    auto open = [](slack::Api& api, json args) -> awaitable<void> {
        log_call("views_open", co_await api.call("views.open", std::move(args)));
    };
    ++modals_opening_;
    net::co_spawn(executor_, open(modal_api_, views_open_args(trigger_id, std::move(view))),
                  [this](std::exception_ptr e) {
                      --modals_opening_;
                      if (e)
                          log(Level::error, "views_open", {{"outcome", "exception"}});
                  });
    return true;
}

void Ingress::publish_home(const core::UserId& user) {
    // App Home is drawn again each time it is opened: one not drawn now is not lost.
    if (homes_publishing_ >= max_calls_in_flight) {
        log(Level::warn, "views_publish", {{"outcome", "shed"}});
        return;
    }
    // The overview may show what this turn's requests wrote: it goes to Slack once that is on
    // disk, and not at all if their commit failed.
    auto publish = [](slack::Api& api, GroupCommit& commits, json args) -> awaitable<void> {
        if (co_await commits.durable())
            log_call("views_publish", co_await api.call("views.publish", std::move(args)));
    };
    const auto overview = reads_.overview_for(user);
    workflow_.record_views(user, "home_viewed", core::shown_incidents(overview), now());
    ++homes_publishing_;
    net::co_spawn(executor_,
                  publish(api_, commits_,
                          views_publish_args(user, overview, roster_.committee().is_member(user))),
                  [this](std::exception_ptr e) {
                      --homes_publishing_;
                      if (e)
                          log(Level::error, "views_publish", {{"outcome", "exception"}});
                  });
}

Ingress::Answer Ingress::on(const slack::BlockActions& actions) {
    if (auto answer = on_committee_action(actions))
        return std::move(*answer);
    const auto intent = slack::intent_from_action(actions);
    if (!intent)
        return Answer::empty("ignored");
    // Replies and refusals (an outsider's ballot, say) reach the clicker privately, where they
    // clicked.
    std::optional<ReplyTo> reply_to;
    if (!actions.channel_id.empty())
        reply_to = ReplyTo{core::ChannelId{actions.channel_id}, core::UserId{actions.user_id}};
    if (const auto* command = std::get_if<core::Command>(&*intent))
        return Answer::empty(outcome_word(workflow_.handle(*command, now(), reply_to)));
    const auto& open = std::get<slack::OpenModal>(*intent);
    if (open.trigger_id.empty())
        return Answer::empty("no_trigger");
    auto view = open.modal == slack::ModalKind::resolve
                    ? slack::resolution_modal(
                          open.incident.value, roster_.committee().transparency.categories,
                          reads_.suggested_outcome(core::UserId{actions.user_id}, open.incident))
                    : slack::modal_for(open.modal, open.incident.value);
    if (!open_modal(open.trigger_id, std::move(view)))
        return Answer::empty("modal_shed");
    return Answer::empty("modal_opening");
}

Ingress::Answer Ingress::answer_with_fields(const core::Outcome& outcome,
                                            const std::vector<std::string>& inputs,
                                            std::string_view fallback, std::string_view title,
                                            std::string_view success) {
    if (const auto* rejection = std::get_if<core::Rejection>(&outcome)) {
        // A modal without inputs cannot show an error: say it in place of the modal instead.
        if (fallback.empty())
            return Answer::json_body(
                {{"response_action", "update"},
                 {"view", slack::confirmation_modal(title, rejection->message)}},
                "refused");
        auto errors = rejection->fields;
        if (errors.empty())
            errors.push_back({std::string{fallback}, rejection->message});
        return Answer::json_body(field_errors(errors, inputs, fallback), "refused");
    }
    const auto& decision = std::get<core::Decision>(outcome);
    return Answer::json_body(
        {{"response_action", "update"}, {"view", slack::confirmation_modal(title, decision.reply)}},
        std::string{success});
}

Ingress::Answer Ingress::on(const slack::ViewSubmission& submission) {
    if (submission.callback_id == slack::ids::report_callback)
        return report(submission);
    if (submission.callback_id == slack::ids::committee_remove_callback)
        return committee_removal(submission);
    const auto* modal = slack::modal_by_callback(submission.callback_id);
    if (!modal)
        return Answer::empty("ignored");
    auto command = slack::command_from_submission(submission);
    if (!command)
        return Answer::empty("ignored");
    // A refusal without a field of its own is shown on the modal's first input.
    const auto inputs = slack::input_ids(modal->view);
    return answer_with_fields(workflow_.handle(*command, now()), inputs,
                              inputs.empty() ? std::string{} : inputs.front(), modal->view.title,
                              "recorded");
}

Ingress::Answer Ingress::report(const slack::ViewSubmission& submission) {
    const auto inputs = slack::input_ids(slack::report_view());
    const auto form = slack::report_from_view(submission.state);
    if (const auto* errors = std::get_if<std::vector<core::FieldError>>(&form))
        return Answer::json_body(field_errors(*errors, inputs, slack::ids::description),
                                 "invalid_report");
    const auto from = submission.view_id.empty()
                          ? std::nullopt
                          : std::optional{Submission{submission.view_id, submission.hash}};
    return answer_with_fields(workflow_.file_report(core::UserId{submission.user_id},
                                                    std::get<core::Report>(form), now(), from),
                              inputs, slack::ids::description, "Report received", "filed");
}

Ingress::Answer Ingress::on(const slack::ViewClosed&) {
    return Answer::empty("ignored");
}

} // namespace cocbot::app
