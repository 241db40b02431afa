// File: bot/app/transparency_command.cpp
#include "bot/app/transparency_command.hpp"

#include "bot/app/service.hpp"
#include "bot/app/transparency_text.hpp"
#include "storage/event_store.hpp"

#include <filesystem>
#include <fstream>

namespace cocbot::app {

namespace {

// What the report needs of the committee: its settings. (Slack's display names are not known
// here, so a resolution's words are checked against the incident's own names alone.)
core::Committee committee_of(const config::Config& config) {
    core::Committee committee;
    committee.transparency = config.transparency;
    return committee;
}

} // namespace

int transparency_report(const config::Config& config, core::Quarter quarter,
                        const std::optional<std::string>& file, std::FILE* out) {
    if (!std::filesystem::exists(config.storage.path)) {
        std::fprintf(out, "cocbot: there is no database at %s (storage.path)\n",
                     config.storage.path.c_str());
        return 1;
    }
    storage::Database database{config.storage.path, key_source(config)};
    const auto incidents = storage::EventStore{database}.filed_between(
        core::first_day(quarter), core::first_day(core::next(quarter)));
    const auto report = core::draft_transparency_report(quarter, committee_of(config), incidents);
    const auto markdown = transparency_markdown(report);
    if (const auto note = left_out_note(report); !note.empty())
        std::fprintf(stderr, "cocbot: %s\n", note.c_str());
    if (!file) {
        std::fputs(markdown.c_str(), out);
        return 0;
    }
    std::ofstream written(*file, std::ios::trunc);
    written << markdown;
    written.close();
    if (!written) {
        std::fprintf(out, "cocbot: cannot write %s\n", file->c_str());
        return 1;
    }
    std::fprintf(out, "cocbot: wrote the %s transparency report (%d reports) to %s\n",
                 core::to_string(quarter).c_str(), report.reports, file->c_str());
    return 0;
}

} // namespace cocbot::app
