// File: fuzz/make_seeds.cpp
// Builds each fuzz target's seed corpus, in the target's own input format, from the captured
// Slack fixtures, cocbot's own messages and modals (clicked and submitted), the example
// configuration and core's own event and effect types. Run by CTest before the fuzzers
// (fuzz/CMakeLists.txt); nothing it writes goes into the repository.
//
// Usage: fuzz_make_seeds OUT_DIR EXAMPLE_TOML FIXTURE_DIR...
// Missing fixture folders are skipped (../shared is there only beside the steering repository),
// but finding no fixture at all is an error.
#include "bot/slack/form.hpp"
#include "bot/slack/messages.hpp"
#include "bot/slack/modals.hpp"
#include "bot/slack/report_modal.hpp"
#include "bot/slack/signature.hpp"
#include "storage/effect_codec.hpp"
#include "storage/event_codec.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace {

namespace fs = std::filesystem;
namespace slack = cocbot::slack;
namespace storage = cocbot::storage;
namespace core = cocbot::core;
using json = nlohmann::json;

// As in signature_fuzz and http_session_fuzz: Slack's published signing example.
constexpr std::string_view secret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr std::string_view timestamp = "1531420618";
constexpr std::string_view form_type = "application/x-www-form-urlencoded";
constexpr std::string_view json_type = "application/json";

