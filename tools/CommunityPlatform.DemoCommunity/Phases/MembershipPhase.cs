using System.Globalization;
using CommunityPlatform.DemoCommunity.Gateway;
using CommunityPlatform.DemoCommunity.Planning;

namespace CommunityPlatform.DemoCommunity.Phases;

/// <summary>
/// The party side through <c>/api/membership</c>: the secretary builds the organisation tree, records elections and
/// appoints committees; the office staff keep the register, the pipeline, the meetings and the rectification list.
/// Each step looks first at what exists and makes only what is missing.
/// </summary>
internal static class MembershipPhase
{
    public static async Task RunAsync(Run run)
    {
        var plan = run.Plan.Membership;
        await run.PhaseAsync("membership: tree", () => OrganisationsAsync(run, plan));
        await run.PhaseAsync("membership: members", () => MembersAsync(run, plan));
        await run.PhaseAsync("membership: offices", () => OfficesAsync(run, plan));
        await run.PhaseAsync("membership: pipeline", () => PipelineAsync(run, plan));
        await run.PhaseAsync("membership: meetings", () => MeetingsAsync(run, plan));
        await run.PhaseAsync("membership: rectification", () => RectificationAsync(run, plan));
    }

    private static async Task<string> OrganisationsAsync(Run run, MembershipPlan plan)
    {
        var existing = (await run.Secretary.GetAllAsync("/api/membership/organisations", run.Cancellation))
            .ToDictionary(o => o.Str("code"), o => (TermStartedOn: o.OptionalStr("termStartedOn"), FoundedOn: DateOnly.Parse(o.Str("foundedOn"), CultureInfo.InvariantCulture)));
        var made = 0;
        // In plan order, so a parent always exists before its children.
        foreach (var organisation in plan.Organisations)
        {
            if (!existing.ContainsKey(organisation.Code))
            {
                await run.Secretary.PostAsync("/api/membership/organisations", new
                {
                    code = organisation.Code, name = organisation.Name, kind = organisation.Kind, parentCode = organisation.ParentCode,
                    foundedOn = Run.Day(organisation.FoundedOn),
                }, run.Cancellation);
                made++;
            }
            else if (existing[organisation.Code].FoundedOn > organisation.FoundedOn)
            {
                // Entered by an earlier run (or before founding dates were kept) with a later start: the ledger now
                // reaches back to this half year. An earlier start, from a run for an earlier half year, stays.
                await run.Secretary.PutAsync($"/api/membership/organisations/{organisation.Code}/founded-on",
                    new { foundedOn = Run.Day(organisation.FoundedOn) }, run.Cancellation);
            }

            if (organisation.ElectedOn is { } elected && existing.GetValueOrDefault(organisation.Code).TermStartedOn is null)
            {
                await run.Secretary.PostAsync($"/api/membership/organisations/{organisation.Code}/elections", new { heldOn = Run.Day(elected) }, run.Cancellation);
            }
        }

        return $"{plan.Organisations.Count} organisations ({made} new)";
    }

    private static async Task<string> MembersAsync(Run run, MembershipPlan plan)
    {
        await FindMembersAsync(run);
        var missing = plan.Members.Where(m => !run.MemberIds.ContainsKey(m.Person.Key)).ToList();
        await run.ForEachAsync(missing, async member =>
        {
            var p = member.Person;
            var created = await run.Staff.PostAsync("/api/membership/members", new
            {
                name = p.Name, gender = p.Gender, birthDate = Run.Day(p.BirthDate), education = p.Education, organisationCode = p.OrganisationCode,
                gridCode = p.GridCode, phone = p.Phone, joinedOn = Run.Day(member.JoinedOn),
            }, run.Cancellation);
            run.MemberIds[p.Key] = created.Id();
        });
        return $"{plan.Members.Count} registered before the half year ({missing.Count} new)";
    }

    private static async Task FindMembersAsync(Run run)
    {
        foreach (var member in await run.Staff.GetAllAsync("/api/membership/members", run.Cancellation))
        {
            run.MemberIds[PartyPerson.PersonKey(member.Str("name"), member.Date("birthDate"))] = member.Id();
        }
    }

