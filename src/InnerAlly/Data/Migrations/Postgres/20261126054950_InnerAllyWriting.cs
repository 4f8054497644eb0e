using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnerAlly.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InnerAllyWriting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AllyRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Situation = table.Column<byte[]>(type: "bytea", nullable: true),
                    CriticWords = table.Column<byte[]>(type: "bytea", nullable: true),
                    Emotions = table.Column<byte[]>(type: "bytea", nullable: false),
                    FeelingsBody = table.Column<byte[]>(type: "bytea", nullable: true),
                    CriticFear = table.Column<byte[]>(type: "bytea", nullable: true),
                    AllyWisdom = table.Column<byte[]>(type: "bytea", nullable: true),
                    AllyStrength = table.Column<byte[]>(type: "bytea", nullable: true),
                    AllyWarmth = table.Column<byte[]>(type: "bytea", nullable: true),
                    Action = table.Column<byte[]>(type: "bytea", nullable: true),
                    HarshnessBefore = table.Column<int>(type: "integer", nullable: true),
                    HarshnessAfter = table.Column<int>(type: "integer", nullable: true),
                    BeliefBefore = table.Column<int>(type: "integer", nullable: true),
                    BeliefAfter = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllyRecords", x => x.Id);
                    table.CheckConstraint("CK_AllyRecords_BeliefAfter", "\"BeliefAfter\" BETWEEN 0 AND 10");
                    table.CheckConstraint("CK_AllyRecords_BeliefBefore", "\"BeliefBefore\" BETWEEN 0 AND 10");
                    table.CheckConstraint("CK_AllyRecords_HarshnessAfter", "\"HarshnessAfter\" BETWEEN 0 AND 10");
                    table.CheckConstraint("CK_AllyRecords_HarshnessBefore", "\"HarshnessBefore\" BETWEEN 0 AND 10");
                    table.ForeignKey(
                        name: "FK_AllyRecords_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<byte[]>(type: "bytea", nullable: false),
                    Prompt = table.Column<byte[]>(type: "bytea", nullable: true),
                    Tags = table.Column<byte[]>(type: "bytea", nullable: false),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalEntries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JournalEntries_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Letters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Acknowledge = table.Column<byte[]>(type: "bytea", nullable: true),
                    Understand = table.Column<byte[]>(type: "bytea", nullable: true),
                    CommonHumanity = table.Column<byte[]>(type: "bytea", nullable: true),
                    NoBlame = table.Column<byte[]>(type: "bytea", nullable: true),
                    WhatWouldHelp = table.Column<byte[]>(type: "bytea", nullable: true),
                    Encouragement = table.Column<byte[]>(type: "bytea", nullable: true),
                    Close = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Letters", x => x.Id);
                    table.CheckConstraint("CK_Letters_Status", "\"Status\" IN ('draft', 'done')");
                    table.ForeignKey(
                        name: "FK_Letters_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AllyCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<byte[]>(type: "bytea", nullable: false),
                    AllyRecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    LetterId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllyCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AllyCards_AllyRecords_AllyRecordId",
                        column: x => x.AllyRecordId,
                        principalTable: "AllyRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AllyCards_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AllyCards_Letters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "Letters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AllyCards_AllyRecordId",
                table: "AllyCards",
                column: "AllyRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_AllyCards_LetterId",
                table: "AllyCards",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_AllyCards_UserId_CreatedAt",
                table: "AllyCards",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AllyRecords_UserId_CreatedAt",
                table: "AllyRecords",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_CheckInId",
                table: "JournalEntries",
                column: "CheckInId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_UserId_CreatedAt",
                table: "JournalEntries",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_UserId_CreatedAt",
                table: "Letters",
                columns: new[] { "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllyCards");

            migrationBuilder.DropTable(
                name: "JournalEntries");

            migrationBuilder.DropTable(
                name: "AllyRecords");

            migrationBuilder.DropTable(
                name: "Letters");
        }
    }
}
