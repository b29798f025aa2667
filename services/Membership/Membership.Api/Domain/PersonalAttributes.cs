using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>Education levels as the branch's statistics count them.</summary>
public enum Education
{
    /// <summary>初中及以下</summary>
    JuniorOrBelow,

    /// <summary>高中</summary>
    HighSchool,

    /// <summary>大专</summary>
    College,

    /// <summary>本科</summary>
    Bachelor,

    /// <summary>研究生</summary>
    Postgraduate,
}

public static class EducationLabels
{
    public static readonly IReadOnlyDictionary<Education, string> All = new Dictionary<Education, string>
    {
        [Education.JuniorOrBelow] = "初中及以下",
        [Education.HighSchool] = "高中",
        [Education.College] = "大专",
        [Education.Bachelor] = "本科",
        [Education.Postgraduate] = "研究生",
    };
}

/// <summary>The age cohorts of the branch's statistics: under 35, 35–50, 50–60, over 60.</summary>
public enum AgeCohort
{
    Under35,
    From35To50,
    From50To60,
    Over60,
}

public static class AgeCohorts
{
    public static readonly IReadOnlyDictionary<AgeCohort, string> Labels = new Dictionary<AgeCohort, string>
    {
        [AgeCohort.Under35] = "35岁以下",
        [AgeCohort.From35To50] = "35-50岁",
        [AgeCohort.From50To60] = "50-60岁",
        [AgeCohort.Over60] = "60岁以上",
    };

    /// <summary>
    /// Whole years completed on <paramref name="day"/>, counted back from the day as every age rule here is
    /// (<c>born &lt;= day - n years</c>), so someone born on 29 February turns a year older on 1 March in a common
    /// year, in every check alike.
    /// </summary>
    public static int Age(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate > day.AddYears(-age) ? age - 1 : age;
    }

    public static AgeCohort Of(int age) => age switch
    {
        < 35 => AgeCohort.Under35,
        < 50 => AgeCohort.From35To50,
        <= 60 => AgeCohort.From50To60,
        _ => AgeCohort.Over60,
    };

    /// <summary>
    /// The birth dates that fall in <paramref name="cohort"/> on <paramref name="day"/>, as an exclusive lower and
    /// inclusive upper bound, so a query can filter on the indexed birth date.
    /// </summary>
    public static (DateOnly? BornAfter, DateOnly? BornOnOrBefore) BirthDates(AgeCohort cohort, DateOnly day) => cohort switch
    {
        AgeCohort.Under35 => (day.AddYears(-35), null),
        AgeCohort.From35To50 => (day.AddYears(-50), day.AddYears(-35)),
        AgeCohort.From50To60 => (day.AddYears(-61), day.AddYears(-50)),
        _ => (null, day.AddYears(-61)),
    };

    /// <summary>True when <paramref name="birthDate"/> falls in <paramref name="cohort"/> on <paramref name="day"/>: the bounds of <see cref="BirthDates"/>, as the lists filter.</summary>
    public static bool Includes(AgeCohort cohort, DateOnly birthDate, DateOnly day)
    {
        var (bornAfter, bornOnOrBefore) = BirthDates(cohort, day);
        return (bornAfter is null || birthDate > bornAfter) && (bornOnOrBefore is null || birthDate <= bornOnOrBefore);
    }

    public static bool AtLeastCollege(Education education) => education >= Education.College;

    /// <summary>大专及以上: the levels <see cref="AtLeastCollege"/> admits, for queries.</summary>
    public static readonly IReadOnlyList<Education> CollegeOrAbove = [.. Enum.GetValues<Education>().Where(AtLeastCollege)];
}

/// <summary>The checked personal details of a member or applicant (personal data: never logged, never on the bus).</summary>
public sealed record PersonalDetails(string Name, Gender Gender, DateOnly BirthDate, Education Education, string? Phone, string GridCode)
{
    public const int NameMaxLength = 50;
    public const int GridCodeMaxLength = 50;

    /// <summary>Checks every field into <paramref name="validation"/>; returns the details when all of them are valid.</summary>
    public static PersonalDetails? Check(
        Validation validation, string? name, string? gender, DateOnly? birthDate, string? education, string? phone, string? gridCode, DateTimeOffset now)
    {
        validation.RequireText(name, "name", NameMaxLength);
        var parsedGender = validation.RequireOneOf(gender, "gender", GenderLabels.All);
        var today = CommunityTime.DateOf(now);
        validation.RequireGiven(birthDate, "birthDate", "is required (yyyy-MM-dd).");
        if (birthDate is { } born)
        {
            validation.Require(born <= today, "birthDate", ValidationFailure.NotFuture());
            validation.Require(born > today || born <= today.AddYears(-18), "birthDate", ValidationFailure.Of(ValidationCodes.Age, "must be at least 18 years ago: members join at 18 or older."));
            validation.Require(born > today.AddYears(-130), "birthDate", ValidationFailure.Of(ValidationCodes.Age, "is more than 130 years ago."));
        }

        var parsedEducation = validation.RequireOneOf(education, "education", EducationLabels.All);
        validation.Require(phone is null || ChinesePhone.IsValid(phone), "phone", ValidationFailure.Of(ValidationCodes.Phone, "must be a mainland mobile number of 11 digits starting with 1."));
        validation.RequireText(gridCode, "gridCode", GridCodeMaxLength);
        if (validation.HasErrors)
        {
            return null;
        }

        return new PersonalDetails(name!.Trim(), parsedGender!.Value, birthDate!.Value, parsedEducation!.Value, phone?.Trim(), gridCode!.Trim());
    }
}
