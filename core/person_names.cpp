// File: core/person_names.cpp
#include "core/person_names.hpp"

#include <array>
#include <utility>
#include <vector>

namespace cocbot::core {

namespace {

// U+00C0 to U+017F (Latin-1 Supplement's letters and Latin Extended-A), each as its base letter
// in lower case; '?' marks the few that fold to two letters or are not letters.
constexpr std::string_view latin_bases =
    "aaaaaa?ceeeeiiiidnooooo?ouuuuy??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrr"
    "ssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(latin_bases.size() == 0x180 - 0xC0);

std::string_view two_letters(char32_t code) {
    switch (code) {
    case U'Æ':
    case U'æ':
        return "ae";
    case U'ß':
        return "ss";
    case U'Þ':
    case U'þ':
        return "th";
    case U'Ĳ':
    case U'ĳ':
        return "ij";
    case U'Œ':
    case U'œ':
        return "oe";
    default:
        return {};
    }
}

// Appends the folding of the two-byte UTF-8 sequence `lead`,`next`, or false if it is not one
// this folds (it is then copied as it is).
bool fold_two_bytes(unsigned char lead, unsigned char next, std::string& out) {
    const char32_t code = (char32_t{lead} & 0x1F) << 6 | (char32_t{next} & 0x3F);
    if (code >= 0x300 && code <= 0x36F)
        return true; // a combining accent: dropped
    if (code < 0xC0 || code >= 0x180)
        return false;
    const char base = latin_bases[code - 0xC0];
    if (base != '?')
        out += base;
    else if (const auto pair = two_letters(code); !pair.empty())
        out += pair;
    else
        return false;
    return true;
}

bool is_space(unsigned char c) {
    return c == ' ' || c == ',' || (c >= '\t' && c <= '\r');
}

std::vector<std::string_view> words(std::string_view folded) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0; at < folded.size();) {
        const auto end = std::min(folded.find(' ', at), folded.size());
        out.push_back(folded.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

} // namespace

std::string folded_name(std::string_view name) {
    std::string out;
    bool pending_space = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        const bool two_byte = (c & 0xE0) == 0xC0 && i + 1 < name.size() &&
                              (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80;
        if (two_byte && fold_two_bytes(c, static_cast<unsigned char>(name[i + 1]), out)) {
            ++i;
            continue;
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    }
    return out;
}

std::string name_key(std::string_view name) {
    const auto folded = folded_name(name);
    const auto all = words(folded);
    if (all.size() < 2)
        return folded;
    auto first = std::string{all.front()};
    auto last = std::string{all.back()};
    if (last < first)
        std::swap(first, last);
    return first + ' ' + last;
}

bool same_name(std::string_view a, std::string_view b) {
    const auto key = name_key(a);
    return !key.empty() && key == name_key(b);
}

} // namespace cocbot::core
