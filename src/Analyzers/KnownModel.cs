using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CreateImageSdk.Analyzers
{
    /// <summary>One known model (a static property of <c>ImageModel</c> with <c>[WireValue]</c>) and its rules by parameter.</summary>
    internal sealed class KnownModel
    {
        public KnownModel(IPropertySymbol symbol, string wireValue, ImmutableDictionary<string, ParameterRule> rules)
        {
            Symbol = symbol;
            WireValue = wireValue;
            Rules = rules;
        }

        public IPropertySymbol Symbol { get; }

        /// <summary>The C# member name, e.g. <c>DallE3</c>.</summary>
        public string MemberName => Symbol.Name;

        /// <summary>The wire value, e.g. <c>dall-e-3</c>.</summary>
        public string WireValue { get; }

        /// <summary>The rules by parameter wire name; a parameter without one is unrestricted.</summary>
        public ImmutableDictionary<string, ParameterRule> Rules { get; }

        /// <summary>The same rules under another wire id: a dated snapshot or a model that borrows them, named as it is sent.</summary>
        public KnownModel Named(string wireValue) => new KnownModel(Symbol, wireValue, Rules);

        public ParameterRule? RuleFor(string parameter) => Rules.TryGetValue(parameter, out var rule) ? rule : null;
    }
}
