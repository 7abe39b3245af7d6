using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiveHire.Core.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveRoom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AnsweredById",
                table: "Questions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PinnedAt",
                table: "Questions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CurrentJobId",
                table: "LiveSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PreModeration",
                table: "LiveSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SlowModeSeconds",
                table: "LiveSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SessionBans",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BannedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    BannedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionBans", x => new { x.SessionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SessionBans_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionBans_LiveSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionJobs",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionJobs", x => new { x.SessionId, x.JobId });
                    table.ForeignKey(
                        name: "FK_SessionJobs_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionJobs_LiveSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "LiveSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveSessions_CurrentJobId",
                table: "LiveSessions",
                column: "CurrentJobId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionBans_UserId",
                table: "SessionBans",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionJobs_JobId",
                table: "SessionJobs",
                column: "JobId");

            migrationBuilder.AddForeignKey(
                name: "FK_LiveSessions_Jobs_CurrentJobId",
                table: "LiveSessions",
                column: "CurrentJobId",
                principalTable: "Jobs",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LiveSessions_Jobs_CurrentJobId",
                table: "LiveSessions");

            migrationBuilder.DropTable(
                name: "SessionBans");

            migrationBuilder.DropTable(
                name: "SessionJobs");

            migrationBuilder.DropIndex(
                name: "IX_LiveSessions_CurrentJobId",
                table: "LiveSessions");

            migrationBuilder.DropColumn(
                name: "AnsweredById",
                table: "Questions");

            migrationBuilder.DropColumn(
                name: "PinnedAt",
                table: "Questions");

            migrationBuilder.DropColumn(
                name: "CurrentJobId",
                table: "LiveSessions");

            migrationBuilder.DropColumn(
                name: "PreModeration",
                table: "LiveSessions");

            migrationBuilder.DropColumn(
                name: "SlowModeSeconds",
                table: "LiveSessions");
        }
    }
}
