// File: bot/app/governance.cpp
#include "bot/app/governance.hpp"

#include "bot/app/logger.hpp"
#include "bot/slack/labels.hpp"
#include "bot/slack/mrkdwn.hpp"
#include "storage/check_ins.hpp"

#include <algorithm>

namespace cocbot::app {

namespace {

template <typename Message>
Message* message_in(core::Effect& effect) {
    if (auto* post = std::get_if<core::Post>(&effect))
        return std::get_if<Message>(&post->message);
    if (auto* update = std::get_if<core::Update>(&effect))
        return std::get_if<Message>(&update->message);
    return nullptr;
}

std::string check_in_line(const storage::CheckIn& check_in) {
    std::string line = "• " + slack::user_link(check_in.member) + " — joined " +
                       slack::format_time(check_in.joined);
    line += check_in.answered_at ? ", last checked in " + slack::format_time(*check_in.answered_at)
                                 : ", not checked in yet";
    if (check_in.asked_at)
        line += " (asked " + slack::format_time(*check_in.asked_at) + ", no answer yet)";
    return line;
}

} // namespace

Governance::Governance(storage::Database& database, CommitteeRoster& roster,
                       RosterSync& roster_sync, GovernanceOptions options,
                       std::function<void()> committed)
    : database_(database), roster_(roster), committed_(committed),
      offboarding_(database, roster, options.offboarding, committed),
      votes_(database, roster, roster_sync, offboarding_, committed),
      check_ins_(database, roster, votes_, options.check_in, committed) {
    // The incidents hear of a member's off-boarding once they are out of every channel, so
    // that no incident channel they are still in says it.
    roster_sync.hold_while(
        [this](const core::UserId& member) { return offboarding_.revoking(member); });
    offboarding_.on_revoked([&roster_sync](core::Time now) { roster_sync.apply_removals(now); });
}

void Governance::run(core::Time now) {
    check_ins_.run(now);
    offboarding_.resume(now);
}

void Governance::settled(const Executor::CommitteeSettled& settled, core::Time now) {
    if (const auto* remove = std::get_if<core::Remove>(&settled.effect))
        offboarding_.removal_settled(remove->user, remove->channel, settled.error, now);
    else if (const auto* invite = std::get_if<core::Invite>(&settled.effect);
             invite && settled.error)
        invite_failed(*invite, *settled.error, now);
    else if (const auto* post = std::get_if<core::Post>(&settled.effect); post && settled.posted)
        posted(*post, *settled.posted, now);
    else if (const auto* checklist =
                 post ? std::get_if<core::OffboardChecklist>(&post->message) : nullptr;
             checklist && !post->to_user.empty())
        offboarding_.checklist_undelivered(*checklist, now); // skipped or failed for good
    else if (post && settled.error)
        undelivered(*post, *settled.error, now);
}

void Governance::posted(const core::Post& post, const core::MessageRef& where, core::Time now) {
    if (const auto* ballot = std::get_if<core::CommitteeBallot>(&post.message))
        votes_.ballot_posted(ballot->motion, post.to_user, ballot->tally, where, now);
    else if (std::holds_alternative<core::CheckInPrompt>(post.message))
        check_ins_.prompt_posted(post.to_user, where);
    else if (const auto* checklist = std::get_if<core::OffboardChecklist>(&post.message))
        offboarding_.checklist_posted(checklist->offboarding, where);
}

void Governance::invite_failed(const core::Invite& invite, const std::string& error,
                               core::Time now) {
    const core::Text text = core::icon(core::Icon::warning) + " cocbot could not add " +
                            core::mention(invite.user) + " to " +
                            core::channel_ref(invite.channel) + " (" + error +
                            "). They are on the committee's roster: invite them by hand.";
    alert_members(text, {invite.user}, "committee_invite_failed", invite.user.value + " " + error,
                  now);
}

void Governance::undelivered(const core::Post& post, const std::string& error, core::Time now) {
    const auto warning = core::icon(core::Icon::warning);
    if (const auto* ballot = std::get_if<core::CommitteeBallot>(&post.message);
        ballot && !ballot->withdrawn) {
        // Never to the subject of a removal, who must not learn of the vote.
        alert_members(warning + " cocbot could not deliver " + core::mention(post.to_user) +
                          "'s ballot on committee motion " + std::to_string(ballot->motion) + " (" +
                          error +
                          "). Until they get it, they cannot vote, and count against it: make "
                          "sure cocbot can send them direct messages.",
                      {post.to_user, ballot->subject}, "committee_ballot_undelivered",
                      post.to_user.value + " " + error, now);
    } else if (std::holds_alternative<core::Farewell>(post.message)) {
        alert_members(warning + " cocbot could not send " + core::mention(post.to_user) +
                          " the message about their off-boarding (" + error +
                          "). Their access is revoked; tell them yourselves.",
                      {post.to_user}, "offboarding_farewell_undelivered",
                      post.to_user.value + " " + error, now);
    }
}

void Governance::alert_members(const core::Text& text, const std::vector<core::UserId>& except,
                               std::string_view action, const std::string& detail, core::Time now) {
    storage::UnitOfWork work{database_};
    std::vector<core::Effect> alerts;
    for (const auto& member : roster_.committee().members)
        if (std::find(except.begin(), except.end(), member) == except.end())
            alerts.push_back(core::Post{{}, {}, member, core::Notice{text}, false});
    work.enqueue(std::nullopt, alerts, now);
    work.audit(now, "cocbot", action, {}, detail);
    work.commit();
    if (committed_)
        committed_();
}

std::optional<core::Effect> Governance::with_text(const core::Effect& effect) {
    core::Effect filled = effect;
    if (auto* ballot = message_in<core::CommitteeBallot>(filled); ballot && !ballot->withdrawn) {
        auto reason = votes_.reason(ballot->motion);
        if (!reason)
            return std::nullopt;
        ballot->reason = std::move(*reason);
    }
    if (auto* farewell = message_in<core::Farewell>(filled)) {
        auto text = offboarding_.farewell_text(farewell->offboarding);
        if (!text)
            return std::nullopt;
        farewell->text = std::move(*text);
    }
    return filled;
}

std::string Governance::roster_text() {
    const auto check_ins = storage::CheckIns{database_}.of_members();
    std::string text = "*The Code of Conduct committee* (" + std::to_string(check_ins.size()) +
                       (check_ins.size() == 1 ? " member)" : " members)");
    for (const auto& check_in : check_ins)
        text += "\n" + check_in_line(check_in);
    text += "\n`/coc committee add @person` proposes a new member and `/coc committee remove "
            "@person` a removal: every member votes by private ballot, and a majority of all "
            "members decides. The person is not told of a removal vote.";
    return text;
}

} // namespace cocbot::app
