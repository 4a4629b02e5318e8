using System;
using Microsoft.CodeAnalysis;

namespace CreateImageSdk.Generator.Diagnostics
{
    /// <summary>Every diagnostic the generator reports: one table, one ID prefix (CIS).</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "CreateImageSdk.Schema";
        private const string HelpLink = "https://github.com/createimagesdk/createimagesdk/blob/main/README.md";

        public static readonly DiagnosticDescriptor InvalidJson = Create(
            "CIS001", "Schema file is not valid JSON", "Schema file '{0}' is not valid JSON: {1}");

        public static readonly DiagnosticDescriptor UnreadableSchema = Create(
            "CIS002", "Schema could not be read", "Schema file '{0}' could not be read as a JSON Schema: {1}");

        public static readonly DiagnosticDescriptor NoProperties = Create(
            "CIS003", "Schema has no properties", "Schema '{0}' declares no properties; there is nothing to generate");

        public static readonly DiagnosticDescriptor UnsupportedType = Create(
            "CIS004", "Unsupported property type", "Property '{0}' has a type the generator does not support: {1}");

        public static readonly DiagnosticDescriptor EmptyEnum = Create(
            "CIS005", "Enum has no values", "Property '{0}' declares an enum with no non-null values");

        public static readonly DiagnosticDescriptor MemberNameClash = Create(
            "CIS006", "Enum member names clash", "Values '{0}' and '{1}' of '{2}' both become the C# name '{3}'");

        public static readonly DiagnosticDescriptor MissingTitle = Create(
            "CIS007", "Schema has no title", "Schema '{0}' needs a 'title' to name the generated type");

        public static readonly DiagnosticDescriptor UnsupportedRule = Create(
            "CIS008", "Conditional rule not understood", "allOf entry {0} is not a supported if/then rule: {1}");

        public static readonly DiagnosticDescriptor UnknownRuleProperty = Create(
            "CIS009", "Rule names an unknown property", "A rule names property '{0}', which the schema does not declare");

        public static readonly DiagnosticDescriptor ConflictingType = Create(
            "CIS010", "Type defined differently twice", "Two schemas define the type {0} differently; give one of them another x-csharp-type-name or title");

        public static readonly DiagnosticDescriptor InternalError = Create(
            "CIS011", "Generator failed", "The generator failed on '{0}': {1}. Please report this with the schema.");

        public static readonly DiagnosticDescriptor InvalidName = Create(
            "CIS012", "Invalid or clashing C# name", "'{0}' gives the C# name '{1}', which {2}; set x-csharp-name or x-csharp-type-name");

        public static readonly DiagnosticDescriptor ExternalReference = Create(
            "CIS013", "External reference", "$ref '{0}' points outside schemas/; only local references (#/...) and relative ones to another schema file (other.schema.json#/definitions/Name) are read, so the build never fetches anything");

        public static readonly DiagnosticDescriptor UnknownOperationType = Create(
            "CIS014", "Operation names an unknown type or property", "x-operation of '{0}' names {1}, which no schema defines");

        public static readonly DiagnosticDescriptor InvalidPattern = Create(
            "CIS015", "Invalid pattern", "The pattern of property '{0}' is not a valid regular expression: {1}");

        public static readonly DiagnosticDescriptor InvalidModelProperty = Create(
            "CIS017", "x-model-property is not an enum property", "x-model-property names '{0}', which is not an enum property of this schema; name the property whose value selects the per-model rules");

        public static readonly DiagnosticDescriptor EnumDescriptionCount = Create(
            "CIS016", "Enum descriptions do not match the values", "x-enum-descriptions of '{0}' has {1} entries for {2} values; give one description per value, in the same order");

        public static readonly DiagnosticDescriptor UnresolvedReference = Create(
            "CIS019", "Unresolved reference", "$ref '{0}' cannot be resolved: {1}; a relative reference names a definition of another *.schema.json file in schemas/");

        public static readonly DiagnosticDescriptor DuplicateHintName = Create(
            "CIS018", "Two generated files share a name", "The generated file '{0}' would be added twice (from {1} and {2}); give the second operation its own x-operation.variant, or rename one of the types");

        public static readonly DiagnosticDescriptor InvalidOverlay = Create(
            "CIS020", "Overlay schema not understood", "Overlay '{0}': {1}");

        private static readonly DiagnosticDescriptor[] All =
        {
            InvalidJson, UnreadableSchema, NoProperties, UnsupportedType, EmptyEnum, MemberNameClash, MissingTitle,
            UnsupportedRule, UnknownRuleProperty, ConflictingType, InternalError, InvalidName, ExternalReference, UnknownOperationType, InvalidPattern, EnumDescriptionCount, InvalidModelProperty, DuplicateHintName, UnresolvedReference, InvalidOverlay,
        };

        public static DiagnosticDescriptor ById(string id)
        {
            foreach (var descriptor in All)
            {
                if (descriptor.Id == id) return descriptor;
            }

            throw new ArgumentOutOfRangeException(nameof(id), id, "No such diagnostic.");
        }

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink + "#generator-diagnostics");
    }
}
