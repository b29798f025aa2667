using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPlatform.Volunteer.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MemberStanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "active",
                table: "volunteers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_party_member",
                table: "volunteers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "member_status_at",
                table: "volunteers",
                type: "timestamp with time zone",
                nullable: true);

            // Profiles created from a registration before this change belong to party members.
            migrationBuilder.Sql("UPDATE volunteers SET is_party_member = member_id IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "active",
                table: "volunteers");

            migrationBuilder.DropColumn(
                name: "is_party_member",
                table: "volunteers");

            migrationBuilder.DropColumn(
                name: "member_status_at",
                table: "volunteers");
        }
    }
}
