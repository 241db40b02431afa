// File: core/overloaded.hpp
// The usual helper for visiting a variant with one lambda per alternative.
#pragma once

namespace cocbot::core {

template <typename... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};

} // namespace cocbot::core
