namespace CommunityPlatform.Reporting.Domain;

/// <summary>How a figure is written: a count, hours (to the half hour), or a share written as a percentage.</summary>
public enum FigureFormat
{
    Count,
    Hours,
    Percent,
}

/// <summary>
/// One figure of the report. <see cref="Key"/> is the path of the value in the owning service's statistics
/// (<c>membership.members.total</c> is <c>members.total</c> of <c>GET /api/membership/statistics</c>).
/// <see cref="Link"/> is the list query, through the gateway, of the records it counts; <see cref="Measure"/> says how
/// the figure follows from that list: <c>count</c> (the number of records), <c>sum:hours</c>, <c>distinct:volunteerId</c>,
/// or <c>share:status=Closed</c> (the share of the records in that state). A figure without a link (the care list)
/// is published as a count only, by design.
/// </summary>
public sealed record FigureDefinition(string Key, string Label, string Unit, FigureFormat Format, string? Link, string? Measure = "count");

public sealed record SectionTemplate(string Title, IReadOnlyList<string> Paragraphs);

/// <summary>
/// The half-year work report (半年工作报告) as the community writes it: its sections in order, each paragraph a
/// sentence with the figures in braces. Placeholders in links: <c>{from}</c>, <c>{to}</c> (the period's first and last
/// day) and <c>{generalBranch}</c> (the code of the 党总支).
/// </summary>
public static class ReportTemplate
{
    public static readonly IReadOnlyList<SectionTemplate> Sections =
    [
        new("基本情况",
        [
            "{community}共划分网格{grid.community.grids}个，有楼栋{grid.community.buildings}栋，常住居民{grid.community.households}户{grid.community.residents}人，个体经营户{grid.community.businesses}家。",
            "社区党总支共有党员{membership.members.total}人（正式党员{membership.members.full}人、预备党员{membership.members.probationary}人），其中大专及以上学历{membership.members.collegeOrAbove}人；35岁以下{membership.members.byAgeCohort.Under35}人，35至50岁{membership.members.byAgeCohort.From35To50}人，50至60岁{membership.members.byAgeCohort.From50To60}人，60岁以上{membership.members.byAgeCohort.Over60}人。党总支支委委员{membership.committees.{generalBranch}.members}人。",
        ]),
        new("一、组织建设",
        [
            "全面落实“三会一课”、主题党日等组织生活制度，本期召开各类组织生活{membership.meetings.held}次，党员参会率{membership.meetings.attendanceRate}：支部党员大会{membership.meetings.byKind.GeneralMeeting.held}次、支委会{membership.meetings.byKind.CommitteeMeeting.held}次、党小组会{membership.meetings.byKind.PartyGroupMeeting.held}次、党课{membership.meetings.byKind.PartyLecture.held}次、主题党日{membership.meetings.byKind.ThemePartyDay.held}次。",
            "组织党员集中学习{membership.meetings.byKind.StudySession.held}次，邀请挂点领导和联建单位宣讲{membership.meetings.byKind.Briefing.held}次。",
            "储备社区后备干部{membership.reserveCadres.total}名，其中35岁以下{membership.reserveCadres.under35}名；发展新党员{membership.development.admitted}名，其中35岁以下、大专及以上学历{membership.development.admittedUnder35WithCollege}名。",
            "整改清单共{membership.rectification.total}项，已完成整改{membership.rectification.completed}项。",
        ]),
        new("二、社区治理",
        [
            "推荐产生单元长{grid.community.unitHeads}名、楼栋长{grid.community.buildingHeads}名；{grid.community.partnerUnits}家共建单位与社区共同组建志愿服务队{volunteer.teams}支。",
            "坚持红网格“三事”工作法，本期受理群众事项{grid.matters.reported}件，办结{grid.matters.resolved}件。其中受理矛盾纠纷{grid.matters.byCategory.Dispute.reported}起、化解{grid.matters.byCategory.Dispute.resolved}起，受理信访事项{grid.matters.byCategory.Petition.reported}起、办结{grid.matters.byCategory.Petition.resolved}起，加装电梯事项{grid.matters.byCategory.ElevatorRetrofit.reported}起。",
            "落实重点人员服务管理：严重精神障碍患者{grid.careList.byCategory.MentalIllness}人、刑满释放人员{grid.careList.byCategory.ReleasedPrisoner}人、社区矫正对象{grid.careList.byCategory.CommunityCorrection}人、重点信访人员{grid.careList.byCategory.KeyPetitioner}人（名单按规定不公开，仅列人数）。",
        ]),
        new("三、品牌创建",
        [
            "依托“常青说事室”等议事平台，本期开展议事{grid.deliberation.sessions}场（其中说事室议事{grid.deliberation.byVenue.DeliberationRoom}场），协商事项{grid.deliberation.mattersDeliberated}件，已解决{grid.deliberation.deliberatedMattersResolved}件。",
            "推行“两小两微”结对共建，居民发布微心愿{grid.microWishes.posted}个，党员和共建单位认领{grid.microWishes.claimed}个，已点亮{grid.microWishes.fulfilled}个。",
        ]),
        new("四、安全生产",
        [
            "在册场所{safety.venues}处，其中九小场所{safety.nineSmallVenues}处。本期完成安全检查{safety.inspections}次，发现隐患{safety.hazards.found}处（其中一般隐患{safety.hazardsBySeverity.General.found}处、重大隐患{safety.hazardsBySeverity.Major.found}处），已整改销号{safety.hazards.rectified}处，整改率{safety.hazards.rectificationRate}，尚在整改{safety.hazards.open}处。",
        ]),
        new("五、志愿服务",
        [
            "社区现有志愿服务队{volunteer.teams}支、注册志愿者{volunteer.volunteers.total}人，其中党员志愿者{volunteer.volunteers.partyMembers}人。本期完成志愿服务活动{volunteer.activities.completed}场，{volunteer.hours.volunteersCredited}名志愿者获认定服务时长共{volunteer.hours.approved}小时。",
        ]),
    ];

