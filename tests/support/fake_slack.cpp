// File: tests/support/fake_slack.cpp
// FakeSlack: a Beast server on its own io_context thread in front of a small in-memory model of
// Slack (SlackState). The model is plain code under one mutex; the transport adds failures,
// delays and call recording around it.
#include "tests/support/fake_slack.hpp"

#include "bot/net.hpp"

#include <algorithm>
#include <atomic>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <charconv>
#include <climits>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <thread>

namespace cocbot::testing {
namespace {

using nlohmann::json;
namespace urls = boost::urls;

constexpr auto tuple_awaitable = net::as_tuple(net::use_awaitable);
constexpr std::string_view bot_user = "UBOT";

json error(std::string_view name) {
    return {{"ok", false}, {"error", name}};
}

// Form and query arguments arrive as strings, JSON ones as what they are: accept both.
std::string text_arg(const json& args, const char* key) {
    const auto it = args.find(key);
    if (it == args.end() || it->is_null()) {
        return {};
    }
    return it->is_string() ? it->get<std::string>() : it->dump();
}

// blocks, view and metadata are JSON-encoded strings inside form posts.
json json_arg(const json& args, const char* key) {
    const auto it = args.find(key);
    if (it == args.end()) {
        return nullptr;
    }
    if (it->is_string()) {
        auto parsed = json::parse(it->get<std::string>(), nullptr, false);
        return parsed.is_discarded() ? json(nullptr) : parsed;
    }
    return *it;
}

bool flag_arg(const json& args, const char* key) {
    const auto it = args.find(key);
    if (it == args.end()) {
        return false;
    }
    if (it->is_boolean()) {
        return it->get<bool>();
    }
    const auto text = text_arg(args, key);
    return text == "true" || text == "1";
}

long long to_number(std::string_view text, long long fallback) {
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size() ? value : fallback;
}

// "1700000000.000100" -> microseconds, for comparisons; garbage compares as 0.
long long ts_micros(std::string_view ts) {
    const auto dot = std::min(ts.find('.'), ts.size());
    std::string fraction(ts.substr(std::min(dot + 1, ts.size()), 6));
    fraction.resize(6, '0');
    return to_number(ts.substr(0, dot), 0) * 1'000'000 + to_number(fraction, 0);
}

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        if (end > start) {
            out.push_back(text.substr(start, end - start));
        }
        start = end + 1;
    }
    return out;
}

bool is_user_id(std::string_view id) {
    return id.size() > 1 && (id.front() == 'U' || id.front() == 'W');
}

// Slack delivers a post to a user id into the app's DM with that user.
std::string dm_for(std::string channel) {
    return is_user_id(channel) ? "D" + channel : channel;
}

std::optional<std::string> invalid_channel_name(const std::string& name) {
    if (name.empty()) {
        return "invalid_name_required";
    }
    if (name.size() > 80) {
        return "invalid_name_maxlength";
    }
    const bool valid = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    return valid ? std::nullopt : std::optional<std::string>("invalid_name_specials");
}

// The Slack workspace as cocbot sees it. Not thread-safe: FakeSlack holds the lock.
class SlackState {
public:
    using Message = FakeSlack::Message;
    struct Channel {
        std::string id, name;
        bool is_private = true;
        bool archived = false;
        std::set<std::string> members;
    };

    json handle(std::string_view method, const json& args);

    void add_channel(Channel channel) { channels_[channel.id] = std::move(channel); }
    // A message someone else posted: plain text, no metadata.
    void add_message(std::string channel, std::string text) {
        auto ts = next_ts();
        messages_.push_back({std::move(channel), std::move(ts), std::move(text), {}, {}});
    }
    std::size_t history_page_cap = 0; // 0: a page holds `limit` messages, as asked
    std::vector<Message> messages(const std::string& channel) const;
    std::optional<std::string> channel_id(std::string_view name) const;
    std::set<std::string> members(std::string_view id) const;
    bool remove_member(std::string_view id, std::string_view user);
    std::set<std::string> archived_channels() const;
    const std::vector<json>& opened_views() const { return opened_views_; }

private:
    using Answer = json (SlackState::*)(const json&);
    static const std::map<std::string_view, Answer>& answers();

