using System;
using System.Collections.Immutable;
using System.Linq;

namespace CreateImageSdk.Analyzers
{
    /// <summary>What one model demands of one parameter: the data of one <c>[ModelRule]</c> attribute.</summary>
    internal sealed class ParameterRule
    {
        public ParameterRule(string parameter, ImmutableArray<string>? allowedValues, bool forbidden, long minimum, long maximum, int maxLength, FreeSizeRule? freeSize, int minItems = -1, int maxItems = -1)
        {
            MinItems = minItems;
            MaxItems = maxItems;
            Parameter = parameter;
            AllowedValues = allowedValues;
            Forbidden = forbidden;
            Minimum = minimum;
            Maximum = maximum;
            MaxLength = maxLength;
            FreeSize = freeSize;
        }

        /// <summary>The parameter's wire name.</summary>
        public string Parameter { get; }

        /// <summary>The wire values accepted; null when the rule does not list them.</summary>
        public ImmutableArray<string>? AllowedValues { get; }

        public bool Forbidden { get; }

        /// <summary><see cref="long.MinValue"/> when unrestricted (the attribute's default).</summary>
        public long Minimum { get; }

        /// <summary><see cref="long.MaxValue"/> when unrestricted (the attribute's default).</summary>
        public long Maximum { get; }

        /// <summary>-1 when unrestricted (the attribute's default).</summary>
        public int MaxLength { get; }

        /// <summary>Free sizes accepted beside <see cref="AllowedValues"/>; null when there are none.</summary>
        public FreeSizeRule? FreeSize { get; }

        /// <summary>For a list: the fewest items; -1 when unrestricted.</summary>
        public int MinItems { get; }

        /// <summary>For a list: the most items; -1 when unrestricted.</summary>
        public int MaxItems { get; }

        public bool Accepts(string wireValue) =>
            !Forbidden &&
            (AllowedValues is null || AllowedValues.Value.Contains(wireValue, StringComparer.Ordinal) || (FreeSize?.Accepts(wireValue) ?? false));

        /// <summary>The accepted values in words, for CIA001's message.</summary>
        public string DescribeAllowed()
        {
            var listed = string.Join(", ", AllowedValues ?? ImmutableArray<string>.Empty);
            if (FreeSize is null) return listed;
            return listed.Length == 0 ? FreeSize.Describe() : listed + ", or " + FreeSize.Describe();
        }
    }
}
