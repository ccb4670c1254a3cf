using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index gets an indexed Scope column: one token, "s" + ProductId·8 + Kind, so that a
    /// search's role filter is part of the MATCH and answered by the index instead of reading every
    /// match's stored ProductId and Kind (most of a broad search's cost). FTS5 cannot add a column: the
    /// table is rebuilt from its own rows.
    /// </summary>
    public partial class SearchScopeToken : Migration
    {
        private const string Options = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE SearchIndexWithScope USING fts5(
                    Title, Body, ExternalKey, Scope,
                    ProductId UNINDEXED, Kind UNINDEXED, EntityId UNINDEXED, ParentId UNINDEXED,
                    {Options});
                """);
            migrationBuilder.Sql("INSERT INTO SearchIndexWithScope (rowid, Title, Body, ExternalKey, Scope, ProductId, Kind, EntityId, ParentId) SELECT rowid, Title, Body, ExternalKey, 's' || (ProductId * 8 + Kind), ProductId, Kind, EntityId, ParentId FROM SearchIndex;");
            migrationBuilder.Sql("DROP TABLE SearchIndex;");
            migrationBuilder.Sql("ALTER TABLE SearchIndexWithScope RENAME TO SearchIndex;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE SearchIndexWithoutScope USING fts5(
                    Title, Body, ExternalKey,
                    ProductId UNINDEXED, Kind UNINDEXED, EntityId UNINDEXED, ParentId UNINDEXED,
                    {Options});
                """);
            migrationBuilder.Sql("INSERT INTO SearchIndexWithoutScope (rowid, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) SELECT rowid, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId FROM SearchIndex;");
            migrationBuilder.Sql("DROP TABLE SearchIndex;");
            migrationBuilder.Sql("ALTER TABLE SearchIndexWithoutScope RENAME TO SearchIndex;");
        }
    }
}