    json auth_test(const json&);
    json post_message(const json& args);
    json update_message(const json& args);
    json post_ephemeral(const json& args);
    json history(const json& args);
    json create(const json& args);
    json invite(const json& args);
    json kick(const json& args);
    json list_members(const json& args);
    json archive(const json& args);
    json info(const json& args);
    json list(const json& args);
    json open_dm(const json& args);
    json open_view(const json& args);
    json publish_view(const json& args);
    json user_info(const json& args);

    std::string next_ts();
    std::string next_id(char prefix) {
        char id[16];
        std::snprintf(id, sizeof id, "%c%08d", prefix, ++id_counter_);
        return id;
    }
    Channel* find_channel(const std::string& id) {
        const auto it = channels_.find(id);
        return it == channels_.end() ? nullptr : &it->second;
    }
    static json channel_json(const Channel& channel);
    static json message_json(const Message& message, bool with_metadata);

    std::map<std::string, Channel> channels_;
    std::vector<Message> messages_; // in posting order
    std::vector<json> opened_views_;
    long long ts_counter_ = 0;
    int id_counter_ = 0;
};

const std::map<std::string_view, SlackState::Answer>& SlackState::answers() {
    static const std::map<std::string_view, Answer> table{
        {"auth.test", &SlackState::auth_test},
        {"chat.postMessage", &SlackState::post_message},
        {"chat.update", &SlackState::update_message},
        {"chat.postEphemeral", &SlackState::post_ephemeral},
        {"conversations.history", &SlackState::history},
        {"conversations.create", &SlackState::create},
        {"conversations.invite", &SlackState::invite},
        {"conversations.kick", &SlackState::kick},
        {"conversations.members", &SlackState::list_members},
        {"conversations.archive", &SlackState::archive},
        {"conversations.info", &SlackState::info},
        {"conversations.list", &SlackState::list},
        {"conversations.open", &SlackState::open_dm},
        {"views.open", &SlackState::open_view},
        {"views.publish", &SlackState::publish_view},
        {"views.update", &SlackState::publish_view},
        {"users.info", &SlackState::user_info},
    };
    return table;
}

json SlackState::handle(std::string_view method, const json& args) {
    const auto it = answers().find(method);
    return it == answers().end() ? error("unknown_method") : (this->*(it->second))(args);
}

std::string SlackState::next_ts() {
    // As on Slack, a message's ts is when it was posted (made unique and increasing).
    const long long wall = std::chrono::duration_cast<std::chrono::microseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
    ts_counter_ = std::max(wall, ts_counter_ + 100);
    const long long micros = ts_counter_;
    char ts[32];
    std::snprintf(ts, sizeof ts, "%lld.%06lld", micros / 1'000'000, micros % 1'000'000);
    return ts;
}

json SlackState::channel_json(const Channel& channel) {
    return {{"id", channel.id},
            {"name", channel.name},
            {"name_normalized", channel.name},
            {"is_channel", true},
            {"is_group", channel.is_private},
            {"is_private", channel.is_private},
            {"is_archived", channel.archived},
            {"is_member", channel.members.contains(std::string(bot_user))},
            {"creator", bot_user},
            {"created", 1700000000}};
}

json SlackState::message_json(const Message& message, bool with_metadata) {
    json out{{"type", "message"},
             {"user", bot_user},
             {"bot_id", "BBOT"},
             {"text", message.text},
             {"ts", message.ts}};
    if (!message.blocks.is_null()) {
        out["blocks"] = message.blocks;
    }
    if (with_metadata && !message.metadata.is_null()) {
        out["metadata"] = message.metadata;
    }
    return out;
}

json SlackState::auth_test(const json&) {
    return {{"ok", true},
            {"url", "https://cocbot-test.slack.com/"},
            {"team", "cocbot test"},
            {"user", "cocbot"},
            {"team_id", "T0001"},
            {"user_id", bot_user},
            {"bot_id", "BBOT"}};
}

