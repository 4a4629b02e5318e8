using System;
using System.Collections.Generic;
using System.Globalization;

namespace CreateImageSdk.Validation
{
    /// <summary>
    /// The checks the generated <c>Validate</c> methods call, one per kind of schema constraint. Values arrive
    /// as their wire text, so messages show exactly what would have been sent.
    /// </summary>
    internal sealed class ViolationCollector
    {
        private static readonly string[] None = Array.Empty<string>();
        private List<ImageRequestViolation>? _violations;

        public static void ThrowIfInvalid(object? request, IReadOnlyList<ImageRequestViolation>? violations)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (violations is { Count: > 0 }) throw new ImageRequestValidationException(violations);
        }

        public IReadOnlyList<ImageRequestViolation> ToList() => (IReadOnlyList<ImageRequestViolation>?)_violations ?? Array.Empty<ImageRequestViolation>();

        public void Required(string parameter, string? value)
        {
            if (value is null) Add(parameter, null, None, null, "is required");
        }

        public void RequiredWhen(string parameter, string? value, string condition)
        {
            if (value is null) Add(parameter, null, None, condition, "is required");
        }

        public void NotEmpty(string parameter, string? value)
        {
            if (value is { Length: 0 }) Add(parameter, value, None, null, "must not be empty");
        }

        public void MinLength(string parameter, string? value, int minimum, string? condition)
        {
            if (value != null && Length(value) < minimum)
            {
                Add(parameter, Shorten(value), None, condition, minimum == 1 ? "must not be empty" : "must have at least " + Format(minimum) + " characters");
            }
        }

        /// <summary>A string that must match a schema <c>pattern</c>; <paramref name="meaning"/> says what that means in words.</summary>
        public void Matches(string parameter, string? value, System.Text.RegularExpressions.Regex pattern, string meaning)
        {
            // An empty value already broke minLength or required: one message per parameter is enough.
            if (value != null && !Reported(parameter) && !pattern.IsMatch(value)) Add(parameter, Shorten(value), None, null, meaning);
        }

        /// <summary>A closed enum holding a value that is not one of its members (<c>(ImageQuality)42</c>): it has no wire form.</summary>
        public void Defined(string parameter, int? value, string? wire, string typeName, string[] allowed)
        {
            if (value is { } number && wire is null)
            {
                Add(parameter, Format(number), allowed, null, "is not a defined " + typeName + " value", "allowed values: " + string.Join(", ", allowed));
            }
        }

        /// <summary>Additional properties may not use the name of one of the request's own parameters.</summary>
        public void NotKnown(System.Collections.Generic.IReadOnlyDictionary<string, System.Text.Json.JsonElement>? additional, string[] knownNames)
        {
            if (additional is null) return;
            foreach (var name in additional.Keys)
            {
                if (Array.IndexOf(knownNames, name) >= 0) Add(name, null, None, null, "is set as an additional property", "it is a parameter of this request: set it with its own property");
            }
        }

        public void MaxLength(string parameter, string? value, int maximum, string? condition)
        {
            if (value != null && Length(value) > maximum)
            {
                Add(parameter, Shorten(value), None, condition, "is too long", Format(Length(value)) + " characters, at most " + Format(maximum) + " allowed");
            }
        }

        public void Range(string parameter, long? value, long? minimum, long? maximum, string? condition)
        {
            if (value is { } number && ((minimum.HasValue && number < minimum) || (maximum.HasValue && number > maximum)))
            {
                AddRange(parameter, Format(number), minimum, maximum, condition);
            }
        }

        public void Range(string parameter, double? value, long? minimum, long? maximum, string? condition)
        {
            if (value is { } number && ((minimum.HasValue && number < minimum) || (maximum.HasValue && number > maximum)))
            {
                AddRange(parameter, number.ToString("R", CultureInfo.InvariantCulture), minimum, maximum, condition);
            }
        }

        /// <summary>One of a rule's <paramref name="allowed"/> values.</summary>
        /// <param name="parameter">The wire name.</param>
        /// <param name="value">The wire text given, or null when unset.</param>
        /// <param name="allowed">The values the rule lists.</param>
        /// <param name="condition">When the rule applies, in words.</param>
        /// <param name="unknownFor">
        /// The model, when the rule is that model's and <paramref name="value"/> is one this SDK does not know
        /// (<c>ImageQuality.Custom("xhigh")</c>): the message then says how to send it without the model's checks.
        /// </param>
        public void OneOf(string parameter, string? value, string[] allowed, string? condition, string? unknownFor = null)
        {
            // An empty value (default of an open value type) is already reported by NotEmpty.
            if (value is null || value.Length == 0 || Array.IndexOf(allowed, value) >= 0) return;
            Add(parameter, value, allowed, condition, "is not allowed", "allowed values: " + string.Join(", ", allowed) + Unchecked(value, unknownFor));
        }

        /// <summary>One of <paramref name="allowed"/>, or a free <c>WIDTHxHEIGHT</c> within the <c>x-image-dimensions</c> rule.</summary>
        public void OneOfOrSize(string parameter, string? value, string[] allowed, int multipleOf, int maxLongEdge, int maxAspectRatio, long minPixels, long maxPixels, string? condition, string? unknownFor = null)
        {
            if (value is null || Array.IndexOf(allowed, value) >= 0) return;
            var rule = ImageDimensionRules.Describe(multipleOf, maxLongEdge, maxAspectRatio, minPixels, maxPixels);
            if (!ImageDimensionRules.TryParse(value, out var width, out var height))
            {
                Add(parameter, value, allowed, condition, "is not allowed", "allowed values: " + string.Join(", ", allowed) + ", or " + rule + Unchecked(value, unknownFor));
                return;
            }

            var problem = ImageDimensionRules.Problem(width, height, multipleOf, maxLongEdge, maxAspectRatio, minPixels, maxPixels);
            if (problem != null) Add(parameter, value, allowed, condition, "is not a valid size", problem + "; allowed: " + string.Join(", ", allowed) + ", or " + rule + Unchecked(value, unknownFor));
        }

