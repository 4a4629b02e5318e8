using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CreateImageSdk.Validation;

namespace CreateImageSdk.Extensibility
{
    /// <summary>
    /// Reports violations for a rule added with <see cref="ImageRequestRules.Add{TRequest}"/>, in the same words as the
    /// SDK's own checks ("quality \"xhigh\" is not allowed when model is …; allowed values: …"). Values are passed as
    /// their wire text; a null value is "not set" and breaks no rule but a required one.
    /// </summary>
    public sealed class ImageRuleChecker
    {
        private readonly ViolationCollector _violations;

        internal ImageRuleChecker(ViolationCollector violations) => _violations = violations;

        /// <summary>The value must be one of <paramref name="allowed"/>.</summary>
        /// <param name="parameter">The parameter's wire name.</param>
        /// <param name="value">Its wire text, or null when not set.</param>
        /// <param name="allowed">The values allowed.</param>
        /// <param name="condition">When the rule applies, in words (<c>model is gpt-image-2.5-flare</c>); null when always.</param>
        public void OneOf(string parameter, string? value, IEnumerable<string> allowed, string? condition) =>
            _violations.OneOf(parameter, value, (allowed ?? throw new ArgumentNullException(nameof(allowed))).ToArray(), condition);

        /// <summary>The value must be one of <paramref name="allowed"/>, or a <c>WIDTHxHEIGHT</c> size within the given free-size rule.</summary>
        /// <param name="parameter">The parameter's wire name.</param>
        /// <param name="value">Its wire text, or null when not set.</param>
        /// <param name="allowed">The listed values allowed.</param>
        /// <param name="multipleOf">Both sides must be multiples of this.</param>
        /// <param name="maxLongEdge">The longest side's most pixels.</param>
        /// <param name="maxAspectRatio">The longer side at most this many times the shorter.</param>
        /// <param name="minPixels">The fewest pixels.</param>
        /// <param name="maxPixels">The most pixels.</param>
        /// <param name="condition">When the rule applies, in words; null when always.</param>
        public void OneOfOrSize(string parameter, string? value, IEnumerable<string> allowed, int multipleOf, int maxLongEdge, int maxAspectRatio, long minPixels, long maxPixels, string? condition) =>
            _violations.OneOfOrSize(parameter, value, (allowed ?? throw new ArgumentNullException(nameof(allowed))).ToArray(), multipleOf, maxLongEdge, maxAspectRatio, minPixels, maxPixels, condition);

        /// <summary>The parameter must not be set.</summary>
        /// <param name="parameter">The parameter's wire name.</param>
        /// <param name="value">Its wire text, or null when not set.</param>
        /// <param name="condition">When the rule applies, in words.</param>
        public void Forbidden(string parameter, string? value, string condition) => _violations.Forbidden(parameter, value, condition);

        /// <summary>The parameter must be set.</summary>
        /// <param name="parameter">The parameter's wire name.</param>
        /// <param name="value">Its wire text, or null when not set.</param>
        /// <param name="condition">When the rule applies, in words; null when always.</param>
        public void Required(string parameter, string? value, string? condition)
        {
            if (condition is null) _violations.Required(parameter, value);
            else _violations.RequiredWhen(parameter, value, condition);
        }

        /// <summary>A whole number within <paramref name="minimum"/>..<paramref name="maximum"/> (either may be null).</summary>
        /// <param name="parameter">The parameter's wire name.</param>
        /// <param name="value">The number, or null when not set.</param>
        /// <param name="minimum">The least allowed, or null.</param>
        /// <param name="maximum">The most allowed, or null.</param>
        /// <param name="condition">When the rule applies, in words; null when always.</param>
        public void Range(string parameter, long? value, long? minimum, long? maximum, string? condition) => _violations.Range(parameter, value, minimum, maximum, condition);

        /// <summary>A number within <paramref name="minimum"/>..<paramref name="maximum"/> (either may be null).</summary>
        /// <param name="parameter">The parameter's wire name.</param>
        /// <param name="value">The number, or null when not set.</param>
        /// <param name="minimum">The least allowed, or null.</param>
        /// <param name="maximum">The most allowed, or null.</param>
        /// <param name="condition">When the rule applies, in words; null when always.</param>
        public void Range(string parameter, double? value, long? minimum, long? maximum, string? condition) => _violations.Range(parameter, value, minimum, maximum, condition);

        /// <summary>Text of at most <paramref name="maximum"/> characters (a surrogate pair counts as one).</summary>
        /// <param name="parameter">The parameter's wire name.</param>
        /// <param name="value">The text, or null when not set.</param>
        /// <param name="maximum">The most characters.</param>
        /// <param name="condition">When the rule applies, in words; null when always.</param>
        public void MaxLength(string parameter, string? value, int maximum, string? condition) => _violations.MaxLength(parameter, value, maximum, condition);

        /// <summary>Text that matches <paramref name="pattern"/>; <paramref name="meaning"/> says what that means, as the end of a sentence.</summary>
        /// <param name="parameter">The parameter's wire name.</param>
        /// <param name="value">The text, or null when not set.</param>
        /// <param name="pattern">The pattern.</param>
        /// <param name="meaning">What it means ("must contain a letter").</param>
        public void Matches(string parameter, string? value, Regex pattern, string meaning) => _violations.Matches(parameter, value, pattern ?? throw new ArgumentNullException(nameof(pattern)), meaning);
    }
}