json SlackState::post_message(const json& args) {
    Message message{dm_for(text_arg(args, "channel")),
                    {},
                    text_arg(args, "text"),
                    json_arg(args, "blocks"),
                    json_arg(args, "metadata")};
    if (message.channel.empty()) {
        return error("channel_not_found");
    }
    const bool no_blocks = message.blocks.is_null() || message.blocks.empty();
    if (message.text.empty() && no_blocks) {
        return error("no_text");
    }
    if (const Channel* channel = find_channel(message.channel)) {
        if (channel->archived) {
            return error("is_archived");
        }
        if (!channel->members.contains(std::string(bot_user))) {
            return error("not_in_channel");
        }
    }
    message.ts = next_ts();
    messages_.push_back(message);
    return {{"ok", true},
            {"channel", message.channel},
            {"ts", message.ts},
            {"message", message_json(message, true)}};
}

json SlackState::update_message(const json& args) {
    const auto channel = dm_for(text_arg(args, "channel"));
    const auto ts = text_arg(args, "ts");
    const auto it = std::find_if(messages_.begin(), messages_.end(), [&](const Message& m) {
        return m.channel == channel && m.ts == ts;
    });
    if (it == messages_.end()) {
        return error(channel.empty() ? "channel_not_found" : "message_not_found");
    }
    if (args.contains("text")) {
        it->text = text_arg(args, "text");
    }
    if (args.contains("blocks")) {
        it->blocks = json_arg(args, "blocks");
    }
    if (args.contains("metadata")) {
        it->metadata = json_arg(args, "metadata");
    }
    return {{"ok", true},
            {"channel", channel},
            {"ts", ts},
            {"text", it->text},
            {"message", message_json(*it, true)}};
}

json SlackState::post_ephemeral(const json& args) {
    if (text_arg(args, "channel").empty()) {
        return error("channel_not_found");
    }
    if (const Channel* channel = find_channel(text_arg(args, "channel"));
        channel && channel->archived) {
        return error("is_archived");
    }
    // As Slack does: an ephemeral reaches only a member of a channel the fake knows.
    const Channel* channel = find_channel(text_arg(args, "channel"));
    if (text_arg(args, "user").empty() ||
        (channel && channel->members.count(text_arg(args, "user")) == 0)) {
        return error("user_not_in_channel");
    }
    if (text_arg(args, "text").empty() && json_arg(args, "blocks").is_null()) {
        return error("no_text");
    }
    return {{"ok", true}, {"message_ts", next_ts()}};
}

json SlackState::history(const json& args) {
    const auto channel = dm_for(text_arg(args, "channel"));
    if (channel.empty()) {
        return error("channel_not_found");
    }
    const bool with_metadata = flag_arg(args, "include_all_metadata");
    const auto limit =
        std::min(static_cast<std::size_t>(std::max(1LL, to_number(text_arg(args, "limit"), 100))),
                 history_page_cap == 0 ? SIZE_MAX : history_page_cap);
    const long long oldest = ts_micros(text_arg(args, "oldest"));
    // Newest first, a page at a time; the cursor is the ts the next page starts below.
    const auto cursor = text_arg(args, "cursor");
    const long long below = cursor.empty() ? LLONG_MAX : ts_micros(cursor);
    json out = json::array();
    std::string next_cursor;
    for (auto it = messages_.rbegin(); it != messages_.rend(); ++it) {
        const long long at = ts_micros(it->ts);
        if (it->channel != channel || at <= oldest || at >= below) {
            continue;
        }
        if (out.size() == limit) {
            next_cursor = out.back().value("ts", "");
            break;
        }
        out.push_back(message_json(*it, with_metadata));
    }
    return {{"ok", true},
            {"messages", out},
            {"has_more", !next_cursor.empty()},
            {"response_metadata", {{"next_cursor", next_cursor}}}};
}

json SlackState::create(const json& args) {
    const auto name = text_arg(args, "name");
    if (const auto invalid = invalid_channel_name(name)) {
        return error(*invalid);
    }
    if (channel_id(name)) {
        return error("name_taken");
    }
    const bool is_private = flag_arg(args, "is_private");
    Channel channel{
        next_id(is_private ? 'G' : 'C'), name, is_private, false, {std::string(bot_user)}};
    channels_[channel.id] = channel;
    return {{"ok", true}, {"channel", channel_json(channel)}};
}

