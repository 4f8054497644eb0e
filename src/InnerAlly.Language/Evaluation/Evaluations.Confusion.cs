using System.Globalization;
using System.Text;

namespace InnerAlly.Language.Evaluation;

public static partial class Evaluations
{
    /// <summary>Rows are what was expected, columns what the engine said.</summary>
    public sealed class Confusion(IReadOnlyList<string> labels)
    {
        public IReadOnlyList<string> Labels => labels;

        public int[,] Counts { get; } = new int[labels.Count, labels.Count];

        public void Add(string expected, string got) => Counts[IndexOf(expected), IndexOf(got)]++;

        private int IndexOf(string label)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                if (labels[i] == label)
                {
                    return i;
                }
            }

            throw new ArgumentException($"Unknown label {label}.", nameof(label));
        }

        public string ToMarkdown(Func<string, string>? shortName = null)
        {
            shortName ??= s => s;
            var sb = new StringBuilder();
            sb.Append("| expected \\ said | ").AppendJoin(" | ", labels.Select(shortName)).AppendLine(" |");
            sb.Append("|---|").AppendJoin(string.Empty, labels.Select(_ => "---:|")).AppendLine();
            for (var r = 0; r < labels.Count; r++)
            {
                sb.Append("| ").Append(shortName(labels[r])).Append(" | ");
                sb.AppendJoin(" | ", Enumerable.Range(0, labels.Count).Select(c => Counts[r, c].ToString(CultureInfo.InvariantCulture)));
                sb.AppendLine(" |");
            }

            return sb.ToString();
        }
    }
}
