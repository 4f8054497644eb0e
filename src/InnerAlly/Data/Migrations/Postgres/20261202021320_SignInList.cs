using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignInList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Device",
                table: "TokenFamilies",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "TokenFamilies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "StampHash",
                table: "TokenFamilies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Device",
                table: "TokenFamilies");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "TokenFamilies");

            migrationBuilder.DropColumn(
                name: "StampHash",
                table: "TokenFamilies");
        }
    }
}