    private static async Task<string> OfficesAsync(Run run, MembershipPlan plan)
    {
        var appointed = 0;
        foreach (var organisation in plan.Posts.GroupBy(p => p.OrganisationCode))
        {
            var held = (await run.Secretary.GetAsync($"/api/membership/organisations/{organisation.Key}", run.Cancellation))
                .GetProperty("committee").EnumerateArray().Select(p => p.Str("postLabel")).ToHashSet();
            foreach (var post in organisation.Where(p => !held.Contains(p.Post)))
            {
                await run.Secretary.PostAsync($"/api/membership/organisations/{organisation.Key}/committee", new
                {
                    memberId = run.MemberId(post.Member), post = post.Post, startOn = Run.Day(post.StartOn),
                }, run.Cancellation);
                appointed++;
            }
        }

        var cadres = (await run.Staff.GetAllAsync("/api/membership/reserve-cadres", run.Cancellation)).Select(m => m.Id()).ToHashSet();
        var flagged = 0;
        foreach (var cadre in plan.Cadres.Where(c => !cadres.Contains(run.MemberId(c.Member))))
        {
            await run.Staff.PutAsync($"/api/membership/members/{run.MemberId(cadre.Member)}/reserve-cadre",
                new { since = Run.Day(cadre.Since), preparedFor = cadre.PreparedFor }, run.Cancellation);
            flagged++;
        }

        return $"{plan.Posts.Count} committee posts ({appointed} new), {plan.Cadres.Count} reserve cadres ({flagged} new)";
    }

    /// <summary>Each person's way in, continued from the stage the pipeline shows: applied, activist, candidate, admitted.</summary>
    private static async Task<string> PipelineAsync(Run run, MembershipPlan plan)
    {
        var inPipeline = (await run.Staff.GetAllAsync("/api/membership/pipeline", run.Cancellation)).ToDictionary(a => a.Str("name"));
        var steps = 0;
        foreach (var planned in plan.Applicants)
        {
            var p = planned.Person;
            if (run.MemberIds.ContainsKey(p.Key) && !inPipeline.ContainsKey(p.Name))
            {
                continue;
            }

            if (!inPipeline.TryGetValue(p.Name, out var applicant))
            {
                applicant = await run.Staff.PostAsync("/api/membership/pipeline", new
                {
                    name = p.Name, gender = p.Gender, birthDate = Run.Day(p.BirthDate), education = p.Education, organisationCode = p.OrganisationCode,
                    gridCode = p.GridCode, appliedOn = Run.Day(planned.AppliedOn), phone = p.Phone,
                }, run.Cancellation);
                steps++;
            }

            var path = $"/api/membership/pipeline/{applicant.Id()}";
            var stage = applicant.Str("stage");
            if (stage == "Applicant" && planned.ActivistOn is { } activist)
            {
                applicant = await run.Staff.PostAsync($"{path}/activist", new
                {
                    on = Run.Day(activist), contactMemberIds = planned.Contacts.Select(run.MemberId).ToArray(),
                }, run.Cancellation);
                stage = applicant.Str("stage");
                steps++;
            }

            if (stage == "Activist" && planned.CandidateOn is { } candidate)
            {
                applicant = await run.Staff.PostAsync($"{path}/candidate", new { on = Run.Day(candidate) }, run.Cancellation);
                stage = applicant.Str("stage");
                steps++;
            }

            if (stage == "Candidate" && planned.AdmittedOn is { } admitted)
            {
                applicant = await run.Staff.PostAsync($"{path}/admission", new
                {
                    on = Run.Day(admitted), sponsorMemberIds = planned.Sponsors.Select(run.MemberId).ToArray(),
                }, run.Cancellation);
                steps++;
            }

            if (applicant.OptionalGuid("memberId") is { } memberId)
            {
                run.MemberIds[p.Key] = memberId;
            }
        }

        return $"{plan.Applicants.Count} people in the pipeline, {plan.Applicants.Count(a => a.AdmittedOn is not null)} admitted ({steps} steps taken)";
    }

