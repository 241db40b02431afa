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

std::string conversation_text(const Conversation& c) {
    std::string text = "Behaviour: " + c.behaviour;
    if (!c.context.empty())
        text += "\nContext: " + c.context;
    text += "\nImpact: " + c.impact;
    if (!c.call_in.empty())
        text += "\nCall in: " + c.call_in;
    text += "\nBehavioural modification plan: " + c.plan;
    text += std::string{"\nPlan accepted: "} + (c.accepted ? "yes" : "no");
    text += "\nApology: ";
    text += c.apology == Apology::relayed       ? "offered, to be relayed to the reporter"
            : c.apology == Apology::not_relayed ? "offered, not relayed"
                                                : "none";
    return text;
}

} // namespace cocbot::core
