// File: bot/app/logger.hpp
// One line per thing that happened, as `time level event key=value ...` on stderr.
// Callers pass only what is safe to log: kinds, outcomes, ids of effects and incidents, Slack
// error names. Never a secret, a token, a user id of a reporter or a word of a report.
#pragma once

#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace cocbot::app {

enum class Level { info, warn, error };

using Field = std::pair<std::string_view, std::string>;

void log(Level level, std::string_view event, std::initializer_list<Field> fields = {});

// Where the lines go from now on (stderr until this is called); `sink` outlives every log call.
// `cocbot drill` keeps them out of the transcript it prints.
void log_to(std::FILE* sink);

} // namespace cocbot::app
