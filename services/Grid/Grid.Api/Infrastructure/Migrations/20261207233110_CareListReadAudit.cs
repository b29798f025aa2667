using CommunityPlatform.ServiceKit.Audit;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPlatform.Grid.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CareListReadAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The login does not own the audit trail: the admin's seal_audit_trail() adds the column (docs/DESIGN.md §1).
            migrationBuilder.MakeAuditTrailAppendOnly();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Dropping a column of the trail is the admin's to do, as is the trail itself.
        }
    }
}
