using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CreateImageSdk.Generator.Tests.SpecDrift
{
    /// <summary>
    /// <c>eng/spec-differences.txt</c>: each difference between <c>schemas/</c> and the official spec that is meant, one
    /// per line as <see cref="SpecComparer"/> prints it, then <c> | </c> and why. Lines starting with <c>#</c> are comments.
    /// </summary>
    internal sealed class DeliberateDifferences
    {
        private DeliberateDifferences(IReadOnlyDictionary<string, string> reasons, IReadOnlyList<string> problems)
        {
            Reasons = reasons;
            Problems = problems;
        }

        /// <summary>Each listed difference and its reason.</summary>
        public IReadOnlyDictionary<string, string> Reasons { get; }

        /// <summary>Lines that are not a difference with a reason, or list one twice.</summary>
        public IReadOnlyList<string> Problems { get; }

        public static DeliberateDifferences Load(string path)
        {
            var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
            var problems = new List<string>();
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal)) continue;
                var bar = line.IndexOf(" | ", StringComparison.Ordinal);
                var difference = bar < 0 ? line.Trim() : line.Substring(0, bar).Trim();
                var reason = bar < 0 ? "" : line.Substring(bar + 3).Trim();
                if (reason.Length == 0) problems.Add($"line {number}: \"{difference}\" gives no reason (write \" | \" and why)");
                else if (!reasons.TryAdd(difference, reason)) problems.Add($"line {number}: \"{difference}\" is listed twice");
            }
            return new DeliberateDifferences(reasons, problems);
        }

        /// <summary>The found differences nobody listed, and the listed ones no longer found.</summary>
        public (IReadOnlyList<string> Unlisted, IReadOnlyList<string> Stale) Check(IEnumerable<string> found)
        {
            var foundSet = new HashSet<string>(found, StringComparer.Ordinal);
            return (foundSet.Where(d => !Reasons.ContainsKey(d)).OrderBy(d => d, StringComparer.Ordinal).ToList(),
                    Reasons.Keys.Where(d => !foundSet.Contains(d)).OrderBy(d => d, StringComparer.Ordinal).ToList());
        }
    }
}
