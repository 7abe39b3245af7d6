using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Profile;

public sealed class CandidateProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    private static ProfileContent Valid => new("陈小红", "做事踏实", [new("重庆工商职业学院", "电子商务", "大专", 2018, 2021)],
        [new("重庆渝味食品有限公司", "包装工", 2021, null, "负责包装和质检")], ["叉车", "收银"], ["仓库管理员"], 4500, PayUnit.Month,
        Availability.Flexible, new DateOnly(2026, 3, 10), SuitableGroups.Mothers);

    [Fact]
    public void A_valid_profile_is_kept_trimmed_with_duplicate_words_removed()
    {
        var profile = CandidateProfile.Create(Guid.CreateVersion7(), Valid with { FullName = " 陈小红 ", Skills = ["叉车", " 叉车 ", "", "ＰＳ", "ps"] }, Now).Value!;

        profile.FullName.ShouldBe("陈小红");
        profile.Skills.ShouldBe(["叉车", "ＰＳ"]);
        profile.Groups.ShouldBe(SuitableGroups.Mothers);
        profile.UpdatedAt.ShouldBe(Now);
    }

    public static TheoryData<string, ProfileContent> Invalid => new()
    {
        { "validation.profile.name", Valid with { FullName = " " } },
        { "validation.profile.summary", Valid with { Summary = new string('长', 501) } },
        { "validation.profile.skills", Valid with { Skills = Enumerable.Range(0, 21).Select(i => $"技能{i}").ToList() } },
        { "validation.profile.skills", Valid with { Skills = [new string('技', 21)] } },
        { "validation.profile.wanted_titles", Valid with { WantedTitles = Enumerable.Range(0, 6).Select(i => $"岗位{i}").ToList() } },
        { "validation.profile.education", Valid with { Education = [new("", "电子商务", "大专", 2018, 2021)] } },
        { "validation.profile.experience", Valid with { Experience = [new("某厂", "", 2020, null, "")] } },
        { "validation.profile.years", Valid with { Experience = [new("某厂", "普工", 2022, 2020, "")] } },
        { "validation.profile.years", Valid with { Experience = [new("某厂", "普工", 2027, null, "")] } },
        { "validation.profile.pay", Valid with { WantedPayMin = -1 } },
        { "validation.profile.pay", Valid with { WantedPayMin = 10.001m } },
        { "validation.profile.choice", Valid with { Availability = (Availability)9 } },
        { "validation.profile.available_from", Valid with { AvailableFrom = new DateOnly(2030, 1, 1) } },
        { "validation.profile.groups", Valid with { Groups = (SuitableGroups)1024 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_profile_is_refused_and_the_saved_one_is_unchanged(string code, ProfileContent content)
    {
        var profile = CandidateProfile.Create(Guid.CreateVersion7(), Valid, Now).Value!;

        var changed = profile.Change(content, Now.AddDays(1));

        changed.Error!.Code.ShouldBe(code);
        profile.Content.ShouldBeEquivalentTo(CandidateProfile.Create(profile.UserId, Valid, Now).Value!.Content);
        profile.UpdatedAt.ShouldBe(Now);
    }
}
