using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Membership.Domain;
using static CommunityPlatform.Membership.UnitTests.TestData;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class MemberLifecycleTests
{
    [Fact]
    public void Party_standing_may_not_start_before_the_eighteenth_birthday()
    {
        // FullMember is born 1975-04-18.
        Assert.Contains("joinedOn", ErrorsOf(() => FullMember(joinedOn: new DateOnly(1993, 4, 17))).Keys);

        var member = FullMember(joinedOn: new DateOnly(1993, 4, 18));

        Assert.Equal(new DateOnly(1993, 4, 18), member.JoinedOn);
        Assert.Equal(new DateOnly(1993, 4, 18), member.StatusSince);
    }

    [Fact]
    public void A_correction_may_not_make_the_member_younger_than_eighteen_on_joining()
    {
        var member = FullMember(joinedOn: new DateOnly(2010, 1, 1));

        Assert.Contains("birthDate", ErrorsOf(() => member.Update("李建华", "男", new DateOnly(1992, 1, 2), "本科", null, "G03", Now)).Keys);
        Assert.Equal(new DateOnly(1975, 4, 18), member.BirthDate);

        member.Update(" 李建国 ", "男", new DateOnly(1992, 1, 1), "研究生", "13912345678", "G07", Now);

        Assert.Equal(("李建国", new DateOnly(1992, 1, 1), Education.Postgraduate, "G07"), (member.Name, member.BirthDate, member.Education, member.GridCode));
        Assert.Equal("DZB-01", member.OrganisationCode);
    }

    [Fact]
    public void A_move_to_another_organisation_is_kept_as_history()
    {
        var member = FullMember();

        var move = member.MoveTo(Branch("DZB-02"), new DateOnly(2026, 5, 1), " 搬迁 ", Now);

        Assert.Equal((member.Id, "DZB-01", "DZB-02", new DateOnly(2026, 5, 1), "搬迁"), (move.MemberId, move.FromCode, move.ToCode, move.MovedOn, move.Reason));
        Assert.Equal("DZB-02", member.OrganisationCode);
        Assert.Equal("member.same-organisation", ViolationOf(() => member.MoveTo(Branch("DZB-02"), new DateOnly(2026, 5, 2), null, Now)).Rule);
        Assert.Equal("member.inactive", ViolationOf(() => TransferredMember().MoveTo(Branch("DZB-02"), new DateOnly(2026, 5, 2), null, Now)).Rule);
    }

    [Fact]
    public void Transferring_out_deactivates_the_member_clears_the_reserve_cadre_flag_and_says_so_in_the_event()
    {
        var member = FullMember();
        member.FlagReserveCadre(new DateOnly(2025, 1, 1), "支部书记", Now);

        member.TransferOut(new DateOnly(2026, 6, 1), " 县城关镇党委 ", Now);
        var changed = Assert.IsType<MemberStatusChanged>(member.Events[^1]);

        Assert.Equal(("Full", "TransferredOut", false), (changed.PreviousStatus, changed.Status, changed.Active));
        Assert.Equal((member.Id, "G03", new DateOnly(2026, 6, 1)), (changed.MemberId, changed.GridCode, changed.EffectiveOn));
        Assert.Equal((MemberStatus.TransferredOut, new DateOnly(2026, 6, 1), "县城关镇党委"), (member.Status, member.StatusSince, member.TransferredTo));
        Assert.False(member.IsActive);
        Assert.Null(member.ReserveCadreSince);
        Assert.Null(member.ReserveCadrePost);
        Assert.Equal("member.inactive", ViolationOf(() => member.TransferOut(new DateOnly(2026, 6, 2), "市直机关工委", Now)).Rule);
    }

    [Fact]
    public void A_transfer_needs_a_destination_and_a_day_that_is_not_in_the_future()
    {
        var errors = ErrorsOf(() => FullMember().TransferOut(Today.AddDays(1), " ", Now));

        Assert.Equal(["destination", "transferredOn"], errors.Keys.Order());
    }

    [Fact]
    public void A_death_is_recorded_once_and_not_before_birth()
    {
        var member = FullMember();

        Assert.Contains("diedOn", ErrorsOf(() => member.MarkDeceased(new DateOnly(1975, 4, 17), Now)).Keys);

        member.MarkDeceased(new DateOnly(2026, 6, 29), Now);
        var changed = Assert.IsType<MemberStatusChanged>(member.Events[^1]);

        Assert.Equal(("Full", "Deceased", false), (changed.PreviousStatus, changed.Status, changed.Active));
        Assert.Equal(MemberStatus.Deceased, member.Status);
        Assert.Equal("member.status", ViolationOf(() => member.MarkDeceased(new DateOnly(2026, 6, 29), Now)).Rule);
    }

    [Fact]
    public void Only_a_current_member_is_flagged_as_a_reserve_cadre_and_unflagging_needs_a_flag()
    {
        var member = FullMember();

        Assert.Contains("since", ErrorsOf(() => member.FlagReserveCadre(Today.AddDays(1), "支部书记", Now)).Keys);
        Assert.Equal("member.inactive", ViolationOf(() => TransferredMember().FlagReserveCadre(Today, "支部书记", Now)).Rule);
        Assert.Equal("member.not-reserve-cadre", ViolationOf(member.UnflagReserveCadre).Rule);

        member.FlagReserveCadre(Today, " 支部书记 ", Now);
        Assert.Equal((Today, "支部书记"), (member.ReserveCadreSince, member.ReserveCadrePost));

        member.UnflagReserveCadre();
        Assert.Equal(((DateOnly?)null, (string?)null), (member.ReserveCadreSince, member.ReserveCadrePost));
    }
}
