using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace CreateImageSdk.Analyzers
{
    /// <summary>
    /// The SDK types and rule attributes of one compilation, resolved once at compilation start, and the known
    /// models' rules, read from metadata on first use. The attributes are internal to the SDK, so they are found in
    /// the SDK assembly itself rather than through the compilation's (accessibility-aware) lookup.
    /// </summary>
    internal sealed class SdkSymbols
    {
        private const string Namespace = "CreateImageSdk.";
        private const string RulesNamespace = "CreateImageSdk.Rules.";

        private readonly INamedTypeSymbol _modelRuleAttribute;
        private readonly INamedTypeSymbol _wireNameAttribute;
        private readonly INamedTypeSymbol _wireValueAttribute;
        private readonly Lazy<ImmutableArray<KnownModel>> _models;
        private readonly Lazy<ImmutableDictionary<ISymbol, KnownModel>> _modelsBySymbol;
        private readonly Lazy<ImmutableDictionary<string, ParameterRule>> _requestRules;

        private SdkSymbols(
            INamedTypeSymbol imageModel, INamedTypeSymbol request, INamedTypeSymbol builder, INamedTypeSymbol client,
            INamedTypeSymbol modelRuleAttribute, INamedTypeSymbol wireNameAttribute, INamedTypeSymbol wireValueAttribute)
        {
            ImageModel = imageModel;
            Request = request;
            Builder = builder;
            Client = client;
            _modelRuleAttribute = modelRuleAttribute;
            _wireNameAttribute = wireNameAttribute;
            _wireValueAttribute = wireValueAttribute;
            _models = new Lazy<ImmutableArray<KnownModel>>(ReadModels, LazyThreadSafetyMode.ExecutionAndPublication);
            _modelsBySymbol = new Lazy<ImmutableDictionary<ISymbol, KnownModel>>(
                IndexModels,
                LazyThreadSafetyMode.ExecutionAndPublication);
            _requestRules = new Lazy<ImmutableDictionary<string, ParameterRule>>(() => ReadRules(Request), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public INamedTypeSymbol ImageModel { get; }

        public INamedTypeSymbol Request { get; }

        public INamedTypeSymbol Builder { get; }

        public INamedTypeSymbol Client { get; }

        /// <summary>The known models in declaration order.</summary>
        public ImmutableArray<KnownModel> Models => _models.Value;

        /// <summary>Null when the compilation does not reference the SDK (or references one without the rule attributes).</summary>
        public static SdkSymbols? TryCreate(Compilation compilation)
        {
            var imageModel = compilation.GetTypeByMetadataName(Namespace + "ImageModel");
            var request = compilation.GetTypeByMetadataName(Namespace + "CreateImageRequest");
            var builder = compilation.GetTypeByMetadataName(Namespace + "CreateImageRequestBuilder");
            var client = compilation.GetTypeByMetadataName(Namespace + "ImageClient");
            if (imageModel is null || request is null || builder is null || client is null) return null;

            var sdk = imageModel.ContainingAssembly;
            var modelRule = sdk.GetTypeByMetadataName(RulesNamespace + "ModelRuleAttribute");
            var wireName = sdk.GetTypeByMetadataName(RulesNamespace + "WireNameAttribute");
            var wireValue = sdk.GetTypeByMetadataName(RulesNamespace + "WireValueAttribute");
            if (modelRule is null || wireName is null || wireValue is null) return null;

            return new SdkSymbols(imageModel, request, builder, client, modelRule, wireName, wireValue);
        }

        /// <summary>What every model demands of a parameter (the <c>[ModelRule]</c> attributes on the request type); null when nothing.</summary>
        public ParameterRule? RequestRuleFor(string parameter) => _requestRules.Value.TryGetValue(parameter, out var rule) ? rule : null;

        public KnownModel? FindModel(IPropertySymbol property) =>
            _modelsBySymbol.Value.TryGetValue(property.OriginalDefinition, out var model) ? model : null;

        /// <summary>The request parameter a property, builder method or method parameter sets, from <c>[WireName]</c>.</summary>
        public string? WireName(ISymbol symbol) => FirstStringArgument(symbol, _wireNameAttribute);

        /// <summary>The wire value of an enum field or known static value, from <c>[WireValue]</c>.</summary>
        public string? WireValue(ISymbol symbol) => FirstStringArgument(symbol, _wireValueAttribute);

        /// <summary>The member of <paramref name="type"/> whose <c>[WireValue]</c> is <paramref name="wireValue"/>.</summary>
        public ISymbol? MemberWithWireValue(ITypeSymbol type, string wireValue) =>
            type.GetMembers().FirstOrDefault(m => m.IsStatic && (m is IFieldSymbol || m is IPropertySymbol) && WireValue(m) == wireValue);

        private string? FirstStringArgument(ISymbol symbol, INamedTypeSymbol attributeClass)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass) &&
                    attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string value)
                {
                    return value;
                }
            }

            return null;
        }

        private ImmutableDictionary<ISymbol, KnownModel> IndexModels()
        {
            var index = ImmutableDictionary.CreateBuilder<ISymbol, KnownModel>(SymbolEqualityComparer.Default);
            foreach (var model in _models.Value) index[model.Symbol] = model;
            return index.ToImmutable();
        }

        private ImmutableArray<KnownModel> ReadModels()
        {
            var models = ImmutableArray.CreateBuilder<KnownModel>();
            foreach (var member in ImageModel.GetMembers())
            {
                if (!(member is IPropertySymbol property) || !property.IsStatic ||
                    !SymbolEqualityComparer.Default.Equals(property.Type, ImageModel))
                {
                    continue;
                }

                var wireValue = WireValue(property);
                if (wireValue is null) continue;

                models.Add(new KnownModel(property, wireValue, ReadRules(property)));
            }

            return models.ToImmutable();
        }

        private ImmutableDictionary<string, ParameterRule> ReadRules(ISymbol symbol)
        {
            var rules = ImmutableDictionary.CreateBuilder<string, ParameterRule>(StringComparer.Ordinal);
            foreach (var attribute in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _modelRuleAttribute) && ReadRule(attribute) is { } rule)
                {
                    rules[rule.Parameter] = rule;
                }
            }

            return rules.ToImmutable();
        }

        private static ParameterRule? ReadRule(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 1 || !(attribute.ConstructorArguments[0].Value is string parameter)) return null;

            // Absent named arguments keep the attribute's defaults, which mean "unrestricted".
            ImmutableArray<string>? allowed = null;
            bool forbidden = false;
            long minimum = long.MinValue, maximum = long.MaxValue, minPixels = 0, maxPixels = 0;
            int maxLength = -1, multipleOf = 0, maxLongEdge = 0, maxAspectRatio = 0;
            foreach (var named in attribute.NamedArguments)
            {
                var value = named.Value;
                switch (named.Key)
                {
                    case "AllowedValues":
                        if (value.Kind == TypedConstantKind.Array && !value.IsNull)
                        {
                            allowed = value.Values.Select(v => v.Value as string).Where(v => v != null).Select(v => v!).ToImmutableArray();
                        }

                        break;
                    case "Forbidden": forbidden = value.Value is bool b && b; break;
                    case "Minimum": minimum = AsLong(value, minimum); break;
                    case "Maximum": maximum = AsLong(value, maximum); break;
                    case "MaxLength": maxLength = (int)AsLong(value, maxLength); break;
                    case "FreeSizeMultipleOf": multipleOf = (int)AsLong(value, 0); break;
                    case "FreeSizeMaxLongEdge": maxLongEdge = (int)AsLong(value, 0); break;
                    case "FreeSizeMaxAspectRatio": maxAspectRatio = (int)AsLong(value, 0); break;
                    case "FreeSizeMinPixels": minPixels = AsLong(value, 0); break;
                    case "FreeSizeMaxPixels": maxPixels = AsLong(value, 0); break;
                }
            }

            var freeSize = multipleOf > 0 ? new FreeSizeRule(multipleOf, maxLongEdge, maxAspectRatio, minPixels, maxPixels) : null;
            return new ParameterRule(parameter, allowed, forbidden, minimum, maximum, maxLength, freeSize);
        }

        private static long AsLong(TypedConstant constant, long fallback) => constant.Value switch
        {
            long l => l,
            int i => i,
            _ => fallback,
        };
    }
}
