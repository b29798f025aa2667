using System;
using CommunityPlatform.ServiceKit.Audit;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityPlatform.Membership.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PartyLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "joined_on",
                table: "members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reserve_cadre_post",
                table: "members",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "reserve_cadre_since",
                table: "members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "status_since",
                table: "members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "transferred_to",
                table: "members",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "applicants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    education = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    grid_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    activist_on = table.Column<DateOnly>(type: "date", nullable: true),
                    contact_member_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    candidate_on = table.Column<DateOnly>(type: "date", nullable: true),
                    admitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    sponsor_member_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    probation_ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    probation_extended = table.Column<bool>(type: "boolean", nullable: false),
                    full_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cancelled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applicants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    made_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "committee_posts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    post = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    start_on = table.Column<DateOnly>(type: "date", nullable: false),
                    end_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meeting_series",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    occurrences = table.Column<int>(type: "integer", nullable: false),
                    first_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_series", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    series_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: true),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisation_moves",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    to_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    moved_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_moves", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    term_started_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                    table.UniqueConstraint("ak_organisations_code", x => x.code);
                    table.ForeignKey(
                        name: "fk_organisations_organisations_parent_code",
                        column: x => x.parent_code,
                        principalTable: "organisations",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "points_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    points = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    awarded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_points_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rectification_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    finding = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    progress = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    evidence = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectification_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_post_claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claimed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    released_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_post_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_post_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    evidence = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_post_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_posts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    duties = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "talks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    talker_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    talked_with_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commitment_item",
                columns: table => new
                {
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    fulfilled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    fulfilment_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    evidence = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_item", x => new { x.commitment_id, x.number });
                    table.ForeignKey(
                        name: "fk_commitment_item_commitments_commitment_id",
                        column: x => x.commitment_id,
                        principalTable: "commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attendance",
                columns: table => new
                {
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    made_up_on = table.Column<DateOnly>(type: "date", nullable: true),
                    make_up_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance", x => new { x.meeting_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_attendance_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_birth_date",
                table: "members",
                column: "birth_date");

            migrationBuilder.CreateIndex(
                name: "ix_members_name",
                table: "members",
                column: "name")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_applicants_member_id",
                table: "applicants",
                column: "member_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applicants_stage",
                table: "applicants",
                column: "stage");

            migrationBuilder.CreateIndex(
                name: "ix_attendance_member_id",
                table: "attendance",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_action_id",
                table: "audit_entries",
                columns: new[] { "action", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_commitments_member_id_year",
                table: "commitments",
                columns: new[] { "member_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_committee_posts_member_id",
                table: "committee_posts",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_committee_posts_organisation_code_end_on",
                table: "committee_posts",
                columns: new[] { "organisation_code", "end_on" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_organisation_code_starts_at",
                table: "meetings",
                columns: new[] { "organisation_code", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_series_id",
                table: "meetings",
                column: "series_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_status_held_on",
                table: "meetings",
                columns: new[] { "status", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_organisation_moves_member_id",
                table: "organisation_moves",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_code",
                table: "organisations",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_parent_code",
                table: "organisations",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_points_entries_member_id_source",
                table: "points_entries",
                columns: new[] { "member_id", "source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rectification_items_status_deadline",
                table: "rectification_items",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_service_post_claims_member_id",
                table: "service_post_claims",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_post_claims_open",
                table: "service_post_claims",
                columns: new[] { "post_id", "member_id" },
                unique: true,
                filter: "released_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_service_post_reports_post_id_reported_on",
                table: "service_post_reports",
                columns: new[] { "post_id", "reported_on" });

            migrationBuilder.CreateIndex(
                name: "ix_talks_held_on",
                table: "talks",
                column: "held_on");

            migrationBuilder.MakeAuditTrailAppendOnly();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAuditTrailAppendOnly();

            migrationBuilder.DropTable(
                name: "applicants");

            migrationBuilder.DropTable(
                name: "attendance");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "commitment_item");

            migrationBuilder.DropTable(
                name: "committee_posts");

            migrationBuilder.DropTable(
                name: "meeting_series");

            migrationBuilder.DropTable(
                name: "organisation_moves");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropTable(
                name: "points_entries");

            migrationBuilder.DropTable(
                name: "rectification_items");

            migrationBuilder.DropTable(
                name: "service_post_claims");

            migrationBuilder.DropTable(
                name: "service_post_reports");

            migrationBuilder.DropTable(
                name: "service_posts");

            migrationBuilder.DropTable(
                name: "talks");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropIndex(
                name: "ix_members_birth_date",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_name",
                table: "members");

            migrationBuilder.DropColumn(
                name: "joined_on",
                table: "members");

            migrationBuilder.DropColumn(
                name: "reserve_cadre_post",
                table: "members");

            migrationBuilder.DropColumn(
                name: "reserve_cadre_since",
                table: "members");

            migrationBuilder.DropColumn(
                name: "status_since",
                table: "members");

            migrationBuilder.DropColumn(
                name: "transferred_to",
                table: "members");
        }
    }
}
