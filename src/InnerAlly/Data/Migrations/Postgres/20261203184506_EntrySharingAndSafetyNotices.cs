using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EntrySharingAndSafetyNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CareRelationships_UserId_TherapistId",
                table: "CareRelationships");

            migrationBuilder.CreateTable(
                name: "EntryShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RelationshipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Shared = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntryShares_CareRelationships_RelationshipId",
                        column: x => x.RelationshipId,
                        principalTable: "CareRelationships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafetyNoticeRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Feature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyNoticeRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafetyNoticeRecords_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CareRelationships_UserId_TherapistId",
                table: "CareRelationships",
                columns: new[] { "UserId", "TherapistId" },
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EntryShares_EntryId",
                table: "EntryShares",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_EntryShares_RelationshipId_EntryId",
                table: "EntryShares",
                columns: new[] { "RelationshipId", "EntryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SafetyNoticeRecords_UserId_At",
                table: "SafetyNoticeRecords",
                columns: new[] { "UserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntryShares");

            migrationBuilder.DropTable(
                name: "SafetyNoticeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CareRelationships_UserId_TherapistId",
                table: "CareRelationships");

            migrationBuilder.CreateIndex(
                name: "IX_CareRelationships_UserId_TherapistId",
                table: "CareRelationships",
                columns: new[] { "UserId", "TherapistId" });
        }
    }
}
