// File: core/retention_config.hpp
// How long each kind of incident's records are kept (core/retention.hpp applies it).
#pragma once

#include "core/time.hpp"

#include <chrono>

namespace cocbot::core {

// The defaults follow the Django Code of Conduct committee's published practice.
struct Retention {
    Duration no_violation{0};                  // after a resolution that found none
    Duration resolved{std::chrono::days{426}}; // 14 months after any other resolution
    Duration escrow{std::chrono::days{791}};   // 26 months after an escrowed report's filing
};

} // namespace cocbot::core
