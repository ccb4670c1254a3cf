using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ProductRoles.Web.Domain.Search;

namespace ProductRoles.Web.Data.Search;

/// <summary>A row the index returned for a search, best first.</summary>
public sealed class SearchHitRow
{
    public long Id { get; init; }
    public int ProductId { get; init; }
    public int Kind { get; init; }
    public int EntityId { get; init; }
    public int ParentId { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string ExternalKey { get; init; } = "";
    public double Score { get; init; }
    public int Total { get; init; }
}

/// <summary>
/// The SQL of the full-text index, per engine: an FTS5 table on SQLite (ranked by bm25, titles and
/// keys weighing ten times a body), a table with a full-text index on SQL Server (CONTAINSTABLE's
/// rank). Both are made by the migrations; EF's model does not know the table. Every value the user
/// gave is a parameter; the inlined numbers (scopes) are computed from ids and kinds.
/// </summary>
public abstract class SearchIndexSql
{
    private const int DeleteChunk = 500;

    // SQL Server allows 2,100 parameters a statement; 8 a row.
    private const int InsertChunk = 200;

    public static readonly SearchIndexSql Sqlite = new SqliteSearchIndexSql();
    public static readonly SearchIndexSql SqlServer = new SqlServerSearchIndexSql();

    public static SearchIndexSql For(DatabaseFacade database) =>
        database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer" ? SqlServer : Sqlite;

    /// <summary>The index row's key column: FTS5's rowid, or the table's primary key.</summary>
    protected abstract string Key { get; }

    /// <summary>What a search may see: the kinds each product's role may read, as ProductId·8 + Kind.</summary>
    public static long Scope(int productId, SearchKind kind) => SearchDocument.IdOf(kind, productId);

    public IEnumerable<(string Sql, object[] Args)> Delete(IReadOnlyCollection<long> ids) =>
        ids.Chunk(DeleteChunk).Select(chunk => (
            $"DELETE FROM SearchIndex WHERE {Key} IN ({Placeholders(0, chunk.Length)})",
            chunk.Cast<object>().ToArray()));

    public IEnumerable<(string Sql, object[] Args)> Insert(IReadOnlyCollection<SearchDocument> documents) =>
        documents.Chunk(InsertChunk).Select(chunk =>
        {
            var sql = new StringBuilder($"INSERT INTO SearchIndex ({Key}, Title, Body, ExternalKey, ProductId, Kind, EntityId, ParentId) VALUES ");
            var args = new List<object>(chunk.Length * 8);
            for (var n = 0; n < chunk.Length; n++)
            {
                var d = chunk[n];
                sql.Append(n == 0 ? "(" : ", (").Append(Placeholders(args.Count, 8)).Append(')');
                args.AddRange([d.Id, d.Title, d.Body, d.ExternalKey, d.ProductId, (int)d.Kind, d.EntityId, d.ParentId ?? 0]);
            }

            return (sql.ToString(), args.ToArray());
        });

    /// <summary>One page of what matches, best first, with the total on every row.</summary>
    public abstract IQueryable<SearchHitRow> Search(DatabaseFacade database, SearchTerms terms, IReadOnlyCollection<long> scopes, int skip, int take);

    /// <summary>The ids of one product's entities of one kind that match: a sub-query for a list's text filter.</summary>
    public abstract IQueryable<int> Matching(DatabaseFacade database, SearchTerms terms, int productId, SearchKind kind);

    protected static string ScopeList(IReadOnlyCollection<long> scopes) =>
        scopes.Count == 0 ? "-1" : string.Join(", ", scopes.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    private static string Placeholders(int first, int count) =>
        string.Join(", ", Enumerable.Range(first, count).Select(n => "{" + n.ToString(CultureInfo.InvariantCulture) + "}"));

    private sealed class SqliteSearchIndexSql : SearchIndexSql
    {
        protected override string Key => "rowid";

        public override IQueryable<SearchHitRow> Search(DatabaseFacade database, SearchTerms terms, IReadOnlyCollection<long> scopes, int skip, int take)
        {
            // Only the scope numbers are written into the text (ScopeList); the user's terms are parameter {0}.
            // bm25() works only in the statement that does the MATCH, not beside a window function: hence the CTE.
            var sql = $$"""
                WITH hits AS MATERIALIZED (
                    SELECT rowid AS Id, ProductId, Kind, EntityId, ParentId, Title, Body, ExternalKey,
                           bm25(SearchIndex, 10.0, 1.0, 10.0) AS Score
                    FROM SearchIndex
                    WHERE SearchIndex MATCH {0} AND (ProductId * 8 + Kind) IN ({{ScopeList(scopes)}}))
                SELECT Id, ProductId, Kind, EntityId, ParentId, Title, Body, ExternalKey, Score, count(*) OVER () AS Total
                FROM hits
                ORDER BY Score, Id
                LIMIT {1} OFFSET {2}
                """;
            return database.SqlQueryRaw<SearchHitRow>(sql, terms.ToFts5(), take, skip);
        }

        public override IQueryable<int> Matching(DatabaseFacade database, SearchTerms terms, int productId, SearchKind kind) =>
            database.SqlQueryRaw<int>(
                "SELECT EntityId AS Value FROM SearchIndex WHERE SearchIndex MATCH {0} AND Kind = {1} AND ProductId = {2}",
                terms.ToFts5(), (int)kind, productId);
    }

    /// <summary>Not run here (no SQL Server on the build machine): compiled and reviewed only.</summary>
    private sealed class SqlServerSearchIndexSql : SearchIndexSql
    {
        protected override string Key => "Id";

        public override IQueryable<SearchHitRow> Search(DatabaseFacade database, SearchTerms terms, IReadOnlyCollection<long> scopes, int skip, int take)
        {
            // Only the scope numbers are written into the text (ScopeList); the user's terms are parameter {0}.
            var sql = $$"""
                SELECT s.Id, s.ProductId, s.Kind, s.EntityId, s.ParentId, s.Title, s.Body, s.ExternalKey,
                       CAST(-k.[RANK] AS float) AS Score, COUNT(*) OVER () AS Total
                FROM SearchIndex AS s
                INNER JOIN CONTAINSTABLE(SearchIndex, (Title, Body, ExternalKey), {0}) AS k ON s.Id = k.[KEY]
                WHERE (s.ProductId * 8 + s.Kind) IN ({{ScopeList(scopes)}})
                ORDER BY Score, s.Id
                OFFSET {2} ROWS FETCH NEXT {1} ROWS ONLY
                """;
            return database.SqlQueryRaw<SearchHitRow>(sql, terms.ToContains(), take, skip);
        }

        public override IQueryable<int> Matching(DatabaseFacade database, SearchTerms terms, int productId, SearchKind kind) =>
            database.SqlQueryRaw<int>(
                """
                SELECT s.EntityId AS Value FROM SearchIndex AS s
                INNER JOIN CONTAINSTABLE(SearchIndex, (Title, Body, ExternalKey), {0}) AS k ON s.Id = k.[KEY]
                WHERE s.Kind = {1} AND s.ProductId = {2}
                """, terms.ToContains(), (int)kind, productId);
    }
}
