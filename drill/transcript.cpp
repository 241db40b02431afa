// File: drill/transcript.cpp
#include "drill/transcript.hpp"

#include "drill/cast.hpp"

#include <algorithm>

namespace cocbot::drill {

using nlohmann::json;

namespace {

constexpr std::size_t max_lines = 8;   // of one message: a projector shows the gist
constexpr std::size_t max_width = 110; // characters of one line

// Cuts at a character boundary (UTF-8 continuation bytes are 10xxxxxx).
std::string shortened(const std::string& line) {
    if (line.size() <= max_width)
        return line;
    std::size_t cut = max_width - 1;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
        --cut;
    return line.substr(0, cut) + "…";
}

std::string seen_by(const std::set<std::string>& audience) {
    std::set<std::string> people = audience;
    people.erase(cast::bot);
    return "seen by " + names_of(people);
}

// A form's refusal: {"response_action":"errors","errors":{"block":"why"}}.
std::vector<std::string> errors_of(const json& payload) {
    std::vector<std::string> lines;
    for (const auto& [block, message] : payload["errors"].items())
        lines.push_back("the form says: " +
                        (message.is_string() ? message.get<std::string>() : ""));
    return lines;
}

} // namespace

Transcript::Transcript(const sim::FakeSlack& slack, std::FILE* out, Audience audience)
    : slack_(slack), out_(out), audience_(std::move(audience)) {}

void Transcript::heading(std::string_view text) {
    std::fprintf(out_, "%.*s\n", static_cast<int>(text.size()), text.data());
}

void Transcript::step(int number, std::string_view title) {
    std::fprintf(out_, "\n── Step %d. %.*s\n", number, static_cast<int>(title.size()),
                 title.data());
}

void Transcript::say(std::string_view text) {
    std::fprintf(out_, "   %.*s\n", static_cast<int>(text.size()), text.data());
}

void Transcript::answer(const std::string& user, const json& payload) {
    if (!payload.is_object() || payload.empty())
        return;
    auto seen = audience_.answer(user, payload);
    sightings_.push_back(seen);
    show(seen);
}

void Transcript::catch_up() {
    const auto calls = slack_.calls();
    for (; calls_seen_ < calls.size(); ++calls_seen_) {
        if (auto seen = audience_.sighting(calls[calls_seen_])) {
            sightings_.push_back(*seen);
            show(*seen);
        }
    }
    std::fflush(out_);
}

void Transcript::show(const Sighting& seen) {
    const auto names = [this](std::string_view id) { return slack_.channel_name(id); };
    if (seen.kind == Sighting::Kind::channel) {
        std::fprintf(out_, "   • %s %s\n", seen.where.c_str(), seen.note.c_str());
        return;
    }
    auto lines = seen.content.contains("errors")     ? errors_of(seen.content)
                 : seen.kind == Sighting::Kind::view ? view_lines(seen.content, names)
                                                     : message_lines(seen.content, names);
    lines = changed_lines(seen, std::move(lines));
    if (lines.empty())
        return;
    std::fprintf(out_, "   ▸ %s%s%s  (%s)\n", seen.where.c_str(), seen.note.empty() ? "" : " ",
                 seen.note.c_str(), seen_by(seen.audience).c_str());
    for (std::size_t i = 0; i < lines.size() && i < max_lines; ++i)
        std::fprintf(out_, "     │ %s\n", shortened(lines[i]).c_str());
    if (lines.size() > max_lines)
        std::fprintf(out_, "     │ … (%zu more lines)\n", lines.size() - max_lines);
}

std::vector<Sighting> Transcript::sightings() const {
    auto all = sightings_;
    for (auto& seen : all)
        if (!seen.channel.empty())
            for (const auto& member : audience_.ever_in(seen.channel))
                seen.audience.insert(member);
    return all;
}

std::vector<std::string> Transcript::changed_lines(const Sighting& seen,
                                                   std::vector<std::string> lines) {
    if (seen.message.empty())
        return lines;
    auto& last = last_version_[seen.message];
    std::vector<std::string> changed;
    for (const auto& line : lines)
        if (std::find(last.begin(), last.end(), line) == last.end())
            changed.push_back(line);
    const bool update = !seen.note.empty();
    last = std::move(lines);
    return update ? changed : last;
}

} // namespace cocbot::drill
