// File: core/conversation.cpp
#include "core/conversation.hpp"

namespace cocbot::core {

std::string_view to_string(Apology apology) {
    switch (apology) {
    case Apology::none:
        return "none";
    case Apology::relayed:
        return "relayed";
    case Apology::not_relayed:
        return "not_relayed";
    }
    return "unknown";
}

std::optional<Apology> apology_from_string(std::string_view text) {
    for (auto apology : {Apology::none, Apology::relayed, Apology::not_relayed})
        if (to_string(apology) == text)
            return apology;
    return std::nullopt;
}

} // namespace cocbot::core
