// File: core/transparency.cpp
#include "core/transparency.hpp"

#include "core/resolution.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

namespace cocbot::core {

namespace {

using namespace std::chrono;

constexpr std::string_view made = "A report was made.";
constexpr std::string_view still_open = "A report is still being handled.";
constexpr std::string_view unresolved = "Not yet resolved";
constexpr std::size_t quoted_run = 3; // words in a row that count as a quotation

// Letters and digits (and every byte of a UTF-8 sequence) make words; the rest separates them.
bool word_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte) != 0;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (word_byte(c))
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!word.empty())
            words.push_back(std::exchange(word, {}));
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

bool has_run_of(const std::vector<std::string>& words, const std::vector<std::string>& quoted) {
    if (quoted.size() < quoted_run || words.size() < quoted_run)
        return false;
    for (std::size_t i = 0; i + quoted_run <= quoted.size(); ++i)
        if (std::search(words.begin(), words.end(), quoted.begin() + i,
                        quoted.begin() + i + quoted_run) != words.end())
            return true;
    return false;
}

bool names_a_time(const std::vector<std::string>& words) {
    static const std::set<std::string, std::less<>> times{
        "january",   "february",  "march",   "april",    "may",      "june",      "july",
        "august",    "september", "october", "november", "december", "monday",    "tuesday",
        "wednesday", "thursday",  "friday",  "saturday", "sunday",   "yesterday", "tonight"};
    return std::any_of(words.begin(), words.end(),
                       [](const std::string& w) { return times.contains(w); });
}

// The words that name or reach someone, or place them: every word of them counts.
std::set<std::string> identifying_words(const Incident& incident, const Committee& committee) {
    std::set<std::string> found;
    auto add = [&](std::string_view text) {
        for (auto& word : words_of(text))
            if (word.size() >= 3)
                found.insert(std::move(word));
    };
    const auto& report = incident.report;
    for (const auto* text : {&report.reporter_name, &report.reporter_contact, &report.reported.name,
                             &report.location, &report.whereabouts, &report.appearance})
        add(*text);
    for (const auto& [user, names] : committee.names)
        for (const auto& name : names)
            add(name);
    return found;
}

bool open_like(const Incident& incident) {
    return incident.status != Status::resolved || !incident.resolution;
}

std::string line_for(const Incident& incident, const Committee& committee,
                     const std::set<std::string>& too_small, int& words_left_out) {
    if (open_like(incident))
        return std::string{still_open};
    const auto& resolution = *incident.resolution;
    if (resolution.cannot_anonymise || too_small.contains(resolution.category))
        return std::string{made};
    std::string line = resolution.category.empty() ? "Not categorised" : resolution.category;
    if (resolution.role != ReportedRole::unrecorded)
        line += ", by " + std::string{describe(resolution.role)};
    line += ": " + std::string{describe(resolution.outcome)} + ".";
    if (resolution.resolution.empty())
        return line; // erased by retention, or never said
    if (could_identify(resolution.resolution, incident, committee)) {
        ++words_left_out;
        return line;
    }
    return line + " " + resolution.resolution;
}

// Counts in the order `order` names them first, then the rest in name order.
std::vector<Count> counted(const std::map<std::string, int>& counts,
                           const std::vector<std::string>& order) {
    std::vector<Count> result;
    for (const auto& name : order)
        if (const auto it = counts.find(name); it != counts.end())
            result.emplace_back(name, it->second);
    for (const auto& [name, count] : counts)
        if (std::find(order.begin(), order.end(), name) == order.end())
            result.emplace_back(name, count);
    return result;
}

} // namespace

std::optional<Quarter> quarter_from_string(std::string_view text) {
    if (text.size() != 7 || text[4] != '-' || (text[5] != 'Q' && text[5] != 'q'))
        return std::nullopt;
    int year = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + 4, year);
    if (error != std::errc{} || end != text.data() + 4 || year < 1970)
        return std::nullopt;
    const int number = text[6] - '0';
    if (number < 1 || number > 4)
        return std::nullopt;
    return Quarter{year, number};
}

std::string to_string(Quarter quarter) {
    return std::to_string(quarter.year) + "-Q" + std::to_string(quarter.number);
}

Quarter quarter_of(Time time) {
    const year_month_day day{floor<days>(time)};
    return {static_cast<int>(day.year()), (static_cast<int>(unsigned{day.month()}) - 1) / 3 + 1};
}

Quarter previous(Quarter quarter) {
    return quarter.number == 1 ? Quarter{quarter.year - 1, 4}
                               : Quarter{quarter.year, quarter.number - 1};
}

Quarter next(Quarter quarter) {
    return quarter.number == 4 ? Quarter{quarter.year + 1, 1}
                               : Quarter{quarter.year, quarter.number + 1};
}

Time first_day(Quarter quarter) {
    const year_month_day day{year{quarter.year}, month{unsigned(quarter.number * 3 - 2)},
                             std::chrono::day{1}};
    return time_point_cast<Duration>(sys_days{day});
}

bool could_identify(std::string_view words, const Incident& incident, const Committee& committee) {
    if (words.find('@') != std::string_view::npos)
        return true;
    if (std::any_of(words.begin(), words.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
        return true;
    const auto said = words_of(words);
    if (names_a_time(said))
        return true;
    const auto identifying = identifying_words(incident, committee);
    if (std::any_of(said.begin(), said.end(),
                    [&](const std::string& w) { return identifying.contains(w); }))
        return true;
    return has_run_of(said, words_of(incident.report.description)) ||
           has_run_of(said, words_of(incident.report.location));
}

TransparencyReport draft_transparency_report(Quarter quarter, const Committee& committee,
                                             const std::vector<Incident>& incidents) {
    TransparencyReport draft;
    draft.quarter = quarter;
    draft.promotion = committee.transparency.promotion;
    std::map<std::string, int> categories, sources, outcomes;
    std::vector<const Incident*> described;
    for (const auto& incident : incidents) {
        if (!incident.exists() || quarter_of(incident.filed_at) != quarter)
            continue;
        ++draft.reports;
        ++sources[std::string{describe(incident.report.source)}];
        if (incident.status == Status::escrowed) {
            ++draft.escrowed;
            continue;
        }
        described.push_back(&incident);
        if (open_like(incident)) {
            ++outcomes[std::string{unresolved}];
            continue;
        }
        const auto& resolution = *incident.resolution;
        ++categories[resolution.category.empty() ? "Not categorised" : resolution.category];
        ++outcomes[std::string{describe(resolution.outcome)}];
    }
    std::set<std::string> too_small;
    for (const auto& [category, count] : categories)
        if (count < committee.transparency.min_count)
            too_small.insert(category);
    std::map<std::string, int> shown_categories;
    for (const auto& [category, count] : categories)
        shown_categories[too_small.contains(category) ? "Other kinds, each too few to name"
                                                      : category] += count;
    draft.by_category = counted(shown_categories, committee.transparency.categories);
    draft.by_source = counted(sources, {});
    std::vector<std::string> outcome_order;
    for (const auto outcome : chosen_outcomes())
        outcome_order.emplace_back(describe(outcome));
    outcome_order.emplace_back(unresolved);
    draft.by_outcome = counted(outcomes, outcome_order);
    for (const auto* incident : described)
        draft.lines.push_back(line_for(*incident, committee, too_small, draft.words_left_out));
    // Sorted, so that the order of the lines says nothing about when each report came.
    std::sort(draft.lines.begin(), draft.lines.end());
    return draft;
}

} // namespace cocbot::core
