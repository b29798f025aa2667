using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// A volunteer activity: planned (draft) → published (sign-up with a waitlist, then check-in and check-out) →
/// completed (attendance settled into service-hour records) or cancelled. Its rules are here; the API only loads and
/// saves it.
/// </summary>
public sealed class Activity : AggregateRoot
{
    public const int TitleMaxLength = 100;
    public const int MaxCapacity = 500;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    private readonly List<Signup> _signups = [];

    private Activity()
    {
    }

    public Guid Id { get; private set; }

    public Guid TeamId { get; private set; }

    public ActivityKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public string GridCode { get; private set; } = "";

    public string Place { get; private set; } = "";

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public int Capacity { get; private set; }

    public string[] RequiredSkills { get; private set; } = [];

    public ActivityStatus Status { get; private set; }

    /// <summary>The code volunteers check in with; shown to the organiser only.</summary>
    public string CheckInCode { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>Changes with every sign-up too, so two sign-ups racing for the last place cannot both take it.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Signup> Signups => _signups;

    public int ConfirmedCount => _signups.Count(s => s.Status == SignupStatus.Confirmed);

    /// <summary>The waitlist, first in line first.</summary>
    public IEnumerable<Signup> Waitlist => _signups.Where(s => s.Status == SignupStatus.Waitlisted).OrderBy(s => s.SignedUpAt).ThenBy(s => s.Id);

    /// <summary>Activities that start on one of <paramref name="days"/>: an activity belongs to the day it starts, in the report and its lists.</summary>
    public static IQueryable<Activity> StartsWithin(IQueryable<Activity> activities, DayRange days) => activities.Where(days.Covers<Activity>(a => a.StartsAt));

    public DateTimeOffset CheckInOpensAt(VolunteerRules rules) => StartsAt.AddMinutes(-rules.CheckInOpensMinutesBefore);

    public static Activity Plan(
        Guid teamId, string gridCode, string? kind, string? title, string? description, string? place, DateTimeOffset? startsAt, DateTimeOffset? endsAt,
        int? capacity, IReadOnlyList<string>? requiredSkills, string actor, DateTimeOffset now) =>
        Create(teamId, gridCode, kind, title, description, place, startsAt, endsAt, capacity, requiredSkills, actor, now,
            (validation, start, _) => validation.Require(start is null || start > now, "startsAt", ValidationFailure.NotPast("must be in the future.")));

    /// <summary>
    /// 补录: enters an activity that took place without being run here, from its paper sign-in sheet, by an organiser
    /// who is named as the recorder. Its window must have ended, no more than <paramref name="maxAgeDays"/> ago; each
    /// volunteer who came is checked in and out at the sheet's times (method <see cref="CheckInMethod.LateRecord"/>),
    /// each one expected who never came is a no-show, and the activity is settled at once like any other: service-hour
    /// records awaiting approval, and VolunteerActivityCompleted.
    /// </summary>
    /// <param name="volunteers">The profiles of the volunteers <paramref name="attendance"/> names that exist.</param>
    /// <param name="commitments">Other activities those volunteers attended or hold a place at, for the overlap rule.</param>
    public static (Activity Activity, Settlement Settlement) RecordLate(
        Guid teamId, string gridCode, string? kind, string? title, string? description, string? place, DateTimeOffset? startsAt, DateTimeOffset? endsAt,
        int? capacity, IReadOnlyList<LateAttendance> attendance, IReadOnlyDictionary<Guid, VolunteerProfile> volunteers,
        IReadOnlyCollection<(Guid VolunteerId, Commitment Commitment)> commitments, Actor recorder, DateTimeOffset now, VolunteerRules rules, int maxAgeDays)
    {
        var activity = Create(teamId, gridCode, kind, title, description, place, startsAt, endsAt, capacity, [], recorder.Id, now, (validation, start, end) =>
        {
            validation.Require(end is null || end <= now, "endsAt", ValidationFailure.NotFuture("must be in the past: a late record is of an activity that has ended."));
            validation.Require(start is null || start >= now.AddDays(-maxAgeDays), "startsAt", ValidationFailure.Of(ValidationCodes.MaxDuration, $"must be within the last {maxAgeDays} days."));
            CheckLateAttendance(validation, attendance, volunteers, capacity, start, end, now, rules);
        });

        foreach (var entry in attendance)
        {
            var volunteer = volunteers[entry.VolunteerId!.Value];
            if (!volunteer.Active)
            {
                throw new DomainRuleViolationException("signup.volunteer-inactive", $"Volunteer {volunteer.Id} has left the community.");
            }

            var clash = commitments.Where(c => c.VolunteerId == volunteer.Id).Select(c => c.Commitment)
                .FirstOrDefault(c => c.StartsAt < activity.EndsAt && activity.StartsAt < c.EndsAt);
            if (clash is not null)
            {
                throw new DomainRuleViolationException("signup.overlap", $"Volunteer {volunteer.Id} attended or holds a place at another activity at that time.",
                    new Dictionary<string, object?> { ["volunteerId"] = volunteer.Id, ["activityId"] = clash.ActivityId });
            }

            activity._signups.Add(new Signup(Guid.CreateVersion7(now), activity.Id, volunteer.Id, SignupStatus.Confirmed, now));
        }

        // Attendance goes through the same check-in and check-out as a live activity, so lateness and early leave are
        // judged alike; only the sign-up was never open, which an unset PublishedAt shows.
        activity.Status = ActivityStatus.Published;
        foreach (var entry in attendance.Where(a => a.NoShow != true))
        {
            activity.CheckIn(entry.VolunteerId!.Value, entry.CheckedInAt!.Value, CheckInMethod.LateRecord, recorder.Id, rules);
            if (entry.CheckedOutAt is { } checkedOutAt)
            {
                activity.CheckOut(entry.VolunteerId.Value, checkedOutAt, recorder.Id, rules);
            }
        }

        return (activity, activity.Complete(recorder, now, rules));
    }

    private static void CheckLateAttendance(
        Validation validation, IReadOnlyList<LateAttendance> attendance, IReadOnlyDictionary<Guid, VolunteerProfile> volunteers, int? capacity,
        DateTimeOffset? startsAt, DateTimeOffset? endsAt, DateTimeOffset now, VolunteerRules rules)
    {
        validation.Require(attendance.Count > 0, "attendance", ValidationFailure.MinCount("must list at least one volunteer."));
        validation.Require(capacity is null || attendance.Count <= capacity, "attendance", ValidationFailure.Of(ValidationCodes.MaxCount, "lists more volunteers than the activity's capacity."));
        for (var i = 0; i < attendance.Count; i++)
        {
            var (volunteerId, checkedInAt, checkedOutAt, noShow) = attendance[i];
            validation.Require(volunteerId is { } id && volunteers.ContainsKey(id), $"attendance[{i}].volunteerId", volunteerId is null ? ValidationFailure.Required() : ValidationFailure.NotFound($"names no volunteer ({volunteerId})."));
            validation.Require(attendance.Take(i).All(a => a.VolunteerId != volunteerId), $"attendance[{i}].volunteerId", ValidationFailure.Of(ValidationCodes.Duplicate, "lists the same volunteer twice."));
            if (noShow == true)
            {
                validation.Require(checkedInAt is null && checkedOutAt is null, $"attendance[{i}].noShow", ValidationFailure.Of(ValidationCodes.Conflicting, "a volunteer who never came has no check-in or check-out."));
                continue;
            }

            validation.RequireGiven(checkedInAt, $"attendance[{i}].checkedInAt", "is required for a volunteer who came (noShow true for one who did not).");
            validation.Require(checkedInAt is null || startsAt is null || endsAt is null || (checkedInAt >= startsAt.Value.AddMinutes(-rules.CheckInOpensMinutesBefore) && checkedInAt < endsAt),
                $"attendance[{i}].checkedInAt", ValidationFailure.Of(ValidationCodes.MaxDuration, $"must be from {rules.CheckInOpensMinutesBefore} minutes before the start until the end."));
            validation.Require(checkedOutAt is null || checkedInAt is null || (checkedOutAt >= checkedInAt && checkedOutAt <= now),
                $"attendance[{i}].checkedOutAt", ValidationFailure.NotFuture("must be after the check-in and not in the future."));
        }
    }

    private static Activity Create(
        Guid teamId, string gridCode, string? kind, string? title, string? description, string? place, DateTimeOffset? startsAt, DateTimeOffset? endsAt,
        int? capacity, IReadOnlyList<string>? requiredSkills, string actor, DateTimeOffset now, Action<Validation, DateTimeOffset?, DateTimeOffset?> checkWindow)
    {
        var validation = new Validation();
        var parsedKind = validation.RequireOneOf(kind, "kind", ActivityKinds.All);
        validation.RequireText(title, "title", TitleMaxLength);
        validation.RequireMaxLength(description?.Trim(), "description", 2000);
        validation.RequireText(place, "place", 200);
        validation.RequireGiven(startsAt, "startsAt", "is required (an ISO 8601 instant with its offset, e.g. 2026-07-01T08:30:00+08:00).");
        checkWindow(validation, startsAt, endsAt);
        validation.RequireGiven(endsAt, "endsAt", "is required (an ISO 8601 instant with its offset).");
        validation.Require(startsAt is null || endsAt is null || endsAt > startsAt, "endsAt", ValidationFailure.After("startsAt"));
        validation.Require(startsAt is null || endsAt is null || endsAt - startsAt <= MaxDuration, "endsAt", ValidationFailure.Of(ValidationCodes.MaxDuration, "must be at most 24 hours after startsAt."));
        validation.Require(capacity is >= 1 and <= MaxCapacity, "capacity", ValidationFailure.Count(1, MaxCapacity, $"must be from 1 to {MaxCapacity} volunteers."));
        var skills = Skills.Normalise(requiredSkills, "requiredSkills", validation);
        validation.ThrowIfInvalid();

        return new Activity
        {
            Id = Guid.CreateVersion7(now),
            TeamId = teamId,
            Kind = parsedKind!.Value,
            Title = title!.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            GridCode = gridCode,
            Place = place!.Trim(),
            StartsAt = startsAt!.Value,
            EndsAt = endsAt!.Value,
            Capacity = capacity!.Value,
            RequiredSkills = skills,
            Status = ActivityStatus.Draft,
            CheckInCode = CheckInCodes.New(),
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Opens the activity for sign-up; it must not have started.</summary>
    public void Publish(DateTimeOffset now)
    {
        RequireStatus("publish", ActivityStatus.Draft);
        if (now >= StartsAt)
        {
            throw new DomainRuleViolationException("activity.started", "The activity has already started; plan a new one.");
        }

        Status = ActivityStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Calls the activity off; a published one announces it with the ids of everyone signed up or waiting.</summary>
    public void Cancel(string? reason, DateTimeOffset now)
    {
        new Validation().RequireText(reason, "reason", 200).ThrowIfInvalid();
        RequireStatus("cancel", ActivityStatus.Draft, ActivityStatus.Published);
        var wasPublished = Status == ActivityStatus.Published;
        Status = ActivityStatus.Cancelled;
        CancelledAt = now;
        CancelReason = reason!.Trim();
        UpdatedAt = now;
        if (wasPublished)
        {
            Raise(new VolunteerActivityCancelled
            {
                EventId = Guid.CreateVersion7(now), OccurredAt = now, ActivityId = Id, GridCode = GridCode, StartsAt = StartsAt,
                VolunteerIds = [.. _signups.Where(s => s.IsActive).Select(s => s.VolunteerId)],
            });
        }
    }

    /// <summary>
    /// Signs <paramref name="volunteer"/> up: while published and before the start, with the required skills, not
    /// overlapping another activity they are signed up or waiting for (<paramref name="commitments"/>). When every
    /// place is taken they join the waitlist, if they accept it.
    /// </summary>
    public Signup SignUp(VolunteerProfile volunteer, IReadOnlyCollection<Commitment> commitments, bool acceptWaitlist, DateTimeOffset now)
    {
        RequireOpenForSignup(now);
        if (!volunteer.Active)
        {
            throw new DomainRuleViolationException("signup.volunteer-inactive", "The volunteer has left the community and cannot sign up.");
        }

        var existing = _signups.SingleOrDefault(s => s.VolunteerId == volunteer.Id);
        if (existing is { IsActive: true })
        {
            throw new DomainRuleViolationException("signup.duplicate", "The volunteer is already signed up for this activity.",
                new Dictionary<string, object?> { ["currentStatus"] = existing.Status.ToString() });
        }

        var missing = Skills.Missing(RequiredSkills, volunteer.Skills);
        if (missing.Count > 0)
        {
            throw new DomainRuleViolationException("signup.skills-missing", $"The activity needs skills the volunteer does not have: {string.Join("、", missing)}.",
                new Dictionary<string, object?> { ["missingSkills"] = missing });
        }

        var clash = commitments.FirstOrDefault(c => c.ActivityId != Id && c.StartsAt < EndsAt && StartsAt < c.EndsAt);
        if (clash is not null)
        {
            throw new DomainRuleViolationException("signup.overlap", "The volunteer is already signed up for another activity at that time.",
                new Dictionary<string, object?> { ["activityId"] = clash.ActivityId, ["startsAt"] = clash.StartsAt, ["endsAt"] = clash.EndsAt });
        }

        var full = ConfirmedCount >= Capacity;
        if (full && !acceptWaitlist)
        {
            throw new DomainRuleViolationException("signup.full", "Every place is taken; sign up with waitlist=true to wait for one.",
                new Dictionary<string, object?> { ["capacity"] = Capacity, ["waitlisted"] = Waitlist.Count() });
        }

        var status = full ? SignupStatus.Waitlisted : SignupStatus.Confirmed;
        UpdatedAt = now;
        if (existing is not null)
        {
            existing.Renew(status, now);
            return existing;
        }

        var signup = new Signup(Guid.CreateVersion7(now), Id, volunteer.Id, status, now);
        _signups.Add(signup);
        return signup;
    }

    /// <summary>Withdraws a sign-up before the start (and before checking in); a place it frees goes to the first volunteer on the waitlist, who is returned.</summary>
    public Signup? Withdraw(Guid volunteerId, DateTimeOffset now)
    {
        RequireOpenForSignup(now);
        var signup = _signups.SingleOrDefault(s => s.VolunteerId == volunteerId && s.IsActive)
            ?? throw new DomainRuleViolationException("signup.not-signed-up", "The volunteer is not signed up for this activity.");
        if (signup.CheckedInAt is not null)
        {
            throw new DomainRuleViolationException("signup.checked-in", "The volunteer has already checked in; check out instead of withdrawing.");
        }

        var freedPlace = signup.Status == SignupStatus.Confirmed;
        signup.Withdraw(now);
        UpdatedAt = now;
        if (!freedPlace)
        {
            return null;
        }

        var first = Waitlist.FirstOrDefault();
        first?.Promote(now);
        return first;
    }

    /// <summary>Checks a confirmed volunteer in: from when check-in opens until the end; arriving after the grace period is recorded as late.</summary>
    public Signup CheckIn(Guid volunteerId, DateTimeOffset at, CheckInMethod method, string recordedBy, VolunteerRules rules)
    {
        if (Status != ActivityStatus.Published || at >= EndsAt)
        {
            throw new DomainRuleViolationException("checkin.closed", "Check-in is possible only while the activity is published and before it ends.");
        }

        if (at < CheckInOpensAt(rules))
        {
            throw new DomainRuleViolationException("checkin.not-open", $"Check-in opens {rules.CheckInOpensMinutesBefore} minutes before the start.",
                new Dictionary<string, object?> { ["opensAt"] = CheckInOpensAt(rules) });
        }

        var signup = _signups.SingleOrDefault(s => s.VolunteerId == volunteerId && s.Status == SignupStatus.Confirmed)
            ?? throw new DomainRuleViolationException("checkin.not-signed-up", "Only a volunteer with a confirmed place can check in (not one still on the waitlist).");
        if (signup.CheckedInAt is not null)
        {
            throw new DomainRuleViolationException("checkin.already", "The volunteer has already checked in.");
        }

        var late = (int)(at - StartsAt).TotalMinutes;
        signup.CheckIn(at, method, recordedBy, late > rules.LateGraceMinutes ? late : 0);
        UpdatedAt = at;
        return signup;
    }

    /// <summary>Checks in with the activity's code or its scanned QR payload; a wrong code is refused before anything else is looked at.</summary>
    public Signup CheckInWithCode(Guid volunteerId, string? code, DateTimeOffset at, string recordedBy, VolunteerRules rules)
    {
        RequireCode(code);
        return CheckIn(volunteerId, at, CheckInMethod.Code, recordedBy, rules);
    }

    /// <summary>Checks a volunteer out; leaving before the end beyond the grace period is recorded as early.</summary>
    public Signup CheckOut(Guid volunteerId, DateTimeOffset at, string recordedBy, VolunteerRules rules)
    {
        if (Status != ActivityStatus.Published)
        {
            throw new DomainRuleViolationException("checkout.closed", "Check-out is possible only until the activity is completed.");
        }

        var signup = _signups.SingleOrDefault(s => s.VolunteerId == volunteerId && s.CheckedInAt is not null)
            ?? throw new DomainRuleViolationException("checkout.not-checked-in", "The volunteer has not checked in.");
        if (signup.CheckedOutAt is not null)
        {
            throw new DomainRuleViolationException("checkout.already", "The volunteer has already checked out.");
        }

        if (at < signup.CheckedInAt)
        {
            throw DomainValidationException.For("at", ValidationFailure.NotBefore("the volunteer checked in", "may not be before the volunteer checked in."));
        }

        signup.CheckOut(at, recordedBy, EarlyLeaveMinutes(at, rules));
        UpdatedAt = at;
        return signup;
    }

    public Signup CheckOutWithCode(Guid volunteerId, string? code, DateTimeOffset at, string recordedBy, VolunteerRules rules)
    {
        RequireCode(code);
        return CheckOut(volunteerId, at, recordedBy, rules);
    }

    /// <summary>
    /// Completes the activity once it has started and settles attendance: whoever is still checked in is checked out
    /// at the end (or now, if earlier); each volunteer who came gets a service-hour record awaiting approval; each
    /// confirmed volunteer who never checked in is a no-show (returned, to be counted on their record).
    /// </summary>
    public Settlement Complete(Actor actor, DateTimeOffset now, VolunteerRules rules)
    {
        RequireStatus("complete", ActivityStatus.Published);
        if (now < StartsAt)
        {
            throw new DomainRuleViolationException("activity.not-started", "An activity can be completed once it has started.",
                new Dictionary<string, object?> { ["startsAt"] = StartsAt });
        }

        var records = new List<ServiceRecord>();
        var noShows = new List<Guid>();
        foreach (var signup in _signups.Where(s => s.Status == SignupStatus.Confirmed))
        {
            if (signup.CheckedInAt is null)
            {
                signup.MarkNoShow();
                noShows.Add(signup.VolunteerId);
                continue;
            }

            if (signup.CheckedOutAt is null)
            {
                var at = now < EndsAt ? now : EndsAt;
                signup.CheckOut(at, actor.Id, EarlyLeaveMinutes(at, rules));
            }

            records.Add(ServiceRecord.Settle(this, signup, rules, actor, now));
        }

        Status = ActivityStatus.Completed;
        CompletedAt = now;
        UpdatedAt = now;
        Raise(new VolunteerActivityCompleted
        {
            EventId = Guid.CreateVersion7(now), OccurredAt = now, ActivityId = Id, TeamId = TeamId, GridCode = GridCode, Kind = Kind.ToString(),
            HeldOn = CommunityTime.DateOf(StartsAt), Participants = records.Count, NoShows = noShows.Count,
        });
        return new Settlement(records, noShows);
    }

    /// <summary>
    /// Whether a patrol observation may be reported now: on a patrol, between check-in and completion, by the
    /// organiser (<paramref name="volunteerId"/> null) or a volunteer who has checked in.
    /// </summary>
    public void RequireObservable(Guid? volunteerId, DateTimeOffset now, VolunteerRules rules)
    {
        if (Kind != ActivityKind.Patrol)
        {
            throw new DomainRuleViolationException("observation.not-patrol", "Observations are reported from a patrol (平安义警巡逻) activity.");
        }

        if (Status != ActivityStatus.Published || now < CheckInOpensAt(rules))
        {
            throw new DomainRuleViolationException("observation.not-running", "Observations are reported while the patrol is under way, from check-in until it is completed.");
        }

        if (volunteerId is { } id && !_signups.Any(s => s.VolunteerId == id && s.CheckedInAt is not null))
        {
            throw new DomainRuleViolationException("observation.not-checked-in", "Check in to the patrol before reporting from it.");
        }
    }

    private int EarlyLeaveMinutes(DateTimeOffset at, VolunteerRules rules)
    {
        var early = (int)(EndsAt - at).TotalMinutes;
        return early > rules.EarlyLeaveGraceMinutes ? early : 0;
    }

    private void RequireCode(string? code)
    {
        if (!CheckInCodes.Matches(CheckInCode, Id, code))
        {
            throw new DomainRuleViolationException("checkin.code-mismatch", "The check-in code is not this activity's; scan the QR code again or ask the organiser.");
        }
    }

    private void RequireOpenForSignup(DateTimeOffset now)
    {
        if (Status != ActivityStatus.Published)
        {
            throw new DomainRuleViolationException("signup.not-open", $"Sign-up is open only while the activity is published; it is {ActivityStatuses.All[Status]}.");
        }

        if (now >= StartsAt)
        {
            throw new DomainRuleViolationException("signup.closed", "Sign-up closes when the activity starts.");
        }
    }

    private void RequireStatus(string action, params ActivityStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainRuleViolationException("activity.transition", $"A {Status} activity cannot {action}.",
                new Dictionary<string, object?> { ["currentStatus"] = Status.ToString() });
        }
    }
}

/// <summary>Another activity a volunteer is signed up or waiting for, to refuse an overlapping sign-up.</summary>
public sealed record Commitment(Guid ActivityId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>One line of a paper sign-in sheet entered late: who, when they came and left, or that they never came.</summary>
public sealed record LateAttendance(Guid? VolunteerId, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt, bool? NoShow);

/// <summary>What completing an activity produced.</summary>
public sealed record Settlement(IReadOnlyList<ServiceRecord> Records, IReadOnlyList<Guid> NoShowVolunteerIds);

public enum ActivityKind
{
    Patrol,
    Environment,
    ElderlyVisit,
    Aid,
    Publicity,
    Other,
}

public static class ActivityKinds
{
    public static readonly IReadOnlyDictionary<ActivityKind, string> All = new Dictionary<ActivityKind, string>
    {
        [ActivityKind.Patrol] = "平安义警巡逻",
        [ActivityKind.Environment] = "环境整治",
        [ActivityKind.ElderlyVisit] = "关爱老人",
        [ActivityKind.Aid] = "帮扶",
        [ActivityKind.Publicity] = "宣传",
        [ActivityKind.Other] = "其他",
    };
}

public enum ActivityStatus
{
    Draft,
    Published,
    Completed,
    Cancelled,
}

public static class ActivityStatuses
{
    public static readonly IReadOnlyDictionary<ActivityStatus, string> All = new Dictionary<ActivityStatus, string>
    {
        [ActivityStatus.Draft] = "草稿",
        [ActivityStatus.Published] = "报名中",
        [ActivityStatus.Completed] = "已结束",
        [ActivityStatus.Cancelled] = "已取消",
    };
}