json SlackState::invite(const json& args) {
    Channel* channel = find_channel(text_arg(args, "channel"));
    if (!channel) {
        return error("channel_not_found");
    }
    if (channel->archived) {
        return error("is_archived");
    }
    const auto users = split_commas(text_arg(args, "users"));
    if (users.empty()) {
        return error("no_user");
    }
    json errors = json::array();
    for (const auto& user : users) {
        const char* problem = user == bot_user                  ? "cant_invite_self"
                              : channel->members.contains(user) ? "already_in_channel"
                                                                : nullptr;
        if (problem) {
            errors.push_back({{"user", user}, {"ok", false}, {"error", problem}});
        }
    }
    // Without force, one bad user means nobody is invited.
    if (!errors.empty() && !flag_arg(args, "force")) {
        json out = error(errors.front()["error"].get<std::string>());
        out["errors"] = errors;
        return out;
    }
    for (const auto& user : users) {
        if (user != bot_user) {
            channel->members.insert(user);
        }
    }
    json out{{"ok", true}, {"channel", channel_json(*channel)}};
    if (!errors.empty()) {
        out["errors"] = errors;
    }
    return out;
}

json SlackState::kick(const json& args) {
    Channel* channel = find_channel(text_arg(args, "channel"));
    if (!channel) {
        return error("channel_not_found");
    }
    const auto user = text_arg(args, "user");
    if (user == bot_user) {
        return error("cant_kick_self");
    }
    if (channel->members.erase(user) == 0) {
        return error("not_in_channel");
    }
    return {{"ok", true}};
}

json SlackState::list_members(const json& args) {
    const Channel* channel = find_channel(text_arg(args, "channel"));
    if (!channel) {
        return error("channel_not_found");
    }
    return {
        {"ok", true}, {"members", channel->members}, {"response_metadata", {{"next_cursor", ""}}}};
}

json SlackState::archive(const json& args) {
    Channel* channel = find_channel(text_arg(args, "channel"));
    if (!channel) {
        return error("channel_not_found");
    }
    if (channel->archived) {
        return error("already_archived");
    }
    channel->archived = true;
    return {{"ok", true}};
}

json SlackState::info(const json& args) {
    const Channel* channel = find_channel(text_arg(args, "channel"));
    return channel ? json{{"ok", true}, {"channel", channel_json(*channel)}}
                   : error("channel_not_found");
}

// The channels the bot is in, so a re-run that met name_taken can find its channel.
json SlackState::list(const json& args) {
    const bool exclude_archived = flag_arg(args, "exclude_archived");
    json out = json::array();
    for (const auto& [id, channel] : channels_) {
        if (channel.members.contains(std::string(bot_user)) &&
            !(exclude_archived && channel.archived)) {
            out.push_back(channel_json(channel));
        }
    }
    return {{"ok", true}, {"channels", out}, {"response_metadata", {{"next_cursor", ""}}}};
}

json SlackState::open_dm(const json& args) {
    const auto users = split_commas(text_arg(args, "users"));
    if (users.empty()) {
        return error("users_list_not_supplied");
    }
    std::string id = users.size() == 1 ? "D" + users.front() : "G";
    for (std::size_t i = 0; users.size() > 1 && i < users.size(); ++i) {
        id += users[i];
    }
    return {{"ok", true}, {"channel", {{"id", id}}}};
}

json SlackState::open_view(const json& args) {
    if (text_arg(args, "trigger_id").empty()) {
        return error("invalid_trigger_id");
    }
    json view = json_arg(args, "view");
    if (!view.is_object()) {
        return error("invalid_arguments");
    }
    opened_views_.push_back(view);
    view["id"] = next_id('V');
    view["team_id"] = "T0001";
    view["state"] = {{"values", json::object()}};
    view["hash"] = "1700000000.abcdef";
    view["root_view_id"] = view["id"];
    view["bot_id"] = "BBOT";
    return {{"ok", true}, {"view", view}};
}

json SlackState::publish_view(const json& args) {
    json view = json_arg(args, "view");
    if (!view.is_object()) {
        return error("invalid_arguments");
    }
    view["id"] = text_arg(args, "view_id").empty() ? next_id('V') : text_arg(args, "view_id");
    return {{"ok", true}, {"view", view}};
}

