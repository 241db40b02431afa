// File: bot/app/transparency_text.cpp
#include "bot/app/transparency_text.hpp"

#include <vector>

namespace cocbot::app {

namespace {

// The report's parts, each a heading and its paragraphs, so that both forms say the same.
struct Part {
    std::string heading;
    std::vector<std::string> paragraphs;
    bool listed = false; // its paragraphs are the items of a list
};

std::string counts(const std::vector<core::Count>& counted) {
    std::string text;
    for (const auto& [name, count] : counted)
        text += (text.empty() ? "" : "; ") + name + ": " + std::to_string(count);
    return text.empty() ? "none" : text;
}

std::string reports_sentence(const core::TransparencyReport& report) {
    std::string text = std::to_string(report.reports) +
                       (report.reports == 1 ? " report was" : " reports were") +
                       " made to the Code of Conduct committee this quarter";
    if (report.escrowed > 0)
        text += ", " + std::to_string(report.escrowed) + " of them held in escrow (recorded, " +
                "and acted on only if the behaviour is reported again)";
    return text + ".";
}

std::vector<Part> parts(const core::TransparencyReport& report) {
    std::vector<Part> all;
    all.push_back({"How the code of conduct was promoted",
                   {report.promotion.empty()
                        ? "(Say how the code of conduct was promoted: transparency.promotion.)"
                        : report.promotion}});
    all.push_back({"Reports",
                   {reports_sentence(report), "By kind of behaviour: " + counts(report.by_category),
                    "By how they came in: " + counts(report.by_source),
                    "Resolutions: " + counts(report.by_outcome)}});
    if (!report.lines.empty())
        all.push_back({"Incidents", report.lines, true});
    return all;
}

std::string title(const core::TransparencyReport& report) {
    return "Code of Conduct transparency report, " + core::to_string(report.quarter);
}

} // namespace

std::string left_out_note(const core::TransparencyReport& report) {
    if (report.words_left_out == 0)
        return {};
    return std::to_string(report.words_left_out) +
           " resolution(s) are described without the committee's words, which named a person, "
           "a place, a date or a number.";
}

core::Text transparency_notice(const core::TransparencyReport& report) {
    core::Text text = "Draft for publishing, to be checked by the committee first. It names "
                      "nobody and dates nothing finer than the quarter.";
    if (const auto note = left_out_note(report); !note.empty())
        text += " " + note;
    text += "\n\n" + core::Text{core::Strong{title(report)}};
    for (const auto& part : parts(report)) {
        text += "\n\n" + core::Text{core::Strong{part.heading}};
        for (const auto& paragraph : part.paragraphs)
            text += (part.listed ? "\n• " : "\n") + paragraph;
    }
    return text;
}

std::string transparency_markdown(const core::TransparencyReport& report) {
    std::string text = "# " + title(report) + "\n";
    for (const auto& part : parts(report)) {
        text += "\n## " + part.heading + "\n\n";
        for (const auto& paragraph : part.paragraphs)
            text += (part.listed ? "- " : "") + paragraph + (part.listed ? "\n" : "\n\n");
    }
    while (text.ends_with("\n\n"))
        text.pop_back();
    return text;
}

} // namespace cocbot::app
