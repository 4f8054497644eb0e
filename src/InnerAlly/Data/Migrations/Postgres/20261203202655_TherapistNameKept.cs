using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TherapistNameKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CareRelationships_StaffMembers_TherapistId",
                table: "CareRelationships");

            migrationBuilder.AlterColumn<Guid>(
                name: "TherapistId",
                table: "CareRelationships",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "TherapistName",
                table: "CareRelationships",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // The name the client knew for every relationship already started.
            migrationBuilder.Sql("UPDATE \"CareRelationships\" SET \"TherapistName\" = (SELECT \"DisplayName\" FROM \"StaffMembers\" WHERE \"StaffMembers\".\"Id\" = \"CareRelationships\".\"TherapistId\")");

            migrationBuilder.AddForeignKey(
                name: "FK_CareRelationships_StaffMembers_TherapistId",
                table: "CareRelationships",
                column: "TherapistId",
                principalTable: "StaffMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CareRelationships_StaffMembers_TherapistId",
                table: "CareRelationships");

            migrationBuilder.DropColumn(
                name: "TherapistName",
                table: "CareRelationships");

            migrationBuilder.AlterColumn<Guid>(
                name: "TherapistId",
                table: "CareRelationships",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CareRelationships_StaffMembers_TherapistId",
                table: "CareRelationships",
                column: "TherapistId",
                principalTable: "StaffMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
