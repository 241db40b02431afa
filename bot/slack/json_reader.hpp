// File: bot/slack/json_reader.hpp
// Checked reads of untrusted JSON: Slack's payloads and every Web API answer. Nothing here
// throws or reads a missing key; the first problem is kept for the caller to check once.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::slack {

// Reads typed fields out of a JSON document. Instead of throwing, it keeps the first problem (a
// message naming the field, never its value) in a slot the caller owns and returns defaults, so
// a parser reads every field in a row and checks once at the end.
class JsonReader {
public:
    using json = nlohmann::json;
    using Path = std::initializer_list<std::string_view>;
    enum class Need { required, optional };

    JsonReader(const json& node, std::string where, std::optional<std::string>& error)
        : node_(node), where_(std::move(where)), error_(error) {}

    // A reader for a nested node sharing this reader's error slot; `name` is its path.
    JsonReader child(const json& node, std::string name) const {
        return {node, std::move(name), error_};
    }

    // The node at `path` (the node itself for an empty path); nullptr when absent or null.
    const json* find(Path path) const;

    std::string string(Path path, Need need) const;
    // Slack sends null for an input left empty, so absence is a value of its own here.
    std::optional<std::string> nullable_string(Path path, Need need = Need::optional) const;
    // Like string() but a value of another type counts as absent: for fields whose shape
    // differs between event types we do not route on (team_join's `user` is an object).
    std::string lenient_string(Path path) const;
    bool boolean(Path path) const;
    std::int64_t integer(Path path, Need need) const;
    const json* object(Path path, Need need) const;
    const json* array(Path path, Need need) const;
    // An array of strings (user ids, say); any other element is a problem.
    std::vector<std::string> strings(Path path, Need need) const;

    void fail(std::string message) const;
    std::string name(Path path) const;

private:
    const json* typed(Path path, Need need, bool (json::*is_type)() const noexcept,
                      std::string_view type_name) const;

    const json& node_;
    std::string where_;
    std::optional<std::string>& error_;
};

} // namespace cocbot::slack
