using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeyResultCheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastCheckInOn",
                table: "KeyResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MeasuredBy",
                table: "KeyResults",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "CheckIns");

            migrationBuilder.CreateTable(
                name: "KeyResultCheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyResultId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyResultCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyResultCheckIns_KeyResults_KeyResultId",
                        column: x => x.KeyResultId,
                        principalTable: "KeyResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeyResultCheckIns_KeyResultId_On",
                table: "KeyResultCheckIns",
                columns: new[] { "KeyResultId", "On" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyResultCheckIns");

            migrationBuilder.DropColumn(
                name: "LastCheckInOn",
                table: "KeyResults");

            migrationBuilder.DropColumn(
                name: "MeasuredBy",
                table: "KeyResults");
        }
    }
}
