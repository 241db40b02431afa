// File: bot/slack/json_reader.cpp
#include "bot/slack/json_reader.hpp"

#include <limits>

namespace cocbot::slack {

namespace {

std::string join(const std::string& prefix, std::string_view key) {
    return prefix.empty() ? std::string{key} : prefix + "." + std::string{key};
}

} // namespace

const JsonReader::json* JsonReader::find(Path path) const {
    const json* node = &node_;
    std::string walked = where_;
    for (const auto key : path) {
        if (node->is_null())
            return nullptr;
        if (!node->is_object()) {
            fail("field " + walked + " must be an object");
            return nullptr;
        }
        const auto it = node->find(key);
        if (it == node->end())
            return nullptr;
        node = &*it;
        walked = join(walked, key);
    }
    return node->is_null() ? nullptr : node;
}

std::string JsonReader::string(Path path, Need need) const {
    return nullable_string(path, need).value_or(std::string{});
}

std::optional<std::string> JsonReader::nullable_string(Path path, Need need) const {
    const json* node = typed(path, need, &json::is_string, "a string");
    if (node == nullptr)
        return std::nullopt;
    return node->get_ref<const std::string&>();
}

std::string JsonReader::lenient_string(Path path) const {
    const json* node = find(path);
    return node != nullptr && node->is_string() ? node->get_ref<const std::string&>()
                                                : std::string{};
}

bool JsonReader::boolean(Path path) const {
    const json* node = typed(path, Need::optional, &json::is_boolean, "a boolean");
    return node != nullptr && node->get_ref<const json::boolean_t&>();
}

std::int64_t JsonReader::integer(Path path, Need need) const {
    const json* node = typed(path, need, &json::is_number_integer, "an integer");
    if (node == nullptr)
        return 0;
    if (node->is_number_unsigned()) {
        const auto value = node->get_ref<const json::number_unsigned_t&>();
        if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            fail("field " + name(path) + " is out of range");
            return 0;
        }
        return static_cast<std::int64_t>(value);
    }
    return node->get_ref<const json::number_integer_t&>();
}

const JsonReader::json* JsonReader::object(Path path, Need need) const {
    return typed(path, need, &json::is_object, "an object");
}

const JsonReader::json* JsonReader::array(Path path, Need need) const {
    return typed(path, need, &json::is_array, "an array");
}

std::vector<std::string> JsonReader::strings(Path path, Need need) const {
    std::vector<std::string> out;
    const json* list = array(path, need);
    if (list == nullptr)
        return out;
    for (const auto& element : *list) {
        if (!element.is_string()) {
            fail("field " + name(path) + " must hold strings");
            return {};
        }
        out.push_back(element.get_ref<const std::string&>());
    }
    return out;
}

void JsonReader::fail(std::string message) const {
    if (!error_)
        error_ = std::move(message);
}

std::string JsonReader::name(Path path) const {
    std::string out = where_;
    for (const auto key : path)
        out = join(out, key);
    return out;
}

const JsonReader::json* JsonReader::typed(Path path, Need need,
                                          bool (json::*is_type)() const noexcept,
                                          std::string_view type_name) const {
    const json* node = find(path);
    if (node == nullptr) {
        if (need == Need::required)
            fail("missing field " + name(path));
        return nullptr;
    }
    if (!(node->*is_type)()) {
        fail("field " + name(path) + " must be " + std::string{type_name});
        return nullptr;
    }
    return node;
}

} // namespace cocbot::slack
