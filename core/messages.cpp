// File: core/messages.cpp
#include "core/messages.hpp"

#include "core/overloaded.hpp"

namespace cocbot::core {

MessageKind kind_of(const Message& message) {
    return std::visit(overloaded{
                          [](const TriagePrompt&) { return MessageKind::triage_prompt; },
                          [](const DangerAlert&) { return MessageKind::danger_alert; },
                          [](const Notice&) { return MessageKind::notice; },
                      },
                      message);
}

} // namespace cocbot::core
