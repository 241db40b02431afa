// File: bot/app/service.hpp
// `cocbot serve`: wires configuration, storage, the HTTP server, the Web API client and the
// outbox executor onto one io_context, and runs until SIGTERM or SIGINT.
#pragma once

#include "config/config.hpp"
#include "storage/sealing.hpp"

#include <stop_token>

namespace cocbot::app {

// Where the data key is: COCBOT_DATA_KEY when set, else storage.key_file (beside the database
// unless set).
storage::KeySource key_source(const config::Config& config);

// Returns the process exit code. A stop requested on `stop` ends it as SIGTERM does: `cocbot
// drill` runs the service in its own process, beside the simulated workspace.
int serve(const config::Config& config, std::stop_token stop = {});

} // namespace cocbot::app
