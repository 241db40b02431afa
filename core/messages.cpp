// File: core/messages.cpp
#include "core/messages.hpp"

#include "core/overloaded.hpp"

namespace cocbot::core {

MessageKind kind_of(const Message& message) {
    return std::visit(overloaded{
                          [](const TriagePrompt&) { return MessageKind::triage_prompt; },
                          [](const DangerAlert&) { return MessageKind::danger_alert; },
                          [](const ReportDetails&) { return MessageKind::report_details; },
                          [](const ControlPanel&) { return MessageKind::control_panel; },
                          [](const EscrowNotice&) { return MessageKind::escrow_notice; },
                          [](const ChannelNotice&) { return MessageKind::channel_notice; },
                          [](const DeadlineReminder&) { return MessageKind::deadline_reminder; },
                          [](const Notice&) { return MessageKind::notice; },
                          [](const MotionMessage&) { return MessageKind::motion; },
                          [](const Timeline&) { return MessageKind::timeline; },
                      },
                      message);
}

} // namespace cocbot::core
