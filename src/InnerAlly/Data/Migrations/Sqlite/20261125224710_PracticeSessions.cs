using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PracticeSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PracticeSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ThreatBefore = table.Column<int>(type: "INTEGER", nullable: true),
                    SootheBefore = table.Column<int>(type: "INTEGER", nullable: true),
                    ThreatAfter = table.Column<int>(type: "INTEGER", nullable: true),
                    SootheAfter = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<byte[]>(type: "BLOB", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeSessions", x => x.Id);
                    table.CheckConstraint("CK_PracticeSessions_Duration", "\"DurationSeconds\" BETWEEN 1 AND 10800");
                    table.CheckConstraint("CK_PracticeSessions_SootheAfter", "\"SootheAfter\" IS NULL OR \"SootheAfter\" BETWEEN 0 AND 10");
                    table.CheckConstraint("CK_PracticeSessions_SootheBefore", "\"SootheBefore\" IS NULL OR \"SootheBefore\" BETWEEN 0 AND 10");
                    table.CheckConstraint("CK_PracticeSessions_ThreatAfter", "\"ThreatAfter\" IS NULL OR \"ThreatAfter\" BETWEEN 0 AND 10");
                    table.CheckConstraint("CK_PracticeSessions_ThreatBefore", "\"ThreatBefore\" IS NULL OR \"ThreatBefore\" BETWEEN 0 AND 10");
                    table.ForeignKey(
                        name: "FK_PracticeSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeSessions_UserId_StartedAt",
                table: "PracticeSessions",
                columns: new[] { "UserId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PracticeSessions");
        }
    }
}
