// File: tests/slack/payload_support.hpp
// What the payload tests share: Slack's fixtures, request bodies as Slack sends them, and
// reading a parse result as the payload or the error a test expects.
#pragma once

#include "bot/slack/payloads.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace payload_support {

namespace slack = cocbot::slack;
using nlohmann::json;
using slack::kind_of;
using slack::parse_payload;
using slack::ParseError;
using slack::ParseResult;
using slack::Payload;

inline constexpr std::string_view form_type = "application/x-www-form-urlencoded";
inline constexpr std::string_view json_type = "application/json";

inline std::string read_fixture(const std::string& name) {
    std::ifstream in{COCBOT_FIXTURES_DIR "/slack/" + name, std::ios::binary};
    REQUIRE_MESSAGE(in, "missing fixture " << name);
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

// An interactivity request body as Slack sends it: one form field holding the JSON.
inline std::string as_payload_form(std::string_view payload_json) {
    return "payload=" + boost::urls::encode({payload_json.data(), payload_json.size()},
                                            boost::urls::unreserved_chars);
}

template <class T>
T parsed_as(const ParseResult& result) {
    const auto* error = std::get_if<ParseError>(&result);
    REQUIRE_MESSAGE(error == nullptr, "parse error: " << (error ? error->message : std::string{}));
    const auto& payload = std::get<Payload>(result);
    const auto* value = std::get_if<T>(&payload);
    REQUIRE_MESSAGE(value != nullptr, "parsed as " << std::string{kind_of(payload)});
    return *value;
}

inline std::string error_of(const ParseResult& result) {
    const auto* error = std::get_if<ParseError>(&result);
    REQUIRE_MESSAGE(error != nullptr, "expected a ParseError, got "
                                          << std::string{kind_of(std::get<Payload>(result))});
    return error->message;
}

inline std::string interactivity_error(const json& payload) {
    return error_of(parse_payload(form_type, as_payload_form(payload.dump())));
}

inline std::string events_error(const json& body) {
    return error_of(parse_payload(json_type, body.dump()));
}

inline json fixture_json(const std::string& name) {
    return json::parse(read_fixture(name));
}

// Every node of a document, by JSON pointer, root first.
inline void collect_pointers(const json& node, const json::json_pointer& at,
                             std::vector<json::json_pointer>& out) {
    out.push_back(at);
    if (node.is_object()) {
        for (const auto& [key, child] : node.items()) {
            collect_pointers(child, at / key, out);
        }
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            collect_pointers(node[i], at / i, out);
        }
    }
}

} // namespace payload_support
