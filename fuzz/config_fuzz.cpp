// File: fuzz/config_fuzz.cpp
// Loading the configuration from a fuzzed TOML file and environment.
//
// Input: "<TOML text>\0<NAME=value lines>". The in-memory config::load is what load_file runs
// once the file is read, so no temporary file is needed.
#include "config/load.hpp"
#include "core/trim.hpp"
#include "fuzz/fuzz_input.hpp"

#include <array>
#include <cstdint>

namespace {

namespace fuzz = cocbot::fuzz;
namespace config = cocbot::config;
namespace core = cocbot::core;

constexpr std::array secret_names{"SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"};
// load() redacts secrets of at least this many characters (shorter ones would garble messages).
constexpr std::size_t redacted_size = 8;

config::Environment environment_of(std::string_view lines) {
    config::Environment env;
    while (!lines.empty()) {
        std::string_view entry = fuzz::take_until(lines, '\n');
        const auto name = fuzz::take_field(entry, '=');
        if (name)
            env.emplace(*name, entry); // the first of duplicate names wins, as in environment_from
    }
    return env;
}

bool any_contains(const std::vector<std::string>& messages, std::string_view text) {
    for (const auto& message : messages)
        if (message.find(text) != std::string::npos)
            return true;
    return false;
}

// No message may quote a secret from the environment. Text that the messages hold without the
// secrets being set (the message's own words, or a value from elsewhere) is not a leak.
void check_no_secret_in(const config::LoadResult& result, std::string_view toml,
                        const config::Environment& env) {
    config::Environment without = env;
    for (const char* name : secret_names)
        without.erase(name);
    const auto baseline = config::load(toml, "fuzz.toml", without);
    for (const char* name : secret_names) {
        const auto found = env.find(name);
        if (found == env.end())
            continue;
        const auto secret = core::trim(found->second);
        if (secret.size() < redacted_size ||
            std::string_view{"<redacted>"}.find(secret) != std::string_view::npos)
            continue;
        if (any_contains(result.errors, secret) && !any_contains(baseline.errors, secret))
            fuzz::finding("a configuration error quotes a secret from the environment", name);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    const std::string_view toml = fuzz::take_until(input, '\0');
    const config::Environment env = environment_of(input);

    const auto result = config::load(toml, "fuzz.toml", env);
    fuzz::expect(result.config.has_value() == result.errors.empty(),
                 "load() returned both a configuration and errors, or neither");
    for (const auto& error : result.errors)
        fuzz::expect(!error.empty(), "an empty configuration error");
    check_no_secret_in(result, toml, env);
    return 0;
}
