using CommunityPlatform.Safety.Domain;
using static CommunityPlatform.Safety.UnitTests.TestData;

namespace CommunityPlatform.Safety.UnitTests;

public sealed class VenueTests
{
    [Fact]
    public void A_venue_is_registered_by_its_chinese_kind_with_its_details_trimmed()
    {
        var venue = Venue.Register(Details(name: " 春风幼儿园 "), "小学校/幼儿园", " G01 ", new SmallVenueThresholds(), Now);

        Assert.Equal((VenueKind.SmallSchool, "春风幼儿园", "G01"), (venue.Kind, venue.Name, venue.GridCode));
        Assert.Equal([new VenueAttribute("燃料类型", "液化石油气")], venue.Attributes);
        Assert.True(VenueKinds.IsNineSmall(venue.Kind));
        Assert.False(VenueKinds.IsNineSmall(VenueKind.ConstructionSite));
    }

    [Fact]
    public void A_registration_is_validated_field_by_field()
    {
        var bad = new VenueDetails(" ", null, null, "0571-1234", -5, 100_001, null);

        Assert.Equal(["capacity", "floorArea", "gridCode", "kind", "name", "ownerPhone"],
            FieldsOf(() => Venue.Register(bad, "大商场", null, new SmallVenueThresholds(), Now)).Order());
    }

    [Theory]
    [InlineData(300.0, 100, null)]
    [InlineData(300.5, 100, "floorArea")]
    [InlineData(120.0, 101, "capacity")]
    [InlineData(null, null, null)]
    public void A_small_restaurant_must_be_within_this_localitys_limits(double? floorArea, int? capacity, string? refused)
    {
        var details = Details(floorArea: (decimal?)floorArea, capacity: capacity);
        if (refused is null)
        {
            Assert.Equal(VenueKind.SmallRestaurant, Venue.Register(details, "SmallRestaurant", "G01", Thresholds(), Now).Kind);
            return;
        }

        var errors = Assert.Throws<CommunityPlatform.ServiceKit.Domain.DomainValidationException>(() => Venue.Register(details, "SmallRestaurant", "G01", Thresholds(), Now)).Errors;
        Assert.Equal([refused], errors.Keys);
        Assert.Contains("消防安全重点单位", errors[refused][0]);
        Assert.Contains("小餐饮", errors[refused][0]);
    }

    [Fact]
    public void Limits_apply_only_to_nine_small_kinds_that_have_one()
    {
        var thresholds = Thresholds();
        thresholds.Limits[VenueKind.ConstructionSite] = new SizeLimit { MaxFloorArea = 10 };

        Assert.Equal(VenueKind.ConstructionSite, Venue.Register(Details(floorArea: 50_000, capacity: 800), "工地", "G01", thresholds, Now).Kind);
        Assert.Equal(VenueKind.SmallHotel, Venue.Register(Details(floorArea: 5_000, capacity: 500), "SmallHotel", "G01", thresholds, Now).Kind);
        Assert.Equal(["floorArea"], FieldsOf(() => Venue.Register(Details(floorArea: 301, capacity: 5_000), "SmallShop", "G01", thresholds, Now)));
    }

    [Fact]
    public void An_update_keeps_kind_and_grid_checks_the_limits_and_changes_nothing_when_refused()
    {
        var venue = Restaurant();
        var later = Now.AddDays(1);

        Assert.Equal(["floorArea"], FieldsOf(() => venue.Update(Details(name: "老王面馆（扩建）", floorArea: 500), Thresholds(), later)));
        Assert.Equal(("老王面馆", 80m, Now), (venue.Name, venue.FloorArea, venue.UpdatedAt));

        venue.Update(new VenueDetails("老王面馆二店", null, null, null, 120, 60, null), Thresholds(), later);
        Assert.Equal(("老王面馆二店", VenueKind.SmallRestaurant, "G01", 120m, later), (venue.Name, venue.Kind, venue.GridCode, venue.FloorArea, venue.UpdatedAt));
        Assert.Null(venue.OwnerName);
        Assert.Empty(venue.Attributes);
    }
}
