using Microsoft.CodeAnalysis;

namespace CreateImageSdk.Analyzers
{
    /// <summary>Every diagnostic the per-model rules analyzer reports: one table, one ID prefix (CIA).</summary>
    internal static class ModelRuleDescriptors
    {
        public const string UnsupportedValueId = "CIA001";
        public const string ForbiddenParameterId = "CIA002";
        public const string OutOfRangeId = "CIA003";
        public const string PromptTooLongId = "CIA004";

        private const string Category = "CreateImageSdk.Usage";
        private const string HelpLink = "https://github.com/createimagesdk/createimagesdk/blob/main/README.md";

        public static readonly DiagnosticDescriptor UnsupportedValue = Create(
            UnsupportedValueId, "Value not supported by the model", "{0} '{1}' is not supported by model '{2}'; allowed: {3}");

        public static readonly DiagnosticDescriptor ForbiddenParameter = Create(
            ForbiddenParameterId, "Parameter not supported by the model", "{0} is not supported by model '{1}'; remove it");

        public static readonly DiagnosticDescriptor OutOfRange = Create(
            OutOfRangeId, "Number out of the model's range", "{0} = {1} is not allowed {2} ({3})");

        public static readonly DiagnosticDescriptor PromptTooLong = Create(
            PromptTooLongId, "Prompt longer than the model accepts", "the {0} has {1} characters; {2} accepts at most {3}");

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                description: "The request breaks a per-model rule of the schema; the SDK would refuse it before sending.",
                helpLinkUri: HelpLink + "#analyzer-diagnostics");
    }
}
