// File: core/decide/report_choices.hpp
// What a reporter may choose in the form besides the report itself: a member they would rather
// talk to, and a content warning on the details.
#pragma once

#include "core/decide/common.hpp"

namespace cocbot::core::detail {

// Adds to `errors` what is wrong with the member the reporter would rather talk to.
void check_preferred(std::vector<FieldError>& errors, const Committee& committee,
                     const Report& report);

// The member the reporter would rather talk to is asked, by direct message, to own the report:
// only when they are among those asked the conflict question, so never one excluded, reported
// or matched by name, and not for a report kept in escrow.
void ask_preferred(Decision& decision, const ReportFiled& filed);

// What a channel that may show the report posts: the details, or, behind a content warning,
// only a way to have them shown privately.
Message report_message(const Incident& incident);

// Shows the details of `command.incident` to the member who asked, alone, where they asked.
Outcome show_report(const Incident& incident, const ShowReport& command);

} // namespace cocbot::core::detail
