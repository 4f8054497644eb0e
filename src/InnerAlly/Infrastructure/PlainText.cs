using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace InnerAlly.Infrastructure;

/// <summary>
/// What a person types is text: tabs and line breaks, never NUL or other control characters,
/// which can cut a value short in another program or hide words from a reader. Every string the
/// API reads and every string a page binds is held to that. Short labels (tags, passkey names)
/// also refuse the bidirectional controls that can make a label read backwards; in long texts
/// those are kept as written (a person writing Arabic or Hebrew may use them) and the pages show
/// each text isolated (dir="auto"), so nothing in it can reorder the page around it.
/// </summary>
public static class PlainText
{
    public const string ControlMessage = "This text has a control character in it (such as NUL) that cannot be kept. Remove it and try again; nothing else was changed.";

    public const string LabelMessage = "This label has a hidden direction mark in it that can make it read backwards. Remove it and try again.";

    /// <summary>C0 controls other than tab, line feed and carriage return; DEL; and the C1 controls.</summary>
    public static bool HasControl(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007F' and <= '\u009F')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bidirectional embeddings, overrides, isolates and marks (U+061C, U+200E-F, U+202A-E, U+2066-9).</summary>
    public static bool HasBidiControl(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What is wrong with a short label, in words for the person, or null.</summary>
    public static string? LabelProblem(string? label) =>
        label is null ? null
        : HasControl(label) ? ControlMessage
        : HasBidiControl(label) ? LabelMessage
        : null;

    /// <summary>Refuses control characters in every string a JSON body carries, naming the field (ProblemExceptionHandler).</summary>
    public sealed class JsonConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return value is not null && HasControl(value) ? throw new JsonException(ControlMessage) : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>Binds a page's string as usual, and marks the field invalid when it holds a control character.</summary>
    public sealed class ModelBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(string)
                ? new Binder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
                : null;

        /// <summary>Puts the provider just before the one that binds simple values, so header and body binding are left alone.</summary>
        public static void AddTo(IList<IModelBinderProvider> providers)
        {
            var simple = providers.Select((p, i) => (p, i)).First(x => x.p is SimpleTypeModelBinderProvider).i;
            providers.Insert(simple, new ModelBinderProvider());
        }
    }

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string value } && HasControl(value))
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, ControlMessage);
            }
        }
    }
}
