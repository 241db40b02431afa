// File: core/incident.cpp
#include "core/incident.hpp"

#include "core/overloaded.hpp"

#include <algorithm>

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

bool Incident::asked(const UserId& member) const {
    return std::find(committee.begin(), committee.end(), member) != committee.end();
}

std::optional<Declaration> Incident::declaration_of(const UserId& member) const {
    const auto found = declarations.find(member);
    if (found == declarations.end())
        return std::nullopt;
    return found->second;
}

std::vector<UserId> Incident::cleared() const {
    std::vector<UserId> result;
    for (const auto& [member, declaration] : declarations)
        if (declaration == Declaration::no_conflict)
            result.push_back(member);
    return result;
}

Incident evolve(Incident incident, const Event& event) {
    std::visit(overloaded{
                   [&](const ReportFiled& e) {
                       incident.id = e.incident;
                       incident.status = e.report.flags.escrow ? Status::escrowed : Status::triage;
                       incident.filed_at = e.at;
                       incident.report = e.report;
                       incident.submitted_by = e.submitted_by;
                       incident.committee = e.committee;
                       incident.committee_channel = e.committee_channel;
                       incident.reported_is_member = e.reported_is_member;
                   },
                   [&](const ConflictDeclared& e) {
                       incident.declarations[e.member] =
                           e.conflicted ? Declaration::conflict : Declaration::no_conflict;
                   },
                   [&](const MessagePosted& e) {
                       if (e.kind == MessageKind::triage_prompt)
                           incident.triage_prompt = e.message;
                   },
               },
               event);
    return incident;
}

} // namespace cocbot::core