json SlackState::user_info(const json& args) {
    const auto id = text_arg(args, "user");
    if (id.empty()) {
        return error("user_not_found");
    }
    std::string name = id;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string real_name = "User " + id;
    return {{"ok", true},
            {"user",
             {{"id", id},
              {"team_id", "T0001"},
              {"name", name},
              {"real_name", real_name},
              {"deleted", false},
              {"is_bot", id == bot_user},
              {"profile", {{"real_name", real_name}, {"display_name", name}}}}}};
}

std::vector<FakeSlack::Message> SlackState::messages(const std::string& channel) const {
    std::vector<Message> out;
    std::copy_if(messages_.begin(), messages_.end(), std::back_inserter(out),
                 [&](const Message& m) { return m.channel == channel; });
    return out;
}

std::optional<std::string> SlackState::channel_id(std::string_view name) const {
    for (const auto& [id, channel] : channels_) {
        if (channel.name == name) {
            return id;
        }
    }
    return std::nullopt;
}

std::set<std::string> SlackState::members(std::string_view id) const {
    const auto it = channels_.find(std::string(id));
    return it == channels_.end() ? std::set<std::string>{} : it->second.members;
}

bool SlackState::remove_member(std::string_view id, std::string_view user) {
    const auto it = channels_.find(std::string(id));
    return it != channels_.end() && it->second.members.erase(std::string(user)) > 0;
}

std::set<std::string> SlackState::archived_channels() const {
    std::set<std::string> out;
    for (const auto& [id, channel] : channels_) {
        if (channel.archived) {
            out.insert(id);
        }
    }
    return out;
}

struct Failure {
    int status = 500;
    int remaining = 0;
    std::optional<int> retry_after;
};

struct ErrorAnswer {
    std::string error;
    int remaining = 0;
};

// Takes one use of the first armed entry for `method`, or for "*".
template <typename T>
std::optional<T> take_armed(std::map<std::string, T, std::less<>>& armed, std::string_view method) {
    for (const std::string_view key : {method, std::string_view("*")}) {
        const auto it = armed.find(key);
        if (it != armed.end() && it->second.remaining > 0) {
            T taken = it->second;
            if (--it->second.remaining == 0) {
                armed.erase(it);
            }
            return taken;
        }
    }
    return std::nullopt;
}

// Query and form parameters, decoded with '+' as a space, as Slack reads them. Read through a
// url_view: Boost 1.81's parse_query() lets the last value run past the end of its input.
void add_params(json& args, const urls::url_view& url) {
    urls::encoding_opts options;
    options.space_as_plus = true;
    for (const auto& param : url.params(options)) {
        args[param.key] = param.value;
    }
}

Response text_response(http::status status, std::string body) {
    Response response{status, 11};
    response.set(http::field::content_type, "text/plain");
    response.body() = std::move(body);
    return response;
}

Response json_response(http::status status, const json& body) {
    Response response{status, 11};
    response.set(http::field::content_type, "application/json; charset=utf-8");
    response.body() = body.dump(-1, ' ', false, json::error_handler_t::replace);
    return response;
}

// A session that throws is a bug in the fake: say so, since its client only sees a closed socket.
void report_failure(const std::exception_ptr& failure) {
    try {
        if (failure) {
            std::rethrow_exception(failure);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "FakeSlack: session failed: %s\n", e.what());
    }
}

} // namespace

struct FakeSlack::Impl {
    net::io_context io;
    tcp::acceptor acceptor{io};
    std::uint16_t port = 0; // read once: the acceptor belongs to the server thread
    std::atomic<int> connections{0};
    std::vector<std::weak_ptr<beast::tcp_stream>> open_streams; // server thread only
    std::thread thread;

    mutable std::mutex mutex; // guards everything below
    std::chrono::milliseconds delay{0};
    std::map<std::string, Failure, std::less<>> failures;
    std::map<std::string, ErrorAnswer, std::less<>> errors;
    std::map<std::string, Handler, std::less<>> handlers;
    std::vector<RecordedCall> calls;
    SlackState state;

    awaitable<void> accept_loop();
    awaitable<void> session(tcp::socket socket);
    Response handle(const Request& request);
    Response answer(const std::string& method, const json& args, bool authorized);
};

