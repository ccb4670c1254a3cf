using System.Globalization;

namespace ProductRoles.Web.Features.Scrum.Charts;

/// <summary>
/// Maps chart values onto an SVG canvas: a plot area inside fixed margins, x by position, y by value
/// (0 at the bottom). Coordinates are formatted invariantly so the markup never depends on culture.
/// </summary>
public sealed record SvgPlot(int Width, int Height, int Left = 44, int Right = 16, int Top = 16, int Bottom = 36)
{
    public int PlotWidth => Width - Left - Right;
    public int PlotHeight => Height - Top - Bottom;
    public int Baseline => Top + PlotHeight;

    /// <summary>x of the i-th of <paramref name="count"/> evenly spaced points, first at the left edge, last at the right.</summary>
    public decimal X(int index, int count) =>
        count <= 1 ? Left : Math.Round(Left + (decimal)PlotWidth * index / (count - 1), 1);

    /// <summary>Centre x of the i-th of <paramref name="count"/> equal bands (for bar charts).</summary>
    public decimal BandCentre(int index, int count) => Math.Round(Left + (decimal)PlotWidth * (index + 0.5m) / count, 1);

    public decimal BandWidth(int count) => Math.Round((decimal)PlotWidth / count, 1);

    public decimal Y(decimal value, int max) => Math.Round(Baseline - (decimal)PlotHeight * value / Math.Max(1, max), 1);

    /// <summary>"x,y x,y …" for a polyline through the given (index, value) points.</summary>
    public string Polyline(IEnumerable<(int Index, decimal Value)> points, int count, int max) =>
        string.Join(' ', points.Select(p => F(X(p.Index, count)) + "," + F(Y(p.Value, max))));

    /// <summary>A few round values for the y axis, from 0 to at least <paramref name="max"/>.</summary>
    public static IReadOnlyList<int> Ticks(int max)
    {
        var step = max switch { <= 5 => 1, <= 10 => 2, <= 25 => 5, <= 50 => 10, <= 100 => 20, <= 250 => 50, _ => 100 };
        var ticks = new List<int>();
        for (var v = 0; v < max + step; v += step)
        {
            ticks.Add(v);
        }

        return ticks;
    }

    public static string F(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
