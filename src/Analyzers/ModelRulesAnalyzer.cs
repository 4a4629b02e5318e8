using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CreateImageSdk.Analyzers
{
    /// <summary>
    /// Reports, at compile time, a request whose constant values break the rules of its constant model
    /// (<c>dall-e-3</c> with <c>n = 4</c>, <c>dall-e-2</c> with <c>hd</c>): in an object initializer of
    /// <c>CreateImageRequest</c>, or in one fluent chain that starts at <c>ImageClient.CreateImage</c> or at a
    /// builder variable. The rules are the <c>[ModelRule]</c> attributes the generator put on each known model, so no
    /// model name is written here and the check changes with the schema.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelRulesAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            ModelRuleDescriptors.UnsupportedValue,
            ModelRuleDescriptors.ForbiddenParameter,
            ModelRuleDescriptors.OutOfRange,
            ModelRuleDescriptors.PromptTooLong);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var sdk = SdkSymbols.TryCreate(start.Compilation);
                if (sdk is null) return;

                start.RegisterOperationAction(c => AnalyzeObjectCreation(c, sdk), OperationKind.ObjectCreation);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, sdk), OperationKind.Invocation);
            });
        }

        private static void AnalyzeObjectCreation(OperationAnalysisContext context, SdkSymbols sdk)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Initializer is null || !(sdk.ForRequest(creation.Type) is { } operation)) return;

            var settings = new List<RequestSetting>();
            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment &&
                    assignment.Target is IPropertyReferenceOperation target &&
                    sdk.WireName(target.Property) is { } parameter)
                {
                    settings.Add(new RequestSetting(parameter, assignment.Value, operation.IsModelType(target.Property.Type), assignment.Syntax));
                }
            }

            RequestChecker.Check(context, sdk, operation, settings);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, SdkSymbols sdk)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!(sdk.ForBuilder(invocation.TargetMethod.ReturnType) is { } operation) ||
                !IsChainLink(invocation, sdk, operation) || IsContinuedBy(invocation.Parent, invocation, sdk, operation))
            {
                // Only the outermost link is analyzed: each chain is checked once, and every value it reports on lies
                // inside the analyzed operation, so its diagnostics are local (the IDE reanalyzes and fixes them in place).
                return;
            }

            var links = new List<IInvocationOperation>();
            var link = invocation;
            while (true)
            {
                links.Add(link);
                if (IsBuilderMethod(link, sdk, operation) && Receiver(link) is IInvocationOperation inner && IsChainLink(inner, sdk, operation))
                {
                    link = inner;
                }
                else
                {
                    break;
                }
            }

            var settings = new List<RequestSetting>();
            for (var i = links.Count - 1; i >= 0; i--) AddSettings(links[i], sdk, operation, settings);
            RequestChecker.Check(context, sdk, operation, settings);
        }

        private static bool IsContinuedBy(IOperation? parent, IInvocationOperation link, SdkSymbols sdk, OperationRules operation)
        {
            // The receiver of an extension step (an overlay's With…) is its first argument.
            if (parent is IArgumentOperation { Parent: IInvocationOperation extension } argument && IsExtensionStep(extension, sdk, operation))
            {
                return extension.Arguments.Length > 0 && extension.Arguments[0] == argument;
            }

            return parent is IInvocationOperation outer && outer.Instance == link && IsBuilderMethod(outer, sdk, operation);
        }

        /// <summary>What a step is called on: its instance, or for an extension step its first argument.</summary>
        private static IOperation? Receiver(IInvocationOperation link) =>
            link.Instance ?? (link.TargetMethod.IsExtensionMethod && link.Arguments.Length > 0 ? SettingValue.Unwrap(link.Arguments[0].Value) : null);

        private static void AddSettings(IInvocationOperation link, SdkSymbols sdk, OperationRules operation, List<RequestSetting> settings)
        {
            if (IsBuilderMethod(link, sdk, operation))
            {
                // An extension step's first argument is the builder; its value is the second.
                var first = link.TargetMethod.IsExtensionMethod ? 1 : 0;
                if (link.Arguments.Length == first + 1 && sdk.WireName(link.TargetMethod) is { } parameter)
                {
                    var parameterType = link.TargetMethod.Parameters[first].Type;
                    settings.Add(new RequestSetting(parameter, link.Arguments[first].Value, operation.IsModelType(parameterType), link.Syntax));
                }

                return;
            }

            // The chain's start (ImageClient.CreateImage): its arguments are required, so they cannot be removed.
            foreach (var argument in link.Arguments)
            {
                if (argument.Parameter != null && sdk.WireName(argument.Parameter) is { } parameter)
                {
                    settings.Add(new RequestSetting(parameter, argument.Value, operation.IsModelType(argument.Parameter.Type), null));
                }
            }
        }

        /// <summary>A call that starts a builder chain (a client method returning the builder) or continues it (a <c>With…</c> method).</summary>
        private static bool IsChainLink(IInvocationOperation invocation, SdkSymbols sdk, OperationRules operation) =>
            IsBuilderMethod(invocation, sdk, operation) ||
            (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, sdk.Client) &&
             SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, operation.Builder));

        /// <summary>
        /// A <c>With…</c> step of the operation's general builder (one that returns the builder and names a parameter),
        /// its own or an extension an overlay generated.
        /// </summary>
        private static bool IsBuilderMethod(IInvocationOperation invocation, SdkSymbols sdk, OperationRules operation) =>
            (!invocation.TargetMethod.IsStatic &&
             SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, operation.Builder) &&
             SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, operation.Builder) &&
             sdk.WireName(invocation.TargetMethod) != null) ||
            IsExtensionStep(invocation, sdk, operation);

        /// <summary>An extension <c>With…</c> on the general builder that names a parameter (an overlay's).</summary>
        private static bool IsExtensionStep(IInvocationOperation invocation, SdkSymbols sdk, OperationRules operation) =>
            invocation.TargetMethod.IsExtensionMethod && invocation.TargetMethod.Parameters.Length == 2 &&
            SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.Parameters[0].Type, operation.Builder) &&
            SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, operation.Builder) &&
            sdk.WireName(invocation.TargetMethod) != null;
    }
}
