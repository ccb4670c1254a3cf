using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.SqlServer
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MeasuredBy",
                table: "KeyResults",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "CheckIns");

            migrationBuilder.CreateTable(
                name: "KeyResultCheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    KeyResultId = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
