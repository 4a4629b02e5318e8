using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CreateImageSdk.Cli.Pricing
{
    /// <summary>
    /// What a table will cost before it is sent (<c>--dry-run</c>): per model, the official output tokens of each image
    /// (by quality and size) and the prompt's input tokens (estimated at four characters a token), at the dated prices,
    /// live and through the Batch API. What is known and what is estimated is said in the lines it prints.
    /// </summary>
    internal static class CostEstimate
    {
        private const int CharactersPerToken = 4;

        public static IReadOnlyList<string> Describe(IReadOnlyList<PreparedRequest> requests, PriceList prices, bool viaBatchApi)
        {
            var lines = new List<string> { "Estimated cost (prices as of " + prices.AsOf + ", " + prices.Source + "):" };
            decimal live = 0;
            var unpriced = 0;
            var assumedQuality = false;
            var assumedSize = false;
            foreach (var model in requests.GroupBy(r => r.ModelId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var rows = model.ToList();
                var images = rows.Sum(r => r.Images);
                var price = prices.PriceOf(model.Key, rows[0].RulesOf);
                long output = 0;
                var missing = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var row in rows)
                {
                    assumedQuality |= row.Quality is null or "auto";
                    assumedSize |= row.Size is null or "auto";
                    var quality = row.Quality is null or "auto" ? "medium" : row.Quality;
                    var size = row.Size is null or "auto" ? "1024x1024" : row.Size;
                    if (prices.OutputTokens(row.ModelId, row.RulesOf, quality, size) is { } perImage) output += (long)perImage * row.Images;
                    else missing.Add(quality + " " + size);
                }

                var input = rows.Sum(r => (long)Math.Ceiling(r.PromptLength / (double)CharactersPerToken));
                var head = "  " + model.Key + ": " + rows.Count + " row(s), " + images + " image(s)";
                if (price is null)
                {
                    unpriced += rows.Count;
                    lines.Add(head + ": no price is known for this model; add it under \"prices\" in --settings to estimate it.");
                    continue;
                }

                if (missing.Count > 0)
                {
                    unpriced += rows.Count;
                    lines.Add(head + ": no official output-token count for " + string.Join(", ", missing) + "; add it under \"output_tokens\" in --settings to estimate it.");
                    continue;
                }

                var cost = ((input * price.TextInput) + (output * price.ImageOutput)) / 1_000_000m;
                live += cost;
                lines.Add(head + ", " + output.ToString("N0", CultureInfo.InvariantCulture) + " output tokens, about " + input.ToString("N0", CultureInfo.InvariantCulture) +
                          " input tokens: " + Dollars(cost) + " live, " + Dollars(cost * prices.BatchFactor) + " through the Batch API.");
            }

            lines.Add("  Total: " + Dollars(live) + " live, " + Dollars(live * prices.BatchFactor) + " through the Batch API" + (viaBatchApi ? " (this run: --via batch-api)" : string.Empty) +
                      (unpriced > 0 ? "; " + unpriced + " row(s) not estimated." : "."));
            var notes = "Known: the output tokens of each image (the official counts per quality and size) and the prices of the dated list. Estimated: input tokens (prompt length / " + CharactersPerToken + ")";
            if (requests.Any(r => r.IsEdit)) notes += ", not counting the input images of edits";
            if (assumedQuality) notes += ", quality auto as medium";
            if (assumedSize) notes += ", size auto as 1024x1024";
            lines.Add("  " + notes + ". The results table records each row's real tokens and cost.");
            return lines;
        }

        public static string Dollars(decimal amount) => "$" + amount.ToString(amount < 1 ? "0.0000" : "#,0.00", CultureInfo.InvariantCulture);
    }
}
