using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductOwnerBacklog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BacklogItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AsA = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IWant = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SoThat = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Estimate = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Rank = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    RoadmapItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BacklogItems_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BacklogSettings",
                columns: table => new
                {
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    NewItemsOnTop = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogSettings", x => x.ProductId);
                    table.ForeignKey(
                        name: "FK_BacklogSettings_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DefinitionOfDoneVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefinitionOfDoneVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DefinitionOfDoneVersions_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DuplicateOfId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_FeedbackItems_DuplicateOfId",
                        column: x => x.DuplicateOfId,
                        principalTable: "FeedbackItems",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FeedbackItems_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AcceptanceCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BacklogItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsMet = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcceptanceCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AcceptanceCriteria_BacklogItems_BacklogItemId",
                        column: x => x.BacklogItemId,
                        principalTable: "BacklogItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BacklogComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BacklogItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BacklogComments_BacklogItems_BacklogItemId",
                        column: x => x.BacklogItemId,
                        principalTable: "BacklogItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BacklogItemTags",
                columns: table => new
                {
                    BacklogItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogItemTags", x => new { x.BacklogItemId, x.Name });
                    table.ForeignKey(
                        name: "FK_BacklogItemTags_BacklogItems_BacklogItemId",
                        column: x => x.BacklogItemId,
                        principalTable: "BacklogItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BacklogItemDoneChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BacklogItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionOfDoneVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionOfDoneNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogItemDoneChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BacklogItemDoneChecks_BacklogItems_BacklogItemId",
                        column: x => x.BacklogItemId,
                        principalTable: "BacklogItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BacklogItemDoneChecks_DefinitionOfDoneVersions_DefinitionOfDoneVersionId",
                        column: x => x.DefinitionOfDoneVersionId,
                        principalTable: "DefinitionOfDoneVersions",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "DefinitionOfDoneCriterion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DefinitionOfDoneVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefinitionOfDoneCriterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DefinitionOfDoneCriterion_DefinitionOfDoneVersions_DefinitionOfDoneVersionId",
                        column: x => x.DefinitionOfDoneVersionId,
                        principalTable: "DefinitionOfDoneVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BacklogItemFeedbackLinks",
                columns: table => new
                {
                    BacklogItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklogItemFeedbackLinks", x => new { x.BacklogItemId, x.FeedbackItemId });
                    table.ForeignKey(
                        name: "FK_BacklogItemFeedbackLinks_BacklogItems_BacklogItemId",
                        column: x => x.BacklogItemId,
                        principalTable: "BacklogItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BacklogItemFeedbackLinks_FeedbackItems_FeedbackItemId",
                        column: x => x.FeedbackItemId,
                        principalTable: "FeedbackItems",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "DoneCriterionCheck",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BacklogItemDoneCheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Waived = table.Column<bool>(type: "INTEGER", nullable: false),
                    WaiverReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoneCriterionCheck", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoneCriterionCheck_BacklogItemDoneChecks_BacklogItemDoneCheckId",
                        column: x => x.BacklogItemDoneCheckId,
                        principalTable: "BacklogItemDoneChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AcceptanceCriteria_BacklogItemId_Position",
                table: "AcceptanceCriteria",
                columns: new[] { "BacklogItemId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_BacklogComments_BacklogItemId_Id",
                table: "BacklogComments",
                columns: new[] { "BacklogItemId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItemDoneChecks_BacklogItemId",
                table: "BacklogItemDoneChecks",
                column: "BacklogItemId");

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItemDoneChecks_DefinitionOfDoneVersionId",
                table: "BacklogItemDoneChecks",
                column: "DefinitionOfDoneVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItemFeedbackLinks_FeedbackItemId",
                table: "BacklogItemFeedbackLinks",
                column: "FeedbackItemId");

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItems_ProductId_Rank",
                table: "BacklogItems",
                columns: new[] { "ProductId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItems_ProductId_Status",
                table: "BacklogItems",
                columns: new[] { "ProductId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItems_RoadmapItemId",
                table: "BacklogItems",
                column: "RoadmapItemId");

            migrationBuilder.CreateIndex(
                name: "IX_BacklogItemTags_Name",
                table: "BacklogItemTags",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_DefinitionOfDoneCriterion_DefinitionOfDoneVersionId",
                table: "DefinitionOfDoneCriterion",
                column: "DefinitionOfDoneVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_DefinitionOfDoneVersions_ProductId_Number",
                table: "DefinitionOfDoneVersions",
                columns: new[] { "ProductId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DoneCriterionCheck_BacklogItemDoneCheckId",
                table: "DoneCriterionCheck",
                column: "BacklogItemDoneCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_DuplicateOfId",
                table: "FeedbackItems",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_ProductId_Status_ReceivedOn",
                table: "FeedbackItems",
                columns: new[] { "ProductId", "Status", "ReceivedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AcceptanceCriteria");

            migrationBuilder.DropTable(
                name: "BacklogComments");

            migrationBuilder.DropTable(
                name: "BacklogItemFeedbackLinks");

            migrationBuilder.DropTable(
                name: "BacklogItemTags");

            migrationBuilder.DropTable(
                name: "BacklogSettings");

            migrationBuilder.DropTable(
                name: "DefinitionOfDoneCriterion");

            migrationBuilder.DropTable(
                name: "DoneCriterionCheck");

            migrationBuilder.DropTable(
                name: "FeedbackItems");

            migrationBuilder.DropTable(
                name: "BacklogItemDoneChecks");

            migrationBuilder.DropTable(
                name: "BacklogItems");

            migrationBuilder.DropTable(
                name: "DefinitionOfDoneVersions");
        }
    }
}
