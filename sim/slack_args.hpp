// File: sim/slack_args.hpp
// How the fake Slack reads a Web API call's arguments, which arrive as form fields, query
// parameters or JSON, and how it says no.
#pragma once

#include <boost/url/url_view.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::sim::fake {

// Query and form parameters into `args`, decoded with '+' as a space, as Slack reads them.
void add_params(nlohmann::json& args, const boost::urls::url_view& url);

// {"ok":false,"error":name}, as Slack answers a call it refuses.
nlohmann::json slack_error(std::string_view name);

// Form and query arguments arrive as strings, JSON ones as what they are: accept both.
std::string text_arg(const nlohmann::json& args, const char* key);
// blocks, view and metadata are JSON-encoded strings inside form posts.
nlohmann::json json_arg(const nlohmann::json& args, const char* key);
bool flag_arg(const nlohmann::json& args, const char* key);

long long to_number(std::string_view text, long long fallback);
// "1700000000.000100" -> microseconds, for comparisons; garbage compares as 0.
long long ts_micros(std::string_view ts);
std::vector<std::string> split_commas(const std::string& text);

// Slack delivers a post to a user id into the app's DM with that user.
std::string dm_for(std::string channel);

} // namespace cocbot::sim::fake
