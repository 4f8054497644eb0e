using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "TokenFamilies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "StampHash",
                table: "TokenFamilies",
                type: "TEXT",
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