        /// <summary>How to send a value this SDK does not know past a model's list: the model named as unchecked.</summary>
        private static string Unchecked(string value, string? model) =>
            // A WIDTHxHEIGHT is a form the rules judge (free sizes), not a value this SDK does not know.
            model is null || ImageDimensionRules.TryParse(value, out _, out _)
                ? string.Empty
                : "; \"" + value + "\" is not a value this version of the SDK knows, so the model's list may be out of date: to send it anyway, name the model with ImageModel.Unchecked(\"" + model +
                  "\") (create-image: --unchecked), which only the rules every model shares check";

        /// <summary>A list's length: <paramref name="count"/> is null when the list was not given (Required reports that).</summary>
        public void Items(string parameter, int? count, long? minimum, long? maximum, string? condition)
        {
            if (count is null) return;
            if (count < minimum)
            {
                Add(parameter, null, None, condition, "has " + Items(count.Value), "give at least " + Items(minimum.Value));
            }
            else if (count > maximum)
            {
                Add(parameter, null, None, condition, "has " + Items(count.Value), "give at most " + Items(maximum.Value));
            }
        }

        /// <summary>Each uploaded image's format, file size and shape.</summary>
        public void Images(string parameter, IReadOnlyList<ImageInput>? images, string[]? mediaTypes, long? maxBytes, bool square, string? condition)
        {
            if (images is null) return;
            for (var i = 0; i < images.Count; i++)
            {
                var image = images[i];
                if (image is null)
                {
                    Add(parameter, null, None, condition, "holds a null image at index " + Format(i));
                    continue;
                }

                if (mediaTypes != null && Array.IndexOf(mediaTypes, image.MediaType) < 0)
                {
                    Add(parameter, image.FileName, mediaTypes, condition, "is " + image.MediaType, "use " + string.Join(" or ", mediaTypes));
                }

                if (maxBytes.HasValue && image.Length > maxBytes)
                {
                    Add(parameter, image.FileName, None, condition, "is " + Bytes(image.Length.Value), "at most " + Bytes(maxBytes.Value) + " is accepted");
                }

                if (square && image.Width.HasValue && image.Width != image.Height)
                {
                    Add(parameter, image.FileName, None, condition, "is " + Format(image.Width.Value) + "x" + Format(image.Height!.Value), "a square image is required");
                }
            }
        }

        /// <summary>A mask must be the size of the image it applies to (when both sizes are known: PNG headers).</summary>
        public void SameSize(string parameter, ImageInput? image, string otherParameter, ImageInput? other)
        {
            if (image?.Width is null || other?.Width is null) return;
            if (image.Width != other.Width || image.Height != other.Height)
            {
                Add(parameter, image.FileName, None, null, "is " + Format(image.Width.Value) + "x" + Format(image.Height!.Value),
                    "it must have the size of the first " + otherParameter + " (" + Format(other.Width.Value) + "x" + Format(other.Height!.Value) + ")");
            }
        }

        private static string Items(long count) => count == 1 ? "1 item" : Format(count) + " items";

        private static string Bytes(long bytes) =>
            bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? Format(bytes / (1024 * 1024)) + " MB"
            : bytes >= 1024 * 1024 ? (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
            : Format(bytes) + " bytes";

        public static void ThrowIfStreaming(bool streaming, string streamingMethod)
        {
            if (streaming)
            {
                throw new ArgumentException("The request asks for a streamed response (stream: true); read it with " + streamingMethod + ", which yields the events.", "request");
            }
        }

        /// <summary>A model the operation does not take at all (dall-e-3 for edits).</summary>
        public void NotAccepted(string parameter, string? value, string operation, string[] accepted)
        {
            if (value != null) Add(parameter, value, accepted, null, "is not accepted by " + operation, "use " + string.Join(", ", accepted));
        }

        public void Forbidden(string parameter, string? value, string condition)
        {
            if (value != null) Add(parameter, value, None, condition, "is not supported", "leave it unset");
        }

        private bool Reported(string parameter) => _violations?.Exists(v => v.Parameter == parameter) == true;

        private void AddRange(string parameter, string shown, long? minimum, long? maximum, string? condition)
        {
            var range = minimum.HasValue && maximum.HasValue
                ? (minimum == maximum ? "must be " + Format(minimum.Value) : "must be between " + Format(minimum.Value) + " and " + Format(maximum.Value))
                : minimum.HasValue ? "must be at least " + Format(minimum.Value) : "must be at most " + Format(maximum!.Value);
            Add(parameter, shown, None, condition, range);
        }

        /// <summary>Characters as a person counts them: a surrogate pair (an emoji) is one.</summary>
        private static int Length(string value)
        {
            var length = value.Length;
            for (var i = 0; i < value.Length - 1; i++)
            {
                if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1])) length--;
            }

            return length;
        }

        private static string Shorten(string value) => value.Length <= 40 ? value : value.Substring(0, 37) + "...";

        private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

        private void Add(string parameter, string? value, IReadOnlyList<string> allowed, string? condition, string problem, string? detail = null)
        {
            var shown = value is null ? string.Empty : " \"" + value + "\"";
            var when = condition is null ? string.Empty : " when " + condition;
            var message = parameter + shown + " " + problem + when + (detail is null ? string.Empty : "; " + detail) + ".";
            (_violations ??= new List<ImageRequestViolation>()).Add(new ImageRequestViolation(parameter, value, allowed, condition, message));
        }
    }
}
