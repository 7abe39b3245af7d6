using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiveHire.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiveRoom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Answer",
                table: "Questions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AnsweredById",
                table: "Questions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PinnedAt",
                table: "Questions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CurrentJobId",
                table: "LiveSessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PreModeration",
                table: "LiveSessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SlowModeSeconds",
                table: "LiveSessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SessionBans",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    BannedById = table.Column<Guid>(type: "uuid", nullable: false),
                    BannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JobId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "Answer",
                table: "Questions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);
        }
    }
}
