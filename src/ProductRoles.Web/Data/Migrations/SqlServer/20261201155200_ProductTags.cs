using Microsoft.EntityFrameworkCore.Migrations;
using ProductRoles.Web.Data;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ProductTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BacklogItems_ProductId_Status",
                table: "BacklogItems");

            migrationBuilder.AddColumn<int>(
                name: "BacklogItemCount",
                table: "Products",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ProductTags",
                columns: table => new
                {
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ItemCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductTags", x => new { x.ProductId, x.Name });
                    table.ForeignKey(
                        name: "FK_ProductTags_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_ProductId_ReceivedOn_Id",
                table: "FeedbackItems",
                columns: new[] { "ProductId", "ReceivedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItems_ProductId_Status_Rank",
                table: "BacklogItems",
                columns: new[] { "ProductId", "Status", "Rank" });

            // Backfill: every product's tags and item count, from the items it has today.
            migrationBuilder.Sql(BacklogTally.RecountSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductTags");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackItems_ProductId_ReceivedOn_Id",
                table: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_BacklogItems_ProductId_Status_Rank",
                table: "BacklogItems");

            migrationBuilder.DropColumn(
                name: "BacklogItemCount",
                table: "Products");

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItems_ProductId_Status",
                table: "BacklogItems",
                columns: new[] { "ProductId", "Status" });
        }
    }
}
