// File: bot/slack/form.hpp
#pragma once
// application/x-www-form-urlencoded bodies (slash commands, interactivity `payload=`).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cocbot::slack {

// Decoded fields in body order; a key may repeat.
class Form {
public:
    using Field = std::pair<std::string, std::string>;

    Form() = default;
    explicit Form(std::vector<Field> fields) : fields_(std::move(fields)) {}

    // The first value for `key`, if any.
    std::optional<std::string_view> get(std::string_view key) const;
    bool contains(std::string_view key) const;
    // Every value for `key`, in body order.
    std::vector<std::string_view> get_all(std::string_view key) const;
    const std::vector<Field>& fields() const { return fields_; }
    std::size_t size() const { return fields_.size(); }
    bool empty() const { return fields_.empty(); }

    bool operator==(const Form&) const = default;

private:
    std::vector<Field> fields_;
};

// Decodes '+' as space and %-escapes; also accepts values left unencoded where the URL query
// grammar allows it (Slack's docs show `command=/weather`). A key without '=' has an empty
// value; empty segments ("a=1&&b=2") are skipped. nullopt on malformed percent-encoding or on
// characters a form body may not carry raw.
std::optional<Form> parse_form(std::string_view body);

} // namespace cocbot::slack
