using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPlatform.Membership.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationFoundedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "founded_on",
                table: "organisations",
                type: "date",
                nullable: true);

            // Organisations entered before the column existed fall back to the day they were entered, on the
            // community's calendar (UTC+8, as CommunityTime reckons it).
            migrationBuilder.Sql("UPDATE organisations SET founded_on = (created_at AT TIME ZONE 'Asia/Shanghai')::date;");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "founded_on",
                table: "organisations",
                type: "date",
                nullable: false,
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "founded_on",
                table: "organisations");
        }
    }
}
