using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPlatform.Safety.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InspectionsHazardsPatrols : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "attributes",
                table: "venues",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "capacity",
                table: "venues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "floor_area",
                table: "venues",
                type: "numeric(10,1)",
                precision: 10,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner_name",
                table: "venues",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner_phone",
                table: "venues",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "venues",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.Sql("UPDATE venues SET updated_at = registered_at;");

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    venue_kinds = table.Column<List<string>>(type: "text[]", nullable: false),
                    template_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "checklists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    venue_kinds = table.Column<List<string>>(type: "text[]", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    shipped = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checklists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hazards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    venue_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    grid_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_number = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    summary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    photos = table.Column<string[]>(type: "text[]", nullable: false),
                    severity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    responsible_party = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: true),
                    measures = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    rectification_photos = table.Column<string[]>(type: "text[]", nullable: false),
                    overdue_notified_for = table.Column<DateOnly>(type: "date", nullable: true),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    timeline = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hazards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    caller = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    endpoint = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    response_json = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotent_requests", x => new { x.caller, x.key });
                });

            migrationBuilder.CreateTable(
                name: "inspection_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    matter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    done_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    venue_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    grid_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    template_version = table.Column<int>(type: "integer", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: true),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    inspector_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "known_grids",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_grids", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "patrol_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    times_per_month = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patrol_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "patrols",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    patrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    route = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    findings = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    photos = table.Column<string[]>(type: "text[]", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patrols", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "quota_judgements",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    required = table.Column<int>(type: "integer", nullable: false),
                    held = table.Column<int>(type: "integer", nullable: false),
                    missed = table.Column<bool>(type: "boolean", nullable: false),
                    judged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quota_judgements", x => new { x.plan_id, x.month });
                });

            migrationBuilder.CreateIndex(
                name: "ix_checklists_code_version",
                table: "checklists",
                columns: new[] { "code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hazards_campaign_id",
                table: "hazards",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_hazards_grid_code_status",
                table: "hazards",
                columns: new[] { "grid_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_hazards_open_deadline",
                table: "hazards",
                column: "deadline",
                filter: "status <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "ix_hazards_venue_id",
                table: "hazards",
                column: "venue_id");

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_requests_created_at",
                table: "idempotent_requests",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_tasks_grid_code_status",
                table: "inspection_tasks",
                columns: new[] { "grid_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_tasks_matter_id",
                table: "inspection_tasks",
                column: "matter_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspections_campaign_id",
                table: "inspections",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_grid_code_status",
                table: "inspections",
                columns: new[] { "grid_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_venue_id_started_at",
                table: "inspections",
                columns: new[] { "venue_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_patrol_plans_grid_code",
                table: "patrol_plans",
                column: "grid_code");

            migrationBuilder.CreateIndex(
                name: "ix_patrols_grid_code_kind_patrolled_at",
                table: "patrols",
                columns: new[] { "grid_code", "kind", "patrolled_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "checklists");

            migrationBuilder.DropTable(
                name: "hazards");

            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropTable(
                name: "inspection_tasks");

            migrationBuilder.DropTable(
                name: "inspections");

            migrationBuilder.DropTable(
                name: "known_grids");

            migrationBuilder.DropTable(
                name: "patrol_plans");

            migrationBuilder.DropTable(
                name: "patrols");

            migrationBuilder.DropTable(
                name: "quota_judgements");

            migrationBuilder.DropColumn(
                name: "attributes",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "capacity",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "floor_area",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "owner_name",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "owner_phone",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "venues");
        }
    }
}
