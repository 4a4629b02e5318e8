using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CreateImageSdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CreateImageSdk.CodeFixes
{
    /// <summary>Fixes CIA002 (a parameter the model does not take) by removing the <c>.WithX(...)</c> call or the initializer assignment.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForbiddenParameterCodeFixProvider))]
    [Shared]
    public sealed class ForbiddenParameterCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of the fix.</summary>
        public const string RemoveKey = "CIA002.Remove";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ModelRuleDescriptors.ForbiddenParameterId);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;

            foreach (var diagnostic in context.Diagnostics)
            {
                // The analyzer passes the removable syntax only where removing it is possible.
                if (diagnostic.AdditionalLocations.Count == 0) continue;
                var setting = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true);
                if (!(SyntaxEdits.RemoveSetting(root, setting) is { } newRoot)) continue;

                diagnostic.Properties.TryGetValue(DiagnosticProperties.Parameter, out var parameter);
                context.RegisterCodeFix(
                    CodeAction.Create("Remove " + parameter, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), RemoveKey),
                    diagnostic);
            }
        }
    }
}
