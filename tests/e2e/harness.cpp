// File: tests/e2e/harness.cpp
#include "tests/e2e/harness.hpp"

#include <SQLiteCpp/Database.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <thread>

namespace cocbot::testing {

using nlohmann::json;
namespace http = boost::beast::http;

ReportInput plain_report() {
    ReportInput input;
    input.reported_user = "UREPORTED";
    input.description = "Shouted at a volunteer";
    input.source = "in_person";
    return input;
}

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void invite_by_hand(const FakeSlack& slack, const std::string& channel, const std::string& user) {
    const json body{{"channel", channel}, {"users", user}};
    const auto response = http_request(
        slack.port(), http::verb::post, "/api/conversations.invite", body.dump(),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer xoxp-a-human"}});
    REQUIRE(json::parse(response.body)["ok"] == true);
}

std::string reference_from(const HttpResponse& response) {
    const auto body = json::parse(response.body, nullptr, false);
    REQUIRE(body.is_object());
    const auto text = body["view"]["blocks"][0]["text"]["text"].get<std::string>();
    const auto at = text.find("report ");
    REQUIRE(at != std::string::npos);
    return text.substr(at + 7, text.find(' ', at + 7) - at - 7);
}

bool wait_messages(const FakeSlack& slack, const std::string& channel, std::size_t count,
                   std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (slack.messages(channel).size() == count)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return slack.messages(channel).size() == count;
}

void check_nothing_leaked(const FakeSlack& slack, const std::string& incident_channel,
                          const std::vector<std::string>& secrets) {
    check_nothing_leaked(slack, std::set<std::string>{incident_channel}, secrets);
}

void check_nothing_leaked(const FakeSlack& slack, const std::set<std::string>& incident_channels,
                          const std::vector<std::string>& secrets) {
    for (const auto& call : slack.calls()) {
        const auto channel = call.args.value("channel", "");
        if ((call.method == "chat.postMessage" || call.method == "chat.update") &&
            incident_channels.contains(channel))
            continue;
        const auto shown = call.args.dump();
        for (const auto& secret : secrets)
            if (shown.find(secret) != std::string::npos)
                FAIL_CHECK(call.method << " to \"" << channel << "\" shows \"" << secret << "\"");
    }
}

std::optional<std::string> motion_ts(const FakeSlack& slack, const std::string& channel,
                                     const std::string& reference, int number) {
    const json value = reference + "/" + std::to_string(number);
    for (const auto& m : slack.messages(channel))
        for (const auto& block : m.blocks.is_array() ? m.blocks : json::array())
            for (const auto& element : block.value("elements", json::array()))
                if (element.value("action_id", "") == "ballot_yes" &&
                    element.value("value", json{}) == value)
                    return m.ts;
    return std::nullopt;
}

void check_confidential(const FakeSlack& slack, const Bot& bot, const std::string& channel,
                        const std::set<std::string>& expected,
                        const std::set<std::string>& incident_channels,
                        const std::vector<std::string>& secrets) {
    const bool settled = eventually([&] { return slack.members(channel) == expected; });
    CHECK_MESSAGE(settled, "members: " << listed(slack.members(channel)) << "; expected "
                                       << listed(expected));
    check_nothing_leaked(slack, incident_channels, secrets);
    const auto log = bot.log();
    for (const auto& secret : secrets)
        if (log.find(secret) != std::string::npos)
            FAIL_CHECK("the log shows \"" << secret << "\"");
}

std::string listed(const std::set<std::string>& people) {
    std::string text;
    for (const auto& p : people)
        text += (text.empty() ? "" : ",") + p;
    return text;
}

bool has_ballot_buttons(const std::string& blocks) {
    return blocks.find("ballot_yes") != std::string::npos ||
           blocks.find("ballot_no") != std::string::npos;
}

void IncidentFixture::file_report(const std::string& user, const ReportInput& report) {
    reference = reference_from(bot.submit_report(user, report));
    REQUIRE(eventually([&] { return slack.channel_id("coc-" + reference).has_value(); }));
    channel = *slack.channel_id("coc-" + reference);
}

std::optional<FakeSlack::Message> IncidentFixture::posted(const std::string& fragment) const {
    for (auto& m : slack.messages(channel))
        if (m.text.find(fragment) != std::string::npos)
            return m;
    return std::nullopt;
}

FakeSlack::Message IncidentFixture::wait_posted(const std::string& fragment) const {
    const bool seen = eventually([&] { return posted(fragment).has_value(); });
    REQUIRE_MESSAGE(seen, "not posted in the channel: " << fragment);
    return *posted(fragment);
}

std::string IncidentFixture::control() const {
    for (const auto& m : slack.messages(channel))
        if (m.text == "Incident " + reference + " control")
            return m.blocks.dump();
    return {};
}

bool IncidentFixture::offers(const std::string& action_id) const {
    return control().find("\"action_id\":\"" + action_id + "\"") != std::string::npos;
}

void IncidentFixture::press(const std::string& user, const std::string& action_id) {
    const bool shown = eventually([&] { return offers(action_id); });
    CHECK_MESSAGE(shown, "the control message does not offer " << action_id);
    REQUIRE(bot.click(user, action_id, reference, channel).status == 200);
}

void IncidentFixture::open_modal(const std::string& user, const std::string& action_id,
                                 const std::string& callback) {
    const auto before = slack.calls("views.open").size();
    press(user, action_id);
    REQUIRE(eventually([&] { return slack.calls("views.open").size() > before; }));
    const auto view = slack.calls("views.open")[before].args["view"];
    CHECK(view["callback_id"] == callback);
    CHECK(view["private_metadata"] == reference);
}

json IncidentFixture::submit(const std::string& user, const std::string& callback,
                             const json& values) {
    const auto response = bot.submit_view(user, callback, reference, values);
    REQUIRE(response.status == 200);
    return json::parse(response.body);
}

void IncidentFixture::submit_ok(const std::string& user, const std::string& callback,
                                const json& values) {
    const auto answer = submit(user, callback, values);
    CHECK_MESSAGE(answer.value("response_action", "") == "update", answer.dump());
}

std::string IncidentFixture::ephemeral_for(const std::string& user,
                                           const std::function<void()>& act) {
    const auto to_user = [&] {
        std::vector<std::string> texts;
        for (const auto& call : slack.calls("chat.postEphemeral"))
            if (call.args.value("user", "") == user)
                texts.push_back(call.args.value("text", ""));
        return texts;
    };
    const auto before = to_user().size();
    act();
    REQUIRE(eventually([&] { return to_user().size() > before; }));
    return to_user()[before];
}

std::string IncidentFixture::motion_blocks(const std::string& ts) const {
    const auto m = slack.message(channel, ts);
    return m ? m->blocks.dump() : std::string{};
}

std::string IncidentFixture::answer(const std::string& user, const std::string& text,
                                    const std::string& in) {
    const auto response = in.empty() ? bot.slash(user, text) : bot.slash_in(user, in, text);
    REQUIRE(response.status == 200);
    return json::parse(response.body).value("text", "");
}

std::string IncidentFixture::list_for(const std::string& user) {
    return answer(user, "list");
}

namespace input {

json text(const std::string& value) {
    return {{"type", "plain_text_input"}, {"value", value.empty() ? json(nullptr) : json(value)}};
}

json choice(const std::string& value, const std::string& type) {
    return {{"type", type},
            {"selected_option",
             {{"text", {{"type", "plain_text"}, {"text", value}}}, {"value", value}}}};
}

json choices(const std::vector<std::string>& values, const std::string& type) {
    json selected = json::array();
    for (const auto& v : values)
        selected.push_back({{"text", {{"type", "plain_text"}, {"text", v}}}, {"value", v}});
    return {{"type", type}, {"selected_options", selected}};
}

json user(const std::string& id) {
    return {{"type", "users_select"}, {"selected_user", id.empty() ? json(nullptr) : json(id)}};
}

json users(const std::vector<std::string>& ids) {
    return {{"type", "multi_users_select"}, {"selected_users", ids}};
}

} // namespace input

json modal_values(const std::vector<std::pair<std::string, json>>& inputs) {
    json values = json::object();
    for (const auto& [id, value] : inputs)
        values[id] = {{id, value}};
    return values;
}

json report_state(const ReportInput& input) {
    const auto text = [](const std::string& value) {
        return json{{"type", "plain_text_input"},
                    {"value", value.empty() ? json(nullptr) : json(value)}};
    };
    json flags = json::array();
    for (const auto& f : input.flags)
        flags.push_back({{"text", {{"type", "plain_text"}, {"text", f}}}, {"value", f}});
    return {
        {"reported_user",
         {{"reported_user",
           {{"type", "users_select"},
            {"selected_user",
             input.reported_user.empty() ? json(nullptr) : json(input.reported_user)}}}}},
        {"reported_name", {{"reported_name", text(input.reported_name)}}},
        {"description", {{"description", text(input.description)}}},
        {"location", {{"location", text(input.location)}}},
        {"reporter_name", {{"reporter_name", text(input.reporter_name)}}},
        {"reporter_contact", {{"reporter_contact", text(input.reporter_contact)}}},
        {"source",
         {{"source",
           {{"type", "static_select"},
            {"selected_option",
             {{"text", {{"type", "plain_text"}, {"text", input.source}}},
              {"value", input.source}}}}}}},
        {"flags", {{"flags", {{"type", "checkboxes"}, {"selected_options", flags}}}}},
    };
}

Bot::Bot(FakeSlack& slack, std::map<std::string, std::string> extra_env)
    : slack_(slack), port_(free_port()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "cocbot-e2e-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    folder_ = pattern;
    database_ = folder_ + "/cocbot.db";
    log_path_ = folder_ + "/cocbot.log";
    env_ = {
        {"SLACK_SIGNING_SECRET", signing_secret},
        {"SLACK_BOT_TOKEN", bot_token},
        {"COCBOT_HTTP_LISTEN", "127.0.0.1:" + std::to_string(port_)},
        {"COCBOT_SLACK_API_URL", slack_.base_url()},
        {"COCBOT_STORAGE_PATH", database_},
        {"COCBOT_COMMITTEE_CHANNEL", committee_channel},
        {"COCBOT_COMMITTEE_MEMBERS", "UALICE,UBOB,UCAROL"},
        {"COCBOT_SAFETY_VENUE_SECURITY", "+1 555 0100"},
        {"COCBOT_SAFETY_CRISIS_LINE", "+1 555 0199"},
    };
    for (auto& [key, value] : extra_env)
        env_[key] = value;
    slack_.add_channel(committee_channel, "coc-committee", {"UALICE", "UBOB", "UCAROL", "UBOT"});
}

Bot::~Bot() {
    if (process_)
        process_->stop(SIGKILL, std::chrono::seconds(5));
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

void Bot::launch() {
    process_ = std::make_unique<ChildProcess>(COCBOT_BINARY, std::vector<std::string>{"serve"},
                                              env_, log_path_);
}

void Bot::start() {
    launch();
    const bool healthy = eventually([&] { return !process_->running() || health().status == 200; },
                                    std::chrono::seconds(10));
    if (!healthy || !process_->running())
        FAIL("cocbot did not become healthy; its log:\n" << log());
}

void Bot::start_unready() {
    launch();
    const bool serving = eventually([&] { return !process_->running() || health().status != 0; },
                                    std::chrono::seconds(10));
    if (!serving || !process_->running())
        FAIL("cocbot did not start serving; its log:\n" << log());
}

HttpResponse Bot::health(bool verbose) {
    return http_request(port_, http::verb::get, verbose ? "/healthz?verbose" : "/healthz", {}, {},
                        std::chrono::seconds(1));
}

int Bot::pending_effects() const {
    SQLite::Database db(database_, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM outbox WHERE state = 'pending'").getInt();
}

bool Bot::wait_idle(std::chrono::milliseconds timeout) const {
    return eventually([&] { return pending_effects() == 0; }, timeout);
}

void Bot::kill() {
    REQUIRE(process_);
    process_->stop(SIGKILL, std::chrono::seconds(5));
}

int Bot::terminate() {
    REQUIRE(process_);
    const auto status = process_->stop(SIGTERM, std::chrono::seconds(15));
    REQUIRE(status.has_value());
    return *status;
}

HttpResponse Bot::send_signed_at(const std::string& content_type, const std::string& body,
                                 std::int64_t unix_time) {
    return http_request(port_, http::verb::post, "/slack/events", body,
                        slack_headers(signing_secret, body, content_type, unix_time));
}

HttpResponse Bot::send(const std::string& content_type, const std::string& body) {
    return send_signed_at(content_type, body, unix_now());
}

HttpResponse Bot::slash(const std::string& user, const std::string& text,
                        const std::string& trigger) {
    return slash_command(user, "C0GENERAL", text, trigger);
}

HttpResponse Bot::slash_in(const std::string& user, const std::string& channel,
                           const std::string& text) {
    return slash_command(user, channel, text, "trigger-1");
}

HttpResponse Bot::slash_command(const std::string& user, const std::string& channel,
                                const std::string& text, const std::string& trigger) {
    return send("application/x-www-form-urlencoded",
                form_body({{"token", "deprecated"},
                           {"team_id", "T0001"},
                           {"team_domain", "example"},
                           {"channel_id", channel},
                           {"channel_name", channel == "C0GENERAL" ? "general" : "privategroup"},
                           {"user_id", user},
                           {"user_name", "someone"},
                           {"command", "/coc"},
                           {"text", text},
                           {"api_app_id", "A0001"},
                           {"response_url", "https://hooks.slack.com/commands/T0001/1/x"},
                           {"trigger_id", trigger}}));
}

HttpResponse Bot::submit_report(const std::string& user, const ReportInput& input,
                                std::string view_id) {
    if (view_id.empty())
        view_id = "V" + std::to_string(++views_);
    const json payload{
        {"type", "view_submission"},
        {"team", {{"id", "T0001"}, {"domain", "example"}}},
        {"user", {{"id", user}, {"username", "someone"}, {"team_id", "T0001"}}},
        {"api_app_id", "A0001"},
        {"token", "deprecated"},
        {"trigger_id", "trigger-2"},
        {"view",
         {{"id", view_id},
          {"team_id", "T0001"},
          {"type", "modal"},
          {"callback_id", "coc_report"},
          {"private_metadata", ""},
          {"hash", "1.abc"},
          {"state", {{"values", report_state(input)}}}}},
        {"response_urls", json::array()},
    };
    return send("application/x-www-form-urlencoded", payload_body(payload));
}

HttpResponse Bot::click(const std::string& user, const std::string& action_id,
                        const std::string& value, const std::string& channel) {
    const json payload{
        {"type", "block_actions"},
        {"team", {{"id", "T0001"}, {"domain", "example"}}},
        {"user", {{"id", user}, {"username", "someone"}, {"team_id", "T0001"}}},
        {"api_app_id", "A0001"},
        {"token", "deprecated"},
        {"trigger_id", "trigger-3"},
        {"container",
         {{"type", "message"},
          {"message_ts", "1.0"},
          {"channel_id", channel},
          {"is_ephemeral", false}}},
        {"channel", {{"id", channel}, {"name", "committee"}}},
        {"response_url", "https://hooks.slack.com/actions/T0001/1/x"},
        {"actions", json::array({{{"action_id", action_id},
                                  {"block_id", "conflict"},
                                  {"type", "button"},
                                  {"value", value},
                                  {"action_ts", "1.1"}}})},
    };
    return send("application/x-www-form-urlencoded", payload_body(payload));
}

HttpResponse Bot::ballot(const std::string& user, const std::string& reference, int number,
                         bool yes, const std::string& channel) {
    return click(user, yes ? "ballot_yes" : "ballot_no", reference + "/" + std::to_string(number),
                 channel);
}

HttpResponse Bot::select_user(const std::string& user, const std::string& action_id,
                              const std::string& block_id, const std::string& selected,
                              const std::string& channel) {
    const json payload{
        {"type", "block_actions"},
        {"team", {{"id", "T0001"}}},
        {"user", {{"id", user}, {"team_id", "T0001"}}},
        {"trigger_id", "trigger-4"},
        {"container", {{"type", "message"}, {"message_ts", "1.0"}, {"channel_id", channel}}},
        {"channel", {{"id", channel}}},
        {"actions", json::array({{{"action_id", action_id},
                                  {"block_id", block_id},
                                  {"type", "users_select"},
                                  {"selected_user", selected},
                                  {"action_ts", "1.1"}}})},
    };
    return send("application/x-www-form-urlencoded", payload_body(payload));
}

HttpResponse Bot::submit_view(const std::string& user, const std::string& callback_id,
                              const std::string& private_metadata, const json& values) {
    const json payload{{"type", "view_submission"},
                       {"team", {{"id", "T0001"}}},
                       {"user", {{"id", user}, {"team_id", "T0001"}}},
                       {"trigger_id", "trigger-5"},
                       {"view",
                        {{"id", "V0002"},
                         {"type", "modal"},
                         {"callback_id", callback_id},
                         {"private_metadata", private_metadata},
                         {"state", {{"values", values}}}}}};
    return send("application/x-www-form-urlencoded", payload_body(payload));
}

HttpResponse Bot::member_joined(const std::string& user, const std::string& channel) {
    return channel_event("member_joined_channel", user, channel);
}

HttpResponse Bot::member_left(const std::string& user, const std::string& channel) {
    return channel_event("member_left_channel", user, channel);
}

HttpResponse Bot::channel_event(const std::string& type, const std::string& user,
                                const std::string& channel) {
    static int next_event = 0;
    return event({{"type", "event_callback"},
                  {"team_id", "T0001"},
                  {"event_id", "EvMember" + std::to_string(++next_event)},
                  {"event_time", unix_now()},
                  {"event",
                   {{"type", type},
                    {"user", user},
                    {"channel", channel},
                    {"channel_type", "G"},
                    {"team", "T0001"}}}});
}

HttpResponse Bot::home_opened(const std::string& user) {
    static int next_event = 0;
    return event(
        {{"type", "event_callback"},
         {"team_id", "T0001"},
         {"event_id", "EvHome" + std::to_string(++next_event)},
         {"event_time", unix_now()},
         {"event",
          {{"type", "app_home_opened"}, {"user", user}, {"channel", "D0HOME"}, {"tab", "home"}}}});
}

HttpResponse Bot::event(const json& envelope) {
    return send("application/json", envelope.dump());
}

std::string Bot::log() const {
    return read_file(log_path_);
}

std::string Bot::stored_bytes() const {
    std::string bytes;
    for (const auto* suffix : {"", "-wal", "-shm", "-journal"})
        bytes += read_file(database_ + suffix);
    return bytes;
}

} // namespace cocbot::testing
