namespace CreateImageSdk.Validation
{
    /// <summary>
    /// The dated-snapshot rule of model ids (<c>gpt-image-2-2026-09-01</c> is a snapshot of <c>gpt-image-2</c>). One
    /// implementation, compiled into the runtime (<c>ImageModel.RulesOf</c>), the generator (a snapshot with its base's
    /// rules shares the base's builder) and the analyzer (a snapshot is checked as its base), so they cannot disagree.
    /// </summary>
    internal static class DatedSnapshot
    {
        /// <summary>The id before a trailing <c>-YYYY-MM-DD</c>, or null when <paramref name="id"/> has none.</summary>
        public static string? BaseOf(string id)
        {
            var dash = id.Length - 11;
            if (dash < 1 || id[dash] != '-' || id[dash + 5] != '-' || id[dash + 8] != '-') return null;
            for (var i = dash + 1; i < id.Length; i++)
            {
                if (i != dash + 5 && i != dash + 8 && (id[i] < '0' || id[i] > '9')) return null;
            }

            return id.Substring(0, dash);
        }
    }
}
