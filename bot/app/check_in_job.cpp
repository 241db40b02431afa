// File: bot/app/check_in_job.cpp
#include "bot/app/check_in_job.hpp"

#include "storage/check_ins.hpp"
#include "storage/offboardings.hpp"
#include "storage/unit_of_work.hpp"

namespace cocbot::app {

CheckInJob::CheckInJob(storage::Database& database, CommitteeRoster& roster, CommitteeVotes& votes,
                       CheckInOptions options, std::function<void()> committed)
    : database_(database), roster_(roster), votes_(votes), options_(options),
      committed_(std::move(committed)) {}

void CheckInJob::run(core::Time now) {
    // The roster is short: reading every member's row at each probe is a few rows by key.
    for (const auto& check_in : storage::CheckIns{database_}.of_members()) {
        if (!check_in.asked_at) {
            if (now >= core::check_in_due(check_in.since, options_.review))
                ask(check_in.member, now);
        } else if (!check_in.overdue_told &&
                   core::check_in_overdue(*check_in.asked_at, options_.grace, now)) {
            tell_overdue(check_in.member, now);
        }
    }
}

void CheckInJob::ask(const core::UserId& member, core::Time now) {
    storage::UnitOfWork work{database_};
    work.enqueue(std::nullopt, {core::Post{{}, {}, member, core::CheckInPrompt{}, true}}, now);
    storage::CheckIns{database_}.asked(member, now);
    work.audit(now, "cocbot", "check_in_asked", {}, member.value);
    commit(work);
}

void CheckInJob::tell_overdue(const core::UserId& member, core::Time now) {
    const auto days = std::chrono::duration_cast<std::chrono::days>(options_.grace).count();
    const core::Text text = core::mention(member) +
                            " has not answered the six-monthly question whether they wish "
                            "to continue serving on the committee, asked " +
                            std::to_string(days) +
                            " days ago. Nothing else happens: you may want to ask them.";
    storage::UnitOfWork work{database_};
    work.enqueue(std::nullopt,
                 {core::Post{{}, roster_.committee().channel, {}, core::Notice{text}, false}}, now);
    storage::CheckIns{database_}.overdue_told(member);
    work.audit(now, "cocbot", "check_in_overdue", {}, member.value);
    commit(work);
}

std::string CheckInJob::answer(const core::UserId& member, bool stay, core::Time now) {
    storage::UnitOfWork work{database_};
    storage::CheckIns check_ins{database_};
    const auto check_in = check_ins.of(member);
    if (!check_in || !roster_.committee().is_member(member))
        return "This question was withdrawn."; // says nothing of why
    if (!check_in->asked_at)
        return "You have answered this already. Thank you.";
    if (!stay && storage::Offboardings{database_}.under_way(member))
        return "You are already leaving the committee.";
    check_ins.answered(member, now);
    if (check_in->message)
        work.enqueue(std::nullopt,
                     {core::Update{{},
                                   *check_in->message,
                                   core::CheckInPrompt{stay ? core::CheckInAnswer::continued
                                                            : core::CheckInAnswer::stepped_down}}},
                     now);
    work.audit(now, member.value, stay ? "check_in_continued" : "check_in_stepped_down", {},
               member.value);
    if (!stay)
        votes_.offboard(work, member, core::OffboardCause::resigned, member, std::nullopt, now);
    commit(work);
    if (!stay)
        votes_.carry_out(now);
    return stay ? "Thank you: you continue on the committee. You will be asked again in six "
                  "months."
                : "Your off-boarding has begun. Thank you for serving on the committee.";
}

void CheckInJob::prompt_posted(const core::UserId& member, const core::MessageRef& where) {
    storage::UnitOfWork work{database_};
    storage::CheckIns{database_}.record_message(member, where);
    work.commit();
}

void CheckInJob::commit(storage::UnitOfWork& work) {
    work.commit();
    if (committed_)
        committed_();
}

} // namespace cocbot::app
