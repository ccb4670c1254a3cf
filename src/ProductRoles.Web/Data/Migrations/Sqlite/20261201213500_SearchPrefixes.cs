using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProductRoles.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index gets a prefix index for 4 characters beside 2 and 3: a search matches its last
    /// word as a prefix, and a prefix longer than every prefix index costs FTS5 a merge of the doclists of
    /// every word it covers (about 5 ms a pass for a word in most of 100,000 items), where a prefix index
    /// is read like one word. 4 and not more: each length adds an entry per word per row (4 added about a
    /// tenth to the index's write time and size; 4, 5 and 6 together two thirds and two fifths), and longer
    /// prefixes cover fewer words. FTS5 cannot change its options: the table is rebuilt from its own rows.
    /// </summary>
    public partial class SearchPrefixes : Migration
    {
        private const string Columns = "Title, Body, ExternalKey, Scope, ProductId, Kind, EntityId, ParentId";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, "2 3 4");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, "2 3");

        private static void Rebuild(MigrationBuilder migrationBuilder, string prefixes)
        {
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE SearchIndexRebuilt USING fts5(
                    Title, Body, ExternalKey, Scope,
                    ProductId UNINDEXED, Kind UNINDEXED, EntityId UNINDEXED, ParentId UNINDEXED,
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '{prefixes}');
                """);
            migrationBuilder.Sql($"INSERT INTO SearchIndexRebuilt (rowid, {Columns}) SELECT rowid, {Columns} FROM SearchIndex;");
            migrationBuilder.Sql("DROP TABLE SearchIndex;");
            migrationBuilder.Sql("ALTER TABLE SearchIndexRebuilt RENAME TO SearchIndex;");
        }
    }
}
