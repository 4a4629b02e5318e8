using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace CreateImageSdk.Cli.Pricing
{
    /// <summary>A model's prices in US dollars per million tokens.</summary>
    internal sealed record ModelPrice(decimal TextInput, decimal ImageInput, decimal ImageOutput);

    /// <summary>
    /// The prices and output-token counts cost is reckoned with: <c>image-prices.json</c> (dated, with its sources), shipped
    /// inside the tool, then anything under <c>prices</c> and <c>output_tokens</c> in <c>--settings</c> on top.
    /// </summary>
    internal sealed class PriceList
    {
        private readonly Dictionary<string, ModelPrice> _prices = new Dictionary<string, ModelPrice>(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, Dictionary<string, int>>> _outputTokens = new Dictionary<string, Dictionary<string, Dictionary<string, int>>>(StringComparer.Ordinal);

        private PriceList()
        {
        }

        /// <summary>When the shipped prices were read from their sources.</summary>
        public string AsOf { get; private set; } = string.Empty;

        /// <summary>Where they come from.</summary>
        public string Source { get; private set; } = string.Empty;

        /// <summary>The share of the live price the Batch API charges (0.5).</summary>
        public decimal BatchFactor { get; private set; } = 0.5m;

        /// <summary>The shipped list with <paramref name="overrides"/> (the <c>--settings</c> file's root) on top.</summary>
        public static PriceList Load(JsonElement? overrides)
        {
            var list = new PriceList();
            using (var stream = typeof(PriceList).Assembly.GetManifestResourceStream("CreateImageSdk.Cli.Pricing.image-prices.json")
                                ?? throw new InvalidOperationException("The price list is missing from the tool."))
            using (var document = JsonDocument.Parse(stream))
            {
                list.AsOf = document.RootElement.GetProperty("as_of").GetString()!;
                list.Source = document.RootElement.GetProperty("source").GetString()!;
                list.BatchFactor = document.RootElement.GetProperty("batch_price_factor").GetDecimal();
                list.Read(document.RootElement, "the shipped price list");
            }

            if (overrides is { ValueKind: JsonValueKind.Object } settings) list.Read(settings, "--settings");
            return list;
        }

        /// <summary>The prices of a model (a dated snapshot has its base's, a model checked by another's rules falls back to that one's); null when none are known.</summary>
        public ModelPrice? PriceOf(string model, string? rulesOf) =>
            Lookup(_prices, model, rulesOf);

        /// <summary>The official output tokens of one image of <paramref name="quality"/> and <paramref name="size"/>; null when not listed.</summary>
        public int? OutputTokens(string model, string? rulesOf, string quality, string size) =>
            Lookup(_outputTokens, model, rulesOf) is { } byQuality && byQuality.TryGetValue(quality, out var bySize) && bySize.TryGetValue(size, out var tokens) ? tokens : null;

        /// <summary>What a response's usage cost, or null when the model's prices are not known or there is no usage.</summary>
        public decimal? Cost(string model, string? rulesOf, ImageUsage? usage, bool batch)
        {
            if (usage is null || PriceOf(model, rulesOf) is not { } price) return null;
            var imageInput = usage.InputTokensDetails?.ImageTokens ?? 0;
            var textInput = usage.InputTokensDetails?.TextTokens ?? usage.InputTokens - imageInput;
            var cost = ((textInput * price.TextInput) + (imageInput * price.ImageInput) + (usage.OutputTokens * price.ImageOutput)) / 1_000_000m;
            return batch ? cost * BatchFactor : cost;
        }

        private static T? Lookup<T>(Dictionary<string, T> table, string model, string? rulesOf)
            where T : class
        {
            if (table.TryGetValue(model, out var found)) return found;
            // gpt-image-1.5-2025-12-16 → gpt-image-1.5: a dated snapshot is priced as its base.
            if (model.Length > 11 && model[model.Length - 11] == '-' && DateTime.TryParseExact(model.Substring(model.Length - 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                && table.TryGetValue(model.Substring(0, model.Length - 11), out found)) return found;
            return rulesOf != null && table.TryGetValue(rulesOf, out found) ? found : null;
        }

        private void Read(JsonElement root, string where)
        {
            if (root.TryGetProperty("prices", out var prices))
            {
                foreach (var model in prices.EnumerateObject())
                {
                    _prices.TryGetValue(model.Name, out var old);
                    _prices[model.Name] = new ModelPrice(
                        Price(model.Value, "text_input", old?.TextInput, where, model.Name),
                        Price(model.Value, "image_input", old?.ImageInput, where, model.Name),
                        Price(model.Value, "image_output", old?.ImageOutput, where, model.Name));
                }
            }

            if (root.TryGetProperty("output_tokens", out var tokens))
            {
                foreach (var model in tokens.EnumerateObject())
                {
                    if (!_outputTokens.TryGetValue(model.Name, out var byQuality)) _outputTokens[model.Name] = byQuality = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
                    foreach (var quality in model.Value.EnumerateObject())
                    {
                        if (!byQuality.TryGetValue(quality.Name, out var bySize)) byQuality[quality.Name] = bySize = new Dictionary<string, int>(StringComparer.Ordinal);
                        foreach (var size in quality.Value.EnumerateObject())
                        {
                            if (size.Value.ValueKind != JsonValueKind.Number || !size.Value.TryGetInt32(out var count) || count < 0)
                            {
                                throw new FormatException(where + ": output_tokens." + model.Name + "." + quality.Name + "." + size.Name + " must be a whole number of tokens.");
                            }

                            bySize[size.Name] = count;
                        }
                    }
                }
            }
        }

        private static decimal Price(JsonElement model, string name, decimal? old, string where, string modelName)
        {
            if (model.ValueKind == JsonValueKind.Object && model.TryGetProperty(name, out var value))
            {
                if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var price) && price >= 0) return price;
                throw new FormatException(where + ": prices." + modelName + "." + name + " must be a number of dollars per million tokens.");
            }

            return old ?? throw new FormatException(where + ": prices." + modelName + " needs " + name + " (dollars per million tokens).");
        }
    }
}
