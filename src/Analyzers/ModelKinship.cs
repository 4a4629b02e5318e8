using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CreateImageSdk.Analyzers
{
    /// <summary>
    /// Which known model's rules check a model expression, as the SDK decides at run time (<c>ImageModel.RulesOf</c>):
    /// a known member (<c>ImageModel.GptImage2</c>); <c>ImageModel.Custom("…")</c> with a constant id that is a known
    /// model's, or a dated snapshot of one (<c>gpt-image-2-2026-09-01</c> → gpt-image-2); <c>ImageModel.Custom(id,
    /// rulesOf: …)</c>, whose second argument says it. <c>ImageModel.Unchecked(…)</c>, an unknown id and anything not
    /// constant get no model's rules, as at run time.
    /// </summary>
    internal static class ModelKinship
    {
        /// <summary>The model whose rules apply, carrying the id that goes on the wire (for the messages); null when none.</summary>
        public static KnownModel? Resolve(IOperation model, OperationRules operation, SdkSymbols sdk) => Resolve(model, operation, sdk, depth: 0);

        private static KnownModel? Resolve(IOperation model, OperationRules operation, SdkSymbols sdk, int depth)
        {
            model = SettingValue.Unwrap(model);
            // A known model, or one an overlay declares (a static property that carries its id and rules).
            if (model is IPropertyReferenceOperation { Property: { IsStatic: true } property }) return operation.FindModel(property) ?? sdk.DeclaredModel(property, operation);
            if (depth > 8 || !(model is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Custom" } method } call) ||
                !operation.IsModelType(method.ContainingType) || !operation.IsModelType(method.ReturnType))
            {
                return null;
            }

            var id = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "value")?.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
            var rulesOf = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "rulesOf");
            var rules = rulesOf != null ? Resolve(rulesOf.Value, operation, sdk, depth + 1)
                : id is null ? null
                : operation.FindModel(id) ?? (CreateImageSdk.Validation.DatedSnapshot.BaseOf(id) is { } baseId ? operation.FindModel(baseId) : null);
            return rules is null || id is null || id == rules.WireValue ? rules : rules.Named(id);
        }
    }
}