std::string read(const fs::path& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

class Corpus {
public:
    explicit Corpus(fs::path root) : root_(std::move(root)) {}

    void add(const std::string& target, const std::string& name, std::string_view bytes) {
        const fs::path dir = root_ / target;
        fs::create_directories(dir);
        std::ofstream{dir / name, std::ios::binary}.write(
            bytes.data(), static_cast<std::streamsize>(bytes.size()));
        names_[target].insert(name); // a fixture in both folders is one seed
    }

    void print_counts() const {
        for (const auto& [target, names] : names_)
            std::printf("fuzz seeds: %-14s %zu\n", target.c_str(), names.size());
    }

private:
    fs::path root_;
    std::map<std::string, std::set<std::string>> names_;
};

// A request body as one of the Content-Types Slack sends, named for the seed files.
struct Body {
    std::string name, content_type, text;
};

std::string as_payload_form(std::string_view json) {
    return "payload=" +
           boost::urls::encode({json.data(), json.size()}, boost::urls::unreserved_chars);
}

// Form fixtures (*.txt) as forms; JSON fixtures as the Events API and as interactivity.
std::vector<Body> bodies_from(const std::vector<fs::path>& fixture_dirs) {
    std::vector<Body> bodies;
    for (const auto& dir : fixture_dirs) {
        for (const auto& entry : fs::directory_iterator{dir}) {
            const auto path = entry.path();
            const std::string stem = path.stem().string();
            const std::string text = read(path);
            if (path.extension() == ".txt" && stem.find("headers") == std::string::npos) {
                bodies.push_back({stem, std::string{form_type}, text});
            } else if (path.extension() == ".json") {
                bodies.push_back({stem + "-json", std::string{json_type}, text});
                bodies.push_back({stem + "-form", std::string{form_type}, as_payload_form(text)});
            }
        }
    }
    return bodies;
}

// cocbot's own UI, used: a block_actions payload for each element of its messages' action blocks,
// and a view_submission for each of its modals with every input filled in, as Slack sends them.
// These reach the readers past their first checks, which the captured fixtures seldom do.
constexpr std::string_view incident = "2026-001";

json interaction(std::string_view type) {
    return {{"type", type},
            {"team", {{"id", "T0001"}}},
            {"user", {{"id", "U0001"}}},
            {"trigger_id", "1234.5678.abcdef"}};
}

Body interaction_body(const std::string& name, const json& payload) {
    return {name, std::string{form_type}, as_payload_form(payload.dump())};
}

// An element of an actions block, clicked or chosen.
json used(const json& element, const std::string& block_id) {
    const std::string type = element.value("type", "");
    json action{{"action_id", element.value("action_id", "")},
                {"block_id", block_id},
                {"type", type},
                {"action_ts", "1531420618.000100"}};
    if (element.contains("value"))
        action["value"] = element["value"];
    if (type == "users_select")
        action["selected_user"] = "U0002";
    if (type == "static_select" && !element.value("options", json::array()).empty())
        action["selected_option"] = element["options"][0];
    return action;
}

void add_clicks(std::vector<Body>& bodies, const std::string& name, const json& blocks) {
    for (const auto& block : blocks) {
        if (block.value("type", "") != "actions")
            continue;
        for (const auto& element : block["elements"]) {
            json payload = interaction("block_actions");
            payload["container"] = {
                {"type", "message"}, {"channel_id", "C0001"}, {"message_ts", "1531420618.000100"}};
            payload["actions"] = json::array({used(element, block.value("block_id", ""))});
            bodies.push_back(
                interaction_body("click-" + name + "-" + element.value("action_id", ""), payload));
        }
    }
}

// An input element as the view's state reports it once the member has filled it in.
json filled(const json& element) {
    const std::string type = element.value("type", "");
    const json options = element.value("options", json::array());
    json value{{"type", type}};
    if (type == "plain_text_input")
        value["value"] = "What happened, in the member's words: caf\u00e9, <@U0003> & *bold*";
    else if (type == "users_select")
        value["selected_user"] = "U0002";
    else if (type == "multi_users_select")
        value["selected_users"] = {"U0002", "U0003"};
    else if (type == "datepicker")
        value["selected_date"] = "2026-05-01";
    else if ((type == "static_select" || type == "radio_buttons") && !options.empty())
        value["selected_option"] = options[0];
    else if (type == "checkboxes" || type == "multi_static_select")
        value["selected_options"] = options;
    return value;
}

void add_submission(std::vector<Body>& bodies, const std::string& name, const json& view) {
    json values = json::object();
    for (const auto& block : view["blocks"]) {
        if (block.value("type", "") != "input")
            continue;
        const json& element = block["element"];
        values[block.value("block_id", "")][element.value("action_id", "")] = filled(element);
    }
    json payload = interaction("view_submission");
    payload["view"] = {{"id", "V0001"},
                       {"callback_id", view.value("callback_id", "")},
                       {"private_metadata", view.value("private_metadata", "")},
                       {"hash", "1531420618.abcdef"},
                       {"state", {{"values", values}}}};
    bodies.push_back(interaction_body("submit-" + name, payload));
}

std::vector<Body> ui_bodies() {
    const core::IncidentId id{std::string{incident}};
    std::vector<core::Message> messages{core::TriagePrompt{.incident = id},
                                        core::EscrowNotice{.incident = id, .count = 2}};
    core::ControlPanel panel{.incident = id};
    panel.awaiting_acknowledgement = true;
    panel.hr_configured = true;
    panel.escrow_pending = true;
    messages.emplace_back(panel);
    panel.reported_missing = true;
    panel.hr_involved = core::HrScope::employees_only;
    panel.hr_declined = true;
    messages.emplace_back(panel);
    panel.status = core::Status::resolved;
    messages.emplace_back(panel);
    core::MotionMessage motion{.incident = id, .number = 1};
    motion.text = "The reported behaviour violated the code of conduct.";
    messages.emplace_back(motion);

    std::vector<Body> bodies;
    for (std::size_t i = 0; i < messages.size(); ++i)
        add_clicks(bodies, std::to_string(i), slack::render(messages[i]).blocks);
    add_submission(bodies, "report", slack::report_modal());
    for (const auto& modal : slack::incident_modals())
        add_submission(bodies, std::string{modal.view.callback_id},
                       slack::modal_for(modal.kind, incident));
    return bodies;
}

std::string http_request(const Body& body, std::string_view extra_headers = {}) {
    std::string out = "POST /slack/events HTTP/1.1\r\nHost: cocbot.example.org\r\n";
    out += "Content-Type: " + body.content_type + "\r\n";
    out += "X-Slack-Request-Timestamp: " + std::string{timestamp} + "\r\n";
    out += "X-Slack-Signature: " + slack::sign(secret, timestamp, body.text) + "\r\n";
    out += extra_headers;
    out += "Content-Length: " + std::to_string(body.text.size()) + "\r\n\r\n" + body.text;
    return out;
}

std::string chunked(const Body& body) {
    std::string out = "POST /slack/events HTTP/1.1\r\nHost: cocbot.example.org\r\n"
                      "Content-Type: " +
                      body.content_type + "\r\nTransfer-Encoding: chunked\r\n\r\n";
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", body.text.size());
    return out + size + body.text + "\r\n0\r\nX-Trailer: 1\r\n\r\n";
}

void add_slack_seeds(Corpus& corpus, const std::vector<Body>& bodies) {
    for (const auto& body : bodies) {
        corpus.add("signature", body.name,
                   std::string{timestamp} + "\n" + slack::sign(secret, timestamp, body.text) +
                       "\n" + body.text);
        if (body.content_type == form_type)
            corpus.add("form", body.name, body.text);
        const std::string typed = body.content_type + "\n" + body.text;
        corpus.add("payload", body.name, typed);
        corpus.add("readers", body.name, typed);
        corpus.add("http_session", body.name, http_request(body));
    }
    if (bodies.empty())
        return;
    const Body& first = bodies.front();
    corpus.add("http_session", "keep-alive", http_request(first) + http_request(first));
    corpus.add("http_session", "expect-continue", http_request(first, "Expect: 100-continue\r\n"));
    corpus.add("http_session", "connection-close", http_request(first, "Connection: close\r\n"));
    corpus.add("http_session", "chunked", chunked(first));
    corpus.add("http_session", "health", "GET /healthz HTTP/1.1\r\nHost: h\r\n\r\n");
    corpus.add("http_session", "health-http10", "GET /healthz HTTP/1.0\r\n\r\n");
    corpus.add("http_session", "pipelined",
               "GET /healthz HTTP/1.1\r\nHost: h\r\n\r\n" + http_request(first) +
                   "GET /nowhere HTTP/1.1\r\nHost: h\r\n\r\n");
    corpus.add("http_session", "failing-handler",
               "POST /fail HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
    corpus.add("payload", "charset", "Application/JSON; charset=utf-8\n" + first.text);
}

// Socket Mode frames: the socket_*.json fixtures as they are, and every request as the
// envelope Slack would send instead of the POST.
void add_socket_seeds(Corpus& corpus, const std::vector<Body>& bodies) {
    for (const auto& body : bodies) {
        json envelope{{"envelope_id", "0a1b2c3d-envelope"}};
        if (body.content_type == form_type) {
            const auto form = slack::parse_form(body.text);
            if (!form)
                continue;
            if (const auto payload = form->get("payload")) {
                envelope["type"] = "interactive";
                envelope["payload"] = json::parse(*payload, nullptr, false);
            } else {
                json fields = json::object();
                for (const auto& [key, value] : form->fields())
                    fields[key] = value;
                envelope["type"] = "slash_commands";
                envelope["payload"] = std::move(fields);
            }
        } else {
            corpus.add("socket", body.name, body.text);
            envelope["type"] = "events_api";
            envelope["retry_attempt"] = 1;
            envelope["payload"] = json::parse(body.text, nullptr, false);
        }
        if (!envelope["payload"].is_discarded())
            corpus.add("socket", body.name + "-envelope", envelope.dump());
    }
}

// One seed per event and effect type: each alternative default-constructed and encoded, so the
// corpus knows every type name and column shape the codec has today.
template <class Variant, class Encode>
void add_rows(Corpus& corpus, std::string_view kind, Encode encode) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (
            [&] {
                try {
                    const auto row = encode(Variant{std::in_place_index<I>});
                    corpus.add("event_codec", std::string{kind} + "-" + row.first, row.second);
                } catch (const std::exception& e) {
                    std::printf("fuzz seeds: no %.*s seed %zu: %s\n", static_cast<int>(kind.size()),
                                kind.data(), I, e.what());
                }
            }(),
            ...);
    }
    (std::make_index_sequence<std::variant_size_v<Variant>>{});
}

