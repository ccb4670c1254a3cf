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
/// The SQL of the full-text index, per engine: an FTS5 table on SQLite, a table with a full-text index
/// on SQL Server; both rank matches in a title or key above matches in a body, newest first. Both are made by the migrations; EF's model does not know the table. Every value the user
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

    public virtual IEnumerable<(string Sql, object[] Args)> Delete(IReadOnlyCollection<long> ids) =>
        ids.Chunk(DeleteChunk).Select(chunk => (
            $"DELETE FROM SearchIndex WHERE {Key} IN ({Placeholders(0, chunk.Length)})",
            chunk.Cast<object>().ToArray()));

    public virtual IEnumerable<(string Sql, object[] Args)> Insert(IReadOnlyCollection<SearchDocument> documents) =>
        documents.Chunk(InsertChunk).Select(chunk =>
        {
            var columns = Columns;
            var sql = new StringBuilder($"INSERT INTO SearchIndex ({string.Join(", ", columns)}) VALUES ");
            var args = new List<object>(chunk.Length * columns.Count);
            for (var n = 0; n < chunk.Length; n++)
            {
                sql.Append(n == 0 ? "(" : ", (").Append(Placeholders(args.Count, columns.Count)).Append(')');
                args.AddRange(Values(chunk[n]));
            }

            return (sql.ToString(), args.ToArray());
        });

    /// <summary>The columns an index row is written with, in the order of <see cref="Values"/>.</summary>
    protected abstract IReadOnlyList<string> Columns { get; }

    protected abstract object[] Values(SearchDocument document);

    /// <summary>
    /// One page of what matches, best first — matches in a title or key, then the rest, newest first in each —
    /// with the total on every row. Only the <paramref name="rankAmong"/> newest matches are counted (with the
    /// title matches the page reaches, however old): a broad query's exact count costs a pass over every
    /// match, and nobody pages that far.
    /// </summary>
    public abstract IQueryable<SearchHitRow> Search(DatabaseFacade database, SearchTerms terms, IReadOnlyCollection<long> scopes, int skip, int take, int rankAmong);

    /// <summary>The ids of one product's entities of one kind that match: a sub-query for a list's text filter.</summary>
    public abstract IQueryable<int> Matching(DatabaseFacade database, SearchTerms terms, int productId, SearchKind kind);

    /// <summary>How many of one product's entities of one kind match, counted in the index alone.</summary>
    public abstract IQueryable<int> CountMatching(DatabaseFacade database, SearchTerms terms, int productId, SearchKind kind);

    /// <summary>The SQLite index's token for one scope.</summary>
    public static string ScopeToken(long scope) => "s" + scope.ToString(CultureInfo.InvariantCulture);

    protected static string ScopeList(IReadOnlyCollection<long> scopes) =>
        scopes.Count == 0 ? "-1" : string.Join(", ", scopes.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    private static string Placeholders(int first, int count) =>
        string.Join(", ", Enumerable.Range(first, count).Select(n => "{" + n.ToString(CultureInfo.InvariantCulture) + "}"));

    private sealed class SqliteSearchIndexSql : SearchIndexSql
    {
        private const string TextColumns = "Title Body ExternalKey";
        private const string TitleColumns = "Title ExternalKey";

        protected override string Key => "rowid";

        // Scope is an indexed column holding one token, "s" + ProductId·8 + Kind (ScopeToken), so the
        // role filter is part of the MATCH and answered by the index: filtering on the stored ProductId
        // and Kind instead read every match's row, which was most of a broad search's cost.
        protected override IReadOnlyList<string> Columns { get; } =
            ["rowid", "Title", "Body", "ExternalKey", "Scope", "ProductId", "Kind", "EntityId", "ParentId"];

        protected override object[] Values(SearchDocument d) =>
            [d.Id, d.Title, d.Body, d.ExternalKey, ScopeToken(Scope(d.ProductId, d.Kind)), d.ProductId, (int)d.Kind, d.EntityId, d.ParentId ?? 0];

        // One statement and one parameter however many rows a save writes: the rows go in as a JSON array that
        // json_each unpacks. Chunks of 200 rows × 9 parameters cost more to prepare and bind (SQLite finds each
        // named parameter by a scan) than the index spent on the rows: most of an import batch's index time.
        public override IEnumerable<(string Sql, object[] Args)> Delete(IReadOnlyCollection<long> ids)
        {
            if (ids.Count == 0)
            {
                yield break;
            }

            yield return ("DELETE FROM SearchIndex WHERE rowid IN (SELECT value FROM json_each({0}))", [System.Text.Json.JsonSerializer.Serialize(ids)]);
        }

        public override IEnumerable<(string Sql, object[] Args)> Insert(IReadOnlyCollection<SearchDocument> documents)
        {
            if (documents.Count == 0)
            {
                yield break;
            }

            using var buffer = new MemoryStream();
            using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                foreach (var d in documents)
                {
                    // The row's values in the order of Columns, as Values gives them to the chunked statement.
                    json.WriteStartArray();
                    foreach (var value in Values(d))
                    {
                        switch (value)
                        {
                            case string text:
                                json.WriteStringValue(text);
                                break;
                            case long number:
                                json.WriteNumberValue(number);
                                break;
                            default:
                                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                                break;
                        }
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            var select = string.Join(", ", Enumerable.Range(0, Columns.Count).Select(n => $"value ->> {n.ToString(CultureInfo.InvariantCulture)}"));
            yield return ($"INSERT INTO SearchIndex ({string.Join(", ", Columns)}) SELECT {select} FROM json_each({{0}})",
                [Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)]);
        }

        public override IQueryable<SearchHitRow> Search(DatabaseFacade database, SearchTerms terms, IReadOnlyCollection<long> scopes, int skip, int take, int rankAmong)
        {
            // Index-only passes, each walking the doclists newest first (ORDER BY rowid DESC) and stopping at
            // its LIMIT: the newest matches in the titles and keys, as many as the page reaches, then as many of
            // the newest matches anywhere (enough: no more of them are in the first tier than it holds, and the
            // page needs that many fewer). Titles and keys rank first, then the rest, newest first in each: bm25
            // was dropped because its weights count every document of every phrase (the words' and the scope's),
            // a full pass over each doclist whatever the LIMIT, which was most of a broad search's cost. The total
            // counts the matches in the index's own order up to the counted limit, keeping and sorting nothing (it
            // had been the newest 1,001 matches, materialized, set against the first tier and sorted: a fifth of
            // the statement). The columns are read for the page's rows alone. The match expressions are
            // parameters {0} and {4}; every other value is an int.
            const string sql = """
                WITH titled AS MATERIALIZED (
                    SELECT rowid AS Id FROM SearchIndex WHERE SearchIndex MATCH {4} ORDER BY rowid DESC LIMIT {5}),
                found AS MATERIALIZED (
                    SELECT rowid AS Id FROM SearchIndex WHERE SearchIndex MATCH {0} ORDER BY rowid DESC LIMIT {5}),
                candidates AS (
                    SELECT Id, 0 AS Tier FROM titled
                    UNION ALL
                    SELECT Id, 1 AS Tier FROM found WHERE Id NOT IN (SELECT Id FROM titled)),
                page AS (SELECT Id, Tier FROM candidates ORDER BY Tier, Id DESC LIMIT {1} OFFSET {2})
                SELECT p.Id, s.ProductId, s.Kind, s.EntityId, s.ParentId, s.Title, s.Body, s.ExternalKey, CAST(p.Tier AS REAL) AS Score,
                       (SELECT count(*) FROM (SELECT 1 FROM SearchIndex WHERE SearchIndex MATCH {0} LIMIT {3})) AS Total
                FROM page AS p
                INNER JOIN SearchIndex AS s ON s.rowid = p.Id
                ORDER BY p.Tier, p.Id DESC
                """;
            var reached = skip + take;
            return database.SqlQueryRaw<SearchHitRow>(sql,
                Match(TextColumns, terms, scopes), take, skip, Math.Max(rankAmong, reached), Match(TitleColumns, terms, scopes), reached);
        }

        public override IQueryable<int> Matching(DatabaseFacade database, SearchTerms terms, int productId, SearchKind kind) =>
            // The entity id is in the row id (SearchDocument.IdOf): no row is read, only the index.
            database.SqlQueryRaw<int>(
                $"SELECT rowid >> {SearchDocument.KindBits} AS Value FROM SearchIndex WHERE SearchIndex MATCH {{0}}",
                Match(TextColumns, terms, [Scope(productId, kind)]));

        public override IQueryable<int> CountMatching(DatabaseFacade database, SearchTerms terms, int productId, SearchKind kind) =>
            database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM SearchIndex WHERE SearchIndex MATCH {0}", Match(TextColumns, terms, [Scope(productId, kind)]));

        /// <summary>The user's terms, in the given text columns only, and one of the scopes.</summary>
        private static string Match(string columns, SearchTerms terms, IReadOnlyCollection<long> scopes) =>
            $"{{{columns}}} : ({terms.ToFts5()}) AND Scope : ({string.Join(" OR ", scopes.Select(ScopeToken))})";
    }

    /// <summary>Not run here (no SQL Server on the build machine): compiled and reviewed only.</summary>
    private sealed class SqlServerSearchIndexSql : SearchIndexSql
    {
        protected override string Key => "Id";

        protected override IReadOnlyList<string> Columns { get; } =
            ["Id", "Title", "Body", "ExternalKey", "ProductId", "Kind", "EntityId", "ParentId"];

        protected override object[] Values(SearchDocument d) =>
            [d.Id, d.Title, d.Body, d.ExternalKey, d.ProductId, (int)d.Kind, d.EntityId, d.ParentId ?? 0];

        public override IQueryable<SearchHitRow> Search(DatabaseFacade database, SearchTerms terms, IReadOnlyCollection<long> scopes, int skip, int take, int rankAmong)
        {
            // As on SQLite: the newest matches in the titles and keys, as many as the page reaches, first; then
            // the newest matches anywhere, as many as are counted; newest first in each. Only the scope numbers
            // and the limits are written into the text; the user's terms are parameter {0}. CONTAINSTABLE's
            // rank and top_n_by_rank are not used: the rank would differ from SQLite's, and top_n applies
            // before the role filter, so another product's matches could crowd out the caller's.
            var counted = Math.Max(rankAmong, skip + take).ToString(CultureInfo.InvariantCulture);
            var reached = (skip + take).ToString(CultureInfo.InvariantCulture);
            var inScope = $"(s.ProductId * 8 + s.Kind) IN ({ScopeList(scopes)})";
            var sql = $$"""
                WITH titled AS (
                    SELECT TOP ({{reached}}) s.Id FROM SearchIndex AS s
                    WHERE CONTAINS((Title, ExternalKey), {0}) AND {{inScope}}
                    ORDER BY s.Id DESC),
                found AS (
                    SELECT TOP ({{counted}}) s.Id FROM SearchIndex AS s
                    WHERE CONTAINS((Title, Body, ExternalKey), {0}) AND {{inScope}}
                    ORDER BY s.Id DESC),
                candidates AS (
                    SELECT Id, 0 AS Tier FROM titled
                    UNION ALL
                    SELECT Id, 1 AS Tier FROM found WHERE Id NOT IN (SELECT Id FROM titled))
                SELECT s.Id, s.ProductId, s.Kind, s.EntityId, s.ParentId, s.Title, s.Body, s.ExternalKey,
                       CAST(c.Tier AS float) AS Score, (SELECT COUNT(*) FROM candidates) AS Total
                FROM candidates AS c
                INNER JOIN SearchIndex AS s ON s.Id = c.Id
                ORDER BY c.Tier, c.Id DESC
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

        public override IQueryable<int> CountMatching(DatabaseFacade database, SearchTerms terms, int productId, SearchKind kind) =>
            database.SqlQueryRaw<int>(
                """
                SELECT COUNT(*) AS Value FROM SearchIndex AS s
                WHERE CONTAINS((Title, Body, ExternalKey), {0}) AND s.Kind = {1} AND s.ProductId = {2}
                """, terms.ToContains(), (int)kind, productId);
    }
}
