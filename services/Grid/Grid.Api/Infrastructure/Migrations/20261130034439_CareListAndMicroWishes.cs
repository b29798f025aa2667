using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPlatform.Grid.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CareListAndMicroWishes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "care_people",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    risk = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    responsible_worker_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    visit_interval_days = table.Column<int>(type: "integer", nullable: false),
                    sensitive_interval_days = table.Column<int>(type: "integer", nullable: false),
                    last_visited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    @sealed = table.Column<string>(name: "sealed", type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "community_needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_needs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "member_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    grid_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_offers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "micro_wishes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    poster_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    poster_resident_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    claimant_member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claimant_partner_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claimant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fulfilled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fulfilment_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    evidence = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_micro_wishes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    care_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    visitor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sealed_notes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_visits_care_people_care_person_id",
                        column: x => x.care_person_id,
                        principalTable: "care_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_care_people_grid_code_category",
                table: "care_people",
                columns: new[] { "grid_code", "category" });

            migrationBuilder.CreateIndex(
                name: "ix_care_visits_care_person_id_visited_on",
                table: "care_visits",
                columns: new[] { "care_person_id", "visited_on" });

            migrationBuilder.CreateIndex(
                name: "ix_community_needs_category",
                table: "community_needs",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_member_offers_category",
                table: "member_offers",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_micro_wishes_grid_code_status",
                table: "micro_wishes",
                columns: new[] { "grid_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_micro_wishes_status_category",
                table: "micro_wishes",
                columns: new[] { "status", "category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_visits");

            migrationBuilder.DropTable(
                name: "community_needs");

            migrationBuilder.DropTable(
                name: "member_offers");

            migrationBuilder.DropTable(
                name: "micro_wishes");

            migrationBuilder.DropTable(
                name: "care_people");
        }
    }
}