void add_codec_seeds(Corpus& corpus) {
    using namespace std::string_literals;
    add_rows<cocbot::core::Event>(corpus, "event", [](const cocbot::core::Event& event) {
        const auto row = storage::encode_event(event);
        std::string text = "event\0"s + row.type + '\0' + row.data;
        if (row.sensitive)
            text += '\0' + *row.sensitive;
        return std::pair{row.type, text};
    });
    add_rows<cocbot::core::Effect>(corpus, "effect", [](const cocbot::core::Effect& effect) {
        const auto row = storage::encode_effect(effect);
        return std::pair{row.type, "effect\0"s + row.type + '\0' + row.payload};
    });
}

void add_config_seeds(Corpus& corpus, const fs::path& example) {
    using namespace std::string_literals;
    const std::string toml = read(example);
    const std::string secrets = "SLACK_SIGNING_SECRET="s + std::string{secret} +
                                "\nSLACK_BOT_TOKEN=xoxb-0000000000-fuzzing-token\n";
    corpus.add("config", "example", toml + '\0' + secrets);
    corpus.add("config", "example-without-secrets", toml);
    corpus.add("config", "environment-only",
               "\0"s + secrets +
                   "COCBOT_COMMITTEE_CHANNEL=C0123456789\nCOCBOT_COMMITTEE_MEMBERS=U1, U2\n"
                   "COCBOT_DEADLINES_ACKNOWLEDGE=1h30m\nCOCBOT_HTTP_LISTEN=[::1]:3000\n"
                   "COCBOT_SLACK_API_URL=http://127.0.0.1:9/api/\n");
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s OUT_DIR EXAMPLE_TOML FIXTURE_DIR...\n", argv[0]);
        return 2;
    }
    const fs::path out = argv[1];
    std::vector<fs::path> fixture_dirs;
    for (int i = 3; i < argc; ++i) {
        if (fs::is_directory(argv[i]))
            fixture_dirs.emplace_back(argv[i]);
        else
            std::printf("fuzz seeds: no fixtures at %s (skipped)\n", argv[i]);
    }
    fs::remove_all(out);
    Corpus corpus{out};
    std::vector<Body> bodies = bodies_from(fixture_dirs);
    if (bodies.empty()) {
        std::fprintf(stderr, "fuzz seeds: no Slack fixtures found\n");
        return 1;
    }
    for (auto& body : ui_bodies())
        bodies.push_back(std::move(body));
    add_slack_seeds(corpus, bodies);
    add_socket_seeds(corpus, bodies);
    add_codec_seeds(corpus);
    add_config_seeds(corpus, argv[2]);
    corpus.print_counts();
    return 0;
}
