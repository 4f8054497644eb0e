using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MessagesAndSessionNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReplyExpectation",
                table: "StaffMembers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SharedClinicalRecord",
                table: "Clinics",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RelationshipId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Messages_CareRelationships_RelationshipId",
                        column: x => x.RelationshipId,
                        principalTable: "CareRelationships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClinicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RelationshipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClientName = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ClientEmail = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionNotes_AspNetUsers_ClientUserId",
                        column: x => x.ClientUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SessionNotes_CareRelationships_RelationshipId",
                        column: x => x.RelationshipId,
                        principalTable: "CareRelationships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SessionNotes_Clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "Clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionNotes_StaffMembers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SessionNoteVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WorkedOn = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PracticesUsed = table.Column<byte[]>(type: "BLOB", nullable: true),
                    NextSteps = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Risk = table.Column<byte[]>(type: "BLOB", nullable: true),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WrittenById = table.Column<Guid>(type: "TEXT", nullable: true),
                    WrittenByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionNoteVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionNoteVersions_SessionNotes_NoteId",
                        column: x => x.NoteId,
                        principalTable: "SessionNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_RelationshipId_SentAt",
                table: "Messages",
                columns: new[] { "RelationshipId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionNotes_AuthorId",
                table: "SessionNotes",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionNotes_ClientUserId",
                table: "SessionNotes",
                column: "ClientUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionNotes_ClinicId_ClientUserId",
                table: "SessionNotes",
                columns: new[] { "ClinicId", "ClientUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionNotes_RelationshipId",
                table: "SessionNotes",
                column: "RelationshipId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionNoteVersions_NoteId_Number",
                table: "SessionNoteVersions",
                columns: new[] { "NoteId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "SessionNoteVersions");

            migrationBuilder.DropTable(
                name: "SessionNotes");

            migrationBuilder.DropColumn(
                name: "ReplyExpectation",
                table: "StaffMembers");

            migrationBuilder.DropColumn(
                name: "SharedClinicalRecord",
                table: "Clinics");
        }
    }
}
