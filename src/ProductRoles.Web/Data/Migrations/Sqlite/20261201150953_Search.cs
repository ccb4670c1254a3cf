using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index (see Data/Search): an FTS5 table, not in EF's model, kept in step by
    /// AppDbContext's save; built here from the rows that already exist. The row id is the entity's
    /// id times 8 plus its kind (SearchDocument.IdOf), the columns after ExternalKey are only stored.
    /// </summary>
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE SearchIndex USING fts5(
                    Title, Body, ExternalKey,
                    ProductId UNINDEXED, Kind UNINDEXED, EntityId UNINDEXED, ParentId UNINDEXED,
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                """);
            migrationBuilder.Sql("INSERT INTO SearchIndex (rowid, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (Id << 3) | 1, Title, concat_ws(char(10), NULLIF(AsA, ''), NULLIF(IWant, ''), NULLIF(SoThat, ''), NULLIF(Description, '')), coalesce(ExternalKey, ''), ProductId, 1, Id, 0 FROM BacklogItems;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (rowid, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (Id << 3) | 2, Title, concat_ws(char(10), NULLIF(Outcome, ''), NULLIF(Notes, '')), '', ProductId, 2, Id, 0 FROM RoadmapItems;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (rowid, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (Id << 3) | 3, Title, concat_ws(char(10), NULLIF(Summary, ''), NULLIF(Source, ''), NULLIF(Tags, '')), '', ProductId, 3, Id, 0 FROM Insights;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (rowid, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (Id << 3) | 4, concat_ws(char(10), NULLIF(SourceName, ''), NULLIF(Account, '')), concat_ws(char(10), NULLIF(Text, ''), NULLIF(Tags, '')), '', ProductId, 4, Id, 0 FROM FeedbackItems;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (rowid, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (Id << 3) | 5, Title, coalesce(Description, ''), '', ProductId, 5, Id, 0 FROM Goals;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (rowid, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (c.Id << 3) | 6, '', c.Text, '', i.ProductId, 6, c.Id, c.BacklogItemId FROM BacklogComments AS c INNER JOIN BacklogItems AS i ON i.Id = c.BacklogItemId;");
            migrationBuilder.Sql("INSERT INTO SearchIndex (rowid, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT (Id << 3) | 7, Name, Goal, '', ProductId, 7, Id, 0 FROM Sprints;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE SearchIndex;");
        }
    }
}