awaitable<void> FakeSlack::Impl::accept_loop() {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(tuple_awaitable);
        if (ec == net::error::operation_aborted || !acceptor.is_open()) {
            co_return;
        }
        if (!ec) {
            ++connections;
            net::co_spawn(io, session(std::move(socket)), report_failure);
        }
    }
}

awaitable<void> FakeSlack::Impl::session(tcp::socket socket) {
    auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
    std::erase_if(open_streams, [](const auto& weak) { return weak.expired(); });
    open_streams.push_back(stream);
    beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(8 * 1024 * 1024);
        stream->expires_after(std::chrono::seconds(60));
        auto [read_ec, read] = co_await http::async_read(*stream, buffer, parser, tuple_awaitable);
        if (read_ec) {
            break;
        }
        const Request request = parser.release();
        Response response = handle(request);
        std::chrono::milliseconds wait;
        {
            std::lock_guard lock(mutex);
            wait = delay;
        }
        if (wait.count() > 0) {
            net::steady_timer timer(io, wait);
            co_await timer.async_wait(tuple_awaitable);
        }
        response.keep_alive(request.keep_alive());
        response.prepare_payload();
        stream->expires_after(std::chrono::seconds(60));
        auto [write_ec, written] = co_await http::async_write(*stream, response, tuple_awaitable);
        if (write_ec || !response.keep_alive()) {
            break;
        }
    }
    error_code ignored;
    stream->socket().shutdown(tcp::socket::shutdown_send, ignored);
}

Response FakeSlack::Impl::handle(const Request& request) {
    const auto target = urls::parse_origin_form(request.target());
    constexpr std::string_view prefix = "/api/";
    if (!target || !target->encoded_path().starts_with(prefix)) {
        return text_response(http::status::not_found, "not found");
    }
    const std::string method = target->path().substr(prefix.size());
    json args = json::object();
    add_params(args, *target);
    const auto content_type = request[http::field::content_type];
    if (content_type.starts_with("application/json")) {
        const auto body = json::parse(request.body(), nullptr, false);
        if (!body.is_object()) {
            return json_response(http::status::ok, error("invalid_json"));
        }
        args.update(body);
    } else if (!request.body().empty()) {
        const std::string query = "/?" + request.body();
        const auto form = urls::parse_origin_form(query);
        if (!form) {
            return json_response(http::status::ok, error("invalid_form_data"));
        }
        add_params(args, *form);
    }
    const std::string authorization(request[http::field::authorization]);
    {
        std::lock_guard lock(mutex);
        calls.push_back({method, std::string(request.method_string()), args, authorization,
                         std::chrono::steady_clock::now()});
    }
    return answer(method, args, !authorization.empty() || args.contains("token"));
}

Response FakeSlack::Impl::answer(const std::string& method, const json& args, bool authorized) {
    Handler handler;
    {
        std::lock_guard lock(mutex);
        if (const auto failure = take_armed(failures, method)) {
            const auto status = static_cast<http::status>(failure->status);
            if (failure->status != 429) {
                return text_response(status, "fake failure");
            }
            Response response = json_response(status, error("ratelimited"));
            if (failure->retry_after) {
                response.set(http::field::retry_after, std::to_string(*failure->retry_after));
            }
            return response;
        }
        if (const auto answer = take_armed(errors, method)) {
            return json_response(http::status::ok, error(answer->error));
        }
        if (!authorized) {
            return json_response(http::status::ok, error("not_authed"));
        }
        if (const auto it = handlers.find(method); it != handlers.end()) {
            handler = it->second;
        } else {
            return json_response(http::status::ok, state.handle(method, args));
        }
    }
    // Custom handlers run unlocked, so they may call back into FakeSlack.
    try {
        return json_response(http::status::ok, handler(args));
    } catch (const std::exception& e) {
        return text_response(http::status::internal_server_error, e.what());
    }
}

FakeSlack::FakeSlack() : impl_(std::make_unique<Impl>()) {
    const tcp::endpoint endpoint{net::ip::make_address("127.0.0.1"), 0};
    impl_->acceptor.open(endpoint.protocol());
    impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    impl_->acceptor.bind(endpoint);
    impl_->acceptor.listen();
    impl_->port = impl_->acceptor.local_endpoint().port();
    net::co_spawn(impl_->io, impl_->accept_loop(), net::detached);
    impl_->thread = std::thread([impl = impl_.get()] { impl->io.run(); });
}

