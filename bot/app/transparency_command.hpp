// File: bot/app/transparency_command.hpp
// `cocbot transparency YYYY-Qn [--file F]`: the quarter's anonymised report as Markdown, from
// the database, on standard output or in a file.
#pragma once

#include "config/config.hpp"
#include "core/transparency.hpp"

#include <cstdio>
#include <optional>
#include <string>

namespace cocbot::app {

// 0, or 1 (with one line on `out`) when there is no database or the file cannot be written.
int transparency_report(const config::Config& config, core::Quarter quarter,
                        const std::optional<std::string>& file, std::FILE* out);

} // namespace cocbot::app
