// File: storage/codec/values.cpp
#include "storage/codec/values.hpp"

namespace cocbot::storage::codec {

std::string column_text(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json parsed(std::string_view what, std::string_view text) {
    // cocbot stores no fractions. A float in a damaged row would reach get<std::int64_t>(), whose
    // conversion is undefined behaviour when out of range, so it is refused here instead.
    bool fraction = false;
    const auto note_fractions = [&](int, json::parse_event_t event, const json& value) {
        fraction = fraction || (event == json::parse_event_t::value && value.is_number_float());
        return true;
    };
    json j = json::parse(text, note_fractions, false);
    if (j.is_discarded()) // parse errors quote the input, which may be sensitive: say less
        throw std::runtime_error("stored " + std::string{what} + " is not valid JSON");
    if (fraction)
        throw std::runtime_error("stored " + std::string{what} + " holds a non-integral number");
    return j;
}

void rethrow_as_stored(std::string_view what, std::string_view type, const json::exception& error) {
    throw std::runtime_error("cannot decode stored " + std::string{what} + " '" +
                             std::string{type} + "': " + error.what());
}

void refuse_identity_if_anonymous(const core::Report& report, const core::UserId& submitted_by) {
    // A member who took an anonymous report (not in Slack) is kept: they are not the reporter.
    const bool reporter_id = !submitted_by.empty() && report.source == core::Source::slack;
    if (report.flags.anonymous &&
        (reporter_id || !report.reporter_name.empty() || !report.reporter_contact.empty() ||
         !report.whereabouts.empty() || !report.appearance.empty()))
        throw std::invalid_argument(
            "refusing to store the reporter's identity with an anonymous report");
}

} // namespace cocbot::storage::codec