    public static readonly IReadOnlyList<FigureDefinition> Figures =
    [
        new("grid.community.grids", "网格", "个", FigureFormat.Count, "/api/grid/grids"),
        new("grid.community.buildings", "楼栋", "栋", FigureFormat.Count, "/api/grid/buildings"),
        new("grid.community.households", "住户", "户", FigureFormat.Count, "/api/grid/households"),
        new("grid.community.residents", "居民", "人", FigureFormat.Count, "/api/grid/residents"),
        new("grid.community.businesses", "个体经营户", "家", FigureFormat.Count, "/api/grid/businesses"),
        new("grid.community.unitHeads", "单元长", "名", FigureFormat.Count, "/api/grid/residents?head=Unit"),
        new("grid.community.buildingHeads", "楼栋长", "名", FigureFormat.Count, "/api/grid/residents?head=Building"),
        new("grid.community.partnerUnits", "共建单位", "家", FigureFormat.Count, "/api/grid/partner-units"),

        new("membership.members.total", "党员", "人", FigureFormat.Count, "/api/membership/members?status=Active"),
        new("membership.members.full", "正式党员", "人", FigureFormat.Count, "/api/membership/members?status=Full"),
        new("membership.members.probationary", "预备党员", "人", FigureFormat.Count, "/api/membership/members?status=Probationary"),
        new("membership.members.collegeOrAbove", "大专及以上学历党员", "人", FigureFormat.Count, "/api/membership/members?status=Active&education=CollegeOrAbove"),
        new("membership.members.byAgeCohort.Under35", "35岁以下党员", "人", FigureFormat.Count, "/api/membership/members?status=Active&ageCohort=Under35&asOf={to}"),
        new("membership.members.byAgeCohort.From35To50", "35至50岁党员", "人", FigureFormat.Count, "/api/membership/members?status=Active&ageCohort=From35To50&asOf={to}"),
        new("membership.members.byAgeCohort.From50To60", "50至60岁党员", "人", FigureFormat.Count, "/api/membership/members?status=Active&ageCohort=From50To60&asOf={to}"),
        new("membership.members.byAgeCohort.Over60", "60岁以上党员", "人", FigureFormat.Count, "/api/membership/members?status=Active&ageCohort=Over60&asOf={to}"),
        new("membership.committees.{generalBranch}.members", "党总支支委委员", "人", FigureFormat.Count, "/api/membership/organisations/{generalBranch}/committee?on={to}"),

        new("membership.meetings.held", "组织生活会议", "次", FigureFormat.Count, "/api/membership/meetings?status=Held&heldFrom={from}&heldTo={to}"),
        new("membership.meetings.attendanceRate", "党员参会率", "", FigureFormat.Percent, "/api/membership/meetings?status=Held&heldFrom={from}&heldTo={to}", "share:attendance=Present,MadeUp"),
        new("membership.meetings.byKind.GeneralMeeting.held", "支部党员大会", "次", FigureFormat.Count, "/api/membership/meetings?status=Held&heldFrom={from}&heldTo={to}&kind=GeneralMeeting"),
        new("membership.meetings.byKind.CommitteeMeeting.held", "支委会", "次", FigureFormat.Count, "/api/membership/meetings?status=Held&heldFrom={from}&heldTo={to}&kind=CommitteeMeeting"),
        new("membership.meetings.byKind.PartyGroupMeeting.held", "党小组会", "次", FigureFormat.Count, "/api/membership/meetings?status=Held&heldFrom={from}&heldTo={to}&kind=PartyGroupMeeting"),
        new("membership.meetings.byKind.PartyLecture.held", "党课", "次", FigureFormat.Count, "/api/membership/meetings?status=Held&heldFrom={from}&heldTo={to}&kind=PartyLecture"),
        new("membership.meetings.byKind.ThemePartyDay.held", "主题党日", "次", FigureFormat.Count, "/api/membership/meetings?status=Held&heldFrom={from}&heldTo={to}&kind=ThemePartyDay"),
        new("membership.meetings.byKind.StudySession.held", "集中学习", "次", FigureFormat.Count, "/api/membership/meetings?status=Held&heldFrom={from}&heldTo={to}&kind=StudySession"),
        new("membership.meetings.byKind.Briefing.held", "领导宣讲", "次", FigureFormat.Count, "/api/membership/meetings?status=Held&heldFrom={from}&heldTo={to}&kind=Briefing"),
        new("membership.reserveCadres.total", "后备干部", "名", FigureFormat.Count, "/api/membership/reserve-cadres"),
        new("membership.reserveCadres.under35", "35岁以下后备干部", "名", FigureFormat.Count, "/api/membership/reserve-cadres?ageCohort=Under35&asOf={to}"),
        new("membership.development.admitted", "发展新党员", "名", FigureFormat.Count, "/api/membership/pipeline?admittedFrom={from}&admittedTo={to}"),
        new("membership.development.admittedUnder35WithCollege", "35岁以下大专及以上学历新党员", "名", FigureFormat.Count, "/api/membership/pipeline?admittedFrom={from}&admittedTo={to}&under35WithCollege=true"),
        new("membership.rectification.total", "整改事项", "项", FigureFormat.Count, "/api/membership/rectifications"),
        new("membership.rectification.completed", "已完成整改", "项", FigureFormat.Count, "/api/membership/rectifications?status=Completed"),

        new("grid.matters.reported", "受理事项", "件", FigureFormat.Count, "/api/grid/matters?reportedFrom={from}&reportedTo={to}"),
        new("grid.matters.resolved", "办结事项", "件", FigureFormat.Count, "/api/grid/matters?resolvedFrom={from}&resolvedTo={to}"),
        new("grid.matters.byCategory.Dispute.reported", "受理矛盾纠纷", "起", FigureFormat.Count, "/api/grid/matters?reportedFrom={from}&reportedTo={to}&category=Dispute"),
        new("grid.matters.byCategory.Dispute.resolved", "化解矛盾纠纷", "起", FigureFormat.Count, "/api/grid/matters?resolvedFrom={from}&resolvedTo={to}&category=Dispute"),
        new("grid.matters.byCategory.Petition.reported", "受理信访事项", "起", FigureFormat.Count, "/api/grid/matters?reportedFrom={from}&reportedTo={to}&category=Petition"),
        new("grid.matters.byCategory.Petition.resolved", "办结信访事项", "起", FigureFormat.Count, "/api/grid/matters?resolvedFrom={from}&resolvedTo={to}&category=Petition"),
        new("grid.matters.byCategory.ElevatorRetrofit.reported", "加装电梯事项", "起", FigureFormat.Count, "/api/grid/matters?reportedFrom={from}&reportedTo={to}&category=ElevatorRetrofit"),
        new("grid.careList.byCategory.MentalIllness", "严重精神障碍患者", "人", FigureFormat.Count, null, null),
        new("grid.careList.byCategory.ReleasedPrisoner", "刑满释放人员", "人", FigureFormat.Count, null, null),
        new("grid.careList.byCategory.CommunityCorrection", "社区矫正对象", "人", FigureFormat.Count, null, null),
        new("grid.careList.byCategory.KeyPetitioner", "重点信访人员", "人", FigureFormat.Count, null, null),

        new("grid.deliberation.sessions", "议事场次", "场", FigureFormat.Count, "/api/grid/deliberation-sessions?from={from}&to={to}"),
        new("grid.deliberation.byVenue.DeliberationRoom", "说事室议事", "场", FigureFormat.Count, "/api/grid/deliberation-sessions?from={from}&to={to}&venue=DeliberationRoom"),
        new("grid.deliberation.mattersDeliberated", "协商事项", "件", FigureFormat.Count, "/api/grid/matters?deliberatedFrom={from}&deliberatedTo={to}"),
        new("grid.deliberation.deliberatedMattersResolved", "协商解决事项", "件", FigureFormat.Count, "/api/grid/matters?deliberatedFrom={from}&deliberatedTo={to}&resolved=true"),
        new("grid.microWishes.posted", "发布微心愿", "个", FigureFormat.Count, "/api/grid/micro-wishes?postedFrom={from}&postedTo={to}"),
        new("grid.microWishes.claimed", "认领微心愿", "个", FigureFormat.Count, "/api/grid/micro-wishes?claimedFrom={from}&claimedTo={to}"),
        new("grid.microWishes.fulfilled", "点亮微心愿", "个", FigureFormat.Count, "/api/grid/micro-wishes?fulfilledFrom={from}&fulfilledTo={to}"),

        new("safety.venues", "在册场所", "处", FigureFormat.Count, "/api/safety/venues"),
        new("safety.nineSmallVenues", "九小场所", "处", FigureFormat.Count, "/api/safety/venues?nineSmall=true"),
        new("safety.inspections", "安全检查", "次", FigureFormat.Count, "/api/safety/inspections?status=Completed&completedFrom={from}&completedTo={to}"),
        new("safety.hazards.found", "发现隐患", "处", FigureFormat.Count, "/api/safety/hazards?foundFrom={from}&foundTo={to}"),
        new("safety.hazardsBySeverity.General.found", "一般隐患", "处", FigureFormat.Count, "/api/safety/hazards?foundFrom={from}&foundTo={to}&severity=General"),
        new("safety.hazardsBySeverity.Major.found", "重大隐患", "处", FigureFormat.Count, "/api/safety/hazards?foundFrom={from}&foundTo={to}&severity=Major"),
        new("safety.hazards.rectified", "整改销号隐患", "处", FigureFormat.Count, "/api/safety/hazards?foundFrom={from}&foundTo={to}&status=Closed"),
        new("safety.hazards.rectificationRate", "隐患整改率", "", FigureFormat.Percent, "/api/safety/hazards?foundFrom={from}&foundTo={to}", "share:status=Closed"),
        new("safety.hazards.open", "在改隐患", "处", FigureFormat.Count, "/api/safety/hazards?foundFrom={from}&foundTo={to}&open=true"),

        new("volunteer.teams", "志愿服务队", "支", FigureFormat.Count, "/api/volunteer/teams"),
        new("volunteer.volunteers.total", "注册志愿者", "人", FigureFormat.Count, "/api/volunteer/volunteers?active=true"),
        new("volunteer.volunteers.partyMembers", "党员志愿者", "人", FigureFormat.Count, "/api/volunteer/volunteers?active=true&partyMember=true"),
        new("volunteer.activities.completed", "志愿服务活动", "场", FigureFormat.Count, "/api/volunteer/activities?status=Completed&from={from}&to={to}"),
        new("volunteer.hours.approved", "服务时长", "小时", FigureFormat.Hours, "/api/volunteer/service-records?status=Approved&servedFrom={from}&servedTo={to}", "sum:hours"),
        new("volunteer.hours.volunteersCredited", "获认定时长的志愿者", "名", FigureFormat.Count, "/api/volunteer/service-records?status=Approved&servedFrom={from}&servedTo={to}", "distinct:volunteerId:hours>0"),
    ];
}
