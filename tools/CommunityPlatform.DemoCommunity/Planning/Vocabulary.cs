namespace CommunityPlatform.DemoCommunity.Planning;

/// <summary>
/// The words of the community's own ledgers, in the tone of its half-year report: study topics, meeting agendas,
/// the disputes the deliberation room (常青说事室) settles, wishes, hazards and volunteer activities.
/// </summary>
internal static class Vocabulary
{
    public const string ServiceCentre = "社区党群服务中心";
    public const string DeliberationRoom = "常青说事室";

    public static readonly string[] StudyTopics =
    [
        "学习党的二十大报告：坚持以人民为中心的发展思想",
        "学习党的二十大精神：以中国式现代化全面推进中华民族伟大复兴",
        "学习党的二十大报告中关于健全共建共治共享的社会治理制度的论述",
        "学习新修订的《中国共产党章程》",
        "学习党的二十大精神：全面从严治党永远在路上",
        "学习党的二十大报告：增进民生福祉，提高人民生活品质",
    ];

    public static readonly (string Speaker, string Topic)[] Briefings =
    [
        ("挂点乡镇党委副书记", "宣讲党的二十大精神：推进基层治理体系和治理能力现代化"),
        ("县委党校讲师", "宣讲党的二十大精神：发展全过程人民民主"),
        ("党建联建单位县司法局党组书记", "宣讲党的二十大精神：坚持全面依法治国，推进法治中国建设"),
        ("县委组织部干部", "宣讲“三化三争”与争创“六好”基层党组织"),
    ];

    /// <summary>By month (1–12): the theme of the month's theme party day (主题党日).</summary>
    public static readonly string[] ThemeDays =
    [
        "新春走访慰问困难党员和群众", "“我为群众办实事”入户走访", "学雷锋志愿服务进小区", "清明节缅怀革命先烈", "“五四”青年党员座谈",
        "“七一”前夕重温入党誓词", "庆祝建党节，重温入党誓词", "“八一”走访慰问退役军人", "“清洁家园”环境整治志愿服务",
        "喜迎国庆，“红网格”入户宣传", "“消防安全进社区”主题党日", "“12·4”宪法宣传日学法用法",
    ];

    /// <summary>By month: what the committee (支委会) takes up.</summary>
    public static readonly string[] CommitteeAgendas =
    [
        "研究部署年度党建工作要点", "研究春节期间走访慰问安排", "研究发展党员工作计划", "研究党员积分管理办法", "研究“五社联动”工作方案",
        "研究半年党建工作总结", "研究下半年党建工作安排", "研究平安义警队建设", "研究县委巡察反馈问题整改措施",
        "研究“常青说事室”品牌提升方案", "研究冬季安全隐患排查整治", "研究年度党员民主评议安排",
    ];

    public static readonly string[] GeneralMeetingAgendas =
    [
        "讨论接收预备党员，通报发展党员工作情况", "通报半年党建工作，部署“三会一课”落实", "开展党员民主评议，通报积分排名",
        "通报县委巡察反馈问题整改进展",
    ];

    public static readonly string[] LectureTopics =
    [
        "书记讲党课：践行初心使命，当好群众贴心人", "党课：弘扬伟大建党精神，争做合格党员", "党课：以“红网格”为抓手推动基层治理",
        "党课：从严治党与廉洁自律",
    ];

    public static readonly string[] AbsenceReasons =
    [
        "外出务工", "生病住院", "因公出差", "照顾生病家人", "在外地子女家居住", "单位值班", "年老行动不便",
    ];

    public static readonly string[] MakeUpNotes =
    [
        "已补学会议精神并提交学习心得", "由党小组长上门传达，已补学", "通过“学习强国”补学并交流体会",
    ];

    public static readonly string[] ReserveCadrePosts = ["社区“两委”委员", "网格党支部书记", "社区党总支组织委员"];

    public static readonly (string Category, string Finding, string Measures)[] InspectionFindings =
    [
        ("思想政治建设", "理论学习不够深入，学习记录不完整", "制定年度学习计划，建立学习台账，每月检查学习记录"),
        ("思想政治建设", "部分工作人员对惠民政策理解不透，宣传解释不到位", "开展政策专题培训，编印政策明白卡入户宣传"),
        ("思想政治建设", "意识形态工作责任落实不到位", "明确意识形态工作责任清单，每季度专题研究一次"),
        ("组织建设", "“三会一课”记录不规范", "统一会议记录模板，组织委员逐月检查"),
        ("组织建设", "党员发展计划执行不严格，培养考察材料不齐全", "对照发展党员工作细则补齐材料，建立全程纪实"),
        ("组织建设", "流动党员管理不到位", "建立流动党员联系台账，每月联系一次"),
        ("作风建设", "部分工作人员不履行请假手续，私自外出", "严格执行考勤和请假制度，每周通报考勤情况"),
        ("作风建设", "为民服务事项办理时效不高", "建立事项办理时限台账，超期事项督办通报"),
    ];

    public static readonly string[] DisputeIssues =
    [
        "楼上卫生间漏水渗至楼下，双方就维修费用分担协商未果",
        "邻居在楼道堆放杂物占用通道，多次沟通无果引发争执",
        "楼上住户装修噪音扰民，双方发生口角",
        "宠物犬夜间吠叫扰民，邻里关系紧张",
        "空调外机噪音和冷凝水滴落引发邻里纠纷",
        "共用水表费用分摊产生争议",
        "楼道照明电费分摊产生争议",
        "私自搭建雨棚影响楼下采光",
        "下水管道堵塞返水，责任认定有争议",
        "电动车在楼道充电，邻居担心安全引发矛盾",
        "楼顶公共晾晒区被个别住户长期占用",
        "绿化带被住户私自开垦种菜引发矛盾",
        "遛狗不牵绳惊吓老人引发纠纷",
        "车位被长期占用引发停车纠纷",
        "房屋租赁押金退还产生纠纷",
        "老人赡养费用分担，兄妹间发生矛盾",
        "外墙渗水维修责任归属有争议",
        "相邻住户防盗门开启方向影响通行",
        "广场舞音响音量过大影响居民休息",
        "楼上花盆掉落砸坏楼下车辆，赔偿协商未果",
    ];

