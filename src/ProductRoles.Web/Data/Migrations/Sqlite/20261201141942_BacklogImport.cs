using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImportId",
                table: "BacklogItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImportId",
                table: "BacklogComments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BacklogImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StoredFileName = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: false),
                    ScanJson = table.Column<string>(type: "TEXT", nullable: false),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedItems = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedItems = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BacklogImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeJson = table.Column<string>(type: "TEXT", nullable: false)
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
                unique: true);

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
