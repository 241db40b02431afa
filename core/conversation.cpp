// File: core/conversation.cpp
#include "core/conversation.hpp"

#include "core/names.hpp"

namespace cocbot::core {

namespace {

constexpr NameTable<Apology, 3> apology_names{{
    {Apology::none, "none"},
    {Apology::relayed, "relayed"},
    {Apology::not_relayed, "not_relayed"},
}};

} // namespace

std::string_view to_string(Apology apology) {
    return name_in(apology_names, apology);
}

std::optional<Apology> apology_from_string(std::string_view text) {
    return value_in(apology_names, text);
}

} // namespace cocbot::core
