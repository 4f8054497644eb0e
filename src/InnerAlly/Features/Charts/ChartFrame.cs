using System.Text;
using System.Text.Encodings.Web;

namespace InnerAlly.Features.Charts;

/// <summary>
/// What every server-drawn chart shares: its size and margins, the opening tag that names the picture
/// for screen readers (title and description), where evenly spaced points sit across it, and the 0-10
/// grid and date labels of the line charts.
/// </summary>
/// <param name="Width">The picture's width, in its own units (the view box).</param>
/// <param name="Height">The picture's height.</param>
/// <param name="Left">Room left of the plot, for the value labels.</param>
/// <param name="Right">Room right of the plot.</param>
/// <param name="Top">Room above the plot.</param>
/// <param name="Bottom">Room below the plot, for the date labels.</param>
public sealed record ChartFrame(double Width, double Height, double Left, double Right, double Top, double Bottom)
{
    /// <summary>Sized for a phone first: the text stays readable when the picture is 300 pixels wide.</summary>
    public const double PhoneWidth = 320;

    /// <summary>Where the i-th of <paramref name="count"/> evenly spaced points sits; a single point in the middle.</summary>
    public double X(int i, int count) =>
        count <= 1 ? Left + ((Width - Left - Right) / 2) : Left + (i * (Width - Left - Right) / (count - 1));

    /// <summary>Opens the picture, labelled by its <c>{id}-title</c> and <c>{id}-desc</c>.</summary>
    public void Open(StringBuilder sb, string cssClass, string id, string title, string description)
    {
        var enc = HtmlEncoder.Default;
        sb.Append(CultureInfo.InvariantCulture,
            $"""<svg class="{cssClass}" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{enc.Encode(id)}-title {enc.Encode(id)}-desc" xmlns="http://www.w3.org/2000/svg">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<title id="{enc.Encode(id)}-title">{enc.Encode(title)}</title>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<desc id="{enc.Encode(id)}-desc">{enc.Encode(description)}</desc>""");
    }

    /// <summary>
    /// A faint line across the plot at each level (the grid), then the levels' numbers beside it in an axis
    /// group the caller closes, after any labels of its own.
    /// </summary>
    public void AppendLevels(StringBuilder sb, int[] levels, Func<double, double> y)
    {
        sb.Append("""<g class="grid">""");
        foreach (var level in levels)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" x2="{Width - Right}" y1="{y(level):0.#}" y2="{y(level):0.#}"/>""");
        }

        sb.Append("""</g><g class="axis">""");
        foreach (var level in levels)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 6}" y="{y(level) + 4:0.#}" text-anchor="end">{level}</text>""");
        }
    }

    /// <summary>The first, middle and last days under the plot, on the baseline <paramref name="y"/>.</summary>
    public void AppendDays(StringBuilder sb, IReadOnlyList<DateOnly> days, double y)
    {
        var count = days.Count;
        foreach (var i in new[] { 0, (count - 1) / 2, count - 1 }.Distinct())
        {
            var anchor = i == 0 ? "start" : i == count - 1 ? "end" : "middle";
            sb.Append(CultureInfo.InvariantCulture,
                $"""<text x="{X(i, count):0.#}" y="{y}" text-anchor="{anchor}">{days[i].ToString("d MMM", CultureInfo.InvariantCulture)}</text>""");
        }
    }
}
