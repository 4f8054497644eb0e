using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SafetyPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SafetyPlans",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WarningSigns = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CopingOnMyOwn = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PeopleAndPlaces = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PeopleToAsk = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Professionals = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SaferSurroundings = table.Column<byte[]>(type: "BLOB", nullable: true),
                    MattersMost = table.Column<byte[]>(type: "BLOB", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyPlans", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_SafetyPlans_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SafetyPlans");
        }
    }
}