    public static readonly string[] DisputeDecisions =
    [
        "经调解，双方同意按责任比例分担费用，三日内完成维修",
        "双方达成一致，限期清理并签订邻里公约",
        "双方握手言和，约定作息时段并由楼栋长监督落实",
        "当事人承诺整改，由网格员一周后回访",
        "由物业协助处理，费用按户均摊，双方签字确认",
    ];

    public static readonly string[] DeliberationParticipants = ["社区党总支书记", "网格员", "楼栋长", "居民代表", "物业服务中心经理", "法律顾问"];

    public static readonly (string Category, string Description, string Handler, string Resolution)[] OtherMatters =
    [
        ("Petition", "反映小区老旧供水管网改造进度缓慢，要求尽快施工", "县住建局", "已协调施工单位增加班组，管网改造于本月完工"),
        ("Petition", "反映临街餐饮店油烟直排扰民", "县市场监督管理局", "已督促店主加装油烟净化设备并复查合格"),
        ("Environment", "小区垃圾分类点清运不及时，气味较大", "环卫所", "已调整清运频次为每日两次"),
        ("Environment", "单元门前绿化带树木枯死，需补种", "社区绿化养护队", "已补种苗木并安排专人养护"),
        ("Property", "单元门禁损坏，物业维修不及时", "物业服务中心", "已更换门禁主板"),
        ("Safety", "地下车库消防通道被杂物堵塞", "物业服务中心", "已清理杂物并设置禁停标识"),
        ("Other", "建议在小区中心花园增设老年人休息座椅", "社区居委会", "已增设休息座椅六组"),
    ];

    public static readonly (string Category, string Title, string Description)[] Wishes =
    [
        ("Repair", "修理家中漏水的水龙头", "独居老人，家中厨房水龙头漏水，自己无法修理"),
        ("Medical", "想要一台助听器", "听力下降，与家人交流困难"),
        ("ChildCare", "孩子需要课后作业辅导", "双职工家庭，孩子上小学三年级，放学后无人辅导"),
        ("ElderlyCare", "希望有人定期陪伴聊天", "子女在外地工作，平时一个人在家"),
        ("Medical", "需要一辆轮椅", "腿脚不便，出门就医困难"),
        ("ChildCare", "想要一套学习桌椅", "孩子在饭桌上写作业，希望有一套学习桌椅"),
        ("Daily", "冬季需要一床厚棉被", "家庭困难，冬季保暖用品不足"),
        ("Legal", "咨询房屋继承手续", "老伴去世后房屋过户手续不清楚"),
        ("ElderlyCare", "想学会用智能手机视频通话", "想和外地的孙子视频，不会操作"),
        ("Employment", "希望找一份保洁或保安工作", "下岗后一直未就业，希望就近工作"),
        ("Culture", "希望参加社区书法兴趣班", "退休后想学习书法"),
        ("Repair", "楼道声控灯不亮，希望维修", "晚上上下楼不安全"),
        ("Daily", "需要一台电饭煲", "家中电饭煲损坏，生活不便"),
        ("Medical", "希望定期上门测量血压", "患高血压多年，行动不便"),
        ("ChildCare", "希望孩子暑期有地方参加活动", "暑期孩子无人看护"),
        ("Culture", "想要几本大字版图书", "视力不好，喜欢读书"),
        ("Repair", "家中电路老化，希望检修", "经常跳闸，担心安全"),
        ("ElderlyCare", "希望有人帮忙代买药品", "行动不便，每月需要购买慢性病药品"),
        ("Daily", "想要一台电风扇", "夏季家中闷热"),
        ("Legal", "咨询拖欠工资如何维权", "在外务工被拖欠工资三个月"),
    ];

    public static readonly (string Name, string Category, string Resource)[] PartnerUnits =
    [
        ("县公安局城东派出所", "Legal", "平安义警培训、反诈宣传"),
        ("县人民医院", "Medical", "义诊、健康讲座、上门测量血压"),
        ("县供电公司", "Repair", "居民用电安全检查、线路检修"),
        ("县住房和城乡建设局", "Environment", "老旧小区改造咨询、加装电梯政策指导"),
        ("县农村商业银行", "Daily", "困难家庭帮扶资金、生活物资"),
        ("县司法局", "Legal", "法律咨询、人民调解员培训"),
        ("县市场监督管理局", "Other", "食品安全检查、消费维权"),
        ("县第一中学", "ChildCare", "学生课业辅导、暑期托管志愿者"),
    ];

    public static readonly string[] Skills = ["急救", "电工", "理发", "法律咨询", "心理疏导", "驾驶", "摄影", "书法", "维修"];

    public static readonly string[] RectificationMeasures =
    [
        "已更换灭火器并张贴检查记录", "已清理通道杂物，保持畅通", "已更换损坏的应急照明和疏散指示标志", "已拆除私拉乱接电线，重新规范布线",
        "已更换老化燃气软管并加装报警器", "已设置警示标识和防护栏", "已完善台账和应急预案",
    ];
}
