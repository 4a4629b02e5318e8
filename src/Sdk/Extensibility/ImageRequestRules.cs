using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using CreateImageSdk.Validation;

namespace CreateImageSdk.Extensibility
{
    /// <summary>
    /// Rules a request type's <c>Validate()</c> checks beyond its own schema's: the seam through which code generated from
    /// an overlay schema in another assembly (<c>*.overlay.json</c>, see the README) adds the rules of the models and
    /// parameters it declares. Every path that sends a request validates it, so a rule added here is checked before
    /// anything is sent, with the same <see cref="ImageRequestValidationException"/>. Rules are added once per process
    /// (generated code does it from a module initializer) and cannot be removed.
    /// </summary>
    public static class ImageRequestRules
    {
        /// <summary>Adds a rule that <typeparamref name="TRequest"/>'s <c>Validate()</c> runs after the schema's own.</summary>
        /// <typeparam name="TRequest">The request type (<see cref="CreateImageRequest"/>, <see cref="EditImageRequest"/>, …).</typeparam>
        /// <param name="rule">Reports each violation through the <see cref="ImageRuleChecker"/> it is given; it must not throw.</param>
        /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
        public static void Add<TRequest>(Action<TRequest, ImageRuleChecker> rule)
            where TRequest : class
        {
            if (rule is null) throw new ArgumentNullException(nameof(rule));
            Registry<TRequest>.Add(rule);
        }

        /// <summary>
        /// The wire text of an additional member (a parameter an overlay declares, sent in <c>AdditionalProperties</c>): a
        /// JSON string's text, a number or a boolean as written; null when it is absent or JSON null.
        /// </summary>
        /// <param name="additional">The request's <c>AdditionalProperties</c>.</param>
        /// <param name="name">The member's wire name.</param>
        /// <returns>The text, or null.</returns>
        public static string? AdditionalText(IReadOnlyDictionary<string, JsonElement>? additional, string name)
        {
            if (additional is null || !additional.TryGetValue(name, out var element)) return null;
            return element.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => element.GetString(),
                _ => element.GetRawText(),
            };
        }

        /// <summary>An additional member as a whole number, for range rules; null when absent or not a whole number.</summary>
        /// <param name="additional">The request's <c>AdditionalProperties</c>.</param>
        /// <param name="name">The member's wire name.</param>
        /// <returns>The number, or null.</returns>
        public static long? AdditionalInteger(IReadOnlyDictionary<string, JsonElement>? additional, string name) =>
            additional != null && additional.TryGetValue(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) ? value : null;

        /// <summary>An additional member as a number, for range rules; null when absent or not a number.</summary>
        /// <param name="additional">The request's <c>AdditionalProperties</c>.</param>
        /// <param name="name">The member's wire name.</param>
        /// <returns>The number, or null.</returns>
        public static double? AdditionalNumber(IReadOnlyDictionary<string, JsonElement>? additional, string name) =>
            additional != null && additional.TryGetValue(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) ? value : null;

        /// <summary>Runs the added rules of <typeparamref name="TRequest"/>; called by the generated <c>Validate()</c>.</summary>
        internal static void Check<TRequest>(TRequest request, ViolationCollector violations)
            where TRequest : class
        {
            var rules = Registry<TRequest>.Rules;
            if (rules.Length == 0) return;
            var checker = new ImageRuleChecker(violations);
            foreach (var rule in rules) rule(request, checker);
        }

        private static class Registry<TRequest>
            where TRequest : class
        {
            private static readonly object Gate = new object();

            // Copied on write: Validate() reads it without a lock, and rules are added once at start-up.
            public static volatile Action<TRequest, ImageRuleChecker>[] Rules = Array.Empty<Action<TRequest, ImageRuleChecker>>();

            public static void Add(Action<TRequest, ImageRuleChecker> rule)
            {
                lock (Gate)
                {
                    var next = new Action<TRequest, ImageRuleChecker>[Rules.Length + 1];
                    Array.Copy(Rules, next, Rules.Length);
                    next[Rules.Length] = rule;
                    Rules = next;
                }
            }
        }
    }
}
