using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace CreateImageSdk.Analyzers
{
    /// <summary>
    /// The SDK's rule attributes, resolved once at compilation start, and each operation's rules, read from metadata
    /// on first use. Nothing here names a generated type: a general builder carries <c>[BuilderFor(typeof(request))]</c>,
    /// the request carries <c>[ModelParameter]</c> and its <c>[ModelRule]</c>s, so every operation is covered.
    /// The attributes are internal to the SDK, so they are found in the SDK assembly itself rather than through the
    /// compilation's (accessibility-aware) lookup.
    /// </summary>
    internal sealed class SdkSymbols
    {
        private const string RulesNamespace = "CreateImageSdk.Rules.";

        private readonly INamedTypeSymbol _modelRuleAttribute;
        private readonly INamedTypeSymbol _wireNameAttribute;
        private readonly INamedTypeSymbol _wireValueAttribute;
        private readonly INamedTypeSymbol _modelParameterAttribute;
        private readonly INamedTypeSymbol _builderForAttribute;
        private readonly ConcurrentDictionary<ITypeSymbol, OperationRules?> _operations =
            new ConcurrentDictionary<ITypeSymbol, OperationRules?>(SymbolEqualityComparer.Default);

        private SdkSymbols(
            INamedTypeSymbol client, INamedTypeSymbol modelRuleAttribute, INamedTypeSymbol wireNameAttribute, INamedTypeSymbol wireValueAttribute,
            INamedTypeSymbol modelParameterAttribute, INamedTypeSymbol builderForAttribute)
        {
            Client = client;
            _modelRuleAttribute = modelRuleAttribute;
            _wireNameAttribute = wireNameAttribute;
            _wireValueAttribute = wireValueAttribute;
            _modelParameterAttribute = modelParameterAttribute;
            _builderForAttribute = builderForAttribute;
        }

        public INamedTypeSymbol Client { get; }

        /// <summary>Null when the compilation does not reference the SDK (or references one without the rule attributes).</summary>
        public static SdkSymbols? TryCreate(Compilation compilation)
        {
            var client = compilation.GetTypeByMetadataName("CreateImageSdk.ImageClient");
            if (client is null) return null;

            var sdk = client.ContainingAssembly;
            var modelRule = sdk.GetTypeByMetadataName(RulesNamespace + "ModelRuleAttribute");
            var wireName = sdk.GetTypeByMetadataName(RulesNamespace + "WireNameAttribute");
            var wireValue = sdk.GetTypeByMetadataName(RulesNamespace + "WireValueAttribute");
            var modelParameter = sdk.GetTypeByMetadataName(RulesNamespace + "ModelParameterAttribute");
            var builderFor = sdk.GetTypeByMetadataName(RulesNamespace + "BuilderForAttribute");
            if (modelRule is null || wireName is null || wireValue is null || modelParameter is null || builderFor is null) return null;

            return new SdkSymbols(client, modelRule, wireName, wireValue, modelParameter, builderFor);
        }

        /// <summary>The rules of the operation whose general builder is <paramref name="builder"/>; null for any other type.</summary>
        public OperationRules? ForBuilder(ITypeSymbol? builder)
        {
            if (!(builder is INamedTypeSymbol named)) return null;
            return _operations.GetOrAdd(named, type =>
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _builderForAttribute) &&
                        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol request)
                    {
                        return ForRequest(request) is { } rules ? rules.WithBuilder((INamedTypeSymbol)type) : null;
                    }
                }

                return null;
            });
        }

        /// <summary>The rules of the operation whose request type is <paramref name="request"/>; null for a type without rules.</summary>
        public OperationRules? ForRequest(ITypeSymbol? request)
        {
            if (!(request is INamedTypeSymbol named)) return null;
            return _operations.GetOrAdd(named, type => ReadOperation((INamedTypeSymbol)type));
        }

        /// <summary>The request parameter a property, builder method or method parameter sets, from <c>[WireName]</c>.</summary>
        public string? WireName(ISymbol symbol) => FirstStringArgument(symbol, _wireNameAttribute);

        /// <summary>The wire value of an enum field or known static value, from <c>[WireValue]</c>.</summary>
        public string? WireValue(ISymbol symbol) => FirstStringArgument(symbol, _wireValueAttribute);

        /// <summary>The member of <paramref name="type"/> whose <c>[WireValue]</c> is <paramref name="wireValue"/>.</summary>
        public ISymbol? MemberWithWireValue(ITypeSymbol type, string wireValue) =>
            type.GetMembers().FirstOrDefault(m => m.IsStatic && (m is IFieldSymbol || m is IPropertySymbol) && WireValue(m) == wireValue);

        /// <summary>
        /// A model declared outside the SDK (an overlay's <c>Models.X</c>): a static property of the model type, elsewhere,
        /// with <c>[WireValue]</c> and its rules as <c>[ModelRule(…, Request = typeof(…))]</c> for this operation; else null.
        /// </summary>
        public KnownModel? DeclaredModel(IPropertySymbol property, OperationRules operation)
        {
            if (!operation.IsModelType(property.Type) || SymbolEqualityComparer.Default.Equals(property.ContainingType, operation.ModelType)) return null;
            var wireValue = WireValue(property);
            if (wireValue is null) return null;
            var rules = ImmutableDictionary.CreateBuilder<string, ParameterRule>(StringComparer.Ordinal);
            foreach (var attribute in property.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _modelRuleAttribute) || ReadRule(attribute) is not { } rule) continue;
                var request = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Request").Value.Value as ITypeSymbol;
                if (SymbolEqualityComparer.Default.Equals(request, operation.Request)) rules[rule.Parameter] = rule;
            }

            return new KnownModel(property, wireValue, rules.ToImmutable());
        }

        private OperationRules? ReadOperation(INamedTypeSymbol request)
        {
            string? modelParameter = null;
            var everyModel = ImmutableDictionary.CreateBuilder<string, ParameterRule>(StringComparer.Ordinal);
            var perModel = new Dictionary<string, ImmutableDictionary<string, ParameterRule>.Builder>(StringComparer.Ordinal);
            foreach (var attribute in request.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _modelParameterAttribute) &&
                    attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string parameter)
                {
                    modelParameter = parameter;
                }
                else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _modelRuleAttribute) && ReadRule(attribute) is { } rule)
                {
                    var model = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Model").Value.Value as string;
                    if (model is null)
                    {
                        everyModel[rule.Parameter] = rule;
                    }
                    else
                    {
                        if (!perModel.TryGetValue(model, out var rules)) perModel[model] = rules = ImmutableDictionary.CreateBuilder<string, ParameterRule>(StringComparer.Ordinal);
                        rules[rule.Parameter] = rule;
                    }
                }
            }

            if (modelParameter is null && everyModel.Count == 0) return null;

            // The model's value type is the type of the request property that sets the model parameter.
            var modelType = modelParameter is null ? null : request.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => WireName(p) == modelParameter)?.Type;
            if (modelType is INamedTypeSymbol nullable && nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) modelType = nullable.TypeArguments[0];

            var models = ImmutableArray.CreateBuilder<KnownModel>();
            if (modelType != null)
            {
                foreach (var member in modelType.GetMembers())
                {
                    if (!(member is IPropertySymbol property) || !property.IsStatic || !SymbolEqualityComparer.Default.Equals(property.Type, modelType)) continue;
                    var wireValue = WireValue(property);
                    if (wireValue is null) continue;
                    var rules = perModel.TryGetValue(wireValue, out var found) ? found.ToImmutable() : ImmutableDictionary<string, ParameterRule>.Empty;
                    models.Add(new KnownModel(property, wireValue, rules));
                }
            }

            return new OperationRules(request, null, modelType, models.ToImmutable(), everyModel.ToImmutable());
        }

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

        private static ParameterRule? ReadRule(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 1 || !(attribute.ConstructorArguments[0].Value is string parameter)) return null;

            // Absent named arguments keep the attribute's defaults, which mean "unrestricted".
            ImmutableArray<string>? allowed = null;
            bool forbidden = false;
            long minimum = long.MinValue, maximum = long.MaxValue, minPixels = 0, maxPixels = 0;
            int maxLength = -1, multipleOf = 0, maxLongEdge = 0, maxAspectRatio = 0, minItems = -1, maxItems = -1;
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
                    case "MinItems": minItems = (int)AsLong(value, minItems); break;
                    case "MaxItems": maxItems = (int)AsLong(value, maxItems); break;
                    case "FreeSizeMultipleOf": multipleOf = (int)AsLong(value, 0); break;
                    case "FreeSizeMaxLongEdge": maxLongEdge = (int)AsLong(value, 0); break;
                    case "FreeSizeMaxAspectRatio": maxAspectRatio = (int)AsLong(value, 0); break;
                    case "FreeSizeMinPixels": minPixels = AsLong(value, 0); break;
                    case "FreeSizeMaxPixels": maxPixels = AsLong(value, 0); break;
                }
            }

            var freeSize = multipleOf > 0 ? new FreeSizeRule(multipleOf, maxLongEdge, maxAspectRatio, minPixels, maxPixels) : null;
            return new ParameterRule(parameter, allowed, forbidden, minimum, maximum, maxLength, freeSize, minItems, maxItems);
        }

        private static long AsLong(TypedConstant constant, long fallback) => constant.Value switch
        {
            long l => l,
            int i => i,
            _ => fallback,
        };
    }
}