FakeSlack::~FakeSlack() {
    impl_->io.stop();
    impl_->thread.join();
}

std::uint16_t FakeSlack::port() const {
    return impl_->acceptor.local_endpoint().port();
}

std::string FakeSlack::base_url() const {
    return "http://127.0.0.1:" + std::to_string(port()) + "/api/";
}

void FakeSlack::set_delay(std::chrono::milliseconds delay) {
    std::lock_guard lock(impl_->mutex);
    impl_->delay = delay;
}

void FakeSlack::fail_next(std::string method, int http_status, int times,
                          std::optional<int> retry_after_seconds) {
    std::lock_guard lock(impl_->mutex);
    impl_->failures[std::move(method)] = Failure{http_status, times, retry_after_seconds};
}

void FakeSlack::set_error(std::string method, std::string error, int times) {
    std::lock_guard lock(impl_->mutex);
    impl_->errors[std::move(method)] = ErrorAnswer{std::move(error), times};
}

void FakeSlack::add_message(std::string channel_id, std::string text) {
    std::lock_guard lock(impl_->mutex);
    impl_->state.add_message(std::move(channel_id), std::move(text));
}

void FakeSlack::cap_history_pages(std::size_t messages) {
    std::lock_guard lock(impl_->mutex);
    impl_->state.history_page_cap = messages;
}

void FakeSlack::respond(std::string method, Handler handler) {
    std::lock_guard lock(impl_->mutex);
    impl_->handlers[std::move(method)] = std::move(handler);
}

void FakeSlack::add_channel(std::string id, std::string name, std::set<std::string> members) {
    std::lock_guard lock(impl_->mutex);
    impl_->state.add_channel({std::move(id), std::move(name), true, false, std::move(members)});
}

bool FakeSlack::remove_member(std::string_view channel_id, std::string_view user) {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.remove_member(channel_id, user);
}

void FakeSlack::drop_connections() {
    std::promise<void> done;
    net::post(impl_->io, [this, &done] {
        for (const auto& weak : impl_->open_streams) {
            if (const auto stream = weak.lock()) {
                error_code ignored;
                stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
            }
        }
        done.set_value();
    });
    done.get_future().wait();
}

std::vector<RecordedCall> FakeSlack::calls() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->calls;
}

std::vector<RecordedCall> FakeSlack::calls(std::string_view method) const {
    std::lock_guard lock(impl_->mutex);
    std::vector<RecordedCall> out;
    std::copy_if(impl_->calls.begin(), impl_->calls.end(), std::back_inserter(out),
                 [&](const RecordedCall& call) { return call.method == method; });
    return out;
}

bool FakeSlack::wait_for(const CallsPredicate& pred, std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const bool satisfied = pred(calls());
        if (satisfied || std::chrono::steady_clock::now() >= deadline) {
            return satisfied;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

void FakeSlack::clear_calls() {
    std::lock_guard lock(impl_->mutex);
    impl_->calls.clear();
}

int FakeSlack::connections_accepted() const {
    return impl_->connections.load();
}

std::vector<FakeSlack::Message> FakeSlack::messages(std::string_view channel) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.messages(dm_for(std::string(channel)));
}

std::optional<FakeSlack::Message> FakeSlack::message(std::string_view channel,
                                                     std::string_view ts) const {
    for (auto& m : messages(channel)) {
        if (m.ts == ts) {
            return std::move(m);
        }
    }
    return std::nullopt;
}

std::optional<std::string> FakeSlack::channel_id(std::string_view name) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.channel_id(name);
}

std::set<std::string> FakeSlack::members(std::string_view channel_id) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.members(channel_id);
}

bool FakeSlack::archived(std::string_view channel_id) const {
    return archived_channels().contains(std::string(channel_id));
}

std::set<std::string> FakeSlack::archived_channels() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.archived_channels();
}

std::vector<nlohmann::json> FakeSlack::opened_views() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.opened_views();
}

} // namespace cocbot::testing
