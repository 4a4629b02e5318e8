using System.Collections.Generic;

namespace CreateImageSdk
{
    /// <summary>One rule a request breaks: which parameter, the value given, and what would be accepted.</summary>
    public sealed class ImageRequestViolation
    {
        internal ImageRequestViolation(string parameter, string? value, IReadOnlyList<string> allowedValues, string? condition, string message)
        {
            Parameter = parameter;
            Value = value;
            AllowedValues = allowedValues;
            Condition = condition;
            Message = message;
        }

        /// <summary>The parameter's JSON name, e.g. <c>size</c>.</summary>
        public string Parameter { get; }

        /// <summary>The value given, as it would be sent; null when the parameter was missing.</summary>
        public string? Value { get; }

        /// <summary>The accepted values, when the rule is a list of them; otherwise empty.</summary>
        public IReadOnlyList<string> AllowedValues { get; }

        /// <summary>When the rule applies, e.g. <c>model is dall-e-3</c>; null for rules that hold for every model.</summary>
        public string? Condition { get; }

        /// <summary>A sentence that says all of the above.</summary>
        public string Message { get; }

        /// <inheritdoc/>
        public override string ToString() => Message;
    }
}
