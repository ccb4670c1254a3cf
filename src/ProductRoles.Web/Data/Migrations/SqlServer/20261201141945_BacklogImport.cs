using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BacklogImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalKey",
                table: "BacklogItems",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImportId",
                table: "BacklogItems",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImportId",
                table: "BacklogComments",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BacklogImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StoredFileName = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    Format = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    MappingJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ScanJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TotalRows = table.Column<int>(type: "int", nullable: false),
                    ProcessedRows = table.Column<int>(type: "int", nullable: false),
                    CreatedItems = table.Column<int>(type: "int", nullable: false),
                    UpdatedItems = table.Column<int>(type: "int", nullable: false),
                    SkippedRows = table.Column<int>(type: "int", nullable: false),
                    Message = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CreatedJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UndoneAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BacklogImports_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BacklogImportReverts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BacklogImportId = table.Column<int>(type: "int", nullable: false),
                    BacklogItemId = table.Column<int>(type: "int", nullable: false),
                    BeforeJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogImportReverts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BacklogImportReverts_BacklogImports_BacklogImportId",
                        column: x => x.BacklogImportId,
                        principalTable: "BacklogImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItems_ImportId",
                table: "BacklogItems",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItems_ProductId_ExternalKey",
                table: "BacklogItems",
                columns: new[] { "ProductId", "ExternalKey" },
                unique: true,
                filter: "[ExternalKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BacklogImportReverts_BacklogImportId_BacklogItemId",
                table: "BacklogImportReverts",
                columns: new[] { "BacklogImportId", "BacklogItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_BacklogImports_ProductId_CreatedAt",
                table: "BacklogImports",
                columns: new[] { "ProductId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BacklogImports_State",
                table: "BacklogImports",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BacklogImportReverts");

            migrationBuilder.DropTable(
                name: "BacklogImports");

            migrationBuilder.DropIndex(
                name: "IX_BacklogItems_ImportId",
                table: "BacklogItems");

            migrationBuilder.DropIndex(
                name: "IX_BacklogItems_ProductId_ExternalKey",
                table: "BacklogItems");

            migrationBuilder.DropColumn(
                name: "ExternalKey",
                table: "BacklogItems");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "BacklogItems");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "BacklogComments");
        }
    }
}