    private static async Task<string> MeetingsAsync(Run run, MembershipPlan plan)
    {
        var existing = (await run.Staff.GetAllAsync($"/api/membership/meetings?from={run.Period.From8601}&to={run.Period.To8601}", run.Cancellation))
            .ToDictionary(m => (m.Str("organisationCode"), m.Str("title"), m.Instant("startsAt").UtcDateTime));
        var (scheduled, recorded, madeUp) = (0, 0, 0);
        await run.ForEachAsync(plan.Meetings, async meeting =>
        {
            if (!existing.TryGetValue((meeting.OrganisationCode, meeting.Title, meeting.StartsAt.UtcDateTime), out var found))
            {
                found = await run.Staff.PostAsync("/api/membership/meetings", new
                {
                    organisationCode = meeting.OrganisationCode, kind = meeting.Kind, title = meeting.Title, startsAt = meeting.StartsAt, endsAt = meeting.EndsAt,
                    location = meeting.Location,
                }, run.Cancellation);
                Interlocked.Increment(ref scheduled);
            }

            var path = $"/api/membership/meetings/{found.Id()}";
            if (found.Str("status") == "Scheduled")
            {
                found = await run.Staff.PostAsync($"{path}/record", new
                {
                    topic = meeting.Topic, minutes = meeting.Minutes, heldOn = Run.Day(meeting.HeldOn),
                    attendance = meeting.Attendance.Select(a => new { memberId = run.MemberId(a.Member), status = a.Present ? "Present" : "Absent", reason = a.Reason }),
                }, run.Cancellation);
                Interlocked.Increment(ref recorded);
            }
            else
            {
                found = await run.Staff.GetAsync(path, run.Cancellation);
            }

            var absent = found.GetProperty("attendance").EnumerateArray().Where(a => a.Str("status") == "Absent").Select(a => a.GetProperty("memberId").GetGuid()).ToHashSet();
            foreach (var makeUp in meeting.Attendance.Where(a => a.MadeUpOn is not null && absent.Contains(run.MemberId(a.Member))))
            {
                await run.Staff.PostAsync($"{path}/attendance/{run.MemberId(makeUp.Member)}/make-up",
                    new { madeUpOn = Run.Day(makeUp.MadeUpOn!.Value), note = makeUp.Note }, run.Cancellation);
                Interlocked.Increment(ref madeUp);
            }
        });
        return $"{plan.Meetings.Count} meetings held, {plan.Meetings.Sum(m => m.Attendance.Count)} attendance entries ({scheduled} scheduled, {recorded} recorded, {madeUp} make-ups)";
    }

    private static async Task<string> RectificationAsync(Run run, MembershipPlan plan)
    {
        var made = 0;
        foreach (var source in plan.Rectifications.GroupBy(r => r.Source))
        {
            var existing = (await run.Staff.GetAllAsync($"/api/membership/rectifications?source={Uri.EscapeDataString(source.Key)}", run.Cancellation))
                .ToDictionary(i => i.Str("finding"));
            foreach (var item in source)
            {
                if (!existing.TryGetValue(item.Finding, out var found))
                {
                    found = await run.Staff.PostAsync("/api/membership/rectifications", new
                    {
                        source = item.Source, category = item.Category, finding = item.Finding, owner = item.Owner, deadline = Run.Day(item.Deadline), measures = item.Measures,
                    }, run.Cancellation);
                    made++;
                }

                if (found.Str("status") != "Completed")
                {
                    await run.Staff.PostAsync($"/api/membership/rectifications/{found.Id()}/completion", new
                    {
                        completedOn = Run.Day(item.CompletedOn), progress = item.Progress, evidence = new[] { item.Evidence },
                    }, run.Cancellation);
                }
            }
        }

        return $"{plan.Rectifications.Count} items in {plan.Rectifications.Select(r => r.Category).Distinct().Count()} categories, all completed ({made} new)";
    }
}
