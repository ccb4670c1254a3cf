using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ProductRoles.Web.Data;

/// <summary>
/// The one command a tally (<see cref="BacklogTally"/>, <see cref="FeedbackTally"/>) runs inside its save's
/// transaction: relative updates of counter rows, so two saves never lose each other's counts, in plain
/// SQL both providers run (update the row if it is there, insert it if it is not).
/// </summary>
public sealed class CounterSql
{
    private readonly StringBuilder _sql = new();
    private readonly List<object> _parameters = [];

    /// <summary>
    /// Adds <paramref name="delta"/> to the row of <paramref name="table"/> keyed by the product and
    /// <paramref name="keyColumn"/>, creating it when the delta is positive; with <paramref name="dropAtZero"/>,
    /// a row whose count falls to zero or below goes.
    /// </summary>
    public CounterSql AddToKeyedCount(string table, string keyColumn, int productId, object key, int delta, bool dropAtZero)
    {
        var (p, k, d) = (P(productId), P(key), P(delta));
        var row = $"\"ProductId\" = {p} AND \"{keyColumn}\" = {k}";
        _sql.Append(CultureInfo.InvariantCulture, $"UPDATE \"{table}\" SET \"ItemCount\" = \"ItemCount\" + {d} WHERE {row};\n");
        if (delta > 0)
        {
            _sql.Append(CultureInfo.InvariantCulture,
                $"INSERT INTO \"{table}\" (\"ProductId\", \"{keyColumn}\", \"ItemCount\") SELECT {p}, {k}, {d} WHERE NOT EXISTS (SELECT 1 FROM \"{table}\" WHERE {row});\n");
        }
        else if (dropAtZero)
        {
            _sql.Append(CultureInfo.InvariantCulture, $"DELETE FROM \"{table}\" WHERE {row} AND \"ItemCount\" <= 0;\n");
        }

        return this;
    }

    /// <summary>Adds <paramref name="delta"/> to one column of the product's own row.</summary>
    public CounterSql AddToProductColumn(string column, int productId, int delta)
    {
        _sql.Append(CultureInfo.InvariantCulture, $"UPDATE \"Products\" SET \"{column}\" = \"{column}\" + {P(delta)} WHERE \"Id\" = {P(productId)};\n");
        return this;
    }

    public Task ExecuteAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(_sql.ToString(), _parameters, cancellationToken);

    public void Execute(AppDbContext db) => db.Database.ExecuteSqlRaw(_sql.ToString(), _parameters);

    private string P(object value)
    {
        _parameters.Add(value);
        return "{" + (_parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }
}
