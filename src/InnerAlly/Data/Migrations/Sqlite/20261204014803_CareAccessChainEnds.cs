using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CareAccessChainEnds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CareAccessRecords_RelationshipId",
                table: "CareAccessRecords");

            migrationBuilder.CreateTable(
                name: "CareAccessChainEnds",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareAccessChainEnds", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_CareAccessChainEnds_AspNetUsers_ClientId",
                        column: x => x.ClientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Each chain's end is its newest row so far.
            migrationBuilder.Sql("INSERT INTO \"CareAccessChainEnds\" (\"ClientId\", \"Sequence\", \"Hash\") SELECT r.\"ClientId\", r.\"Sequence\", r.\"Hash\" FROM \"CareAccessRecords\" r WHERE r.\"Sequence\" = (SELECT MAX(x.\"Sequence\") FROM \"CareAccessRecords\" x WHERE x.\"ClientId\" = r.\"ClientId\")");

            migrationBuilder.CreateIndex(
                name: "IX_CareAccessRecords_At",
                table: "CareAccessRecords",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_CareAccessRecords_RelationshipId_Via_At",
                table: "CareAccessRecords",
                columns: new[] { "RelationshipId", "Via", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareAccessChainEnds");

            migrationBuilder.DropIndex(
                name: "IX_CareAccessRecords_At",
                table: "CareAccessRecords");

            migrationBuilder.DropIndex(
                name: "IX_CareAccessRecords_RelationshipId_Via_At",
                table: "CareAccessRecords");

            migrationBuilder.CreateIndex(
                name: "IX_CareAccessRecords_RelationshipId",
                table: "CareAccessRecords",
                column: "RelationshipId");
        }
    }
}
