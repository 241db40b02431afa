// File: fuzz/form_fuzz.cpp
// parse_form on arbitrary bodies, and the lookups every handler then makes on the result.
#include "bot/slack/form.hpp"
#include "fuzz/fuzz_input.hpp"

#include <algorithm>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fuzz = cocbot::fuzz;
    const std::string_view body = fuzz::as_text(data, size);
    const auto form = cocbot::slack::parse_form(body);
    if (!form)
        return 0;

    // Each field comes from one '&'-separated segment, and decoding never lengthens text.
    const auto segments = static_cast<std::size_t>(std::count(body.begin(), body.end(), '&')) + 1;
    fuzz::expect(form->size() <= segments, "more fields than segments");
    for (const auto& [key, value] : form->fields()) {
        fuzz::expect(key.size() + value.size() <= body.size(), "a field longer than the body");
        const auto first = form->get(key);
        fuzz::expect(first.has_value() && form->contains(key), "a parsed key is not found");
        const auto all = form->get_all(key);
        fuzz::expect(!all.empty() && all.front() == *first, "get_all disagrees with get");
    }
    return 0;
}
