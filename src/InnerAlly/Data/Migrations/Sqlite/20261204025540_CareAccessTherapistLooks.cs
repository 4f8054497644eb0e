using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CareAccessTherapistLooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CareAccessRecords_At",
                table: "CareAccessRecords");

            migrationBuilder.AddColumn<Guid>(
                name: "TherapistUserId",
                table: "CareAccessRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CareAccessRecords_TherapistUserId_At",
                table: "CareAccessRecords",
                columns: new[] { "TherapistUserId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_CareAccessRecords_AspNetUsers_TherapistUserId",
                table: "CareAccessRecords",
                column: "TherapistUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            // Each look so far is its relationship's therapist's (none where that therapist's account is gone).
            migrationBuilder.Sql("UPDATE \"CareAccessRecords\" SET \"TherapistUserId\" = (SELECT s.\"UserId\" FROM \"CareRelationships\" c JOIN \"StaffMembers\" s ON s.\"Id\" = c.\"TherapistId\" WHERE c.\"Id\" = \"CareAccessRecords\".\"RelationshipId\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CareAccessRecords_AspNetUsers_TherapistUserId",
                table: "CareAccessRecords");

            migrationBuilder.DropIndex(
                name: "IX_CareAccessRecords_TherapistUserId_At",
                table: "CareAccessRecords");

            migrationBuilder.DropColumn(
                name: "TherapistUserId",
                table: "CareAccessRecords");

            migrationBuilder.CreateIndex(
                name: "IX_CareAccessRecords_At",
                table: "CareAccessRecords",
                column: "At");
        }
    }
}
