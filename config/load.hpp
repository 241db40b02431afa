// File: config/load.hpp
#pragma once

#include "config/config.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Configuration = defaults, then the TOML file (optional), then COCBOT_<SECTION>_<KEY>
// environment overrides (lists comma-separated), plus secrets from SLACK_SIGNING_SECRET,
// SLACK_BOT_TOKEN and SLACK_APP_TOKEN. Every problem is reported, not just the first, as one
// message naming the key ("committee.channel: required ..."); no message contains a secret.
namespace cocbot::config {

using Environment = std::map<std::string, std::string, std::less<>>;

// The variables in main's envp (or environ); the first of duplicate names wins, as with getenv.
Environment environment_from(char** envp);

struct LoadResult {
    std::optional<Config> config; // set exactly when errors is empty
    std::vector<std::string> errors;
};

// Whether the Slack secrets must be set: not for commands that touch only the database
// (`cocbot backup`, `cocbot restore`).
enum class Secrets { required, optional };

// source_name names the text in TOML syntax errors ("cocbot.toml:3:7: ...").
LoadResult load(std::string_view toml_text, std::string_view source_name, const Environment& env,
                Secrets need = Secrets::required);

// No path: defaults plus the environment. An unreadable file is an error naming the path.
LoadResult load_file(const std::optional<std::filesystem::path>& path, const Environment& env,
                     Secrets need = Secrets::required);

} // namespace cocbot::config
