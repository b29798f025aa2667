using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPlatform.Grid.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MatterRatingAndActorNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "reporter_rates",
                table: "matters",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "actor_name",
                table: "matter_timeline",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // The suite's own steps had a name all along; people's names were not kept before this, and stay unknown.
            migrationBuilder.Sql("UPDATE matter_timeline SET actor_name = '系统' WHERE actor = 'system';");

            // A matter closed through its rectified hazard counts as resolved, as matters closed from now on do.
            migrationBuilder.Sql(
                "UPDATE matters SET resolved_at = closed_at, resolution = coalesce(resolution, '隐患已整改并复查合格') " +
                "WHERE source = 'Hazard' AND closed_at IS NOT NULL AND resolved_at IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reporter_rates",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "actor_name",
                table: "matter_timeline");
        }
    }
}
