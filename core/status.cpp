// File: core/status.cpp
#include "core/status.hpp"

namespace cocbot::core {

std::string_view to_string(Status status) {
    switch (status) {
    case Status::none:
        return "none";
    case Status::escrowed:
        return "escrowed";
    case Status::triage:
        return "triage";
    }
    return "unknown";
}

std::string_view to_string(OwnerRole role) {
    return role == OwnerRole::primary ? "primary" : "secondary";
}

} // namespace cocbot::core
