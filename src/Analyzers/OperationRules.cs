using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CreateImageSdk.Analyzers
{
    /// <summary>
    /// One operation's rules, read from its request type's attributes: what every model demands, and what each known
    /// model demands. The same model value set serves several operations; the rules do not.
    /// </summary>
    internal sealed class OperationRules
    {
        private readonly ImmutableDictionary<ISymbol, KnownModel> _modelsBySymbol;
        private readonly ImmutableDictionary<string, ParameterRule> _everyModel;

        public OperationRules(INamedTypeSymbol request, INamedTypeSymbol? builder, ITypeSymbol? modelType, ImmutableArray<KnownModel> models, ImmutableDictionary<string, ParameterRule> everyModel)
        {
            Request = request;
            Builder = builder;
            ModelType = modelType;
            Models = models;
            _everyModel = everyModel;
            var index = ImmutableDictionary.CreateBuilder<ISymbol, KnownModel>(SymbolEqualityComparer.Default);
            foreach (var model in models) index[model.Symbol] = model;
            _modelsBySymbol = index.ToImmutable();
        }

        /// <summary>The request type, such as <c>CreateImageRequest</c>.</summary>
        public INamedTypeSymbol Request { get; }

        /// <summary>The general builder, when these rules were found through it.</summary>
        public INamedTypeSymbol? Builder { get; }

        /// <summary>The type of the model parameter, such as <c>ImageModel</c>; null when the operation has no per-model rules.</summary>
        public ITypeSymbol? ModelType { get; }

        /// <summary>The known models in declaration order, each with this operation's rules.</summary>
        public ImmutableArray<KnownModel> Models { get; }

        public OperationRules WithBuilder(INamedTypeSymbol builder) => new OperationRules(Request, builder, ModelType, Models, _everyModel);

        /// <summary>What every model demands of a parameter; null when nothing.</summary>
        public ParameterRule? RequestRuleFor(string parameter) => _everyModel.TryGetValue(parameter, out var rule) ? rule : null;

        public KnownModel? FindModel(IPropertySymbol property) =>
            _modelsBySymbol.TryGetValue(property.OriginalDefinition, out var model) ? model : null;

        /// <summary>The known model with this wire value, or null.</summary>
        public KnownModel? FindModel(string wireValue)
        {
            foreach (var model in Models)
            {
                if (string.Equals(model.WireValue, wireValue, System.StringComparison.Ordinal)) return model;
            }

            return null;
        }

        /// <summary>Whether <paramref name="type"/> (or its nullable form) is the model parameter's type.</summary>
        public bool IsModelType(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol named && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                type = named.TypeArguments[0];
            }

            return ModelType != null && SymbolEqualityComparer.Default.Equals(type, ModelType);
        }
    }
}
