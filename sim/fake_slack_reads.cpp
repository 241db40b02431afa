// File: sim/fake_slack_reads.cpp
// What the tests and the drill read back from FakeSlack: the calls it took, and the workspace's
// state as it is now. Each read takes the lock once.
#include "sim/eventually.hpp"
#include "sim/fake_slack_impl.hpp"
#include "sim/slack_args.hpp"

namespace cocbot::sim {

std::vector<RecordedCall> FakeSlack::calls() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->calls;
}

std::vector<RecordedCall> FakeSlack::calls(std::string_view method) const {
    std::lock_guard lock(impl_->mutex);
    std::vector<RecordedCall> out;
    std::copy_if(impl_->calls.begin(), impl_->calls.end(), std::back_inserter(out),
                 [&](const RecordedCall& call) { return call.method == method; });
    return out;
}

bool FakeSlack::wait_for(const CallsPredicate& pred, std::chrono::milliseconds timeout) const {
    return eventually([&] { return pred(calls()); }, timeout);
}

void FakeSlack::clear_calls() {
    std::lock_guard lock(impl_->mutex);
    impl_->calls.clear();
    ++impl_->calls_generation;
}

int FakeSlack::connections_accepted() const {
    return impl_->connections.load();
}

std::vector<FakeSlack::Message> FakeSlack::messages(std::string_view channel) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.messages(fake::dm_for(std::string(channel)));
}

std::optional<FakeSlack::Message> FakeSlack::message(std::string_view channel,
                                                     std::string_view ts) const {
    for (auto& m : messages(channel))
        if (m.ts == ts)
            return std::move(m);
    return std::nullopt;
}

std::optional<std::string> FakeSlack::channel_id(std::string_view name) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.channel_id(name);
}

bool FakeSlack::shows(std::string_view channel, std::string_view words) const {
    for (const auto& m : messages(channel))
        if (m.text.find(words) != std::string::npos ||
            m.blocks.dump().find(words) != std::string::npos)
            return true;
    return false;
}

std::optional<std::string> FakeSlack::channel_name(std::string_view channel_id) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.channel_name(channel_id);
}

std::set<std::string> FakeSlack::members(std::string_view channel_id) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.members(channel_id);
}

bool FakeSlack::archived(std::string_view channel_id) const {
    return archived_channels().contains(std::string(channel_id));
}

std::set<std::string> FakeSlack::archived_channels() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.archived_channels();
}

std::vector<nlohmann::json> FakeSlack::opened_views() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.opened_views();
}

} // namespace cocbot::sim
