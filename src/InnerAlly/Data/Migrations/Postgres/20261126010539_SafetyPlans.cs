using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Postgres
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
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    WarningSigns = table.Column<byte[]>(type: "bytea", nullable: true),
                    CopingOnMyOwn = table.Column<byte[]>(type: "bytea", nullable: true),
                    PeopleAndPlaces = table.Column<byte[]>(type: "bytea", nullable: true),
                    PeopleToAsk = table.Column<byte[]>(type: "bytea", nullable: true),
                    Professionals = table.Column<byte[]>(type: "bytea", nullable: true),
                    SaferSurroundings = table.Column<byte[]>(type: "bytea", nullable: true),
                    MattersMost = table.Column<byte[]>(type: "bytea", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
