using System;

namespace CreateImageSdk.Rules
{
    /// <summary>
    /// What a model demands of one request parameter, emitted by the generator on each known model from the
    /// schema's if/then rules; on a request type, what every model demands (the schema's own ranges and lengths).
    /// The compile-time analyzer reads these from metadata, so the rules it enforces change with the schema and no
    /// model name is written into the analyzer. Public for generated code (an overlay's models, in another assembly,
    /// carry their rules so); not meant to be written by hand.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = true)]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class ModelRuleAttribute : Attribute
    {
        /// <summary>A rule for one parameter.</summary>
        /// <param name="parameter">The parameter's wire name.</param>
        public ModelRuleAttribute(string parameter) => Parameter = parameter;

        /// <summary>On a model declared outside the SDK (an overlay's): the request type whose operation the rule belongs to.</summary>
        public Type? Request { get; set; }

        /// <summary>The parameter's JSON name.</summary>
        public string Parameter { get; }

        /// <summary>The wire values the model accepts; null when the rule does not list them.</summary>
        public string[]? AllowedValues { get; set; }

        /// <summary>The model this rule is for; null when it holds for every model.</summary>
        public string? Model { get; set; }

        /// <summary>The model does not take the parameter at all.</summary>
        public bool Forbidden { get; set; }

        /// <summary>The largest number accepted; <see cref="long.MaxValue"/> when unrestricted.</summary>
        public long Maximum { get; set; } = long.MaxValue;

        /// <summary>The smallest number accepted; <see cref="long.MinValue"/> when unrestricted.</summary>
        public long Minimum { get; set; } = long.MinValue;

        /// <summary>For a list (the images of an edit): the fewest items; -1 when unrestricted.</summary>
        public int MinItems { get; set; } = -1;

        /// <summary>For a list: the most items; -1 when unrestricted.</summary>
        public int MaxItems { get; set; } = -1;

        /// <summary>The longest text accepted, in characters; -1 when unrestricted.</summary>
        public int MaxLength { get; set; } = -1;

        /// <summary>With <see cref="AllowedValues"/>: free WIDTHxHEIGHT sizes are also accepted when this is non-zero (x-image-dimensions).</summary>
        public int FreeSizeMultipleOf { get; set; }

        /// <summary>See <see cref="FreeSizeMultipleOf"/>.</summary>
        public int FreeSizeMaxLongEdge { get; set; }

        /// <summary>See <see cref="FreeSizeMultipleOf"/>.</summary>
        public int FreeSizeMaxAspectRatio { get; set; }

        /// <summary>See <see cref="FreeSizeMultipleOf"/>.</summary>
        public long FreeSizeMinPixels { get; set; }

        /// <summary>See <see cref="FreeSizeMultipleOf"/>.</summary>
        public long FreeSizeMaxPixels { get; set; }
    }
}
