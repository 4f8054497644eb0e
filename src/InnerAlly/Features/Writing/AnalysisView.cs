using System.Text;
using System.Text.Encodings.Web;
using InnerAlly.Language;
using Microsoft.AspNetCore.Html;

namespace InnerAlly.Features.Writing;

/// <summary>What the language engine noticed in the critic's words, ready for Features/Writing/_Analysis.cshtml.</summary>
/// <param name="Text">The words that were read.</param>
/// <param name="Analysis">Null when the engine could not run.</param>
public sealed record AnalysisView(string Text, TextAnalysis? Analysis)
{
    /// <summary>The text with each self-critical sentence in a &lt;mark&gt;, everything encoded.</summary>
    public IHtmlContent Marked()
    {
        var enc = HtmlEncoder.Default;
        var sb = new StringBuilder();
        var at = 0;
        foreach (var s in (Analysis?.SelfCriticism.Sentences ?? []).Where(s => s.Start >= 0 && s.Start + s.Length <= Text.Length).OrderBy(s => s.Start))
        {
            if (s.Start < at)
            {
                continue;
            }

            sb.Append(enc.Encode(Text[at..s.Start]));
            sb.Append("<mark>").Append(enc.Encode(Text.Substring(s.Start, s.Length))).Append("</mark>");
            at = s.Start + s.Length;
        }

        sb.Append(enc.Encode(Text[at..]));
        return new HtmlString(sb.ToString());
    }
}
