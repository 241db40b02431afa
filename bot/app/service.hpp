// File: bot/app/service.hpp
// `cocbot serve`: wires configuration, storage, the HTTP server, the Web API client and the
// outbox executor onto one io_context, and runs until SIGTERM or SIGINT.
#pragma once

#include "config/config.hpp"

namespace cocbot::app {

// Returns the process exit code.
int serve(const config::Config& config);

} // namespace cocbot::app
