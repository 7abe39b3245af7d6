using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiveHire.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FairsBoothsChannelsProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BoothCapacity",
                table: "Fairs",
                type: "integer",
                nullable: false,
                defaultValue: 20);

            migrationBuilder.AddColumn<int>(
                name: "SlotMinutes",
                table: "Fairs",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "Stages",
                table: "Fairs",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "TimetableVersion",
                table: "Fairs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Channels",
                table: "AspNetUsers",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "Booths",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FairId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AppliedById = table.Column<Guid>(type: "uuid", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Booths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Booths_AspNetUsers_AppliedById",
                        column: x => x.AppliedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Booths_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Booths_Fairs_FairId",
                        column: x => x.FairId,
                        principalTable: "Fairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Booths_Organizations_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CandidateProfiles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Education = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Experience = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Skills = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    WantedTitles = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    WantedPayMin = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    WantedPayUnit = table.Column<int>(type: "integer", nullable: false),
                    Availability = table.Column<int>(type: "integer", nullable: false),
                    AvailableFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Groups = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_CandidateProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    JobId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    MadeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MadeById = table.Column<Guid>(type: "uuid", nullable: true),
                    CandidateDistrict = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CandidateGroups = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_AspNetUsers_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Recommendations_AspNetUsers_MadeById",
                        column: x => x.MadeById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Recommendations_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OnDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffNotices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Booths_AppliedById",
                table: "Booths",
                column: "AppliedById");

            migrationBuilder.CreateIndex(
                name: "IX_Booths_DecidedById",
                table: "Booths",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_Booths_EmployerId",
                table: "Booths",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_Booths_FairId_EmployerId",
                table: "Booths",
                columns: new[] { "FairId", "EmployerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CandidateId_MadeAt",
                table: "Recommendations",
                columns: new[] { "CandidateId", "MadeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_JobId",
                table: "Recommendations",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_MadeAt",
                table: "Recommendations",
                column: "MadeAt");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_MadeById",
                table: "Recommendations",
                column: "MadeById");

            migrationBuilder.CreateIndex(
                name: "IX_StaffNotices_Kind_SubjectId_OnDate",
                table: "StaffNotices",
                columns: new[] { "Kind", "SubjectId", "OnDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffNotices_Status_DueAt",
                table: "StaffNotices",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Booths");

            migrationBuilder.DropTable(
                name: "CandidateProfiles");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "StaffNotices");

            migrationBuilder.DropColumn(
                name: "BoothCapacity",
                table: "Fairs");

            migrationBuilder.DropColumn(
                name: "SlotMinutes",
                table: "Fairs");

            migrationBuilder.DropColumn(
                name: "Stages",
                table: "Fairs");

            migrationBuilder.DropColumn(
                name: "TimetableVersion",
                table: "Fairs");

            migrationBuilder.DropColumn(
                name: "Channels",
                table: "AspNetUsers");
        }
    }
}
