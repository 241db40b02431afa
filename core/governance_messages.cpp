// File: core/governance_messages.cpp
#include "core/governance_messages.hpp"

#include "core/names.hpp"

namespace cocbot::core {

namespace {

constexpr NameTable<CheckInAnswer, 4> answer_names{{
    {CheckInAnswer::unanswered, "unanswered"},
    {CheckInAnswer::continued, "continued"},
    {CheckInAnswer::stepped_down, "stepped_down"},
    {CheckInAnswer::withdrawn, "withdrawn"},
}};

} // namespace

std::string_view to_string(CheckInAnswer answer) {
    return name_in(answer_names, answer);
}

std::optional<CheckInAnswer> check_in_answer_from_string(std::string_view text) {
    return value_in(answer_names, text);
}

std::string_view default_removal_message() {
    return "The Code of Conduct committee has voted to remove you from the committee. Your "
           "access to the committee's channels, lists and documents has been revoked. Thank you "
           "for the work you have done for the community.";
}

std::string_view resignation_message() {
    return "You have stepped down from the Code of Conduct committee, and your access to its "
           "channels, lists and documents has been revoked. Thank you for serving on the "
           "committee.";
}

} // namespace cocbot::core
