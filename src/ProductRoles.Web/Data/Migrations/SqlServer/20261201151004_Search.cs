using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// The full-text index (see Data/Search): a table, not in EF's model, kept in step by AppDbContext's
    /// save, with a full-text index over its text columns queried through CONTAINSTABLE. Full-text
    /// catalogs and indexes cannot be made inside a transaction, hence suppressTransaction. SQL Server
    /// fills the full-text index from the table in the background (CHANGE_TRACKING AUTO): a row
    /// committed with its command is findable a moment later, not in the same instant.
    /// Not run on the build machine (no SQL Server there); written from the T-SQL reference.
    /// </summary>
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE SearchIndex (
                    Id bigint NOT NULL CONSTRAINT PK_SearchIndex PRIMARY KEY,
                    Title nvarchar(1000) NOT NULL,
                    Body nvarchar(max) NOT NULL,
                    ExternalKey nvarchar(100) NOT NULL,
                    ProductId int NOT NULL,
                    Kind int NOT NULL,
                    EntityId int NOT NULL,
                    ParentId int NOT NULL);
                """);
            migrationBuilder.Sql("CREATE INDEX IX_SearchIndex_ProductId_Kind ON SearchIndex (ProductId, Kind);");
            migrationBuilder.Sql("INSERT INTO SearchIndex (Id, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (CAST(Id AS bigint) * 8) + 1, Title, CONCAT_WS(CHAR(10), NULLIF(AsA, ''), NULLIF(IWant, ''), NULLIF(SoThat, ''), NULLIF(Description, '')), COALESCE(ExternalKey, ''), ProductId, 1, Id, 0 FROM BacklogItems;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (Id, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (CAST(Id AS bigint) * 8) + 2, Title, CONCAT_WS(CHAR(10), NULLIF(Outcome, ''), NULLIF(Notes, '')), '', ProductId, 2, Id, 0 FROM RoadmapItems;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (Id, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (CAST(Id AS bigint) * 8) + 3, Title, CONCAT_WS(CHAR(10), NULLIF(Summary, ''), NULLIF(Source, ''), NULLIF(Tags, '')), '', ProductId, 3, Id, 0 FROM Insights;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (Id, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (CAST(Id AS bigint) * 8) + 4, CONCAT_WS(CHAR(10), NULLIF(SourceName, ''), NULLIF(Account, '')), CONCAT_WS(CHAR(10), NULLIF(Text, ''), NULLIF(Tags, '')), '', ProductId, 4, Id, 0 FROM FeedbackItems;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (Id, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (CAST(Id AS bigint) * 8) + 5, Title, COALESCE(Description, ''), '', ProductId, 5, Id, 0 FROM Goals;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (Id, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (CAST(c.Id AS bigint) * 8) + 6, '', c.Text, '', i.ProductId, 6, c.Id, c.BacklogItemId FROM BacklogComments AS c INNER JOIN BacklogItems AS i ON i.Id = c.BacklogItemId;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (Id, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (CAST(Id AS bigint) * 8) + 7, Name, Goal, '', ProductId, 7, Id, 0 FROM Sprints;");
            migrationBuilder.Sql("CREATE FULLTEXT CATALOG SearchCatalog;", suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE FULLTEXT INDEX ON SearchIndex (Title, Body, ExternalKey) KEY INDEX PK_SearchIndex ON SearchCatalog WITH CHANGE_TRACKING AUTO;",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON SearchIndex;", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT CATALOG SearchCatalog;", suppressTransaction: true);
            migrationBuilder.Sql("DROP TABLE SearchIndex;");
        }
    }
}
