using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPlatform.Volunteer.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RecordedByNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "approved_by_name",
                table: "service_records",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recorded_by_name",
                table: "service_records",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "issued_by_name",
                table: "hours_certificates",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "approved_by_name",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "recorded_by_name",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "issued_by_name",
                table: "hours_certificates");
        }
    }
}
